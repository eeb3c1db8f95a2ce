"""Every indicator's totals for a year and the years before it, and the figures read from them.

Pure functions over the frame of query analys_totaler_till_och_med_ar (every indicator's
total, month by month, cumulative, mean, full year and forecast, for a year and the years
before it). Every derived figure is returned as an Uppgift that says it is computed and from
what, so a page, the generated text and the report can show how it came about. Where the data
does not allow an analysis, the result says so in words instead of guessing. The analyses
built on these totals: framskrivning, maltakt, sasong, volymanalys.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import polars as pl

from nyckeltal.format import formatera, manadsintervall, manadsnamn
from nyckeltal.kalla import Kalla

KOSTNAD = "bistand_kostnad"
HUSHALL = "hushall_forsorjningsstod"
# A budget indicator that belongs to a cost: shown beside the forecast and used as a ceiling.
BUDGET_FOR = {KOSTNAD: "bistand_budget"}
ANGIVET = "angivet"
BERAKNAT = "beräknat"


@dataclass(frozen=True)
class Uppgift:
    """One figure and where it comes from: a source line, or how it was computed."""

    beskrivning: str
    varde: Decimal | None
    enhet: str
    harledning: str = ANGIVET  # 'angivet' (stated in a source) or 'beräknat'
    underlag: str = ""  # the source line, or the computation with its inputs

    @property
    def beraknad(self) -> bool:
        return self.harledning == BERAKNAT

    def text(self, decimaler: int = 0) -> str:
        return formatera(self.varde, self.enhet, decimaler)


def som_decimal(varde) -> Decimal:
    return varde if isinstance(varde, Decimal) else Decimal(str(varde))


def _kalla(rad: dict) -> str:
    return str(Kalla(rad["dokument"], rad["datum"], rad["diarienummer"], rad["avsnitt"]))


class Totaler:
    """Look-ups into the frame of analys_totaler_till_och_med_ar."""

    def __init__(self, df: pl.DataFrame):
        self.df = df
        self._rader = {
            (r["indikator_id"], r["ar"], r["periodtyp"], r["manad"]): r
            for r in df.iter_rows(named=True)
        }
        self._meta = {
            r["indikator_id"]: r
            for r in df.select("indikator_id", "namn", "enhet", "matt_typ", "onskad_riktning")
            .unique("indikator_id")
            .iter_rows(named=True)
        }

    def har(self, indikator: str) -> bool:
        return indikator in self._meta

    def meta(self, indikator: str) -> dict:
        return self._meta[indikator]

    def indikatorer(self) -> list[str]:
        return sorted(self._meta)

    def rad(self, indikator: str, ar: int, periodtyp: str, manad: int) -> dict | None:
        return self._rader.get((indikator, ar, periodtyp, manad))

    def uppgift(
        self, indikator: str, ar: int, periodtyp: str, manad: int, beskrivning: str
    ) -> Uppgift | None:
        rad = self.rad(indikator, ar, periodtyp, manad)
        if rad is None:
            return None
        return Uppgift(beskrivning, som_decimal(rad["varde"]), rad["enhet"], ANGIVET, _kalla(rad))

    def manader(self, indikator: str, ar: int) -> dict[int, Decimal]:
        """The month values of a year, by month."""
        return {
            manad: som_decimal(r["varde"])
            for (i, a, typ, manad), r in self._rader.items()
            if i == indikator and a == ar and typ == "manad"
        }

    def ar_med(self, indikator: str) -> list[int]:
        return sorted({a for (i, a, _, _) in self._rader if i == indikator})

    def senaste_prognos(self, indikator: str, ar: int, till_manad: int) -> Uppgift | None:
        """The latest full-year forecast the papers state, made at or before till_manad."""
        manader = [
            m
            for (i, a, typ, m) in self._rader
            if i == indikator and a == ar and typ == "prognos" and m <= till_manad
        ]
        if not manader:
            return None
        m = max(manader)
        return self.uppgift(
            indikator,
            ar,
            "prognos",
            m,
            f"{self.meta(indikator)['namn']}: förvaltningens prognos efter {manadsnamn(m)} {ar}",
        )


def hittills(tot: Totaler, indikator: str, ar: int, manad: int) -> Uppgift | None:
    """A flow's total January..manad: the stated cumulative figure, else the sum of the month
    values when every month has one (computed), else None."""
    etikett = f"{manadsintervall(1, manad)} {ar}"
    namn = tot.meta(indikator)["namn"] if tot.har(indikator) else indikator
    stated = tot.uppgift(indikator, ar, "ack", manad, f"{namn}, {etikett}")
    if stated is not None:
        return stated
    if manad == 12:
        helar = tot.uppgift(indikator, ar, "helar", 12, f"{namn}, helår {ar}")
        if helar is not None:
            return helar
    manader = tot.manader(indikator, ar)
    if not all(m in manader for m in range(1, manad + 1)):
        return None
    delar = [manader[m] for m in range(1, manad + 1)]
    return Uppgift(
        f"{namn}, {etikett}",
        sum(delar, Decimal(0)),
        tot.meta(indikator)["enhet"],
        BERAKNAT,
        f"summan av månadsvärdena {etikett}",
    )


def helarsvarde(tot: Totaler, indikator: str, ar: int) -> Uppgift | None:
    """The full-year figure: the outcome of a flow, the December state of a state measure."""
    namn = tot.meta(indikator)["namn"]
    if tot.meta(indikator)["matt_typ"] == "flode":
        return tot.uppgift(indikator, ar, "helar", 12, f"{namn}, utfall helår {ar}")
    return tot.uppgift(indikator, ar, "manad", 12, f"{namn}, december {ar}")


def lage_vid(tot: Totaler, indikator: str, ar: int, manad: int) -> Uppgift | None:
    """A state measure's value at the end of manad, as the papers state it."""
    namn = tot.meta(indikator)["namn"]
    return tot.uppgift(indikator, ar, "manad", manad, f"{namn}, {manadsnamn(manad)} {ar}")


def hittills_eller_lage(tot: Totaler, indikator: str, ar: int, manad: int) -> Uppgift | None:
    """January..manad of a flow, the state in manad of a state measure."""
    if tot.meta(indikator)["matt_typ"] == "flode":
        return hittills(tot, indikator, ar, manad)
    return lage_vid(tot, indikator, ar, manad)


def diagramserie(tot: Totaler, indikator: str, till_ar: int) -> pl.DataFrame:
    """What a chart of the year draws: January..month totals of a flow (stated or summed),
    month values of a state; columns ar, manad, varde, one row per year and month known."""
    rader = []
    for ar in tot.ar_med(indikator):
        if ar > till_ar:
            continue
        for manad in range(1, 13):
            u = hittills_eller_lage(tot, indikator, ar, manad)
            if u is not None:
                rader.append((ar, manad, u.varde))
    return pl.DataFrame(
        rader,
        schema={"ar": pl.Int32, "manad": pl.Int32, "varde": pl.Decimal(18, 2)},
        orient="row",
    )


def manadsserier(tot: Totaler, ar: int) -> list[str]:
    """Indicators with month values in the year, the cost of ekonomiskt bistånd first."""
    med = [i for i in tot.indikatorer() if tot.manader(i, ar)]
    return sorted(med, key=lambda i: (i != KOSTNAD, tot.meta(i)["namn"]))
