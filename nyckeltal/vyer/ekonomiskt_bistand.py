"""What the page Ekonomiskt bistånd shows for a period: the key figures, and per tab the cost
month by month, the cumulative cost against the budget, the full year, the households and the
long-term households and children, each with the texts around its chart."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import polars as pl

from nyckeltal import katalog
from nyckeltal.figurer import bistand
from nyckeltal.format import UPPGIFT_SAKNAS, formatera, manadsintervall, manadsnamn
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import Kpi, bygg_kpier
from nyckeltal.perioder import Period
from nyckeltal.vyer import Fraga
from nyckeltal.vyer.diagram import Diagram

OMRADE = "bistand"
HUSHALL = "hushall_forsorjningsstod"
KOSTNAD = "bistand_kostnad"
# The indicators of the last tab, each with its chart's axis title.
LANGVARIGA = (
    ("hushall_langvarigt", "Hushåll"),
    ("barn_ej_bistand_andel", "Andel av kommunens barn"),
)
KALLKOLUMNER = ("dokument", "datum", "diarienummer", "avsnitt")
# The disagreement between the budget table and the text about the budget to date.
BUDGETKONFLIKT = "bistand_budget_hittills"


@dataclass(frozen=True)
class KostnadPerManad:
    diagram: Diagram | None  # None: no monthly cost at all, the page shows info instead
    info: str | None
    saknas: str | None  # the period's months without a figure, above the chart


@dataclass(frozen=True)
class Budgettexter:
    """The cost against the budget to date as the follow-up's text states it."""

    text: str | None  # the stated deviation (Markdown)
    varning: str | None  # the sources disagree about the budget to date
    info: str | None  # the deviation is stated, but for other months than the period's


@dataclass(frozen=True)
class MotBudget:
    diagram: Diagram | None  # None: no cumulative cost, the page shows info instead
    info: str | None
    budget_saknas: str | None  # no budget at all for the year, above the chart
    forklaring: str  # how the lines are computed, under the chart
    texter: Budgettexter


@dataclass(frozen=True)
class Helar:
    saknas: str | None  # forecast or budget missing, above the chart
    diagram: Diagram | None  # None: no full-year figure, the page shows info instead
    info: str | None
    avvikelse: str | None  # the forecast deviation against the budget (Markdown)


@dataclass(frozen=True)
class Medel:
    rubrik: str
    diagram: Diagram | None  # None: no mean for the period's months, the page shows info
    info: str | None


@dataclass(frozen=True)
class Hushall:
    diagram: Diagram | None  # None: no household figures, the page shows info instead
    info: str | None
    saknas: str | None  # the period's months without a figure, above the chart
    utan_mal: str | None  # no target for the year, above the chart
    medel: Medel


@dataclass(frozen=True)
class Indikatorruta:
    """One indicator of the last tab: its chart, or why there is none."""

    namn: str
    info: str | None
    diagram: Diagram | None


@dataclass(frozen=True)
class Langvarigt:
    rubrik: str
    rutor: tuple[Indikatorruta, ...]


@dataclass(frozen=True)
class EkonomisktBistandVy:
    kort: tuple[Kpi, ...]
    kostnad: KostnadPerManad
    mot_budget: MotBudget
    helar: Helar
    hushall: Hushall
    langvarigt: Langvarigt


def bygg(fraga: Fraga, period: Period) -> EkonomisktBistandVy:
    """Everything the page shows for the period."""
    kort = katalog.kort(OMRADE)
    indikatorer = fraga(
        "indikatorer_med_mal",
        ar=period.ar,
        indikatorer=list(dict.fromkeys((*kort, HUSHALL, *(i for i, _ in LANGVARIGA)))),
    )
    meta = {rad["indikator_id"]: rad for rad in indikatorer.iter_rows(named=True)}
    ar_med_data = fraga("perioder_med_data")["ar"].to_list()
    kostnad = _serie(fraga, KOSTNAD)
    helar = fraga("bistand_helar_per_ar")
    budgetrad = helar.filter((pl.col("ar") == period.ar) & (pl.col("slag") == "budget"))
    return EkonomisktBistandVy(
        kort=_kort(fraga, period, kort, indikatorer),
        kostnad=_kostnad_per_manad(kostnad, period),
        mot_budget=_mot_budget(fraga, period, kostnad, budgetrad),
        helar=_helar(fraga, period, helar, budgetrad),
        hushall=_hushall(fraga, period, meta[HUSHALL], ar_med_data),
        langvarigt=_langvarigt(fraga, period, meta, ar_med_data),
    )


def _serie(fraga: Fraga, indikator: str) -> pl.DataFrame:
    """The indicator's totals month by month, all years."""
    return fraga("serie_per_manad", indikator=indikator).filter(pl.col("dimension") == "")


def _saknade(df: pl.DataFrame, vad: str, period: Period) -> str | None:
    """Which of the period's months have no figure, instead of letting a gap pass as 0."""
    saknas = bistand.saknade_manader(df, period)
    if saknas:
        return f"ℹ️ {vad} {bistand.manadslista(saknas)} {period.ar}: {UPPGIFT_SAKNAS}."
    return None


def _kort(
    fraga: Fraga, period: Period, kort: tuple[str, ...], indikatorer: pl.DataFrame
) -> tuple[Kpi, ...]:
    # No sparklines here: the months are drawn in full right below, and four sparklines
    # (Vega charts) cost the browser about as much as one more chart on a period change.
    return tuple(
        bygg_kpier(
            list(kort),
            indikatorer,
            fraga("nyckeltal_for_period", **period.som_parametrar(), indikatorer=list(kort)),
            fraga(
                "nyckeltal_for_period", **period.jamforelse.som_parametrar(), indikatorer=list(kort)
            ),
            period,
        )
    )


def _manadsenheter(tabell: pl.DataFrame, enhet: str) -> dict[str, str]:
    return {"manad": "manad", **{k: enhet for k in tabell.columns if k != "manad"}}


def kostnadsdiagram(
    kostnad: pl.DataFrame, period: Period, *, nyckel: str, rubrik: str = "", alt: str = ""
) -> Diagram:
    """The net cost per month, a line per year, with its month-by-year table. The report and
    the presentation show the same chart (rapportinnehall.diagram_kostnad_per_manad)."""
    tabell = bistand.manadstabell(kostnad)
    return Diagram(
        bistand.kostnad_per_manad(kostnad, period),
        tabell,
        kalltext(kostnad),
        nyckel,
        enheter=_manadsenheter(tabell, "tkr"),
        rubriker={"manad": "Månad"},
        rubrik=rubrik,
        alt=alt,
    )


def _kostnad_per_manad(kostnad: pl.DataFrame, period: Period) -> KostnadPerManad:
    if kostnad.is_empty():
        return KostnadPerManad(None, f"Nettokostnad per månad: {UPPGIFT_SAKNAS}.", None)
    diagram = kostnadsdiagram(kostnad, period, nyckel="bistand_kostnad_per_manad")
    return KostnadPerManad(diagram, None, _saknade(kostnad, "Nettokostnad för", period))


def _mot_budget(
    fraga: Fraga, period: Period, kostnad: pl.DataFrame, budgetrad: pl.DataFrame
) -> MotBudget:
    """The cumulative cost against the budget to date."""
    ar = period.ar
    budget_helar = budgetrad["varde"][0] if budgetrad.height else None
    mot_budget = fraga("bistand_kostnad_mot_budget", ar=ar)
    ack = bistand.ackumulerad(kostnad)
    if ack.is_empty():
        return MotBudget(
            None,
            f"Ackumulerad nettokostnad: {UPPGIFT_SAKNAS}.",
            None,
            "",
            Budgettexter(None, None, None),
        )
    tabell = bistand.budgettabell(ack, ar, budget_helar, mot_budget)
    kallor = pl.concat([df.select(KALLKOLUMNER) for df in (kostnad, budgetrad, mot_budget)])
    diagram = Diagram(
        bistand.kostnad_mot_budget(ack, period, budget_helar, mot_budget),
        tabell,
        kalltext(kallor),
        "bistand_ackumulerad_mot_budget",
        enheter=_manadsenheter(tabell, "tkr"),
        rubriker=bistand.budgettabell_rubriker(tabell),
    )
    budget_saknas = (
        f"ℹ️ Budget för ekonomiskt bistånd {ar}: {UPPGIFT_SAKNAS} i handlingarna."
        if budget_helar is None and mot_budget.is_empty()
        else None
    )
    forklaring = "Den ackumulerade kostnaden är summan av månadsvärdena (beräknad). " + (
        f"Den streckade linjen är årsbudgeten {formatera(budget_helar, 'tkr')} "
        "fördelad jämnt över årets månader (beräknad), inte en uppgift i handlingarna."
        if budget_helar is not None
        else ""
    )
    return MotBudget(
        diagram,
        None,
        budget_saknas,
        forklaring,
        _budgettexter(fraga, period, mot_budget, budget_helar),
    )


def _budgettexter(
    fraga: Fraga, period: Period, mot_budget: pl.DataFrame, budget_helar: Decimal | None
) -> Budgettexter:
    """The stated cost against budget to date, and the sources' disagreement about it."""
    ar, till = period.ar, period.till_manad
    jan_till = manadsintervall(1, till)
    angiven = mot_budget.filter(pl.col("manad") == till)
    if not angiven.height:
        if mot_budget.is_empty():
            return Budgettexter(None, None, None)
        angivna = ", ".join(manadsintervall(1, m) for m in mot_budget["manad"].to_list())
        return Budgettexter(
            None,
            None,
            f"Kostnaden mot budget för {jan_till} {ar}: {UPPGIFT_SAKNAS}. "
            f"Handlingarna anger den för {angivna} {ar}.",
        )
    rad = angiven.row(0, named=True)
    avvikelse, budget_hittills, mot_fg = (
        rad["kostnad_mot_budget"],
        rad["budget_hittills"],
        rad["kostnad_mot_fg_ar"],
    )
    if avvikelse is None:
        text = f"Kostnaden mot budget {jan_till} {ar}: {UPPGIFT_SAKNAS}."
    else:
        riktning = "högre" if avvikelse > 0 else "lägre" if avvikelse < 0 else "lika hög"
        text = (
            f"Nettokostnaden {jan_till} {ar} är **{formatera(abs(avvikelse), 'tkr')} "
            f"{riktning}** än budgeten för samma period, "
            f"**{formatera(budget_hittills, 'tkr')}**."
        )
    if mot_fg is not None:
        text += (
            f" Jämfört med samma period {ar - 1} är den "
            f"{formatera(abs(mot_fg), 'tkr')} {'lägre' if mot_fg < 0 else 'högre'}."
        )
    return Budgettexter(
        text + " (Uppgifterna står i budgetuppföljningens text.)",
        _budgetkonflikt(fraga, period, budget_hittills, budget_helar),
        None,
    )


def _budgetkonflikt(
    fraga: Fraga, period: Period, visad: Decimal | None, budget_helar: Decimal | None
) -> str | None:
    """The warning when the budget table and the text disagree about the budget to date."""
    konflikt = fraga("kallkonflikter").filter(pl.col("konflikt_id") == BUDGETKONFLIKT)
    if not konflikt.height:
        return None
    k = konflikt.row(0, named=True)
    varden = [abs(v) for v in (k["varde_a"], k["varde_b"]) if v is not None]
    if visad not in varden or len(varden) != 2:
        return None
    ar, till = period.ar, period.till_manad
    annan = varden[1] if varden[0] == visad else varden[0]
    jamn = bistand.jamn_budget(budget_helar) if budget_helar is not None else None
    niotolft = (
        f", som är {till}/12 av årsbudgeten {formatera(budget_helar, 'tkr')}"
        if jamn is not None and visad == jamn[till - 1]
        else ""
    )
    return (
        f"Källorna säger olika om budgeten för {manadsintervall(1, till)} {ar}: tabellen "
        f"Verksamheternas nettokostnader anger {formatera(annan, 'tkr')}, texten "
        f"{formatera(visad, 'tkr')}. Diagrammet och avvikelsen ovan visar textens "
        f"{formatera(visad, 'tkr')}{niotolft}. Båda uppgifterna och motiveringen "
        "finns på sidan Källor och kvalitet."
    )


def _helar(fraga: Fraga, period: Period, helar: pl.DataFrame, budgetrad: pl.DataFrame) -> Helar:
    """The full-year outcome of earlier years, the year's forecast and budget."""
    ar, till = period.ar, period.till_manad
    prognos = fraga("prognos_for_period", ar=ar, till_manad=till).filter(
        pl.col("indikator_id") == KOSTNAD
    )
    rader = pl.concat(
        [
            helar.filter(
                ((pl.col("slag") == "bokslut") & (pl.col("ar") <= ar))
                | ((pl.col("slag") == "budget") & (pl.col("ar") == ar))
            ).select("ar", "slag", "varde", *KALLKOLUMNER),
            prognos.select(
                pl.lit(ar, dtype=pl.Int32).alias("ar"),
                pl.lit("prognos").alias("slag"),
                "varde",
                *KALLKOLUMNER,
            ),
        ]
    )
    saknas = []
    if prognos.is_empty():
        saknas.append(f"helårsprognos {ar} gjord senast i {manadsnamn(till)}")
    if budgetrad.is_empty():
        saknas.append(f"budget {ar}")
    saknas_text = f"ℹ️ {', '.join(saknas).capitalize()}: {UPPGIFT_SAKNAS}." if saknas else None
    if rader.is_empty():
        return Helar(
            saknas_text, None, f"Helårsuppgifter till och med {ar}: {UPPGIFT_SAKNAS}.", None
        )
    diagram = Diagram(
        bistand.helar_utfall_prognos_budget(rader, valt_ar=ar, jamforelsear=period.jamforelsear),
        pl.DataFrame(
            {
                "uppgift": [
                    bistand.helar_etikett(slag, a)
                    for a, slag in rader.select("ar", "slag").iter_rows()
                ],
                "varde": rader["varde"],
            }
        ),
        kalltext(rader),
        "bistand_helar",
        enheter={"varde": "tkr"},
        rubriker={"uppgift": "Uppgift", "varde": "Nettokostnad helår (tkr)"},
    )
    return Helar(saknas_text, diagram, None, _helarsavvikelse(fraga, period))


def _helarsavvikelse(fraga: Fraga, period: Period) -> str | None:
    verksamhet = fraga("budget_per_verksamhet", ar=period.ar, manad=period.till_manad).filter(
        pl.col("verksamhet") == "Ekonomiskt bistånd"
    )
    if not verksamhet.height or verksamhet["avvikelse"][0] is None:
        return None
    return (
        "Prognostiserad avvikelse mot budget för helåret: "
        f"**{formatera(verksamhet['avvikelse'][0], 'tkr')}** (minus är underskott; "
        "tabellen Verksamheternas nettokostnader i budgetuppföljningen)."
    )


def _hushall(fraga: Fraga, period: Period, mal: dict, ar_med_data: list[int]) -> Hushall:
    """Households with försörjningsstöd month by month, and their mean over the months."""
    hushall = fraga("hushall_per_manad_och_medel")
    manader = hushall.filter(pl.col("periodtyp") == "manad")
    medel = _medel(hushall.filter(pl.col("periodtyp") == "medel"), period, ar_med_data)
    if manader.is_empty():
        return Hushall(
            None,
            f"Hushåll med försörjningsstöd per månad: {UPPGIFT_SAKNAS}.",
            None,
            None,
            medel,
        )
    tabell = bistand.manadstabell(manader)
    diagram = Diagram(
        bistand.hushall_per_manad(manader, period, mal["malvarde"], mal["jamforelse"]),
        tabell,
        kalltext(manader),
        "hushall_per_manad",
        enheter=_manadsenheter(tabell, "antal"),
        rubriker={"manad": "Månad"},
    )
    utan_mal = (
        f"ℹ️ Inget mål för antalet hushåll {period.ar} i handlingarna."
        if mal["malvarde"] is None
        else None
    )
    return Hushall(diagram, None, _saknade(manader, "Antal hushåll för", period), utan_mal, medel)


def _medel(medel: pl.DataFrame, period: Period, ar_med_data: list[int]) -> Medel:
    """The mean January to the period's last month, per year (the papers state no others)."""
    jan_till = manadsintervall(1, period.till_manad)
    rubrik = f"Medel antal hushåll {jan_till}"
    medel_nu = medel.filter(pl.col("manad") == period.till_manad)
    if medel_nu.is_empty():
        angivna = ", ".join(sorted({manadsintervall(1, m) for m in medel["manad"].to_list()}))
        return Medel(
            rubrik,
            None,
            f"Medel {jan_till}: {UPPGIFT_SAKNAS}."
            + (f" Handlingarna anger medel för {angivna}." if angivna else ""),
        )
    diagram = Diagram(
        bistand.varde_per_ar(
            medel_nu,
            ar_med_data,
            "antal",
            "Hushåll, medel",
            period,
            beskrivning="genomsnittligt antal hushåll med försörjningsstöd per månad "
            f"{jan_till}, per år",
        ),
        bistand.artabell(medel_nu, ar_med_data),
        kalltext(medel_nu),
        "hushall_medel",
        enheter={"varde": "antal"},
        rubriker={"ar": "År", "varde": f"Medel {jan_till} (hushåll)"},
    )
    return Medel(rubrik, diagram, None)


def _langvarigt(
    fraga: Fraga, period: Period, meta: dict[str, dict], ar_med_data: list[int]
) -> Langvarigt:
    """Long-term households and children at the period's last month, year by year."""
    till = period.till_manad
    rutor = []
    for indikator, y_titel in LANGVARIGA:
        namn, enhet = meta[indikator]["namn"], meta[indikator]["enhet"]
        serie = _serie(fraga, indikator)
        vid_manad = serie.filter(pl.col("manad") == till)
        if vid_manad.is_empty():
            angivna = ", ".join(
                f"{manadsnamn(m)} {a}" for a, m in serie.select("ar", "manad").iter_rows()
            )
            info = f"{manadsnamn(till).capitalize()}: {UPPGIFT_SAKNAS} för alla år." + (
                f" Handlingarna anger {angivna}." if angivna else ""
            )
            rutor.append(Indikatorruta(namn, info, None))
            continue
        diagram = Diagram(
            bistand.varde_per_ar(
                vid_manad,
                ar_med_data,
                enhet,
                y_titel,
                period,
                beskrivning=f"{namn[0].lower()}{namn[1:]} i {manadsnamn(till)}, per år",
            ),
            bistand.artabell(vid_manad, ar_med_data),
            kalltext(vid_manad),
            indikator,
            enheter={"varde": enhet},
            rubriker={"ar": "År", "varde": f"{namn}, {manadsnamn(till)}"},
        )
        rutor.append(Indikatorruta(namn, None, diagram))
    return Langvarigt(f"Långvarigt bistånd och barn, {manadsnamn(till)} år för år", tuple(rutor))
