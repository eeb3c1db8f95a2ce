"""The year-end forecast: the months so far carried to the full year by the seasonal pattern
of earlier years, with its range, and back-tests of the method on years whose outcome is
known. Works on the totals of nyckeltal.totaler; where no forecast can be made, the result
says why in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import polars as pl

from nyckeltal.format import formatera, manadsintervall, manadsnamn, tal
from nyckeltal.totaler import (
    BERAKNAT,
    BUDGET_FOR,
    Totaler,
    Uppgift,
    helarsvarde,
    hittills_eller_lage,
)


@dataclass(frozen=True)
class Arskvot:
    """One earlier year's full year against its January..month (or its month-end state)."""

    ar: int
    hittills: Uppgift
    helar: Uppgift

    @property
    def kvot(self) -> Decimal:
        return self.helar.varde / self.hittills.varde


@dataclass(frozen=True)
class Helarsprognos:
    indikator_id: str
    namn: str
    enhet: str
    matt_typ: str
    ar: int
    till_manad: int
    hittills: Uppgift | None
    kvoter: tuple[Arskvot, ...] = ()
    prognos: Uppgift | None = None  # hittills × mean ratio
    lag: Uppgift | None = None  # hittills × lowest ratio (two or more years)
    hog: Uppgift | None = None  # hittills × highest ratio
    enkel: Uppgift | None = None  # hittills / months × 12, for comparison (flows only)
    forvaltningens: Uppgift | None = None
    budget: Uppgift | None = None
    orsak: str = ""  # why there is no forecast, in words; empty when there is one

    @property
    def medelkvot(self) -> Decimal | None:
        if not self.kvoter:
            return None
        return sum((k.kvot for k in self.kvoter), Decimal(0)) / len(self.kvoter)

    @property
    def metodtext(self) -> str:
        """The method in plain Swedish, with the figures it used."""
        if self.prognos is None:
            return self.orsak
        m = manadsintervall(1, self.till_manad)
        if self.matt_typ == "flode":
            forklaring = (
                f"Helårsutfallet delat med utfallet {m} samma år säger hur stor del av året "
                f"som brukar återstå efter {manadsnamn(self.till_manad)}. "
            )
        else:
            forklaring = (
                f"Läget i december delat med läget i {manadsnamn(self.till_manad)} samma år "
                "säger hur mycket det brukar ändras under resten av året. "
            )
        kvoter = "; ".join(
            f"{k.ar}: {tal(k.helar.varde)} / {tal(k.hittills.varde)} = {tal(k.kvot, 4)}"
            for k in self.kvoter
        )
        return (
            forklaring
            + f"Kvoten för tidigare år ({kvoter}) "
            + ("" if len(self.kvoter) == 1 else f"har medelvärdet {tal(self.medelkvot, 4)}, ")
            + f"som multipliceras med {self.ar} års {tal(self.hittills.varde)} "
            + f"{self._enhetsord}: {tal(self.hittills.varde)} × {tal(self.medelkvot, 4)} = "
            + f"{formatera(self.prognos.varde, self.enhet)} (beräknat). "
            + self.spanntext
        )

    @property
    def _enhetsord(self) -> str:
        return {"tkr": "tkr", "kr": "kr", "procent": "%", "antal": ""}[self.enhet]

    @property
    def spanntext(self) -> str:
        ar = ", ".join(str(k.ar) for k in self.kvoter)
        if self.lag is None or self.hog is None:
            return (
                f"Ett spann går inte att ange: bara {len(self.kvoter)} tidigare år ({ar}) har "
                "uppgifter för både perioden och helåret, och ett spann kräver minst två."
            )
        return (
            f"Spannet {tal(self.lag.varde)}–{formatera(self.hog.varde, self.enhet)} kommer "
            "från den lägsta och den högsta "
            f"kvoten bland de {len(self.kvoter)} tidigare åren ({ar}). Det vilar på få år och "
            "är en fingervisning om hur mycket säsongsmönstret har skiftat, inte ett "
            "statistiskt konfidensintervall."
        )


def helarsprognos(tot: Totaler, indikator: str, ar: int, till_manad: int) -> Helarsprognos:
    """Year-end forecast from the months so far and the seasonal pattern of earlier years.

    Flows: forecast = January..month of the year × mean over earlier years of (full-year
    outcome / January..month). State measures: the month's state × mean of (December /
    month). The range is the lowest and highest ratio; it needs two earlier years. Earlier
    years' October–December values are not needed, only their full year, which is what the
    papers give.
    """
    meta = tot.meta(indikator)
    bas = _kand_om_aret(tot, indikator, ar, till_manad)
    nu = hittills_eller_lage(tot, indikator, ar, till_manad)
    m = manadsintervall(1, till_manad) if meta["matt_typ"] == "flode" else manadsnamn(till_manad)
    if nu is None:
        return Helarsprognos(
            hittills=None,
            orsak=f"Uppgift för {m} {ar} saknas, så ingen prognos kan göras.",
            **bas,
        )
    if till_manad == 12:
        return Helarsprognos(
            hittills=nu,
            orsak="Året är slut: helårsvärdet är känt och behöver ingen prognos.",
            **bas,
        )
    kvoter = _arskvoter(tot, indikator, ar, till_manad)
    if not kvoter:
        helord = "helårsutfall" if meta["matt_typ"] == "flode" else "ett värde för december"
        return Helarsprognos(
            hittills=nu,
            orsak=(
                f"Ingen prognos: inget tidigare år har både {m} och {helord} i "
                "handlingarna, så säsongsmönstret är okänt."
            ),
            **bas,
        )
    return Helarsprognos(
        hittills=nu,
        kvoter=tuple(kvoter),
        **_framskrivningar(nu, kvoter, meta, ar, till_manad),
        **bas,
    )


def _kand_om_aret(tot: Totaler, indikator: str, ar: int, till_manad: int) -> dict:
    """What a forecast shows whether or not it can be made: the series, the papers' own
    forecast and the budget."""
    meta = tot.meta(indikator)
    bas = {
        "indikator_id": indikator,
        "namn": meta["namn"],
        "enhet": meta["enhet"],
        "matt_typ": meta["matt_typ"],
        "ar": ar,
        "till_manad": till_manad,
        "forvaltningens": tot.senaste_prognos(indikator, ar, till_manad),
    }
    budgetindikator = BUDGET_FOR.get(indikator)
    if budgetindikator and tot.har(budgetindikator):
        bas["budget"] = tot.uppgift(budgetindikator, ar, "helar", 12, f"Budget {ar}")
    return bas


def _arskvoter(tot: Totaler, indikator: str, ar: int, till_manad: int) -> list[Arskvot]:
    """Every earlier year with both January..till_manad (or its state) and its full year."""
    kvoter = []
    for tidigare in tot.ar_med(indikator):
        if tidigare >= ar:
            continue
        del_ = hittills_eller_lage(tot, indikator, tidigare, till_manad)
        hel = helarsvarde(tot, indikator, tidigare)
        if del_ is not None and hel is not None and del_.varde:
            kvoter.append(Arskvot(tidigare, del_, hel))
    return kvoter


def _framskrivningar(
    nu: Uppgift, kvoter: list[Arskvot], meta: dict, ar: int, till_manad: int
) -> dict[str, Uppgift | None]:
    """The forecast by the mean ratio, its range by the lowest and highest ratio (two or more
    years) and, for flows, the simple mean-per-month forecast to compare with."""
    enhet = meta["enhet"]
    kvotlista = [k.kvot for k in kvoter]
    medel = sum(kvotlista, Decimal(0)) / len(kvotlista)
    berakning = (
        f"{tal(nu.varde)} × {tal(medel, 4)} (medel av "
        + ", ".join(f"{tal(k.helar.varde)} / {tal(k.hittills.varde)}" for k in kvoter)
        + ")"
    )
    prognos = Uppgift(
        f"Framskrivning helår {ar} med säsongsmönster",
        nu.varde * medel,
        enhet,
        BERAKNAT,
        berakning,
    )
    lag = hog = None
    if len(kvoter) >= 2:
        lag = Uppgift(
            f"Framskrivning helår {ar}, lägsta kvoten",
            nu.varde * min(kvotlista),
            enhet,
            BERAKNAT,
            f"{tal(nu.varde)} × {tal(min(kvotlista), 4)}",
        )
        hog = Uppgift(
            f"Framskrivning helår {ar}, högsta kvoten",
            nu.varde * max(kvotlista),
            enhet,
            BERAKNAT,
            f"{tal(nu.varde)} × {tal(max(kvotlista), 4)}",
        )
    enkel = None
    if meta["matt_typ"] == "flode":
        enkel = Uppgift(
            f"Enkel framskrivning helår {ar} (snittet hittills × 12)",
            nu.varde / till_manad * 12,
            enhet,
            BERAKNAT,
            f"{tal(nu.varde)} / {till_manad} × 12",
        )
    return {"prognos": prognos, "lag": lag, "hog": hog, "enkel": enkel}


@dataclass(frozen=True)
class Aterprovning:
    """A forecast made for a year whose outcome is known, against that outcome."""

    prognos: Helarsprognos
    utfall: Uppgift

    @property
    def fel(self) -> Decimal | None:
        if self.prognos.prognos is None:
            return None
        return self.prognos.prognos.varde - self.utfall.varde

    @property
    def relativt_fel(self) -> Decimal | None:
        if self.fel is None or not self.utfall.varde:
            return None
        return self.fel / self.utfall.varde * 100


def aterprova(tot: Totaler, indikator: str, ar: int, till_manad: int) -> Aterprovning | None:
    """Forecast year ar from its January..till_manad and the years before it, as the method
    would have done then, and compare with ar's outcome. None if the outcome is unknown."""
    utfall = helarsvarde(tot, indikator, ar)
    if utfall is None:
        return None
    return Aterprovning(helarsprognos(tot, indikator, ar, till_manad), utfall)


def aterprovningar(tot: Totaler, indikator: str, fore_ar: int) -> list[Aterprovning]:
    """Back-tests for every earlier year with a known outcome and every month 1–11 for which
    the method can forecast it: how far off the method would have been."""
    ut = []
    for ar in tot.ar_med(indikator):
        if ar >= fore_ar:
            continue
        for manad in range(1, 12):
            prov = aterprova(tot, indikator, ar, manad)
            if prov is not None and prov.fel is not None:
                ut.append(prov)
    return ut


def prognostabell(prognoser: list[Helarsprognos]) -> pl.DataFrame:
    """One row per series: what is known, the forecast with its range, the papers' own
    forecast and the budget; 'kommentar' says why a series has no forecast."""

    def v(u: Uppgift | None) -> float | None:
        return None if u is None or u.varde is None else float(u.varde)

    return pl.DataFrame(
        {
            "serie": [p.namn for p in prognoser],
            "enhet": [p.enhet for p in prognoser],
            "hittills": [v(p.hittills) for p in prognoser],
            "prognos": [v(p.prognos) for p in prognoser],
            "lag": [v(p.lag) for p in prognoser],
            "hog": [v(p.hog) for p in prognoser],
            "forvaltningens": [v(p.forvaltningens) for p in prognoser],
            "budget": [v(p.budget) for p in prognoser],
            "kommentar": [p.orsak or f"{len(p.kvoter)} tidigare år i mönstret" for p in prognoser],
        },
        schema={
            "serie": pl.String,
            "enhet": pl.String,
            "hittills": pl.Float64,
            "prognos": pl.Float64,
            "lag": pl.Float64,
            "hog": pl.Float64,
            "forvaltningens": pl.Float64,
            "budget": pl.Float64,
            "kommentar": pl.String,
        },
    )


def aterprovningstabell(prov: list[Aterprovning]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "ar": [p.prognos.ar for p in prov],
            "manad": [p.prognos.till_manad for p in prov],
            "hittills": [float(p.prognos.hittills.varde) for p in prov],
            "monster_ar": [", ".join(str(k.ar) for k in p.prognos.kvoter) for p in prov],
            "prognos": [float(p.prognos.prognos.varde) for p in prov],
            "utfall": [float(p.utfall.varde) for p in prov],
            "fel": [float(p.fel) for p in prov],
            "fel_procent": [round(float(p.relativt_fel), 1) for p in prov],
        },
        schema={
            "ar": pl.Int32,
            "manad": pl.Int32,
            "hittills": pl.Float64,
            "monster_ar": pl.String,
            "prognos": pl.Float64,
            "utfall": pl.Float64,
            "fel": pl.Float64,
            "fel_procent": pl.Float64,
        },
    )
