"""What the report reader codes figures into, read from data/ (so that `--till-csv` needs no
database): the indicators, each dimension's values and the labels the reports use for them
(data/dimensionsalias.csv), and the documented disagreements between the papers
(data/kallkonflikter.csv)."""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from nyckeltal import sokvagar


@dataclass(frozen=True)
class Indikatorinfo:
    namn: str
    enhet: str
    matt_typ: str  # 'lage' (a state at a date) or 'flode' (a flow over a period)
    dimension: str | None


@dataclass(frozen=True)
class Konflikt:
    beskrivning: str
    varden: frozenset[Decimal]
    motivering: str


def normalisera(etikett: str) -> str:
    """'Lönebidrag.' and 'lönebidrag', '1-5' and '1–5' are the same label."""
    text = etikett.strip().rstrip(".:").replace("-", "–").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).casefold()


def _rader(fil: Path) -> list[dict[str, str]]:
    with fil.open(encoding="utf-8-sig", newline="") as handtag:
        return list(csv.DictReader(handtag))


@dataclass(frozen=True)
class Katalog:
    indikatorer: Mapping[str, Indikatorinfo]
    etiketter: Mapping[str, Mapping[str, str]]  # dimension -> normalised label -> value
    konflikter: tuple[Konflikt, ...]

    @classmethod
    def las(cls, data: Path | None = None) -> Katalog:
        data = data or sokvagar.DATA
        indikatorer = {
            r["indikator_id"]: Indikatorinfo(
                r["namn"], r["enhet"], r["matt_typ"], r["dimension"] or None
            )
            for r in _rader(data / "indikatorer.csv")
        }
        etiketter: dict[str, dict[str, str]] = {}
        for r in _rader(data / "dimensioner.csv"):
            etiketter.setdefault(r["dimension"], {})[normalisera(r["dimensionsvarde"])] = r[
                "dimensionsvarde"
            ]
        for r in _rader(data / "dimensionsalias.csv"):
            etiketter.setdefault(r["dimension"], {})[normalisera(r["alias"])] = r["dimensionsvarde"]
        konflikter = tuple(
            Konflikt(
                r["beskrivning"],
                frozenset({Decimal(r["varde_a"]), Decimal(r["varde_b"])}),
                r["motivering"],
            )
            for r in _rader(data / "kallkonflikter.csv")
            if r["varde_a"] and r["varde_b"]
        )
        return cls(indikatorer, etiketter, konflikter)

    def dimensionsvarde(self, indikator_id: str, etikett: str) -> str | None:
        """The dimension value a report's label stands for, or None when it is not one."""
        dimension = self.indikatorer[indikator_id].dimension
        return self.etiketter.get(dimension or "", {}).get(normalisera(etikett))

    def indikator_med_namn(self, etikett: str) -> str | None:
        """'Antal hushåll med försörjningsstöd' -> hushall_forsorjningsstod (by the indicator's
        name in data/indikatorer.csv, with or without a leading 'Antal')."""
        sokt = normalisera(re.sub(r"^\s*antal\s+", "", etikett, flags=re.I))
        for indikator_id, info in self.indikatorer.items():
            if normalisera(info.namn) == sokt:
                return indikator_id
        return None

    def dokumenterad(self, a: Decimal, b: Decimal) -> Konflikt | None:
        for konflikt in self.konflikter:
            if konflikt.varden == {a, b}:
                return konflikt
        return None
