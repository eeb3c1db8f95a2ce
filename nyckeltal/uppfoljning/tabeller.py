"""The report's tables, recognised by their header row, read into figures.

Each reader takes the table (with the caption or heading above it) and returns the figures
and every row or cell with a figure it did not code, or None when the table is not its kind.
Periods come from the column heads ("Utfall 2022-09", "Budget 2022") and row labels
("Summa: Jan-Sept", "Bokslut"), otherwise from the report's own period.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nyckeltal.uppfoljning.block import Tabell
from nyckeltal.uppfoljning.delar import manad_i
from nyckeltal.uppfoljning.fynd import EjTolkat, Figur, Sammanhang, har_siffror, tal

Resultat = tuple[list[Figur], list[EjTolkat]]


def _radtext(rad: tuple[str, ...]) -> str:
    return " | ".join(c for c in rad if c)


def _cell(
    ut: Resultat,
    rad: tuple[str, ...],
    kolumn: str,
    text: str,
    indikator_id: str,
    ar: int,
    periodtyp: str,
    manad: int,
    dimension: str,
) -> None:
    figurer, ej = ut
    if not text.strip():
        return
    varde = tal(text)
    if varde is None:
        if har_siffror(text):
            ej.append(
                EjTolkat(_radtext(rad), f"cellen ”{text}” i kolumnen ”{kolumn}” är inget tal")
            )
        return
    figurer.append(
        Figur(
            indikator_id,
            ar,
            periodtyp,
            manad,
            dimension,
            varde,
            f"Tabellen: raden ”{rad[0]}”, kolumnen ”{kolumn}”.",
            True,
        )
    )


def _okand_rad(ut: Resultat, rad: tuple[str, ...], skal: str) -> None:
    if har_siffror(" ".join(rad[1:])):
        ut[1].append(EjTolkat(_radtext(rad), skal))


# --- Verksamheternas nettokostnader -----------------------------------------------------------

_NETTO_KOLUMNER: tuple[tuple[re.Pattern, Callable[[re.Match, Sammanhang], tuple]], ...] = (
    (
        re.compile(r"Utfall (\d{4})-(\d{2})"),
        lambda m, s: ("nettokostnad_utfall", int(m[1]), "ack", int(m[2])),
    ),
    (
        re.compile(r"(?:Utfall|Bokslut) (\d{4})"),
        lambda m, s: ("nettokostnad_utfall", int(m[1]), "helar", 12),
    ),
    (re.compile(r"Budget (\d{4})"), lambda m, s: ("nettokostnad_budget", int(m[1]), "helar", 12)),
    (
        re.compile(r"Budget (\d{4})-(\d{2})"),
        lambda m, s: ("nettokostnad_budget", int(m[1]), "ack", int(m[2])),
    ),
    (
        re.compile(r"Prognos (\d{4})"),
        lambda m, s: ("nettokostnad_prognos", int(m[1]), "prognos", s.manad),
    ),
    (
        re.compile(r"Avvikelse(?: (\d{4}))?"),
        lambda m, s: ("budgetavvikelse", int(m[1] or s.ar), "prognos", s.manad),
    ),
)
_SUMMA = re.compile(r"^(Summa|Totalt|Total|Nämnden totalt)\b", re.IGNORECASE)


def nettokostnader(tabell: Tabell, rubrik: str, s: Sammanhang) -> Resultat | None:
    huvud = tabell.rader[0]
    if huvud[0].strip().casefold() != "tkr" or not any(
        re.fullmatch(r"Utfall \d{4}-\d{2}", c.strip()) for c in huvud
    ):
        return None
    ut: Resultat = ([], [])
    kolumner = []
    for position, text in enumerate(huvud[1:], 1):
        for monster, kodning in _NETTO_KOLUMNER:
            if m := monster.fullmatch(text.strip()):
                kolumner.append((position, text.strip(), kodning(m, s)))
                break
        else:
            for rad in tabell.rader[1:]:
                if position < len(rad) and har_siffror(rad[position]):
                    ut[1].append(EjTolkat(_radtext(rad), f"kolumnen ”{text}” känns inte igen"))
    for rad in tabell.rader[1:]:
        etikett = rad[0].strip()
        if _SUMMA.match(etikett):
            dimension = ""
        else:
            dimension = s.katalog.dimensionsvarde("nettokostnad_utfall", etikett)
            if dimension is None:
                _okand_rad(ut, rad, f"verksamheten ”{etikett}” finns inte i data/dimensioner.csv")
                continue
        for position, namn, (indikator_id, ar, periodtyp, manad) in kolumner:
            _cell(ut, rad, namn, rad[position], indikator_id, ar, periodtyp, manad, dimension)
    return ut


# --- Utveckling av ekonomiskt bistånd: (år, Utfall tkr) column pairs, a row per month --------


def bistand_per_manad(tabell: Tabell, rubrik: str, s: Sammanhang) -> Resultat | None:
    huvud = [c.strip() for c in tabell.rader[0]]
    if (
        len(huvud) < 2
        or len(huvud) % 2
        or not all(re.fullmatch(r"\d{4}", c) for c in huvud[0::2])
        or not all("utfall" in c.casefold() or "tkr" in c.casefold() for c in huvud[1::2])
        or "bistånd" not in rubrik.casefold()
    ):
        return None
    ut: Resultat = ([], [])
    for kolumn in range(0, len(huvud), 2):
        ar = int(huvud[kolumn])
        namn = f"{huvud[kolumn]} {huvud[kolumn + 1]}"
        for rad in tabell.rader[1:]:
            etikett, text = rad[kolumn].strip(), rad[kolumn + 1]
            radvy = (etikett, text)
            if manad := manad_i(etikett):
                kodning = ("manad", manad)
            elif m := re.match(r"Summa:?\s*jan\w*\s*[-–]\s*(\w+)", etikett, re.IGNORECASE):
                if manad_i(m[1]) is None:
                    _okand_rad(ut, radvy, f"månaden i ”{etikett}” känns inte igen")
                    continue
                kodning = ("ack", manad_i(m[1]))
            elif re.fullmatch(r"Prognos(?: bokslut)?", etikett, re.IGNORECASE):
                kodning = ("prognos", s.manad)
            elif re.fullmatch(r"Bokslut", etikett, re.IGNORECASE):
                kodning = ("helar", 12)
            else:
                _okand_rad(ut, radvy, f"raden ”{etikett}” känns inte igen")
                continue
            _cell(ut, radvy, namn, text, "bistand_kostnad", ar, kodning[0], kodning[1], "")
    return ut


# --- Arbetsmarknadsanställningar: a column per year, a row per employment form -------------


def per_ar_och_form(tabell: Tabell, rubrik: str, s: Sammanhang) -> Resultat | None:
    huvud = [c.strip() for c in tabell.rader[0]]
    if huvud[0] or len(huvud) < 2 or not all(re.fullmatch(r"\d{4}", c) for c in huvud[1:]):
        return None
    if not any(
        s.katalog.dimensionsvarde("anstallningsform_antal", rad[0]) for rad in tabell.rader[1:]
    ):
        return None
    ut: Resultat = ([], [])
    for rad in tabell.rader[1:]:
        dimension = s.katalog.dimensionsvarde("anstallningsform_antal", rad[0])
        if dimension is None:
            _okand_rad(ut, rad, f"anställningsformen ”{rad[0]}” finns inte i data/dimensioner.csv")
            continue
        for position, ar in enumerate(huvud[1:], 1):
            # The table states no month: it is the report's month for every year.
            _cell(
                ut,
                rad,
                ar,
                rad[position],
                "anstallningsform_antal",
                int(ar),
                "manad",
                s.manad,
                dimension,
            )
    return ut


# --- Mottagna flyktingar: shares by country, age and years in school -------------------------

_ANDELAR = {
    "land": "flyktingar_ursprungsland",
    "ursprungsland": "flyktingar_ursprungsland",
    "ålder": "flyktingar_alder",
    "år i skola": "flyktingar_skolar",
    "år i skolan": "flyktingar_skolar",
}


def andelar(tabell: Tabell, rubrik: str, s: Sammanhang) -> Resultat | None:
    huvud = [c.strip() for c in tabell.rader[0]]
    indikator_id = _ANDELAR.get(huvud[0].casefold())
    if indikator_id is None or len(huvud) < 2 or "andel" not in huvud[1].casefold():
        return None
    ut: Resultat = ([], [])
    for rad in tabell.rader[1:]:
        dimension = s.katalog.dimensionsvarde(indikator_id, rad[0])
        if dimension is None:
            _okand_rad(ut, rad, f"”{rad[0]}” finns inte i data/dimensioner.csv")
            continue
        # The tables state no period: they describe those received so far this year.
        _cell(ut, rad, huvud[1], rad[1], indikator_id, s.ar, "ack", s.manad, dimension)
    return ut


# --- Överföring av ekonomiska medel: a column per refugee category --------------------------


def overforing(tabell: Tabell, rubrik: str, s: Sammanhang) -> Resultat | None:
    huvud = [c.strip() for c in tabell.rader[0]]
    kategorier = [s.katalog.dimensionsvarde("flyktingar_per_kategori", c) for c in huvud[1:]]
    if huvud[0] or len(huvud) < 2 or not all(kategorier):
        return None
    ut: Resultat = ([], [])
    for rad in tabell.rader[1:]:
        etikett = rad[0].strip()
        if manad := manad_i(etikett):
            indikator_id, periodtyp = "flyktingar_per_kategori", "manad"
        elif m := re.match(r"Överfört\s+\w+\s*[-–]\s*(\w+)", etikett, re.IGNORECASE):
            indikator_id, periodtyp, manad = "flyktingar_overfort_belopp", "ack", manad_i(m[1])
            if manad is None:
                _okand_rad(ut, rad, f"månaden i ”{etikett}” känns inte igen")
                continue
        else:
            _okand_rad(ut, rad, f"raden ”{etikett}” känns inte igen")
            continue
        for position, dimension in enumerate(kategorier, 1):
            _cell(
                ut,
                rad,
                huvud[position],
                rad[position],
                indikator_id,
                s.ar,
                periodtyp,
                manad,
                dimension,
            )
    return ut


# --- Verksamhetsmått: a row per indicator, Utfall for two years and the year's target --------


def verksamhetsmatt(tabell: Tabell, rubrik: str, s: Sammanhang) -> Resultat | None:
    huvud = [c.strip() for c in tabell.rader[0]]
    if huvud[0].casefold() != "verksamhetsmått":
        return None
    ut: Resultat = ([], [])
    for rad in tabell.rader[1:]:
        indikator_id = s.katalog.indikator_med_namn(rad[0])
        if indikator_id is None:
            _okand_rad(
                ut, rad, f"måttet ”{rad[0]}” motsvarar ingen indikator i data/indikatorer.csv"
            )
            continue
        # A state is the month's figure, a flow the year so far (data/indikatorer.csv matt_typ).
        periodtyp = "manad" if s.katalog.indikatorer[indikator_id].matt_typ == "lage" else "ack"
        for position, namn in enumerate(huvud[1:], 1):
            if m := re.fullmatch(r"Utfall (\w+) (\d{4})", namn):
                if manad_i(m[1]) is None:
                    _okand_rad(ut, (rad[0], rad[position]), f"månaden i ”{namn}” känns inte igen")
                    continue
                _cell(
                    ut,
                    rad,
                    namn,
                    rad[position],
                    indikator_id,
                    int(m[2]),
                    periodtyp,
                    manad_i(m[1]),
                    "",
                )
            elif re.fullmatch(r"Budget \d{4}", namn) and har_siffror(rad[position]):
                ut[1].append(
                    EjTolkat(
                        _radtext(rad),
                        f"kolumnen ”{namn}” är nämndens mål; målen läses inte in här "
                        "(de står i data/mal.csv)",
                    )
                )
    return ut


LASARE = (nettokostnader, bistand_per_manad, per_ar_och_form, andelar, overforing, verksamhetsmatt)


def las_tabell(tabell: Tabell, rubrik: str, s: Sammanhang) -> Resultat:
    """The first reader that knows the table; a table none knows: its rows with figures."""
    for lasare in LASARE:
        if (resultat := lasare(tabell, rubrik, s)) is not None:
            return resultat
    ej = [
        EjTolkat(_radtext(rad), "tabellen känns inte igen")
        for rad in tabell.rader
        if har_siffror(" ".join(rad))
    ]
    return [], ej
