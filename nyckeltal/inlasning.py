"""Reading the source CSV files into typed tables, with Swedish errors that name row and column.

The column types and NOT NULL rules are read from the schema itself (sql/schema.sql), so the
schema is the one place that defines a table. Rows are numbered as a spreadsheet shows them:
the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import duckdb
import polars as pl


@dataclass(frozen=True)
class Fel:
    """One problem in one cell (or row, when kolumn is None) of one file."""

    fil: str
    rad: int | None
    kolumn: str | None
    meddelande: str

    def __str__(self) -> str:
        plats = [self.fil]
        if self.rad is not None:
            plats.append(f"rad {self.rad}")
        if self.kolumn is not None:
            plats.append(f"kolumn '{self.kolumn}'")
        return f"{', '.join(plats)}: {self.meddelande}"


class DataFel(Exception):
    """Raised with every problem found; nothing has been written when it is raised."""

    def __init__(self, fel: list[Fel]):
        self.fel = fel
        rader = "\n".join(f"- {f}" for f in fel[:50])
        mer = f"\n… och {len(fel) - 50} fel till" if len(fel) > 50 else ""
        super().__init__(f"Källdata har {len(fel)} fel:\n{rader}{mer}")


@dataclass(frozen=True)
class Kolumn:
    namn: str
    typ: str  # DuckDB type name, e.g. VARCHAR, INTEGER, DATE, DECIMAL(18,2)
    kravs: bool  # NOT NULL


def kolumner(con: duckdb.DuckDBPyConnection, tabell: str) -> list[Kolumn]:
    """Columns of a table in the schema, in order."""
    rader = con.execute(
        "select column_name, data_type, is_nullable from duckdb_columns() "
        "where table_name = ? order by column_index",
        [tabell],
    ).fetchall()
    return [Kolumn(namn, typ, not nullable) for namn, typ, nullable in rader]


_HELTAL = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def tolka_cell(varde: str, typ: str) -> tuple[object, str | None]:
    """Parse one non-empty cell to the column's type: (value, None) or (None, Swedish error)."""
    if typ == "VARCHAR":
        return varde, None
    if typ == "INTEGER":
        if not _HELTAL.fullmatch(varde):
            return None, f"'{varde}' är inte ett heltal."
        return int(varde), None
    if typ.startswith("DECIMAL"):
        if not _DECIMAL.fullmatch(varde):
            return None, f"'{varde}' är inte ett tal (skriv t.ex. 1234.5 utan mellanslag)."
        try:
            return Decimal(varde), None
        except InvalidOperation:  # pragma: no cover - the pattern above admits only numbers
            return None, f"'{varde}' är inte ett tal."
    if typ == "DATE":
        try:
            return dt.date.fromisoformat(varde), None
        except ValueError:
            return None, f"'{varde}' är inget datum på formen ÅÅÅÅ-MM-DD."
    raise ValueError(f"okänd kolumntyp {typ}")


_POLARS_TYP = {"VARCHAR": pl.String, "INTEGER": pl.Int32, "DATE": pl.Date}


def _polars_typ(typ: str) -> pl.DataType:
    if typ.startswith("DECIMAL"):
        precision, skala = (int(x) for x in re.findall(r"\d+", typ))
        return pl.Decimal(precision, skala)
    return _POLARS_TYP[typ]


def las_tabell(
    fil: Path, spec: list[Kolumn], tom_text: frozenset[str] = frozenset()
) -> pl.DataFrame:
    """Read one CSV file (UTF-8, comma-separated, header row) into a typed frame.

    Raises DataFel naming every bad cell. An empty cell is NULL; in the NOT NULL text columns
    named in tom_text it is '' (the schema gives it a meaning: varden.dimension '' is the total).
    """
    namn = fil.name
    try:
        with fil.open(encoding="utf-8-sig", newline="") as handtag:
            rader = list(csv.reader(handtag, strict=True))
    except UnicodeDecodeError as exc:
        raise DataFel([Fel(namn, None, None, f"filen är inte UTF-8 (byte {exc.start}).")])
    except csv.Error as exc:
        raise DataFel([Fel(namn, None, None, f"filen kan inte läsas som CSV ({exc}).")])
    if not rader:
        raise DataFel([Fel(namn, None, None, "filen är tom.")])
    rubrik, data = rader[0], rader[1:]
    fel: list[Fel] = []
    forvantade = [k.namn for k in spec]
    if rubrik != forvantade:
        saknas = [k for k in forvantade if k not in rubrik]
        okanda = [k for k in rubrik if k not in forvantade]
        delar = []
        if saknas:
            delar.append("saknar kolumnerna " + ", ".join(saknas))
        if okanda:
            delar.append("har okända kolumner " + ", ".join(okanda))
        if not delar:
            delar.append("har kolumnerna i fel ordning")
        raise DataFel(
            [
                Fel(
                    namn,
                    1,
                    None,
                    f"rubrikraden {' och '.join(delar)}; väntat: {', '.join(forvantade)}.",
                )
            ]
        )
    kolumndata: dict[str, list[object]] = {k.namn: [] for k in spec}
    for index, rad in enumerate(data):
        radnr = index + 2
        if len(rad) != len(spec):
            fel.append(
                Fel(
                    namn,
                    radnr,
                    None,
                    f"raden har {len(rad)} fält men ska ha {len(spec)} "
                    "(kontrollera kommatecken och citattecken).",
                )
            )
            continue
        for kol, cell in zip(spec, rad):
            text = (cell or "").strip()
            if text == "":
                if kol.namn in tom_text:
                    kolumndata[kol.namn].append("")
                    continue
                if kol.kravs:
                    fel.append(Fel(namn, radnr, kol.namn, "värde saknas."))
                kolumndata[kol.namn].append(None)
                continue
            varde, meddelande = tolka_cell(text, kol.typ)
            if meddelande:
                fel.append(Fel(namn, radnr, kol.namn, meddelande))
            kolumndata[kol.namn].append(varde)
    if fel:
        raise DataFel(fel)
    return pl.DataFrame(
        {k.namn: pl.Series(k.namn, kolumndata[k.namn], dtype=_polars_typ(k.typ)) for k in spec}
    )


# --- Files from staff: Swedish number formats and whatever Excel saved ---------------------

# Thousands may be separated by a space, a no-break space or a narrow no-break space (Excel and
# Word write all three); the decimal mark is a comma (Swedish) or a point. A typographic minus
# (U+2212) is a minus.
_TUSENTAL = "[ \u00a0\u202f]"
_SVENSKT_TAL = re.compile(
    rf"(?P<tecken>[-\u2212]?)(?P<heltal>\d{{1,3}}(?:{_TUSENTAL}\d{{3}})+|\d+)"
    r"(?:(?P<decimaltecken>[,.])(?P<decimaler>\d+))?"
)


def tolka_svenskt_tal(text: str, max_decimaler: int = 2) -> tuple[Decimal | None, str | None]:
    """'1 234,5', '1234.5', '−6 000', '42' -> (Decimal, None), or (None, Swedish error).

    A comma is always the decimal mark, never a thousands separator: '1,234' is 1.234 and is
    refused for its three decimals rather than guessed to mean 1 234."""
    traff = _SVENSKT_TAL.fullmatch(text.strip())
    if traff is None:
        return None, f"'{text}' är inte ett tal (skriv t.ex. 1 234,5 eller 1234.5)."
    decimaler = traff["decimaler"] or ""
    if len(decimaler) > max_decimaler:
        return None, (
            f"'{text}' har fler än {max_decimaler} decimaler (tusental skrivs med "
            "mellanslag, t.ex. 1 234)."
        )
    siffror = re.sub(_TUSENTAL, "", traff["heltal"]) + ("." + decimaler if decimaler else "")
    varde = Decimal(siffror)
    return (-varde if traff["tecken"] else varde), None


_XLSX = b"PK\x03\x04"
_XLS = b"\xd0\xcf\x11\xe0"


def ar_excel(innehall: bytes) -> bool:
    """An .xlsx (a zip) or an old .xls (OLE2), told by content, not by the file name."""
    return innehall.startswith(_XLSX) or innehall.startswith(_XLS)


class Teckenfel(ValueError):
    """A CSV file with bytes that are not text; rad is the line they are on (1 = the first)."""

    def __init__(self, meddelande: str, rad: int):
        super().__init__(meddelande)
        self.rad = rad


def _teckenfel(innehall: bytes, position: int, vad: str) -> Teckenfel:
    """position is the 0-based offset of the unreadable byte in the whole file (Python's
    UnicodeDecodeError.start); the user is told the line and the character on it, 1-based."""
    rad = innehall.count(b"\n", 0, position) + 1
    tecken = position - (innehall.rfind(b"\n", 0, position) + 1) + 1
    return Teckenfel(
        f"tecken nummer {tecken} på raden går inte att läsa som text ({vad}). Öppna filen i "
        "Excel och spara den som ”CSV UTF-8 (kommaavgränsad)” eller som Excel-arbetsbok "
        "(.xlsx).",
        rad,
    )


def avkoda_text(innehall: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with: UTF-8 with or without BOM,
    UTF-16 with BOM (Excel's "Unicode text"), otherwise Windows-1252 (Excel's "CSV" on a
    Swedish Windows). Raises Teckenfel with a Swedish message when none fits."""
    if innehall.startswith(b"\xef\xbb\xbf"):
        try:
            return innehall[3:].decode("utf-8"), "UTF-8 med BOM"
        except UnicodeDecodeError as exc:
            raise _teckenfel(
                innehall,
                exc.start + 3,
                "filen är märkt som UTF-8, men tecknet är sparat i en annan teckenkodning",
            ) from None
    if innehall.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return innehall.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise _teckenfel(
                innehall,
                exc.start,
                "filen är märkt som UTF-16, men tecknet är sparat i en annan teckenkodning",
            ) from None
    try:
        return innehall.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return innehall.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise _teckenfel(innehall, exc.start, "filen är varken UTF-8 eller Windows-1252") from None


def gissa_avgransare(forsta_raden: str) -> str:
    """';' (Swedish Excel), tab or ',' (English Excel), from the header line."""
    antal = {tecken: forsta_raden.count(tecken) for tecken in (";", "\t", ",")}
    basta = max(antal, key=lambda tecken: antal[tecken])
    return basta if antal[basta] else ";"


def las_csv_rader(text: str) -> list[list[str]]:
    """All records of a CSV text, separator guessed from the first line; csv.Error on
    broken quoting or NUL bytes."""
    forsta = text.split("\n", 1)[0]
    return list(
        csv.reader(io.StringIO(text, newline=""), delimiter=gissa_avgransare(forsta), strict=True)
    )


def _excelcell(varde: object) -> str:
    """A cell as the text the user sees: whole numbers without '.0', dates without time."""
    if varde is None:
        return ""
    text = str(varde)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2} 00:00:00", text):
        return text[:10]
    if re.fullmatch(r"-?\d+\.0", text):
        return text[:-2]
    return text


EJ_ARBETSBOK = (
    "filen går inte att läsa som en Excel-arbetsbok (den kan vara skadad, lösenordsskyddad "
    "eller sparad i ett annat format). Öppna den i Excel och spara den på nytt som "
    "Excel-arbetsbok (.xlsx) eller som CSV."
)


@dataclass(frozen=True)
class Excelblad:
    """The rows of the sheet that was read, as text, and its name. Rows are not skipped, so
    list index + 1 is the row number Excel shows."""

    namn: str
    rader: list[list[str]]
    # Only looked up when the sheet read is empty: the sheets the user may have meant.
    andra_med_rader: tuple[str, ...] = ()


def _har_rader(rader: list[list[str]]) -> bool:
    return any(cell.strip() for rad in rader for cell in rad)


def las_excel_blad(innehall: bytes, flik: str | None = None, max_rader: int = 50_000) -> Excelblad:
    """The sheet named flik if it exists, else the first. ValueError (EJ_ARBETSBOK) when the
    bytes are not a workbook fastexcel can read."""
    import fastexcel  # only needed for Excel uploads

    def las(blad: str, antal: int) -> list[list[str]]:
        tabell = arbetsbok.load_sheet(
            blad, header_row=None, skip_rows=0, n_rows=antal, dtypes="string"
        ).to_polars()
        return [[_excelcell(v) for v in rad] for rad in tabell.iter_rows()]

    try:
        arbetsbok = fastexcel.read_excel(innehall)
        namn = flik if flik in arbetsbok.sheet_names else arbetsbok.sheet_names[0]
        rader = las(namn, max_rader + 1)
        andra: tuple[str, ...] = ()
        if not _har_rader(rader):
            andra = tuple(
                blad for blad in arbetsbok.sheet_names if blad != namn and _har_rader(las(blad, 20))
            )
    except Exception:  # fastexcel raises its own types for broken workbooks
        raise ValueError(EJ_ARBETSBOK) from None
    return Excelblad(namn, rader, andra)
