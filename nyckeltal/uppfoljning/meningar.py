"""Figures that stand in the report's sentences and lists, read by declared patterns.

Each pattern is a regular expression over a paragraph (so that a sentence may lean on the one
before it: "… till och med september 44 923 tkr. Budgeten för samma period är 43 125 tkr")
and a function from the match to figures, each with the group it was read from; the sentence
around that group is quoted in the row's anmarkning. Periods come from the text (dates,
"januari-september 2022", "i augusti") or else from the report's period, as data/varden.csv
codes the September 2022 follow-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from nyckeltal.uppfoljning.delar import manad_i
from nyckeltal.uppfoljning.fynd import EjTolkat, Figur, Sammanhang, har_siffror, tal

N = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+"
_TALORD = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6,
    "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
}  # fmt: skip
ORD = "|".join(_TALORD)


def _varde(text: str) -> Decimal:
    return Decimal(_TALORD[text.casefold()]) if text.casefold() in _TALORD else tal(text)


@dataclass(frozen=True)
class Del:
    """One figure of a match: which group holds it, and its coding."""

    grupp: int | str
    indikator_id: str
    ar: int
    periodtyp: str
    manad: int
    dimension: str = ""
    tecken: int = 1


Tolkning = Callable[[re.Match, Sammanhang], list[Del]]
MONSTER: list[Monster] = []


@dataclass(frozen=True)
class Monster:
    regex: re.Pattern
    tolka: Tolkning


def _monster(regex: str, flaggor: int = 0) -> Callable[[Tolkning], Monster]:
    def dekorera(tolka: Tolkning) -> Monster:
        monster = Monster(re.compile(regex, flaggor), tolka)
        MONSTER.append(monster)
        return monster

    return dekorera


def _ar_for(manad: int, s: Sammanhang) -> int:
    """A month named without a year is of the report's year, or the year before when it lies
    after the report's month ('i december' in a January report)."""
    return s.ar if manad <= s.manad else s.ar - 1


def _datumlista(m: re.Match, grupp: str, enhet: str) -> Iterator[tuple[int, int, int, str]]:
    """'2022-09-30, 648 hushåll jämfört med 2021-09-30, 734 hushåll': (year, month, start of
    the figure in the paragraph, the figure) for each date and figure."""
    for d in re.finditer(rf"(\d{{4}})-(\d{{2}})-\d{{2}},?\s*({N})\s*{enhet}", m[grupp]):
        yield int(d[1]), int(d[2]), m.start(grupp) + d.start(3), d[3]


# Each pattern below reads one kind of statement; the comment is the text it was written for.
_registrera = MONSTER.append


def _lagesdatum(indikator_id: str, enhet: str) -> Tolkning:
    def tolka(m: re.Match, s: Sammanhang) -> list[Del]:
        return [
            Del(("@", start, text), indikator_id, ar, "manad", manad)
            for ar, manad, start, text in _datumlista(m, "lista", enhet)
        ]

    return tolka


# "Antal hushåll med ekonomiskt bistånd var 2022-09-30, 648 hushåll jämfört med 2021-09-30, …"
_registrera(
    Monster(
        re.compile(r"Antal hushåll med ekonomiskt bistånd var (?P<lista>[^.]*)"),
        _lagesdatum("hushall_forsorjningsstod", "hushåll"),
    )
)
# "… i mer än tio månader under kalenderåret var 2022-09-30, 435 hushåll jämfört …"
_registrera(
    Monster(
        re.compile(
            r"Antal hushåll som får ekonomiskt bistånd i mer än tio månader[^.]*? var (?P<lista>[^.]*)"
        ),
        _lagesdatum("hushall_langvarigt", "hushåll"),
    )
)
# "Andel barn som inte lever i hushåll med ekonomiskt bistånd var 2022-09-30, 99 % jämfört …"
_registrera(
    Monster(
        re.compile(
            r"Andel barn som inte lever i hushåll med ekonomiskt bistånd var (?P<lista>[^.]*)"
        ),
        _lagesdatum("barn_ej_bistand_andel", "%"),
    )
)


@_monster(rf"[Mm]edel för januari\s*[-–]\s*(\w+) (\d{{4}}) har varit ({N}) hushåll")
def _medel(m, s):  # "Medel för januari-september 2022 har varit 689 hushåll"
    manad = manad_i(m[1])
    return [Del(3, "hushall_forsorjningsstod", int(m[2]), "medel", manad)] if manad else []


@_monster(rf"antal hushåll[^.]*?från ({N}) i (\w+) till ({N}) i (\w+)", re.IGNORECASE)
def _fran_till(m, s):  # "minskning av antal hushåll …, från 718 i april till 667 i augusti"
    ut = []
    for grupp, manadsord in ((1, m[2]), (3, m[4])):
        if manad := manad_i(manadsord):
            ut.append(Del(grupp, "hushall_forsorjningsstod", _ar_for(manad, s), "manad", manad))
    return ut


@_monster(
    rf"mer än tio månader[^.]*\.[^.]*?tertial (\d), (\d{{4}})(?: och tertial (\d), (\d{{4}}))? med ({N}) hushåll"
)
def _tertial(
    m, s
):  # "högre noteringar … under tertial 1, 2020 och tertial 1, 2021 med 436 hushåll"
    ut = [Del(5, "hushall_langvarigt", int(m[2]), "manad", 4 * int(m[1]))]
    if m[3]:
        ut.append(Del(5, "hushall_langvarigt", int(m[4]), "manad", 4 * int(m[3])))
    return ut


@_monster(rf"Budgeten för ekonomiskt bistånd för år (\d{{4}}),?\s*(?:är\s*)?({N}) tkr")
def _bistand_budget(m, s):  # "Budgeten för ekonomiskt bistånd för år 2022, 57 500 tkr."
    return [Del(2, "bistand_budget", int(m[1]), "helar", 12)]


@_monster(
    rf"Nettokostnaden för ekonomiskt bistånd är till och med (\w+),?\s*({N}) tkr\."
    rf"(?:\s*Budgeten för samma period är ({N}) tkr)?"
)
def _bistand_hittills(
    m, s
):  # "… till och med september 44 923 tkr. Budgeten för samma period är 43 125 tkr"
    manad = manad_i(m[1])
    if manad is None:
        return []
    ut = [Del(2, "bistand_kostnad", _ar_for(manad, s), "ack", manad)]
    if m[3]:
        ut.append(Del(3, "bistand_budget", _ar_for(manad, s), "ack", manad))
    return ut


@_monster(
    rf"nettokostnaden är (?:jämfört med budget )?(högre|lägre) (?:jämfört med budget )?med ({N}) tkr"
)
def _mot_budget(m, s):  # "nettokostnaden är jämfört med budget högre med 1 798 tkr"
    return [
        Del(2, "bistand_kostnad_mot_budget", s.ar, "ack", s.manad, "", 1 if m[1] == "högre" else -1)
    ]


@_monster(rf"Jämfört med samma period (\d{{4}}) är nettokostnaden (högre|lägre) med ({N}) tkr")
def _mot_fg_ar(m, s):  # "Jämfört med samma period 2021 är nettokostnaden lägre med 287 tkr"
    return [
        Del(3, "bistand_kostnad_mot_fg_ar", s.ar, "ack", s.manad, "", 1 if m[2] == "högre" else -1)
    ]


@_monster(rf"Nettokostnaden för ekonomiskt bistånd beräknas till ({N}) tkr")
def _bistand_prognos(m, s):  # "Nettokostnaden för ekonomiskt bistånd beräknas till 60 500 tkr"
    return [Del(1, "bistand_kostnad", s.ar, "prognos", s.manad)]


@_monster(r"Antal mottagna flyktingar var (?P<lista>[^.]*)")
def _mottagna(
    m, s
):  # "… var 2022-09-30, 102 (42 % kvinnor, 58 % män) st jämfört med 2021-09-30, 88 st (49 % …)"
    ut = []
    for d in re.finditer(
        rf"(\d{{4}})-(\d{{2}})-\d{{2}},?\s*({N})\s*(?:st\s*)?\(({N})\s*%\s*kvinnor,\s*({N})\s*%\s*män\)",
        m["lista"],
    ):
        ar, manad = int(d[1]), int(d[2])
        bas = m.start("lista")
        ut.append(Del(("@", bas + d.start(3), d[3]), "mottagna_flyktingar", ar, "ack", manad))
        ut.append(
            Del(
                ("@", bas + d.start(4), d[4]),
                "mottagna_flyktingar_kon",
                ar,
                "ack",
                manad,
                "Kvinnor",
            )
        )
        ut.append(
            Del(("@", bas + d.start(5), d[5]), "mottagna_flyktingar_kon", ar, "ack", manad, "Män")
        )
    return ut


@_monster(rf"^År i skolan? över 19 år,\s*({N})\s*st")
def _over_19(m, s):  # the heading "År i skolan över 19 år, 71 st"
    return [Del(1, "flyktingar_over_19", s.ar, "ack", s.manad)]


@_monster(rf"Under (\w+) (\d{{4}}) har antalet varit ({N}) på de olika anställningsformerna")
def _anstallda(
    m, s
):  # "Under september 2022 har antalet varit 409 på de olika anställningsformerna"
    manad = manad_i(m[1])
    return [Del(3, "anstallningsform_antal", int(m[2]), "manad", manad)] if manad else []


@_monster(rf"anställningsformerna[^.]*\.\s*För år (\d{{4}}) var antalet ({N})")
def _anstallda_fg(m, s):  # "För år 2021 var antalet 451." (the month is not stated)
    return [Del(2, "anstallningsform_antal", int(m[1]), "manad", s.manad)]


@_monster(rf"Antal personer som växlat bidrag mot lön i (\w+) varit ({N})")
def _vaxla(m, s):  # "Antal personer som växlat bidrag mot lön i september varit 63."
    manad = manad_i(m[1])
    return [Del(2, "vaxla_bidrag_mot_lon", _ar_for(manad, s), "manad", manad)] if manad else []


@_monster(rf"I samma period för år (\d{{4}}) var det ({N}) personer som växlat bidrag mot lön")
def _vaxla_fg(m, s):
    return [Del(2, "vaxla_bidrag_mot_lon", int(m[1]), "manad", s.manad)]


@_monster(rf"Personalkostnaden minus arbetsmarknadsstödet har varit ({N}) kr")
def _vaxla_kostnad(m, s):  # the period is not stated ("har varit"): the year so far
    return [Del(1, "vaxla_personalkostnad_netto", s.ar, "ack", s.manad)]


@_monster(rf"minskningen av utbetalt ekonomiskt bistånd har varit ({N}) kr")
def _vaxla_minskning(m, s):
    return [Del(1, "vaxla_minskat_bistand", s.ar, "ack", s.manad)]


@_monster(rf"För år (\d{{4}}) har ({N}) ungdomar sökt och ({N}) tackat ja")
def _feriearbete(m, s):  # "För år 2022 har 1 746 ungdomar sökt och 1 468 tackat ja."
    return [
        Del(2, "feriearbete_sokande", int(m[1]), "ack", s.manad),
        Del(3, "feriearbete_tackat_ja", int(m[1]), "ack", s.manad),
    ]


@_monster(rf"avsätts en ({N}) % tjänst")
def _ferie_stod(m, s):  # "avsätts en 50 % tjänst för detta"
    return [Del(1, "feriearbete_stod_tjanst", s.ar, "helar", 12)]


@_monster(rf"har verksamheten kännedom om ({N}) % av individerna")
def _kaa(m, s):
    return [Del(1, "kaa_kannedom", s.ar, "manad", s.manad)]


@_monster(rf"Ungdomsanställning[^§]*?Budgeten har (\d{{4}}) utökats med ({N}) tkr")
def _ungdom_budget(m, s):
    return [Del(2, "ungdomsanstallningar_budgetokning", int(m[1]), "helar", 12)]


@_monster(rf"upp till ett ({N})-tal unga")
def _ungdom_platser(m, s):
    return [Del(1, "ungdomsanstallningar_platser", s.ar, "helar", 12)]


@_monster(
    rf"Cirka ({N}) personer har olika former av arbetsmarknads\w+ och praktikplatser på Återbruk"
)
def _aterbruk(m, s):
    return [Del(1, "aterbruk_personer", s.ar, "manad", s.manad)]


@_monster(rf"finns det ({ORD}|{N}) arbetsterapeuter")
def _arbetsterapeuter(m, s):
    return [Del(1, "aterbruk_arbetsterapeuter", s.ar, "manad", s.manad)]


@_monster(rf"({ORD}|{N}) medarbetare som arbetar med felaktiga utbetalningar")
def _fut(m, s):
    return [Del(1, "fut_medarbetare", s.ar, "manad", s.manad)]


@_monster(rf"statlig lönefinansieringsgrad på (?:ca |cirka )?({N}) %")
def _ombud(m, s):
    return [Del(1, "personligt_ombud_statlig_finansiering", s.ar, "manad", s.manad)]


@_monster(rf"[Kk]ommunbidrag\w* för [^.]*?(?:är|budgeteras till) ({N}) tkr")
def _kommunbidrag(m, s):  # "Arbetslivsnämndens kommunbidrag för 2022 är 252 950 tkr"
    return [Del(1, "kommunbidrag", s.ar, "helar", 12)]


@_monster(rf"[Bb]uffert på ({N})(?: tkr)? är (?:avsatt|budgeterad)")
def _buffert(m, s):  # "En buffert på 2 529 är avsatt." (the introduction leaves out tkr)
    return [Del(1, "buffert", s.ar, "helar", 12)]


@_monster(rf"nämndens resultat är (plus|minus) ({N}) tkr (?:i|efter) (\w+)", re.IGNORECASE)
def _resultat(m, s):  # "Arbetslivsnämndens resultat är plus 12 901 tkr i september"
    manad = manad_i(m[3])
    tecken = -1 if m[1].casefold() == "minus" else 1
    return [Del(2, "namnd_resultat", _ar_for(manad, s), "ack", manad, "", tecken)] if manad else []


@_monster(rf"prognosen för nämnden är ett (minus|plus)resultat för (\d{{4}}) med ({N}) tkr")
def _resultat_prognos(m, s):
    return [
        Del(3, "namnd_resultat", int(m[2]), "prognos", s.manad, "", -1 if m[1] == "minus" else 1)
    ]


@_monster(r"[Oo]rdinarie verksamhet beräknas göra ett (nollresultat)")
def _ordinarie_noll(m, s):
    return [Del(("0", m.start(1), "0"), "namnd_resultat_ordinarie", s.ar, "prognos", s.manad)]


@_monster(
    rf"[Oo]rdinarie verksamhet beräknas göra ett (överskott|underskott|plusresultat|minusresultat) (?:med|på) ({N}) tkr"
)
def _ordinarie(m, s):
    tecken = -1 if m[1] in ("underskott", "minusresultat") else 1
    return [Del(2, "namnd_resultat_ordinarie", s.ar, "prognos", s.manad, "", tecken)]


@_monster(rf"evakueringsboende[^§]*?schablonersättningen från (\w+) på ({N}) tkr", re.IGNORECASE)
def _ukraina_intakt(m, s):  # "har fått schablonersättningen från Migrationsverket på 8 400 tkr"
    return [
        Del(2, "evakuering_ukraina", s.ar, "prognos", s.manad, f"Schablonersättning från {m[1]}")
    ]


@_monster(rf"evakueringsboende[^§]*?hittills haft kostnader på ({N}) tkr", re.IGNORECASE)
def _ukraina_hittills(m, s):
    return [Del(1, "evakuering_ukraina", s.ar, "prognos", s.manad, "Kostnader hittills", -1)]


@_monster(
    rf"faktureras till nämnden (?:senare )?under (\w+), hyran på (\w+) på ({N}) tkr"
    rf"(?: samt tjänster utförda av (\w+) på ({N}) tkr)?"
)
def _ukraina_fakturor(
    m, s
):  # "… under hösten, hyran på Kyllared på 6 000 tkr samt tjänster utförda av Servicekontoret på 3 300 tkr"
    nar = f"faktureras {m[1]} {s.ar}"
    ut = [Del(3, "evakuering_ukraina", s.ar, "prognos", s.manad, f"Hyra {m[2]} ({nar})", -1)]
    if m[4]:
        ut.append(
            Del(5, "evakuering_ukraina", s.ar, "prognos", s.manad, f"{m[4]}s tjänster ({nar})", -1)
        )
    return ut


@_monster(rf"kommer gå med (minus|plus) ({N}) tkr för evakueringsboende")
def _ukraina_resultat(
    m, s
):  # "prognosen är att Arbetslivsnämnden kommer gå med minus 6 000 tkr för evakueringsboende Ukraina"
    return [
        Del(2, "evakuering_ukraina", s.ar, "prognos", s.manad, "", -1 if m[1] == "minus" else 1)
    ]


@_monster(rf"förstärkts med ({N}) tkr som kompensation för (?:den )?(\w+)[^.]*?kommunens (\w+)")
def _forstarkning_hyra(
    m, s
):  # "förstärkts med 150 tkr som kompensation för den hyreshöjning … kommunens lokalbank"
    return [
        Del(1, "kommunbidrag_forstarkning", s.ar, "helar", 12, f"Kompensation för {m[2]} ({m[3]})")
    ]


@_monster(rf"en extra summa på ({N}) tkr för (\w+)")
def _forstarkning_extra(m, s):  # "samt en extra summa på 50 tkr för personalkostnader"
    return [Del(1, "kommunbidrag_forstarkning", s.ar, "helar", 12, m[2].capitalize())]


@_monster(
    rf"beslut \(KF (\d{{4}})-?(\d{{2}})-?(\d{{2}}) § (\d+)\) om att förstärka \w+ under (\d{{4}}) med ({N}) tkr avseende (\w+)"
)
def _forstarkning_kf(
    m, s
):  # "beslut (KF 20210623 § 120) om att förstärka … under 2022 med 2 500 tkr avseende stadsdelsvärdar"
    etikett = f"{m[7].capitalize()} (KF {m[1]}-{m[2]}-{m[3]} § {m[4]})"
    return [Del(6, "kommunbidrag_forstarkning", int(m[5]), "helar", 12, etikett)]


# --- Lists: the paragraph before a list says what its items are ------------------------------


@dataclass(frozen=True)
class Lista:
    inledning: re.Pattern  # the paragraph or heading before the items
    punkt: re.Pattern
    tolka: Callable[[re.Match, re.Match, Sammanhang], list[Del]]


def _kostnadsokning(
    inl, m, s
):  # "Kostnadsökningar i Budget 2022 …" / "- Ekonomiskt bistånd 3 000 tkr"
    return [Del(2, "budget_kostnadsokning", int(inl[1]), "helar", 12, m[1])]


def _resultatlista(inl, m, s):  # "Verksamhetens resultat." / "- Integration minus 500 tkr"
    if m[2].startswith("plus minus"):
        return [Del(("0", m.start(2), "0"), "budgetavvikelse_text", s.ar, "prognos", s.manad, m[1])]
    if m[3] is None:  # "- Integration minus tkr": the figure is missing
        return []
    tecken = -1 if m[2] == "minus" else 1
    return [Del(3, "budgetavvikelse_text", s.ar, "prognos", s.manad, m[1], tecken)]


LISTOR = (
    Lista(
        re.compile(r"^Kostnadsökningar i Budget (\d{4})"),
        re.compile(rf"^- (.+?) ({N}) tkr\.?$"),
        _kostnadsokning,
    ),
    Lista(
        re.compile(r"^Verksamhetens resultat\.?$"),
        re.compile(rf"^- (.+?) (plus minus (?:noll|0)|plus|minus)(?: ({N}))? tkr\.?$"),
        _resultatlista,
    ),
)


# --- Applying them ------------------------------------------------------------------------------


def meningar(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a full stop, ! or ? followed by a space and a capital or a digit."""
    spann, start = [], 0
    for m in re.finditer(r"[.!?](?=\s+[A-ZÅÄÖ0-9])", text):
        spann.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spann.append((start, len(text)))
    return spann


def _citat(text: str, position: int) -> str:
    for start, slut in meningar(text):
        if start <= position < slut:
            return text[start:slut].strip()
    return text.strip()


def _figur(text: str, m: re.Match, d: Del) -> tuple[Figur, int, int] | None:
    if isinstance(d.grupp, tuple):  # ('@', position, text) or ('0', position, 'nollresultat')
        _, start, varde_text = d.grupp
        slut = start + len(varde_text)
    else:
        start, slut, varde_text = m.start(d.grupp), m.end(d.grupp), m[d.grupp]
    varde = _varde(varde_text)
    if varde is None or d.manad is None:
        return None
    citat = _citat(text, start).rstrip(".")
    if len(citat) > 240:  # the import keeps at most 500 characters per cell
        borjan = max(0, min(start - 100, len(citat) - 230))
        citat = ("…" if borjan else "") + citat[borjan : borjan + 230].strip() + "…"
    return (
        Figur(
            d.indikator_id,
            d.ar,
            d.periodtyp,
            d.manad,
            d.dimension,
            d.tecken * varde,
            f"Texten: ”{citat}”.",
            False,
        ),
        start,
        slut,
    )


def las_stycke(text: str, s: Sammanhang) -> tuple[list[Figur], list[EjTolkat]]:
    """The figures of one paragraph, and its sentences with figures that no pattern read."""
    figurer, lasta = [], []
    for monster in MONSTER:
        for m in monster.regex.finditer(text):
            for d in monster.tolka(m, s):
                if (fynd := _figur(text, m, d)) is not None:
                    figurer.append(fynd[0])
                    lasta.append(fynd[1:])
    ej = [
        EjTolkat(text[start:slut].strip(), "meningen har siffror som inte tolkas")
        for start, slut in meningar(text)
        if har_siffror(text[start:slut]) and not any(start <= a < slut for a, _ in lasta)
    ]
    return figurer, ej


def las_punkt(text: str, inledning: str, s: Sammanhang) -> tuple[list[Figur], list[EjTolkat]]:
    """A list item, read by the list whose introduction stands before it."""
    for lista in LISTOR:
        if (inl := lista.inledning.match(inledning)) and (m := lista.punkt.match(text)):
            figurer = [f for d in lista.tolka(inl, m, s) if (f := _figur(text, m, d))]
            if figurer:
                return [f[0] for f in figurer], []
    if har_siffror(text):
        return [], [EjTolkat(text, "punkten har siffror som inte tolkas")]
    return [], []
