"""Whether a KPI meets its target and whether a change is for the better.

Status is told in words and with an icon, never by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from nyckeltal.format import formatera

RIKTNINGSPILAR = {"upp": "↗", "ner": "↘", "ingen": "–"}
RIKTNINGSTEXT = {
    "upp": "ett högre värde är bättre",
    "ner": "ett lägre värde är bättre",
    "ingen": "ingen önskad riktning",
}


@dataclass(frozen=True)
class Malstatus:
    uppfyllt: bool | None  # None: no target or no value
    ikon: str
    text: str


def malstatus(varde, malvarde, jamforelse: str | None, enhet: str) -> Malstatus:
    """'högst 700': met when the value is at most 700; 'lägst 100': met when at least 100."""
    if malvarde is None or jamforelse is None:
        return Malstatus(None, "", "inget mål")
    mal_text = f"mål: {jamforelse} {formatera(malvarde, enhet)}"
    if varde is None:
        return Malstatus(None, "❔", f"uppgift saknas ({mal_text})")
    v, m = Decimal(str(varde)), Decimal(str(malvarde))
    uppfyllt = v <= m if jamforelse == "högst" else v >= m
    if uppfyllt:
        return Malstatus(True, "✅", f"Målet nås ({mal_text})")
    return Malstatus(False, "⚠️", f"Målet nås inte ({mal_text})")


def bedom_forandring(forandring, riktning: str) -> str:
    """'bättre', 'sämre', 'oförändrat' or 'ingen önskad riktning' for a change."""
    if forandring is None:
        return "uppgift saknas"
    d = Decimal(str(forandring))
    if d == 0:
        return "oförändrat"
    if riktning == "ingen":
        return "ingen önskad riktning"
    battre = d > 0 if riktning == "upp" else d < 0
    return "bättre" if battre else "sämre"


def delta_farg(forandring, riktning: str) -> str:
    """st.metric delta_color, given outright: 'green' for a change in the desired direction,
    'red' against it, 'gray' for no change, no desired direction or no figure.

    Not st.metric's 'normal'/'inverse': those read the sign from an ASCII hyphen, and the
    change is written with the typographic minus ('−86'). The colour only repeats the words
    of bedom_forandring ('bättre', 'sämre'), which the card always shows beside it."""
    return {"bättre": "green", "sämre": "red"}.get(bedom_forandring(forandring, riktning), "gray")


def delta_pil(forandring) -> str:
    """st.metric delta_arrow from the sign of the change: 'up', 'down', or 'off' for no change
    or no figure (st.metric would read '−86' as a rise and '±0' as one too)."""
    if forandring is None:
        return "off"
    d = Decimal(str(forandring))
    return "up" if d > 0 else "down" if d < 0 else "off"
