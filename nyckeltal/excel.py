"""Tables to Excel for the meeting: one sheet per table, Swedish headers and number formats,
'uppgift saknas' where a value is missing, and the source under each table.

Pure builder: data in, bytes out, no Streamlit.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import polars as pl

from nyckeltal.format import UPPGIFT_SAKNAS, manadsnamn
from nyckeltal.rapportmodell import FORFATTARE

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Excel's format codes are written with ',' for thousands and '.' for decimals; a Swedish Excel
# shows them as "44 923" and "3,5".
EXCELFORMAT = {
    "tkr": "#,##0",
    "kr": "#,##0",
    "antal": "#,##0",
    "procent": '0" %"',
    "decimal": "0.0000",
}


def csv(df: pl.DataFrame, rubriker: Mapping[str, str] | None = None) -> bytes:
    """The raw numbers as CSV that Excel opens with the Swedish letters and headings:
    semicolon-separated, UTF-8 with BOM, columns renamed by rubriker (unknown ones left)."""
    return (
        df.rename(dict(rubriker or {}), strict=False).write_csv(separator=";").encode("utf-8-sig")
    )


@dataclass(frozen=True)
class Tabell:
    """A table to export: its frame, Swedish headers, and a unit per numeric column.

    enheter: column -> 'tkr' | 'kr' | 'antal' | 'procent' | 'decimal' | 'manad' (a month
    number written as its name). Columns not listed are written as they are.
    """

    namn: str
    df: pl.DataFrame
    enheter: Mapping[str, str] = field(default_factory=dict)
    rubriker: Mapping[str, str] = field(default_factory=dict)
    kalla: str = ""


_OGILTIGT_I_FLIKNAMN = re.compile(r"[\[\]:*?/\\]")


def _fliknamn(namn: str, upptagna: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    bas = " ".join(_OGILTIGT_I_FLIKNAMN.sub(" ", namn).split())[:31] or "Tabell"
    kandidat, n = bas, 2
    while kandidat.lower() in upptagna:
        suffix = f" ({n})"
        kandidat, n = bas[: 31 - len(suffix)] + suffix, n + 1
    upptagna.add(kandidat.lower())
    return kandidat


def _har_decimaler(varden: list) -> bool:
    return any(v is not None and float(v) != int(float(v)) for v in varden)


def excel(tabeller: Sequence[Tabell], titel: str = "Arbetslivsnämndens nyckeltal") -> bytes:
    """One sheet per table: Swedish headers, Swedish number formats (thousands grouped, units
    in the headers and the percent sign in the cell), 'uppgift saknas' where a value is
    missing (never 0), and the source under the table."""
    import xlsxwriter

    buf = io.BytesIO()
    bok = xlsxwriter.Workbook(buf, {"in_memory": True})
    bok.set_properties(
        {
            "title": titel,
            "author": FORFATTARE,
            "comments": "Skapad ur nyckeltalens databas.",
        }
    )
    rubrikformat = bok.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bottom": 1, "bg_color": "#EEEEEE"}
    )
    saknasformat = bok.add_format({"italic": True, "font_color": "#666666"})
    kallformat = bok.add_format({"italic": True, "font_color": "#444444"})
    datumformat = bok.add_format({"num_format": "yyyy-mm-dd"})
    talformat: dict[str, object] = {}

    def format_for(enhet: str, decimaler: bool):
        kod = EXCELFORMAT[enhet]
        if decimaler and enhet in ("tkr", "kr", "antal"):
            kod = "#,##0.0"
        elif decimaler and enhet == "procent":
            kod = '0.0" %"'
        if kod not in talformat:
            talformat[kod] = bok.add_format({"num_format": kod})
        return talformat[kod]

    upptagna: set[str] = set()
    for tabell in tabeller:
        blad = bok.add_worksheet(_fliknamn(tabell.namn, upptagna))
        df = tabell.df
        kolumner = df.columns
        bredder = []
        for c, kolumn in enumerate(kolumner):
            rubrik = tabell.rubriker.get(kolumn, kolumn)
            blad.write_string(0, c, rubrik, rubrikformat)
            bredder.append(min(max(len(rubrik) * 0.9, 10), 60))
        for c, kolumn in enumerate(kolumner):
            enhet = tabell.enheter.get(kolumn)
            varden = df[kolumn].to_list()
            fmt = format_for(enhet, _har_decimaler(varden)) if enhet in EXCELFORMAT else None
            for r, varde in enumerate(varden, start=1):
                if varde is None:
                    blad.write_string(r, c, UPPGIFT_SAKNAS, saknasformat)
                elif enhet == "manad":
                    blad.write_string(r, c, manadsnamn(int(varde)))
                elif isinstance(varde, bool):
                    blad.write_string(r, c, "ja" if varde else "nej")
                elif isinstance(varde, (int, float, Decimal)) and not isinstance(varde, bool):
                    blad.write_number(r, c, float(varde), fmt)
                elif isinstance(varde, date):
                    blad.write_datetime(r, c, varde, datumformat)
                else:
                    text = str(varde)
                    blad.write_string(r, c, text)
                    bredder[c] = min(max(bredder[c], len(text) * 0.9), 60)
        for c, bredd in enumerate(bredder):
            blad.set_column(c, c, bredd)
        blad.freeze_panes(1, 0)
        if df.height:
            blad.autofilter(0, 0, df.height, max(len(kolumner) - 1, 0))
        if tabell.kalla:
            blad.write_string(df.height + 2, 0, f"Källa: {tabell.kalla}", kallformat)
    bok.close()
    return buf.getvalue()
