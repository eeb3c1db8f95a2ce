"""What the page Flyktingmottagning shows: how many refugees the municipality received against
its target, who they are, the newly arrived per category and month, and the money transferred
to the committees for them."""

from __future__ import annotations

from dataclasses import dataclass, replace

import polars as pl

from nyckeltal import katalog
from nyckeltal.figurer import flykting as figurer
from nyckeltal.format import formatera
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import Kpi, bygg_kpier
from nyckeltal.perioder import Period
from nyckeltal.vyer import Fraga
from nyckeltal.vyer.diagram import Diagram

OMRADE = "flykting"
MOTTAGNA = "mottagna_flyktingar"  # the figure with a target, drawn against it

# Page-specific cards after the area's key figures (katalog), with this page's names: the
# papers' January–September figures of query flykting_nyckeltal_for_period.
EGNA_KORT = (
    ("mottagna_flyktingar_kon", "Andel kvinnor bland mottagna"),
    ("flyktingar_over_19", "Mottagna över 19 år"),
    ("flyktingar_overfort_belopp", "Överförda medel (beräknad summa)"),
)


@dataclass(frozen=True)
class MottagnaMotMalet:
    diagram: Diagram | None  # None: no figure for either year
    malet: str  # the target's status in words, or that there is none


@dataclass(frozen=True)
class Fordelning:
    """Who was received, split one way (sex, age, country, years in school)."""

    rubrik: str
    diagram: Diagram | None  # None: no figures for the period
    om_perioden: str | None  # the source's caveat on the table's period, where it gives none


@dataclass(frozen=True)
class OverfordaMedel:
    diagram: Diagram | None  # None: no figures for the period
    summan: str | None  # how the card's sum was computed, under the chart


@dataclass(frozen=True)
class FlyktingmottagningVy:
    kort: tuple[Kpi, ...]
    saknas: str  # what a section without figures says
    mottagna: MottagnaMotMalet
    kon: Fordelning
    alder: Fordelning
    land: Fordelning
    skolar: Fordelning
    per_kategori: Diagram | None  # None: no monthly counts in the period
    overfort: OverfordaMedel


def bygg(fraga: Fraga, period: Period) -> FlyktingmottagningVy:
    """Everything the page shows for the period: KPI cards, charts with their tables and
    sources, and the texts around them."""
    omradets = list(katalog.kort(OMRADE))
    indikatorer = fraga(
        "indikatorer_med_mal",
        ar=period.ar,
        indikatorer=[*omradets, *(indikator for indikator, _ in EGNA_KORT)],
    )
    varden = fraga("nyckeltal_for_period", **period.som_parametrar(), indikatorer=omradets)
    jamforelse = fraga(
        "nyckeltal_for_period", **period.jamforelse.som_parametrar(), indikatorer=omradets
    )
    kort = (
        *bygg_kpier(omradets, indikatorer, varden, jamforelse, period),
        *_egna_kort(fraga, period, indikatorer),
    )
    kpi = {k.indikator_id: k for k in kort}
    fordelningar, fordelningar_jamforelse = _fordelningar(fraga, period)
    kon, alder, land, skolar = _vilka(
        fordelningar, fordelningar_jamforelse, period, kpi["flyktingar_over_19"]
    )
    return FlyktingmottagningVy(
        kort=kort,
        saknas=f"Uppgift saknas för {period.etikett}.",
        mottagna=_mottagna_mot_malet(fraga, period, indikatorer, varden, jamforelse, kpi[MOTTAGNA]),
        kon=kon,
        alder=alder,
        land=land,
        skolar=skolar,
        per_kategori=_per_kategori_och_manad(fraga, period),
        overfort=_overforda_medel(
            _ur(fordelningar, "flyktingar_overfort_belopp"),
            period,
            kpi["flyktingar_overfort_belopp"],
        ),
    )


def _egna_kort(fraga: Fraga, period: Period, indikatorer: pl.DataFrame) -> tuple[Kpi, ...]:
    egna = fraga("flykting_nyckeltal_for_period", **period.som_parametrar())
    egna_jamforelse = fraga("flykting_nyckeltal_for_period", **period.jamforelse.som_parametrar())
    kort = bygg_kpier(
        [indikator for indikator, _ in EGNA_KORT], indikatorer, egna, egna_jamforelse, period
    )
    return tuple(replace(kpi, namn=namn) for kpi, (_, namn) in zip(kort, EGNA_KORT))


def _mottagna_mot_malet(
    fraga: Fraga,
    period: Period,
    indikatorer: pl.DataFrame,
    varden: pl.DataFrame,
    jamforelse: pl.DataFrame,
    mottagna: Kpi,
) -> MottagnaMotMalet:
    indikatorer_jamforelsear = fraga(
        "indikatorer_med_mal", ar=period.jamforelsear, indikatorer=[MOTTAGNA]
    )
    mal = indikatorer.filter(pl.col("indikator_id") == MOTTAGNA).row(0, named=True)
    tabell = figurer.mottagna_per_ar(
        period, varden, jamforelse, indikatorer, indikatorer_jamforelsear
    )
    diagram = None
    if tabell["mottagna"].null_count() != tabell.height:
        diagram = Diagram(
            fig=figurer.mottagna_mot_mal(tabell, mal["malvarde"], mal["jamforelse"], period.ar),
            tabell=tabell.select("period", "mottagna", "mal"),
            kalla=kalltext(
                pl.concat([varden, jamforelse]).filter(pl.col("indikator_id") == MOTTAGNA)
            ),
            nyckel="flykting_mottagna_mot_mal",
            enheter={"mottagna": "antal"},
            rubriker={"period": "Period", "mottagna": "Mottagna flyktingar", "mal": "Mål"},
        )
    if mal["malvarde"] is None:
        malet = f"Inget mål för mottagna flyktingar {period.ar}."
    else:
        malet = (
            f"{mottagna.status.ikon} {mottagna.status.text}. Målet gäller "
            f"{mal['galler']} {period.ar}; staplarna visar {period.etikett} och "
            f"{period.jamforelseetikett}."
        )
    return MottagnaMotMalet(diagram, malet)


def _fordelningar(fraga: Fraga, period: Period) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The splits of the period, and of the comparison period the one that shows both years."""
    fordelningar = fraga(
        "flykting_fordelningar_for_period",
        **period.som_parametrar(),
        indikatorer=[
            "mottagna_flyktingar_kon",
            "flyktingar_alder",
            "flyktingar_ursprungsland",
            "flyktingar_skolar",
            "flyktingar_overfort_belopp",
        ],
    )
    jamforelse = fraga(
        "flykting_fordelningar_for_period",
        **period.jamforelse.som_parametrar(),
        indikatorer=["mottagna_flyktingar_kon"],  # only the split by sex shows both years
    )
    return fordelningar, jamforelse


def _ur(fordelningar: pl.DataFrame, indikator: str) -> pl.DataFrame:
    return fordelningar.filter(pl.col("indikator_id") == indikator).sort("ar", "ordning")


def _vilka(
    fordelningar: pl.DataFrame,
    fordelningar_jamforelse: pl.DataFrame,
    period: Period,
    over_19: Kpi,
) -> tuple[Fordelning, Fordelning, Fordelning, Fordelning]:
    """Who was received: by sex (both years), age, country and years in school."""
    antal_over_19 = formatera(over_19.varde, "antal") if over_19.varde is not None else None
    return (
        _fordelning(
            _ur(pl.concat([fordelningar, fordelningar_jamforelse]), "mottagna_flyktingar_kon"),
            period,
            "Kön",
            "flykting_kon",
            "Kön",
            f"andel kvinnor och män bland mottagna flyktingar, {period.etikett} och "
            f"{period.jamforelseetikett}",
        ),
        _fordelning(
            _ur(fordelningar, "flyktingar_alder"),
            period,
            "Ålder",
            "flykting_alder",
            "Åldersgrupp",
            f"andel mottagna flyktingar per åldersgrupp, {period.etikett}",
            liggande=True,
            periodlos=True,
        ),
        _fordelning(
            _ur(fordelningar, "flyktingar_ursprungsland"),
            period,
            "Ursprungsland",
            "flykting_ursprungsland",
            "Ursprungsland",
            f"andel mottagna flyktingar per ursprungsland, {period.etikett}",
            liggande=True,
            periodlos=True,
        ),
        _fordelning(
            _ur(fordelningar, "flyktingar_skolar"),
            period,
            "År i skolan, mottagna över 19 år"
            + (f" ({antal_over_19}\u00a0personer)" if antal_over_19 else ""),
            "flykting_skolar",
            "År i skolan",
            f"andel mottagna flyktingar över 19 år efter antal år i skolan, {period.etikett}",
            liggande=True,
        ),
    )


def _fordelning(
    df: pl.DataFrame,
    period: Period,
    rubrik: str,
    nyckel: str,
    kategori: str,
    beskrivning: str,
    *,
    liggande: bool = False,
    periodlos: bool = False,
) -> Fordelning:
    """Heading, chart (None for no data) and, for a table that gives no period of its own
    (periodlos), the source's caveat on it."""
    diagram = None
    if not df.is_empty():
        diagram = Diagram(
            fig=figurer.staplar_per_ar(
                df,
                "procent",
                liggande=liggande,
                axeltitel="Andel",
                valt_ar=period.ar,
                beskrivning=beskrivning,
            ),
            tabell=df.select("ar", "dimension", "varde"),
            kalla=kalltext(df),
            nyckel=nyckel,
            enheter={"varde": "procent"},
            rubriker={"ar": "År", "dimension": kategori, "varde": "Andel"},
        )
    anmarkning = _tabellanmarkning(df) if periodlos else None
    return Fordelning(rubrik, diagram, f"Om perioden: {anmarkning}" if anmarkning else None)


def _tabellanmarkning(df: pl.DataFrame) -> str | None:
    """The source's caveat on a whole table, which data/varden.csv records on the table's
    first row (later rows note single cells)."""
    return df["anmarkning"][0] if df.height else None


def _per_kategori_och_manad(fraga: Fraga, period: Period) -> Diagram | None:
    serie = fraga("serie_per_manad", indikator="flyktingar_per_kategori").filter(
        (pl.col("ar") == period.ar)
        & pl.col("manad").is_between(period.fran_manad, period.till_manad)
        & (pl.col("dimension") != "")
    )
    if serie.is_empty():
        return None
    per_manad = figurer.kategorier_per_manad_tabell(serie)
    kategorier = [k for k in per_manad.columns if k != "manad"]
    return Diagram(
        fig=figurer.per_kategori_och_manad(serie),
        tabell=per_manad,
        kalla=kalltext(serie),
        nyckel="flykting_per_kategori_och_manad",
        enheter={"manad": "manad", **{k: "antal" for k in kategorier}},
        rubriker={"manad": "Månad"},
    )


def _overforda_medel(overfort: pl.DataFrame, period: Period, summa: Kpi) -> OverfordaMedel:
    """Money transferred per category; summa: the card with their sum."""
    if overfort.is_empty():
        return OverfordaMedel(None, None)
    diagram = Diagram(
        fig=figurer.staplar_per_ar(
            overfort,
            "kr",
            liggande=True,
            axeltitel=f"kr, {period.etikett}",
            valt_ar=period.ar,
            beskrivning="medel överförda till berörda nämnder för nyanlända flyktingar "
            f"per kategori, {period.etikett}",
        ),
        tabell=figurer.overfort_tabell(overfort),
        kalla=kalltext(overfort),
        nyckel="flykting_overfort_per_kategori",
        enheter={"belopp_kr": "kr"},
        rubriker={"kategori": "Kategori", "belopp_kr": f"Överfört {period.etikett} (kr)"},
    )
    summan = (
        f"Summan {formatera(summa.varde, 'kr')} är beräknad här ur uppgifterna i "
        "handlingarna (summan av de fyra kategorierna); handlingarna anger bara "
        "kategorierna."
    )
    return OverfordaMedel(diagram, summan)
