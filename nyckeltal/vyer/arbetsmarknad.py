"""What the page Arbetsmarknad shows for a period: the key figures, the employment forms year
against year, växla bidrag mot lön, and the stated figures of feriearbete, insatser för unga
and Återbruk as cards, each with the texts around it."""

from __future__ import annotations

from dataclasses import dataclass, replace

import polars as pl

from nyckeltal import katalog
from nyckeltal.figurer import arbetsmarknad as figurer
from nyckeltal.format import (
    UPPGIFT_SAKNAS,
    formatera,
    formatera_forandring,
    manadsnamn,
    procent_andel,
)
from nyckeltal.kalla import Kalla, kalltext
from nyckeltal.kpi import Kpi, bygg_kpier
from nyckeltal.perioder import Period
from nyckeltal.vyer import Fraga
from nyckeltal.vyer.diagram import Diagram

OMRADE = "arbetsmarknad"
ANSTALLNINGSFORMER = "anstallningsform_antal"
VAXLA = "vaxla_bidrag_mot_lon"
KAA = "kaa_kannedom"
VAXLA_BELOPP = (figurer.VAXLA_KOSTNAD, figurer.VAXLA_MINSKAT_BISTAND)
# The disagreement between the papers on the desired direction of växla bidrag mot lön.
VAXLA_RIKTNING = "vaxla_riktning"


@dataclass(frozen=True)
class Uppgift:
    """A card of a stated figure: st.metric's label, value and help, and the line under it."""

    etikett: str
    varde: str
    hjalp: str
    under: str | None = None


@dataclass(frozen=True)
class Uppgiftskolumn:
    rubrik: str  # Markdown, above the column's cards
    kort: tuple[Uppgift, ...]


@dataclass(frozen=True)
class Anstallningsformer:
    diagram: Diagram | None  # None: no figures for the month, the page shows info instead
    info: str | None
    total: str | None  # the stated totals of both years, above the chart
    anmarkning: str | None  # the comparison year's caveat, under the chart


@dataclass(frozen=True)
class Vaxla:
    antal: str  # how many switched, above the chart
    diagram: Diagram | None  # None: no amounts for the period, the page shows info instead
    info: str | None
    netto: str | None  # how the net cost is computed, under the chart
    perioden: tuple[str, ...]  # what period the amounts are read as, under the chart


@dataclass(frozen=True)
class Uppgifter:
    """Feriearbete, insatser för unga and Återbruk: one column of cards each."""

    kolumner: tuple[Uppgiftskolumn, ...]
    kalla: str | None  # "Källa: …", or None when the period has no stated figure


@dataclass(frozen=True)
class ArbetsmarknadVy:
    kort: tuple[Kpi, ...]
    vaxla_riktning: str | None  # which of the papers' directions is used, under the cards
    former: Anstallningsformer
    vaxla: Vaxla
    uppgifter: Uppgifter


def bygg(fraga: Fraga, period: Period) -> ArbetsmarknadVy:
    """Everything the page shows for the period."""
    manad = f"{manadsnamn(period.till_manad)} {period.ar}"
    jamforelsemanad = f"{manadsnamn(period.till_manad)} {period.jamforelsear}"
    varden = fraga(
        "nyckeltal_for_period",
        **period.som_parametrar(),
        indikatorer=[*katalog.kort(OMRADE), *VAXLA_BELOPP],
    )
    kort = _kort(fraga, period, varden)
    kpi = {k.indikator_id: k for k in kort}
    return ArbetsmarknadVy(
        kort=kort,
        vaxla_riktning=_vaxla_riktning(fraga),
        former=_anstallningsformer(fraga, period, manad, jamforelsemanad),
        vaxla=_vaxla(fraga, period, varden, kpi[VAXLA], manad, jamforelsemanad),
        uppgifter=_uppgifter(fraga, period, kpi[KAA]),
    )


def _kort(fraga: Fraga, period: Period, varden: pl.DataFrame) -> tuple[Kpi, ...]:
    kort = list(katalog.kort(OMRADE))
    indikatorer = fraga("indikatorer_med_mal", ar=period.ar, indikatorer=kort)
    jamforelse = fraga(
        "nyckeltal_for_period", **period.jamforelse.som_parametrar(), indikatorer=kort
    )
    return tuple(
        # the indicator's full name does not fit a card; the help keeps its definition
        replace(kpi, namn="Arbetsmarknadsanställningar")
        if kpi.indikator_id == ANSTALLNINGSFORMER
        else kpi
        for kpi in bygg_kpier(kort, indikatorer, varden, jamforelse, period)
    )


def _vaxla_riktning(fraga: Fraga) -> str | None:
    """The papers disagree on the desired direction of växla bidrag mot lön; say which is used."""
    konflikt = fraga("kallkonflikter").filter(pl.col("konflikt_id") == VAXLA_RIKTNING)
    if konflikt.height:
        return f"ℹ️ Växla bidrag mot lön: {konflikt['motivering'][0]}"
    return None


def _anstallningsformer(
    fraga: Fraga, period: Period, manad: str, jamforelsemanad: str
) -> Anstallningsformer:
    former = fraga(
        "anstallningsformer_ar_mot_ar",
        ar=period.ar,
        jamforelsear=period.jamforelsear,
        manad=period.till_manad,
    )
    if former.is_empty():
        return Anstallningsformer(
            diagram=None, info=f"Uppgift saknas för {manad}.", total=None, anmarkning=None
        )
    total = former.filter(pl.col("ar_total"))
    # the comparison column's caveat (which month of the year it is) is the same on each row
    jamforelse_anmarkning = former["jamforelse_anmarkning"].drop_nulls()
    return Anstallningsformer(
        diagram=Diagram(
            fig=figurer.anstallningsformer(former, period.ar, period.jamforelsear),
            tabell=figurer.anstallningsformer_tabell(former),
            kalla=kalltext(former),
            nyckel="arbetsmarknad_anstallningsformer",
            enheter={"varde": "antal", "jamforelsevarde": "antal", "forandring": "antal"},
            rubriker={
                "anstallningsform": "Anställningsform",
                "varde": manad,
                "jamforelsevarde": jamforelsemanad,
                "forandring": "Förändring (beräknad)",
            },
        ),
        info=None,
        total=(
            f"Totalt enligt handlingarna: {formatera(total['varde'][0], 'antal')} i {manad} "
            f"och {formatera(total['jamforelsevarde'][0], 'antal')} i {jamforelsemanad}."
            if total.height
            else None
        ),
        anmarkning=(
            f"Om jämförelseåret: {jamforelse_anmarkning[0]}"
            if jamforelse_anmarkning.len()
            else None
        ),
    )


def _vaxla(
    fraga: Fraga,
    period: Period,
    varden: pl.DataFrame,
    vaxla: Kpi,
    manad: str,
    jamforelsemanad: str,
) -> Vaxla:
    antal = _vaxla_antal(vaxla, manad, jamforelsemanad)
    belopp = figurer.vaxla_belopp(varden)
    if belopp.is_empty():
        return Vaxla(
            antal=antal,
            diagram=None,
            info=f"Uppgift saknas för {period.etikett}.",
            netto=None,
            perioden=(),
        )
    netto = belopp.filter(pl.col("uppgift") == "beräknat")
    # the papers give no period for the amounts; varden.csv says how they are read
    anmarkningar = (
        fraga("varden_med_kalla", indikatorer=list(VAXLA_BELOPP))
        .filter(pl.col("ar") == period.ar)["anmarkning"]
        .drop_nulls()
        .unique(maintain_order=True)
    )
    return Vaxla(
        antal=antal,
        diagram=Diagram(
            fig=figurer.vaxla_vattenfall(belopp),
            tabell=belopp,
            kalla=kalltext(varden.filter(pl.col("indikator_id").is_in(VAXLA_BELOPP))),
            nyckel="arbetsmarknad_vaxla_bidrag_mot_lon",
            enheter={"belopp_kr": "kr"},
            rubriker={"post": "Post", "belopp_kr": f"{period.etikett} (kr)", "uppgift": "Uppgift"},
        ),
        info=None,
        netto=(
            f"Nettokostnaden {formatera(netto['belopp_kr'][0], 'kr')} är beräknad här ur "
            "uppgifterna i handlingarna: personalkostnaden minus arbetsmarknadsstödet, minus "
            "det minskade utbetalda ekonomiska biståndet."
            if netto.height
            else None
        ),
        perioden=tuple(f"Om perioden: {anmarkning}" for anmarkning in anmarkningar),
    )


def _vaxla_antal(vaxla: Kpi, manad: str, jamforelsemanad: str) -> str:
    if vaxla.varde is None:
        return f"Antal personer som växlat bidrag mot lön: uppgift saknas för {manad}."
    return f"{vaxla.varde_text} personer växlade ekonomiskt bistånd mot lön i " + (
        f"{manad}; uppgift för {jamforelsemanad} saknas."
        if vaxla.jamforelsevarde is None
        else f"{manad}, mot {formatera(vaxla.jamforelsevarde, 'antal')} i {jamforelsemanad}."
    )


def _uppgifter(fraga: Fraga, period: Period, kaa: Kpi) -> Uppgifter:
    """Feriearbete, insatser för unga and Återbruk: stated figures as cards, per column its
    heading and its cards."""
    uppgifter = fraga("arbetsmarknad_feriearbete_unga_aterbruk", **period.som_parametrar())
    rader = {rad["indikator_id"]: rad for rad in uppgifter.iter_rows(named=True)}

    def uppgift(indikator: str, etikett: str, *, fore: str = "", tecken: bool = False) -> Uppgift:
        return _uppgift(rader.get(indikator), etikett, period, fore=fore, tecken=tecken)

    sokt, tackat = rader.get("feriearbete_sokande"), rader.get("feriearbete_tackat_ja")
    return Uppgifter(
        kolumner=(
            Uppgiftskolumn(
                f"**Feriearbete {period.ar}**",
                (
                    uppgift("feriearbete_sokande", "Ungdomar som sökt"),
                    uppgift("feriearbete_tackat_ja", "Ungdomar som tackat ja"),
                    Uppgift(
                        "Andel som tackat ja (beräknad)",
                        procent_andel(tackat["varde"], sokt["varde"])
                        if sokt and tackat
                        else UPPGIFT_SAKNAS,
                        "Beräknad här ur uppgifterna i handlingarna: de som tackat ja delat med "
                        "de som sökt.",
                    ),
                    uppgift("feriearbete_stod_tjanst", "Tjänst för extra stöd"),
                ),
            ),
            Uppgiftskolumn(
                "**Insatser för unga**",
                (
                    Uppgift(
                        "KAA: kännedom om målgruppen",
                        kaa.varde_text,
                        kaa.hjalp,
                        f"{kaa.status.ikon} {kaa.status.text}"
                        if kaa.status.text != "inget mål"
                        else None,
                    ),
                    uppgift(
                        "ungdomsanstallningar_budgetokning",
                        "Ungdomsjobb: utökad budget",
                        tecken=True,
                    ),
                    uppgift(
                        "ungdomsanstallningar_platser", "Ungdomsjobb: platser", fore="upp till "
                    ),
                ),
            ),
            Uppgiftskolumn(
                "**Återbruk**",
                (
                    uppgift("aterbruk_personer", "Personer i anställning eller praktik"),
                    uppgift("aterbruk_arbetsterapeuter", "Arbetsterapeuter"),
                ),
            ),
        ),
        kalla=f"Källa: {kalltext(uppgifter)}" if rader else None,
    )


def _uppgift(
    rad: dict | None, etikett: str, period: Period, *, fore: str = "", tecken: bool = False
) -> Uppgift:
    """A stated figure as a card: approximate figures say 'cirka', a budget change its sign."""
    if rad is None:
        return Uppgift(etikett, UPPGIFT_SAKNAS, f"Uppgift saknas för {period.etikett}.")
    varde, enhet = rad["varde"], rad["enhet"]
    if enhet == "tkr":
        # the page's amounts are in kronor, as the papers give växla bidrag mot lön; a
        # budget stated in tkr is shown in kr too (exactly, × 1 000), the help quotes it
        varde, enhet = varde * 1000, "kr"
    text = formatera_forandring(varde, enhet) if tecken else formatera(varde, enhet)
    if rad["ungefarligt"]:
        text = f"cirka {text}"
    kalla = Kalla(rad["dokument"], rad["datum"], rad["diarienummer"], rad["avsnitt"])
    return Uppgift(
        etikett,
        f"{fore}{text}",
        f"Avser {_avser(rad, period.ar)}. {rad['beskrivning']}\n\n{rad['anmarkning'] or ''}\n\n"
        f"Källa: {kalla}.",
    )


def _avser(rad: dict, ar: int) -> str:
    """The months a stated figure covers, in words."""
    if rad["periodtyp"] == "helar":
        return f"helår {ar}"
    if rad["periodtyp"] == "ack":
        return f"januari–{manadsnamn(rad['manad'])} {ar}"
    return f"{manadsnamn(rad['manad'])} {ar}"
