"""Reconciliation checks shown on the page Källor och kvalitet: do the figures agree with each
other the way the papers say they do, and where not, is the difference a documented one?

The checks that do not depend on a period are computed when the database is built (lagra,
sql/bygg/avstamningar.sql) and read with the query avstamningar; the budget formulas depend on
the follow-up shown and are checked from its query. Otherwise pure functions over query
results; the tests in tests/test_avstamning.py check the same invariants independently, with
figures typed from the papers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import duckdb
import polars as pl

from nyckeltal import sokvagar
from nyckeltal.format import formatera_per_rad, manadsintervall
from nyckeltal.perioder import beskriv_period

BERAKNING = sokvagar.SQL / "bygg" / "avstamningar.sql"
PERIODTYPER = {
    "manad": "månad",
    "ack": "ackumulerat",
    "medel": "medel",
    "helar": "helår",
    "prognos": "prognos",
}


@dataclass(frozen=True)
class Kontroll:
    namn: str
    vantat: Decimal  # the stated figure
    faktiskt: Decimal  # what the parts, months or formula give
    enhet: str
    forklaring: str  # why a difference is accepted ('' when it reconciles or is unexplained)

    @property
    def differens(self) -> Decimal:
        return self.faktiskt - self.vantat

    @property
    def status(self) -> str:
        if self.differens == 0:
            return "✅ Stämmer"
        if self.forklaring:
            return "ℹ️ Dokumenterad skillnad"
        return "⚠️ Stämmer inte"


def _konflikt_for(konflikter: pl.DataFrame, faktiskt, vantat) -> str:
    """The recorded disagreement whose two figures are exactly these, if any."""
    for rad in konflikter.iter_rows(named=True):
        if {rad["varde_a"], rad["varde_b"]} == {faktiskt, vantat}:
            return f"{rad['beskrivning']}: {rad['motivering']}"
    return ""


def lagra(con: duckdb.DuckDBPyConnection) -> None:
    """Compute every period-independent check into the table avstamningar, on the build's
    connection (nyckeltal.bygg, after the imports are laid over the seeds), so that the page
    reads them instead of summing every value of the database on every rerun."""
    con.execute("delete from avstamningar")
    con.execute(BERAKNING.read_text(encoding="utf-8"))


def _namn(rad: dict) -> str:
    if rad["kontroll"] == "delar_mot_total":
        period = beskriv_period(rad["periodtyp"], rad["manad"], rad["ar"])
        return f"{rad['namn']}, {period}: {rad['antal']} delar mot angiven total"
    if rad["kontroll"] == "manader_mot_ack":
        return (
            f"{rad['namn']}: {manadsintervall(1, rad['manad'])} {rad['ar']}, "
            "summa av månaderna mot angiven summa"
        )
    return f"{rad['namn']} {rad['ar']}: andelarna summerar till 100 %"


def fran_tabell(avstamningar: pl.DataFrame, konflikter: pl.DataFrame) -> list[Kontroll]:
    """From query avstamningar: each stored check, with the recorded disagreement that
    explains a split figure missing its total (query kallkonflikter)."""
    return [
        Kontroll(
            namn=_namn(rad),
            vantat=rad["angivet"],
            faktiskt=rad["beraknat"],
            enhet=rad["enhet"],
            forklaring=_konflikt_for(konflikter, rad["beraknat"], rad["angivet"])
            if rad["kontroll"] == "delar_mot_total"
            else "",
        )
        for rad in avstamningar.iter_rows(named=True)
    ]


def budgetformler(budget: pl.DataFrame, resultat: Decimal | None) -> list[Kontroll]:
    """From query budget_per_verksamhet: avvikelse = prognos − budget per row, and the
    committee's result to date = budget to date − outcome to date."""
    kontroller = [
        Kontroll(
            namn=f"{rad['verksamhet']}: avvikelse = prognos − budget helår",
            vantat=rad["avvikelse"],
            faktiskt=rad["prognos"] - rad["budget_helar"],
            enhet="tkr",
            forklaring="",
        )
        for rad in budget.iter_rows(named=True)
        if None not in (rad["avvikelse"], rad["prognos"], rad["budget_helar"])
    ]
    summa = budget.filter(pl.col("ar_summa"))
    if resultat is not None and summa.height == 1 and summa["utfall"][0] is not None:
        kontroller.append(
            Kontroll(
                namn="Nämndens resultat hittills = budget hittills − utfall hittills",
                vantat=resultat,
                faktiskt=summa["utfall"][0] - summa["budget_hittills"][0],
                enhet="tkr",
                forklaring="",
            )
        )
    return kontroller


def som_tabell(kontroller: list[Kontroll]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "kontroll": [k.namn for k in kontroller],
            "angivet": [k.vantat for k in kontroller],
            "beraknat": [k.faktiskt for k in kontroller],
            "differens": [k.differens for k in kontroller],
            "enhet": [k.enhet for k in kontroller],
            "status": [k.status for k in kontroller],
            "forklaring": [k.forklaring for k in kontroller],
        },
        schema_overrides={
            "angivet": pl.Decimal(38, 2),
            "beraknat": pl.Decimal(38, 2),
            "differens": pl.Decimal(38, 2),
        },
    )


def visningstabell(kontroller: list[Kontroll]) -> pl.DataFrame:
    """The checks as the Källor page and the import preview show them: Swedish headings, each
    figure in its own unit."""
    return (
        formatera_per_rad(
            som_tabell(kontroller), dict.fromkeys(("angivet", "beraknat", "differens"), 0)
        )
        .drop("enhet")
        .rename(
            {
                "kontroll": "Kontroll",
                "angivet": "Angivet",
                "beraknat": "Beräknat",
                "differens": "Differens",
                "status": "Status",
                "forklaring": "Förklaring",
            }
        )
    )
