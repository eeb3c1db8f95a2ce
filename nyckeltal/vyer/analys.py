"""What the page Analys och prognos shows: what the months so far say about the year-end, what
it takes to reach each target, how this year's months sit against earlier years, and how much
of a cost change comes from the number of households and how much from the amount per
household.

Each section is its own function f(fraga, period or year, ...) so that the page builds (and
the cache keeps) only what it shows: the open tab, and for the chosen series only the parts
that depend on it. Every part starts from the same totals (_totaler); the query is cached, and
each part is built once per database version and choice (sidor._delat.vy).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import polars as pl

from nyckeltal import excel, framskrivning, maltakt, sasong, totaler, volymanalys
from nyckeltal.figurer import analys as figurer
from nyckeltal.format import (
    UPPGIFT_SAKNAS,
    formatera,
    formatera_forandring,
    formatera_per_rad,
    formatera_tabell,
    manadsnamn,
    tal,
)
from nyckeltal.kalla import kalltext
from nyckeltal.katalog import egna_indikatorer
from nyckeltal.perioder import Period
from nyckeltal.sammanfattning import som_markdown
from nyckeltal.vyer import Fraga, analysdiagram
from nyckeltal.vyer.diagram import Diagram

ALLA_RUBRIKER = {
    "serie": "Serie",
    "enhet": "Enhet",
    "hittills": "Hittills / senaste",
    "prognos": "Framskrivning (beräknad)",
    "lag": "Spann lägsta",
    "hog": "Spann högsta",
    "forvaltningens": "Förvaltningens prognos",
    "budget": "Budget",
    "kommentar": "Kommentar",
}


def _tabell(
    namn: str,
    df: pl.DataFrame,
    enheter: Mapping[str, str],
    rubriker: Mapping[str, str],
    kalla: str,
) -> excel.Tabell:
    """A table of the page's Excel file, its mappings read-only (the result is shared)."""
    return excel.Tabell(
        namn, df, MappingProxyType(dict(enheter)), MappingProxyType(dict(rubriker)), kalla
    )


def _som_tabell(diagram: Diagram) -> excel.Tabell:
    """A chart's numbers as a sheet of the page's Excel file, named by the chart's heading."""
    return _tabell(diagram.rubrik, diagram.tabell, diagram.enheter, diagram.rubriker, diagram.kalla)


def _totaler(fraga: Fraga, ar: int) -> totaler.Totaler:
    """Every indicator's totals up to the year: what every part of the page starts from."""
    return totaler.Totaler(
        fraga("analys_totaler_till_och_med_ar", ar=ar, indikatorer=egna_indikatorer())
    )


# --- The series to choose -------------------------------------------------------------------


@dataclass(frozen=True)
class Serier:
    """The series with monthly values in the year, for the page's series selector."""

    id: tuple[str, ...]  # the cost of ekonomiskt bistånd first
    namn: Mapping[str, str]  # id -> the series' name
    saknas: str  # what the forecast and the seasonality say when there is no series


def serier(fraga: Fraga, ar: int) -> Serier:
    tot = _totaler(fraga, ar)
    ids = tuple(totaler.manadsserier(tot, ar))
    return Serier(
        id=ids,
        namn=MappingProxyType({i: tot.meta(i)["namn"] for i in ids}),
        saknas=f"Inga månadsvärden för {ar}: {UPPGIFT_SAKNAS}.",
    )


# --- Helårsprognos --------------------------------------------------------------------------


@dataclass(frozen=True)
class Prognoskort:
    """A card beside the forecast: the figure, its help text and the line under it."""

    etikett: str
    varde: str
    hjalp: str | None
    text: str


@dataclass(frozen=True)
class Aterprovning:
    """The method tried on a year whose outcome is known."""

    text: str  # the forecast made at the period's month, against the outcome (Markdown)
    tabell: pl.DataFrame  # the error of a forecast made after each month, as text
    export: excel.Tabell


@dataclass(frozen=True)
class Framskrivning:
    """The year written forward, when it can be."""

    ackumulerat: Diagram  # the years' lines, accumulated January–month
    helar: Diagram  # the full year as bars: forecast, range, the administration's, budget
    metod: str  # how the forecast is computed, with its figures (Markdown)
    jamforelse: str | None  # the plain mean × 12 beside it (flows only)
    aterprovning: Aterprovning | None  # None: no earlier year to try the method on


@dataclass(frozen=True)
class Prognos:
    kort: tuple[Prognoskort, ...]
    framskrivning: Framskrivning | None  # None: no forecast; the page shows orsak
    orsak: str  # why there is no forecast; empty when there is one

    @property
    def tabeller(self) -> tuple[excel.Tabell, ...]:
        f = self.framskrivning
        if f is None:
            return ()
        prov = (f.aterprovning.export,) if f.aterprovning else ()
        return (_som_tabell(f.ackumulerat), _som_tabell(f.helar), *prov)


def prognos(fraga: Fraga, period: Period, serie_id: str) -> Prognos:
    """The series' full year: the forecast from the months so far beside the administration's
    forecast and the budget, how it is computed, and the method tried on an earlier year."""
    ar, till = period.ar, period.till_manad
    tot = _totaler(fraga, ar)
    helar = framskrivning.helarsprognos(tot, serie_id, ar, till)
    kort = _prognoskort(helar, ar)
    if helar.prognos is None:
        return Prognos(kort, None, helar.orsak)
    med_budget = [serie_id] + (
        [totaler.BUDGET_FOR[serie_id]] if serie_id in totaler.BUDGET_FOR else []
    )
    kalla = kalltext(tot.df.filter(pl.col("indikator_id").is_in(med_budget)))
    enhet = helar.enhet
    return Prognos(
        kort,
        Framskrivning(
            ackumulerat=_ackumulerat(tot, helar, period, kalla),
            helar=_helar_jamfort(helar, kalla),
            metod=som_markdown(helar.metodtext),
            jamforelse=(
                f"Som jämförelse: snittet hittills gånger tolv ger "
                f"{formatera(helar.enkel.varde, enhet)} (beräknat: {helar.enkel.underlag}); "
                "det bortser från att hösten brukar kosta mer eller mindre än våren."
                if helar.enkel is not None
                else None
            ),
            aterprovning=_aterprovning(tot, serie_id, period, enhet, kalla),
        ),
        helar.orsak,
    )


def _prognoskort(helar: framskrivning.Helarsprognos, ar: int) -> tuple[Prognoskort, ...]:
    enhet = helar.enhet
    prognos, forvaltningens, budget = helar.prognos, helar.forvaltningens, helar.budget
    return (
        Prognoskort(
            "Framskrivning helår",
            formatera(prognos.varde if prognos else None, enhet),
            "Årets utfall hittills gånger tidigare års kvot helår / samma månader. "
            "Beräkningen står under diagrammen.",
            f"Beräknad; spann {tal(helar.lag.varde)}–{formatera(helar.hog.varde, enhet)}."
            if helar.lag and helar.hog
            else "Beräknad; spann: uppgift saknas (för få tidigare år)."
            if prognos
            else "Kan inte beräknas.",
        ),
        Prognoskort(
            "Förvaltningens prognos",
            formatera(forvaltningens.varde if forvaltningens else None, enhet),
            forvaltningens.underlag if forvaltningens else None,
            forvaltningens.beskrivning.split(": ")[-1].capitalize() + "."
            if forvaltningens
            else "Ingen prognos i handlingarna för perioden.",
        ),
        Prognoskort(
            f"Budget {ar}",
            formatera(budget.varde if budget else None, enhet),
            budget.underlag if budget else None,
            "Enligt budgetuppföljningens text." if budget else "Ingen budget för serien.",
        ),
    )


def _ackumulerat(
    tot: totaler.Totaler, helar: framskrivning.Helarsprognos, period: Period, kalla: str
) -> Diagram:
    # the caption above the chart says that a sum is computed where the papers give none
    return analysdiagram.prognosdiagram(
        tot, helar, period, kalla=kalla, nyckel="analys_prognos", rubrik="Ackumulerat per månad"
    )


def _helar_jamfort(helar: framskrivning.Helarsprognos, kalla: str) -> Diagram:
    etiketter = {
        "prognos": "Framskrivning (beräknad)",
        "lag": "Spann, lägsta (beräknat)",
        "hog": "Spann, högsta (beräknat)",
        "forvaltningens": "Förvaltningens prognos",
        "budget": f"Budget {helar.ar}",
    }
    jamforelse = (
        framskrivning.prognostabell([helar])
        .unpivot(index="serie", on=list(etiketter), variable_name="uppgift", value_name="varde")
        .select("uppgift", "varde")
        .with_columns(pl.col("uppgift").replace_strict(etiketter))
    )
    return Diagram(
        fig=figurer.helarsjamforelse(helar),
        tabell=jamforelse,
        kalla=kalla,
        nyckel="analys_helar",
        enheter={"varde": helar.enhet},
        rubriker={"uppgift": "Uppgift", "varde": f"Helår ({helar.enhet})"},
        rubrik="Helår jämfört",
    )


def _aterprovning(
    tot: totaler.Totaler, serie_id: str, period: Period, enhet: str, kalla: str
) -> Aterprovning | None:
    prov = framskrivning.aterprovningar(tot, serie_id, period.ar)
    if not prov:
        return None
    sista = next((p for p in prov if p.prognos.till_manad == period.till_manad), prov[-1])
    text = som_markdown(
        f"Framskrivningen av {sista.prognos.ar} från "
        f"{sista.prognos.hittills.beskrivning.split(', ')[-1]} och "
        f"{', '.join(str(k.ar) for k in sista.prognos.kvoter)} års mönster gav "
        f"{formatera(sista.prognos.prognos.varde, enhet)}; utfallet blev "
        f"{formatera(sista.utfall.varde, enhet)}. Felet var "
        f"{formatera(sista.fel, enhet)} ({tal(sista.relativt_fel, 1)} %), beräknat. "
        "Tabellen visar felet för en prognos gjord efter varje månad: ju tidigare på "
        "året, desto större fel."
    )
    provtabell = framskrivning.aterprovningstabell(prov)
    rubriker = {
        "ar": "År",
        "manad": "Prognos efter månad",
        "hittills": f"Utfall hittills ({enhet})",
        "monster_ar": "Mönster från år",
        "prognos": f"Framskrivning ({enhet}, beräknad)",
        "utfall": f"Helårsutfall ({enhet})",
        "fel": f"Fel ({enhet}, beräknat)",
        "fel_procent": "Fel (%, beräknat)",
    }
    enheter = {"manad": "manad", **dict.fromkeys(("hittills", "prognos", "utfall", "fel"), enhet)}
    tabell = (
        formatera_tabell(provtabell, enheter, None)
        .with_columns(
            pl.col("ar").cast(pl.String),
            pl.Series(
                "fel_procent", [formatera(v, "procent", 1) for v in provtabell["fel_procent"]]
            ),
        )
        .rename(rubriker)
    )
    export = _tabell(
        "Återprövning", provtabell, {**enheter, "fel_procent": "procent"}, rubriker, kalla
    )
    return Aterprovning(text, tabell, export)


# --- Every series written forward -----------------------------------------------------------


@dataclass(frozen=True)
class AllaSerier:
    tabell: pl.DataFrame  # as text, each value with its unit
    export: excel.Tabell  # the raw figures

    @property
    def tabeller(self) -> tuple[excel.Tabell, ...]:
        return (self.export,)


def alla_serier(fraga: Fraga, period: Period) -> AllaSerier:
    """Every monthly series written forward (a forecast for each: built when asked for)."""
    tot = _totaler(fraga, period.ar)
    prognoser = [
        framskrivning.helarsprognos(tot, i, period.ar, period.till_manad)
        for i in totaler.manadsserier(tot, period.ar)
    ]
    alla = framskrivning.prognostabell(prognoser)
    tabell = (
        formatera_per_rad(
            alla,
            dict.fromkeys(("hittills", "prognos", "lag", "hog", "forvaltningens", "budget"), 0),
        )
        .drop("enhet")  # each value carries its unit
        .rename({k: v for k, v in ALLA_RUBRIKER.items() if k != "enhet"})
    )
    return AllaSerier(tabell, _tabell("Alla serier", alla, {}, ALLA_RUBRIKER, kalltext(tot.df)))


# --- Vad krävs för målen --------------------------------------------------------------------


@dataclass(frozen=True)
class Mal:
    """One target's card: where the measure stands and the pace the rest of the year needs."""

    namn: str
    mal_text: str  # 'högst 700 (varje månad)'
    status_text: str  # '✅ nås i nuvarande takt'
    text: str  # the pace so far against the pace needed (Markdown)
    noteringar: tuple[str, ...]
    diagram: Diagram | None  # None: too few figures for a line


@dataclass(frozen=True)
class Malen:
    inledning: str  # from which month the pace is measured
    saknas: str | None  # when the papers give no targets for the year
    mal: tuple[Mal, ...]
    tabell: pl.DataFrame | None  # every target as text; None without targets
    export: excel.Tabell | None

    @property
    def diagram(self) -> Mapping[str, Diagram]:
        """The targets with a chart, by name, in the cards' order (one is shown at a time)."""
        return MappingProxyType({m.namn: m.diagram for m in self.mal if m.diagram is not None})

    @property
    def tabeller(self) -> tuple[excel.Tabell, ...]:
        diagram = tuple(_som_tabell(m.diagram) for m in self.mal if m.diagram is not None)
        return diagram + ((self.export,) if self.export else ())


def malen(fraga: Fraga, period: Period) -> Malen:
    """Every target of the year: from the period's month to December, the change per month
    that just reaches it, against the pace so far."""
    ar = period.ar
    tot = _totaler(fraga, ar)
    takter = maltakt.maltakter(
        tot, fraga("indikatorer_med_mal", ar=ar, indikatorer=tot.indikatorer()), period
    )
    kalla = kalltext(tot.df)
    tabell, export = _maltabell(takter, kalla) if takter else (None, None)
    return Malen(
        inledning=(
            f"Från {manadsnamn(period.till_manad)} till december: förändringen per månad som "
            "precis når målet, mot takten hittills. Nettokostnaden mäts mot budgeten som tak."
        ),
        saknas=None if takter else f"Inga mål för {ar} i handlingarna.",
        mal=tuple(
            Mal(
                namn=takt.namn,
                mal_text=takt.mal_text,
                status_text=takt.status_text,
                text=som_markdown(takt.text),
                noteringar=tuple(takt.noteringar),
                diagram=_maltaktdiagram(tot, takt),
            )
            for takt in takter
        ),
        tabell=tabell,
        export=export,
    )


def _maltaktdiagram(tot: totaler.Totaler, takt: maltakt.Maltakt) -> Diagram | None:
    if not takt.punkter or (takt.vid_arets_slut is None and len(takt.punkter) < 2):
        return None
    return analysdiagram.maltaktdiagram(
        takt,
        kalla=kalltext(tot.df.filter(pl.col("indikator_id") == takt.indikator_id)),
        nyckel=f"analys_takt_{takt.indikator_id}",
        rubrik=f"Mål {takt.namn}"[:31],
    )


def _maltabell(takter: list[maltakt.Maltakt], kalla: str) -> tuple[pl.DataFrame, excel.Tabell]:
    takttabell = maltakt.maltakttabell(takter)
    # figures as the cards' text writes them: the value and the year end without decimals,
    # the changes per month with one decimal, a sign, and percentage points for a share
    andringar = [
        pl.Series(
            kolumn,
            [
                formatera_forandring(v, e, 1) or UPPGIFT_SAKNAS
                for v, e in zip(takttabell[kolumn], takttabell["enhet"])
            ],
            dtype=pl.String,
        )
        for kolumn in ("behovd_per_manad", "takt_per_manad")
    ]
    tabell = formatera_tabell(
        formatera_per_rad(takttabell, {"nuvarande": 0, "vid_arets_slut": 0}).with_columns(
            *andringar
        ),
        {"manad": "manad"},
        maltakt.MALTAKT_RUBRIKER,
    ).drop("Enhet")
    export = _tabell(
        "Vad krävs", takttabell, maltakt.MALTAKT_ENHETER, maltakt.MALTAKT_RUBRIKER, kalla
    )
    return tabell, export


# --- Säsongsmönster -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sasongsmonster:
    saknas: str | None  # no earlier year to compare with; then text and diagram are None
    text: str | None  # how this year's months sit in the earlier years' span (Markdown)
    diagram: Diagram | None

    @property
    def tabeller(self) -> tuple[excel.Tabell, ...]:
        return (_som_tabell(self.diagram),) if self.diagram else ()


def sasongsmonster(fraga: Fraga, ar: int, serie_id: str) -> Sasongsmonster:
    """The series' months of the year against the span of the same months in earlier years."""
    tot = _totaler(fraga, ar)
    meta = tot.meta(serie_id)
    enhet = meta["enhet"]
    band = sasong.sasongsband(tot, serie_id, ar)
    if band.filter(pl.col("lagst").is_not_null()).is_empty():
        return Sasongsmonster(
            saknas=f"{meta['namn']}: inga tidigare år med samma månader, så inget spann att "
            f"jämföra {ar} med ({UPPGIFT_SAKNAS}).",
            text=None,
            diagram=None,
        )
    diagram = analysdiagram.sasongsdiagram(
        band,
        ar,
        enhet,
        meta["namn"][:40],
        kalla=kalltext(tot.df.filter(pl.col("indikator_id") == serie_id)),
        nyckel="analys_sasong",
        rubrik="Säsongsmönster",
    )
    return Sasongsmonster(None, som_markdown(sasong.sasongstext(band, ar, enhet)), diagram)


# --- Volym och belopp -----------------------------------------------------------------------


@dataclass(frozen=True)
class Volymdel:
    """A cost change split into the number of households and the cost per household."""

    rubrik: str  # 'Kostnaden januari–september, 2022 mot 2021'
    text: str  # the split in words (Markdown)
    forbehall: str
    diagram: Diagram


@dataclass(frozen=True)
class VolymOchBelopp:
    delar: tuple[Volymdel, ...]
    saknas: str | None  # what the split lacks, in words; None when nothing is missing

    @property
    def tabeller(self) -> tuple[excel.Tabell, ...]:
        return tuple(_som_tabell(d.diagram) for d in self.delar)


def volym_och_belopp(fraga: Fraga, period: Period) -> VolymOchBelopp:
    """How much of the cost change comes from the number of households and how much from the
    cost per household, for each span the papers allow."""
    tot = _totaler(fraga, period.ar)
    volym = volymanalys.volym_och_belopp(tot, period)
    kalla = kalltext(
        tot.df.filter(pl.col("indikator_id").is_in([totaler.KOSTNAD, totaler.HUSHALL]))
    )
    return VolymOchBelopp(
        delar=tuple(_volymdel(u, kalla) for u in volym.uppdelningar),
        saknas=(
            "Uppdelningen kräver både kostnaden och antalet hushåll för båda åren, och "
            "handlingarna anger antalet hushåll bara för några månader och aldrig kostnaden per "
            "hushåll. Det saknas här: " + " ".join(volym.saknas)
            if volym.saknas
            else None
        ),
    )


def _volymdel(u: volymanalys.Uppdelning, kalla: str) -> Volymdel:
    return Volymdel(
        rubrik=f"{u.rubrik.capitalize()}, {u.ar} mot {u.jamforelsear}",
        text=som_markdown(u.text),
        forbehall=u.forbehall,
        diagram=analysdiagram.volymdiagram(
            u,
            kalla=kalla,
            nyckel=f"analys_volym_{u.manader}",
            rubrik=f"Volym och belopp {u.manader}",
        ),
    )
