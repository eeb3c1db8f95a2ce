"""What a file is checked against: the indicators, the stored values with their sources, the
sources by id and the documented disagreements between sources."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

import polars as pl

from nyckeltal.importera.filformat import Kallnyckel, Nyckel


@dataclass(frozen=True)
class Indikator:
    indikator_id: str
    namn: str
    enhet: str
    dimension: str | None
    dimensionsvarden: tuple[str, ...]


@dataclass(frozen=True)
class Lagrat:
    """A value as it is stored now, with its source."""

    varde: Decimal
    kalla: Kallnyckel
    avsnitt: str
    anmarkning: str | None


@dataclass(frozen=True)
class Referens:
    indikatorer: Mapping[str, Indikator]
    varden: Mapping[Nyckel, Lagrat]
    kallor: Mapping[Kallnyckel, str]  # -> kalla_id
    # The pairs of figures data/kallkonflikter.csv records as a documented disagreement: a
    # total and its parts that differ by exactly such a pair are accepted (the Ukraine items).
    konflikter: frozenset[frozenset[Decimal]] = frozenset()

    @classmethod
    def hamta(
        cls, fraga: Callable[..., pl.DataFrame], varden_for: list[str] | None = None
    ) -> Referens:
        """From the named queries, run by fraga (a Databas's or a build connection's): every
        indicator (an unknown id in a file gets the nearest as a suggestion), and the stored
        values of the indicators in varden_for (None: every value in the database)."""
        indikatorer = {
            rad["indikator_id"]: Indikator(
                rad["indikator_id"],
                rad["namn"],
                rad["enhet"],
                rad["dimension"],
                tuple(rad["dimensionsvarden"]),
            )
            for rad in fraga("import_indikatorer", indikatorer=None).iter_rows(named=True)
        }
        varden = {
            (
                rad["indikator_id"],
                rad["ar"],
                rad["periodtyp"],
                rad["manad"],
                rad["dimension"],
            ): Lagrat(
                rad["varde"],
                (rad["dokument"], rad["datum"], rad["diarienummer"]),
                rad["avsnitt"],
                rad["anmarkning"],
            )
            for rad in fraga("varden_med_kalla", indikatorer=varden_for).iter_rows(named=True)
        }
        kallor: dict[Kallnyckel, str] = {}
        for rad in fraga("kallor_med_omfattning").sort("kalla_id").iter_rows(named=True):
            kallor.setdefault((rad["dokument"], rad["datum"], rad["diarienummer"]), rad["kalla_id"])
        konflikter = frozenset(
            frozenset((Decimal(rad["varde_a"]), Decimal(rad["varde_b"])))
            for rad in fraga("kallkonflikter").iter_rows(named=True)
            if rad["varde_a"] is not None and rad["varde_b"] is not None
        )
        return cls(indikatorer, varden, kallor, konflikter)
