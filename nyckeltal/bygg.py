"""Build the embedded DuckDB database from data/*.csv, all or nothing.

The database is written to a temporary file beside the target and moved into place with one
os.replace, so a reader sees either the old file or the complete new one, never half a build.
It is rebuilt when it is missing or when the sources (schema and CSV files) have changed since
it was built: their SHA-256 is stored in the table bygginfo.

Every write goes this way, also an import of new figures, its undo and a staff comment
(nyckeltal.importera): the administration tables (importer, importerade_kallor,
importerade_varden, kommentarer) are carried over from the old file, the active imports are
laid over the seeds in order (later import wins), the change is applied, the new file is
verified, the old one is copied to db/backup/, and only then is the new file moved into place.
Writers take an exclusive lock on the database's directory, so they run one at a time.

What can be derived once per write instead of on every page view is derived here, in the same
temporary file: the reconciliation checks (table avstamningar, nyckeltal.avstamning.lagra).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import re
import shutil
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from nyckeltal import avstamning, sokvagar
from nyckeltal.db import oppna_last
from nyckeltal.inlasning import DataFel, Fel, Kolumn, kolumner, las_tabell

# In load order: a table comes after the tables it references.
TABELLER = (
    "kallor",
    "indikatorer",
    "dimensioner",
    "varden",
    "mal",
    "kallkonflikter",
    "partnerskap",
    "partnerskap_belopp",
    "partnerskap_mal",
)
# NOT NULL text columns where an empty cell is a value of its own ('' = the total row).
TOM_TEXT = {"varden": frozenset({"dimension"})}
# Not built from data/: carried over from the previous file on every build, in this order.
FORVALTNING = ("importer", "importerade_kallor", "importerade_varden", "kommentarer")
# How many copies of earlier database files db/backup/ keeps (NYCKELTAL_BACKUPER overrides).
BACKUPER = 10
UPPTAGEN = (
    "En annan import pågår (eller en annan ändring av databasen). Vänta en stund och försök igen."
)


def kallfiler(data: Path | None = None) -> list[Path]:
    """What a build is made from: the schema, the SQL of what is derived during the build
    (a changed calculation rebuilds like changed data), and the source CSV files."""
    data = data or sokvagar.DATA
    return [
        sokvagar.SCHEMA,
        avstamning.BERAKNING,
        *(data / f"{tabell}.csv" for tabell in TABELLER),
    ]


def kallhash(data: Path | None = None) -> str:
    """SHA-256 over the names and contents of the files kallfiler lists."""
    h = hashlib.sha256()
    for fil in kallfiler(data):
        h.update(fil.name.encode())
        h.update(b"\0")
        h.update(fil.read_bytes() if fil.exists() else b"<saknas>")
        h.update(b"\0")
    return h.hexdigest()


# Which file a foreign-key column points into, for the error message.
_REFERENSER = {
    "indikator_id": "indikatorer",
    "kalla_id": "kallor",
    "kalla_a": "kallor",
    "kalla_b": "kallor",
    "partnerskap_id": "partnerskap",
}


def _regelfel(meddelande: str, spec: list[Kolumn], rad: dict) -> tuple[str | None, str]:
    """Translate a DuckDB constraint error on one row into (column, Swedish message)."""
    kolumn = next(
        (k.namn for k in spec if re.search(rf"\b{re.escape(k.namn)}\b", meddelande)), None
    )
    if "CHECK constraint" in meddelande:
        regel = meddelande.split("expression", 1)[-1].strip()
        return kolumn, f"värdet är inte tillåtet enligt regeln {regel} i sql/schema.sql."
    if "foreign key" in meddelande:
        kolumn = next(
            (k for k in _REFERENSER if k in rad and re.search(rf"\b{k}: ", meddelande)), kolumn
        )
        if kolumn in _REFERENSER:
            return kolumn, f"'{rad[kolumn]}' finns inte i {_REFERENSER[kolumn]}.csv."
        return kolumn, "hänvisar till en post som inte finns."
    if "primary key" in meddelande or "Duplicate key" in meddelande:
        return None, "raden finns redan (samma nyckel som en tidigare rad)."
    if "NOT NULL" in meddelande:
        return kolumn, "värde saknas."
    return kolumn, f"raden kan inte sparas ({meddelande})."


def _infoga(con: duckdb.DuckDBPyConnection, tabell: str, df: pl.DataFrame, spec) -> None:
    """Insert a frame; on a constraint error, find and name the first row that breaks it."""
    con.register("inkommande", df)
    try:
        con.execute(f"insert into {tabell} select * from inkommande")  # tabell: from TABELLER
        return
    except duckdb.ConstraintException:
        pass
    finally:
        con.unregister("inkommande")
    for index in range(df.height):
        con.register("inkommande", df.slice(index, 1))
        try:
            con.execute(f"insert into {tabell} select * from inkommande")
        except duckdb.ConstraintException as exc:
            kolumn, text = _regelfel(str(exc), spec, df.row(index, named=True))
            raise DataFel([Fel(f"{tabell}.csv", index + 2, kolumn, text)]) from None
        finally:
            con.unregister("inkommande")
    raise AssertionError("bulk insert failed but every single row went in")  # pragma: no cover


def _kontrollera_dimensioner(tabeller: dict[str, pl.DataFrame]) -> list[Fel]:
    """A value's dimension must be a known value of its indicator's dimension ('' = total)."""
    dimension_for = dict(tabeller["indikatorer"].select("indikator_id", "dimension").iter_rows())
    tillatna = set(tabeller["dimensioner"].select("dimension", "dimensionsvarde").iter_rows())
    fel = []
    for index, (indikator, varde) in enumerate(
        tabeller["varden"].select("indikator_id", "dimension").iter_rows()
    ):
        if varde == "" or indikator not in dimension_for:
            continue  # the total row; an unknown indicator is reported by its foreign key
        dimension = dimension_for[indikator]
        if dimension is None:
            fel.append(
                Fel(
                    "varden.csv",
                    index + 2,
                    "dimension",
                    f"indikatorn {indikator} har ingen dimension; lämna cellen tom.",
                )
            )
        elif (dimension, varde) not in tillatna:
            fel.append(
                Fel(
                    "varden.csv",
                    index + 2,
                    "dimension",
                    f"'{varde}' är inget känt värde för dimensionen {dimension} "
                    "(se data/dimensioner.csv).",
                )
            )
    return fel


class UpptagenFel(Exception):
    """Another writer holds the lock and the caller chose not to wait."""


class Andring:
    """A change written together with a build (an import, its undo, a comment).

    fore_aterspelning runs after the seeds and the carried-over administration tables are in
    place, efter_aterspelning after the active imports have been laid over the seeds, and
    verifiera on the finished file (read-only) before it replaces the old one. Any exception
    leaves the old file untouched."""

    def fore_aterspelning(self, con: duckdb.DuckDBPyConnection) -> None:
        pass

    def efter_aterspelning(self, con: duckdb.DuckDBPyConnection) -> None:
        pass

    def verifiera(self, con: duckdb.DuckDBPyConnection) -> None:
        pass


# A hook for the crash test: called with the name of each step of a write.
_vid_steg: Callable[[str], None] | None = None


def _steg(namn: str) -> None:
    if _vid_steg is not None:
        _vid_steg(namn)


@contextmanager
def skrivlas(katalog: Path, vanta: float = 0.0) -> Iterator[None]:
    """The writers' lock: an exclusive flock on the database's directory.

    Locking the directory rather than a lock file leaves no file behind, and the kernel drops
    the lock when the process dies, so a killed import never blocks the next. Waits up to
    vanta seconds, then raises UpptagenFel."""
    katalog.mkdir(parents=True, exist_ok=True)
    fd = os.open(katalog, os.O_RDONLY | os.O_DIRECTORY)
    try:
        grans = time.monotonic() + vanta
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= grans:
                    raise UpptagenFel(UPPTAGEN) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock


def _tillfallig(mal: Path) -> Path:
    return mal.with_name(f".{mal.name}.{os.getpid()}.bygger")


def _stada(mal: Path) -> None:
    """Remove what a killed writer left: half-built files and half-copied backups.
    Only called under the lock, so no live writer owns them."""
    for rest in mal.parent.glob(f".{mal.name}.*.bygger*"):
        rest.unlink(missing_ok=True)
    for rest in (mal.parent / "backup").glob(".*.kopieras"):
        rest.unlink(missing_ok=True)


def _fsync_katalog(katalog: Path) -> None:
    fd = os.open(katalog, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backupkatalog(mal: Path | None = None) -> Path:
    return (mal or sokvagar.databasfil()).parent / "backup"


def _sakerhetskopiera(mal: Path, prefix: str = "") -> Path:
    """Copy the current file to db/backup/<name>-<timestamp>.duckdb and keep the last N.

    The copy goes to a hidden name first and is renamed when complete, so a crash never
    leaves half a backup under a real name."""
    katalog = backupkatalog(mal)
    katalog.mkdir(exist_ok=True)
    tid = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
    kopia = katalog / f"{prefix}{mal.stem}-{tid}.duckdb"
    halv = katalog / f".{kopia.name}.kopieras"
    shutil.copyfile(mal, halv)
    with open(halv, "rb") as fil:
        os.fsync(fil.fileno())
    os.replace(halv, kopia)
    behall = int(os.environ.get("NYCKELTAL_BACKUPER", BACKUPER))
    gamla = sorted(katalog.glob(f"{mal.stem}-*.duckdb"))
    for gammal in gamla[: max(len(gamla) - behall, 0)]:
        gammal.unlink(missing_ok=True)
    return kopia


def _las_in_kalldata(con: duckdb.DuckDBPyConnection, data: Path) -> None:
    con.execute(sokvagar.SCHEMA.read_text(encoding="utf-8"))
    specar = {tabell: kolumner(con, tabell) for tabell in TABELLER}
    tabeller: dict[str, pl.DataFrame] = {}
    fel: list[Fel] = []
    for tabell in TABELLER:
        fil = data / f"{tabell}.csv"
        if not fil.exists():
            fel.append(Fel(fil.name, None, None, "filen saknas."))
            continue
        try:
            tabeller[tabell] = las_tabell(fil, specar[tabell], TOM_TEXT.get(tabell, frozenset()))
        except DataFel as exc:
            fel.extend(exc.fel)
    if fel:
        raise DataFel(fel)
    fel = _kontrollera_dimensioner(tabeller)
    if fel:
        raise DataFel(fel)
    # No explicit transaction: a failed insert would abort it and hide the failing row.
    # All or nothing comes from building a separate file and moving it into place.
    for tabell in TABELLER:
        _infoga(con, tabell, tabeller[tabell], specar[tabell])


def _for_over(con: duckdb.DuckDBPyConnection, mal: Path) -> int:
    """Copy the administration tables from the old file; returns how many rows came over.

    An old file that cannot be opened is kept in db/backup/ as trasig-*.duckdb, so a rebuild
    never silently drops imports that only lived there."""
    if not mal.exists():
        return 0
    sokvag = str(mal).replace("'", "''")
    try:
        con.execute(f"attach '{sokvag}' as gammal (read_only)")
    except duckdb.Error as exc:
        kopia = _sakerhetskopiera(mal, prefix="trasig-")
        warnings.warn(f"{mal} kunde inte öppnas ({exc}); kopian ligger i {kopia}.", stacklevel=2)
        return 0
    try:
        finns = {
            rad[0]
            for rad in con.execute(
                "select table_name from duckdb_tables() where database_name = 'gammal'"
            ).fetchall()
        }
        antal = 0
        for tabell in FORVALTNING:  # names from the constant above, never user text
            if tabell not in finns:
                continue
            try:
                con.execute(f"insert into {tabell} by name select * from gammal.{tabell}")
            except duckdb.Error as exc:
                raise DataFel(
                    [
                        Fel(
                            mal.name,
                            None,
                            None,
                            f"tabellen {tabell} kan inte föras över till den nya "
                            f"databasen ({exc}).",
                        )
                    ]
                ) from None
            antal += con.execute(f"select count(*) from {tabell}").fetchall()[0][0]
        return antal
    finally:
        con.execute("detach gammal")


def lagg_pa(con: duckdb.DuckDBPyConnection, import_id: int, filnamn: str) -> None:
    """Lay one import over the values in con: its new sources, then its values (later wins)."""
    try:
        con.execute(
            "insert into kallor by name select * exclude (import_id) "
            "from importerade_kallor where import_id = ?",
            [import_id],
        )
        con.execute(
            "insert or replace into varden by name "
            "select * exclude (import_id, rad, tidigare_varde, andring) "
            "from importerade_varden where import_id = ?",
            [import_id],
        )
    except duckdb.Error as exc:
        raise DataFel(
            [Fel(filnamn, None, None, f"import {import_id} kan inte läggas på data/ ({exc}).")]
        ) from None


def aterspela(con: duckdb.DuckDBPyConnection) -> None:
    """Lay every active import over the seeds, oldest first."""
    for import_id, filnamn in con.execute(
        "select import_id, filnamn from importer where status = 'aktiv' order by import_id"
    ).fetchall():
        lagg_pa(con, import_id, filnamn)


def _verifiera(fil: Path, andring: Andring | None) -> None:
    """Open the finished file as a reader will and check it before it goes live."""
    con = oppna_last(fil)
    try:
        if not con.execute("select count(*) from varden").fetchall()[0][0]:
            raise DataFel([Fel(fil.name, None, None, "den nya databasen saknar värden.")])
        if andring is not None:
            andring.verifiera(con)
    finally:
        con.close()


def _bygg_under_las(mal: Path, data: Path, andring: Andring | None) -> Path:
    _stada(mal)
    tillfallig = _tillfallig(mal)
    hash_fore = kallhash(data)
    con = duckdb.connect(str(tillfallig))
    try:
        _las_in_kalldata(con, data)
        _steg("kalldata")
        overfort = _for_over(con, mal)
        _steg("overfort")
        if andring is not None:
            andring.fore_aterspelning(con)
        aterspela(con)
        _steg("aterspelat")
        if andring is not None:
            andring.efter_aterspelning(con)
        _steg("andrat")
        avstamning.lagra(con)  # derived from the values just written, imports included
        con.execute(
            "create table bygginfo as select ?::varchar as kallhash, now() as byggd", [hash_fore]
        )
        con.execute("checkpoint")
        con.close()
        _steg("skrivet")
        _verifiera(tillfallig, andring)
        _steg("verifierat")
        if mal.exists() and (andring is not None or overfort):
            _sakerhetskopiera(mal)
        _steg("backup")
        os.replace(tillfallig, mal)
        _steg("ersatt")
        _fsync_katalog(mal.parent)
    except BaseException:
        con.close()
        tillfallig.unlink(missing_ok=True)
        Path(f"{tillfallig}.wal").unlink(missing_ok=True)
        raise
    return mal


def bygg(
    mal: Path | None = None,
    data: Path | None = None,
    *,
    andring: Andring | None = None,
    vanta: float = 120.0,
) -> Path:
    """Build the database from data/ into mal, atomically, keeping imports and comments and
    applying andring. Raises DataFel on bad input, UpptagenFel if another writer holds the
    lock for longer than vanta seconds."""
    mal = mal or sokvagar.databasfil()
    data = data or sokvagar.DATA
    with skrivlas(mal.parent, vanta):
        return _bygg_under_las(mal, data, andring)


def lagrad_kallhash(fil: Path) -> str | None:
    """The source hash the database at fil was built from, or None if it cannot be read."""
    try:
        con = oppna_last(fil)
    except duckdb.Error:
        return None
    try:
        rader = con.execute("select kallhash from bygginfo").fetchall()
    except duckdb.Error:
        return None
    finally:
        con.close()
    return rader[0][0] if rader else None


def sakerstall(mal: Path | None = None, data: Path | None = None) -> Path:
    """Return a database that matches the sources, building it first when needed."""
    mal = mal or sokvagar.databasfil()
    data = data or sokvagar.DATA
    if mal.exists() and lagrad_kallhash(mal) == kallhash(data):
        return mal
    with skrivlas(mal.parent, vanta=120.0):
        # another process may have built it while we waited for the lock
        if mal.exists() and lagrad_kallhash(mal) == kallhash(data):
            return mal
        return _bygg_under_las(mal, data, None)


if __name__ == "__main__":  # python -m nyckeltal.bygg
    import sys

    try:
        print(f"Databasen byggd: {bygg()}")
    except (DataFel, UpptagenFel) as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
