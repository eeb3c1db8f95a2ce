"""Arbetsmarknad: how many people are in labour-market employments and measures, and what
they give: växla bidrag mot lön, feriearbete, insatser för unga and Återbruk."""

from dataclasses import replace

import polars as pl
import streamlit as st

from nyckeltal.figurer import arbetsmarknad as figurer
from nyckeltal.format import (
    UPPGIFT_SAKNAS,
    formatera,
    formatera_forandring,
    manadsnamn,
    procent_andel,
)
from nyckeltal.kalla import Kalla, kalltext
from nyckeltal.kpi import bygg_kpier
from sidor._delat import fraga, vald_period, visa_diagram, visa_kpier

KORT = (
    "personer_arbetsmarknadsinsatser",
    "vaxla_bidrag_mot_lon",
    "anstallningsform_antal",
    "kaa_kannedom",
)
VAXLA_BELOPP = [figurer.VAXLA_KOSTNAD, figurer.VAXLA_MINSKAT_BISTAND]

period = vald_period()
parametrar = period.som_parametrar()
saknas = f"Uppgift saknas för {period.etikett}."
manad = f"{manadsnamn(period.till_manad)} {period.ar}"
jamforelsemanad = f"{manadsnamn(period.till_manad)} {period.jamforelsear}"

st.title("Arbetsmarknad")
st.caption(f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}.")

indikatorer = fraga("indikatorer_med_mal", ar=period.ar, indikatorer=list(KORT))
varden = fraga("nyckeltal_for_period", **parametrar, indikatorer=[*KORT, *VAXLA_BELOPP])
jamforelse = fraga(
    "nyckeltal_for_period", **period.jamforelse.som_parametrar(), indikatorer=list(KORT)
)
kort = dict(zip(KORT, bygg_kpier(list(KORT), indikatorer, varden, jamforelse, period)))
# the indicator's full name does not fit a card; the help keeps its definition
kort["anstallningsform_antal"] = replace(
    kort["anstallningsform_antal"], namn="Arbetsmarknadsanställningar"
)

visa_kpier([kort[indikator] for indikator in KORT])

# The papers disagree on the desired direction of växla bidrag mot lön; say which is used.
konflikter = fraga("kallkonflikter")
vaxla_riktning = konflikter.filter(pl.col("konflikt_id") == "vaxla_riktning")
if vaxla_riktning.height:
    st.caption(f"ℹ️ Växla bidrag mot lön: {vaxla_riktning['motivering'][0]}")

st.subheader("Anställningsformer år mot år")
former = fraga(
    "anstallningsformer_ar_mot_ar",
    ar=period.ar,
    jamforelsear=period.jamforelsear,
    manad=period.till_manad,
)
if former.is_empty():
    st.info(f"Uppgift saknas för {manad}.")
else:
    total = former.filter(pl.col("ar_total"))
    if total.height:
        st.caption(
            f"Totalt enligt handlingarna: {manad} {formatera(total['varde'][0], 'antal')}, "
            f"{jamforelsemanad} {formatera(total['jamforelsevarde'][0], 'antal')}."
        )
    visa_diagram(
        figurer.anstallningsformer(former, period.ar, period.jamforelsear),
        figurer.anstallningsformer_tabell(former),
        kalla=kalltext(former),
        nyckel="arbetsmarknad_anstallningsformer",
        enheter={"varde": "antal", "jamforelsevarde": "antal", "forandring": "antal"},
        rubriker={
            "anstallningsform": "Anställningsform",
            "varde": manad,
            "jamforelsevarde": jamforelsemanad,
            "forandring": "Förändring (beräknad)",
        },
    )
    # the comparison column's caveat (which month of the year it is) is the same on each row
    jamforelse_anmarkning = former["jamforelse_anmarkning"].drop_nulls()
    if jamforelse_anmarkning.len():
        st.caption(f"Om jämförelseåret: {jamforelse_anmarkning[0]}")

st.subheader("Växla bidrag mot lön")
vaxla = kort["vaxla_bidrag_mot_lon"]
if vaxla.varde is None:
    st.caption(f"Antal personer som växlat bidrag mot lön: uppgift saknas för {manad}.")
else:
    st.caption(
        f"{vaxla.varde_text} personer växlade ekonomiskt bistånd mot lön i {manad}; "
        f"{jamforelsemanad}: {formatera(vaxla.jamforelsevarde, 'antal')}."
    )
belopp = figurer.vaxla_belopp(varden)
if belopp.is_empty():
    st.info(saknas)
else:
    visa_diagram(
        figurer.vaxla_vattenfall(belopp),
        belopp,
        kalla=kalltext(
            varden.filter(
                pl.col("indikator_id").is_in([figurer.VAXLA_KOSTNAD, figurer.VAXLA_MINSKAT_BISTAND])
            )
        ),
        nyckel="arbetsmarknad_vaxla_bidrag_mot_lon",
        enheter={"belopp_kr": "kr"},
        rubriker={"post": "Post", "belopp_kr": f"{period.etikett} (kr)", "uppgift": "Uppgift"},
    )
    netto = belopp.filter(pl.col("uppgift") == "beräknat")
    if netto.height:
        st.caption(
            f"Nettokostnaden {formatera(netto['belopp_kr'][0], 'kr')} är beräknad av "
            "dashboarden: personalkostnaden minus arbetsmarknadsstödet, minus det minskade "
            "utbetalda ekonomiska biståndet."
        )
    # the papers give no period for the amounts; varden.csv says how they are read
    for anmarkning in (
        fraga("varden_med_kalla", indikatorer=VAXLA_BELOPP)
        .filter(pl.col("ar") == period.ar)["anmarkning"]
        .drop_nulls()
        .unique(maintain_order=True)
    ):
        st.caption(f"Om perioden: {anmarkning}")

st.subheader("Feriearbete, insatser för unga och Återbruk")
uppgifter = fraga("arbetsmarknad_feriearbete_unga_aterbruk", **parametrar)
rader = {rad["indikator_id"]: rad for rad in uppgifter.iter_rows(named=True)}


def avser(rad: dict) -> str:
    if rad["periodtyp"] == "helar":
        return f"helår {period.ar}"
    if rad["periodtyp"] == "ack":
        return f"januari–{manadsnamn(rad['manad'])} {period.ar}"
    return f"{manadsnamn(rad['manad'])} {period.ar}"


def visa_uppgift(indikator: str, etikett: str, *, fore: str = "", tecken: bool = False) -> None:
    """A stated figure as a card: approximate figures say 'cirka', a budget change its sign."""
    rad = rader.get(indikator)
    if rad is None:
        st.metric(
            etikett, UPPGIFT_SAKNAS, help=f"Uppgift saknas för {period.etikett}.", border=True
        )
        return
    text = (
        formatera_forandring(rad["varde"], rad["enhet"])
        if tecken
        else formatera(rad["varde"], rad["enhet"])
    )
    if rad["ungefarligt"]:
        text = f"cirka {text}"
    kalla = Kalla(rad["dokument"], rad["datum"], rad["diarienummer"], rad["avsnitt"])
    st.metric(
        etikett,
        f"{fore}{text}",
        help=f"Avser {avser(rad)}. {rad['beskrivning']}\n\n{rad['anmarkning'] or ''}\n\n"
        f"Källa: {kalla}.",
        border=True,
    )


feriearbete, unga, aterbruk = st.columns(3)
with feriearbete:
    st.markdown(f"**Feriearbete {period.ar}**")
    visa_uppgift("feriearbete_sokande", "Ungdomar som sökt")
    visa_uppgift("feriearbete_tackat_ja", "Ungdomar som tackat ja")
    sokt, tackat = rader.get("feriearbete_sokande"), rader.get("feriearbete_tackat_ja")
    st.metric(
        "Andel som tackat ja (beräknad)",
        procent_andel(tackat["varde"], sokt["varde"]) if sokt and tackat else UPPGIFT_SAKNAS,
        help="Beräknad av dashboarden: de som tackat ja delat med de som sökt.",
        border=True,
    )
    visa_uppgift("feriearbete_stod_tjanst", "Tjänst för extra stöd")
with unga:
    st.markdown("**Insatser för unga**")
    kaa = kort["kaa_kannedom"]
    st.metric("KAA: kännedom om målgruppen", kaa.varde_text, help=kaa.hjalp, border=True)
    if kaa.status.text != "inget mål":
        st.caption(f"{kaa.status.ikon} {kaa.status.text}")
    visa_uppgift("ungdomsanstallningar_budgetokning", "Ungdomsjobb: utökad budget", tecken=True)
    visa_uppgift("ungdomsanstallningar_platser", "Ungdomsjobb: platser", fore="upp till ")
with aterbruk:
    st.markdown("**Återbruk**")
    visa_uppgift("aterbruk_personer", "Personer i anställning eller praktik")
    visa_uppgift("aterbruk_arbetsterapeuter", "Arbetsterapeuter")

if rader:
    st.caption(f"Källa: {kalltext(uppgifter)}")
