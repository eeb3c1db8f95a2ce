"""Every colour the charts use, and the WCAG 2.1 contrast they are chosen to keep.

WCAG 1.4.11 asks 3:1 against the background for graphics that carry meaning (lines, markers,
bars, a band's edges) and 1.4.3 asks 4.5:1 for text. The charts' background is white
(template plotly_white), so every colour below is measured against white; the ratios in the
comments are kontrast(farg) to two decimals (tests/test_figurer_tillganglighet.py pins them
and measures every colour every chart draws).

Years take their colour from their role in the chart, not from the calendar: the period's
year is drawn in the strongest colour with the thickest line and the largest markers, the
comparison year next, other years in a quieter grey. Whatever year is chosen is then the most
prominent line, and a year never differs from another by colour alone (width, dash and marker
differ too, and the legend or the axis names every year).

The blue and red are Paul Tol's "high contrast" pair, made to stay apart in every common
colour-vision deficiency and in greyscale; the categorical colours are the four of Tol's
"bright" scheme dark enough for 3:1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VIT = "white"  # as Plotly names it; #FFFFFF
BAKGRUND = VIT  # plot and paper of plotly_white

# --- years, by role --------------------------------------------------------------------------
VALT_AR = "#004488"  # the period's year: 9.62:1
JAMFORELSEAR = "#BB5566"  # the comparison year: 4.56:1
OVRIGT_AR = "#888888"  # every other year: 3.54:1

# --- everything else -------------------------------------------------------------------------
BAS_FARG = VALT_AR  # a single series (one bar colour, the totals of a waterfall)
REFERENS = "#333333"  # targets, budgets, the papers' own forecast: 12.63:1, always dashed/hollow
KONTUR = "#333333"  # outlines of bars and markers: 12.63:1
GRA = "#888888"  # neutral graphics: band edges, connectors, a zero bar: 3.54:1 (not for text)
TEXTFARG = "#2a3f5f"  # text of plotly_white (titles, ticks, labels), and of hover boxes: 10.63:1
TEXT_SVAG = "#666666"  # quiet text such as 'uppgift saknas': 5.74:1
POSITIV = "#117733"  # surplus / the desired direction, always with a sign or label: 5.66:1
NEGATIV = "#882255"  # deficit / the undesired direction: 8.73:1

# Categories that are not years (refugee categories, kinds of partnership): Tol's "bright"
# blue, green, purple and red; each also gets its own marker symbol and dash.
KATEGORIFARGER = ("#4477AA", "#228833", "#AA3377", "#EE6677")  # 4.70, 4.53, 6.09, 3.09:1
KATEGORISYMBOLER = ("circle", "square", "diamond", "triangle-up")
KATEGORISTRECK = ("solid", "dash", "dot", "dashdot")


def genomskinlig(farg: str, alfa: float) -> str:
    """A light fill of a colour: '#888888', 0.2 -> 'rgba(136,136,136,0.2)'. Only for fills whose
    edges are drawn as lines in a colour of 3:1 or more."""
    r, g, b = _rgb(farg)
    return f"rgba({r},{g},{b},{alfa:g})"


# --- WCAG 2.1 contrast -----------------------------------------------------------------------

_NAMNGIVNA = {"white": "#FFFFFF", "black": "#000000"}  # the names the charts use
_RGBA = re.compile(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)")


def _rgb(farg: str) -> tuple[int, int, int]:
    farg = _NAMNGIVNA.get(farg.strip().lower(), farg.strip())
    if farg.startswith("#"):
        siffror = farg[1:]
        if len(siffror) == 3:
            siffror = "".join(2 * s for s in siffror)
        if len(siffror) != 6:
            raise ValueError(f"okänd färg {farg!r}")
        return tuple(int(siffror[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
    traff = _RGBA.fullmatch(farg)
    if traff is None:
        raise ValueError(f"okänd färg {farg!r}")
    return tuple(round(float(v)) for v in traff.groups()[:3])  # type: ignore[return-value]


def _alfa(farg: str) -> float:
    traff = _RGBA.fullmatch(farg.strip())
    return float(traff.group(4)) if traff and traff.group(4) is not None else 1.0


def synlig_farg(farg: str, bakgrund: str = BAKGRUND) -> tuple[int, int, int]:
    """The colour as seen: a translucent rgba() blended over the background."""
    r, g, b = _rgb(farg)
    alfa = _alfa(farg)
    if alfa >= 1:
        return r, g, b
    br, bg, bb = _rgb(bakgrund)
    return tuple(round(alfa * f + (1 - alfa) * u) for f, u in ((r, br), (g, bg), (b, bb)))  # type: ignore[return-value]


def relativ_luminans(farg: str, bakgrund: str = BAKGRUND) -> float:
    """Relative luminance as WCAG 2.1 defines it (sRGB, 0 for black, 1 for white)."""

    def linjar(kanal: int) -> float:
        c = kanal / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = synlig_farg(farg, bakgrund)
    return 0.2126 * linjar(r) + 0.7152 * linjar(g) + 0.0722 * linjar(b)


def kontrast(farg: str, bakgrund: str = BAKGRUND) -> float:
    """WCAG 2.1 contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21."""
    ljus, mork = sorted(
        (relativ_luminans(farg, bakgrund), relativ_luminans(bakgrund)), reverse=True
    )
    return (ljus + 0.05) / (mork + 0.05)


# --- how a year is drawn ---------------------------------------------------------------------

VALT, JAMFORELSE, OVRIGT = "valt", "jamforelse", "ovrigt"


@dataclass(frozen=True)
class Arsstil:
    """How a year is drawn in a chart, from its role there."""

    roll: str  # VALT, JAMFORELSE or OVRIGT
    farg: str
    linjebredd: float
    streck: str  # Plotly's dash
    symbol: str
    markorstorlek: int
    konturbredd: float  # a bar's outline

    @property
    def linje(self) -> dict:
        return {"color": self.farg, "width": self.linjebredd, "dash": self.streck}

    def markor(self, skala: float = 1.0) -> dict:
        return {
            "color": self.farg,
            "size": round(self.markorstorlek * skala),
            "symbol": self.symbol,
        }

    @property
    def stapel(self) -> dict:
        """A bar in the year's colour with a dark outline, thickest for the period's year."""
        return {"color": self.farg, "line": {"color": KONTUR, "width": self.konturbredd}}


_VALT = Arsstil(VALT, VALT_AR, 4.0, "solid", "circle", 9, 3.0)
_JAMFORELSE = Arsstil(JAMFORELSE, JAMFORELSEAR, 2.5, "solid", "diamond", 7, 1.0)
# Other years differ from each other by dash and marker (the legend names them).
_OVRIGA = tuple(
    Arsstil(OVRIGT, OVRIGT_AR, 2.0, streck, symbol, 6, 1.0)
    for streck, symbol in (("dot", "square"), ("dashdot", "triangle-up"), ("longdash", "x"))
)


def arsstil(ar: int, valt_ar: int, jamforelsear: int | None = None) -> Arsstil:
    """The style of year ar in a chart about valt_ar (compared with jamforelsear, if any)."""
    if ar == valt_ar:
        return _VALT
    if ar == jamforelsear:
        return _JAMFORELSE
    return _OVRIGA[ar % len(_OVRIGA)]


def arsfarg(ar: int, valt_ar: int, jamforelsear: int | None = None) -> str:
    """The colour of year ar in a chart about valt_ar: see arsstil."""
    return arsstil(ar, valt_ar, jamforelsear).farg
