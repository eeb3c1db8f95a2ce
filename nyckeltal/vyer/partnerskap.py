"""What the page Partnerskap och projekt shows: the partnerships (IOP) and projects (ESF) on a
timeline, one card each with its facts, money, goals and the sources' disagreements, and a
summary table.

Not bound to a period: every partnership and project is shown whatever the sidebar says, so
bygg takes only the query function.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import polars as pl

from nyckeltal import excel
from nyckeltal.figurer.partnerskap import (
    beloppstext,
    datumtext,
    kort_namn,
    maltext,
    periodkort,
    periodtext,
    tidslinje,
)
from nyckeltal.format import UPPGIFT_SAKNAS
from nyckeltal.kalla import Kalla, kalltext
from nyckeltal.vyer import Fraga
from nyckeltal.vyer.diagram import Diagram

TIDSLINJENS_RUBRIKER = MappingProxyType(
    {
        "namn": "Namn",
        "typ": "Typ",
        "status": "Status",
        "period_start": "Från",
        "period_slut": "Till och med",
    }
)
SAMMANSTALLNING_CSV_RUBRIKER = MappingProxyType(
    {
        **TIDSLINJENS_RUBRIKER,
        "belopp_per_ar_kr": "Belopp per år (kr)",
        "belopp_totalt_kr": "Belopp totalt (kr)",
    }
)


@dataclass(frozen=True)
class Tidslinje:
    diagram: Diagram
    utan_period: str | None  # Markdown: those not on the timeline and why, under the chart


@dataclass(frozen=True)
class Partnerskapskort:
    """One partnership's card: facts, money and goals as text tables, the sources'
    disagreements about it, and one source line."""

    rubrik: str  # the expander's label
    fakta: str  # Markdown list
    pengar: pl.DataFrame | None  # text table; None: the source states no amounts
    pengar_utan_period: bool  # an amount without /år: the source gives no period
    mal: pl.DataFrame | None  # text table; None: the source states no measurable goals
    konflikter: tuple[str, ...]  # Markdown, one per disagreement
    kalla: str


@dataclass(frozen=True)
class Sammanstallning:
    """Every partnership and project on one row: shown as text; the CSV has the raw values."""

    visning: pl.DataFrame  # formatted, with Swedish headings
    tabell: pl.DataFrame  # the raw values, for the CSV
    rubriker: Mapping[str, str]  # column -> Swedish heading in the CSV
    kalla: str

    def csv(self) -> bytes:
        return excel.csv(self.tabell, self.rubriker)


@dataclass(frozen=True)
class PartnerskapVy:
    tidslinje: Tidslinje
    kort: tuple[Partnerskapskort, ...]
    sammanstallning: Sammanstallning


def bygg(fraga: Fraga) -> PartnerskapVy:
    """Everything the page shows."""
    oversikt = fraga("partnerskap_och_projekt")
    perioder = fraga("partnerskap_tidslinje")
    belopp = fraga("partnerskap_belopp")
    mal = fraga("partnerskap_mal")
    konflikter = fraga("kallkonflikter")
    kallor = {rad["partnerskap_id"]: rad for rad in perioder.iter_rows(named=True)}
    return PartnerskapVy(
        tidslinje=_tidslinje(perioder),
        kort=tuple(
            _partnerskapskort(rad, belopp, mal, konflikter, kallor[rad["partnerskap_id"]])
            for rad in oversikt.iter_rows(named=True)
        ),
        sammanstallning=_sammanstallning(oversikt, kalltext(perioder)),
    )


def _tidslinje(perioder: pl.DataFrame) -> Tidslinje:
    pa_tidslinjen = perioder.filter(pl.col("pa_tidslinjen"))
    utan_period = perioder.filter(~pl.col("pa_tidslinjen"))
    return Tidslinje(
        diagram=Diagram(
            fig=tidslinje(pa_tidslinjen),
            tabell=pa_tidslinjen.select(*TIDSLINJENS_RUBRIKER),
            kalla=kalltext(pa_tidslinjen),
            nyckel="partnerskap_tidslinje",
            rubriker=TIDSLINJENS_RUBRIKER,
        ),
        utan_period=None
        if utan_period.is_empty()
        else "**Inte på tidslinjen (ingen period):**\n"
        + "\n".join(
            f"- {rad['namn']} ({rad['typ']}, {rad['status'].lower()}): {rad['utan_period_orsak']}"
            for rad in utan_period.iter_rows(named=True)
        ),
    )


def _partnerskapskort(
    rad: dict, belopp: pl.DataFrame, mal: pl.DataFrame, konflikter: pl.DataFrame, egen: dict
) -> Partnerskapskort:
    pid = rad["partnerskap_id"]
    pengar = belopp.filter(pl.col("partnerskap_id") == pid)
    mal_ = mal.filter(pl.col("partnerskap_id") == pid)
    return Partnerskapskort(
        rubrik=f"{rad['namn']} · {rad['typ']}, {rad['status'].lower()}",
        fakta=_fakta(rad),
        pengar=None if pengar.is_empty() else _pengar(pengar),
        pengar_utan_period="ej angivet" in pengar["per"].to_list(),
        mal=None if mal_.is_empty() else _mal(mal_),
        # Conflicts about one partnership are named after it (guldkanten_enhet, sikta_fas).
        konflikter=tuple(
            f"**{k['beskrivning']}.** {k['motivering']}"
            for k in konflikter.filter(pl.col("konflikt_id").str.starts_with(f"{pid}_")).iter_rows(
                named=True
            )
        ),
        kalla=_kalla(egen, pengar, mal_),
    )


def _fakta(rad: dict) -> str:
    beslut = (
        f"{rad['beslut']} ({datumtext(rad['beslutsdatum'])})"
        if rad["beslut"] and rad["beslutsdatum"]
        else rad["beslut"] or UPPGIFT_SAKNAS
    )
    return (
        f"- **Typ:** {rad['typ']}\n"
        f"- **Motpart:** {rad['motpart']}\n"
        f"- **Diarienummer:** {rad['diarienummer'] or UPPGIFT_SAKNAS}\n"
        f"- **Beslut:** {beslut}\n"
        f"- **Status:** {rad['status']}\n"
        f"- **Period:** {periodtext(rad['period_start'], rad['period_slut'])}\n"
        f"- **Syfte:** {rad['syfte']}"
    )


def _pengar(pengar: pl.DataFrame) -> pl.DataFrame:
    return pengar.select(
        pl.col("post").alias("Post"),
        pl.col("part").alias("Part"),
        pl.Series(
            "Belopp",
            [beloppstext(b, per) for b, per in zip(pengar["belopp_kr"], pengar["per"])],
        ),
    )


def _mal(mal: pl.DataFrame) -> pl.DataFrame:
    return mal.select(
        pl.col("mal").alias("Mål"),
        pl.Series(
            "Målvärde",
            [
                maltext(r["malvarde_min"], r["malvarde_max"], r["enhet"], r["per"], r["jamforelse"])
                for r in mal.iter_rows(named=True)
            ],
        ),
    )


def _kalla(egen: dict, pengar: pl.DataFrame, mal: pl.DataFrame) -> str:
    """Money and goals come from the partnership's own document, so one source line names it
    once with every section used."""
    avsnitt: list[str] = []
    for del_ in [egen["avsnitt"], *pengar["avsnitt"].to_list(), *mal["avsnitt"].to_list()]:
        avsnitt += [a for a in del_.split("; ") if a not in avsnitt]
    return str(Kalla(egen["dokument"], egen["datum"], egen["diarienummer"], ", ".join(avsnitt)))


def _sammanstallning(oversikt: pl.DataFrame, kalla: str) -> Sammanstallning:
    tabell = oversikt.select(*SAMMANSTALLNING_CSV_RUBRIKER)
    visning = pl.DataFrame(
        {
            "Namn": [kort_namn(n) for n in tabell["namn"]],
            "Typ": tabell["typ"],
            "Status": tabell["status"],
            "Period": [
                periodkort(a, b) for a, b in zip(tabell["period_start"], tabell["period_slut"])
            ],
            "Belopp per år, alla parter": [
                beloppstext(b, "år") for b in tabell["belopp_per_ar_kr"]
            ],
            "Belopp totalt": [beloppstext(b, "ej angivet") for b in tabell["belopp_totalt_kr"]],
        }
    )
    return Sammanstallning(
        visning=visning, tabell=tabell, rubriker=SAMMANSTALLNING_CSV_RUBRIKER, kalla=kalla
    )
