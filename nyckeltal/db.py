"""Run the named queries of sql/ against the embedded database and return Polars frames.

One read-only DuckDB connection per process; each query runs on its own cursor, because one
DuckDB connection is not safe to share between Streamlit's script threads. Values reach the
SQL only as bound parameters; the query name is checked against the files in sql/.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import duckdb
import polars as pl

from nyckeltal import sokvagar

_NAMN = re.compile(r"[a-z0-9_]+")


@functools.cache
def fragor() -> frozenset[str]:
    """The allow-list of query names: every sql/*.sql file except the schema."""
    return frozenset(p.stem for p in sokvagar.SQL.glob("*.sql") if p.stem != "schema")


@functools.cache
def las_fraga(namn: str) -> str:
    if not _NAMN.fullmatch(namn) or namn not in fragor():
        raise KeyError(f"okänd fråga: {namn!r}")
    return (sokvagar.SQL / f"{namn}.sql").read_text(encoding="utf-8")


class Databas:
    """A read-only view of one database file, hardened against anything external."""

    def __init__(self, fil: Path):
        self.fil = fil
        self._con = duckdb.connect(
            str(fil),
            read_only=True,
            config={"enable_external_access": False, "threads": 2, "memory_limit": "1GB"},
        )
        # DuckDB shares one database instance per file within a process; the first
        # connection locks it, later ones find it locked already.
        if not self._con.execute("select current_setting('lock_configuration')").fetchall()[0][0]:
            self._con.execute("set lock_configuration = true")

    def fraga(self, namn: str, **parametrar: object) -> pl.DataFrame:
        """Run sql/<namn>.sql with named parameters ($name in the SQL)."""
        sql = las_fraga(namn)
        with self._con.cursor() as cursor:
            return cursor.sql(sql, params=parametrar or None).pl()

    def stang(self) -> None:
        self._con.close()
