"""What the recognisers find: figures coded as data/varden.csv codes them, and the table rows
and sentences with figures that were not turned into any ("ej tolkat")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from nyckeltal.inlasning import tolka_svenskt_tal
from nyckeltal.uppfoljning.katalog import Katalog


@dataclass(frozen=True)
class Figur:
    indikator_id: str
    ar: int
    periodtyp: str
    manad: int
    dimension: str  # '' = the total
    varde: Decimal
    anmarkning: str  # where in the table, or the sentence quoted
    fran_tabell: bool

    @property
    def nyckel(self) -> tuple[str, int, str, int, str]:
        return (self.indikator_id, self.ar, self.periodtyp, self.manad, self.dimension)


@dataclass(frozen=True)
class EjTolkat:
    """A table row or sentence with figures that became no row, and why; the section it stands
    in is added where the block is placed (rapport.py)."""

    text: str
    skal: str
    avsnitt: str = ""


@dataclass(frozen=True)
class Sammanhang:
    """The report's period and the catalogue the figures are coded against."""

    ar: int
    manad: int
    katalog: Katalog


def tal(text: str) -> Decimal | None:
    """A table cell or a figure of a sentence as a number: '1 000', '-10 109', '−6 000', '42 %'."""
    varde, fel = tolka_svenskt_tal(text.strip().rstrip("%").strip())
    return None if fel else varde


_INGA_SIFFROR = (
    re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\b\d{8}\b"),  # dates, 20210623
    re.compile(r"\b(?:19|20)\d\d\b"),  # years
    re.compile(r"§\s*\d+|\bDnr\b.*"),
    re.compile(r"^\s*\d+(?:\.\d+)*\.?(?:\s|$)"),  # a numbered heading or list item: '2.1 ', '1. '
)


def har_siffror(text: str) -> bool:
    """A sentence or row states a figure (not only a year, a date or a paragraph number)."""
    for monster in _INGA_SIFFROR:
        text = monster.sub(" ", text)
    return bool(re.search(r"\d", text))
