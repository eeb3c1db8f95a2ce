"""Accessibility of every chart (WCAG 2.1 AA): graphics that carry meaning at 3:1 against the
white plot, text at 4.5:1, the period's year the most prominent line whatever year it is, a
Swedish toolbar, and an accessible name that says what the chart shows and its key figure.

Every figure builder is called as its page calls it, on the seeded database (the committee's
papers of 27 October 2022). Expected ratios come from the WCAG definition, not from the code:
the known pairs below are the ones accessibility checkers publish."""

import re
from decimal import Decimal

import plotly.graph_objects as go
import polars as pl
import pytest

from nyckeltal import framskrivning, maltakt, sasong, totaler, volymanalys
from nyckeltal.figurer import (
    PLOTLY_CONFIG,
    arbetsmarknad,
    bistand,
    ekonomi,
    farger,
    flykting,
    kontrast,
    partnerskap,
)
from nyckeltal.figurer import (
    analys as figurer_analys,
)
from nyckeltal.figurer.beskrivning import alt_text
from nyckeltal.figurer.farger import relativ_luminans
from nyckeltal.perioder import Period

NBSP = "\u00a0"
SEP_2022 = Period(2022, 1, 9, 2021)
SEP_2021 = Period(2021, 1, 9, 2020)

# --- the contrast function against the WCAG 2.1 definition ----------------------------------


@pytest.mark.parametrize(
    "farg,bakgrund,kvot",
    [
        # the pair every checker quotes: #767676 is the lightest grey with 4.5:1 on white
        ("#767676", "#FFFFFF", 4.54),
        ("#777777", "#FFFFFF", 4.48),
        ("#000000", "#FFFFFF", 21.0),
        ("#FFFFFF", "#FFFFFF", 1.0),
        ("white", "#000", 21.0),
        # the order does not matter: (lighter + 0.05) / (darker + 0.05)
        ("#FFFFFF", "#767676", 4.54),
        # pure primaries: luminance 0.2126, 0.7152, 0.0722 by definition
        ("#FF0000", "#FFFFFF", 3.998),
        ("#0000FF", "#FFFFFF", 8.59),
        # the findings of the accessibility review: the old 2022 and 2020 colours
        ("#DDCC77", "#FFFFFF", 1.62),
        ("#88CCEE", "#FFFFFF", 1.76),
        ("#88CCEE", "#DDCC77", 1.09),
        # a translucent colour is seen blended over the background: 50 % black = #808080
        ("rgba(0,0,0,0.5)", "#FFFFFF", 3.95),
    ],
)
def test_kontrast_enligt_wcag(farg, bakgrund, kvot):
    assert kontrast(farg, bakgrund) == pytest.approx(kvot, abs=0.006)


def test_relativ_luminans_enligt_wcag():
    assert relativ_luminans("#FFFFFF") == 1.0
    assert relativ_luminans("#000000") == 0.0
    assert relativ_luminans("#FF0000") == pytest.approx(0.2126)
    assert relativ_luminans("#00FF00") == pytest.approx(0.7152)
    # sRGB 0x80 = 128/255 linearises to 0.2159 (the WCAG formula, not a straight line)
    assert relativ_luminans("#808080") == pytest.approx(0.2159, abs=1e-4)


def test_palettens_kontraster():
    # the ratios farger.py states, as the WCAG formula gives them for those hex values
    assert kontrast(farger.VALT_AR) == pytest.approx(9.62, abs=0.006)
    assert kontrast(farger.JAMFORELSEAR) == pytest.approx(4.56, abs=0.006)
    assert kontrast(farger.OVRIGT_AR) == pytest.approx(3.54, abs=0.006)
    # the period's year strongest, the comparison year next, every year at least 3:1
    assert kontrast(farger.VALT_AR) > kontrast(farger.JAMFORELSEAR) > kontrast(farger.OVRIGT_AR)
    assert kontrast(farger.OVRIGT_AR) >= 3
    # and the colours of two years are told apart without colour, so 3:1 between them is
    # not needed; what matters is that each stands out from the white plot
    for farg in (*farger.KATEGORIFARGER, farger.POSITIV, farger.NEGATIV, farger.GRA):
        assert kontrast(farg) >= 3, farg
    for text in (farger.TEXTFARG, farger.TEXT_SVAG, farger.REFERENS):
        assert kontrast(text) >= 4.5, text


# --- every chart as its page builds it ------------------------------------------------------


def _bistand(db, period: Period) -> dict[str, go.Figure]:
    ar, till = period.ar, period.till_manad
    kostnad = db.fraga("serie_per_manad", indikator="bistand_kostnad").filter(
        pl.col("dimension") == ""
    )
    helar = db.fraga("bistand_helar_per_ar")
    budgetrad = helar.filter((pl.col("ar") == ar) & (pl.col("slag") == "budget"))
    budget_helar = budgetrad["varde"][0] if budgetrad.height else None
    mot_budget = db.fraga("bistand_kostnad_mot_budget", ar=ar)
    prognos = db.fraga("prognos_for_period", ar=ar, till_manad=till).filter(
        pl.col("indikator_id") == "bistand_kostnad"
    )
    helarsrader = pl.concat(
        [
            helar.filter(
                ((pl.col("slag") == "bokslut") & (pl.col("ar") <= ar))
                | ((pl.col("slag") == "budget") & (pl.col("ar") == ar))
            ).select("ar", "slag", "varde"),
            prognos.select(
                pl.lit(ar, dtype=pl.Int32).alias("ar"), pl.lit("prognos").alias("slag"), "varde"
            ),
        ]
    )
    hushall = db.fraga("hushall_per_manad_och_medel")
    manader = hushall.filter(pl.col("periodtyp") == "manad")
    medel_nu = hushall.filter((pl.col("periodtyp") == "medel") & (pl.col("manad") == till))
    mal = db.fraga("indikatorer_med_mal", ar=ar, indikatorer=["hushall_forsorjningsstod"]).row(
        0, named=True
    )
    ar_med_data = db.fraga("perioder_med_data")["ar"].to_list()
    barn = db.fraga("serie_per_manad", indikator="barn_ej_bistand_andel").filter(
        (pl.col("dimension") == "") & (pl.col("manad") == till)
    )
    return {
        "bistand.kostnad_per_manad": bistand.kostnad_per_manad(kostnad, period),
        "bistand.kostnad_mot_budget": bistand.kostnad_mot_budget(
            bistand.ackumulerad(kostnad), period, budget_helar, mot_budget
        ),
        "bistand.helar_utfall_prognos_budget": bistand.helar_utfall_prognos_budget(
            helarsrader, ar, period.jamforelsear
        ),
        "bistand.hushall_per_manad": bistand.hushall_per_manad(
            manader, period, mal["malvarde"], mal["jamforelse"]
        ),
        "bistand.varde_per_ar (medel)": bistand.varde_per_ar(
            medel_nu, ar_med_data, "antal", "Hushåll, medel", period
        ),
        "bistand.varde_per_ar (procent)": bistand.varde_per_ar(
            barn, ar_med_data, "procent", "Andel av kommunens barn", period
        ),
    }


def _flykting(db, period: Period) -> dict[str, go.Figure]:
    parametrar, jamforelse = period.som_parametrar(), period.jamforelse.som_parametrar()
    mottagna = ["mottagna_flyktingar"]
    tabell = flykting.mottagna_per_ar(
        period,
        db.fraga("nyckeltal_for_period", **parametrar, indikatorer=mottagna),
        db.fraga("nyckeltal_for_period", **jamforelse, indikatorer=mottagna),
        db.fraga("indikatorer_med_mal", ar=period.ar, indikatorer=mottagna),
        db.fraga("indikatorer_med_mal", ar=period.jamforelsear, indikatorer=mottagna),
    )
    mal = db.fraga("indikatorer_med_mal", ar=period.ar, indikatorer=mottagna).row(0, named=True)
    indikatorer = ["mottagna_flyktingar_kon", "flyktingar_ursprungsland"]
    indikatorer += ["flyktingar_overfort_belopp"]
    fordelningar = pl.concat(
        [
            db.fraga("flykting_fordelningar_for_period", **parametrar, indikatorer=indikatorer),
            db.fraga(
                "flykting_fordelningar_for_period",
                **jamforelse,
                indikatorer=["mottagna_flyktingar_kon"],
            ),
        ]
    )

    def fordelning(indikator):
        return fordelningar.filter(pl.col("indikator_id") == indikator).sort("ar", "ordning")

    serie = db.fraga("serie_per_manad", indikator="flyktingar_per_kategori").filter(
        (pl.col("ar") == period.ar)
        & pl.col("manad").is_between(period.fran_manad, period.till_manad)
        & (pl.col("dimension") != "")
    )
    figurer = {
        "flykting.mottagna_mot_mal": flykting.mottagna_mot_mal(
            tabell, mal["malvarde"], mal["jamforelse"], period.ar
        ),
    }
    kon = fordelning("mottagna_flyktingar_kon")
    if not kon.is_empty():
        figurer["flykting.staplar_per_ar (kön)"] = flykting.staplar_per_ar(
            kon, "procent", axeltitel="Andel", valt_ar=period.ar
        )
    land = fordelning("flyktingar_ursprungsland")
    if not land.is_empty():
        figurer["flykting.staplar_per_ar (land)"] = flykting.staplar_per_ar(
            land, "procent", liggande=True, axeltitel="Andel"
        )
    overfort = fordelning("flyktingar_overfort_belopp")
    if not overfort.is_empty():
        figurer["flykting.staplar_per_ar (kr)"] = flykting.staplar_per_ar(
            overfort, "kr", liggande=True, axeltitel=f"kr, {period.etikett}"
        )
    if not serie.is_empty():
        figurer["flykting.per_kategori_och_manad"] = flykting.per_kategori_och_manad(serie)
    return figurer


def _arbetsmarknad(db, period: Period) -> dict[str, go.Figure]:
    figurer = {}
    former = db.fraga(
        "anstallningsformer_ar_mot_ar",
        ar=period.ar,
        jamforelsear=period.jamforelsear,
        manad=period.till_manad,
    )
    if not former.is_empty():
        figurer["arbetsmarknad.anstallningsformer"] = arbetsmarknad.anstallningsformer(
            former, period.ar, period.jamforelsear
        )
    belopp = arbetsmarknad.vaxla_belopp(
        db.fraga(
            "nyckeltal_for_period",
            **period.som_parametrar(),
            indikatorer=[arbetsmarknad.VAXLA_KOSTNAD, arbetsmarknad.VAXLA_MINSKAT_BISTAND],
        )
    )
    if not belopp.is_empty():
        figurer["arbetsmarknad.vaxla_vattenfall"] = arbetsmarknad.vaxla_vattenfall(belopp)
    return figurer


def _ekonomi_och_partnerskap(db) -> dict[str, go.Figure]:
    # the only follow-up in the papers is the one after September 2022
    perioder = db.fraga("partnerskap_tidslinje")
    return {
        "ekonomi.avvikelse_per_verksamhet": ekonomi.avvikelse_per_verksamhet(
            db.fraga("budget_per_verksamhet", ar=2022, manad=9)
        ),
        "ekonomi.evakueringsboende_ukraina": ekonomi.evakueringsboende_ukraina(
            db.fraga("ukraina_evakueringsboende", ar=2022, manad=9)
        ),
        "partnerskap.tidslinje": partnerskap.tidslinje(perioder.filter(pl.col("pa_tidslinjen"))),
    }


def _analys(db, period: Period) -> dict[str, go.Figure]:
    ar, till = period.ar, period.till_manad
    tot = totaler.Totaler(db.fraga("analys_totaler_till_och_med_ar", ar=ar))
    figurer = {}
    prognos = framskrivning.helarsprognos(tot, "bistand_kostnad", ar, till)
    if prognos.prognos is not None:
        serie = totaler.diagramserie(tot, "bistand_kostnad", ar)
        figurer["analys.prognosdiagram"] = figurer_analys.prognosdiagram(serie, prognos, period)
        figurer["analys.helarsjamforelse"] = figurer_analys.helarsjamforelse(prognos)
    band = sasong.sasongsband(tot, "bistand_kostnad", ar)
    if not band.filter(pl.col("lagst").is_not_null()).is_empty():
        figurer["analys.sasongsdiagram"] = figurer_analys.sasongsdiagram(
            band, ar, "tkr", "Nettokostnad per månad"
        )
    for uppdelning in volymanalys.volym_och_belopp(tot, period).uppdelningar[:1]:
        figurer["analys.volymdiagram"] = figurer_analys.volymdiagram(uppdelning)
    takter = maltakt.maltakter(tot, db.fraga("indikatorer_med_mal", ar=ar), period)
    for takt in takter:
        if takt.indikator_id == "hushall_forsorjningsstod" and takt.punkter:
            figurer["analys.maltaktdiagram"] = figurer_analys.maltaktdiagram(takt)
    return figurer


def alla_figurer(db, period: Period) -> dict[str, go.Figure]:
    return {
        **_bistand(db, period),
        **_flykting(db, period),
        **_arbetsmarknad(db, period),
        **_ekonomi_och_partnerskap(db),
        **_analys(db, period),
    }


BYGGARE = {
    "bistand.kostnad_per_manad",
    "bistand.kostnad_mot_budget",
    "bistand.helar_utfall_prognos_budget",
    "bistand.hushall_per_manad",
    "bistand.varde_per_ar (medel)",
    "bistand.varde_per_ar (procent)",
    "flykting.mottagna_mot_mal",
    "flykting.staplar_per_ar (kön)",
    "flykting.staplar_per_ar (land)",
    "flykting.staplar_per_ar (kr)",
    "flykting.per_kategori_och_manad",
    "arbetsmarknad.anstallningsformer",
    "arbetsmarknad.vaxla_vattenfall",
    "ekonomi.avvikelse_per_verksamhet",
    "ekonomi.evakueringsboende_ukraina",
    "partnerskap.tidslinje",
    "analys.prognosdiagram",
    "analys.helarsjamforelse",
    "analys.sasongsdiagram",
    "analys.volymdiagram",
    "analys.maltaktdiagram",
}


@pytest.fixture(scope="module")
def figurer_2022(db):
    return alla_figurer(db, SEP_2022)


@pytest.fixture(scope="module")
def figurer_2021(db):
    return alla_figurer(db, SEP_2021)


def test_alla_byggare_ar_med(figurer_2022):
    # a builder the seeded data cannot feed would slip through the checks below unseen
    assert set(figurer_2022) == BYGGARE


# --- contrast of everything drawn -----------------------------------------------------------


def _farger(varde) -> list[str]:
    if varde is None:
        return []
    if isinstance(varde, str):
        return [varde]
    return [f for f in varde if isinstance(f, str)]


def _bredder(varde) -> list[float]:
    if varde is None:
        return [0.0]  # not set: plotly_white's thin white separator, not an outline
    if isinstance(varde, (int, float)):
        return [float(varde)]
    return [float(b) for b in varde]


def grafikfarger(fig: go.Figure) -> list[tuple[str, str, str]]:
    """(trace, what, colour) of every line, marker, outline and bar that is drawn, measured
    against white. A bar or band may be lighter (a hollow budget bar, a light band) when its
    outline or edges are drawn in a colour of 3:1 and at least 1 px wide: then the outline is
    what is measured."""
    ut = []
    for t in fig.data:
        namn = t.name or t.type
        if t.type == "scatter":
            bredd = 2 if t.line.width is None else t.line.width  # Plotly's default is 2
            linje_syns = "lines" in (t.mode or "lines") and bredd > 0
            if linje_syns:
                ut += [(namn, "linje", f) for f in _farger(t.line.color)]
            if "markers" in (t.mode or ""):
                ut += [(namn, "markör", f) for f in _farger(t.marker.color)]
                if t.marker.line.color is not None and min(_bredder(t.marker.line.width)) > 0:
                    ut += [(namn, "markörens kant", f) for f in _farger(t.marker.line.color)]
            if t.fill not in (None, "none"):
                # a light band is allowed when its edges are drawn at 3:1
                assert linje_syns and bredd >= 1, (namn, "bandets kanter")
            if t.error_x is not None and t.error_x.array is not None:
                ut += [(namn, "felstapel", f) for f in _farger(t.error_x.color)]
        elif t.type == "bar":
            kant = _farger(t.marker.line.color)
            kant_syns = kant and min(_bredder(t.marker.line.width)) >= 1
            fyllning = _farger(t.marker.color)
            if kant_syns:
                ut += [(namn, "stapelns kant", f) for f in kant]
                # a fill lighter than 3:1 is fine inside a drawn outline (hollow budget bar)
                fyllning = [f for f in fyllning if kontrast(f) >= 3]
            ut += [(namn, "stapel", f) for f in fyllning]
            if t.marker.pattern.shape:
                # hatching is drawn on the bar's own colour, not on white
                for f in fyllning:
                    assert kontrast(t.marker.pattern.fgcolor, f) >= 3, (namn, "mönster")
        elif t.type == "waterfall":
            for slag in ("increasing", "decreasing", "totals"):
                ut += [(namn, slag, f) for f in _farger(getattr(t, slag).marker.color)]
            ut += [(namn, "förbindelse", f) for f in _farger(t.connector.line.color)]
        else:  # pragma: no cover - a new kind of trace must be added here
            raise AssertionError(f"okänd spårtyp {t.type}")
    for form in fig.layout.shapes:
        if form.line.width is None or form.line.width > 0:
            ut += [("form", "linje", f) for f in _farger(form.line.color)]
    return ut


def test_grafik_har_minst_3_till_1_mot_vitt(figurer_2022, figurer_2021):
    for figurer in (figurer_2022, figurer_2021):
        for namn, fig in figurer.items():
            assert fig.layout.template.layout.plot_bgcolor == "white"
            ritat = grafikfarger(fig)
            assert ritat, namn
            for spar, vad, farg in ritat:
                assert kontrast(farg) >= 3, (namn, spar, vad, farg, round(kontrast(farg), 2))


def test_text_har_minst_4_5_till_1(figurer_2022):
    for namn, fig in figurer_2022.items():
        textfarger = [fig.layout.template.layout.font.color, fig.layout.hoverlabel.font.color]
        textfarger += [a.font.color for a in fig.layout.annotations if a.font.color]
        for t in fig.data:
            if "outsidetextfont" in t and t.outsidetextfont.color:
                textfarger.append(t.outsidetextfont.color)
        for farg in textfarger:
            assert kontrast(farg) >= 4.5, (namn, farg)
        # hover boxes are white with that dark text, whatever the series' colour
        assert fig.layout.hoverlabel.bgcolor == "white", namn
        for t in fig.data:
            if t.type == "waterfall" and t.insidetextfont.color:
                for slag in ("increasing", "decreasing"):
                    bakgrund = getattr(t, slag).marker.color
                    assert kontrast(t.insidetextfont.color, bakgrund) >= 4.5, (namn, slag)


# --- the period's year is the most prominent ------------------------------------------------


def _arsspar(fig: go.Figure) -> dict[str, object]:
    return {t.name[:4]: t for t in fig.data if t.name and re.fullmatch(r"\d{4}.*", t.name)}


def _linjestyrka(t) -> tuple[float, float]:
    return (t.line.width, kontrast(t.line.color))


def _stapelstyrka(t) -> tuple[float, float]:
    return (max(_bredder(t.marker.line.width)), kontrast(t.marker.color))


@pytest.mark.parametrize("period", [SEP_2022, SEP_2021, Period(2020, 1, 4, 2021)])
def test_periodens_ar_ar_tydligast_vilket_ar_det_an_ar(db, period):
    figurer = alla_figurer(db, period)
    valt, jamforelse = str(period.ar), str(period.jamforelsear)
    linjer = ["bistand.kostnad_per_manad", "bistand.kostnad_mot_budget"]
    linjer += ["bistand.hushall_per_manad"]
    linjer += ["analys.prognosdiagram"] if "analys.prognosdiagram" in figurer else []
    for namn in linjer:
        ar = _arsspar(figurer[namn])
        assert valt in ar and len(ar) >= 2, namn
        styrka = {a: _linjestyrka(t) for a, t in ar.items()}
        for annat, (bredd, kvot) in styrka.items():
            if annat != valt:
                # thicker line and stronger colour than any other year
                assert styrka[valt][0] > bredd and styrka[valt][1] > kvot, (namn, annat)
        # markers: the largest for the period's year
        storlek = {a: t.marker.size for a, t in ar.items()}
        assert storlek[valt] == max(storlek.values()), namn
        # the comparison year next, other years quieter
        if jamforelse in styrka:
            for annat, (bredd, kvot) in styrka.items():
                if annat not in (valt, jamforelse):
                    assert styrka[jamforelse] > (bredd, kvot), (namn, annat)
        # and never by colour alone: each year has its own width, dash or marker
        stilar = {(t.line.width, t.line.dash, t.marker.symbol) for t in ar.values()}
        assert len(stilar) == len(ar), namn
    staplar = ["flykting.mottagna_mot_mal", "arbetsmarknad.anstallningsformer"]
    for namn in staplar:
        if namn not in figurer:
            continue
        ar = _arsspar(figurer[namn])
        styrka = {a: _stapelstyrka(t) for a, t in ar.items()}
        for annat, (kant, kvot) in styrka.items():
            if annat != valt:
                assert styrka[valt][0] > kant and styrka[valt][1] > kvot, (namn, annat)
    (bars,) = figurer["bistand.varde_per_ar (medel)"].data
    plats = list(bars.x).index(valt)
    assert bars.marker.line.width[plats] == max(bars.marker.line.width)
    assert kontrast(bars.marker.color[plats]) == max(kontrast(f) for f in bars.marker.color)


# --- the toolbar in Swedish -----------------------------------------------------------------

# The titles plotly.js gives the buttons of a 2D chart's modebar (src/components/modebar/
# buttons.js: toImage with format png, zoom2d, pan2d, select2d, lasso2d, zoomIn2d, zoomOut2d,
# autoScale2d, resetScale2d; the hover and spike buttons a user can switch on; the logo), and
# the notices shown while zooming or clicking the legend.
MODEBAR_ENGELSKA = [
    "Download plot as a PNG",
    "Download plot",
    "Zoom",
    "Pan",
    "Box Select",
    "Lasso Select",
    "Zoom in",
    "Zoom out",
    "Autoscale",
    "Reset axes",
    "Toggle Spike Lines",
    "Show closest data on hover",
    "Compare data on hover",
    "Toggle show closest data on hover",
    "Produced with Plotly.js",
    "Double-click to zoom back out",
    "Double-click on legend to isolate one trace",
    "trace",
]


def test_verktygsfaltet_ar_pa_svenska():
    assert PLOTLY_CONFIG["locale"] == "sv"
    svenska = PLOTLY_CONFIG["locales"]["sv"]
    ordlista = svenska["dictionary"]
    saknas = [text for text in MODEBAR_ENGELSKA if text not in ordlista]
    assert not saknas
    for engelska, oversatt in ordlista.items():
        assert oversatt and oversatt != engelska, engelska
    assert ordlista["Download plot as a PNG"].startswith("Ladda ned")
    assert ordlista["Reset axes"] == "Återställ axlar"
    # the number format beside it stays
    assert svenska["format"]["decimal"] == "," and svenska["format"]["thousands"] == NBSP


# --- the accessible name --------------------------------------------------------------------

# What each chart's text must hold: words of what it shows and its key figure, with numbers
# written the Swedish way (no-break space between thousands, U+2212 for minus). The figures
# are the papers' (27 October 2022).
ALT_INNEHALL = {
    "bistand.kostnad_per_manad": [
        "nettokostnad",
        "2020–2022",
        f"September 2022: 4{NBSP}815{NBSP}tkr",
    ],
    "bistand.kostnad_mot_budget": ["ackumulerad", f"September 2022: 44{NBSP}923{NBSP}tkr"],
    "bistand.helar_utfall_prognos_budget": ["helår", f"Prognos 2022: 60{NBSP}500{NBSP}tkr"],
    "bistand.hushall_per_manad": ["hushåll", f"September 2022: 648{NBSP}hushåll"],
    "bistand.varde_per_ar (medel)": ["hushåll, medel"],
    "bistand.varde_per_ar (procent)": ["andel av kommunens barn", "2022: "],
    "flykting.mottagna_mot_mal": ["mottagna flyktingar", "januari–september 2022: "],
    "flykting.staplar_per_ar (kön)": ["andel", "Störst 2022: "],
    "flykting.staplar_per_ar (land)": ["Afghanistan", f"Störst 2022: Afghanistan, 27{NBSP}%"],
    "flykting.staplar_per_ar (kr)": ["kr"],
    "flykting.per_kategori_och_manad": ["nyanlända", "September 2022: ", "personer"],
    "arbetsmarknad.anstallningsformer": ["anställningsform", "Störst 2022: "],
    "arbetsmarknad.vaxla_vattenfall": [
        "växla bidrag mot lön",
        f"Nettokostnad (beräknad): 894{NBSP}242{NBSP}kr",
    ],
    "ekonomi.avvikelse_per_verksamhet": [
        "avvikelse mot budget",
        f"Nämnden totalt: \u22126{NBSP}000{NBSP}tkr",
    ],
    "ekonomi.evakueringsboende_ukraina": [
        "Ukraina",
        f"Prognos enligt handlingarna: \u22126{NBSP}000{NBSP}tkr",
    ],
    "partnerskap.tidslinje": ["Tidslinje", "partnerskap", "från 2014 till 2025"],
    "analys.prognosdiagram": [
        "framskrivning",
        f"Framskrivning 2022 (beräknad): 60{NBSP}488{NBSP}tkr",
        f"September 2022: 44{NBSP}923{NBSP}tkr",
    ],
    "analys.helarsjamforelse": ["helår", f"Framskrivning 2022 (beräknad): 60{NBSP}488{NBSP}tkr"],
    "analys.sasongsdiagram": ["spannet", f"September 2022: 4{NBSP}815{NBSP}tkr"],
    "analys.volymdiagram": ["hushåll", f"Kostnad 2022: 4{NBSP}815{NBSP}tkr"],
    "analys.maltaktdiagram": ["målet", "September 2022: 648"],
}

# A number as nyckeltal.format writes it: groups of three after a no-break space, a decimal
# comma, U+2212 for minus; never '4,815', '4 815' with a plain space, '4815.0' or '-6'.
SVENSKT_TAL = re.compile(r"(?<![\d,.])\u2212?\d{1,3}(?:\u00a0\d{3})*(?:,\d+)?(?!\d|\.\d)")
ENGELSKT = re.compile(
    r"\b(trace|undefined|None|nan|null|NaN|the|and|of|chart|value|total|bar|line)\b"
    r"|\d,\d{3}\b|\d\.\d|(?<![\w\u2212])-\d|\d \d{3}\b"
)


def test_alt_text_sager_vad_diagrammet_visar_och_dess_nyckeltal(figurer_2022):
    assert set(ALT_INNEHALL) == BYGGARE
    for namn, fig in figurer_2022.items():
        text = alt_text(fig)
        assert text and text.endswith("."), namn
        assert fig.layout.meta["beskrivning"] in text, namn
        for del_ in ALT_INNEHALL[namn]:
            assert del_.lower() in text.lower() if del_.islower() else del_ in text, (namn, text)
        # at least one number besides the years, written the Swedish way
        tal = [t for t in SVENSKT_TAL.findall(text) if not re.fullmatch(r"(19|20)\d\d", t)]
        assert tal, (namn, text)
        assert not ENGELSKT.search(text), (namn, text, ENGELSKT.search(text))
        assert "<" not in text and ">" not in text, (namn, text)  # no HTML from labels


def test_alt_text_foljer_det_valda_aret(figurer_2021):
    text = alt_text(figurer_2021["bistand.kostnad_per_manad"])
    assert f"September 2021: 5{NBSP}084{NBSP}tkr" in text


def test_alt_text_for_en_period_utan_varde_sager_uppgift_saknas():
    rader = pl.DataFrame({"ar": [2020, 2021], "varde": [Decimal(436), Decimal(436)]})
    fig = bistand.varde_per_ar(
        rader, [2020, 2021, 2022], "antal", "Hushåll", Period(2022, 1, 4, 2021)
    )
    assert alt_text(fig) == "Stapeldiagram: hushåll per år, 2020–2022. 2022: uppgift saknas."


def test_projektorn_behaller_beskrivningen(figurer_2022):
    for namn in ("analys.helarsjamforelse", "analys.prognosdiagram", "analys.maltaktdiagram"):
        fig = go.Figure(figurer_2022[namn])
        fore = alt_text(fig)
        projektor = figurer_analys.for_projektor(fig)
        assert projektor.layout.font.size == 20
        assert alt_text(projektor) == fore


def test_alt_text_utan_beskrivning_och_utan_data():
    assert alt_text(go.Figure()) == "Diagram. Uppgift saknas."
    tom = partnerskap.tidslinje(
        pl.DataFrame(
            schema={
                "namn": pl.String,
                "typ": pl.String,
                "status": pl.String,
                "period_start": pl.Date,
                "period_slut": pl.Date,
            }
        )
    )
    assert alt_text(tom).endswith("Inga partnerskap eller projekt med angiven period.")
