"""A follow-up report for October 2022, made from the seed's report part (the case
"Budgetuppföljning efter september 2022" and its bilaga, in data/dokument/000_f08b11b67b950359.txt)
by replacing its figures, periods and dates with the ones below, and the rows a reader should
find in it, computed here from the same figures (never from nyckeltal.uppfoljning).

The October figures are made up for the tests. They keep the report's own sums: the net-cost
columns add up to Summa, Avvikelse = Prognos 2022 − Budget 2022 and its sum is the committee's
forecast, the months add up to "Summa: Jan-Okt" and to the table's Utfall 2022-10 and 2021-10,
the employment forms add up to the total in the text, the shares to 100 %, the Ukraine items to
their stated result, and the text states what the tables state (so no check should differ).
They agree with tests/import_filer's CSV for October (655 households, 5 012 tkr in October,
49 935 tkr so far, 412 in employment forms).

How the figures are coded, as data/varden.csv codes the September report: a state at a date
(households, shares) is 'manad' of that date's month; the tables' "Utfall 2022-10" is 'ack' of
month 10 and "Budget 2022" is 'helar' 12; a forecast ('Prognos 2022', 'Avvikelse', the text's
"beräknas …") is 'prognos' of the report's month; a table or sentence that states no period
(employment forms per year, shares of those received, "har varit …") is of the report's month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from import_filer.rapportfiler import rapportdel, seed

Nyckel = tuple[str, int, str, int, str]  # indikator_id, ar, periodtyp, manad, dimension

MANAD = 10
DATUM = dt.date(2022, 11, 24)  # the meeting the October report goes to
TITEL = "Budgetuppföljning efter oktober 2022"


def _radindex(rader: list[str], text: str, fran: int = 0) -> int:
    for i in range(fran, len(rader)):
        if rader[i].strip() == text:
            return i
    raise ValueError(f"raden {text!r} finns inte i seeden")


def iop_arende(text: str | None = None) -> str:
    """The next case of the meeting papers, the IOP agreement with Guldkanten (its
    tjänsteskrivelse and the agreement), which holds figures but is no follow-up report."""
    rader = (text or seed()).split("\n")
    start = _radindex(rader, "Hans Johansson")
    slut = _radindex(rader, "Underskrifter", start)
    return "\n".join(rader[start:slut]).rstrip() + "\n"


# --- The October figures ----------------------------------------------------------------------

# Verksamheternas nettokostnader (tkr): the row as the table names it, the dimension value
# (data/dimensioner.csv), Utfall 2021-10, Budget 2022, Budget 2022-10, Utfall 2022-10,
# Prognos 2022. Avvikelse is Prognos − Budget, and Summa each column's sum.
NETTO = (
    ("Central administration", "Central administration", -11305, -15829, -13191, -11702, -14729),
    ("Politisk verksamhet", "Politisk verksamhet", -921, -1675, -1396, -951, -1675),
    ("Allmän IFO-administration", "Allmän IFO-administration", -38180, -48184, -40153, -33870,
     -45384),
    ("Ekonomiskt bistånd", "Ekonomiskt bistånd", -50330, -57500, -47917, -49935, -60700),
    ("Insatser relationsvård", "Insatser relationsvård", -7390, -9200, -7667, -7012, -10100),
    ("Feriearbeten", "Feriearbeten", -14702, -13630, -12950, -12230, -13630),
    ("Arbetsförberedande åtgärder", "Arbetsförberedande åtgärder", -32405, -36538, -30448,
     -31877, -36538),
    ("Arbetsmarknadsinsatser", "Arbetsmarknadsinsatser", -58911, -58600, -57400, -63104, -60929),
    ("Integration", "Integration", -3902, -4145, -3454, 2988, -10645),
    ("Övrigt", "Övrigt", -2480, -5120, -4267, -3090, -4820),
    ("Buffert", "Buffert", 0, -2529, -2108, 0, 0),
)  # fmt: skip
# The list "Verksamhetens resultat" names the activities so (relationsvåld, as the seed does).
LISTNAMN = {"Insatser relationsvård": "Insatser relationsvåld"}

# Utveckling av ekonomiskt bistånd: tkr per month January–October, and the year's figure
# (2022: the forecast, "Prognos Bokslut"; earlier years: "Bokslut").
BISTAND = {
    2022: ((4814, 5203, 5167, 5203, 4986, 6025, 5211, 3499, 4815, 5012), 60700),
    2021: ((4357, 4595, 5901, 4991, 5548, 6615, 5101, 3018, 5084, 5120), 60766),
    2020: ((4449, 4336, 5674, 4366, 4039, 5557, 5162, 3886, 3968, 4501), 55894),
}
BISTAND_BUDGET_AR = 57500

# Households with försörjningsstöd on the last day of October, and the mean January–October.
HUSHALL = {2022: 655, 2021: 729, 2020: 737}
HUSHALL_MEDEL = {2022: 686, 2021: 740, 2020: 733}
HUSHALL_APRIL, HUSHALL_SEPTEMBER = 718, 648  # "från 718 i april till 648 i september"
LANGVARIGT = {2022: 441, 2021: 437, 2020: 412}
LANGVARIGT_TERTIAL_1 = 436  # "under tertial 1, 2020 och tertial 1, 2021 med 436 hushåll"
BARN_EJ_BISTAND = {2022: 98, 2021: 98, 2020: 97}

# Received refugees so far in the year: (number, % women, % men).
MOTTAGNA = {2022: (110, 43, 57), 2021: (95, 48, 52)}
URSPRUNGSLAND = (
    ("Afghanistan", "Afghanistan", 26), ("Syrien", "Syrien", 20), ("Turkiet", "Turkiet", 15),
    ("Iran", "Iran", 9), ("Somalia", "Somalia", 7), ("Jemen", "Jemen", 5),
    ("Eritrea", "Eritrea", 4), ("Palestina", "Palestina", 3), ("Burundi", "Burundi", 2),
    ("Sudan", "Sudan", 2), ("Kina", "Kina", 1), ("Haiti", "Haiti", 1),
    ("Statslösa", "Statslösa", 5),
)  # fmt: skip
ALDER = (
    ("0-5", "0–5 år", 3), ("6", "6 år", 4), ("7-15", "7–15 år", 16), ("16-19", "16–19 år", 9),
    ("20-39", "20–39 år", 45), ("40-59", "40–59 år", 19), ("60>", "60 år och äldre", 4),
)  # fmt: skip
OVER_19 = 76
SKOLAR = (
    (">12", "Mer än 12 år", 36), ("10-12", "10–12 år", 26), ("7-9", "7–9 år", 4),
    ("4-6", "4–6 år", 7), ("1-3", "1–3 år", 3), ("saknas", "Uppgift saknas", 24),
)  # fmt: skip

# Överföring av ekonomiska medel: the four categories (head, dimension value), the amount
# transferred January–October (kr) and the number per month January–October.
KATEGORIER = (
    ("Flyktingar 1-5 år", "Flyktingar 1–5 år"),
    ("Flyktingar 6-15 år", "Flyktingar 6–15 år"),
    ("Flyktingar i gymnasieskolan", "Flyktingar i gymnasieskolan"),
    ("Flyktingar som går i SFI (svenska för invandrare)", "Flyktingar som går i SFI"),
)
OVERFORT = (694000, 2264800, 448800, 6309980)
PER_MANAD = (
    (21, 65, 14, 184), (21, 60, 15, 181), (19, 59, 10, 176), (18, 60, 9, 173),
    (18, 60, 9, 165), (19, 61, 11, 172), (17, 61, 12, 163), (17, 58, 13, 161),
    (17, 61, 15, 167), (18, 62, 14, 170),
)  # fmt: skip

# Arbetsmarknadsanställningar: the row as the table names it, the dimension value, 2022, 2021.
ANSTALLNINGAR = (
    ("Trygghetsanställningar", "Trygghetsanställningar", 143, 148),
    ("OSA Anställning", "OSA-anställning", 95, 86),
    ("Utvecklingsanställningar", "Utvecklingsanställningar", 45, 63),
    ("Extratjänster", "Extratjänster", 20, 95),
    ("Nystartsjobb", "Nystartsjobb", 57, 26),
    ("Introduktionsjobb", "Introduktionsjobb", 40, 24),
    ("Lönebidrag.", "Lönebidrag", 12, 6),
)
VAXLA = {2022: 66, 2021: 52}
VAXLA_PERSONALKOSTNAD, VAXLA_MINSKAT_BISTAND = 4702310, 3689100  # kr, so far this year
PERSONER_I_INSATSER = {2022: 352, 2021: 398}  # Verksamhetsmått 3.2 only
KAA, ATERBRUK, ARBETSTERAPEUTER = 98, 135, 4

# Evakueringsboende Ukraina, the forecast: the grant and the three costs add up to the result.
SCHABLON, HITTILLS, HYRA, SERVICEKONTORET = 8400, 5100, 6000, 3300
UKRAINA = SCHABLON - HITTILLS - HYRA - SERVICEKONTORET  # -6 000

# Figures the October report repeats from September as they were (budgets, the year's
# additions, the summer jobs of 2022, the staff counts).
KOMMUNBIDRAG, BUFFERT = 252950, 2529
FORSTARKNING = {
    "Kompensation för hyreshöjning (lokalbank)": 150,
    "Personalkostnader": 50,
    "Stadsdelsvärdar (KF 2021-06-23 § 120)": 2500,
}
KOSTNADSOKNING = {"Ekonomiskt bistånd": 3000, "Relationsvåldsenheten": 1000}
FERIE_SOKANDE, FERIE_TACKAT_JA, FERIE_STOD_TJANST = 1746, 1468, 50
UNGDOM_BUDGETOKNING, UNGDOM_PLATSER = 500, 30
FUT, OMBUD_FINANSIERING = 2, 70


def avvikelse(rad) -> int:
    return rad[6] - rad[3]


def kolumnsumma(kolumn: int) -> int:
    return sum(rad[kolumn] for rad in NETTO)


# The committee: Avvikelse summed is its forecast; Utfall − Budget so far is its result so far.
RESULTAT_PROGNOS = sum(avvikelse(r) for r in NETTO)  # -6 200
RESULTAT_HITTILLS = kolumnsumma(5) - kolumnsumma(4)
ORDINARIE = RESULTAT_PROGNOS - UKRAINA  # -200: what is not the Ukraine housing


# --- Writing the figures as the report writes them ---------------------------------------------


def tal(varde: int) -> str:
    """'-10 109', '1 000', '0' as the seed's tables write figures."""
    text = f"{abs(varde):,}".replace(",", " ")
    return f"-{text}" if varde < 0 else text


def belopp(varde: int) -> str:
    """A figure of a sentence: no sign (the words say plus or minus)."""
    return tal(abs(varde))


def plus_minus(varde: int) -> str:
    if varde == 0:
        return "plus minus noll"
    return f"{'plus' if varde > 0 else 'minus'} {belopp(varde)}"


LANGA = ("Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September",
         "Oktober", "November", "December")  # fmt: skip
KORTA = ("Jan", "Feb", "Mars", "Apr", "Maj", "Juni", "Juli", "Aug", "Sept", "Okt")


@dataclass(frozen=True)
class Manadsnamn:
    """How a report names the months in its tables and its bilaga's title."""

    bistand: tuple[str, ...]  # rows of the bistånd table, January–October
    summa: str  # its year-to-date row
    overforing: tuple[str, ...]  # rows of the transfer table
    overfort: str  # its amount row
    matt: str  # Verksamhetsmått's 'Utfall <month> <year>'
    bilaga: str  # 'Budgetuppföljning <month> 2022'


MANADSNAMN = {
    # as the seed writes September: whole names and 'Sept', 'Summa: Jan-Sept', 'Utfall Sep 2022'
    "som_seeden": Manadsnamn(
        LANGA[:8] + ("Sept", "Okt"),
        "Summa: Jan-Okt",
        ("januari", "februari", *LANGA[2:MANAD]),
        "Överfört januari-oktober",
        "Okt",
        "Okt",
    ),
    "korta": Manadsnamn(KORTA, "Summa: Jan-Okt", KORTA, "Överfört jan-okt", "Okt", "Okt"),
    "langa": Manadsnamn(
        LANGA[:MANAD],
        "Summa: Januari-Oktober",
        LANGA[:MANAD],
        "Överfört januari-oktober",
        "Oktober",
        "Oktober",
    ),
}


def _tabell(*rader) -> str:
    return "\n".join("\t".join(str(c) for c in rad) for rad in rader)


def _nettotabell() -> str:
    rader = [
        ("Tkr", "Utfall 2021-10", "Budget 2022", "Budget 2022-10", "Utfall 2022-10",
         "Prognos 2022", "Avvikelse")
    ]  # fmt: skip
    for rad in NETTO:
        rader.append((rad[0], *(tal(v) for v in rad[2:]), tal(avvikelse(rad))))
    rader.append(("Summa", *(tal(kolumnsumma(k)) for k in range(2, 7)), tal(RESULTAT_PROGNOS)))
    return _tabell(*rader)


def _bistandstabell(namn: Manadsnamn) -> str:
    ar = sorted(BISTAND, reverse=True)
    rader = [tuple(c for a in ar for c in (str(a), "Utfall tkr"))]
    for i in range(MANAD):
        rader.append(tuple(c for a in ar for c in (namn.bistand[i], tal(BISTAND[a][0][i]))))
    rader.append(tuple(c for a in ar for c in (namn.summa, tal(sum(BISTAND[a][0])))))
    rader.append(
        tuple(
            c
            for a in ar
            for c in ("Prognos Bokslut" if a == 2022 else "Bokslut", tal(BISTAND[a][1]))
        )
    )
    return _tabell(*rader)


def _andelstabell(huvud: str, andelar) -> str:
    return _tabell((huvud, "Andel %"), *((etikett, andel) for etikett, _, andel in andelar))


def _overforingstabell(namn: Manadsnamn) -> str:
    rader = [("", *(k for k, _ in KATEGORIER))]
    rader.append((namn.overfort, *(tal(v) for v in OVERFORT)))
    rader.append(("Antal per månad", "", "", "", ""))
    for i in range(MANAD):
        rader.append((namn.overforing[i], *PER_MANAD[i]))
    return _tabell(*rader)


def _anstallningstabell() -> str:
    return _tabell(("", "2022", "2021"), *((e, a, b) for e, _, a, b in ANSTALLNINGAR))


def _matt(namn: Manadsnamn, *rader) -> str:
    huvud = ("Verksamhetsmått", "", f"Utfall {namn.matt} 2021", "Budget 2022",
             f"Utfall {namn.matt} 2022")  # fmt: skip
    return _tabell(huvud, *rader)


def _resultatlista() -> str:
    return "\n".join(
        f"- {LISTNAMN.get(rad[0], rad[0])} {plus_minus(avvikelse(rad))} tkr" for rad in NETTO
    )


def _lagesmening(borjan: str, varden: dict[int, int], enhet: str) -> str:
    delar = [f"{ar}-10-31, {varden[ar]} {enhet}" for ar in sorted(varden, reverse=True)]
    return f"{borjan} var {delar[0]} jämfört med {delar[1]} och {delar[2]}."


def _ersatt(text: str, gammalt: str, nytt: str, antal: int = 1) -> str:
    """Replace a passage of the seed; the seed must hold it exactly `antal` times, so that a
    changed seed fails here instead of leaving September figures in the October report."""
    if text.count(gammalt) != antal:
        raise ValueError(f"{gammalt!r} står {text.count(gammalt)} gånger i seeden, inte {antal}")
    return text.replace(gammalt, nytt)


def _ersatt_rader(text: str, forsta: str, sista: str, nytt: str) -> str:
    """Replace the lines from the one starting `forsta` to the one starting `sista`."""
    rader = text.split("\n")
    start = next(i for i, r in enumerate(rader) if r.startswith(forsta))
    slut = next(i for i in range(start, len(rader)) if rader[i].startswith(sista))
    return "\n".join(rader[:start] + nytt.split("\n") + rader[slut + 1 :])


def _ersatt_rad(text: str, gammal: str, ny: str, efter: str) -> str:
    """Replace the whole line `gammal` (a lone figure) that first follows the line `efter`."""
    rader = text.split("\n")
    start = _radindex(rader, efter)
    rader[_radindex(rader, gammal, start)] = ny
    return "\n".join(rader)


def oktobertext(manadsnamn: str = "som_seeden") -> str:
    namn = MANADSNAMN[manadsnamn]
    t = rapportdel(seed())
    # the case: its date, title and decision
    t = _ersatt(t, "2022-10-27Instans", f"{DATUM.isoformat()}Instans")
    t = _ersatt(t, "\nBudgetuppföljning efter september 2022\n", f"\n{TITEL}\n")
    t = _ersatt(
        t, "budgetuppföljningen efter september 2022", "budgetuppföljningen efter oktober 2022"
    )
    t = _ersatt(t, "Bilaga Budgetuppföljning efter september 2022", f"Bilaga {TITEL}")
    t = _ersatt(t, "\nBudgetuppföljning Sept 2022\n", f"\nBudgetuppföljning {namn.bilaga} 2022\n")
    # the committee's result and forecast, in the case, the introduction and 2.1
    resultat = plus_minus(RESULTAT_HITTILLS)
    t = _ersatt(t, "plus 12 901 tkr i september", f"{resultat} tkr i oktober", 2)
    t = _ersatt(t, "plus 12 901 tkr efter september", f"{resultat} tkr efter oktober")
    t = _ersatt(
        t,
        "minusresultat för 2022 med 6 000 tkr",
        f"minusresultat för 2022 med {belopp(RESULTAT_PROGNOS)} tkr",
        3,
    )
    t = _ersatt(
        t,
        "ordinarie verksamhet beräknas göra ett nollresultat",
        f"ordinarie verksamhet beräknas göra ett {'överskott' if ORDINARIE > 0 else 'underskott'} "
        f"med {belopp(ORDINARIE)} tkr",
        3,
    )
    t = _ersatt(t, "hittills haft kostnader på 5 090 tkr", f"hittills haft kostnader på "
                f"{belopp(HITTILLS)} tkr", 2)  # fmt: skip
    # 2.1: the net cost table and what the activities are forecast to do
    t = _ersatt_rader(t, "Tkr\tUtfall 2021-09", "Summa\t", _nettotabell())
    t = _ersatt_rader(t, "- Central administration plus", "- Buffert plus", _resultatlista())
    rad = {r[0]: r for r in NETTO}
    central, ifo = (
        avvikelse(rad["Central administration"]),
        avvikelse(rad["Allmän IFO-administration"]),
    )
    relation, integration = avvikelse(rad["Insatser relationsvård"]), avvikelse(rad["Integration"])
    bistand = avvikelse(rad["Ekonomiskt bistånd"])
    t = _ersatt(
        t, "ett plus med 1 000 tkr beroende", f"ett plus med {belopp(central)} tkr beroende"
    )
    t = _ersatt(
        t, "ett överskott med 3 000 tkr främst", f"ett överskott med {belopp(ifo)} tkr främst"
    )
    t = _ersatt(t, "gå med minus 1 000 tkr.", f"gå med minus {belopp(relation)} tkr.")
    t = _ersatt(t, "ett underskott med 1 000 tkr.", f"ett underskott med {belopp(relation)} tkr.")
    t = _ersatt(t, "minusresultat med 500 tkr.", f"minusresultat med {belopp(integration)} tkr.")
    # Ekonomiskt bistånd
    ack = {ar: sum(manader) for ar, (manader, _) in BISTAND.items()}
    budget_hittills = -rad["Ekonomiskt bistånd"][4]
    mot_budget, mot_fg_ar = ack[2022] - budget_hittills, ack[2022] - ack[2021]
    t = _ersatt(t, "beräknas till 60 500 tkr", f"beräknas till {belopp(BISTAND[2022][1])} tkr", 3)
    t = _ersatt(t, "gå minus 3 000 tkr", f"gå minus {belopp(bistand)} tkr", 2)
    t = _ersatt(t, "gå minus med 3 000 tkr", f"gå minus med {belopp(bistand)} tkr")
    t = _ersatt(
        t,
        "till och med september 44 923 tkr. Budgeten för samma period är 43 125 tkr, "
        "nettokostnaden är jämfört med budget högre med 1 798 tkr. Jämfört med samma period "
        "2021 är nettokostnaden lägre med 287 tkr.",
        f"till och med oktober {belopp(ack[2022])} tkr. Budgeten för samma period är "
        f"{belopp(budget_hittills)} tkr, nettokostnaden är jämfört med budget "
        f"{'högre' if mot_budget > 0 else 'lägre'} med {belopp(mot_budget)} tkr. Jämfört med "
        f"samma period 2021 är nettokostnaden {'högre' if mot_fg_ar > 0 else 'lägre'} med "
        f"{belopp(mot_fg_ar)} tkr.",
    )
    t = _ersatt(
        t,
        "till och med september, 44 923 tkr. Budgeten för samma period är 43 125 tkr, "
        "nettokostnaden är högre jämfört med budget med 1 798 tkr.",
        f"till och med oktober, {belopp(ack[2022])} tkr. Budgeten för samma period är "
        f"{belopp(budget_hittills)} tkr, nettokostnaden är "
        f"{'högre' if mot_budget > 0 else 'lägre'} jämfört med budget med {belopp(mot_budget)} tkr.",
    )
    t = _ersatt_rader(t, "Antal hushåll med ekonomiskt bistånd var", "Antal hushåll med ekonomiskt bistånd var",
                      _lagesmening("Antal hushåll med ekonomiskt bistånd", HUSHALL, "hushåll"))  # fmt: skip
    t = _ersatt_rader(
        t,
        "Medel för januari-september 2022",
        "Medel för januari-september 2022",
        ", ".join(
            f"{'Medel' if ar == 2022 else 'medel'} för januari-oktober {ar} har varit "
            f"{HUSHALL_MEDEL[ar]} hushåll"
            for ar in (2022, 2021, 2020)
        )
        + ".",
    )
    t = _ersatt(
        t,
        "de senaste fyra månader, från 718 i april till 667 i augusti",
        f"de senaste fem månader, från {HUSHALL_APRIL} i april till {HUSHALL_SEPTEMBER} i "
        "september",
    )
    t = _ersatt_rader(
        t,
        "Antal hushåll som får ekonomiskt bistånd i mer än tio",
        "Antal hushåll som får ekonomiskt bistånd i mer än tio",
        _lagesmening(
            "Antal hushåll som får ekonomiskt bistånd i mer än tio månader under kalenderåret",
            LANGVARIGT,
            "hushåll",
        ),
    )
    t = _ersatt_rader(
        t,
        "Andel barn som inte lever i hushåll",
        "Andel barn som inte lever i hushåll",
        _lagesmening(
            "Andel barn som inte lever i hushåll med ekonomiskt bistånd", BARN_EJ_BISTAND, "%"
        ),
    )
    t = _ersatt(t, "Under perioden januari-september 2022", "Under perioden januari-oktober 2022")
    t = _ersatt_rader(t, "2022\tUtfall tkr", "Prognos Bokslut\t", _bistandstabell(namn))
    # Feriearbeten, Insatser för unga, Återbruk
    t = _ersatt(t, "kännedom om 99 % av", f"kännedom om {KAA} % av")
    t = _ersatt(t, "Cirka 130 personer", f"Cirka {ATERBRUK} personer")
    t = _ersatt(t, "finns det tre arbetsterapeuter", "finns det fyra arbetsterapeuter")
    # Arbetsmarknadsanställningar and växla bidrag mot lön
    summa = {ar: sum(r[2 if ar == 2022 else 3] for r in ANSTALLNINGAR) for ar in (2022, 2021)}
    t = _ersatt(
        t,
        "Under september 2022 har antalet varit 409 på de olika anställningsformerna enligt "
        "nedanstående tabell. För år 2021 var antalet 451.",
        f"Under oktober 2022 har antalet varit {summa[2022]} på de olika anställningsformerna "
        f"enligt nedanstående tabell. För år 2021 var antalet {summa[2021]}.",
    )
    t = _ersatt_rader(t, "\t2022\t2021", "Lönebidrag.\t", _anstallningstabell())
    t = _ersatt(
        t,
        "Antal personer som växlat bidrag mot lön i september varit 63. Personalkostnaden minus "
        "arbetsmarknadsstödet har varit 4 171 742 kr och minskningen av utbetalt ekonomiskt "
        "bistånd har varit 3 277 500 kr. I samma period för år 2021 var det 50 personer",
        f"Antal personer som växlat bidrag mot lön i oktober varit {VAXLA[2022]}. "
        f"Personalkostnaden minus arbetsmarknadsstödet har varit {tal(VAXLA_PERSONALKOSTNAD)} kr "
        f"och minskningen av utbetalt ekonomiskt bistånd har varit {tal(VAXLA_MINSKAT_BISTAND)} "
        f"kr. I samma period för år 2021 var det {VAXLA[2021]} personer",
    )
    # Mottagna flyktingar
    (n22, k22, m22), (n21, k21, m21) = MOTTAGNA[2022], MOTTAGNA[2021]
    t = _ersatt_rader(
        t,
        "Antal mottagna flyktingar var",
        "Antal mottagna flyktingar var",
        f"Antal mottagna flyktingar var 2022-10-31, {n22} ({k22} % kvinnor, {m22} % män) st "
        f"jämfört med 2021-10-31, {n21} st ({k21} % kvinnor, {m21} % män).",
    )
    t = _ersatt_rader(t, "Land\tAndel %", "Statslösa\t", _andelstabell("Land", URSPRUNGSLAND))
    t = _ersatt_rader(t, "Ålder\tAndel %", "60>\t", _andelstabell("Ålder", ALDER))
    t = _ersatt(t, "År i skolan över 19 år, 71 st", f"År i skolan över 19 år, {OVER_19} st")
    t = _ersatt_rader(t, "År i skola\tAndel %", "saknas\t", _andelstabell("År i skola", SKOLAR))
    t = _ersatt_rader(t, "\tFlyktingar 1-5 år", "September\t", _overforingstabell(namn))
    # 3 Verksamhetsmått
    t = _ersatt_rader(
        t,
        "Verksamhetsmått\t\tUtfall Sep 2021",
        "Antal hushåll med försörjningsstöd\t",
        _matt(namn, ("Antal hushåll med försörjningsstöd", "↘", HUSHALL[2021], 700,
                     HUSHALL[2022])),
    )  # fmt: skip
    t = _ersatt_rader(
        t,
        "Verksamhetsmått\t\tUtfall Sep 2021",
        "Mottagna flyktingar\t",
        _matt(namn, ("Mottagna flyktingar", "↗", n21, 100, n22)),
    )
    t = _ersatt_rader(
        t,
        "Verksamhetsmått\t\tUtfall Sep 2021",
        "Antal växla bidrag mot lön\t",
        _matt(
            namn,
            ("Antal personer i arbetsmarknadsinsatser", "↘", PERSONER_I_INSATSER[2021], "",
             PERSONER_I_INSATSER[2022]),
            ("Antal växla bidrag mot lön", "↘", VAXLA[2021], "", VAXLA[2022]),
        ),
    )  # fmt: skip
    # the charts' single figures under each measure
    t = _ersatt_rad(t, "648", str(HUSHALL[2022]), "3.1.1 Ekonomiskt bistånd")
    t = _ersatt_rad(t, "102", str(n22), "3.1.2 Flyktingmottagning")
    t = _ersatt_rad(t, "346", str(PERSONER_I_INSATSER[2022]), "3.2 Arbetsmarknadsinsatser")
    t = _ersatt_rad(t, "63", str(VAXLA[2022]), "3.2 Arbetsmarknadsinsatser")
    kvar = re.findall(
        r".*(?:-09-30|20\d\d-09\b|Sept? 20\d\d|Jan-Sept|(?:efter|med) september).*", t
    )
    if kvar:
        raise ValueError(f"septembers period står kvar: {kvar}")
    return t


def oktoberrader() -> dict[Nyckel, Decimal]:
    """Every row the October report states, coded as data/varden.csv codes September's."""
    rader: dict[Nyckel, int] = {}

    def lagg(indikator: str, ar: int, periodtyp: str, manad: int, varde: int, dim: str = ""):
        nyckel = (indikator, ar, periodtyp, manad, dim)
        if nyckel in rader and rader[nyckel] != varde:
            raise ValueError(f"{nyckel} står med två värden: {rader[nyckel]} och {varde}")
        rader[nyckel] = varde

    for etikett, dim, utfall_fg, budget, budget_hittills, utfall, prognos in NETTO:
        lagg("nettokostnad_utfall", 2021, "ack", MANAD, utfall_fg, dim)
        lagg("nettokostnad_budget", 2022, "helar", 12, budget, dim)
        lagg("nettokostnad_budget", 2022, "ack", MANAD, budget_hittills, dim)
        lagg("nettokostnad_utfall", 2022, "ack", MANAD, utfall, dim)
        lagg("nettokostnad_prognos", 2022, "prognos", MANAD, prognos, dim)
        lagg("budgetavvikelse", 2022, "prognos", MANAD, prognos - budget, dim)
        lagg("budgetavvikelse_text", 2022, "prognos", MANAD, prognos - budget, dim)
    lagg("nettokostnad_utfall", 2021, "ack", MANAD, kolumnsumma(2))
    lagg("nettokostnad_budget", 2022, "helar", 12, kolumnsumma(3))
    lagg("nettokostnad_budget", 2022, "ack", MANAD, kolumnsumma(4))
    lagg("nettokostnad_utfall", 2022, "ack", MANAD, kolumnsumma(5))
    lagg("nettokostnad_prognos", 2022, "prognos", MANAD, kolumnsumma(6))
    lagg("budgetavvikelse", 2022, "prognos", MANAD, RESULTAT_PROGNOS)

    lagg("kommunbidrag", 2022, "helar", 12, KOMMUNBIDRAG)
    lagg("buffert", 2022, "helar", 12, BUFFERT)
    for dim, varde in FORSTARKNING.items():
        lagg("kommunbidrag_forstarkning", 2022, "helar", 12, varde, dim)
    for dim, varde in KOSTNADSOKNING.items():
        lagg("budget_kostnadsokning", 2022, "helar", 12, varde, dim)
    lagg("namnd_resultat", 2022, "ack", MANAD, RESULTAT_HITTILLS)
    lagg("namnd_resultat", 2022, "prognos", MANAD, RESULTAT_PROGNOS)
    lagg("namnd_resultat_ordinarie", 2022, "prognos", MANAD, ORDINARIE)
    lagg("evakuering_ukraina", 2022, "prognos", MANAD, SCHABLON,
         "Schablonersättning från Migrationsverket")  # fmt: skip
    lagg("evakuering_ukraina", 2022, "prognos", MANAD, -HITTILLS, "Kostnader hittills")
    lagg("evakuering_ukraina", 2022, "prognos", MANAD, -HYRA,
         "Hyra Kyllared (faktureras hösten 2022)")  # fmt: skip
    lagg("evakuering_ukraina", 2022, "prognos", MANAD, -SERVICEKONTORET,
         "Servicekontorets tjänster (faktureras hösten 2022)")  # fmt: skip
    lagg("evakuering_ukraina", 2022, "prognos", MANAD, UKRAINA)

    for ar, (manader, helar) in BISTAND.items():
        for manad, varde in enumerate(manader, 1):
            lagg("bistand_kostnad", ar, "manad", manad, varde)
        lagg("bistand_kostnad", ar, "ack", MANAD, sum(manader))
        lagg("bistand_kostnad", ar, "prognos" if ar == 2022 else "helar",
             MANAD if ar == 2022 else 12, helar)  # fmt: skip
    budget_hittills = -dict((r[0], r[4]) for r in NETTO)["Ekonomiskt bistånd"]
    lagg("bistand_budget", 2022, "helar", 12, BISTAND_BUDGET_AR)
    lagg("bistand_budget", 2022, "ack", MANAD, budget_hittills)
    ack22, ack21 = sum(BISTAND[2022][0]), sum(BISTAND[2021][0])
    lagg("bistand_kostnad_mot_budget", 2022, "ack", MANAD, ack22 - budget_hittills)
    lagg("bistand_kostnad_mot_fg_ar", 2022, "ack", MANAD, ack22 - ack21)

    for ar in HUSHALL:
        lagg("hushall_forsorjningsstod", ar, "manad", MANAD, HUSHALL[ar])
        lagg("hushall_forsorjningsstod", ar, "medel", MANAD, HUSHALL_MEDEL[ar])
        lagg("hushall_langvarigt", ar, "manad", MANAD, LANGVARIGT[ar])
        lagg("barn_ej_bistand_andel", ar, "manad", MANAD, BARN_EJ_BISTAND[ar])
    lagg("hushall_forsorjningsstod", 2022, "manad", 4, HUSHALL_APRIL)
    lagg("hushall_forsorjningsstod", 2022, "manad", 9, HUSHALL_SEPTEMBER)
    lagg("hushall_langvarigt", 2020, "manad", 4, LANGVARIGT_TERTIAL_1)
    lagg("hushall_langvarigt", 2021, "manad", 4, LANGVARIGT_TERTIAL_1)

    for ar, (antal, kvinnor, man) in MOTTAGNA.items():
        lagg("mottagna_flyktingar", ar, "ack", MANAD, antal)
        lagg("mottagna_flyktingar_kon", ar, "ack", MANAD, kvinnor, "Kvinnor")
        lagg("mottagna_flyktingar_kon", ar, "ack", MANAD, man, "Män")
    for indikator, andelar in (
        ("flyktingar_ursprungsland", URSPRUNGSLAND),
        ("flyktingar_alder", ALDER),
        ("flyktingar_skolar", SKOLAR),
    ):
        for _, dim, andel in andelar:
            lagg(indikator, 2022, "ack", MANAD, andel, dim)
    lagg("flyktingar_over_19", 2022, "ack", MANAD, OVER_19)
    for i, (_, dim) in enumerate(KATEGORIER):
        lagg("flyktingar_overfort_belopp", 2022, "ack", MANAD, OVERFORT[i], dim)
        for manad, antal in enumerate(PER_MANAD, 1):
            lagg("flyktingar_per_kategori", 2022, "manad", manad, antal[i], dim)

    for _, dim, antal22, antal21 in ANSTALLNINGAR:
        lagg("anstallningsform_antal", 2022, "manad", MANAD, antal22, dim)
        lagg("anstallningsform_antal", 2021, "manad", MANAD, antal21, dim)
    lagg("anstallningsform_antal", 2022, "manad", MANAD, sum(r[2] for r in ANSTALLNINGAR))
    lagg("anstallningsform_antal", 2021, "manad", MANAD, sum(r[3] for r in ANSTALLNINGAR))
    for ar in VAXLA:
        lagg("vaxla_bidrag_mot_lon", ar, "manad", MANAD, VAXLA[ar])
        lagg("personer_arbetsmarknadsinsatser", ar, "manad", MANAD, PERSONER_I_INSATSER[ar])
    lagg("vaxla_personalkostnad_netto", 2022, "ack", MANAD, VAXLA_PERSONALKOSTNAD)
    lagg("vaxla_minskat_bistand", 2022, "ack", MANAD, VAXLA_MINSKAT_BISTAND)

    lagg("feriearbete_sokande", 2022, "ack", MANAD, FERIE_SOKANDE)
    lagg("feriearbete_tackat_ja", 2022, "ack", MANAD, FERIE_TACKAT_JA)
    lagg("feriearbete_stod_tjanst", 2022, "helar", 12, FERIE_STOD_TJANST)
    lagg("kaa_kannedom", 2022, "manad", MANAD, KAA)
    lagg("ungdomsanstallningar_budgetokning", 2022, "helar", 12, UNGDOM_BUDGETOKNING)
    lagg("ungdomsanstallningar_platser", 2022, "helar", 12, UNGDOM_PLATSER)
    lagg("aterbruk_personer", 2022, "manad", MANAD, ATERBRUK)
    lagg("aterbruk_arbetsterapeuter", 2022, "manad", MANAD, ARBETSTERAPEUTER)
    lagg("fut_medarbetare", 2022, "manad", MANAD, FUT)
    lagg("personligt_ombud_statlig_finansiering", 2022, "manad", MANAD, OMBUD_FINANSIERING)
    return {nyckel: Decimal(varde) for nyckel, varde in rader.items()}


@dataclass(frozen=True)
class Rapport:
    text: str
    rader: dict[Nyckel, Decimal]  # what a reader should find: key -> value

    @property
    def innehall(self) -> bytes:
        return self.text.encode("utf-8")


def oktoberrapport(manadsnamn: str = "som_seeden") -> Rapport:
    return Rapport(oktobertext(manadsnamn), oktoberrader())


def byt_cell(text: str, etikett: str, kolumn: int, nytt: str) -> str:
    """The text with one table cell changed: the first row starting `etikett` + TAB, its cell
    number `kolumn` (0 = the label)."""
    rader = text.split("\n")
    for i, rad in enumerate(rader):
        if rad.startswith(etikett + "\t"):
            celler = rad.split("\t")
            celler[kolumn] = nytt
            rader[i] = "\t".join(celler)
            return "\n".join(rader)
    raise ValueError(f"ingen tabellrad börjar med {etikett!r}")


# --- A report of another period: only the net cost table and the employment forms ------------


def periodrapport(titel: str, manad: int) -> Rapport:
    """A short report titled `titel` whose tables follow up month `manad` of 2022 ('Utfall
    2022-08'), with the October figures: its forecast and its employment forms are of `manad`
    (a tertial report's title says 8, a year-end's 12, a title without a month leaves it to the
    tables)."""
    mm = f"{manad:02d}"
    netto = _nettotabell().replace("2021-10", f"2021-{mm}").replace("2022-10", f"2022-{mm}")
    summa22 = sum(r[2] for r in ANSTALLNINGAR)
    text = "\n\n".join(
        [
            titel,
            "Arbetslivsnämnden",
            "2 Nämndens verksamhet",
            "2.1 Budgetavvikelse och verksamhetsanalys",
            "Verksamheternas nettokostnader",
            netto,
            "Arbetsmarknadsanställningar",
            f"Under {LANGA[manad - 1].lower()} 2022 har antalet varit {summa22} på de olika "
            "anställningsformerna enligt nedanstående tabell.",
            _anstallningstabell(),
        ]
    )
    rader: dict[Nyckel, int] = {}
    for etikett, dim, utfall_fg, budget, budget_hittills, utfall, prognos in (
        *NETTO,
        ("Summa", "", *(kolumnsumma(k) for k in range(2, 7))),
    ):
        rader[("nettokostnad_utfall", 2021, "ack", manad, dim)] = utfall_fg
        rader[("nettokostnad_budget", 2022, "helar", 12, dim)] = budget
        rader[("nettokostnad_budget", 2022, "ack", manad, dim)] = budget_hittills
        rader[("nettokostnad_utfall", 2022, "ack", manad, dim)] = utfall
        rader[("nettokostnad_prognos", 2022, "prognos", manad, dim)] = prognos
        rader[("budgetavvikelse", 2022, "prognos", manad, dim)] = prognos - budget
    for _, dim, antal22, antal21 in ANSTALLNINGAR:
        rader[("anstallningsform_antal", 2022, "manad", manad, dim)] = antal22
        rader[("anstallningsform_antal", 2021, "manad", manad, dim)] = antal21
    rader[("anstallningsform_antal", 2022, "manad", manad, "")] = summa22
    return Rapport(text + "\n", {k: Decimal(v) for k, v in rader.items()})
