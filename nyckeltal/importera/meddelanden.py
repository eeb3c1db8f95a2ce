"""How a refusal is worded: ImportFel, and the helpers its messages quote with (a cell
shortened, the nearest known name, a value or a file size in Swedish)."""

import difflib
from decimal import Decimal

from nyckeltal.format import formatera
from nyckeltal.inlasning import DataFel, Fel

VISADE_FEL = 50  # the message lists this many; the rest are counted


class ImportFel(DataFel):
    """The file (or the undo, or the comment) is refused; nothing has been written."""

    def __init__(self, fel: list[Fel]):
        super().__init__(fel)
        rader = "\n".join(f"- {f}" for f in fel[:VISADE_FEL])
        ovriga = len(fel) - VISADE_FEL
        mer = f"\n… och {ovriga} fel till" if ovriga > 0 else ""
        Exception.__init__(self, f"Inget har sparats. {len(fel)} fel:\n{rader}{mer}")


def forslag(text: str, mojliga) -> str:
    nara = difflib.get_close_matches(text, list(mojliga), n=1, cutoff=0.6)
    return f" (menade du '{nara[0]}'?)" if nara else ""


def forkorta(text: str, langd: int = 40) -> str:
    return text if len(text) <= langd else text[: langd - 1] + "…"


def visa_storlek(antal: int) -> str:
    return f"{antal / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def visa_varde(varde: Decimal | None, enhet: str) -> str:
    """'44 923 tkr', '689,50', 'uppgift saknas'; decimals only where the value has them."""
    if varde is None:
        return "–"
    decimaler = 0 if varde == varde.to_integral_value() else 2
    return formatera(varde, enhet, decimaler)


def visa_tal(varde: Decimal) -> str:
    """A sum or a difference in a message: a number without a unit."""
    return visa_varde(varde, "antal")
