"""The small month line in a KPI card: the year so far, month by month.

st.metric draws its own sparkline with Vega, which screen readers hear as "x: 0; y: 4814"
and which has no text alternative (axe: svg-img-alt). This is a static Plotly line with the
chart's accessible name (beskrivning.alt_text) instead."""

from __future__ import annotations

import plotly.graph_objects as go

from nyckeltal.figurer import farger, grundlayout, satt_layout, satt_xaxlar, satt_yaxlar
from nyckeltal.figurer.beskrivning import beskriv
from nyckeltal.format import KORTA_MANADER

HOJD = 64  # px, about the height of st.metric's own sparkline


def sparkline(varden: tuple[float, ...], namn: str, enhet: str, ar: int) -> go.Figure:
    """Month 1..n of year ar; the last month is marked, as st.metric marks it."""
    manader = list(range(1, len(varden) + 1))
    fig = go.Figure(
        go.Scatter(
            x=manader,
            y=list(varden),
            name=str(ar),
            mode="lines+markers",
            line={"color": farger.VALT_AR, "width": 2},
            marker={"size": [0] * (len(varden) - 1) + [7], "color": farger.VALT_AR},
            hoverinfo="skip",
        )
    )
    grundlayout(fig, hojd=HOJD)
    satt_layout(fig, margin={"l": 2, "r": 6, "t": 4, "b": 2}, showlegend=False)
    satt_xaxlar(fig, visible=False, range=[0.7, max(len(varden), 1) + 0.3])
    satt_yaxlar(fig, visible=False)
    return beskriv(
        fig,
        f"{namn.lower()} per månad {KORTA_MANADER[0]}–{KORTA_MANADER[len(varden) - 1]} {ar}",
        enhet=enhet,
        nyckelserie=str(ar),
        manader=True,
        ar=ar,
    )
