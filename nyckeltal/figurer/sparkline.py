"""The small month line in a KPI card: the year so far, month by month, as a tiny SVG picture.

st.metric draws its own sparkline with Vega, which screen readers hear as "x: 0; y: 4814"
and which has no text alternative (axe: svg-img-alt). This one is an SVG picture in an <img> whose
alt text says what it shows and its last value. It is a plain picture, not
a Plotly chart: a Plotly chart on Översikt would load Plotly's 3 MB script for the first page
and add a chart to redraw on every period change (bench/README.md)."""

from __future__ import annotations

import base64
from html import escape

from nyckeltal.figurer import farger
from nyckeltal.format import KORTA_MANADER, formatera, manadsnamn

BREDD, HOJD, MARGINAL = 240, 48, 5  # px (the card is 270 px wide)


def sparkline_text(varden: tuple[float, ...], namn: str, enhet: str, ar: int) -> str:
    """'Linjediagram: nettokostnad ekonomiskt bistånd per månad jan–sep 2022. September
    2022: 4 815 tkr.'"""
    sista = len(varden)
    return (
        f"Linjediagram: {namn[0].lower() + namn[1:]} per månad "
        f"{KORTA_MANADER[0]}–{KORTA_MANADER[sista - 1]} {ar}. "
        f"{manadsnamn(sista).capitalize()} {ar}: {formatera(varden[-1], enhet)}."
    )


def sparkline_img(varden: tuple[float, ...], namn: str, enhet: str, ar: int) -> str:
    """An <img> of the line with the text as its alt text, for st.html (which drops inline
    SVG). The picture is a data URI: nothing is fetched. Every text is escaped."""
    bild = base64.b64encode(sparkline_svg(varden, namn, enhet, ar).encode()).decode()
    text = escape(sparkline_text(varden, namn, enhet, ar), quote=True)
    return (
        f'<img src="data:image/svg+xml;base64,{bild}" alt="{text}" width="{BREDD}" height="{HOJD}">'
    )


def sparkline_svg(varden: tuple[float, ...], namn: str, enhet: str, ar: int) -> str:
    """The line of the months 1..n of year ar, the last month marked, as an SVG image with
    its accessible name. Every text in it is escaped."""
    lag, hog = min(varden), max(varden)
    spann = (hog - lag) or 1.0
    steg = (BREDD - 2 * MARGINAL) / max(len(varden) - 1, 1)
    punkter = [
        (MARGINAL + i * steg, MARGINAL + (hog - v) / spann * (HOJD - 2 * MARGINAL))
        for i, v in enumerate(varden)
    ]
    linje = " ".join(f"{x:.1f},{y:.1f}" for x, y in punkter)
    x, y = punkter[-1]
    text = escape(sparkline_text(varden, namn, enhet, ar), quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{text}" '
        f'width="{BREDD}" height="{HOJD}" viewBox="0 0 {BREDD} {HOJD}">'
        f"<title>{text}</title>"
        f'<polyline points="{linje}" fill="none" stroke="{farger.VALT_AR}" stroke-width="2" '
        f'stroke-linejoin="round" stroke-linecap="round"/>'
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{farger.VALT_AR}"/></svg>'
    )
