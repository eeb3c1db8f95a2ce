"""What the page Källor och kvalitet shows: what the figures rest on (the source documents and
every value with its source), whether they reconcile, and where the documents disagree.

The page does not depend on the period: bygg(fraga) is built once per database version, so
the counts follow an import."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import polars as pl

from nyckeltal import avstamning, excel
from nyckeltal.format import formatera, formatera_per_rad, formatera_tabell, manadsnamn
from nyckeltal.katalog import OMRADESNAMN, egna_indikatorer
from nyckeltal.vyer import Fraga

# which of a disagreement's figures the key-figure pages show (kallkonflikter.visas)
VISAS = MappingProxyType(
    {
        "a": "uppgift A",
        "b": "uppgift B",
        "båda": "båda uppgifterna, var och en där den hör hemma",
    }
)

# Swedish headers of the values, on the page and in the download of every value (which
# keeps the values raw).
RUBRIKER = MappingProxyType(
    {
        "omrade": "Område",
        "indikator_id": "Indikatorkod",
        "namn": "Mått",
        "ar": "År",
        "periodtyp": "Periodtyp",
        "manad": "Månad",
        "dimension": "Dimension",
        "varde": "Värde",
        "enhet": "Enhet",
        "dokument": "Dokument",
        "datum": "Datum",
        "diarienummer": "Diarienummer",
        "avsnitt": "Avsnitt",
        "anmarkning": "Anmärkning",
    }
)


@dataclass(frozen=True)
class Kort:
    """The four cards at the top, as the page shows them."""

    antal_kallor: int  # source documents
    antal_siffror: str  # values in the database, formatted
    avstamningar: str  # "29 av 30 stämmer"
    antal_konflikter: int  # documented disagreements
    varning: str | None  # reconciliations that fail without an explanation; None when none


@dataclass(frozen=True)
class Uppgift:
    """What one document says in a disagreement."""

    text: str  # Markdown: the letter, the statement and its figure
    kalla: str  # document and section


@dataclass(frozen=True)
class Konflikt:
    """One disagreement between the documents."""

    rubrik: str  # Markdown
    uppgifter: tuple[Uppgift, ...]  # A, then B
    visas: str  # which the pages show, and why


@dataclass(frozen=True)
class KallorVy:
    """Everything the page shows."""

    kort: Kort
    kalltabell: pl.DataFrame  # the source documents, as text
    kontrolltabell: pl.DataFrame  # the reconciliations, as text (avstamning.visningstabell)
    konflikter: tuple[Konflikt, ...]
    omraden: Mapping[str, pl.DataFrame]  # area id (katalog.OMRADESNAMN) -> its values as text


def bygg(fraga: Fraga) -> KallorVy:
    """The cards, the tables of sources and reconciliations, the disagreements and each area's
    values (for the area chooser). All areas at once: a second cached call per rerun cost a
    lookup."""
    kallor = fraga("kallor_med_omfattning")
    konflikter = fraga("kallkonflikter")
    kontroller = _kontroller(fraga, konflikter)
    return KallorVy(
        kort=_kort(kallor, konflikter, kontroller),
        kalltabell=_kalltabell(kallor),
        kontrolltabell=avstamning.visningstabell(kontroller),
        konflikter=tuple(_konflikt(rad) for rad in konflikter.iter_rows(named=True)),
        omraden=MappingProxyType(
            {omrade: _omradets_siffror(fraga, omrade) for omrade in OMRADESNAMN}
        ),
    )


def _kontroller(fraga: Fraga, konflikter: pl.DataFrame) -> list[avstamning.Kontroll]:
    """The reconciliations: those computed when the database was built
    (nyckeltal.avstamning.lagra, not on every rerun) and the budget formulas."""
    budget = fraga("budget_per_verksamhet", ar=2022, manad=9)
    resultat = fraga(
        "nyckeltal_for_period", ar=2022, fran_manad=1, till_manad=9, indikatorer=["namnd_resultat"]
    )["varde"]
    return avstamning.fran_tabell(
        fraga("avstamningar", indikatorer=egna_indikatorer()), konflikter
    ) + avstamning.budgetformler(budget, resultat[0] if len(resultat) else None)


def _kort(
    kallor: pl.DataFrame, konflikter: pl.DataFrame, kontroller: list[avstamning.Kontroll]
) -> Kort:
    stammer = sum(k.status == "✅ Stämmer" for k in kontroller)
    dokumenterade = sum(k.status == "ℹ️ Dokumenterad skillnad" for k in kontroller)
    fel = len(kontroller) - stammer - dokumenterade
    return Kort(
        antal_kallor=len(kallor),
        antal_siffror=formatera(kallor["antal_varden"].sum(), "antal"),
        avstamningar=f"{stammer} av {len(kontroller)} stämmer",
        antal_konflikter=konflikter.height,
        varning=(
            f"⚠️ {fel} avstämningar stämmer inte och saknar dokumenterad förklaring."
            if fel
            else None
        ),
    )


def _kalltabell(kallor: pl.DataFrame) -> pl.DataFrame:
    """The source documents with their dates, case numbers and how much each holds."""
    return formatera_tabell(
        kallor.select(
            "dokument",
            "datum",
            "diarienummer",
            "instans",
            "antal_varden",
            "antal_ovriga_uppgifter",
            "anmarkning",
        ).with_columns(
            pl.col("datum").cast(pl.String).fill_null("odaterad"),
            pl.col("diarienummer").fill_null("–"),
        ),
        {"antal_varden": "antal", "antal_ovriga_uppgifter": "antal"},
        {
            "dokument": "Dokument",
            "datum": "Datum",
            "diarienummer": "Diarienummer",
            "instans": "Instans",
            "antal_varden": "Siffror",
            "antal_ovriga_uppgifter": "Övriga uppgifter",
            "anmarkning": "Anmärkning",
        },
    )


def _konflikt(rad: dict) -> Konflikt:
    """One disagreement: its description, what each document says (Markdown and source
    line per side) and which the pages show, and why."""
    return Konflikt(
        rubrik=f"**{rad['beskrivning']}**",
        uppgifter=tuple(_uppgift(rad, bokstav) for bokstav in ("a", "b")),
        visas=f"Nyckeltalssidorna visar {VISAS[rad['visas']]}. {rad['motivering']}",
    )


def _uppgift(rad: dict, bokstav: str) -> Uppgift:
    varde = rad[f"varde_{bokstav}"]
    return Uppgift(
        text=f"**{bokstav.upper()}:** {rad[f'uppgift_{bokstav}']}"
        + (f" — **{formatera(varde, rad['enhet'])}**" if varde is not None else ""),
        kalla=f"{rad[f'dokument_{bokstav}']}, avsnitt {rad[f'avsnitt_{bokstav}']}",
    )


def _omradets_siffror(fraga: Fraga, omrade: str) -> pl.DataFrame:
    """The area's values with a source per row, as Swedish text."""
    varden = fraga("varden_med_kalla", indikatorer=egna_indikatorer(omrade))
    visning = varden.select(
        "namn",
        "ar",
        "periodtyp",
        "manad",
        "dimension",
        "varde",
        "enhet",
        "dokument",
        "diarienummer",
        "avsnitt",
        "anmarkning",
    )
    return (
        formatera_per_rad(visning, {"varde": 0})
        .with_columns(
            pl.col("periodtyp").replace_strict(avstamning.PERIODTYPER),
            # the month a value belongs to by name; a full year has none of its own
            pl.Series(
                "manad",
                [
                    "–" if typ == "helar" else manadsnamn(m)
                    for typ, m in zip(varden["periodtyp"], varden["manad"])
                ],
                dtype=pl.String,
            ),
            pl.col("anmarkning").fill_null(""),
        )
        .drop("enhet")
        .rename(dict(RUBRIKER), strict=False)
    )


def alla_siffror_csv(fraga: Fraga) -> bytes:
    """Every value in the database (indikatorer=None) with Swedish headers and raw values,
    semicolon-separated, UTF-8 with BOM. The page calls it on click with the database's own
    query function, so the whole table is neither read on every rerun nor kept in a cache."""
    alla = fraga("varden_med_kalla", indikatorer=None)
    return excel.csv(alla, RUBRIKER)
