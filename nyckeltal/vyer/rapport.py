"""The page Rapport: the key figures, the generated text per area with the saved staff
comments, the analysis and every figure of the text with its origin, as the page shows them,
with the tables of its Excel file (bygg); and the report's draft with its charts, for the PDF
and Word files, built when someone asks for them (utkast)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

import polars as pl

from nyckeltal import excel, maltakt, rapportinnehall, totaler
from nyckeltal.format import formatera_per_rad
from nyckeltal.perioder import Period
from nyckeltal.rapportmodell import Rapport
from nyckeltal.sammanfattning import (
    FOTNOT,
    hamta_underlag,
    sammanfatta,
    som_markdown,
    sparade_kommentarer,
    uppgiftstabell,
)
from nyckeltal.vyer import Fraga
from nyckeltal.vyer.diagram import Diagram

ANALYS = rapportinnehall.ANALYS  # the analysis's section: its comment box is kommentar_analys

UPPGIFTSRUBRIKER = MappingProxyType(
    {
        "omrade": "Område",
        "uppgift": "Uppgift",
        "varde": "Värde",
        "enhet": "Enhet",
        "harledning": "Härledning",
        "underlag": "Källa eller beräkning",
    }
)


@dataclass(frozen=True)
class Textavsnitt:
    """An area's generated text, and the box for the administration's comment under it."""

    omrade: str  # katalog.OMRADESNAMN's id: the comment box is kommentar_<omrade>
    rubrik: str
    text: str  # Markdown-safe
    fotnot: str  # Markdown-safe; "" when the text has no computed figure
    sparade: tuple[str, ...]  # comments from the page Administration, plain text
    etikett: str  # the comment box's label


@dataclass(frozen=True)
class RapportVy:
    """Everything the page shows for a period, and the tables of its Excel file."""

    nyckeltal: pl.DataFrame  # the key-figure table as text (rapportinnehall.KPI_RUBRIKER)
    texter: tuple[Textavsnitt, ...]
    analys: tuple[str, ...]  # the analysis's paragraphs, Markdown-safe
    uppgifter: pl.DataFrame  # the figures of the text, Swedish text with their units
    tabeller: tuple[excel.Tabell, ...]  # the Excel file's sheets

    @property
    def omraden(self) -> tuple[str, ...]:
        """The sections that take a comment, in the report's order."""
        return (*(t.omrade for t in self.texter), ANALYS)


def bygg(fraga: Fraga, period: Period) -> RapportVy:
    underlag = hamta_underlag(fraga, period)
    texter = sammanfatta(underlag)
    kpier = rapportinnehall.rapportkpier(underlag)
    uppgifter = uppgiftstabell(texter)
    return RapportVy(
        nyckeltal=pl.DataFrame(
            list(rapportinnehall.kpi_rader(kpier)),
            schema=list(rapportinnehall.KPI_RUBRIKER),
            orient="row",
        ),
        texter=tuple(
            Textavsnitt(
                omrade=t.omrade,
                rubrik=t.rubrik,
                text=som_markdown(t.text),
                fotnot=som_markdown(FOTNOT) if t.har_beraknade else "",
                sparade=sparade_kommentarer(underlag, t.omrade),
                etikett=f"Förvaltningens kommentar: {t.rubrik.lower()}",
            )
            for t in texter
        ),
        analys=tuple(som_markdown(p) for p in rapportinnehall.analyspunkter(underlag)),
        # Swedish-formatted with each row's unit ('44 923 tkr', '7 431 kr'), which makes the
        # unit column redundant on screen; the Excel file keeps the raw numbers and the unit
        uppgifter=formatera_per_rad(uppgifter, {"varde": 0})
        .drop("enhet")
        .rename({k: v for k, v in UPPGIFTSRUBRIKER.items() if k != "enhet"}),
        tabeller=_tabeller(underlag, kpier, uppgifter),
    )


def _tabeller(underlag, kpier, uppgifter: pl.DataFrame) -> tuple[excel.Tabell, ...]:
    """The Excel file's sheets: the key figures, the figures of the text, and what it takes to
    reach the targets when there are targets."""
    tabeller = [
        excel.Tabell(
            "Nyckeltal",
            rapportinnehall.kpi_frame(kpier),
            MappingProxyType({"varde": "antal", "jamforelsevarde": "antal", "forandring": "antal"}),
            MappingProxyType(rapportinnehall.KPI_FRAME_RUBRIKER),
        ),
        excel.Tabell(
            "Siffrorna i texten", uppgifter, MappingProxyType({"varde": "antal"}), UPPGIFTSRUBRIKER
        ),
    ]
    period = underlag.period
    takter = maltakt.maltakter(totaler.Totaler(underlag.totaler), underlag.indikatorer, period)
    if takter:
        tabeller.append(
            excel.Tabell(
                "Vad krävs för målen",
                maltakt.maltakttabell(takter),
                MappingProxyType(maltakt.MALTAKT_ENHETER),
                MappingProxyType(maltakt.MALTAKT_RUBRIKER),
            )
        )
    return tuple(tabeller)


def utkast(fraga: Fraga, period: Period) -> Rapport:
    """The report of the period with its charts, before the administration's comments and
    the pictures (rapportinnehall.fardig adds them). Built when the files are asked for: the
    charts are not on the page."""
    return rapportinnehall.utkast(hamta_underlag(fraga, period))


def bildnyckel(diagram: Sequence[Diagram]) -> str:
    """What the charts' pictures depend on: the same key, the same pictures."""
    return hashlib.sha256("".join(d.fig.to_json() for d in diagram).encode()).hexdigest()
