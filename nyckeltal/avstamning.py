"""Reconciliation checks shown on the page Källor och kvalitet: do the figures agree with each
other the way the papers say they do, and where not, is the difference a documented one?

Pure functions over query results; the tests in tests/test_avstamning.py check the same
invariants independently, with figures typed from the papers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import polars as pl

from nyckeltal.format import manadsintervall
from nyckeltal.perioder import beskriv_period

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


def delar_mot_total(avstamning: pl.DataFrame, konflikter: pl.DataFrame) -> list[Kontroll]:
    """From query avstamning_delar_mot_total: each split figure against its stated total."""
    kontroller = []
    for rad in avstamning.iter_rows(named=True):
        period = beskriv_period(rad["periodtyp"], rad["manad"], rad["ar"])
        kontroller.append(
            Kontroll(
                namn=f"{rad['namn']}, {period}: {rad['antal_delar']} delar mot angiven total",
                vantat=rad["angiven_total"],
                faktiskt=rad["summa_delar"],
                enhet=rad["enhet"],
                forklaring=_konflikt_for(konflikter, rad["summa_delar"], rad["angiven_total"]),
            )
        )
    return kontroller


def manader_mot_ackumulerat(varden: pl.DataFrame) -> list[Kontroll]:
    """From query varden_med_kalla: monthly values against each stated cumulative figure."""
    totaler = varden.filter(pl.col("dimension") == "")
    kontroller = []
    for rad in totaler.filter(pl.col("periodtyp") == "ack").iter_rows(named=True):
        manader = totaler.filter(
            (pl.col("indikator_id") == rad["indikator_id"])
            & (pl.col("ar") == rad["ar"])
            & (pl.col("periodtyp") == "manad")
            & (pl.col("manad") <= rad["manad"])
        )
        if manader.height != rad["manad"]:
            continue  # not every month is known: nothing to reconcile
        kontroller.append(
            Kontroll(
                namn=f"{rad['namn']}: {manadsintervall(1, rad['manad'])} {rad['ar']}, "
                "summa av månaderna mot angiven summa",
                vantat=rad["varde"],
                faktiskt=manader["varde"].sum(),
                enhet=rad["enhet"],
                forklaring="",
            )
        )
    return kontroller


def procent_mot_hundra(varden: pl.DataFrame) -> list[Kontroll]:
    """From query varden_med_kalla: every percentage distribution adds up to 100 %."""
    fordelningar = (
        varden.filter((pl.col("enhet") == "procent") & (pl.col("dimension") != ""))
        .group_by("namn", "ar", "periodtyp", "manad", maintain_order=True)
        .agg(pl.col("varde").sum().alias("summa"))
    )
    return [
        Kontroll(
            namn=f"{rad['namn']} {rad['ar']}: andelarna summerar till 100 %",
            vantat=Decimal(100),
            faktiskt=rad["summa"],
            enhet="procent",
            forklaring="",
        )
        for rad in fordelningar.iter_rows(named=True)
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
