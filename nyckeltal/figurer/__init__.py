"""Shared look of every chart: Swedish numbers and months, colour-blind-safe colours per year.

Figure builders in this package are pure functions from frames to go.Figure (graph_objects,
not Plotly Express, which costs tens of milliseconds per chart). Pages render them with
st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG).
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

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


# Speed (see bench/): Plotly's update_layout/update_xaxes/update_yaxes run relayout bookkeeping
# that costs 1–10 ms a call, and assigning a template the ordinary way validates and copies all
# of it again, about 14 ms a figure. Charts are rebuilt on every rerun, so the helpers below set
# the same properties attribute by attribute (the same merge, a fraction of the cost) and the
# template the way Plotly sets its own default template: without validating it again. The
# figures' JSON is unchanged. Figure builders use satt_layout/satt_xaxlar/satt_yaxlar where
# they would call fig.update_layout/update_xaxes/update_yaxes.
_MALL = pio.templates["plotly_white"]


def _kapsla(egenskaper: dict) -> dict:
    """Plotly's magic underscores as nesting: {'title_text': 'x'} -> {'title': {'text': 'x'}}."""
    ut: dict = {}
    for namn, varde in egenskaper.items():
        *vag, sist = namn.split("_")
        mal = ut
        for del_ in vag:
            mal = mal.setdefault(del_, {})
        if isinstance(varde, dict):
            mal.setdefault(sist, {}).update(_kapsla(varde))
        else:
            mal[sist] = varde
    return ut


def _satt(objekt, egenskaper: dict) -> None:
    """Merge nested properties into a Plotly object, as update_layout(...) does."""
    for namn, varde in egenskaper.items():
        if isinstance(varde, dict):
            _satt(getattr(objekt, namn), varde)
        else:
            setattr(objekt, namn, varde)


def satt_layout(fig: go.Figure, **egenskaper) -> go.Figure:
    """fig.update_layout(**egenskaper), without its bookkeeping."""
    _satt(fig.layout, _kapsla(egenskaper))
    return fig


def satt_xaxlar(fig: go.Figure, **egenskaper) -> go.Figure:
    """fig.update_xaxes(**egenskaper), without its bookkeeping."""
    for axel in fig.select_xaxes():
        _satt(axel, _kapsla(egenskaper))
    return fig


def satt_yaxlar(fig: go.Figure, **egenskaper) -> go.Figure:
    """fig.update_yaxes(**egenskaper), without its bookkeeping."""
    for axel in fig.select_yaxes():
        _satt(axel, _kapsla(egenskaper))
    return fig


def _satt_mall(fig: go.Figure) -> None:
    """layout.template = plotly_white, a template Plotly has validated already."""
    layout = fig.layout
    if fig._allow_disable_validation:
        layout._validate = False
    try:
        layout.template = _MALL
    finally:
        layout._validate = fig._validate


def grundlayout(fig: go.Figure, y_titel: str = "", hojd: int = 360) -> go.Figure:
    """Swedish separators, readable font, legend above the plot, no wasted margins."""
    _satt_mall(fig)
    satt_layout(
        fig,
        separators=",\u00a0",
        height=hojd,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        font={"family": "Source Sans Pro, Arial, sans-serif", "size": 14},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hoverlabel={"font_size": 14},
    )
    return satt_yaxlar(fig, title_text=y_titel, tickformat=",~f")


def manadsaxel(fig: go.Figure) -> go.Figure:
    """A January–December axis with Swedish short month names (shared by year-over-year)."""
    return satt_xaxlar(
        fig,
        tickmode="array",
        tickvals=list(range(1, 13)),
        ticktext=list(KORTA_MANADER),
        range=[0.5, 12.5],
    )
