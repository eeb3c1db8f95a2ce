"""Shared look of every chart: Swedish numbers and months, colour-blind-safe colours per year.

Figure builders in this package are pure functions from frames to go.Figure (graph_objects,
not Plotly Express, which costs tens of milliseconds per chart). Pages render them with
st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG).
"""

from __future__ import annotations

import plotly.graph_objects as go

from nyckeltal.format import DAGAR, KORTA_DAGAR, KORTA_MANADER, MANADER

# Paul Tol's colour-blind-safe qualitative palette (Plotly's "Safe"), in the order years take.
SAFE = (
    "#88CCEE",
    "#CC6677",
    "#DDCC77",
    "#117733",
    "#332288",
    "#AA4499",
    "#44AA99",
    "#999933",
    "#882255",
    "#661100",
    "#6699CC",
    "#888888",
)
_FORSTA_AR = 2016
GRA = "#888888"
BAS_FARG = "#332288"  # single-series bars and lines
POSITIV = "#117733"  # surplus / in the desired direction (always paired with a sign or label)
NEGATIV = "#882255"


def arsfarg(ar: int) -> str:
    """The same colour for a year in every chart: 2020 light blue, 2021 red, 2022 sand, …"""
    return SAFE[(ar - _FORSTA_AR + 8) % len(SAFE)]


PLOTLY_CONFIG = {
    "locale": "sv",
    "locales": {
        "sv": {
            "format": {
                "months": [m.capitalize() for m in MANADER],
                "shortMonths": list(KORTA_MANADER),
                "days": list(DAGAR),
                "shortDays": list(KORTA_DAGAR),
                "decimal": ",",
                "thousands": "\u00a0",
            }
        }
    },
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def grundlayout(fig: go.Figure, y_titel: str = "", hojd: int = 360) -> go.Figure:
    """Swedish separators, readable font, legend above the plot, no wasted margins."""
    fig.update_layout(
        separators=",\u00a0",
        template="plotly_white",
        height=hojd,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        font={"family": "Source Sans Pro, Arial, sans-serif", "size": 14},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hoverlabel={"font_size": 14},
    )
    fig.update_yaxes(title_text=y_titel, tickformat=",~f")
    return fig


def manadsaxel(fig: go.Figure) -> go.Figure:
    """A January–December axis with Swedish short month names (shared by year-over-year)."""
    fig.update_xaxes(
        tickmode="array",
        tickvals=list(range(1, 13)),
        ticktext=list(KORTA_MANADER),
        range=[0.5, 12.5],
    )
    return fig
