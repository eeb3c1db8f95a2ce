"""A change of the cost of ekonomiskt bistånd split into more or fewer households (volume) and
a higher or lower cost per household (amount), where the papers give both figures for both
years.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from nyckeltal.format import UPPGIFT_SAKNAS, formatera, manadsintervall, manadsnamn, tal
from nyckeltal.perioder import Period
from nyckeltal.totaler import BERAKNAT, HUSHALL, KOSTNAD, Totaler, Uppgift, hittills


@dataclass(frozen=True)
class Uppdelning:
    """A cost change split into households (volume) and cost per household (amount).

    Midpoint method (symmetric, so the two parts add up exactly to the change):
    volym = (H1 − H0) × månader × (P0 + P1) / 2, belopp = (P1 − P0) × månader × (H0 + H1) / 2,
    where P = kostnad / (H × månader) is the cost per household and month.
    """

    rubrik: str
    ar: int
    jamforelsear: int
    manader: int  # the number of months the cost covers
    kostnad: Uppgift
    kostnad_jmf: Uppgift
    hushall: Uppgift
    hushall_jmf: Uppgift
    forbehall: str

    @property
    def per_hushall(self) -> Uppgift:
        return self._per(self.kostnad, self.hushall, self.ar)

    @property
    def per_hushall_jmf(self) -> Uppgift:
        return self._per(self.kostnad_jmf, self.hushall_jmf, self.jamforelsear)

    def _per(self, kostnad: Uppgift, hushall: Uppgift, ar: int) -> Uppgift:
        # tkr per household and month, shown in kronor
        varde = kostnad.varde * 1000 / (hushall.varde * self.manader)
        manader = "" if self.manader == 1 else f" × {self.manader} månader"
        return Uppgift(
            f"Kostnad per hushåll och månad, {ar}",
            varde,
            "kr",
            BERAKNAT,
            f"{tal(kostnad.varde)} tkr / ({tal(hushall.varde)} hushåll{manader})",
        )

    @property
    def forandring(self) -> Uppgift:
        return Uppgift(
            "Förändring av kostnaden",
            self.kostnad.varde - self.kostnad_jmf.varde,
            "tkr",
            BERAKNAT,
            f"{tal(self.kostnad.varde)} − {tal(self.kostnad_jmf.varde)}",
        )

    @property
    def volym(self) -> Uppgift:
        p0, p1 = self.per_hushall_jmf.varde / 1000, self.per_hushall.varde / 1000
        dh = self.hushall.varde - self.hushall_jmf.varde
        return Uppgift(
            "Därav fler eller färre hushåll",
            dh * self.manader * (p0 + p1) / 2,
            "tkr",
            BERAKNAT,
            f"({tal(self.hushall.varde)} − {tal(self.hushall_jmf.varde)}) hushåll × "
            f"{self.manader} × medel av kostnaden per hushåll och månad",
        )

    @property
    def belopp(self) -> Uppgift:
        p0, p1 = self.per_hushall_jmf.varde / 1000, self.per_hushall.varde / 1000
        h = (self.hushall.varde + self.hushall_jmf.varde) / 2
        return Uppgift(
            "Därav högre eller lägre belopp per hushåll",
            (p1 - p0) * self.manader * h,
            "tkr",
            BERAKNAT,
            f"({tal(self.per_hushall.varde)} − {tal(self.per_hushall_jmf.varde)}) kr × "
            f"{self.manader} × medel av antalet hushåll",
        )

    @property
    def uppgifter(self) -> tuple[Uppgift, ...]:
        """Every figure of the split, inputs first, in the order tables and texts list them."""
        return (
            self.kostnad_jmf,
            self.kostnad,
            self.hushall_jmf,
            self.hushall,
            self.per_hushall_jmf,
            self.per_hushall,
            self.forandring,
            self.volym,
            self.belopp,
        )

    @property
    def text(self) -> str:
        """The split in words; every figure in it is computed."""
        ned_v, ned_b = self.volym.varde < 0, self.belopp.varde < 0
        per_hushall = self.per_hushall_text(
            formatera(self.per_hushall.varde, "kr"), formatera(self.per_hushall_jmf.varde, "kr")
        )
        return (
            f"Kostnaden {self.rubrik} {'minskade' if self.forandring.varde < 0 else 'ökade'} "
            f"med {formatera(abs(self.forandring.varde), 'tkr')} mot {self.jamforelsear}: "
            f"{'färre' if ned_v else 'fler'} hushåll drog {'ned' if ned_v else 'upp'} den med "
            f"{formatera(abs(self.volym.varde), 'tkr')}, och {'lägre' if ned_b else 'högre'} "
            f"kostnad per hushåll ({per_hushall}) drog {'ned' if ned_b else 'upp'} den med "
            f"{formatera(abs(self.belopp.varde), 'tkr')}. Alla belopp i meningen är beräknade."
        )

    def per_hushall_text(self, nu: str, jamforelse: str) -> str:
        """'7 431 kr per hushåll och månad 2022 mot 6 926 kr 2021': this year first, then the
        comparison, as every other comparison reads; "högre" or "lägre" before it then
        matches the order of the figures."""
        return f"{nu} per hushåll och månad {self.ar} mot {jamforelse} {self.jamforelsear}"


@dataclass(frozen=True)
class Volymanalys:
    uppdelningar: tuple[Uppdelning, ...]
    saknas: tuple[str, ...]  # what is missing, in plain words


def volym_och_belopp(tot: Totaler, period: Period) -> Volymanalys:
    """Split the change of the cost of ekonomiskt bistånd against the comparison year where
    both the cost and the number of households exist for both years:

    - the period's last month: the month's cost and the month's household count;
    - January..month: the cumulative cost and the stated mean household count.

    The papers give no household count for most months and no cost per household, so most
    periods have no split; the result then says which figures are missing.
    """
    if not (tot.har(KOSTNAD) and tot.har(HUSHALL)):
        return Volymanalys((), ("Kostnad eller antal hushåll saknas helt i databasen.",))
    delar = [_manadens_uppdelning(tot, period)]
    if period.fran_manad == 1 and period.till_manad > 1:
        delar.append(_uppdelning_hittills(tot, period))
    saknas = [d for d in delar if isinstance(d, str)]
    if period.fran_manad != 1:
        saknas.append(
            f"Medel antal hushåll anges bara för januari–månad, inte för "
            f"{manadsintervall(period.fran_manad, period.till_manad)}: ingen uppdelning för "
            "hela perioden."
        )
    return Volymanalys(tuple(d for d in delar if isinstance(d, Uppdelning)), tuple(saknas))


def _uppdelning(
    delar: dict[str, Uppgift | None], rubrik: str, period: Period, manader: int, forbehall: str
) -> Uppdelning | str:
    """The split from the cost and the households of the year and the comparison year, in
    that order, or what is missing: 'Nettokostnad september 2022, …: uppgift saknas.'"""
    borta = [namn for namn, u in delar.items() if u is None]
    if borta:
        return ", ".join(borta) + f": {UPPGIFT_SAKNAS}."
    kostnad, kostnad_jmf, hushall, hushall_jmf = delar.values()
    return Uppdelning(
        rubrik,
        period.ar,
        period.jamforelsear,
        manader,
        kostnad,
        kostnad_jmf,
        hushall,
        hushall_jmf,
        forbehall=forbehall,
    )


def _manadens_uppdelning(tot: Totaler, period: Period) -> Uppdelning | str:
    """The split of the period's last month, or what is missing for it."""
    ar, jmf, m = period.ar, period.jamforelsear, period.till_manad
    manad = manadsnamn(m)
    delar = {
        f"{namn} {manad} {a}": tot.uppgift(indikator, a, "manad", m, f"{namn} {manad} {a}")
        for indikator, namn in ((KOSTNAD, "Nettokostnad"), (HUSHALL, "Antal hushåll"))
        for a in (ar, jmf)
    }
    return _uppdelning(
        delar,
        f"i {manad}",
        period,
        1,
        forbehall=(
            f"Antalet hushåll för {manad} är det antal som handlingarna anger för "
            "månaden (för september läget den 30 september), kostnaden gäller hela "
            "månaden: kostnaden per hushåll är därför en uppskattning."
        ),
    )


def _uppdelning_hittills(tot: Totaler, period: Period) -> Uppdelning | str:
    """The split of January..the period's last month, or what is missing for it."""
    ar, jmf, m = period.ar, period.jamforelsear, period.till_manad
    intervall = manadsintervall(1, m)
    delar = {
        f"Nettokostnad {intervall} {ar}": hittills(tot, KOSTNAD, ar, m),
        f"Nettokostnad {intervall} {jmf}": hittills(tot, KOSTNAD, jmf, m),
        f"Medel antal hushåll {intervall} {ar}": tot.uppgift(
            HUSHALL, ar, "medel", m, f"Medel antal hushåll {intervall} {ar}"
        ),
        f"Medel antal hushåll {intervall} {jmf}": tot.uppgift(
            HUSHALL, jmf, "medel", m, f"Medel antal hushåll {intervall} {jmf}"
        ),
    }
    return _uppdelning(
        delar,
        f"{intervall}",
        period,
        m,
        forbehall=(
            f"Medelantalet hushåll {intervall} gånger {m} månader används som "
            "antalet hushållsmånader."
        ),
    )


def volymtabell(analys: Volymanalys) -> pl.DataFrame:
    rader = []
    for u in analys.uppdelningar:
        for uppgift in u.uppgifter:
            rader.append(
                {
                    "period": u.rubrik,
                    "uppgift": uppgift.beskrivning,
                    # unrounded: a table rounding 7 244,48 to 7 244,5 showed 7 245 beside the
                    # text's 7 244
                    "varde": float(uppgift.varde),
                    "enhet": uppgift.enhet,
                    "harledning": (
                        "angivet" if not uppgift.beraknad else f"beräknat: {uppgift.underlag}"
                    ),
                }
            )
    return pl.DataFrame(
        rader,
        schema={
            "period": pl.String,
            "uppgift": pl.String,
            "varde": pl.Float64,
            "enhet": pl.String,
            "harledning": pl.String,
        },
        orient="row",
    )
