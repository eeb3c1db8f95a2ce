"""The report of a period as a model (Rapport: text, tables, charts with their alternative
text and their pictures, sources), and its writers' entry points: nyckeltal.rapport_pdf writes
it as a tagged PDF (PDF/UA-1, through Typst and the template nyckeltal/rapport.typ) and
nyckeltal.rapport_word as Word; pdf() and docx() below call them. nyckeltal.rapportinnehall
assembles a period's report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nyckeltal.vyer.diagram import Diagram

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"

FORFATTARE = "Arbetslivsnämndens nyckeltal"  # the author named in every file's properties

# Headings and fixed sentences that the PDF and the Word document share.
NYCKELTAL = "Nyckeltal"
KOMMENTAR = "Förvaltningens kommentar"
UNDERLAG = "Siffrorna i texten och var de kommer ifrån"
KALLOR = "Källor"
KALLA = "Källa"
INGEN_BILD = "Diagrammet kunde inte ritas som bild."


@dataclass(frozen=True)
class Avsnitt:
    rubrik: str
    text: str  # the generated text
    fotnot: str = ""
    kommentar: str = ""  # the administration's own comment, typed on the report page
    # the charts: heading (rubrik), alternative text (alt), source; the pictures are
    # Rapport.bilder, by the chart's nyckel
    diagram: tuple[Diagram, ...] = ()
    punkter: tuple[str, ...] = ()  # further paragraphs, e.g. the analysis
    sparade: tuple[str, ...] = ()  # staff comments stored on the page Administration
    omrade: str = ""  # the area (katalog.OMRADESNAMN) or 'analys': where its comment goes


@dataclass(frozen=True)
class Rapport:
    titel: str
    undertitel: str
    kpi_rubriker: tuple[str, ...]
    kpi_rader: tuple[tuple[str, ...], ...]
    avsnitt: tuple[Avsnitt, ...]
    underlag_rubriker: tuple[str, ...] = ()
    underlag_rader: tuple[tuple[str, ...], ...] = ()  # every figure in the text and its origin
    kallor: tuple[str, ...] = ()
    noteringar: tuple[str, ...] = ()  # e.g. that the images could not be drawn
    skapad: date = field(default_factory=date.today)
    # chart (Diagram.nyckel) -> its picture as PNG; a chart without one (not drawn, or not
    # drawable) is printed as its alternative text under INGEN_BILD
    bilder: Mapping[str, bytes | None] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bilder", MappingProxyType(dict(self.bilder)))

    @property
    def diagram(self) -> tuple[Diagram, ...]:
        """Every chart of the report, in the report's order."""
        return tuple(d for a in self.avsnitt for d in a.diagram)

    def bild(self, diagram: Diagram) -> bytes | None:
        """The chart's picture, or None when there is none."""
        return self.bilder.get(diagram.nyckel)

    @property
    def filnamn(self) -> str:
        """'nyckeltal_januari-september_2022' for the downloads."""
        ascii_ = unicodedata.normalize("NFKD", self.undertitel.split(",")[0].replace("\u2013", "-"))
        ascii_ = ascii_.encode("ascii", "ignore").decode()
        return "nyckeltal_" + re.sub(r"[^A-Za-z0-9]+", "_", ascii_).strip("_").lower()

    def inledning(self, word: bool) -> str:
        """The line under the title: when and from what the draft was made."""
        return (
            f"Skapad {self.skapad.isoformat()} ur nyckeltalens databas. Ett utkast: texten är "
            "genererad ur siffrorna och kan redigeras" + ("." if word else " i Word-versionen.")
        )


# Emoji and pictographs have no glyph in a text font: the words beside them carry the meaning.
_BILDTECKEN = re.compile("[\u2600-\u27bf\ufe0f\u2b00-\u2bff\U0001f000-\U0001faff]")


def utan_bildtecken(text: str) -> str:
    return re.sub(r"\s{2,}", " ", _BILDTECKEN.sub("", text)).strip()


def stycken(text: str) -> list[str]:
    """A typed comment's paragraphs (split at blank lines), each without emoji."""
    return [s for s in (utan_bildtecken(d) for d in re.split(r"\n\s*\n", text)) if s]


def pdf(rapport: Rapport) -> bytes:
    """The report as a tagged PDF (PDF/UA-1), written by nyckeltal.rapport_pdf."""
    from nyckeltal.rapport_pdf import pdf as skriv_pdf

    return skriv_pdf(rapport)


def docx(rapport: Rapport) -> bytes:
    """The report as an editable Word document, written by nyckeltal.rapport_word."""
    from nyckeltal.rapport_word import docx as skriv_docx

    return skriv_docx(rapport)
