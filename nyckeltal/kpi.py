"""KPI cards as plain data: value, change against the comparison year, target status, source.

Built from the frames the queries return, so pages only render and tests need no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import polars as pl

from nyckeltal.format import (
    UPPGIFT_SAKNAS,
    formatera,
    formatera_forandring,
    kort_manadsintervall,
    manadsnamn,
)
from nyckeltal.kalla import Kalla
from nyckeltal.perioder import Period
from nyckeltal.status import (
    RIKTNINGSPILAR,
    RIKTNINGSTEXT,
    Malstatus,
    bedom_forandring,
    delta_farg,
    delta_pil,
    malstatus,
)

# The unit in words, for the card's help.
ENHETSORD = {
    "tkr": "tusentals kronor (tkr)",
    "kr": "kronor (kr)",
    "procent": "procent (%)",
    "antal": "antal",
}


@dataclass(frozen=True)
class Kpi:
    indikator_id: str
    namn: str
    enhet: str
    riktning: str
    matt_typ: str  # 'lage': state at the period's last month; 'flode': sum over the period
    beskrivning: str
    period: Period
    varde: Decimal | None
    jamforelsevarde: Decimal | None
    status: Malstatus
    kalla: Kalla | None
    harledning: str | None
    sparkline: tuple[float, ...] = ()
    notering: str = ""  # one more line for the card, e.g. the budget or the forecast

    @property
    def forandring(self) -> Decimal | None:
        if self.varde is None or self.jamforelsevarde is None:
            return None
        return self.varde - self.jamforelsevarde

    @property
    def etikett(self) -> str:
        """The name with the desired direction's arrow; no mark where none is desired."""
        if self.riktning == "ingen":
            return self.namn
        return f"{self.namn} {RIKTNINGSPILAR[self.riktning]}"

    @property
    def varde_text(self) -> str:
        return formatera(self.varde, self.enhet)

    @property
    def forandring_text(self) -> str:
        return formatera_forandring(self.forandring, self.enhet)

    @property
    def delta_farg(self) -> str:
        """st.metric delta_color: 'green' better, 'red' worse, 'gray' neither (see
        nyckeltal.status.delta_farg); the words are in jamforelsetext."""
        return delta_farg(self.forandring, self.riktning)

    @property
    def delta_pil(self) -> str:
        """st.metric delta_arrow: 'up', 'down' or 'off', from the sign of the change. The
        change is written '−86' with the typographic minus, which st.metric does not read."""
        return delta_pil(self.forandring)

    @property
    def periodetikett(self) -> str:
        """What the value covers: 'september 2022' for a state, 'januari–september 2022'."""
        if self.matt_typ == "lage":
            return f"{manadsnamn(self.period.till_manad)} {self.period.ar}"
        return self.period.etikett

    @property
    def jamforelseetikett(self) -> str:
        """Short, for the card: 'sep 2021' for a state, 'jan–sep 2021' for a flow."""
        fran = self.period.till_manad if self.matt_typ == "lage" else self.period.fran_manad
        return f"{kort_manadsintervall(fran, self.period.till_manad)} {self.period.jamforelsear}"

    @property
    def jamforelsetext(self) -> str:
        """'lägre än sep 2021 (734), bättre': the direction in words, the comparison's value
        and the judgement, or that the comparison is missing. With the value of the card
        first, this reads in the same order as the reports: now, then the comparison."""
        if self.jamforelsevarde is None:
            return f"{self.jamforelseetikett}: {UPPGIFT_SAKNAS}"
        if self.varde is None:
            return f"{self.jamforelseetikett}: {formatera(self.jamforelsevarde, self.enhet)}"
        jamforelse = f"{self.jamforelseetikett} ({formatera(self.jamforelsevarde, self.enhet)})"
        if self.forandring == 0:
            return f"oförändrat mot {jamforelse}"
        riktning = "högre" if self.forandring > 0 else "lägre"
        return f"{riktning} än {jamforelse}, {bedom_forandring(self.forandring, self.riktning)}"

    @property
    def hjalp(self) -> str:
        """Definition, unit, direction, target and source, for the card's help tooltip."""
        rader = [
            f"Avser {self.periodetikett}. {self.beskrivning}",
            f"Enhet: {ENHETSORD.get(self.enhet, self.enhet)}. Önskad riktning: "
            f"{RIKTNINGSPILAR[self.riktning]} {RIKTNINGSTEXT[self.riktning]}.",
        ]
        # 'Målet nås (mål: högst 700).', 'Uppgift saknas (mål: …).', 'Inget mål.'
        rader.append(f"{self.status.text[:1].upper()}{self.status.text[1:]}.")
        if self.harledning and self.harledning != "angivet":
            rader.append(f"Värdet är {self.harledning} i källan.")
        rader.append(f"Källa: {self.kalla}." if self.kalla else "Källa: uppgift saknas.")
        return "\n\n".join(rader)


def _rader(df: pl.DataFrame) -> dict[str, dict]:
    return {rad["indikator_id"]: rad for rad in df.iter_rows(named=True)}


def bygg_kpier(
    ids: list[str],
    indikatorer: pl.DataFrame,
    varden: pl.DataFrame,
    jamforelse: pl.DataFrame,
    period: Period,
    sparklines: dict[str, list[float]] | None = None,
) -> list[Kpi]:
    """One card per indicator id, in the order given.

    indikatorer: query indikatorer_med_mal for the period's year; varden and jamforelse:
    query nyckeltal_for_period for the period and for its comparison period.
    """
    meta, nu, da = _rader(indikatorer), _rader(varden), _rader(jamforelse)
    kort = []
    for indikator_id in ids:
        m = meta[indikator_id]
        rad = nu.get(indikator_id)
        varde = rad["varde"] if rad else None
        kalla = (
            Kalla(rad["dokument"], rad["datum"], rad["diarienummer"], rad["avsnitt"])
            if rad
            else None
        )
        kort.append(
            Kpi(
                indikator_id=indikator_id,
                namn=m["namn"],
                enhet=m["enhet"],
                riktning=m["onskad_riktning"],
                matt_typ=m["matt_typ"],
                beskrivning=m["beskrivning"],
                period=period,
                varde=varde,
                jamforelsevarde=da[indikator_id]["varde"] if indikator_id in da else None,
                status=malstatus(varde, m["malvarde"], m["jamforelse"], m["enhet"]),
                kalla=kalla,
                harledning=rad["harledning"] if rad else None,
                sparkline=tuple((sparklines or {}).get(indikator_id, ())),
            )
        )
    return kort


def sparkline(serie: pl.DataFrame, period: Period) -> list[float]:
    """Month values of the period's year up to its last month, from query serie_per_manad.

    Empty unless every month from January on has a value: a line over gaps would mislead.
    """
    manader = serie.filter(
        (pl.col("ar") == period.ar)
        & (pl.col("dimension") == "")
        & (pl.col("manad") <= period.till_manad)
    ).sort("manad")
    if manader["manad"].to_list() != list(range(1, period.till_manad + 1)):
        return []
    return [float(v) for v in manader["varde"].to_list()]
