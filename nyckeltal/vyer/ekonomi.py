"""The page Ekonomi: how the committee stands against its budget after a follow-up month, and
why. bygg(fraga, period) builds everything the page shows for the period's year and last month.

A budget follow-up is a snapshot after a month (after September 2022 in the papers): for any
other month the follow-up figures say "uppgift saknas". The year's kommunbidrag, buffert and
budget conditions hold for the whole year, so they show for any month of a year that has them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

import polars as pl

from nyckeltal import excel, katalog
from nyckeltal.figurer.ekonomi import (
    avvikelse_per_verksamhet,
    evakueringsboende_ukraina,
    tecken_text,
)
from nyckeltal.format import (
    UPPGIFT_SAKNAS,
    formatera,
    formatera_forandring,
    formatera_tabell,
    kort_manad,
    manadsnamn,
)
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import Kpi, bygg_kpier
from nyckeltal.perioder import Period
from nyckeltal.vyer import Fraga
from nyckeltal.vyer.diagram import Diagram

# Where the recorded disagreements sit in the budget table: conflict -> (row, column), and
# the footnote mark that ties the cell to its note under the table.
KONFLIKTER_I_TABELLEN = MappingProxyType(
    {
        "bistand_budget_hittills": ("Ekonomiskt bistånd", "budget_hittills", "¹"),
        "integration_avvikelse": ("Integration", "avvikelse", "²"),
    }
)
BUDGETKOLUMNER = (
    "utfall_fg_ar",
    "budget_helar",
    "budget_hittills",
    "utfall",
    "prognos",
    "avvikelse",
)


@dataclass(frozen=True)
class Budgettabell:
    """The budget follow-up per verksamhet, row Summa last: shown as text with the notes'
    marks; the CSV has the raw numbers under the same headings."""

    visning: pl.DataFrame  # formatted, with Swedish headings and the marks ¹ ²
    tabell: pl.DataFrame  # the raw numbers, for the CSV
    rubriker: Mapping[str, str]  # column -> Swedish heading
    filnamn: str  # of the CSV
    noter: str | None  # where the papers disagree, or None when nothing in the table does
    kalla: str  # "Källa: …"

    def csv(self) -> bytes:
        return excel.csv(self.tabell, self.rubriker)


@dataclass(frozen=True)
class Avvikelse:
    """Why: each verksamhet's forecast deviation, adding up to the committee's total."""

    text: str
    diagram: Diagram


@dataclass(frozen=True)
class Ukraina:
    """The evacuation housing's items and its stated forecast result."""

    diagram: Diagram
    varning: str | None  # the items do not add up to the stated result


@dataclass(frozen=True)
class Tabell:
    """A table shown as it stands, with its source line under it."""

    visning: pl.DataFrame
    kalla: str  # "Källa: …"


@dataclass(frozen=True)
class Forutsattningar:
    """The year's kommunbidrag, buffert, förstärkningar and cost increases in the budget."""

    rubrik: str
    saknas: str | None  # the year has none: the page shows this instead of the tables
    ramen: Tabell | None
    okningar_rubrik: str
    okningar: Tabell | None  # None: the year lists no cost increases (uppgift saknas)


@dataclass(frozen=True)
class EkonomiVy:
    """Everything the page Ekonomi shows for a period, top to bottom."""

    ingress: str
    saknas: str | None  # no follow-up after the period's last month
    kort: tuple[Kpi, ...]
    budget: Budgettabell | None  # None without a follow-up; so are avvikelse and ukraina
    avvikelse: Avvikelse | None
    ukraina: Ukraina | None
    forutsattningar: Forutsattningar


def bygg(fraga: Fraga, period: Period) -> EkonomiVy:
    ar, manad = period.ar, period.till_manad
    uppfoljningar = fraga("ekonomi_uppfoljningar")
    uppfoljning = uppfoljningar.filter((pl.col("ar") == ar) & (pl.col("manad") == manad))
    har_uppfoljning = not uppfoljning.is_empty()
    budget = fraga("budget_per_verksamhet", ar=ar, manad=manad) if har_uppfoljning else None
    summa = budget.filter(pl.col("ar_summa")).row(0, named=True) if budget is not None else None
    ukraina = fraga("ukraina_evakueringsboende", ar=ar, manad=manad)
    return EkonomiVy(
        ingress=(
            f"Budgetuppföljning efter {manadsnamn(manad)} {ar} (periodens sista månad; period "
            f"{period.etikett}). Belopp i tusentals kronor (tkr)."
        ),
        saknas=None if har_uppfoljning else _saknas(uppfoljningar, period),
        kort=_kort(fraga, period, budget, summa, ukraina),
        budget=None if budget is None else _budgettabell(fraga, period, budget, uppfoljning),
        avvikelse=None if budget is None else _avvikelse(budget, summa, uppfoljning),
        ukraina=_ukraina(ukraina) if har_uppfoljning and not ukraina.is_empty() else None,
        forutsattningar=_forutsattningar(fraga, ar),
    )


def _saknas(uppfoljningar: pl.DataFrame, period: Period) -> str:
    """No follow-up after the period's last month: which follow-ups there are instead."""
    finns = ", ".join(
        f"efter {manadsnamn(m)} {a}"
        for a, m in zip(uppfoljningar["ar"].to_list(), uppfoljningar["manad"].to_list())
    )
    return (
        f"Det finns ingen budgetuppföljning efter {manadsnamn(period.till_manad)} {period.ar}. "
        f"Resultat, prognos och budgettabell: {UPPGIFT_SAKNAS}."
        + (
            f" Budgetuppföljningar finns {finns}; välj Hittills i år och den månaden i sidopanelen."
            if finns
            else ""
        )
    )


def _periodtyp(df: pl.DataFrame, typ: str) -> pl.DataFrame:
    return df.filter(pl.col("periodtyp") == typ)


def _ukrainas_resultat(ukraina: pl.DataFrame) -> pl.Series:
    """The stated forecast result of the evacuation housing (empty when not stated)."""
    return ukraina.filter(pl.col("ar_resultat"))["varde"]


# --- KPI row


def _kort(
    fraga: Fraga,
    period: Period,
    budget: pl.DataFrame | None,
    summa: dict | None,
    ukraina: pl.DataFrame,
) -> tuple[Kpi, ...]:
    """Kommunbidrag, the result to date, the year's forecast and buffert, each with a line
    that ties it to the budget table or the papers."""
    ar, manad = period.ar, period.till_manad
    (resultat_id,) = katalog.kort("ekonomi")  # the area's key figure: the committee's result
    indikatorer = fraga(
        "indikatorer_med_mal", ar=ar, indikatorer=["kommunbidrag", "buffert", resultat_id]
    )
    nyckeltal = fraga("ekonomi_nyckeltal", ar=ar, manad=manad)
    jamforelse = fraga("ekonomi_nyckeltal", ar=period.jamforelsear, manad=manad)
    helar = Period(ar, 1, 12, period.jamforelsear)
    hittills = Period(ar, 1, manad, period.jamforelsear)

    def kort_for(ids: list[str], periodtyp: str, for_period: Period) -> list[Kpi]:
        return bygg_kpier(
            ids,
            indikatorer,
            _periodtyp(nyckeltal, periodtyp),
            _periodtyp(jamforelse, periodtyp),
            for_period,
        )

    # page-specific cards: each for its own period of the follow-up (year, to date, forecast)
    kommunbidrag, buffert = kort_for(["kommunbidrag", "buffert"], "helar", helar)
    (resultat,) = kort_for([resultat_id], "ack", hittills)
    (prognos,) = kort_for([resultat_id], "prognos", helar)
    ordinarie = _periodtyp(nyckeltal, "prognos").filter(
        pl.col("indikator_id") == "namnd_resultat_ordinarie"
    )["varde"]
    return (
        kommunbidrag,
        replace(
            resultat,
            namn=f"Resultat efter {manadsnamn(manad)}",
            notering=_resultat_notering(summa, resultat.varde),
        ),
        replace(
            prognos,
            namn=f"Helårsprognos {ar}",
            notering=_prognos_notering(prognos.varde, ordinarie, _ukrainas_resultat(ukraina)),
        ),
        replace(buffert, notering=_buffert_notering(budget)),
    )


def _resultat_notering(summa: dict | None, angivet) -> str:
    """The result to date worked out from the budget table's row Summa, in words."""
    if not summa or summa["budget_hittills"] is None or summa["utfall"] is None:
        return ""
    # the table's signs: minus is cost, so outcome − budget is the surplus
    beraknat = summa["utfall"] - summa["budget_hittills"]
    stammer = "stämmer med" if beraknat == angivet else "skiljer sig från"
    # the judgement in words: under budget is a surplus, over budget a deficit
    lage = (
        f"{formatera(beraknat, 'tkr')} under budget, ett överskott"
        if beraknat > 0
        else f"{formatera(-beraknat, 'tkr')} över budget, ett underskott"
        if beraknat < 0
        else "i nivå med budget"
    )
    return (
        f"Kostnad hittills {formatera(-summa['utfall'], 'tkr')} mot budget "
        f"{formatera(-summa['budget_hittills'], 'tkr')}: {lage} (beräknat ur "
        f"budgettabellens rad Summa; {stammer} angivet resultat)."
    )


def _prognos_notering(prognos, ordinarie: pl.Series, ukraina_resultat: pl.Series) -> str:
    """The forecast in words, and its parts as the papers state them."""
    if prognos is None:
        return ""
    delar = []
    if len(ordinarie):
        delar.append(f"ordinarie verksamhet {formatera(ordinarie[0], 'tkr')}")
    if len(ukraina_resultat):
        delar.append(f"evakueringsboende Ukraina {formatera(ukraina_resultat[0], 'tkr')}")
    utfall = (
        f"ett underskott på {formatera(-prognos, 'tkr')}"
        if prognos < 0
        else f"ett överskott på {formatera(prognos, 'tkr')}"
        if prognos > 0
        else "ett resultat i balans"
    )
    return f"Prognosen är {utfall} för helåret" + (
        "; varav " + " och ".join(delar) + " (angivet)." if delar else "."
    )


def _buffert_notering(budget: pl.DataFrame | None) -> str:
    """The buffert's row of the budget table."""
    if budget is None:
        return ""
    rad = budget.filter(pl.col("verksamhet") == "Buffert")
    if not rad.height:
        return ""
    b = rad.row(0, named=True)
    return (
        f"I budgettabellen: budget {formatera(b['budget_helar'], 'tkr')}, prognos "
        f"{formatera(b['prognos'], 'tkr')}, avvikelse {tecken_text(b['avvikelse'])}."
    )


# --- Budget follow-up per verksamhet, and why: the deviations adding up to the total


def _budgettabell(
    fraga: Fraga, period: Period, budget: pl.DataFrame, uppfoljning: pl.DataFrame
) -> Budgettabell:
    ar, manad = period.ar, period.till_manad
    manader = f"jan–{kort_manad(manad)}" if manad > 1 else "jan"
    rubriker = {
        "verksamhet": "Verksamhet",
        "utfall_fg_ar": f"Utfall {manader} {ar - 1}",
        "budget_helar": f"Budget helår {ar}",
        "budget_hittills": f"Budget {manader} {ar}",
        "utfall": f"Utfall {manader} {ar}",
        "prognos": f"Prognos helår {ar}",
        "avvikelse": "Avvikelse helår",
    }
    tabell = budget.select("verksamhet", *BUDGETKOLUMNER)
    visning = formatera_tabell(tabell, dict.fromkeys(BUDGETKOLUMNER, "tkr")).with_columns(
        # a deviation with its sign, as the caption reads it: plus surplus, minus deficit
        pl.Series(
            "avvikelse",
            [formatera_forandring(v, "tkr") or UPPGIFT_SAKNAS for v in tabell["avvikelse"]],
            dtype=pl.String,
        )
    )
    konflikt = {rad["konflikt_id"]: rad for rad in fraga("kallkonflikter").iter_rows(named=True)}
    noter = []
    for konflikt_id, (verksamhet, kolumn, mark) in KONFLIKTER_I_TABELLEN.items():
        if konflikt_id not in konflikt:
            continue
        visning = visning.with_columns(
            pl.when(pl.col("verksamhet") == verksamhet)
            .then(pl.col(kolumn) + f"\u00a0{mark}")
            .otherwise(pl.col(kolumn))
            .alias(kolumn)
        )
        noter.append(_not(konflikt[konflikt_id], verksamhet, rubriker[kolumn], mark))
    return Budgettabell(
        visning=visning.rename(rubriker),
        tabell=tabell,
        rubriker=MappingProxyType(rubriker),
        filnamn=f"budgetuppfoljning_{ar}_{manad:02d}.csv",
        noter="**Där handlingarna säger olika**\n\n" + "\n\n".join(noter) if noter else None,
        kalla=f"Källa: {kalltext(uppfoljning)}",
    )


def _not(k: dict, verksamhet: str, rubrik: str, mark: str) -> str:
    """The note under the table for a cell where the table and the text disagree."""
    skillnad = (
        f" (Skillnad {tecken_text(k['varde_a'] - k['varde_b'])}, beräknad.)"
        if k["konflikt_id"] == "integration_avvikelse"
        else " Texten anger beloppet som kostnad utan minustecken."
    )
    return (
        f"{mark} **{verksamhet}, {rubrik.lower()}:** tabellen anger "
        f"{formatera(k['varde_a'], 'tkr')}, texten {formatera(k['varde_b'], 'tkr')}. "
        f"Tabellens siffra visas.{skillnad} {k['motivering']}"
    )


def _avvikelse(budget: pl.DataFrame, summa: dict, uppfoljning: pl.DataFrame) -> Avvikelse:
    return Avvikelse(
        text=(
            f"Varje stapel är en verksamhets prognostiserade avvikelse för helåret; staplarna "
            f"summerar till nämndens totala avvikelse {tecken_text(summa['avvikelse'])}. "
            "Grönt med plus är överskott, vinrött med minus underskott."
        ),
        diagram=Diagram(
            fig=avvikelse_per_verksamhet(budget),
            tabell=budget.select("verksamhet", "avvikelse"),
            kalla=kalltext(uppfoljning),
            nyckel="ekonomi_avvikelse_per_verksamhet",
            enheter={"avvikelse": "tkr"},
            rubriker={"verksamhet": "Verksamhet", "avvikelse": "Avvikelse helår (tkr)"},
        ),
    )


# --- Evakueringsboende Ukraina


def _ukraina(ukraina: pl.DataFrame) -> Ukraina:
    resultat = _ukrainas_resultat(ukraina)
    summa_delar = sum(ukraina.filter(~pl.col("ar_resultat"))["varde"].to_list())
    varning = None
    if len(resultat) and summa_delar != resultat[0]:
        varning = (
            f"Posterna summerar till {formatera(summa_delar, 'tkr')} (beräknat), men "
            f"handlingarna anger prognosen {formatera(resultat[0], 'tkr')}. "
            f"Diagrammet visar den angivna prognosen. Skillnaden, "
            f"{formatera(abs(resultat[0] - summa_delar), 'tkr')}, förklaras inte i "
            "handlingarna (troligen avrundning)."
        )
    return Ukraina(
        diagram=Diagram(
            fig=evakueringsboende_ukraina(ukraina),
            tabell=ukraina.select("post", "varde"),
            kalla=kalltext(ukraina),
            nyckel="ekonomi_ukraina",
            enheter={"varde": "tkr"},
            rubriker={"post": "Post", "varde": "Belopp (tkr)"},
        ),
        varning=varning,
    )


# --- Budget conditions of the year


def _forutsattningar(fraga: Fraga, ar: int) -> Forutsattningar:
    rubrik = f"Kommunbidrag och budgetförutsättningar {ar}"
    okningar_rubrik = f"**Kostnadsökningar i budget {ar}**"
    forutsattningar = fraga("ekonomi_forutsattningar", ar=ar)
    if forutsattningar.is_empty():
        return Forutsattningar(
            rubrik=rubrik,
            saknas=f"Kommunbidrag och budgetförutsättningar för {ar}: {UPPGIFT_SAKNAS}.",
            ramen=None,
            okningar_rubrik=okningar_rubrik,
            okningar=None,
        )
    ramen = forutsattningar.filter(pl.col("indikator_id") != "budget_kostnadsokning")
    okningar = forutsattningar.filter(pl.col("indikator_id") == "budget_kostnadsokning")
    # kommunbidrag first, then buffert, then the förstärkningar in the papers' order
    ramen = ramen.with_columns(
        pl.col("indikator_id")
        .replace_strict(
            {"kommunbidrag": 0, "buffert": 1, "kommunbidrag_forstarkning": 2}, default=3
        )
        .alias("ordningsgrupp"),
        pl.when(pl.col("dimension") == "")
        .then(pl.col("namn"))
        .otherwise(pl.lit("Förstärkning: ") + pl.col("dimension"))
        .alias("post"),
    ).sort("ordningsgrupp", "ordning")
    return Forutsattningar(
        rubrik=rubrik,
        saknas=None,
        ramen=Tabell(
            formatera_tabell(
                ramen.select("post", "varde"), {"varde": "tkr"}, {"post": "Post", "varde": "Belopp"}
            ),
            f"Källa: {kalltext(ramen)}",
        ),
        okningar_rubrik=okningar_rubrik,
        okningar=None
        if okningar.is_empty()
        else Tabell(
            formatera_tabell(
                okningar.select("dimension", "varde"),
                {"varde": "tkr"},
                {"dimension": "Område", "varde": "Belopp"},
            ),
            f"Källa: {kalltext(okningar)}",
        ),
    )
