"""A report's text as blocks: paragraphs (a list item is a paragraph starting "- ") and
tables (rows of cell texts), in reading order. Every file format is read into these, and the
recognisers (nyckeltal.uppfoljning.tabeller, .meningar) only ever see blocks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stycke:
    text: str
    rad: int  # where it begins in the file: a line of a text file, a paragraph of a document

    @property
    def punkt(self) -> bool:
        """A list item ('- Integration minus 500 tkr')."""
        return self.text.startswith("- ")


@dataclass(frozen=True)
class Tabell:
    rader: tuple[tuple[str, ...], ...]  # every row as long as the longest; '' for no text
    rad: int


Block = Stycke | Tabell
