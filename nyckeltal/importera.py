"""Import of new figures: validation, preview, an all-or-nothing write, audit log and undo;
and the staff comments on an indicator's month.

One code path for both ways in: the administration page (sidor/admin.py) and the command

    python -m nyckeltal.importera FIL [--forhandsgranska] [--vem NAMN]
    python -m nyckeltal.importera RAPPORT --till-csv UT.csv
    python -m nyckeltal.importera --angra [--vem NAMN]

call the functions below. A file is checked completely before anything is written, first
against the database readers see (fast, without the lock), then again inside the write
against the state it is written onto. The write itself is a rebuild (nyckeltal.bygg): a new
database file with the import in it, verified, the old file backed up, then moved into place.
The import format is documented in README.md under "Import av nya siffror". A follow-up
report (.txt, .docx, .pdf; nyckeltal.uppfoljning) is read into rows of that format first and
then takes the same path; its preview also lists what it did not read and its reconciliations.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import functools
import getpass
import hashlib
import io
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import polars as pl

from nyckeltal import bygg, sokvagar
from nyckeltal.avstamning import Kontroll
from nyckeltal.db import Databas, fraga_pa
from nyckeltal.format import KORTA_MANADER, MANADER, formatera, manadsnamn
from nyckeltal.inlasning import (
    EJ_ARBETSBOK,
    DataFel,
    Fel,
    Teckenfel,
    ar_excel,
    avkoda_text,
    las_csv_rader,
    las_excel_blad,
    tolka_svenskt_tal,
)
from nyckeltal.perioder import beskriv_period
from nyckeltal.uppfoljning import rapport as uppfoljningsrapport

MAX_STORLEK = 2 * 1024 * 1024  # bytes; a month of figures is a few kilobytes
MAX_TECKEN = 500  # per cell
MAX_TECKEN_KOMMENTAR = 1000
# The file's columns, in the template's order. anmarkning is optional.
KOLUMNER = (
    "indikator_id",
    "ar",
    "manad",
    "periodtyp",
    "dimension",
    "varde",
    "kalla_dokument",
    "kalla_datum",
    "kalla_diarienummer",
    "kalla_avsnitt",
)
VALFRIA = ("anmarkning",)
KRAVS = ("indikator_id", "ar", "periodtyp", "varde", "kalla_dokument", "kalla_avsnitt")
PERIODTYPER = {
    "manad": "manad",
    "månad": "manad",
    "ack": "ack",
    "ackumulerat": "ack",
    "medel": "medel",
    "helar": "helar",
    "helår": "helar",
    "prognos": "prognos",
}
_MANADSNUMMER = (
    {namn: nr for nr, namn in enumerate(MANADER, 1)}
    | {namn: nr for nr, namn in enumerate(KORTA_MANADER, 1)}
    | {"sept": 9}
)
# A cell starting with one of these is run as a formula by Excel and LibreOffice when the
# figures are later downloaded and opened (OWASP "CSV injection"). A minus is allowed where
# it is the sign of a number in the column varde.
FORMELTECKEN = ("=", "+", "-", "@")
# Invisible control characters (NUL and the like) have no business in a figure or a source.
_STYRTECKEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Percentages rounded to whole numbers may add up to 99 or 101.
PROCENT_AVRUNDNING = Decimal(1)
TIDSZON = ZoneInfo("Europe/Stockholm")
EXCELNAMN = (".xlsx", ".xlsm", ".xls")

Nyckel = tuple[str, int, str, int, str]  # indikator_id, ar, periodtyp, manad, dimension
Kallnyckel = tuple[str, object, str | None]  # dokument, datum, diarienummer


class ImportFel(DataFel):
    """The file (or the undo, or the comment) is refused; nothing has been written."""

    def __init__(self, fel: list[Fel]):
        super().__init__(fel)
        rader = "\n".join(f"- {f}" for f in fel[:50])
        mer = f"\n… och {len(fel) - 50} fel till" if len(fel) > 50 else ""
        Exception.__init__(self, f"Inget har sparats. {len(fel)} fel:\n{rader}{mer}")


# --- What the file is checked against --------------------------------------------------------


@dataclass(frozen=True)
class Indikator:
    indikator_id: str
    namn: str
    enhet: str
    dimension: str | None
    dimensionsvarden: tuple[str, ...]


@dataclass(frozen=True)
class Lagrat:
    """A value as it is stored now, with its source."""

    varde: Decimal
    kalla: Kallnyckel
    avsnitt: str
    anmarkning: str | None


@dataclass(frozen=True)
class Referens:
    indikatorer: Mapping[str, Indikator]
    varden: Mapping[Nyckel, Lagrat]
    kallor: Mapping[Kallnyckel, str]  # -> kalla_id
    # The pairs of figures data/kallkonflikter.csv records as a documented disagreement: a
    # total and its parts that differ by exactly such a pair are accepted (the Ukraine items).
    konflikter: frozenset[frozenset[Decimal]] = frozenset()

    @classmethod
    def hamta(
        cls, fraga: Callable[..., pl.DataFrame], varden_for: list[str] | None = None
    ) -> Referens:
        """From the named queries, run by fraga (a Databas's or a build connection's): every
        indicator (an unknown id in a file gets the nearest as a suggestion), and the stored
        values of the indicators in varden_for (None: every value in the database)."""
        indikatorer = {
            rad["indikator_id"]: Indikator(
                rad["indikator_id"],
                rad["namn"],
                rad["enhet"],
                rad["dimension"],
                tuple(rad["dimensionsvarden"]),
            )
            for rad in fraga("import_indikatorer", indikatorer=None).iter_rows(named=True)
        }
        varden = {
            (
                rad["indikator_id"],
                rad["ar"],
                rad["periodtyp"],
                rad["manad"],
                rad["dimension"],
            ): Lagrat(
                rad["varde"],
                (rad["dokument"], rad["datum"], rad["diarienummer"]),
                rad["avsnitt"],
                rad["anmarkning"],
            )
            for rad in fraga("varden_med_kalla", indikatorer=varden_for).iter_rows(named=True)
        }
        kallor: dict[Kallnyckel, str] = {}
        for rad in fraga("kallor_med_omfattning").sort("kalla_id").iter_rows(named=True):
            kallor.setdefault((rad["dokument"], rad["datum"], rad["diarienummer"]), rad["kalla_id"])
        konflikter = frozenset(
            frozenset((Decimal(rad["varde_a"]), Decimal(rad["varde_b"])))
            for rad in fraga("kallkonflikter").iter_rows(named=True)
            if rad["varde_a"] is not None and rad["varde_b"] is not None
        )
        return cls(indikatorer, varden, kallor, konflikter)


# --- Reading and checking a file ---------------------------------------------------------------


@dataclass(frozen=True)
class ImportRad:
    rad: int  # as a spreadsheet shows it: the header is row 1
    indikator_id: str
    ar: int
    periodtyp: str
    manad: int
    dimension: str  # '' = the total
    varde: Decimal
    kalla_dokument: str
    kalla_datum: dt.date | None
    kalla_diarienummer: str | None
    kalla_avsnitt: str
    anmarkning: str | None

    @property
    def nyckel(self) -> Nyckel:
        return (self.indikator_id, self.ar, self.periodtyp, self.manad, self.dimension)

    @property
    def kalla(self) -> Kallnyckel:
        return (self.kalla_dokument, self.kalla_datum, self.kalla_diarienummer)

    @property
    def period(self) -> str:
        return beskriv_period(self.periodtyp, self.manad, self.ar)


def idag() -> dt.date:
    return dt.datetime.now(TIDSZON).date()


def nu() -> dt.datetime:
    """Swedish local time, to the second, for the audit log."""
    return dt.datetime.now(TIDSZON).replace(tzinfo=None, microsecond=0)


def _normalisera_rubrik(text: str) -> str:
    """'Värde' -> 'varde', 'Kalla dokument' -> 'kalla_dokument', 'År' -> 'ar'."""
    text = text.strip().lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    return re.sub(r"[\s-]+", "_", text)


def _forslag(text: str, mojliga) -> str:
    nara = difflib.get_close_matches(text, list(mojliga), n=1, cutoff=0.6)
    return f" (menade du '{nara[0]}'?)" if nara else ""


def _kort(text: str, langd: int = 40) -> str:
    return text if len(text) <= langd else text[: langd - 1] + "…"


def _storlek(antal: int) -> str:
    return f"{antal / 1024 / 1024:.1f}".replace(".", ",") + " MB"


@dataclass(frozen=True)
class Tabell:
    """A file's cells as text. For a workbook: the sheet read, and (when it is empty) the
    other sheets that have rows."""

    rader: list[list[str]]
    flik: str | None = None
    andra_flikar: tuple[str, ...] = ()

    def vad(self) -> str:
        return "filen" if self.flik is None else f"fliken '{self.flik}'"


def _celler(innehall: bytes, filnamn: str) -> Tabell:
    if len(innehall) > MAX_STORLEK:
        raise ImportFel(
            [
                Fel(
                    filnamn,
                    None,
                    None,
                    f"filen är {_storlek(len(innehall))}; största tillåtna storlek är "
                    f"{_storlek(MAX_STORLEK)}.",
                )
            ]
        )
    if not innehall.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise ImportFel([Fel(filnamn, None, None, "filen är tom.")])
    if uppfoljningsrapport.ar_rapport(innehall, filnamn):
        # Row numbers are those of the file `--till-csv` writes from the report.
        return Tabell(importrader(_las_rapport(innehall, filnamn).rader))
    if ar_excel(innehall):
        try:
            blad = las_excel_blad(innehall, flik="Import")
        except ValueError as exc:
            raise ImportFel([Fel(filnamn, None, None, str(exc))]) from None
        return Tabell(blad.rader, blad.namn, blad.andra_med_rader)
    # The content decides, not the name: a CSV named .xls (some systems export so) is read.
    # But a file named as a workbook that is not text either is a broken or foreign
    # workbook, and an encoding message would send the user the wrong way.
    excelnamn = Path(filnamn).suffix.lower() in EXCELNAMN
    try:
        text, _ = avkoda_text(innehall)
        return Tabell(las_csv_rader(text))
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


def _las_rapport(innehall: bytes, filnamn: str) -> uppfoljningsrapport.Lasning:
    try:
        return uppfoljningsrapport.las_rapport(innehall, filnamn)
    except DataFel as exc:
        raise ImportFel(exc.fel) from None


def importrader(rader) -> list[list[str]]:
    """Rows of the import format as text, the header first (KOLUMNER, then anmarkning); from
    rows with those attributes (a report's rows, nyckeltal.uppfoljning)."""
    kolumner = KOLUMNER + VALFRIA
    return [list(kolumner)] + [[_svensk_text(getattr(r, k)) for k in kolumner] for r in rader]


def _tom(tabell: Tabell, filnamn: str) -> ImportFel:
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


def _las_rubrik(rubrik: list[str], filnamn: str) -> dict[str, int]:
    """Column name -> position. Names are matched without case, accents or spaces, in any
    order; unknown, repeated and missing columns are errors on row 1."""
    index: dict[str, int] = {}
    fel = []
    for position, cell in enumerate(rubrik):
        namn = _normalisera_rubrik(cell)
        if namn == "":
            continue
        if namn not in KOLUMNER + VALFRIA:
            fel.append(
                Fel(
                    filnamn,
                    1,
                    cell.strip(),
                    f"okänd kolumn '{_kort(cell.strip())}'{_forslag(namn, KOLUMNER + VALFRIA)}.",
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
                f"i valfri ordning, och får också ha {_namnlista(VALFRIA)} (se mallen).",
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
        tabell = [rad for rad in _celler(innehall, filnamn).rader if any(c.strip() for c in rad)]
        kolumn = _las_rubrik(tabell[0], filnamn)["indikator_id"] if tabell else None
    except ImportFel:
        return []
    if kolumn is None:
        return []
    return sorted({rad[kolumn].strip() for rad in tabell[1:] if kolumn < len(rad)} - {""})


def _ar_ett_tal(text: str) -> bool:
    return tolka_svenskt_tal(text)[1] is None


def _tolka_rad(
    radnr: int,
    celler: list[str],
    index: dict[str, int],
    ref: Referens,
    dag: dt.date,
    filnamn: str,
) -> tuple[ImportRad | None, list[Fel]]:
    """One row to an ImportRad, or the errors of its cells."""
    fel: list[Fel] = []

    def felet(kolumn: str | None, meddelande: str) -> None:
        fel.append(Fel(filnamn, radnr, kolumn, meddelande))

    kanda = set(index.values())
    for position, cell in enumerate(celler):
        if position not in kanda and cell.strip():
            felet(
                None,
                f"cell {position + 1} ('{_kort(cell.strip())}') har ingen kolumnrubrik; "
                "ett decimalkomma i en kommaseparerad fil måste stå inom citattecken.",
            )
    text = {k: (celler[i].strip() if i < len(celler) else "") for k, i in index.items()}
    for kolumn, varde in text.items():
        if varde[:1] in FORMELTECKEN and not (
            kolumn == "varde" and varde[0] == "-" and _ar_ett_tal(varde)
        ):
            felet(
                kolumn,
                f"'{_kort(varde)}' börjar med '{varde[0]}' och kan köras som en formel "
                "när filen öppnas i Excel (formelinjektion); ta bort tecknet.",
            )
        elif len(varde) > (MAX_TECKEN_KOMMENTAR if kolumn == "anmarkning" else MAX_TECKEN):
            felet(kolumn, f"texten har {len(varde)} tecken; det är för långt.")
        elif _STYRTECKEN.search(varde):
            felet(kolumn, "cellen innehåller ett osynligt styrtecken (t.ex. NUL); skriv om den.")
    if fel:  # a row that is not even safe text is not read further
        return None, fel
    for kolumn in KRAVS:
        if text.get(kolumn, "") == "":
            felet(kolumn, "värde saknas.")

    indikator = ref.indikatorer.get(text["indikator_id"])
    if text["indikator_id"] and indikator is None:
        felet(
            "indikator_id",
            f"okänd indikator '{_kort(text['indikator_id'])}'"
            f"{_forslag(text['indikator_id'], ref.indikatorer)}; se fliken "
            "Indikatorer i Excel-mallen.",
        )

    ar = None
    if text["ar"]:
        if not re.fullmatch(r"\d{4}", text["ar"]):
            felet("ar", f"'{_kort(text['ar'])}' är inget årtal (skriv t.ex. 2022).")
        elif not 2000 <= int(text["ar"]) <= 2100:
            felet("ar", f"året {text['ar']} ligger utanför 2000–2100.")
        else:
            ar = int(text["ar"])

    periodtyp = None
    if text["periodtyp"]:
        periodtyp = PERIODTYPER.get(text["periodtyp"].lower())
        if periodtyp is None:
            felet(
                "periodtyp",
                f"'{_kort(text['periodtyp'])}' är ingen periodtyp; tillåtna: "
                "manad, ack, medel, helar, prognos.",
            )

    manad = None
    manadstext = text["manad"].lower()
    if manadstext == "":
        if periodtyp == "helar":
            manad = 12
        elif periodtyp is not None:
            felet("manad", "värde saknas (1–12 eller januari–december).")
    elif re.fullmatch(r"\d{1,2}", manadstext) and 1 <= int(manadstext) <= 12:
        manad = int(manadstext)
    elif manadstext in _MANADSNUMMER:
        manad = _MANADSNUMMER[manadstext]
    else:
        felet("manad", f"'{_kort(text['manad'])}' är ingen månad (1–12 eller januari–december).")
    if periodtyp == "helar" and manad is not None and manad != 12:
        felet("manad", "ett helårsvärde har månad 12 (eller en tom cell).")
        manad = None

    if ar is not None and manad is not None and periodtyp is not None:
        # a budget for the whole year is known before the year ends; other figures are not
        if periodtyp == "helar" and ar > dag.year:
            felet("ar", f"helåret {ar} ligger i framtiden.")
        elif periodtyp != "helar" and (ar, manad) > (dag.year, dag.month):
            felet(
                "ar" if ar > dag.year else "manad",
                f"perioden {manadsnamn(manad)} {ar} ligger i framtiden (senast tillåtna "
                f"månad är {manadsnamn(dag.month)} {dag.year}).",
            )

    dimension = text["dimension"]
    if indikator is not None:
        if indikator.dimension is None and dimension:
            felet(
                "dimension",
                f"indikatorn {indikator.indikator_id} har ingen dimension; lämna cellen tom.",
            )
        elif dimension and dimension not in indikator.dimensionsvarden:
            forslag = _forslag(dimension, indikator.dimensionsvarden)
            felet(
                "dimension",
                f"'{_kort(dimension)}' är inget värde för dimensionen "
                f"{indikator.dimension}{forslag}; tillåtna: "
                f"{', '.join(indikator.dimensionsvarden)} (tom cell = totalen).",
            )

    varde = None
    if text["varde"]:
        vardetext = text["varde"]
        if indikator is not None and indikator.enhet == "procent":
            vardetext = re.sub(r"\s*%$", "", vardetext)
        varde, meddelande = tolka_svenskt_tal(vardetext)
        if meddelande:
            felet("varde", meddelande)
        elif indikator is not None:
            if indikator.enhet == "antal" and varde < 0:
                felet("varde", f"ett antal kan inte vara negativt ({text['varde']}).")
            elif (
                indikator.enhet == "antal"
                and periodtyp not in (None, "medel")
                and varde != varde.to_integral_value()
            ):
                felet(
                    "varde",
                    f"ett antal är ett heltal ({text['varde']}); bara periodtypen "
                    "medel får ha decimaler.",
                )
            elif indikator.enhet == "procent" and not 0 <= varde <= 100:
                felet("varde", f"andelen {vardetext} % ligger utanför 0–100.")

    datum = None
    if text["kalla_datum"]:
        try:
            datum = dt.date.fromisoformat(text["kalla_datum"])
        except ValueError:
            felet(
                "kalla_datum",
                f"'{_kort(text['kalla_datum'])}' är inget datum (skriv "
                "ÅÅÅÅ-MM-DD, t.ex. 2022-10-27).",
            )
        else:
            if datum > dag:
                felet("kalla_datum", f"källans datum {datum} ligger i framtiden.")

    if fel:
        return None, fel
    return ImportRad(
        rad=radnr,
        indikator_id=text["indikator_id"],
        ar=ar,
        periodtyp=periodtyp,
        manad=manad,
        dimension=dimension,
        varde=varde,
        kalla_dokument=text["kalla_dokument"],
        kalla_datum=datum,
        kalla_diarienummer=text["kalla_diarienummer"] or None,
        kalla_avsnitt=text["kalla_avsnitt"],
        anmarkning=text.get("anmarkning") or None,
    ), []


def _kontrollera_helheten(rader: list[ImportRad], ref: Referens, filnamn: str) -> list[Fel]:
    """What no single row shows: duplicates, and parts against their total (the file's values
    laid over the stored ones) for every indicator, year, period type and month in the file."""
    fel = []
    forsta: dict[Nyckel, int] = {}
    for rad in rader:
        if rad.nyckel in forsta:
            fel.append(
                Fel(
                    filnamn,
                    rad.rad,
                    None,
                    f"samma indikator, år, månad, periodtyp och dimension som rad "
                    f"{forsta[rad.nyckel]} (dubblett).",
                )
            )
        else:
            forsta[rad.nyckel] = rad.rad
    if fel:
        return fel

    grupper: dict[tuple, dict[str, ImportRad]] = {}
    for rad in rader:
        if ref.indikatorer[rad.indikator_id].dimension is not None:
            grupper.setdefault(rad.nyckel[:4], {})[rad.dimension] = rad
    lagrade: dict[tuple, dict[str, Decimal]] = {}
    for nyckel, lagrat in ref.varden.items():  # one pass, however many groups
        if nyckel[:4] in grupper:
            lagrade.setdefault(nyckel[:4], {})[nyckel[4]] = lagrat.varde
    for (indikator_id, ar, periodtyp, manad), ifil in grupper.items():
        indikator = ref.indikatorer[indikator_id]
        samlat = lagrade.get((indikator_id, ar, periodtyp, manad), {}) | {
            dimension: rad.varde for dimension, rad in ifil.items()
        }
        delar = {d: v for d, v in samlat.items() if d != ""}
        summa = sum(delar.values(), Decimal(0))
        period = beskriv_period(periodtyp, manad, ar)
        if not delar:
            continue
        if indikator.enhet == "procent":
            alla = set(delar) == set(indikator.dimensionsvarden)
            if summa > 100 + PROCENT_AVRUNDNING or (alla and summa < 100 - PROCENT_AVRUNDNING):
                rad = min(ifil.values(), key=lambda r: r.rad)
                fel.append(
                    Fel(
                        filnamn,
                        rad.rad,
                        "varde",
                        f"andelarna för {indikator_id} {period} summerar till "
                        f"{_tal(summa)} % men ska tillsammans bli 100 % (±1 för "
                        "avrundning).",
                    )
                )
            continue
        if "" not in samlat:
            continue
        total = samlat[""]
        if summa != total and frozenset((summa, total)) not in ref.konflikter:
            if "" in ifil:
                rad, var = ifil[""], f"totalen på rad {ifil[''].rad}"
            else:
                rad, var = min(ifil.values(), key=lambda r: r.rad), "totalen i databasen"
            fel.append(
                Fel(
                    filnamn,
                    rad.rad,
                    "varde",
                    f"delarna för {indikator_id} {period} ({len(delar)} st, med de "
                    f"lagrade) summerar till {_tal(summa)} men {var} är {_tal(total)} "
                    f"(skillnad {_tal(summa - total)}).",
                )
            )
    return fel


def tolka(
    innehall: bytes, filnamn: str, ref: Referens, dag: dt.date | None = None
) -> list[ImportRad]:
    """Every row of a CSV or Excel file, checked; ImportFel names each bad row and column."""
    filnamn = Path(filnamn).name
    dag = dag or idag()
    tabell = _celler(innehall, filnamn)
    icke_tomma = [
        (nr, rad) for nr, rad in enumerate(tabell.rader, 1) if any(c.strip() for c in rad)
    ]
    if not icke_tomma:
        raise _tom(tabell, filnamn)
    (rubriknr, rubrik), *data = icke_tomma
    if rubriknr != 1:
        raise ImportFel([Fel(filnamn, 1, None, "rad 1 ska vara rubrikraden (se mallen).")])
    index = _las_rubrik(rubrik, filnamn)
    if not data:
        raise ImportFel(
            [Fel(filnamn, None, None, f"{tabell.vad()} har bara en rubrikrad och inga värden.")]
        )
    rader, fel = [], []
    for radnr, celler in data:
        rad, radfel = _tolka_rad(radnr, celler, index, ref, dag, filnamn)
        fel.extend(radfel)
        if rad is not None:
            rader.append(rad)
    if not fel:
        fel = _kontrollera_helheten(rader, ref, filnamn)
    if fel:
        ordning = {k: i for i, k in enumerate(KOLUMNER + VALFRIA)}
        raise ImportFel(sorted(fel, key=lambda f: (f.rad or 0, ordning.get(f.kolumn, -1))))
    return rader


# --- Preview -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Forandring:
    rad: ImportRad
    andring: str  # 'ny', 'ändrad' or 'oförändrad'
    tidigare: Lagrat | None
    indikator: Indikator

    @property
    def bara_kallan(self) -> bool:
        return self.tidigare is not None and self.tidigare.varde == self.rad.varde


def _tal(varde: Decimal) -> str:
    decimaler = 0 if varde == varde.to_integral_value() else 2
    return formatera(varde, "antal", decimaler)


def visa_varde(varde: Decimal | None, enhet: str) -> str:
    """'44 923 tkr', '689,50', 'uppgift saknas'; decimals only where the value has them."""
    if varde is None:
        return "–"
    decimaler = 0 if varde == varde.to_integral_value() else 2
    return formatera(varde, enhet, decimaler)


@dataclass(frozen=True)
class Forhandsgranskning:
    filnamn: str
    sha256: str
    forandringar: tuple[Forandring, ...]
    nya_kallor: tuple[Kallnyckel, ...]
    # For a follow-up report: the table rows and sentences with figures that became no row,
    # and the reconciliations of what was read (nyckeltal.uppfoljning).
    ej_tolkat: tuple[uppfoljningsrapport.Otolkat, ...] = ()
    kontroller: tuple[Kontroll, ...] = ()

    def _med(self, andring: str) -> list[Forandring]:
        return [f for f in self.forandringar if f.andring == andring]

    @property
    def nya(self) -> list[Forandring]:
        return self._med("ny")

    @property
    def andrade(self) -> list[Forandring]:
        return self._med("ändrad")

    @property
    def oforandrade(self) -> list[Forandring]:
        return self._med("oförändrad")

    def tabell(self) -> pl.DataFrame:
        """One row per file row, as Swedish text for display."""
        ordning = {"ändrad": 0, "ny": 1, "oförändrad": 2}
        rader = []
        for f in sorted(self.forandringar, key=lambda f: (ordning[f.andring], f.rad.rad)):
            enhet = f.indikator.enhet
            if f.andring == "ändrad":
                forandring = (
                    f"samma värde, ny källa ({visa_varde(f.rad.varde, enhet)})"
                    if f.bara_kallan
                    else f"{visa_varde(f.tidigare.varde, enhet)} → {visa_varde(f.rad.varde, enhet)}"
                )
            else:
                forandring = visa_varde(f.rad.varde, enhet)
            rader.append(
                {
                    "Rad": f.rad.rad,
                    "Ändring": f.andring,
                    "Indikator": f.indikator.namn,
                    "Period": f.rad.period,
                    "Dimension": f.rad.dimension or "totalt",
                    "Värde (gammalt → nytt)": forandring,
                    "Källa": f"{f.rad.kalla_dokument}, avsnitt {f.rad.kalla_avsnitt}",
                }
            )
        return pl.DataFrame(
            rader,
            schema={
                "Rad": pl.Int64,
                "Ändring": pl.String,
                "Indikator": pl.String,
                "Period": pl.String,
                "Dimension": pl.String,
                "Värde (gammalt → nytt)": pl.String,
                "Källa": pl.String,
            },
        )

    def ej_tolkat_tabell(self) -> pl.DataFrame:
        return pl.DataFrame(
            {
                "Avsnitt": [o.avsnitt for o in self.ej_tolkat],
                "Text": [o.text for o in self.ej_tolkat],
                "Varför": [o.skal for o in self.ej_tolkat],
            },
            schema={"Avsnitt": pl.String, "Text": pl.String, "Varför": pl.String},
        )

    def sammanfattning(self) -> str:
        text = (
            f"{self.filnamn}: {_antal(len(self.nya), 'nytt värde', 'nya värden')}, "
            f"{_antal(len(self.andrade), 'ändrat', 'ändrade')} och "
            f"{_antal(len(self.oforandrade), 'oförändrat', 'oförändrade')}"
        )
        if self.nya_kallor:
            text += f"; {_antal(len(self.nya_kallor), 'nytt källdokument', 'nya källdokument')}"
        return text + "."


def _antal(antal: int, ett: str, flera: str) -> str:
    return f"{antal} {ett if antal == 1 else flera}"


def granska(
    rader: list[ImportRad], ref: Referens, filnamn: str, sha256: str, rapport: bool = False
) -> Forhandsgranskning:
    """Each row against what is stored: new, changed (value or source) or unchanged. A file's
    anmarkning replaces the stored one; a report's (rapport=True: the reader's quotation) only
    comes with a new value or source, so staff's notes on unchanged figures stay."""
    forandringar = []
    for rad in rader:
        lagrat = ref.varden.get(rad.nyckel)
        if lagrat is None:
            andring = "ny"
        elif (
            lagrat.varde != rad.varde
            or lagrat.kalla != rad.kalla
            or lagrat.avsnitt != rad.kalla_avsnitt
            or (not rapport and rad.anmarkning is not None and rad.anmarkning != lagrat.anmarkning)
        ):
            andring = "ändrad"
        else:
            andring = "oförändrad"
        forandringar.append(Forandring(rad, andring, lagrat, ref.indikatorer[rad.indikator_id]))
    nya_kallor = []
    for f in forandringar:
        if (
            f.andring != "oförändrad"
            and f.rad.kalla not in ref.kallor
            and f.rad.kalla not in nya_kallor
        ):
            nya_kallor.append(f.rad.kalla)
    return Forhandsgranskning(Path(filnamn).name, sha256, tuple(forandringar), tuple(nya_kallor))


def _sha256(innehall: bytes) -> str:
    return hashlib.sha256(innehall).hexdigest()


def _las_databas(
    databas: Databas | None, fil: Path | None, data: Path | None
) -> tuple[Databas, bool]:
    if databas is not None:
        return databas, False
    return Databas(bygg.sakerstall(fil, data)), True


def forhandsgranska(
    innehall: bytes,
    filnamn: str,
    *,
    databas: Databas | None = None,
    fil: Path | None = None,
    data: Path | None = None,
    dag: dt.date | None = None,
) -> Forhandsgranskning:
    """Check a file against the database readers see and say what an import would change.
    Writes nothing. Raises ImportFel with every problem."""
    las, egen = _las_databas(databas, fil, data)
    try:
        ref = Referens.hamta(las.fraga, indikatorer_i(innehall, filnamn))
    finally:
        if egen:
            las.stang()
    return _granska_fil(innehall, filnamn, ref, dag)


def _granska_fil(
    innehall: bytes, filnamn: str, ref: Referens, dag: dt.date | None
) -> Forhandsgranskning:
    """tolka and granska; for a follow-up report also what was not read and its
    reconciliations."""
    rader = tolka(innehall, filnamn, ref, dag)
    rapport = uppfoljningsrapport.ar_rapport(innehall, filnamn)
    granskning = granska(rader, ref, filnamn, _sha256(innehall), rapport)
    if rapport:
        lasning = _las_rapport(innehall, filnamn)
        granskning = replace(granskning, ej_tolkat=lasning.ej_tolkat, kontroller=lasning.kontroller)
    return granskning


# --- Writing: import, undo, comments -------------------------------------------------------------


def kontrollera_vem(vem: str) -> str:
    vem = (vem or "").strip()
    if not vem:
        raise ImportFel([Fel("inloggningen", None, None, "ett namn krävs för importloggen.")])
    if len(vem) > 80 or vem[0] in FORMELTECKEN:
        raise ImportFel(
            [
                Fel(
                    "inloggningen",
                    None,
                    None,
                    "namnet får vara högst 80 tecken och inte börja med =, +, - eller @.",
                )
            ]
        )
    return vem


@dataclass(frozen=True)
class Importresultat:
    import_id: int
    granskning: Forhandsgranskning


def _ingen_andring(granskning: Forhandsgranskning) -> None:
    if not granskning.nya and not granskning.andrade:
        raise ImportFel(
            [
                Fel(
                    granskning.filnamn,
                    None,
                    None,
                    "filen ändrar ingenting: "
                    + (
                        "raden"
                        if len(granskning.oforandrade) == 1
                        else f"alla {len(granskning.oforandrade)} raderna"
                    )
                    + " finns redan med samma värde och källa. Det finns inget att läsa in.",
                )
            ]
        )


class _Import(bygg.Andring):
    def __init__(self, innehall: bytes, filnamn: str, vem: str, dag: dt.date | None):
        self.innehall, self.filnamn, self.vem, self.dag = innehall, Path(filnamn).name, vem, dag
        self.resultat: Importresultat | None = None

    def efter_aterspelning(self, con: duckdb.DuckDBPyConnection) -> None:
        # checked again against exactly the state the import is laid on
        ref = Referens.hamta(
            functools.partial(fraga_pa, con), indikatorer_i(self.innehall, self.filnamn)
        )
        granskning = _granska_fil(self.innehall, self.filnamn, ref, self.dag)
        _ingen_andring(granskning)
        import_id = con.execute("select coalesce(max(import_id), 0) + 1 from importer").fetchall()[
            0
        ][0]
        kalla_id = dict(ref.kallor)
        for nummer, kalla in enumerate(granskning.nya_kallor, 1):
            kalla_id[kalla] = f"import_{import_id}_{nummer}"
        con.execute(
            "insert into importer (import_id, vem, nar, filnamn, sha256, rader_nya, "
            "rader_andrade, rader_oforandrade, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'aktiv')",
            [
                import_id,
                self.vem,
                nu(),
                self.filnamn,
                granskning.sha256,
                len(granskning.nya),
                len(granskning.andrade),
                len(granskning.oforandrade),
            ],
        )
        for dokument, datum, diarienummer in granskning.nya_kallor:
            con.execute(
                "insert into importerade_kallor values (?, ?, ?, ?, ?, 'Importerad fil', ?, ?)",
                [
                    import_id,
                    kalla_id[(dokument, datum, diarienummer)],
                    dokument,
                    datum,
                    diarienummer,
                    self.filnamn,
                    f"Skapad av import {import_id} ({self.vem}).",
                ],
            )
        skrivna = [f for f in granskning.forandringar if f.andring != "oförändrad"]
        nya_rader = pl.DataFrame(
            {
                "import_id": [import_id] * len(skrivna),
                "rad": [f.rad.rad for f in skrivna],
                "indikator_id": [f.rad.indikator_id for f in skrivna],
                "ar": [f.rad.ar for f in skrivna],
                "periodtyp": [f.rad.periodtyp for f in skrivna],
                "manad": [f.rad.manad for f in skrivna],
                "dimension": [f.rad.dimension for f in skrivna],
                "varde": [f.rad.varde for f in skrivna],
                "kalla_id": [kalla_id[f.rad.kalla] for f in skrivna],
                "avsnitt": [f.rad.kalla_avsnitt for f in skrivna],
                "anmarkning": [f.rad.anmarkning for f in skrivna],
                "tidigare_varde": [f.tidigare.varde if f.tidigare else None for f in skrivna],
                "andring": [f.andring for f in skrivna],
            },
            schema={
                "import_id": pl.Int32,
                "rad": pl.Int32,
                "indikator_id": pl.String,
                "ar": pl.Int32,
                "periodtyp": pl.String,
                "manad": pl.Int32,
                "dimension": pl.String,
                "varde": pl.Decimal(18, 2),
                "kalla_id": pl.String,
                "avsnitt": pl.String,
                "anmarkning": pl.String,
                "tidigare_varde": pl.Decimal(18, 2),
                "andring": pl.String,
            },
        )
        con.register("nya_rader", nya_rader)
        try:
            con.execute("insert into importerade_varden by name select * from nya_rader")
        finally:
            con.unregister("nya_rader")
        bygg.lagg_pa(con, import_id, self.filnamn)
        self.resultat = Importresultat(import_id, granskning)

    def verifiera(self, con: duckdb.DuckDBPyConnection) -> None:
        import_id = self.resultat.import_id
        saknas = con.execute(
            """
            select count(*)
            from importerade_varden
            left join varden
                on importerade_varden.indikator_id = varden.indikator_id
                and importerade_varden.ar = varden.ar
                and importerade_varden.periodtyp = varden.periodtyp
                and importerade_varden.manad = varden.manad
                and importerade_varden.dimension = varden.dimension
            where importerade_varden.import_id = ?
                and (varden.varde is distinct from importerade_varden.varde
                     or varden.kalla_id is distinct from importerade_varden.kalla_id)
            """,
            [import_id],
        ).fetchall()[0][0]
        status = con.execute(
            "select status from importer where import_id = ?", [import_id]
        ).fetchall()
        if saknas or status != [("aktiv",)]:
            raise RuntimeError(f"import {import_id} finns inte i den nya databasen")


def importera(
    innehall: bytes,
    filnamn: str,
    vem: str,
    *,
    databas: Databas | None = None,
    fil: Path | None = None,
    data: Path | None = None,
    dag: dt.date | None = None,
) -> Importresultat:
    """Import a file, all or nothing. Raises ImportFel (nothing written) or bygg.UpptagenFel
    ("En annan import pågår …") when another write is running."""
    vem = kontrollera_vem(vem)
    fil = fil or sokvagar.databasfil()
    # fail fast, without taking the lock, on a file that cannot be imported
    _ingen_andring(forhandsgranska(innehall, filnamn, databas=databas, fil=fil, data=data, dag=dag))
    andring = _Import(innehall, filnamn, vem, dag)
    bygg.bygg(fil, data, andring=andring, vanta=0)
    return andring.resultat


class _Angring(bygg.Andring):
    def __init__(self, vem: str, import_id: int | None):
        self.vem, self.import_id = vem, import_id
        self.angrad: tuple[int, str] | None = None

    def fore_aterspelning(self, con: duckdb.DuckDBPyConnection) -> None:
        senaste = con.execute(
            "select import_id, filnamn from importer where status = 'aktiv' "
            "order by import_id desc limit 1"
        ).fetchall()
        if not senaste:
            raise ImportFel([Fel("importloggen", None, None, "det finns ingen import att ångra.")])
        import_id, filnamn = senaste[0]
        if self.import_id is not None and self.import_id != import_id:
            raise ImportFel(
                [
                    Fel(
                        "importloggen",
                        None,
                        None,
                        f"import {self.import_id} är inte längre den senaste (det är "
                        f"import {import_id}, {filnamn}); ladda om sidan.",
                    )
                ]
            )
        con.execute(
            "update importer set status = 'angrad', angrad_av = ?, angrad_nar = ? "
            "where import_id = ?",
            [self.vem, nu(), import_id],
        )
        self.angrad = (import_id, filnamn)

    def verifiera(self, con: duckdb.DuckDBPyConnection) -> None:
        status = con.execute(
            "select status from importer where import_id = ?", [self.angrad[0]]
        ).fetchall()
        if status != [("angrad",)]:
            raise RuntimeError(f"import {self.angrad[0]} är inte ångrad i den nya databasen")


def angra_senaste(
    vem: str, *, import_id: int | None = None, fil: Path | None = None, data: Path | None = None
) -> tuple[int, str]:
    """Undo the latest import still in effect (import_id: refuse if it is no longer the
    latest). Returns (import_id, file name). The database is rebuilt without it."""
    andring = _Angring(kontrollera_vem(vem), import_id)
    bygg.bygg(fil, data, andring=andring, vanta=0)
    return andring.angrad


class _Kommentar(bygg.Andring):
    def __init__(self, indikator_id: str, ar: int, manad: int, text: str | None, vem: str):
        self.nyckel = (indikator_id, ar, manad)
        self.text, self.vem = text, vem

    def fore_aterspelning(self, con: duckdb.DuckDBPyConnection) -> None:
        if not con.execute(
            "select count(*) from indikatorer where indikator_id = ?", [self.nyckel[0]]
        ).fetchall()[0][0]:
            raise ImportFel(
                [
                    Fel(
                        "kommentaren",
                        None,
                        "indikator_id",
                        f"okänd indikator '{_kort(self.nyckel[0])}'.",
                    )
                ]
            )
        con.execute(
            "delete from kommentarer where indikator_id = ? and ar = ? and manad = ?",
            list(self.nyckel),
        )
        if self.text is not None:
            con.execute(
                "insert into kommentarer values (?, ?, ?, ?, ?, ?)",
                [*self.nyckel, self.text, self.vem, nu()],
            )

    def verifiera(self, con: duckdb.DuckDBPyConnection) -> None:
        texter = con.execute(
            "select text from kommentarer where indikator_id = ? and ar = ? and manad = ?",
            list(self.nyckel),
        ).fetchall()
        if texter != ([(self.text,)] if self.text is not None else []):
            raise RuntimeError("kommentaren finns inte som den skrevs i den nya databasen")


def spara_kommentar(
    indikator_id: str,
    ar: int,
    manad: int,
    text: str | None,
    vem: str,
    *,
    fil: Path | None = None,
    data: Path | None = None,
    dag: dt.date | None = None,
) -> None:
    """Write (or with text None or empty, remove) the comment on an indicator's month."""
    vem = kontrollera_vem(vem)
    dag = dag or idag()
    text = (text or "").strip() or None
    fel = []
    if not (isinstance(ar, int) and 2000 <= ar <= 2100):
        fel.append(Fel("kommentaren", None, "ar", f"året {ar} ligger utanför 2000–2100."))
    elif not (isinstance(manad, int) and 1 <= manad <= 12):
        fel.append(Fel("kommentaren", None, "manad", f"{manad} är ingen månad (1–12)."))
    elif (ar, manad) > (dag.year, dag.month):
        fel.append(
            Fel("kommentaren", None, "manad", f"{manadsnamn(manad)} {ar} ligger i framtiden.")
        )
    if text is not None:
        if text[0] in FORMELTECKEN:
            fel.append(
                Fel(
                    "kommentaren",
                    None,
                    "text",
                    f"texten börjar med '{text[0]}' och kan köras som en formel i Excel "
                    "(formelinjektion); ta bort tecknet.",
                )
            )
        elif len(text) > MAX_TECKEN_KOMMENTAR:
            fel.append(
                Fel(
                    "kommentaren",
                    None,
                    "text",
                    f"texten har {len(text)} tecken; högst {MAX_TECKEN_KOMMENTAR}.",
                )
            )
    if fel:
        raise ImportFel(fel)
    bygg.bygg(fil, data, andring=_Kommentar(indikator_id, ar, manad, text, vem), vanta=10)


# --- Template -------------------------------------------------------------------------------------


def exempelrader(varden: pl.DataFrame) -> pl.DataFrame:
    """Two real rows for the template, from query varden_med_kalla: the latest monthly total
    and the latest monthly value with a dimension. Importing them unchanged changes nothing."""
    manad = varden.filter(pl.col("periodtyp") == "manad").sort(
        ["ar", "manad", "indikator_id", "dimension"], descending=[True, True, False, False]
    )
    valda = pl.concat(
        [
            manad.filter(pl.col("dimension") == "").head(1),
            manad.filter(pl.col("dimension") != "").head(1),
        ]
    )
    return valda.select(
        "indikator_id",
        "ar",
        "manad",
        "periodtyp",
        "dimension",
        "varde",
        pl.col("dokument").alias("kalla_dokument"),
        pl.col("datum").alias("kalla_datum"),
        pl.col("diarienummer").alias("kalla_diarienummer"),
        pl.col("avsnitt").alias("kalla_avsnitt"),
    )


def _svensk_text(varde: object) -> str:
    if varde is None:
        return ""
    if isinstance(varde, Decimal):
        text = format(varde.normalize() if varde == varde.to_integral_value() else varde, "f")
        return text.replace(".", ",")
    return str(varde)


def _csv(rader: list[list[str]]) -> bytes:
    """Semicolons, decimal comma, UTF-8 with BOM, as Swedish Excel saves."""
    utdata = io.StringIO()
    csv.writer(utdata, delimiter=";", lineterminator="\r\n").writerows(rader)
    return utdata.getvalue().encode("utf-8-sig")


def mall_csv(exempel: pl.DataFrame | None = None) -> bytes:
    """The CSV template, with the example rows."""
    rader = exempel.iter_rows() if exempel is not None else []
    return _csv([list(KOLUMNER)] + [[_svensk_text(v) for v in rad] for rad in rader])


def mall_excel(indikatorer: pl.DataFrame, exempel: pl.DataFrame | None = None) -> bytes:
    """The Excel template: the sheet Import to fill in, and the sheet Indikatorer with every
    indicator, its unit and the allowed dimension values (from query import_indikatorer)."""
    import xlsxwriter

    rader = (
        exempel if exempel is not None else pl.DataFrame(schema={k: pl.String for k in KOLUMNER})
    ).with_columns(pl.col("varde").cast(pl.Float64) if exempel is not None else pl.col("varde"))
    lista = indikatorer.select(
        "indikator_id",
        "namn",
        "enhet",
        pl.col("dimension").fill_null(""),
        pl.col("dimensionsvarden").list.join("; ").alias("tillatna_dimensionsvarden"),
    )
    buffert = io.BytesIO()
    with xlsxwriter.Workbook(buffert) as arbetsbok:
        rader.write_excel(
            arbetsbok, worksheet="Import", autofit=True, dtype_formats={pl.Date: "yyyy-mm-dd"}
        )
        lista.write_excel(arbetsbok, worksheet="Indikatorer", autofit=True)
    return buffert.getvalue()


# --- Command line ---------------------------------------------------------------------------------


def _skriv_rapportlasning(ej_tolkat, kontroller) -> None:
    if ej_tolkat:
        print(f"Ej tolkat ({len(ej_tolkat)} tabellrader och meningar med siffror):")
        for o in ej_tolkat:
            print(f"  {o.avsnitt}: {_kort(o.text, 100)} ({o.skal})")
    avvikande = [k for k in kontroller if k.differens != 0]
    if kontroller:
        print(f"Avstämningar: {len(kontroller) - len(avvikande)} av {len(kontroller)} stämmer.")
    for k in avvikande:
        print(f"  {k.status}: {k.namn}: {_tal(k.vantat)} mot {_tal(k.faktiskt)}")


def till_csv(innehall: bytes, filnamn: str, ut: Path) -> int:
    """`--till-csv`: the report's rows as an import file; the database is not opened."""
    if not innehall.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise ImportFel([Fel(filnamn, None, None, "filen är tom.")])
    lasning = _las_rapport(innehall, filnamn)
    ut.write_bytes(_csv(importrader(lasning.rader)))
    print(f"{filnamn}: {lasning.titel}: {len(lasning.rader)} rader skrivna till {ut}.")
    _skriv_rapportlasning(lasning.ej_tolkat, lasning.kontroller)
    return 0


def _skriv_granskning(granskning: Forhandsgranskning) -> None:
    print(granskning.sammanfattning())
    for f in granskning.andrade + granskning.nya:
        enhet = f.indikator.enhet
        dimension = f", {f.rad.dimension}" if f.rad.dimension else ""
        if f.andring == "ändrad":
            vad = (
                f"{visa_varde(f.tidigare.varde, enhet)} → {visa_varde(f.rad.varde, enhet)}"
                if not f.bara_kallan
                else "samma värde, ny källa"
            )
        else:
            vad = visa_varde(f.rad.varde, enhet)
        print(
            f"  rad {f.rad.rad}: {f.andring}: {f.rad.indikator_id}{dimension}, "
            f"{f.rad.period}: {vad}"
        )
    _skriv_rapportlasning(granskning.ej_tolkat, granskning.kontroller)


def main(argv: list[str] | None = None) -> int:
    tolkare = argparse.ArgumentParser(
        prog="python -m nyckeltal.importera",
        description="Läs in nya siffror i dashboardens databas, eller ångra den senaste "
        "importen. Formatet beskrivs i README.md (Import av nya siffror).",
    )
    tolkare.add_argument(
        "fil",
        nargs="?",
        type=Path,
        help="CSV- eller Excel-fil att läsa in, eller nämndens uppföljningsrapport (.txt, "
        ".docx, .pdf)",
    )
    tolkare.add_argument(
        "--till-csv",
        type=Path,
        metavar="UT",
        help="skriv rapportens siffror som importfil till UT, utan att läsa in dem",
    )
    tolkare.add_argument(
        "--forhandsgranska", action="store_true", help="visa vad som skulle ändras, utan att spara"
    )
    tolkare.add_argument(
        "--vem", default=None, help="namn i importloggen (standard: användarnamnet)"
    )
    tolkare.add_argument("--angra", action="store_true", help="ångra den senaste importen")
    val = tolkare.parse_args(argv)
    if val.angra == (val.fil is not None):
        tolkare.error("ange antingen en FIL eller --angra")
    if val.till_csv is not None and (val.angra or val.forhandsgranska):
        tolkare.error("--till-csv går inte att kombinera med --angra eller --forhandsgranska")
    vem = val.vem or getpass.getuser()
    try:
        if val.angra:
            import_id, filnamn = angra_senaste(vem)
            print(f"Import {import_id} ({filnamn}) är ångrad.")
            return 0
        if not val.fil.is_file():
            raise ImportFel([Fel(val.fil.name, None, None, "filen finns inte.")])
        if val.fil.stat().st_size > MAX_STORLEK:
            raise ImportFel(
                [
                    Fel(
                        val.fil.name,
                        None,
                        None,
                        f"filen är {_storlek(val.fil.stat().st_size)}; största "
                        f"tillåtna storlek är {_storlek(MAX_STORLEK)}.",
                    )
                ]
            )
        innehall = val.fil.read_bytes()
        if val.till_csv is not None:
            return till_csv(innehall, val.fil.name, val.till_csv)
        if val.forhandsgranska:
            _skriv_granskning(forhandsgranska(innehall, val.fil.name))
            return 0
        resultat = importera(innehall, val.fil.name, vem)
        _skriv_granskning(resultat.granskning)
        print(f"Import {resultat.import_id} är sparad.")
        return 0
    except bygg.UpptagenFel as exc:
        print(exc, file=sys.stderr)
        return 3
    except DataFel as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
