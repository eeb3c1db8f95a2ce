"""Ekonomi charts: waterfalls whose bars add up to the result the papers state.

Signs as in the budget follow-up: plus is a surplus (or an income), minus a deficit (or a
cost). Every bar carries its signed amount as a text label, so the colour (POSITIV for plus,
NEGATIV for minus) is never the only cue. Each builder says what its chart shows
(beskrivning.beskriv).
"""

from __future__ import annotations

import textwrap
from decimal import Decimal

import plotly.graph_objects as go
import polars as pl

from nyckeltal.figurer import (
    GRA,
    NEGATIV,
    POSITIV,
    TEXTFARG,
    VIT,
    grundlayout,
    satt_layout,
    satt_xaxlar,
    satt_yaxlar,
)
from nyckeltal.figurer.beskrivning import beskriv
from nyckeltal.format import formatera


def tecken_text(varde, enhet: str = "tkr") -> str:
    """A signed amount for a label: '+1 000 tkr', '−3 000 tkr', '±0 tkr'."""
    if varde is None:
        return formatera(None, enhet)
    d = Decimal(str(varde))
    tecken = "+" if d > 0 else "±" if d == 0 else ""
    return tecken + formatera(d, enhet)


def radbryt(text: str, bredd: int = 24) -> str:
    """Long category names over several lines, so the labels leave room for the bars on a
    tablet."""
    return "<br>".join(textwrap.wrap(text, bredd)) or text


def tecken_farg(varde) -> str:
    d = Decimal(str(varde))
    return POSITIV if d > 0 else NEGATIV if d < 0 else GRA


def vattenfall(
    poster: list[tuple[str, Decimal]],
    resultat_namn: str,
    angivet_resultat: Decimal,
    x_titel: str = "tkr",
    beskrivning: str | None = None,
) -> go.Figure:
    """A horizontal waterfall: one bar per item, then the stated result. beskrivning: what
    the chart shows, for its accessible name (default: the items and the result's name).

    When the items add up to the stated result the last bar is a 'total' (Plotly sums the
    items); when they do not, it is an 'absolute' bar at the stated figure, so the chart
    shows what the papers say and never a sum they do not state. The page notes the gap.
    """
    summa = sum((Decimal(str(v)) for _, v in poster), Decimal(0))
    stammer = summa == Decimal(str(angivet_resultat))
    namn = [n for n, _ in poster] + [resultat_namn]
    varden = [float(v) for _, v in poster] + [float(angivet_resultat)]
    texter = [tecken_text(v) for _, v in poster] + [tecken_text(angivet_resultat)]
    slag = ["post"] * len(poster) + ["summa av posterna" if stammer else "angivet resultat"]
    fig = go.Figure(
        go.Waterfall(
            orientation="h",
            measure=["relative"] * len(poster) + ["total" if stammer else "absolute"],
            y=[radbryt(n) for n in namn],
            x=varden,
            text=texter,
            # inside a bar wide enough, beside it otherwise, so labels do not run into the
            # category names on a narrow chart; a zero has no bar, its '±0' stands beside it
            textposition=["outside" if v == 0 else "auto" for v in varden],
            # white on POSITIV 5.66:1, on NEGATIV 8.73:1; a zero (GRA) stands outside
            insidetextfont={"color": VIT},
            outsidetextfont={"color": TEXTFARG},
            cliponaxis=False,
            customdata=list(zip(texter, slag)),
            hovertemplate="%{y}<br>%{customdata[0]} (%{customdata[1]})<extra></extra>",
            increasing={"marker": {"color": POSITIV}},
            decreasing={"marker": {"color": NEGATIV}},
            totals={"marker": {"color": tecken_farg(angivet_resultat)}},
            connector={"line": {"color": GRA, "width": 1, "dash": "dot"}},
            name=resultat_namn,
            showlegend=False,
        )
    )
    grundlayout(fig, hojd=120 + 40 * len(namn))
    # room on both sides for the outside labels of the longest bars
    spann = max(abs(v) for v in _lopande(varden)) or 1
    lagst, hogst = min(_lopande(varden) + [0]), max(_lopande(varden) + [0])
    satt_layout(fig, margin={"l": 10, "r": 10, "t": 10, "b": 10})
    satt_yaxlar(fig, autorange="reversed", automargin=True, title_text="", tickformat="")
    satt_xaxlar(
        fig,
        title_text=x_titel,
        tickformat=",~f",
        zeroline=True,
        zerolinecolor=GRA,
        range=[lagst - 0.5 * spann, hogst + 0.5 * spann],
    )
    return beskriv(
        fig,
        beskrivning or f"poster som tillsammans ger {resultat_namn[:1].lower()}{resultat_namn[1:]}",
        enhet="tkr",
    )


def _lopande(varden: list[float]) -> list[float]:
    """The running totals the bars reach (the last value is a result, not an item)."""
    ut, summa = [], 0.0
    for v in varden[:-1]:
        summa += v
        ut.append(summa)
    ut.append(varden[-1])
    return ut


def avvikelse_per_verksamhet(budget: pl.DataFrame) -> go.Figure:
    """The forecast deviation of each verksamhet adding up to the committee's total.

    budget: query budget_per_verksamhet (rows, then the row Summa with ar_summa = true).
    """
    rader = budget.filter(~pl.col("ar_summa"))
    summa = budget.filter(pl.col("ar_summa"))["avvikelse"][0]
    return vattenfall(
        list(zip(rader["verksamhet"].to_list(), rader["avvikelse"].to_list())),
        "Nämnden totalt",
        summa,
        x_titel="Avvikelse mot budget för helåret, tkr",
        beskrivning="prognostiserad avvikelse mot budget för helåret per verksamhet, "
        "som tillsammans ger nämndens avvikelse",
    )


def evakueringsboende_ukraina(poster: pl.DataFrame) -> go.Figure:
    """Income and costs of the evacuation housing, then the stated forecast result.

    poster: query ukraina_evakueringsboende (items, then the row with ar_resultat = true).
    """
    delar = poster.filter(~pl.col("ar_resultat"))
    resultat = poster.filter(pl.col("ar_resultat"))["varde"][0]
    return vattenfall(
        list(zip(delar["post"].to_list(), delar["varde"].to_list())),
        "Prognos enligt handlingarna",
        resultat,
        x_titel="tkr (plus = intäkt, minus = kostnad)",
        beskrivning="intäkter och kostnader för evakueringsboendet för flyktingar från "
        "Ukraina och det prognostiserade resultatet",
    )
