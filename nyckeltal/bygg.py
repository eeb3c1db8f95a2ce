"""Build the embedded DuckDB database from data/*.csv, all or nothing.

The database is written to a temporary file beside the target and moved into place with one
os.replace, so a reader sees either the old file or the complete new one, never half a build.
It is rebuilt when it is missing or when the sources (schema and CSV files) have changed since
it was built: their SHA-256 is stored in the table bygginfo.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import duckdb
import polars as pl

from nyckeltal import sokvagar
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


def kallfiler(data: Path | None = None) -> list[Path]:
    data = data or sokvagar.DATA
    return [sokvagar.SCHEMA, *(data / f"{tabell}.csv" for tabell in TABELLER)]


def kallhash(data: Path | None = None) -> str:
    """SHA-256 over the names and contents of the schema and every source CSV."""
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
        kolumn = next((k for k in _REFERENSER if k in rad and re.search(
            rf"\b{k}: ", meddelande)), kolumn)
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
    dimension_for = dict(
        tabeller["indikatorer"].select("indikator_id", "dimension").iter_rows()
    )
    tillatna = set(tabeller["dimensioner"].select("dimension", "dimensionsvarde").iter_rows())
    fel = []
    for index, (indikator, varde) in enumerate(
        tabeller["varden"].select("indikator_id", "dimension").iter_rows()
    ):
        if varde == "" or indikator not in dimension_for:
            continue  # the total row; an unknown indicator is reported by its foreign key
        dimension = dimension_for[indikator]
        if dimension is None:
            fel.append(Fel("varden.csv", index + 2, "dimension",
                           f"indikatorn {indikator} har ingen dimension; lämna cellen tom."))
        elif (dimension, varde) not in tillatna:
            fel.append(Fel("varden.csv", index + 2, "dimension",
                           f"'{varde}' är inget känt värde för dimensionen {dimension} "
                           "(se data/dimensioner.csv)."))
    return fel


def bygg(mal: Path | None = None, data: Path | None = None) -> Path:
    """Build the database from data/ into mal, atomically. Raises DataFel on bad input."""
    mal = mal or sokvagar.databasfil()
    data = data or sokvagar.DATA
    mal.parent.mkdir(parents=True, exist_ok=True)
    tillfallig = mal.with_name(f".{mal.name}.{os.getpid()}.bygger")
    tillfallig.unlink(missing_ok=True)
    hash_fore = kallhash(data)
    con = duckdb.connect(str(tillfallig))
    try:
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
        con.execute(
            "create table bygginfo as select ?::varchar as kallhash, now() as byggd", [hash_fore]
        )
        con.execute("checkpoint")
        con.close()
        os.replace(tillfallig, mal)
    except BaseException:
        con.close()
        tillfallig.unlink(missing_ok=True)
        Path(f"{tillfallig}.wal").unlink(missing_ok=True)
        raise
    return mal


def lagrad_kallhash(fil: Path) -> str | None:
    """The source hash the database at fil was built from, or None if it cannot be read."""
    try:
        with duckdb.connect(str(fil), read_only=True) as con:
            rader = con.execute("select kallhash from bygginfo").fetchall()
    except duckdb.Error:
        return None
    return rader[0][0] if rader else None


def sakerstall(mal: Path | None = None, data: Path | None = None) -> Path:
    """Return a database that matches the sources, building it first when needed."""
    mal = mal or sokvagar.databasfil()
    if mal.exists() and lagrad_kallhash(mal) == kallhash(data):
        return mal
    return bygg(mal, data)


if __name__ == "__main__":  # python -m nyckeltal.bygg
    import sys

    try:
        print(f"Databasen byggd: {bygg()}")
    except DataFel as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
