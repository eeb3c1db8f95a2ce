"""Analysis for the committee's meeting: year-end forecasts, what it takes to reach a target,
seasonal bands and the split of a cost change into households and amount per household.

Pure functions over the frame of query analys_totaler_till_och_med_ar (every indicator's
total, month by month, cumulative, mean, full year and forecast, for a year and the years
before it). Every derived figure is returned as an Uppgift that says it is computed and from
what, so a page, the generated text and the report can show how it came about. Where the data
does not allow an analysis, the result says so in words instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import polars as pl

from nyckeltal.format import UPPGIFT_SAKNAS, formatera, manadsintervall, manadsnamn, tal
from nyckeltal.kalla import Kalla
from nyckeltal.perioder import Period

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


def _d(varde) -> Decimal:
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
        return Uppgift(beskrivning, _d(rad["varde"]), rad["enhet"], ANGIVET, _kalla(rad))

    def manader(self, indikator: str, ar: int) -> dict[int, Decimal]:
        """The month values of a year, by month."""
        return {
            manad: _d(r["varde"])
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


def _helar(tot: Totaler, indikator: str, ar: int) -> Uppgift | None:
    """The full-year figure: the outcome of a flow, the December state of a state measure."""
    namn = tot.meta(indikator)["namn"]
    if tot.meta(indikator)["matt_typ"] == "flode":
        return tot.uppgift(indikator, ar, "helar", 12, f"{namn}, utfall helår {ar}")
    return tot.uppgift(indikator, ar, "manad", 12, f"{namn}, december {ar}")


def _lage_vid(tot: Totaler, indikator: str, ar: int, manad: int) -> Uppgift | None:
    namn = tot.meta(indikator)["namn"]
    return tot.uppgift(indikator, ar, "manad", manad, f"{namn}, {manadsnamn(manad)} {ar}")


def _hittills_eller_lage(tot: Totaler, indikator: str, ar: int, manad: int) -> Uppgift | None:
    if tot.meta(indikator)["matt_typ"] == "flode":
        return hittills(tot, indikator, ar, manad)
    return _lage_vid(tot, indikator, ar, manad)


# --- Year-end forecast -----------------------------------------------------------------------


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
    nu = _hittills_eller_lage(tot, indikator, ar, till_manad)
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
    kvoter = []
    for tidigare in tot.ar_med(indikator):
        if tidigare >= ar:
            continue
        del_ = _hittills_eller_lage(tot, indikator, tidigare, till_manad)
        hel = _helar(tot, indikator, tidigare)
        if del_ is not None and hel is not None and del_.varde:
            kvoter.append(Arskvot(tidigare, del_, hel))
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
        meta["enhet"],
        BERAKNAT,
        berakning,
    )
    lag = hog = None
    if len(kvoter) >= 2:
        lag = Uppgift(
            f"Framskrivning helår {ar}, lägsta kvoten",
            nu.varde * min(kvotlista),
            meta["enhet"],
            BERAKNAT,
            f"{tal(nu.varde)} × {tal(min(kvotlista), 4)}",
        )
        hog = Uppgift(
            f"Framskrivning helår {ar}, högsta kvoten",
            nu.varde * max(kvotlista),
            meta["enhet"],
            BERAKNAT,
            f"{tal(nu.varde)} × {tal(max(kvotlista), 4)}",
        )
    enkel = None
    if meta["matt_typ"] == "flode":
        enkel = Uppgift(
            f"Enkel framskrivning helår {ar} (snittet hittills × 12)",
            nu.varde / till_manad * 12,
            meta["enhet"],
            BERAKNAT,
            f"{tal(nu.varde)} / {till_manad} × 12",
        )
    return Helarsprognos(
        hittills=nu, kvoter=tuple(kvoter), prognos=prognos, lag=lag, hog=hog, enkel=enkel, **bas
    )


def diagramserie(tot: Totaler, indikator: str, till_ar: int) -> pl.DataFrame:
    """What a chart of the year draws: January..month totals of a flow (stated or summed),
    month values of a state; columns ar, manad, varde, one row per year and month known."""
    flode = tot.meta(indikator)["matt_typ"] == "flode"
    rader = []
    for ar in tot.ar_med(indikator):
        if ar > till_ar:
            continue
        for manad in range(1, 13):
            u = (
                hittills(tot, indikator, ar, manad)
                if flode
                else _lage_vid(tot, indikator, ar, manad)
            )
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
    utfall = _helar(tot, indikator, ar)
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


# --- What it takes to reach a target ---------------------------------------------------------


@dataclass(frozen=True)
class Maltakt:
    """Where a measure stands against its target and what pace the rest of the year needs."""

    indikator_id: str
    namn: str
    enhet: str
    mal_text: str  # 'högst 700 (varje månad)'
    ar: int
    manad: int | None  # the latest month with a figure, at or before the period's end
    nuvarande: Uppgift | None
    kvar_manader: int
    behovd_per_manad: Uppgift | None = None
    takt_per_manad: Uppgift | None = None
    vid_arets_slut: Uppgift | None = None
    nas: bool | None = None  # reached by year end at the current pace (None: cannot tell)
    text: str = ""
    noteringar: tuple[str, ...] = field(default_factory=tuple)
    malvarde: Decimal | None = None
    # the year's figures up to manad: month values of a state, January..month totals of a flow
    punkter: tuple[tuple[int, Decimal], ...] = ()

    @property
    def status_text(self) -> str:
        if self.nas is None:
            return "❔ kan inte bedömas"
        return "✅ nås i nuvarande takt" if self.nas else "⚠️ nås inte i nuvarande takt"


def _per_manad(varde, enhet: str) -> str:
    """'4 192,3 tkr per månad', '17,3 per månad', '0,3 procentenheter per månad'."""
    if enhet == "procent":
        return f"{tal(varde, 1)} procentenheter per månad"
    return f"{formatera(varde, enhet, 1)} per månad"


def _f(varde, enhet: str, decimaler: int = 0) -> str:
    return formatera(varde, enhet, decimaler)


def maltakt(
    tot: Totaler,
    indikator: str,
    malvarde,
    jamforelse: str,
    galler: str,
    period: Period,
    mal_namn: str = "målet",
) -> Maltakt:
    """The monthly change needed from the period's end to reach the target by December, and
    whether the pace so far gets there.

    State measures ('lage'): the pace is the change per month between the year's first and
    latest month with a figure; the year-end value is the latest value plus the pace times
    the months left. Flows ('flode', a full-year target): the pace is the mean per month so
    far; the year-end value is the total so far plus the pace times the months left.
    """
    meta = tot.meta(indikator)
    enhet, matt_typ, ar = meta["enhet"], meta["matt_typ"], period.ar
    mal = _d(malvarde)
    mal_text = f"{jamforelse} {_f(mal, enhet)}" + (
        " per månad" if galler == "varje månad" else " för helåret"
    )
    bas = {
        "indikator_id": indikator,
        "namn": meta["namn"],
        "enhet": enhet,
        "mal_text": mal_text,
        "ar": ar,
        "malvarde": mal,
    }

    # the latest month at or before the period's end with a figure
    manad, nu = None, None
    for m in range(period.till_manad, 0, -1):
        nu = _hittills_eller_lage(tot, indikator, ar, m)
        if nu is not None:
            manad = m
            break
    if nu is None:
        return Maltakt(
            manad=None,
            nuvarande=None,
            kvar_manader=12 - period.till_manad,
            text=f"{meta['namn']}: {UPPGIFT_SAKNAS} till och med "
            f"{manadsnamn(period.till_manad)} {ar}, så takten mot {mal_namn} ({mal_text}) kan "
            "inte beräknas.",
            **bas,
        )
    kvar = 12 - manad
    punkter = []
    for m in range(1, manad + 1):
        u = _hittills_eller_lage(tot, indikator, ar, m)
        if u is not None:
            punkter.append((m, u.varde))
    bas["punkter"] = tuple(punkter)
    uppfyllt_nu = nu.varde <= mal if jamforelse == "högst" else nu.varde >= mal
    noteringar = []
    if manad != period.till_manad:
        noteringar.append(
            f"Senaste uppgift är från {manadsnamn(manad)} {ar}; "
            f"{manadsnamn(period.till_manad)}: {UPPGIFT_SAKNAS}."
        )
    if matt_typ == "lage" and galler == "varje månad":
        over = [
            (m, v)
            for m, v in sorted(tot.manader(indikator, ar).items())
            if m <= manad and (v > mal if jamforelse == "högst" else v < mal)
        ]
        if over:
            noteringar.append(
                "Målet gäller varje månad; "
                + ", ".join(f"{manadsnamn(m)} ({_f(v, enhet)})" for m, v in over)
                + (" låg över målet." if jamforelse == "högst" else " låg under målet.")
            )

    # pace so far
    takt, grund = None, ""
    if matt_typ == "flode":
        takt = nu.varde / manad
        grund = f"{tal(nu.varde)} / {manad} månader"
    else:
        manader = {m: v for m, v in tot.manader(indikator, ar).items() if m <= manad}
        forsta = min(manader) if manader else manad
        if forsta < manad:
            takt = (manader[manad] - manader[forsta]) / (manad - forsta)
            grund = (
                f"({tal(manader[manad])} − {tal(manader[forsta])}) / {manad - forsta} "
                f"månader, {manadsnamn(forsta)}–{manadsnamn(manad)}"
            )
    takt_u = None if takt is None else Uppgift("Takt hittills", takt, enhet, BERAKNAT, grund)

    if kvar == 0:
        return Maltakt(
            manad=manad,
            nuvarande=nu,
            kvar_manader=0,
            takt_per_manad=takt_u,
            nas=uppfyllt_nu,
            text=f"Året är slut: {mal_namn} ({mal_text}) "
            + ("nåddes." if uppfyllt_nu else "nåddes inte."),
            noteringar=tuple(noteringar),
            **bas,
        )

    behovd = (mal - nu.varde) / kvar
    behovd_u = Uppgift(
        f"Förändring per månad som når {mal_namn} i december",
        behovd,
        enhet,
        BERAKNAT,
        f"({tal(mal)} − {tal(nu.varde)}) / {kvar} månader",
    )
    slut_u = None
    if takt is not None:
        slut = nu.varde + takt * kvar
        slut_u = Uppgift(
            f"I december {ar} med takten hittills",
            slut,
            enhet,
            BERAKNAT,
            f"{tal(nu.varde)} + {tal(takt, 1)} × {kvar} månader",
        )
    nu_text = f"{manadsintervall(1, manad) if matt_typ == 'flode' else manadsnamn(manad)} {ar}"
    lagesord = f"{meta['namn']}: {_f(nu.varde, enhet)} i {nu_text}, {mal_namn} {mal_text}."

    if matt_typ == "flode" and jamforelse == "lägst" and uppfyllt_nu:
        # a cumulative count cannot fall: reached is reached
        nas = True
        text = f"{lagesord} {mal_namn.capitalize()} är redan nått."
        if slut_u:
            text += (
                f" Med takten hittills, {_per_manad(takt, enhet)}, blir det "
                f"{_f(slut_u.varde, enhet)} vid årets slut (beräknat)."
            )
    elif matt_typ == "flode" and jamforelse == "högst" and not uppfyllt_nu:
        nas = False
        text = f"{lagesord} {mal_namn.capitalize()} är redan överskridet."
    else:
        if matt_typ == "flode":
            if jamforelse == "högst":
                krav = (
                    f"För att hålla {mal_namn} får det bli högst {_per_manad(behovd, enhet)} "
                    "resten av året (beräknat)."
                )
            else:
                krav = (
                    f"För att nå {mal_namn} behövs {_per_manad(behovd, enhet)} resten av "
                    "året (beräknat)."
                )
        else:
            if behovd >= 0 and jamforelse == "högst":
                krav = (
                    f"För att ligga på högst {_f(mal, enhet)} i december får värdet öka med "
                    f"högst {_per_manad(behovd, enhet)} (beräknat)."
                )
            elif behovd <= 0 and jamforelse == "lägst":
                krav = (
                    f"För att ligga på lägst {_f(mal, enhet)} i december får värdet minska med "
                    f"högst {_per_manad(-behovd, enhet)} (beräknat)."
                )
            elif behovd < 0:
                krav = (
                    f"För att nå {_f(mal, enhet)} i december behöver värdet minska med "
                    f"{_per_manad(-behovd, enhet)} (beräknat)."
                )
            else:
                krav = (
                    f"För att nå {_f(mal, enhet)} i december behöver värdet öka med "
                    f"{_per_manad(behovd, enhet)} (beräknat)."
                )
        text = f"{lagesord} {krav}"
        if slut_u is None:
            nas = None
            text += " Takten hittills kan inte beräknas: året har bara en månad med uppgift."
        else:
            nas = slut_u.varde <= mal if jamforelse == "högst" else slut_u.varde >= mal
            text += (
                f" Takten hittills är {_per_manad(takt, enhet)} ({grund}); den ger "
                f"{_f(slut_u.varde, enhet)} i december (beräknat), så {mal_namn} "
                + ("nås." if nas else "nås inte.")
            )
    return Maltakt(
        manad=manad,
        nuvarande=nu,
        kvar_manader=kvar,
        behovd_per_manad=behovd_u,
        takt_per_manad=takt_u,
        vid_arets_slut=slut_u,
        nas=nas,
        text=text,
        noteringar=tuple(noteringar),
        **bas,
    )


def maltakter(tot: Totaler, indikatorer: pl.DataFrame, period: Period) -> list[Maltakt]:
    """Every measure with a target for the year (query indikatorer_med_mal), then the cost
    of ekonomiskt bistånd against its budget as a ceiling, when the budget is stated."""
    ut = []
    for rad in indikatorer.filter(pl.col("malvarde").is_not_null()).iter_rows(named=True):
        if tot.har(rad["indikator_id"]):
            ut.append(
                maltakt(
                    tot,
                    rad["indikator_id"],
                    rad["malvarde"],
                    rad["jamforelse"],
                    rad["galler"],
                    period,
                )
            )
    for kostnad, budgetindikator in BUDGET_FOR.items():
        if not (tot.har(kostnad) and tot.har(budgetindikator)):
            continue
        budget = tot.rad(budgetindikator, period.ar, "helar", 12)
        if budget is not None:
            ut.append(
                maltakt(
                    tot, kostnad, budget["varde"], "högst", "helår", period, mal_namn="budgeten"
                )
            )
    return ut


# Swedish headers and Excel units of maltakttabell, shared by the analysis and report pages.
MALTAKT_RUBRIKER = {
    "matt": "Mått",
    "mal": "Mål",
    "enhet": "Enhet",
    "manad": "Senaste månad",
    "nuvarande": "Värde",
    "kvar_manader": "Månader kvar",
    "behovd_per_manad": "Behövd förändring per månad (beräknad)",
    "takt_per_manad": "Takt hittills per månad (beräknad)",
    "vid_arets_slut": "I december med takten (beräknat)",
    "bedomning": "Bedömning",
}
MALTAKT_ENHETER = {
    "manad": "manad",
    "nuvarande": "antal",
    "behovd_per_manad": "antal",
    "takt_per_manad": "antal",
    "vid_arets_slut": "antal",
}


def maltakttabell(takter: list[Maltakt]) -> pl.DataFrame:
    # unrounded: the pages round as the text does (a value rounded to 59 897,5 here would
    # show 59 898 beside the text's 59 897)
    def v(u: Uppgift | None) -> float | None:
        return None if u is None or u.varde is None else float(u.varde)

    return pl.DataFrame(
        {
            "matt": [t.namn for t in takter],
            "mal": [t.mal_text for t in takter],
            "enhet": [t.enhet for t in takter],
            "manad": [t.manad for t in takter],
            "nuvarande": [v(t.nuvarande) for t in takter],
            "kvar_manader": [t.kvar_manader for t in takter],
            "behovd_per_manad": [v(t.behovd_per_manad) for t in takter],
            "takt_per_manad": [v(t.takt_per_manad) for t in takter],
            "vid_arets_slut": [v(t.vid_arets_slut) for t in takter],
            "bedomning": [t.status_text for t in takter],
        },
        schema={
            "matt": pl.String,
            "mal": pl.String,
            "enhet": pl.String,
            "manad": pl.Int32,
            "nuvarande": pl.Float64,
            "kvar_manader": pl.Int32,
            "behovd_per_manad": pl.Float64,
            "takt_per_manad": pl.Float64,
            "vid_arets_slut": pl.Float64,
            "bedomning": pl.String,
        },
    )


# --- Seasonality -----------------------------------------------------------------------------

LAGE_OVER, LAGE_UNDER, LAGE_INOM = "över spannet", "under spannet", "inom spannet"


def sasongsband(tot: Totaler, indikator: str, ar: int) -> pl.DataFrame:
    """Each month of the year against the band (lowest–highest) of the same month in earlier
    years. One row per month that has a value in the year or in an earlier year; lage is
    null where either side is missing."""
    tidigare = [a for a in tot.ar_med(indikator) if a < ar]
    per_ar = {a: tot.manader(indikator, a) for a in tidigare}
    i_ar = tot.manader(indikator, ar)
    rader = []
    for manad in range(1, 13):
        varden = {a: v[manad] for a, v in per_ar.items() if manad in v}
        nu = i_ar.get(manad)
        if not varden and nu is None:
            continue
        lagst = min(varden.values()) if varden else None
        hogst = max(varden.values()) if varden else None
        lage = None
        if nu is not None and varden:
            lage = LAGE_OVER if nu > hogst else LAGE_UNDER if nu < lagst else LAGE_INOM
        rader.append(
            {
                "manad": manad,
                "lagst": None if lagst is None else float(lagst),
                "hogst": None if hogst is None else float(hogst),
                "antal_ar": len(varden),
                "tidigare_ar": ", ".join(str(a) for a in sorted(varden)),
                "varde": None if nu is None else float(nu),
                "lage": lage,
            }
        )
    return pl.DataFrame(
        rader,
        schema={
            "manad": pl.Int32,
            "lagst": pl.Float64,
            "hogst": pl.Float64,
            "antal_ar": pl.Int32,
            "tidigare_ar": pl.String,
            "varde": pl.Float64,
            "lage": pl.String,
        },
        orient="row",
    )


def sasongstext(band: pl.DataFrame, ar: int, enhet: str) -> str:
    """'Av 9 månader med jämförelse låg 2 över spannet (mars, juni) …' in plain words."""
    jamforda = band.filter(pl.col("lage").is_not_null())
    if jamforda.is_empty():
        return f"Inga månader {ar} kan jämföras med samma månad tidigare år: {UPPGIFT_SAKNAS}."
    delar = []
    for lage in (LAGE_OVER, LAGE_UNDER):
        manader = jamforda.filter(pl.col("lage") == lage)["manad"].to_list()
        if manader:
            delar.append(f"{len(manader)} {lage} ({', '.join(manadsnamn(m) for m in manader)})")
    inom = jamforda.filter(pl.col("lage") == LAGE_INOM).height
    antal_ar = sorted(set(band["antal_ar"].to_list()) - {0})
    ar_text = " eller ".join(str(a) for a in antal_ar)
    return (
        f"Av {jamforda.height} månader {ar} som kan jämföras låg {inom} inom spannet"
        + ("" if not delar else ", " + " och ".join(delar))
        + f". Spannet för varje månad är lägsta–högsta värdet samma månad tidigare år "
        f"({ar_text} år); med så få år är det ett smalt mått på normal variation."
    )


# --- Volume and amount -----------------------------------------------------------------------


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
            _f(self.per_hushall.varde, "kr"), _f(self.per_hushall_jmf.varde, "kr")
        )
        return (
            f"Kostnaden {self.rubrik} {'minskade' if self.forandring.varde < 0 else 'ökade'} "
            f"med {_f(abs(self.forandring.varde), 'tkr')} mot {self.jamforelsear}: "
            f"{'färre' if ned_v else 'fler'} hushåll drog {'ned' if ned_v else 'upp'} den med "
            f"{_f(abs(self.volym.varde), 'tkr')}, och {'lägre' if ned_b else 'högre'} kostnad "
            f"per hushåll ({per_hushall}) drog {'ned' if ned_b else 'upp'} den med "
            f"{_f(abs(self.belopp.varde), 'tkr')}. Alla belopp i meningen är beräknade."
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
    ar, jmf, m = period.ar, period.jamforelsear, period.till_manad
    uppdelningar, saknas = [], []
    if not (tot.har(KOSTNAD) and tot.har(HUSHALL)):
        return Volymanalys((), ("Kostnad eller antal hushåll saknas helt i databasen.",))

    def krav(delar: dict[str, Uppgift | None]) -> bool:
        borta = [namn for namn, u in delar.items() if u is None]
        if borta:
            saknas.append(", ".join(borta) + f": {UPPGIFT_SAKNAS}.")
        return not borta

    # the month
    manad = manadsnamn(m)
    delar = {
        f"{namn} {manad} {a}": tot.uppgift(indikator, a, "manad", m, f"{namn} {manad} {a}")
        for indikator, namn in ((KOSTNAD, "Nettokostnad"), (HUSHALL, "Antal hushåll"))
        for a in (ar, jmf)
    }
    if krav(delar):
        k1, k0, h1, h0 = delar.values()
        uppdelningar.append(
            Uppdelning(
                f"i {manad}",
                ar,
                jmf,
                1,
                k1,
                k0,
                h1,
                h0,
                forbehall=(
                    f"Antalet hushåll för {manad} är det antal som handlingarna anger för "
                    "månaden (för september läget den 30 september), kostnaden gäller hela "
                    "månaden: kostnaden per hushåll är därför en uppskattning."
                ),
            )
        )
    # January..month
    if period.fran_manad == 1 and m > 1:
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
        if krav(delar):
            k1, k0, h1, h0 = delar.values()
            uppdelningar.append(
                Uppdelning(
                    f"{intervall}",
                    ar,
                    jmf,
                    m,
                    k1,
                    k0,
                    h1,
                    h0,
                    forbehall=(
                        f"Medelantalet hushåll {intervall} gånger {m} månader används som "
                        "antalet hushållsmånader."
                    ),
                )
            )
    elif period.fran_manad != 1:
        saknas.append(
            f"Medel antal hushåll anges bara för januari–månad, inte för "
            f"{manadsintervall(period.fran_manad, m)}: ingen uppdelning för hela perioden."
        )
    return Volymanalys(tuple(uppdelningar), tuple(saknas))


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
