"""Shared look of every chart: Swedish numbers, months and toolbar, accessible colours.

Figure builders in this package are pure functions from frames to go.Figure (graph_objects,
not Plotly Express, which costs tens of milliseconds per chart). Pages render them with
st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, alt=alt_text(fig)). The colours, and
the WCAG contrast they keep, live in farger; the chart's accessible name in beskrivning.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from nyckeltal.figurer.farger import (
    BAS_FARG,
    GRA,
    JAMFORELSEAR,
    KATEGORIFARGER,
    KATEGORISTRECK,
    KATEGORISYMBOLER,
    KONTUR,
    NEGATIV,
    OVRIGT_AR,
    POSITIV,
    REFERENS,
    TEXT_SVAG,
    TEXTFARG,
    VALT_AR,
    VIT,
    Arsstil,
    arsfarg,
    arsstil,
    genomskinlig,
    kontrast,
)
from nyckeltal.format import DAGAR, KORTA_DAGAR, KORTA_MANADER, MANADER

__all__ = [
    "BAS_FARG",
    "GRA",
    "JAMFORELSEAR",
    "KATEGORIFARGER",
    "KATEGORISTRECK",
    "KATEGORISYMBOLER",
    "KONTUR",
    "NEGATIV",
    "OVRIGT_AR",
    "PLOTLY_CONFIG",
    "POSITIV",
    "REFERENS",
    "TEXT_SVAG",
    "TEXTFARG",
    "VALT_AR",
    "VERKTYGSFALT_SV",
    "VIT",
    "Arsstil",
    "arsfarg",
    "arsstil",
    "genomskinlig",
    "grundlayout",
    "kontrast",
    "manadsaxel",
    "satt_layout",
    "satt_xaxlar",
    "satt_yaxlar",
]

# The toolbar and notices of plotly.js in Swedish. Streamlit's bundled plotly.js registers only
# English, so the words go with the config. Keys are plotly.js's English texts exactly as it
# looks them up (plotly.js 3: src/components/modebar/buttons.js and modebar.js, the drag and
# legend notices, the placeholders of editable charts); a key it no longer uses does no harm.
# Worded for a reader who does not know Plotly: "Flytta diagrammet", not "Panorera".
VERKTYGSFALT_SV = {
    # modebar buttons
    "Download plot as a PNG": "Ladda ned som PNG-bild",
    "Download plot as a png": "Ladda ned som PNG-bild",  # plotly.js before 2.0
    "Download plot": "Ladda ned diagrammet som bild",
    "Download plot as JSON": "Ladda ned diagrammets data som JSON",
    "Zoom": "Zooma",
    "Pan": "Flytta diagrammet",
    "Box Select": "Markera med en rektangel",
    "Lasso Select": "Markera med frihand",
    "Zoom in": "Zooma in",
    "Zoom out": "Zooma ut",
    "Autoscale": "Visa alla värden",
    "Reset axes": "Återställ axlar",
    "Reset": "Återställ",
    "Reset view": "Återställ vyn",
    "Reset views": "Återställ vyerna",
    "Toggle Spike Lines": "Visa eller dölj hjälplinjer",
    "Show closest data on hover": "Visa närmaste värde vid muspekaren",
    "Compare data on hover": "Jämför alla värden vid muspekaren",
    "Toggle show closest data on hover": "Visa eller dölj närmaste värde vid muspekaren",
    "Draw line": "Rita en linje",
    "Draw open freeform": "Rita fritt",
    "Draw closed freeform": "Rita en fri form",
    "Draw rectangle": "Rita en rektangel",
    "Draw circle": "Rita en cirkel",
    "Erase active shape": "Radera den valda formen",
    "Orbital rotation": "Rotera fritt",
    "Turntable rotation": "Rotera runt axeln",
    "Reset camera to default": "Återställ kameran",
    "Reset camera to last save": "Återställ kameran till senast sparade läge",
    "Share": "Dela",
    "Share chart": "Dela diagrammet",
    "Share chart...": "Dela diagrammet …",
    "Edit in Chart Studio": "Redigera i Chart Studio",
    "Produced with Plotly.js": "Skapat med Plotly.js",
    "Produced with Plotly": "Skapat med Plotly",
    # notices while zooming, clicking the legend and saving a picture
    "Double-click to zoom back out": "Dubbelklicka för att zooma ut igen",
    "Double-click on legend to isolate one trace": (
        "Dubbelklicka på en post i förklaringen för att bara visa den"
    ),
    "Taking snapshot - this may take a few seconds": "Sparar bilden – det kan ta några sekunder",
    "Snapshot succeeded": "Bilden är sparad",
    "Sorry, there was a problem downloading your snapshot!": "Bilden gick inte att ladda ned.",
    # a series without a name, and the placeholders of an editable chart
    "trace": "serie",
    "new text": "ny text",
    "Click to enter Plot title": "Klicka för att skriva diagrammets rubrik",
    "Click to enter Plot subtitle": "Klicka för att skriva diagrammets underrubrik",
    "Click to enter X axis title": "Klicka för att skriva x-axelns rubrik",
    "Click to enter Y axis title": "Klicka för att skriva y-axelns rubrik",
    "Click to enter Colorscale title": "Klicka för att skriva färgskalans rubrik",
}

PLOTLY_CONFIG = {
    "locale": "sv",
    "locales": {
        "sv": {
            "dictionary": VERKTYGSFALT_SV,
            "format": {
                "months": [m.capitalize() for m in MANADER],
                "shortMonths": list(KORTA_MANADER),
                "days": list(DAGAR),
                "shortDays": list(KORTA_DAGAR),
                "decimal": ",",
                "thousands": "\u00a0",
            },
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


def kopia(fig: go.Figure) -> go.Figure:
    """An ordinary copy of a figure (a frozen one too, nyckeltal.vyer.diagram), to change.
    go.Figure(fig) validates the template again (most of its 10–14 ms); the copy takes the
    traces and the layout without it, then the template the way grundlayout sets it."""
    spec = fig.to_dict()
    layout = {k: v for k, v in spec["layout"].items() if k != "template"}
    ny = go.Figure({"data": spec["data"], "layout": layout})
    if "template" in spec["layout"]:
        _satt_mall(ny)
    return ny


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
        # White hover boxes with dark text: a box in the series' colour put Plotly's grey text
        # on the grey of other years at 2.8:1.
        hoverlabel={"font_size": 14, "font_color": TEXTFARG, "bgcolor": VIT},
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
