"""A file to its cells: the size and emptiness checks, which kind of file it is (a follow-up
report, an Excel workbook, else CSV text in whatever encoding and separator Excel saved), and
the header row."""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from nyckeltal.importera.filformat import EXCELNAMN, KOLUMNER, MAX_STORLEK, VALFRIA_KOLUMNER
from nyckeltal.importera.mall import importrader
from nyckeltal.importera.meddelanden import ImportFel, forkorta, forslag, visa_storlek
from nyckeltal.inlasning import (
    EJ_ARBETSBOK,
    DataFel,
    Fel,
    Teckenfel,
    ar_excel,
    avkoda_text,
    las_csv_rader,
    las_excel_blad,
)
from nyckeltal.uppfoljning import rapport as uppfoljningsrapport


@dataclass(frozen=True)
class Tabell:
    """A file's cells as text. For a workbook: the sheet read, and (when it is empty) the
    other sheets that have rows."""

    rader: list[list[str]]
    flik: str | None = None
    andra_flikar: tuple[str, ...] = ()

    def vad(self) -> str:
        return "filen" if self.flik is None else f"fliken '{self.flik}'"


def kontrollera_storlek(antal_byte: int, filnamn: str) -> None:
    if antal_byte > MAX_STORLEK:
        storlek, storsta = visa_storlek(antal_byte), visa_storlek(MAX_STORLEK)
        raise ImportFel(
            [
                Fel(
                    filnamn,
                    None,
                    None,
                    f"filen är {storlek}; största tillåtna storlek är {storsta}.",
                )
            ]
        )


def kontrollera_att_den_har_innehall(innehall: bytes, filnamn: str) -> None:
    """Blanks, NULs and a byte order mark alone are an empty file."""
    if not innehall.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise ImportFel([Fel(filnamn, None, None, "filen är tom.")])


def celler(innehall: bytes, filnamn: str) -> Tabell:
    kontrollera_storlek(len(innehall), filnamn)
    kontrollera_att_den_har_innehall(innehall, filnamn)
    if uppfoljningsrapport.ar_rapport(innehall, filnamn):
        # Row numbers are those of the file `--till-csv` writes from the report.
        return Tabell(importrader(las_rapport(innehall, filnamn).rader))
    if ar_excel(innehall):
        try:
            blad = las_excel_blad(innehall, flik="Import")
        except ValueError as exc:
            raise ImportFel([Fel(filnamn, None, None, str(exc))]) from None
        return Tabell(blad.rader, blad.namn, blad.andra_med_rader)
    return Tabell(_las_text(innehall, filnamn))


def _las_text(innehall: bytes, filnamn: str) -> list[list[str]]:
    # The content decides, not the name: a CSV named .xls (some systems export so) is read.
    # But a file named as a workbook that is not text either is a broken or foreign
    # workbook, and an encoding message would send the user the wrong way.
    excelnamn = Path(filnamn).suffix.lower() in EXCELNAMN
    try:
        text, _ = avkoda_text(innehall)
        return las_csv_rader(text)
    except Teckenfel as exc:
        if excelnamn:
            raise ImportFel([Fel(filnamn, None, None, EJ_ARBETSBOK)]) from None
        raise ImportFel([Fel(filnamn, exc.rad, None, str(exc))]) from None
    except csv.Error as exc:
        if excelnamn:
            raise ImportFel([Fel(filnamn, None, None, EJ_ARBETSBOK)]) from None
        raise ImportFel(
            [
                Fel(
                    filnamn,
                    None,
                    None,
                    f"filen kan inte läsas som CSV ({exc}); kontrollera citattecknen "
                    "eller spara om den från Excel.",
                )
            ]
        ) from None


def las_rapport(innehall: bytes, filnamn: str) -> uppfoljningsrapport.Lasning:
    try:
        return uppfoljningsrapport.las_rapport(innehall, filnamn)
    except DataFel as exc:
        raise ImportFel(exc.fel) from None


def tom(tabell: Tabell, filnamn: str) -> ImportFel:
    """A file or sheet without a single non-empty row. For a workbook, say which sheet was
    read (the sheet Import, else the first; README "Filformatet") and where the rows are."""
    if tabell.flik is None:
        text = "filen är tom."
    elif tabell.flik == "Import":
        text = "fliken 'Import' är tom"
        if tabell.andra_flikar:
            text += (
                f", men {_flikar(tabell.andra_flikar)} har rader. Siffrorna läses från fliken "
                "'Import' när den finns: flytta dem dit, eller ta bort den tomma fliken."
            )
        else:
            text += "; fyll i siffrorna där (se mallen)."
    else:
        text = (
            "arbetsboken har ingen flik som heter 'Import', så den första fliken, "
            f"'{tabell.flik}', lästes, och den är tom."
        )
        if tabell.andra_flikar:
            text += (
                f" {_flikar(tabell.andra_flikar, versal=True)} har rader: byt namn på fliken "
                "med siffrorna till 'Import' (eller lägg den först)."
            )
    return ImportFel([Fel(filnamn, None, None, text)])


def _flikar(namn: tuple[str, ...], versal: bool = False) -> str:
    ordet = "fliken " if len(namn) == 1 else "flikarna "
    return (ordet.capitalize() if versal else ordet) + _namnlista(namn)


def _namnlista(namn) -> str:
    """'a', 'b' och 'c': column names as a Swedish list, not joined with a separator the
    user's file may not use."""
    citerade = [f"'{n}'" for n in namn]
    return " och ".join([", ".join(citerade[:-1]), citerade[-1]] if len(citerade) > 1 else citerade)


def _normalisera_rubrik(text: str) -> str:
    """'Värde' -> 'varde', 'Kalla dokument' -> 'kalla_dokument', 'År' -> 'ar'."""
    text = text.strip().lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    return re.sub(r"[\s-]+", "_", text)


def las_rubrik(rubrik: list[str], filnamn: str) -> dict[str, int]:
    """Column name -> position. Names are matched without case, accents or spaces, in any
    order; unknown, repeated and missing columns are errors on row 1."""
    index: dict[str, int] = {}
    fel = []
    for position, cell in enumerate(rubrik):
        namn = _normalisera_rubrik(cell)
        if namn == "":
            continue
        if namn not in KOLUMNER + VALFRIA_KOLUMNER:
            fel.append(
                Fel(
                    filnamn,
                    1,
                    cell.strip(),
                    f"okänd kolumn '{forkorta(cell.strip())}'{forslag(namn, KOLUMNER + VALFRIA_KOLUMNER)}.",
                )
            )
        elif namn in index:
            fel.append(
                Fel(filnamn, 1, namn, f"kolumnen '{namn}' finns två gånger; ta bort den ena.")
            )
        else:
            index[namn] = position
    saknas = [k for k in KOLUMNER if k not in index]
    if saknas:
        fel.append(
            Fel(
                filnamn,
                1,
                None,
                f"rubrikraden saknar {'kolumnen' if len(saknas) == 1 else 'kolumnerna'} "
                f"{_namnlista(saknas)}. Rubrikraden ska ha kolumnerna {_namnlista(KOLUMNER)}, "
                f"i valfri ordning, och får också ha {_namnlista(VALFRIA_KOLUMNER)} (se mallen).",
            )
        )
    if fel:
        raise ImportFel(fel)
    return index


def indikatorer_i(innehall: bytes, filnamn: str) -> list[str]:
    """The indicator ids a file names, read leniently before it is checked: an import's checks
    compare the file only with the stored values of these (Referens.hamta). A file that cannot
    be read gives none, and tolka then says why."""
    try:
        tabell = [rad for rad in celler(innehall, filnamn).rader if any(c.strip() for c in rad)]
        kolumn = las_rubrik(tabell[0], filnamn)["indikator_id"] if tabell else None
    except ImportFel:
        return []
    if kolumn is None:
        return []
    return sorted({rad[kolumn].strip() for rad in tabell[1:] if kolumn < len(rad)} - {""})
