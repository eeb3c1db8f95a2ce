"""Run the named queries of sql/ against the embedded database and return Polars frames.

One reader per database file and process. Each query runs on its own cursor, because one
DuckDB connection is not safe to share between Streamlit's script threads. Values reach the
SQL only as bound parameters; the query name is checked against the files in sql/.

An import never changes the file a reader has open: it writes a complete new file and moves
it into place (nyckeltal.bygg). The reader notices the new file by its inode and modification
time and opens a snapshot of it; the old snapshot keeps answering from the old file until
nobody uses it, so a query sees either the old database or the new one, never half an import.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from nyckeltal import sokvagar

_NAMN = re.compile(r"[a-z0-9_]+")
# Filters a caller may leave out: unbound, the query answers for every indicator in the
# database (a whole-database export, an import's checks, golden tests over all of data/).
# The pages pass the indicators they show (tests/test_fragor.py checks that they do).
VALFRIA_PARAMETRAR: dict[str, object] = {"indikatorer": None}
# The attached file's name inside each snapshot's own in-memory DuckDB instance.
_KATALOG = "nyckeltal"


@functools.cache
def fragor() -> frozenset[str]:
    """The allow-list of query names: every sql/*.sql file except the schema."""
    return frozenset(p.stem for p in sokvagar.SQL.glob("*.sql") if p.stem != "schema")


@functools.cache
def las_fraga(namn: str) -> str:
    if not _NAMN.fullmatch(namn) or namn not in fragor():
        raise KeyError(f"okänd fråga: {namn!r}")
    return (sokvagar.SQL / f"{namn}.sql").read_text(encoding="utf-8")


@functools.cache
def parametrar_i(namn: str) -> frozenset[str]:
    """The $names the SQL of a query uses (its comments left out)."""
    sql = "\n".join(rad.split("--", 1)[0] for rad in las_fraga(namn).splitlines())
    return frozenset(re.findall(r"\$([a-z_]+)", sql))


def bundna(namn: str, parametrar: dict[str, object]) -> dict[str, object] | None:
    """The parameters to bind: the caller's, and NULL for an optional filter left out."""
    anvanda = parametrar_i(namn)
    valfria = {k: v for k, v in VALFRIA_PARAMETRAR.items() if k in anvanda and k not in parametrar}
    return {**valfria, **parametrar} or None


def fraga_pa(con: duckdb.DuckDBPyConnection, namn: str, **parametrar: object) -> pl.DataFrame:
    """Run sql/<namn>.sql on a connection of one thread (the import's build, a test)."""
    return con.sql(las_fraga(namn), params=bundna(namn, parametrar)).pl()


def oppna_last(fil: Path, **config: object) -> duckdb.DuckDBPyConnection:
    """A read-only connection to fil through its own in-memory DuckDB instance.

    duckdb.connect(fil) would share one instance per path within the process, and that
    instance keeps reading the replaced file for as long as any connection to it is open.
    Attaching the file to a fresh in-memory instance opens the file that is there now."""
    con = duckdb.connect(":memory:", config=config)
    try:
        sokvag = str(fil).replace("'", "''")  # our own path, never user text
        con.execute(f"attach '{sokvag}' as {_KATALOG} (read_only)")
        con.execute(f"use {_KATALOG}")
    except BaseException:
        con.close()
        raise
    return con


def filversion(fil: Path) -> tuple[str, int, int, int] | None:
    """What identifies one version of the file: a replaced file has a new inode."""
    try:
        stat = os.stat(fil)
    except FileNotFoundError:
        return None
    return (str(fil), stat.st_ino, stat.st_mtime_ns, stat.st_size)


@dataclass(frozen=True, eq=False)
class Ogonblick:
    """One version of the database file, open read-only and hardened: no file or network
    access, configuration locked."""

    version: tuple
    con: duckdb.DuckDBPyConnection

    @classmethod
    def oppna(cls, fil: Path) -> Ogonblick:
        version = filversion(fil)
        con = oppna_last(fil, threads=2, memory_limit="1GB")
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
        return cls(version, con)

    def fraga(self, namn: str, **parametrar: object) -> pl.DataFrame:
        """Run sql/<namn>.sql with named parameters ($name in the SQL)."""
        sql = las_fraga(namn)
        with self.con.cursor() as cursor:
            cursor.execute(f"use {_KATALOG}")  # the default catalog is per connection
            return cursor.sql(sql, params=bundna(namn, parametrar)).pl()


class Databas:
    """A read-only view of one database file that follows the file when it is replaced."""

    def __init__(self, fil: Path):
        self.fil = Path(fil)
        self._las = threading.Lock()
        self._ogonblick = Ogonblick.oppna(self.fil)

    def ogonblick(self) -> Ogonblick:
        """The snapshot of the file as it is now; a new one if an import replaced it.

        The old snapshot is not closed here: another thread may be mid-query on it. It closes
        when the last reference goes."""
        version = filversion(self.fil)
        if version is None or version == self._ogonblick.version:
            return self._ogonblick
        with self._las:
            if filversion(self.fil) != self._ogonblick.version:
                self._ogonblick = Ogonblick.oppna(self.fil)
            return self._ogonblick

    @property
    def version(self) -> tuple:
        return self.ogonblick().version

    def fraga(self, namn: str, **parametrar: object) -> pl.DataFrame:
        """Run sql/<namn>.sql with named parameters ($name in the SQL)."""
        return self.ogonblick().fraga(namn, **parametrar)

    def stang(self) -> None:
        self._ogonblick.con.close()
