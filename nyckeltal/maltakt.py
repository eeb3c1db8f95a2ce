"""What it takes to reach a target: where a measure stands against its target for the year,
the monthly change the rest of the year needs, and whether the pace so far gets there. The
cost of ekonomiskt bistånd is measured against its budget as a ceiling the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

import polars as pl

from nyckeltal.format import UPPGIFT_SAKNAS, formatera, manadsintervall, manadsnamn, tal
from nyckeltal.perioder import Period
from nyckeltal.totaler import (
    BERAKNAT,
    BUDGET_FOR,
    Totaler,
    Uppgift,
    hittills_eller_lage,
    som_decimal,
)


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
    mal = som_decimal(malvarde)
    mal_text = f"{jamforelse} {formatera(mal, enhet)}" + (
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
    manad, nu = _senaste_uppgift(tot, indikator, ar, period.till_manad)
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
    takt = _takt_hittills(tot, indikator, ar, manad, nu)
    uppfyllt_nu = _uppfyller(nu.varde, mal, jamforelse)
    bas |= {
        "manad": manad,
        "nuvarande": nu,
        "takt_per_manad": takt,
        "punkter": _punkter(tot, indikator, ar, manad),
        "noteringar": _noteringar(tot, indikator, period, manad, mal, jamforelse, galler),
    }
    if kvar == 0:
        return Maltakt(
            kvar_manader=0,
            nas=uppfyllt_nu,
            text=f"Året är slut: {mal_namn} ({mal_text}) "
            + ("nåddes." if uppfyllt_nu else "nåddes inte."),
            **bas,
        )

    behovd = Uppgift(
        f"Förändring per månad som når {mal_namn} i december",
        (mal - nu.varde) / kvar,
        enhet,
        BERAKNAT,
        f"({tal(mal)} − {tal(nu.varde)}) / {kvar} månader",
    )
    slut = _vid_arets_slut(nu, takt, kvar, ar)
    avgjort = _redan_avgjort(matt_typ, jamforelse, uppfyllt_nu)
    nas = avgjort
    if avgjort is None and slut is not None:
        nas = _uppfyller(slut.varde, mal, jamforelse)
    berakning = Maltakt(
        kvar_manader=kvar, behovd_per_manad=behovd, vid_arets_slut=slut, nas=nas, **bas
    )
    # the numbers first; the sentences quote them
    return replace(
        berakning, text=_bedomningstext(berakning, matt_typ, jamforelse, mal_namn, avgjort)
    )


def _uppfyller(varde: Decimal, mal: Decimal, jamforelse: str) -> bool:
    return varde <= mal if jamforelse == "högst" else varde >= mal


def _senaste_uppgift(
    tot: Totaler, indikator: str, ar: int, till_manad: int
) -> tuple[int | None, Uppgift | None]:
    """The latest month at or before till_manad with a figure, and that figure."""
    for manad in range(till_manad, 0, -1):
        nu = hittills_eller_lage(tot, indikator, ar, manad)
        if nu is not None:
            return manad, nu
    return None, None


def _punkter(tot: Totaler, indikator: str, ar: int, manad: int) -> tuple[tuple[int, Decimal], ...]:
    punkter = []
    for m in range(1, manad + 1):
        u = hittills_eller_lage(tot, indikator, ar, m)
        if u is not None:
            punkter.append((m, u.varde))
    return tuple(punkter)


def _takt_hittills(
    tot: Totaler, indikator: str, ar: int, manad: int, nu: Uppgift
) -> Uppgift | None:
    """A flow's mean per month so far; a state's change per month from the year's first month
    with a figure to manad (None when manad is the only one)."""
    meta = tot.meta(indikator)
    if meta["matt_typ"] == "flode":
        return Uppgift(
            "Takt hittills",
            nu.varde / manad,
            meta["enhet"],
            BERAKNAT,
            f"{tal(nu.varde)} / {manad} månader",
        )
    manader = {m: v for m, v in tot.manader(indikator, ar).items() if m <= manad}
    forsta = min(manader) if manader else manad
    if forsta >= manad:
        return None
    return Uppgift(
        "Takt hittills",
        (manader[manad] - manader[forsta]) / (manad - forsta),
        meta["enhet"],
        BERAKNAT,
        f"({tal(manader[manad])} − {tal(manader[forsta])}) / {manad - forsta} "
        f"månader, {manadsnamn(forsta)}–{manadsnamn(manad)}",
    )


def _noteringar(
    tot: Totaler,
    indikator: str,
    period: Period,
    manad: int,
    mal: Decimal,
    jamforelse: str,
    galler: str,
) -> tuple[str, ...]:
    """Notes beside the assessment: the latest figure is older than the period's end; the
    months that missed a target that holds every month."""
    meta, ar = tot.meta(indikator), period.ar
    noteringar = []
    if manad != period.till_manad:
        noteringar.append(
            f"Senaste uppgift är från {manadsnamn(manad)} {ar}; "
            f"{manadsnamn(period.till_manad)}: {UPPGIFT_SAKNAS}."
        )
    if meta["matt_typ"] == "lage" and galler == "varje månad":
        over = [
            (m, v)
            for m, v in sorted(tot.manader(indikator, ar).items())
            if m <= manad and not _uppfyller(v, mal, jamforelse)
        ]
        if over:
            noteringar.append(
                "Målet gäller varje månad; "
                + ", ".join(f"{manadsnamn(m)} ({formatera(v, meta['enhet'])})" for m, v in over)
                + (" låg över målet." if jamforelse == "högst" else " låg under målet.")
            )
    return tuple(noteringar)


def _vid_arets_slut(nu: Uppgift, takt: Uppgift | None, kvar: int, ar: int) -> Uppgift | None:
    """December's value if the pace so far holds (None without a pace)."""
    if takt is None:
        return None
    return Uppgift(
        f"I december {ar} med takten hittills",
        nu.varde + takt.varde * kvar,
        takt.enhet,
        BERAKNAT,
        f"{tal(nu.varde)} + {tal(takt.varde, 1)} × {kvar} månader",
    )


def _redan_avgjort(matt_typ: str, jamforelse: str, uppfyllt_nu: bool) -> bool | None:
    """A cumulative count cannot fall: a floor reached is reached, a ceiling passed is passed.
    None where the pace decides."""
    if matt_typ == "flode" and jamforelse == "lägst" and uppfyllt_nu:
        return True
    if matt_typ == "flode" and jamforelse == "högst" and not uppfyllt_nu:
        return False
    return None


def _bedomningstext(
    t: Maltakt, matt_typ: str, jamforelse: str, mal_namn: str, avgjort: bool | None
) -> str:
    """The assessment in words, quoting the computed figures of t."""
    nu, enhet, takt, slut = t.nuvarande, t.enhet, t.takt_per_manad, t.vid_arets_slut
    manader = manadsintervall(1, t.manad) if matt_typ == "flode" else manadsnamn(t.manad)
    lagesord = (
        f"{t.namn}: {formatera(nu.varde, enhet)} i {manader} {t.ar}, {mal_namn} {t.mal_text}."
    )
    if avgjort is True:
        text = f"{lagesord} {mal_namn.capitalize()} är redan nått."
        if slut:
            text += (
                f" Med takten hittills, {_per_manad(takt.varde, enhet)}, blir det "
                f"{formatera(slut.varde, enhet)} vid årets slut (beräknat)."
            )
        return text
    if avgjort is False:
        return f"{lagesord} {mal_namn.capitalize()} är redan överskridet."
    text = f"{lagesord} {_kravtext(t, matt_typ, jamforelse, mal_namn)}"
    if slut is None:
        return text + " Takten hittills kan inte beräknas: året har bara en månad med uppgift."
    return text + (
        f" Takten hittills är {_per_manad(takt.varde, enhet)} ({takt.underlag}); den ger "
        f"{formatera(slut.varde, enhet)} i december (beräknat), så {mal_namn} "
        + ("nås." if t.nas else "nås inte.")
    )


def _kravtext(t: Maltakt, matt_typ: str, jamforelse: str, mal_namn: str) -> str:
    """What the rest of the year needs, in words."""
    behovd, enhet, mal = t.behovd_per_manad.varde, t.enhet, t.malvarde
    if matt_typ == "flode":
        if jamforelse == "högst":
            return (
                f"För att hålla {mal_namn} får det bli högst {_per_manad(behovd, enhet)} "
                "resten av året (beräknat)."
            )
        return (
            f"För att nå {mal_namn} behövs {_per_manad(behovd, enhet)} resten av året (beräknat)."
        )
    if behovd >= 0 and jamforelse == "högst":
        return (
            f"För att ligga på högst {formatera(mal, enhet)} i december får värdet öka med "
            f"högst {_per_manad(behovd, enhet)} (beräknat)."
        )
    if behovd <= 0 and jamforelse == "lägst":
        return (
            f"För att ligga på lägst {formatera(mal, enhet)} i december får värdet minska med "
            f"högst {_per_manad(-behovd, enhet)} (beräknat)."
        )
    if behovd < 0:
        return (
            f"För att nå {formatera(mal, enhet)} i december behöver värdet minska med "
            f"{_per_manad(-behovd, enhet)} (beräknat)."
        )
    return (
        f"För att nå {formatera(mal, enhet)} i december behöver värdet öka med "
        f"{_per_manad(behovd, enhet)} (beräknat)."
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
