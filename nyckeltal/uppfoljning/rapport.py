"""Read a follow-up report (.txt, .docx or .pdf) into rows of the import format.

    block   = the file read into paragraphs and tables (text.py; word.py, pdf.py)
    rapport = the report's parts, title, period and sections (delar.py)
    figurer = tables (tabeller.py) and sentences and lists (meningar.py), coded against data/
    rader   = one row per figure; a figure stated twice is one row, crediting the first place
              (the tjänsteskrivelse before its bilaga, chapter 2 before the Verksamhetsmått of
              chapter 3, a table before a sentence), and a second place with another value is
              a disagreement the preview shows (kontroller)

Nothing here touches the database: `python -m nyckeltal.importera RAPPORT --till-csv UT.csv`
writes the rows as a file, and the import reads the same rows when given the report.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from nyckeltal.avstamning import Kontroll
from nyckeltal.inlasning import DataFel, Fel, Teckenfel, avkoda_text
from nyckeltal.perioder import beskriv_period
from nyckeltal.uppfoljning import delar, meningar, tabeller
from nyckeltal.uppfoljning.block import Block, Stycke, Tabell
from nyckeltal.uppfoljning.fynd import EjTolkat, Figur, Sammanhang
from nyckeltal.uppfoljning.katalog import Katalog
from nyckeltal.uppfoljning.text import las_text

EJ_RAPPORT = (
    "filen är ingen uppföljningsrapport som känns igen: den har ingen rubrik som "
    "”Budgetuppföljning efter september 2022”, ”Budgetuppföljning Sept 2022”, "
    "”Tertialrapport 1 2023” eller ”Årsredovisning 2022” följd av rapportens tabeller och text "
    "(se README, Import från uppföljningsrapporten)."
)
RAPPORTNAMN = (".txt", ".docx", ".pdf")


@dataclass(frozen=True)
class Rapportrad:
    indikator_id: str
    ar: int
    manad: int
    periodtyp: str
    dimension: str
    varde: Decimal
    kalla_dokument: str
    kalla_datum: dt.date | None
    kalla_diarienummer: str | None
    kalla_avsnitt: str
    anmarkning: str

    @property
    def nyckel(self) -> tuple[str, int, str, int, str]:
        return (self.indikator_id, self.ar, self.periodtyp, self.manad, self.dimension)


@dataclass(frozen=True)
class Lasning:
    titel: str
    ar: int
    manad: int
    rader: tuple[Rapportrad, ...]
    ej_tolkat: tuple[EjTolkat, ...]
    kontroller: tuple[Kontroll, ...]


def ar_docx(innehall: bytes) -> bool:
    if not innehall.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(innehall)) as arkiv:
            return "word/document.xml" in arkiv.namelist()
    except zipfile.BadZipFile:
        return False


def ar_pdf(innehall: bytes) -> bool:
    return innehall.lstrip()[:5] == b"%PDF-"


def _trasigt_dokument(innehall: bytes, filnamn: str) -> bool:
    """Named .pdf or .docx, but neither that nor text: a broken or foreign document, which the
    PDF or Word reader names (the text reader would advise saving a CSV file from Excel)."""
    if Path(filnamn).suffix.lower() not in (".pdf", ".docx"):
        return False
    try:
        avkoda_text(innehall)
    except Teckenfel:
        return True
    return False


def _block(innehall: bytes, filnamn: str) -> list[Block]:
    try:
        # The PDF and Word libraries are imported only for such a file.
        pdf, docx = ar_pdf(innehall), ar_docx(innehall)
        if not (pdf or docx) and _trasigt_dokument(innehall, filnamn):
            pdf = Path(filnamn).suffix.lower() == ".pdf"
            docx = not pdf
        if pdf:
            from nyckeltal.uppfoljning.pdf import pdf_text

            return las_text(pdf_text(innehall))
        if docx:
            from nyckeltal.uppfoljning.word import las_docx

            return las_docx(innehall)
        text, _ = avkoda_text(innehall)
    except ValueError as exc:  # Teckenfel too
        rad = exc.rad if isinstance(exc, Teckenfel) else None
        raise DataFel([Fel(filnamn, rad, None, str(exc))]) from None
    return las_text(text)


def ar_rapport(innehall: bytes, filnamn: str) -> bool:
    """A report this reader knows: a PDF or Word file (never an import file), or a text file
    with a report's title (a CSV or text import file has none). A broken file named as a PDF or
    Word document is one too, so that reading it says what is wrong with it."""
    if ar_pdf(innehall) or ar_docx(innehall) or _trasigt_dokument(innehall, filnamn):
        return True
    if Path(filnamn).suffix.lower() not in RAPPORTNAMN:
        return False
    try:
        text, _ = avkoda_text(innehall)
    except Teckenfel:
        return False
    return any(delar._TITEL.match(rad.strip()) for rad in text.splitlines() if len(rad) < 120)


@functools.lru_cache(maxsize=4)
def _las(innehall: bytes, filnamn: str, data: Path | None) -> Lasning:
    rapport = delar.hitta_rapport(_block(innehall, filnamn))
    if rapport is None:
        raise DataFel([Fel(filnamn, None, None, EJ_RAPPORT)])
    katalog = Katalog.las(data)
    sammanhang = Sammanhang(rapport.ar, rapport.manad, katalog)
    kandidater: list[tuple[tuple, Figur, delar.Del, str]] = []
    ej: list[EjTolkat] = []
    for delnr, del_ in enumerate(rapport.delar):
        inledning = ""
        for ordning, placerat in enumerate(del_.block):
            b = placerat.block
            if isinstance(b, Tabell):
                fore = del_.block[ordning - 1].block if ordning else None
                if isinstance(fore, Stycke) and fore.text.strip() == "Innehållsförteckning":
                    continue  # the table of contents: headings and page numbers
                figurer, otolkade = tabeller.las_tabell(b, placerat.avsnitt, sammanhang)
            elif b.punkt:
                figurer, otolkade = meningar.las_punkt(b.text, inledning, sammanhang)
            else:
                figurer, otolkade = meningar.las_stycke(b.text, sammanhang)
                inledning = b.text
                if placerat.rubrik and delar.NUMRERAD.match(b.text):
                    otolkade = []  # '2 Nämndens verksamhet 1': a section number and a footnote
            ej.extend(replace(o, avsnitt=placerat.avsnitt) for o in otolkade)
            for figur in figurer:
                kodad = _koda(figur, katalog)
                if isinstance(kodad, EjTolkat):
                    ej.append(replace(kodad, avsnitt=placerat.avsnitt))
                    continue
                prioritet = (delnr, placerat.kapitel == "3", not kodad.fran_tabell, ordning)
                kandidater.append((prioritet, kodad, del_, placerat.avsnitt))

    rader, kontroller = _en_rad_per_figur(kandidater, katalog)
    kontroller += _avstamningar(rader, katalog)
    return Lasning(
        rapport.titel, rapport.ar, rapport.manad, tuple(rader), tuple(ej), tuple(kontroller)
    )


def las_rapport(innehall: bytes, filnamn: str, data: Path | None = None) -> Lasning:
    """Every figure of the report as a row of the import format. DataFel (Swedish) for a file
    that cannot be read or is not a follow-up report this reader knows."""
    return _las(innehall, Path(filnamn).name, data)


def _koda(figur: Figur, katalog: Katalog) -> Figur | EjTolkat:
    """The figure's dimension label as the dimension value data/dimensioner.csv spells it."""
    text = (
        figur.anmarkning.removeprefix("Texten: ").strip("”.")
        if not figur.fran_tabell
        else figur.anmarkning
    )
    # A date or column head with a misprinted year or month ('0022-09-30', 'Utfall 2022-13')
    # is no period: the import accepts years 2000–2100 and months 1–12.
    if not (2000 <= figur.ar <= 2100 and 1 <= figur.manad <= 12):
        return EjTolkat(
            text, f"år {figur.ar}, månad {figur.manad} är ingen period (år 2000–2100, månad 1–12)"
        )
    if not figur.dimension:
        return figur
    varde = katalog.dimensionsvarde(figur.indikator_id, figur.dimension)
    if varde is None:
        dimension = katalog.indikatorer[figur.indikator_id].dimension
        return EjTolkat(
            text,
            f"”{figur.dimension}” finns inte bland dimensionen {dimension}s värden i "
            "data/dimensioner.csv (lägg till den, eller ett alias i data/dimensionsalias.csv)",
        )
    return replace(figur, dimension=varde)


def _vad(nyckel, katalog: Katalog) -> str:
    """'Hushåll med försörjningsstöd, september 2022' (with the dimension value, if any)."""
    indikator_id, ar, periodtyp, manad, dimension = nyckel
    text = f"{katalog.indikatorer[indikator_id].namn}, {beskriv_period(periodtyp, manad, ar)}"
    return f"{text}, {dimension}" if dimension else text


def _en_rad_per_figur(kandidater, katalog: Katalog) -> tuple[list[Rapportrad], list[Kontroll]]:
    per_nyckel: dict[tuple, list] = defaultdict(list)
    for kandidat in sorted(kandidater, key=lambda k: k[0]):
        per_nyckel[kandidat[1].nyckel].append(kandidat)
    rader, kontroller = [], []
    for nyckel, lista in per_nyckel.items():
        _, figur, del_, avsnitt = lista[0]
        ovriga = []
        for _, annan, annan_del, annat_avsnitt in lista[1:]:
            if annan.varde == figur.varde:
                if annat_avsnitt != avsnitt and annat_avsnitt not in ovriga:
                    ovriga.append(annat_avsnitt)
                continue
            konflikt = katalog.dokumenterad(figur.varde, annan.varde)
            kontroller.append(
                Kontroll(
                    f"{_vad(nyckel, katalog)}: {avsnitt} mot {annat_avsnitt}",
                    figur.varde,
                    annan.varde,
                    katalog.indikatorer[figur.indikator_id].enhet,
                    f"{konflikt.beskrivning}: {konflikt.motivering}" if konflikt else "",
                )
            )
        anmarkning = figur.anmarkning
        if ovriga:
            anmarkning += f" Samma tal i {', '.join(ovriga[:3])}."
        rader.append(
            Rapportrad(
                figur.indikator_id,
                figur.ar,
                figur.manad,
                figur.periodtyp,
                figur.dimension,
                figur.varde,
                del_.dokument,
                del_.datum,
                del_.diarienummer,
                avsnitt,
                anmarkning,
            )
        )
    return rader, kontroller


# The same figure stated in the text and in the net cost table (where costs are negative).
_TEXT_MOT_TABELL = (
    ("bistand_kostnad", "nettokostnad_utfall", "Ekonomiskt bistånd", -1),
    ("bistand_kostnad", "nettokostnad_prognos", "Ekonomiskt bistånd", -1),
    ("bistand_budget", "nettokostnad_budget", "Ekonomiskt bistånd", -1),
    ("kommunbidrag", "nettokostnad_budget", "", -1),
    ("buffert", "nettokostnad_budget", "Buffert", -1),
    ("namnd_resultat", "budgetavvikelse", "", 1),
    ("budgetavvikelse_text", "budgetavvikelse", None, 1),  # None: each activity with itself
)


def _avstamningar(rader: list[Rapportrad], katalog: Katalog) -> list[Kontroll]:
    """The reconciliations the Källor page makes, on what was read: parts against their total,
    shares against 100 %, months against the year-to-date sum, text against table."""
    varde = {r.nyckel: r.varde for r in rader}
    kontroller = []

    def kontroll(namn, vantat, faktiskt, enhet, forklaring="", som_skrivet=None):
        """som_skrivet: the two figures as the papers print them, when the check compares
        them with a sign turned (costs are negative in the table, positive in the text); a
        documented disagreement is recorded with the printed figures."""
        konflikt = katalog.dokumenterad(*(som_skrivet or (vantat, faktiskt)))
        if konflikt and not forklaring:
            forklaring = f"{konflikt.beskrivning}: {konflikt.motivering}"
        kontroller.append(Kontroll(namn, vantat, faktiskt, enhet, forklaring))

    grupper: dict[tuple, dict[str, Decimal]] = defaultdict(dict)
    for r in rader:
        if katalog.indikatorer[r.indikator_id].dimension:
            grupper[r.nyckel[:4]][r.dimension] = r.varde
    for (indikator_id, ar, periodtyp, manad), varden in grupper.items():
        info = katalog.indikatorer[indikator_id]
        delar_ = {d: v for d, v in varden.items() if d}
        period = beskriv_period(periodtyp, manad, ar)
        if info.enhet == "procent" and delar_:
            summa = sum(delar_.values(), Decimal(0))
            kontroll(
                f"{info.namn}, {period}: andelarna summerar till 100 %",
                Decimal(100),
                summa,
                "procent",
                "avrundning till hela procent" if summa != 100 and abs(summa - 100) <= 1 else "",
            )
        elif "" in varden and delar_:
            kontroll(
                f"{info.namn}, {period}: {len(delar_)} delar mot angiven total",
                varden[""],
                sum(delar_.values(), Decimal(0)),
                info.enhet,
            )
    for r in rader:
        if r.periodtyp != "ack" or r.dimension:
            continue
        manader = [varde.get((r.indikator_id, r.ar, "manad", m, "")) for m in range(1, r.manad + 1)]
        if all(v is not None for v in manader) and r.manad > 1:
            info = katalog.indikatorer[r.indikator_id]
            if info.matt_typ == "flode":
                kontroll(
                    f"{info.namn}: januari–{beskriv_period('manad', r.manad, r.ar)}, summa av "
                    "månaderna mot angiven summa",
                    r.varde,
                    sum(manader, Decimal(0)),
                    info.enhet,
                )
    for text_id, tabell_id, dimension, tecken in _TEXT_MOT_TABELL:
        for r in rader:
            if r.indikator_id != text_id or (dimension is not None and r.dimension):
                continue
            dim = r.dimension if dimension is None else dimension
            tabellvarde = varde.get((tabell_id, r.ar, r.periodtyp, r.manad, dim))
            if tabellvarde is None:
                continue
            info = katalog.indikatorer[text_id]
            namn = f"{info.namn}, {beskriv_period(r.periodtyp, r.manad, r.ar)}"
            if dim and dimension is None:
                namn += f", {dim}"
            kontroll(
                f"{namn}: texten mot tabellen Verksamheternas nettokostnader",
                r.varde,
                tecken * tabellvarde,
                info.enhet,
                som_skrivet=(r.varde, tabellvarde),
            )
    return kontroller
