"""Charts and their tables for the page Ekonomiskt bistånd.

Pure functions from query frames to go.Figure (or to the table shown under a chart), so the
tests need no Streamlit. A year is drawn by its role (farger.arsstil): the period's year in the
strongest colour, thickest and with the largest markers, its comparison year next, other
years quieter; every style keeps 3:1 against white. A month without a value is None, never
0: lines break there (connectgaps=False) instead of inventing a trend. Each builder says what
its chart shows (beskrivning.beskriv) for the chart's accessible name.
"""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go
import polars as pl

from nyckeltal.figurer import (
    GRA,
    KONTUR,
    REFERENS,
    TEXT_SVAG,
    VIT,
    Arsstil,
    arsstil,
    genomskinlig,
    grundlayout,
    manadsaxel,
    satt_layout,
    satt_xaxlar,
    satt_yaxlar,
)
from nyckeltal.figurer.beskrivning import beskriv
from nyckeltal.format import MANADER, formatera, manadsintervall
from nyckeltal.perioder import Period

MANADER_1_12 = list(range(1, 13))
JAMN_BUDGET = "Budget fördelad jämnt över året (beräknad)"
BUDGET_ENLIGT_TEXTEN = "Budget hittills enligt texten"
SLAG = {"bokslut": "Utfall (bokslut)", "prognos": "Prognos", "budget": "Budget"}
_SLAG_KORT = {"bokslut": "Bokslut", "prognos": "Prognos", "budget": "Budget"}
_ENHET_I_HOVER = {"tkr": " tkr", "kr": " kr", "procent": " %", "antal": ""}


def _flyttal(varde) -> float | None:
    """Plotly cannot serialise Decimal; None stays None so a gap stays a gap."""
    return None if varde is None else float(varde)


def stil(ar: int, period: Period) -> Arsstil:
    """The year's style in a chart about the period (see farger.arsstil)."""
    return arsstil(ar, period.ar, period.jamforelsear)


def _totaler(df: pl.DataFrame) -> pl.DataFrame:
    """Rows of the indicator's total; serie_per_manad also returns dimension values."""
    return df.filter(pl.col("dimension") == "") if "dimension" in df.columns else df


def manadsvarden(df: pl.DataFrame, ar: int, kolumn: str = "varde") -> list[float | None]:
    """Twelve values, January to December, None where the year has no value."""
    # plain lists: a Polars filter or select per year and chart costs more than these few rows
    rader = zip(df["ar"].to_list(), df["manad"].to_list(), df[kolumn].to_list())
    per_manad = {m: v for a, m, v in rader if a == ar}
    return [_flyttal(per_manad.get(manad)) for manad in MANADER_1_12]


def saknade_manader(df: pl.DataFrame, period: Period) -> list[int]:
    """The months of the period for which the period's year has no value."""
    har = set(df.filter(pl.col("ar") == period.ar)["manad"].to_list())
    return [m for m in range(period.fran_manad, period.till_manad + 1) if m not in har]


def manadslista(manader: list[int]) -> str:
    """[1, 2, 3, 5, 6, 7] -> 'januari–mars, maj–juli'."""
    grupper: list[list[int]] = []
    for manad in sorted(manader):
        if grupper and grupper[-1][-1] == manad - 1:
            grupper[-1].append(manad)
        else:
            grupper.append([manad])
    return ", ".join(manadsintervall(g[0], g[-1]) for g in grupper)


def markera_period(fig: go.Figure, period: Period) -> go.Figure:
    """A light band over the period's months, so the year-over-year view shows the filter; its
    edges are dotted lines of 3:1 (the fill alone would be 1.1:1)."""
    # What add_vrect(..., annotation_position="top left") draws, without its axis
    # bookkeeping (about 6 ms a chart; see bench/). No shape opacity: it would fade the edges.
    x0 = period.fran_manad - 0.5
    fig.add_shape(
        type="rect",
        x0=x0,
        x1=period.till_manad + 0.5,
        xref="x",
        y0=0,
        y1=1,
        yref="y domain",
        fillcolor=genomskinlig(GRA, 0.1),
        line={"color": GRA, "width": 1, "dash": "dot"},
        layer="below",
    )
    fig.add_annotation(
        text="Vald period",
        x=x0,
        xref="x",
        xanchor="left",
        y=1,
        yref="y domain",
        yanchor="top",
        showarrow=False,
        font={"size": 12},
    )
    return fig


def _ar_i(df: pl.DataFrame) -> list[int]:
    return sorted(set(df["ar"].to_list()))


# --- Monthly cost, year over year ------------------------------------------------------------


def kostnad_per_manad(serie: pl.DataFrame, period: Period) -> go.Figure:
    """One line per year on a January–December axis: 'februari: 5 203 tkr'."""
    serie = _totaler(serie)
    fig = go.Figure()
    for ar in _ar_i(serie):
        arets = stil(ar, period)
        fig.add_scatter(
            x=MANADER_1_12,
            y=manadsvarden(serie, ar),
            name=str(ar),
            mode="lines+markers",
            connectgaps=False,
            line=arets.linje,
            marker=arets.markor(),
            legendrank=ar,
            customdata=list(MANADER),
            hovertemplate="%{customdata}: %{y:,.0f} tkr<extra>%{fullData.name}</extra>",
        )
    grundlayout(fig, "Nettokostnad per månad, tkr")
    manadsaxel(fig)
    beskriv(
        fig,
        "nettokostnad för ekonomiskt bistånd per månad",
        enhet="tkr",
        nyckelserie=str(period.ar),
        nyckelx=period.till_manad,
        manader=True,
    )
    return markera_period(fig, period)


def manadstabell(serie: pl.DataFrame, kolumn: str = "varde") -> pl.DataFrame:
    """Months as rows, one column per year ('2020', '2021', …), for the table and the CSV."""
    serie = _totaler(serie)
    if serie.is_empty():
        return pl.DataFrame({"manad": []}, schema={"manad": pl.Int32})
    bred = serie.select("ar", "manad", kolumn).pivot(
        on="ar", index="manad", values=kolumn, sort_columns=True
    )
    return bred.sort("manad")


# --- Cumulative cost against the budget to date ---------------------------------------------


def ackumulerad(serie: pl.DataFrame) -> pl.DataFrame:
    """Cumulative cost January..month per year, computed from the monthly values.

    Stops at the first missing month: a running total across a gap would understate it.
    """
    serie = _totaler(serie)
    rader = []
    for ar in _ar_i(serie):
        manader = serie.filter(pl.col("ar") == ar).sort("manad")
        summa, forvantad = Decimal(0), 1
        for manad, varde in manader.select("manad", "varde").iter_rows():
            if manad != forvantad:
                break
            summa += varde
            rader.append((ar, manad, summa))
            forvantad += 1
    return pl.DataFrame(
        rader,
        schema={"ar": pl.Int32, "manad": pl.Int32, "varde": pl.Decimal(18, 2)},
        orient="row",
    )


def jamn_budget(budget_helar: Decimal) -> list[Decimal]:
    """The full-year budget spread evenly: budget × month / 12 for January..December."""
    return [
        (Decimal(budget_helar) * manad / 12).quantize(Decimal("0.01")) for manad in MANADER_1_12
    ]


def kostnad_mot_budget(
    ack: pl.DataFrame,
    period: Period,
    budget_helar: Decimal | None,
    budget_hittills: pl.DataFrame,
) -> go.Figure:
    """Cumulative cost per year, the computed even budget line of the period's year and the
    budget to date that the text states (query bistand_kostnad_mot_budget)."""
    fig = go.Figure()
    for ar in _ar_i(ack):
        arets = stil(ar, period)
        fig.add_scatter(
            x=MANADER_1_12,
            y=manadsvarden(ack, ar),
            name=str(ar),
            mode="lines+markers",
            connectgaps=False,
            line=arets.linje,
            marker=arets.markor(0.8),
            legendrank=ar,
            customdata=[f"januari–{m}" if m != "januari" else m for m in MANADER],
            hovertemplate=(
                "%{customdata}: %{y:,.0f} tkr (ackumulerat, beräknat)"
                "<extra>%{fullData.name}</extra>"
            ),
        )
    if budget_helar is not None:
        fig.add_scatter(
            x=MANADER_1_12,
            y=[float(v) for v in jamn_budget(budget_helar)],
            name=JAMN_BUDGET,
            mode="lines",
            line={"color": REFERENS, "width": 2, "dash": "dash"},
            legendrank=5000,
            customdata=[f"januari–{m}" if m != "januari" else m for m in MANADER],
            hovertemplate=(
                "%{customdata}: %{y:,.0f} tkr<extra>" + JAMN_BUDGET + f" {period.ar}</extra>"
            ),
        )
    if not budget_hittills.is_empty():
        fig.add_scatter(
            x=budget_hittills["manad"].to_list(),
            y=[_flyttal(v) for v in budget_hittills["budget_hittills"].to_list()],
            name=BUDGET_ENLIGT_TEXTEN,
            mode="markers+text",
            marker={"color": REFERENS, "size": 13, "symbol": "diamond"},
            text=[formatera(v, "tkr") for v in budget_hittills["budget_hittills"].to_list()],
            textposition="middle right",
            legendrank=5001,
            customdata=[f"januari–{MANADER[m - 1]}" for m in budget_hittills["manad"].to_list()],
            hovertemplate=(
                "%{customdata}: %{y:,.0f} tkr<extra>"
                + BUDGET_ENLIGT_TEXTEN
                + f" {period.ar}</extra>"
            ),
        )
    grundlayout(fig, "Ackumulerad nettokostnad, tkr", hojd=400)
    manadsaxel(fig)
    satt_yaxlar(fig, rangemode="tozero")
    beskriv(
        fig,
        "ackumulerad nettokostnad för ekonomiskt bistånd per år, jämförd med budget",
        enhet="tkr",
        nyckelserie=str(period.ar),
        nyckelx=period.till_manad,
        manader=True,
    )
    return markera_period(fig, period)


def budgettabell(
    ack: pl.DataFrame,
    ar: int,
    budget_helar: Decimal | None,
    budget_hittills: pl.DataFrame,
) -> pl.DataFrame:
    """Months January..December: cumulative cost per year (computed), the even budget line
    (computed) and the budget to date the text states; None where there is no figure."""
    tabell = pl.DataFrame({"manad": MANADER_1_12}, schema={"manad": pl.Int32})
    for ar_ in _ar_i(ack):
        tabell = tabell.with_columns(
            pl.Series(f"ack_{ar_}", manadsvarden(ack, ar_), dtype=pl.Float64)
        )
    if budget_helar is not None:
        tabell = tabell.with_columns(
            pl.Series(f"jamn_budget_{ar}", [float(v) for v in jamn_budget(budget_helar)])
        )
    if not budget_hittills.is_empty():
        tabell = tabell.with_columns(
            pl.Series(
                f"budget_text_{ar}",
                manadsvarden(
                    budget_hittills.with_columns(pl.lit(ar).alias("ar")), ar, "budget_hittills"
                ),
                dtype=pl.Float64,
            )
        )
    return tabell


def budgettabell_rubriker(tabell: pl.DataFrame) -> dict[str, str]:
    """Swedish headers for budgettabell, saying which figures are computed."""
    rubriker = {"manad": "Månad"}
    for kolumn in tabell.columns:
        if kolumn.startswith("ack_"):
            rubriker[kolumn] = f"Ackumulerat {kolumn[4:]} (beräknat)"
        elif kolumn.startswith("jamn_budget_"):
            rubriker[kolumn] = f"Budget {kolumn[12:]} fördelad jämnt (beräknad)"
        elif kolumn.startswith("budget_text_"):
            rubriker[kolumn] = f"Budget hittills {kolumn[12:]} enligt texten"
    return rubriker


# --- Full-year outcome, forecast and budget --------------------------------------------------


def helar_etikett(slag: str, ar: int) -> str:
    return f"{_SLAG_KORT[slag]} {ar}"


def helar_utfall_prognos_budget(
    rader: pl.DataFrame, valt_ar: int | None = None, jamforelsear: int | None = None
) -> go.Figure:
    """Bars: outcome (bokslut) per year in the year's colour, the forecast hatched, the budget
    hollow, each named in the legend and labelled on the bar ('60 500 tkr').

    rader: columns ar, slag ('bokslut' | 'prognos' | 'budget'), varde. valt_ar: the period's
    year (default the latest year in rader), jamforelsear: its comparison year (default the
    year before).
    """
    ordning = {"bokslut": 0, "prognos": 1, "budget": 2}
    rader = rader.with_columns(
        pl.col("slag").replace_strict(ordning, return_dtype=pl.Int8).alias("_ordning")
    ).sort("_ordning", "ar")
    kategorier = [helar_etikett(s, a) for s, a in rader.select("slag", "ar").iter_rows()]
    if valt_ar is None:
        valt_ar = max(rader["ar"].to_list(), default=0)
    if jamforelsear is None:
        jamforelsear = valt_ar - 1
    fig = go.Figure()
    for slag in ordning:
        delar = rader.filter(pl.col("slag") == slag)
        if delar.is_empty():
            continue
        ar = delar["ar"].to_list()
        stilar = [arsstil(a, valt_ar, jamforelsear) for a in ar]
        kontur = {"color": KONTUR, "width": [s.konturbredd for s in stilar]}
        if slag == "bokslut":
            marker = {"color": [s.farg for s in stilar], "line": kontur}
        elif slag == "prognos":
            marker = {
                "color": [s.farg for s in stilar],
                "line": kontur,
                "pattern": {"shape": "/", "fgcolor": VIT, "solidity": 0.25},
            }
        else:
            # hollow: the outline carries the bar (12.6:1), the white inside means 'budget'
            marker = {"color": VIT, "line": {"color": REFERENS, "width": 2.5}}
        fig.add_bar(
            x=[helar_etikett(slag, a) for a in ar],
            y=[_flyttal(v) for v in delar["varde"].to_list()],
            name=SLAG[slag],
            marker=marker,
            text=[formatera(v, "tkr") for v in delar["varde"].to_list()],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y:,.0f} tkr<extra>%{fullData.name}</extra>",
        )
    grundlayout(fig, "Nettokostnad helår, tkr")
    # Keep the legend even with one kind of bar: it is what tells outcome from forecast.
    satt_layout(fig, barmode="overlay", showlegend=True)
    satt_xaxlar(fig, type="category", categoryorder="array", categoryarray=kategorier)
    satt_yaxlar(fig, rangemode="tozero")
    # the key figure: the year's forecast, else the latest outcome, else the budget
    slag_i_bild = rader["slag"].to_list()
    nyckel = next((s for s in ("prognos", "bokslut", "budget") if s in slag_i_bild), "bokslut")
    return beskriv(
        fig,
        "nettokostnad för ekonomiskt bistånd per helår: utfall, prognos och budget",
        enhet="tkr",
        nyckelserie=SLAG[nyckel],
    )


# --- Households ------------------------------------------------------------------------------


def hushall_per_manad(
    manader: pl.DataFrame,
    period: Period,
    malvarde: Decimal | None = None,
    jamforelse: str | None = None,
) -> go.Figure:
    """The months the papers give, per year, as markers on a January–December axis; a line
    only joins neighbouring months that both have a value. The target as a dashed line."""
    fig = go.Figure()
    for ar in _ar_i(manader):
        arets = stil(ar, period)
        fig.add_scatter(
            x=MANADER_1_12,
            y=manadsvarden(manader, ar),
            name=str(ar),
            mode="lines+markers",
            connectgaps=False,
            line=arets.linje,
            # large: most months stand alone, a marker without a line
            marker=arets.markor(1.5),
            legendrank=ar,
            customdata=list(MANADER),
            hovertemplate="%{customdata}: %{y:,.0f} hushåll<extra>%{fullData.name}</extra>",
        )
    if malvarde is not None and jamforelse is not None:
        namn = f"Mål: {jamforelse} {formatera(malvarde, 'antal')}"
        fig.add_scatter(
            x=[0.5, 12.5],
            y=[float(malvarde)] * 2,
            name=namn,
            mode="lines",
            line={"color": REFERENS, "width": 2, "dash": "dash"},
            legendrank=5000,
            hovertemplate=namn + f" hushåll per månad {period.ar}<extra></extra>",
        )
        fig.add_annotation(
            x=12.5,
            y=float(malvarde),
            text=namn,
            showarrow=False,
            xanchor="right",
            yanchor="bottom",
            font={"color": REFERENS, "size": 12},
        )
    grundlayout(fig, "Hushåll med försörjningsstöd")
    manadsaxel(fig)
    # Room around the extremes (the target included) so no marker is cut at the edge.
    alla = [float(v) for v in manader["varde"].to_list()]
    if malvarde is not None:
        alla.append(float(malvarde))
    if alla:
        marginal = max(10.0, (max(alla) - min(alla)) * 0.1)
        satt_yaxlar(fig, range=[min(alla) - marginal, max(alla) + marginal])
    beskriv(
        fig,
        "hushåll med försörjningsstöd per månad",
        enhetsord="hushåll",
        nyckelserie=str(period.ar),
        nyckelx=period.till_manad,
        manader=True,
    )
    return markera_period(fig, period)


def varde_per_ar(
    rader: pl.DataFrame,
    ar_lista: list[int],
    enhet: str,
    y_titel: str,
    period: Period,
    beskrivning: str | None = None,
) -> go.Figure:
    """Small bars, one per year in ar_lista, in the year's colour; a year without a value gets
    the words 'uppgift saknas' where its bar would stand, not a zero bar.

    rader: columns ar, varde (the years that have a value). beskrivning: what the chart shows,
    for its accessible name (default: y_titel per år).
    """
    per_ar = dict(zip(rader["ar"].to_list(), rader["varde"].to_list()))
    x = [str(a) for a in ar_lista]
    y = [_flyttal(per_ar.get(a)) for a in ar_lista]
    suffix = _ENHET_I_HOVER[enhet]
    stilar = [stil(a, period) for a in ar_lista]
    fig = go.Figure()
    fig.add_bar(
        x=x,
        y=y,
        name=y_titel,
        marker={
            "color": [s.farg for s in stilar],
            "line": {"color": KONTUR, "width": [s.konturbredd for s in stilar]},
        },
        text=[formatera(per_ar.get(a), enhet) if a in per_ar else "" for a in ar_lista],
        textposition="outside",
        cliponaxis=False,
        showlegend=False,
        hovertemplate="%{x}: %{y:,.0f}" + suffix + "<extra></extra>",
    )
    for plats, varde in enumerate(y):
        if varde is None:
            # A category axis reads a numeric-looking x ('2022') as a position, so give the
            # position itself.
            fig.add_annotation(
                x=plats,
                y=0,
                text="uppgift saknas",
                showarrow=False,
                yanchor="bottom",
                font={"color": TEXT_SVAG, "size": 12},
            )
    grundlayout(fig, y_titel, hojd=300)
    satt_xaxlar(fig, type="category", title_text="")
    if enhet == "procent":
        satt_yaxlar(fig, range=[0, 105], ticksuffix=" %")
    else:
        satt_yaxlar(fig, rangemode="tozero")
    return beskriv(
        fig,
        beskrivning or f"{y_titel[:1].lower()}{y_titel[1:]} per år",
        enhet=enhet,
        nyckelserie=y_titel,
        nyckelx=str(period.ar),
    )


def artabell(rader: pl.DataFrame, ar_lista: list[int]) -> pl.DataFrame:
    """One row per year in ar_lista (as text), its value or None: the table under a
    varde_per_ar chart, where a missing year reads 'uppgift saknas'."""
    per_ar = dict(zip(rader["ar"].to_list(), rader["varde"].to_list()))
    return pl.DataFrame(
        {"ar": [str(a) for a in ar_lista], "varde": [per_ar.get(a) for a in ar_lista]},
        schema={"ar": pl.String, "varde": pl.Decimal(18, 2)},
    )
