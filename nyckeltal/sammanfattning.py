"""The generated summary: for the chosen period, Swedish text per area written the way the
follow-up report writes it, e.g. "Antal hushåll med ekonomiskt bistånd var 648 i september
2022 jämfört med 734 i september 2021, en minskning med 86 hushåll*; målet om högst 700
hushåll nås."

Deterministic and built only from the database: every sentence carries the figures it uses
(Uppgift: stated with its source, or computed with its inputs). A computed figure is marked
with an asterisk in the text and explained in the list of figures under it. A figure that is
missing is said to be missing; a sentence is never padded with a guess. No language model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import polars as pl

from nyckeltal import framskrivning, totaler, volymanalys
from nyckeltal.format import UPPGIFT_SAKNAS, formatera, manadsintervall, manadsnamn, tal
from nyckeltal.kalla import Kalla
from nyckeltal.katalog import OMRADESNAMN, egna_indikatorer
from nyckeltal.kpi import Kpi, bygg_kpier
from nyckeltal.perioder import Period
from nyckeltal.status import malstatus
from nyckeltal.totaler import ANGIVET, BERAKNAT, Totaler, Uppgift

BERAKNAD_MARK = "*"
FOTNOT = "* Beräknat från uppgifterna i handlingarna; beräkningen står i underlaget."


@dataclass(frozen=True)
class Mening:
    text: str
    uppgifter: tuple[Uppgift, ...] = ()


@dataclass(frozen=True)
class Omradestext:
    omrade: str  # 'bistand', 'flykting', 'arbetsmarknad', 'ekonomi'
    rubrik: str
    meningar: tuple[Mening, ...]

    @property
    def text(self) -> str:
        return " ".join(m.text for m in self.meningar)

    @property
    def uppgifter(self) -> tuple[Uppgift, ...]:
        return tuple(u for m in self.meningar for u in m.uppgifter)

    @property
    def har_beraknade(self) -> bool:
        return any(u.beraknad for u in self.uppgifter)


@dataclass(frozen=True)
class Underlag:
    """The query results the text is written from; see hamta_underlag."""

    period: Period
    indikatorer: pl.DataFrame  # indikatorer_med_mal for the period's year
    varden: pl.DataFrame  # nyckeltal_for_period for the period
    jamforelse: pl.DataFrame  # nyckeltal_for_period for the comparison period
    totaler: pl.DataFrame  # analys_totaler_till_och_med_ar for the period's year
    flykting: pl.DataFrame  # flykting_nyckeltal_for_period for the period
    # staff comments on the period's months (kommentarer_alla, written on the page
    # Administration): indikator_id, namn, ar, manad, text, vem, nar
    kommentarer: pl.DataFrame = field(default_factory=pl.DataFrame)


def kpier(underlag: Underlag, indikatorer: Sequence[str]) -> tuple[Kpi, ...]:
    """KPI cards of the underlag's period for the indicators (those the database has), in the
    given order: the report's table and the presentation's card slides."""
    finns = set(underlag.indikatorer["indikator_id"].to_list())
    return tuple(
        bygg_kpier(
            [i for i in indikatorer if i in finns],
            underlag.indikatorer,
            underlag.varden,
            underlag.jamforelse,
            underlag.period,
        )
    )


def hamta_underlag(fraga: Callable[..., pl.DataFrame], period: Period) -> Underlag:
    """The queries behind the text; fraga is Databas.fraga or the pages' cached fraga."""
    kommentarer = fraga("kommentarer_alla").filter(
        (pl.col("ar") == period.ar)
        & pl.col("manad").is_between(period.fran_manad, period.till_manad)
    )
    return Underlag(
        period=period,
        indikatorer=fraga("indikatorer_med_mal", ar=period.ar, indikatorer=egna_indikatorer()),
        varden=fraga(
            "nyckeltal_for_period", **period.som_parametrar(), indikatorer=egna_indikatorer()
        ),
        jamforelse=fraga(
            "nyckeltal_for_period",
            **period.jamforelse.som_parametrar(),
            indikatorer=egna_indikatorer(),
        ),
        totaler=fraga(
            "analys_totaler_till_och_med_ar", ar=period.ar, indikatorer=egna_indikatorer()
        ),
        flykting=fraga("flykting_nyckeltal_for_period", **period.som_parametrar()),
        kommentarer=kommentarer,
    )


def sparade_kommentarer(underlag: Underlag, omrade: str) -> tuple[str, ...]:
    """The staff comments on the area's indicators for the period, oldest month first:
    'Hushåll med försörjningsstöd, september 2022: text (vem, 2022-10-20)'. Plain text as
    written; a page shows it with st.text, never as Markdown."""
    if underlag.kommentarer.is_empty():
        return ()
    omraden = dict(
        zip(
            underlag.indikatorer["indikator_id"].to_list(), underlag.indikatorer["omrade"].to_list()
        )
    )
    rader = underlag.kommentarer.filter(
        pl.col("indikator_id").is_in([i for i, o in omraden.items() if o == omrade])
    ).sort("manad", "indikator_id")
    return tuple(
        f"{r['namn']}, {manadsnamn(r['manad'])} {r['ar']}: {r['text']} "
        f"({r['vem']}, {r['nar']:%Y-%m-%d})"
        for r in rader.iter_rows(named=True)
    )


# How each measure is named in running text, and the noun its count takes.
SUBJEKT = {
    "hushall_forsorjningsstod": ("Antal hushåll med ekonomiskt bistånd", "hushåll"),
    "hushall_langvarigt": (
        "Antal hushåll med ekonomiskt bistånd i mer än tio månader under året",
        "hushåll",
    ),
    "barn_ej_bistand_andel": ("Andelen barn som inte lever i hushåll med ekonomiskt bistånd", ""),
    "bistand_kostnad": ("Nettokostnaden för ekonomiskt bistånd", ""),
    "mottagna_flyktingar": ("Antal mottagna flyktingar", "flyktingar"),
    "anstallningsform_antal": ("Antal personer i arbetsmarknadsanställningar", "personer"),
    "personer_arbetsmarknadsinsatser": ("Antal personer i arbetsmarknadsinsatser", "personer"),
    "vaxla_bidrag_mot_lon": ("Antal personer som växlat bidrag mot lön", "personer"),
    "kaa_kannedom": ("Kännedomen om målgruppen inom det kommunala aktivitetsansvaret (KAA)", ""),
    "namnd_resultat": ("Nämndens resultat", ""),
}
# What a target counts, in the phrase "målet om högst 700 hushåll".
MALORD = {
    "hushall_forsorjningsstod": "hushåll",
    "mottagna_flyktingar": "mottagna flyktingar under året",
}


def _rader(df: pl.DataFrame) -> dict[str, dict]:
    return {r["indikator_id"]: r for r in df.iter_rows(named=True)}


def _uppgift(rad: dict | None, beskrivning: str, enhet: str) -> Uppgift | None:
    if rad is None:
        return None
    harledning = rad.get("harledning") or ANGIVET
    kalla = str(Kalla(rad["dokument"], rad["datum"], rad["diarienummer"], rad["avsnitt"]))
    if harledning == ANGIVET:
        return Uppgift(beskrivning, Decimal(str(rad["varde"])), enhet, ANGIVET, kalla)
    return Uppgift(
        beskrivning, Decimal(str(rad["varde"])), enhet, BERAKNAT, f"{harledning}; {kalla}"
    )


def _v(uppgift: Uppgift, decimaler: int = 0) -> str:
    """A figure for running text, with the asterisk when it is computed."""
    return uppgift.text(decimaler) + (BERAKNAD_MARK if uppgift.beraknad else "")


def _periodtext(matt_typ: str, period: Period, ar: int) -> str:
    """'september 2022' for a state, 'januari–september 2022' for a flow."""
    if matt_typ == "lage":
        return f"{manadsnamn(period.till_manad)} {ar}"
    return f"{manadsintervall(period.fran_manad, period.till_manad)} {ar}"


class _Skrivare:
    def __init__(self, underlag: Underlag):
        self.u = underlag
        self.period = underlag.period
        self.meta = _rader(underlag.indikatorer)
        self.nu = _rader(underlag.varden)
        self.da = _rader(underlag.jamforelse)
        self.tot = Totaler(underlag.totaler)

    # --- the common sentence: value, comparison, change, target ---------------------------

    def jamforelse(self, indikator: str) -> Mening | None:
        if indikator not in self.meta:
            return None
        m = self.meta[indikator]
        enhet, matt_typ = m["enhet"], m["matt_typ"]
        subjekt, substantiv = SUBJEKT.get(indikator, (m["namn"], ""))
        p_nu = _periodtext(matt_typ, self.period, self.period.ar)
        p_da = _periodtext(matt_typ, self.period, self.period.jamforelsear)
        nu = _uppgift(self.nu.get(indikator), f"{m['namn']}, {p_nu}", enhet)
        da = _uppgift(self.da.get(indikator), f"{m['namn']}, {p_da}", enhet)
        if nu is None:
            return Mening(f"{subjekt} för {p_nu}: {UPPGIFT_SAKNAS}.")
        uppgifter = [nu]
        text = f"{subjekt} var {_v(nu)} i {p_nu}"
        if da is None:
            text += f"; uppgift för {p_da} saknas"
        else:
            uppgifter.append(da)
            text += f" jämfört med {_v(da)} i {p_da}"
            skillnad = nu.varde - da.varde
            if skillnad == 0:
                text += ", oförändrat"
            else:
                # the change as the text says it, without a sign: 'Minskning: …' 86
                forandring = Uppgift(
                    f"{'Ökning' if skillnad > 0 else 'Minskning'}: {m['namn']}",
                    abs(skillnad),
                    enhet,
                    BERAKNAT,
                    f"{tal(nu.varde)} − {tal(da.varde)}",
                )
                uppgifter.append(forandring)
                ord_ = "en ökning" if skillnad > 0 else "en minskning"
                if enhet == "procent":
                    belopp = abs(skillnad)
                    text += (
                        f", {ord_} med {tal(belopp)} "
                        + ("procentenhet" if belopp == 1 else "procentenheter")
                        + BERAKNAD_MARK
                    )
                else:
                    text += f", {ord_} med {_antal_text(forandring, substantiv)}"
        text += self.malsats(indikator, nu, uppgifter) + "."
        return Mening(text, tuple(uppgifter))

    def malsats(self, indikator: str, nu: Uppgift, uppgifter: list[Uppgift]) -> str:
        """'; målet om högst 700 hushåll nås' (or is reached already, or not yet)."""
        m = self.meta[indikator]
        if m["malvarde"] is None:
            return ""
        malvarde, jamforelse, enhet = m["malvarde"], m["jamforelse"], m["enhet"]
        malord = MALORD.get(indikator, "")
        mal = f"målet om {jamforelse} {formatera(malvarde, enhet)}" + (
            f" {malord}" if malord else ""
        )
        uppgifter.append(
            Uppgift(
                f"Mål {self.period.ar}: {m['namn']}",
                Decimal(str(malvarde)),
                enhet,
                ANGIVET,
                str(
                    Kalla(
                        m["mal_dokument"], m["mal_datum"], m["mal_diarienummer"], m["mal_avsnitt"]
                    )
                ),
            )
        )
        status = malstatus(nu.varde, malvarde, jamforelse, enhet)
        hela_aret = self.period.fran_manad == 1 and self.period.till_manad == 12
        if m["galler"] == "helår" and m["matt_typ"] == "flode" and not hela_aret:
            if jamforelse == "lägst":
                if status.uppfyllt:
                    return f"; {mal} är redan nått"
                kvar = Uppgift(
                    "Kvar till målet",
                    Decimal(str(malvarde)) - nu.varde,
                    enhet,
                    BERAKNAT,
                    f"{tal(malvarde)} − {tal(nu.varde)}",
                )
                uppgifter.append(kvar)
                return f"; {mal} är ännu inte nått ({_v(kvar)} kvar)"
            return f"; {mal} " + ("hålls hittills" if status.uppfyllt else "överskrids redan")
        return f"; {mal} " + ("nås" if status.uppfyllt else "nås inte")

    # --- area texts --------------------------------------------------------------------------

    def bistand(self) -> list[Mening]:
        ut = [self.jamforelse("hushall_forsorjningsstod")]
        ut.append(self.medel_hushall())
        ut.append(self.jamforelse("bistand_kostnad"))
        ut.append(self.budget_hittills())
        ut.append(self.helarsprognos())
        ut.append(self.volym_och_belopp())
        ut.append(self.jamforelse("hushall_langvarigt"))
        ut.append(self.jamforelse("barn_ej_bistand_andel"))
        return ut

    def medel_hushall(self) -> Mening | None:
        if self.period.fran_manad != 1:
            return None
        m = self.period.till_manad
        intervall = manadsintervall(1, m)
        ar, jmf = self.period.ar, self.period.jamforelsear
        nu, da = (
            self.tot.uppgift(totaler.HUSHALL, a, "medel", m, f"Medel antal hushåll {intervall} {a}")
            for a in (ar, jmf)
        )
        if nu is None:
            return None
        text = f"Medel för {intervall} {ar} var {_antal_text(nu, 'hushåll')}"
        if da is None:
            return Mening(text + f"; uppgift för {intervall} {jmf} saknas.", (nu,))
        return Mening(
            text + f", jämfört med {_antal_text(da, 'hushåll')} för {intervall} {jmf}.", (nu, da)
        )

    def budget_hittills(self) -> Mening | None:
        """The budget to date and the cost against it, as the text of the papers states
        them (a budget to date is only stated for January..month)."""
        if self.period.fran_manad != 1 or totaler.KOSTNAD not in self.nu:
            return None
        m, ar = self.period.till_manad, self.period.ar
        intervall = manadsintervall(1, m)
        budget = self.tot.uppgift("bistand_budget", ar, "ack", m, f"Budget {intervall} {ar}")
        if budget is None:
            return None
        kostnad = _uppgift(self.nu[totaler.KOSTNAD], f"Nettokostnad {intervall} {ar}", "tkr")
        avvikelse = self.tot.uppgift(
            "bistand_kostnad_mot_budget", ar, "ack", m, f"Nettokostnad mot budget {intervall} {ar}"
        )
        if avvikelse is None:
            avvikelse = Uppgift(
                f"Nettokostnad mot budget {intervall} {ar}",
                kostnad.varde - budget.varde,
                "tkr",
                BERAKNAT,
                f"{tal(kostnad.varde)} − {tal(budget.varde)}",
            )
        riktning = (
            "högre än"
            if avvikelse.varde > 0
            else "lägre än"
            if avvikelse.varde < 0
            else "i nivå med"
        )
        belopp = Uppgift(
            avvikelse.beskrivning,
            abs(avvikelse.varde),
            "tkr",
            avvikelse.harledning,
            avvikelse.underlag,
        )
        return Mening(
            f"Budgeten för samma period är {_v(budget)}; nettokostnaden är "
            + (f"{_v(belopp)} {riktning} budget." if avvikelse.varde else f"{riktning} budget."),
            (budget, avvikelse),
        )

    def helarsprognos(self) -> Mening | None:
        if not self.tot.har(totaler.KOSTNAD):
            return None
        p = framskrivning.helarsprognos(
            self.tot, totaler.KOSTNAD, self.period.ar, self.period.till_manad
        )
        delar, uppgifter = [], []
        if p.forvaltningens is not None:
            uppgifter.append(p.forvaltningens)
            text = f"Förvaltningens prognos för helåret är {_v(p.forvaltningens)}"
            if p.budget is not None:
                uppgifter.append(p.budget)
                skillnad = p.forvaltningens.varde - p.budget.varde
                lage = "över" if skillnad > 0 else "under" if skillnad < 0 else "i nivå med"
                diff = Uppgift(
                    f"Prognos {lage} budget",
                    abs(skillnad),
                    "tkr",
                    BERAKNAT,
                    f"{tal(p.forvaltningens.varde)} − {tal(p.budget.varde)}",
                )
                uppgifter.append(diff)
                text += f" mot budgeten {_v(p.budget)}, {_v(diff)} {lage} budget"
            delar.append(text + ".")
        if p.prognos is not None:
            uppgifter.append(p.prognos)
            monster = ", ".join(str(k.ar) for k in p.kvoter)
            text = (
                f"En framskrivning med tidigare års säsongsmönster ({monster}) ger {_v(p.prognos)}"
            )
            if p.lag is not None and p.hog is not None:
                uppgifter += [p.lag, p.hog]
                text += f" (spann {tal(p.lag.varde)}–{_v(p.hog)})"
            else:
                text += " (spann saknas: för få tidigare år)"
            delar.append(text + ".")
        if not delar:
            return None
        return Mening(" ".join(delar), tuple(uppgifter))

    def volym_och_belopp(self) -> Mening | None:
        v = volymanalys.volym_och_belopp(self.tot, self.period)
        if not v.uppdelningar:
            return None
        u = v.uppdelningar[-1]  # the whole period before its last month, when both exist
        return Mening(
            f"Kostnaden {u.rubrik} {'minskade' if u.forandring.varde < 0 else 'ökade'} med "
            f"{_v(_abs(u.forandring))} mot {u.jamforelsear}: "
            f"{'färre' if u.volym.varde < 0 else 'fler'} hushåll drog "
            f"{'ned' if u.volym.varde < 0 else 'upp'} den med {_v(_abs(u.volym))}, och "
            f"{'lägre' if u.belopp.varde < 0 else 'högre'} kostnad per hushåll "
            f"({u.per_hushall_text(_v(u.per_hushall), _v(u.per_hushall_jmf))}) drog "
            f"{'ned' if u.belopp.varde < 0 else 'upp'} den med {_v(_abs(u.belopp))}.",
            u.uppgifter,
        )

    def flykting(self) -> list[Mening]:
        ut = [self.jamforelse("mottagna_flyktingar")]
        kon = _rader(self.u.flykting).get("mottagna_flyktingar_kon")
        if kon is not None and "mottagna_flyktingar" in self.nu:
            andel = _uppgift(
                kon, f"Andel kvinnor av mottagna flyktingar, {self.period.etikett}", "procent"
            )
            ut.append(Mening(f"Av de mottagna var {_v(andel)} kvinnor.", (andel,)))
        return ut

    def arbetsmarknad(self) -> list[Mening]:
        return [
            self.jamforelse(i)
            for i in (
                "anstallningsform_antal",
                "personer_arbetsmarknadsinsatser",
                "vaxla_bidrag_mot_lon",
                "kaa_kannedom",
            )
        ]

    def ekonomi(self) -> list[Mening]:
        ut = [self.jamforelse("namnd_resultat")]
        prognos = self.tot.senaste_prognos("namnd_resultat", self.period.ar, self.period.till_manad)
        if prognos is not None:
            text = f"Prognosen för nämndens resultat för helåret är {_v(prognos)}"
            uppgifter = [prognos]
            ordinarie = self.tot.senaste_prognos(
                "namnd_resultat_ordinarie", self.period.ar, self.period.till_manad
            )
            if ordinarie is not None:
                uppgifter.append(ordinarie)
                text += f"; den ordinarie verksamheten beräknas till {_v(ordinarie)}"
            ut.append(Mening(text + ".", tuple(uppgifter)))
        return ut


def _abs(u: Uppgift) -> Uppgift:
    return Uppgift(u.beskrivning, abs(u.varde), u.enhet, u.harledning, u.underlag)


def _antal_text(u: Uppgift, substantiv: str) -> str:
    """'86 hushåll*': the noun before the asterisk, so the mark ends the phrase."""
    text = u.text()
    if substantiv and u.enhet == "antal":
        text += f" {substantiv}"
    return text + (BERAKNAD_MARK if u.beraknad else "")


def sammanfatta(underlag: Underlag) -> list[Omradestext]:
    """The text per area for the period, in the order of the report."""
    s = _Skrivare(underlag)
    skrivare = {
        "bistand": s.bistand,
        "flykting": s.flykting,
        "arbetsmarknad": s.arbetsmarknad,
        "ekonomi": s.ekonomi,
    }
    ut = []
    for omrade, rubrik in OMRADESNAMN.items():
        meningar = tuple(m for m in skrivare[omrade]() if m is not None)
        ut.append(Omradestext(omrade, rubrik, meningar))
    return ut


def uppgiftstabell(texter: list[Omradestext]) -> pl.DataFrame:
    """Every figure in the text with where it comes from: the text's traceability table."""
    rader = []
    for t in texter:
        for u in t.uppgifter:
            rader.append(
                {
                    "omrade": t.rubrik,
                    "uppgift": u.beskrivning,
                    "varde": None if u.varde is None else float(u.varde),
                    "enhet": u.enhet,
                    "harledning": u.harledning,
                    "underlag": u.underlag,
                }
            )
    return pl.DataFrame(
        rader,
        schema={
            "omrade": pl.String,
            "uppgift": pl.String,
            "varde": pl.Float64,
            "enhet": pl.String,
            "harledning": pl.String,
            "underlag": pl.String,
        },
        orient="row",
    ).unique(subset=["omrade", "uppgift", "varde"], keep="first", maintain_order=True)


_MARKDOWN_TECKEN = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>()#+!|~$"})


def som_markdown(text: str) -> str:
    """Text for st.markdown shown as written: the asterisk of a computed figure must not
    start italics, and a '$' must not start LaTeX."""
    return text.translate(_MARKDOWN_TECKEN)
