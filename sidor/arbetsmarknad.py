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
from nyckeltal.perioder import Period
from sidor._delat import fraga, per_version, vald_period, visa_diagram, visa_kpier

KORT = (
    "personer_arbetsmarknadsinsatser",
    "vaxla_bidrag_mot_lon",
    "anstallningsform_antal",
    "kaa_kannedom",
)
VAXLA_BELOPP = [figurer.VAXLA_KOSTNAD, figurer.VAXLA_MINSKAT_BISTAND]


def kortdata(etikett: str, varde: str, hjalp: str, under: str | None = None) -> dict:
    """A card of a stated figure: st.metric's label, value and help, and the line under it."""
    return {"etikett": etikett, "varde": varde, "hjalp": hjalp, "under": under}


@per_version
def berakna(period: Period) -> dict:
    """Everything the page shows for the period, built once per database version and period:
    KPI cards, charts with their tables and sources, the stated figures as cards, and the
    texts around them."""
    parametrar = period.som_parametrar()
    manad = f"{manadsnamn(period.till_manad)} {period.ar}"
    jamforelsemanad = f"{manadsnamn(period.till_manad)} {period.jamforelsear}"
    ut: dict = {}

    # --- KPI row
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
    ut["kort"] = [kort[indikator] for indikator in KORT]

    # The papers disagree on the desired direction of växla bidrag mot lön; say which is used.
    vaxla_riktning = fraga("kallkonflikter").filter(pl.col("konflikt_id") == "vaxla_riktning")
    ut["vaxla_riktning"] = (
        f"ℹ️ Växla bidrag mot lön: {vaxla_riktning['motivering'][0]}"
        if vaxla_riktning.height
        else None
    )

    # --- Employment forms, year against year
    former = fraga(
        "anstallningsformer_ar_mot_ar",
        ar=period.ar,
        jamforelsear=period.jamforelsear,
        manad=period.till_manad,
    )
    if former.is_empty():
        ut["former_info"] = f"Uppgift saknas för {manad}."
    else:
        total = former.filter(pl.col("ar_total"))
        ut["former_total"] = (
            f"Totalt enligt handlingarna: {formatera(total['varde'][0], 'antal')} i {manad} "
            f"och {formatera(total['jamforelsevarde'][0], 'antal')} i {jamforelsemanad}."
            if total.height
            else None
        )
        ut["former"] = dict(
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
        )
        # the comparison column's caveat (which month of the year it is) is the same on each row
        jamforelse_anmarkning = former["jamforelse_anmarkning"].drop_nulls()
        ut["former_anmarkning"] = (
            f"Om jämförelseåret: {jamforelse_anmarkning[0]}"
            if jamforelse_anmarkning.len()
            else None
        )

    # --- Växla bidrag mot lön
    vaxla = kort["vaxla_bidrag_mot_lon"]
    if vaxla.varde is None:
        ut["vaxla_antal"] = f"Antal personer som växlat bidrag mot lön: uppgift saknas för {manad}."
    else:
        ut["vaxla_antal"] = f"{vaxla.varde_text} personer växlade ekonomiskt bistånd mot lön i " + (
            f"{manad}; uppgift för {jamforelsemanad} saknas."
            if vaxla.jamforelsevarde is None
            else f"{manad}, mot {formatera(vaxla.jamforelsevarde, 'antal')} i {jamforelsemanad}."
        )
    belopp = figurer.vaxla_belopp(varden)
    if not belopp.is_empty():
        ut["vaxla"] = dict(
            fig=figurer.vaxla_vattenfall(belopp),
            tabell=belopp,
            kalla=kalltext(varden.filter(pl.col("indikator_id").is_in(VAXLA_BELOPP))),
            nyckel="arbetsmarknad_vaxla_bidrag_mot_lon",
            enheter={"belopp_kr": "kr"},
            rubriker={"post": "Post", "belopp_kr": f"{period.etikett} (kr)", "uppgift": "Uppgift"},
        )
        netto = belopp.filter(pl.col("uppgift") == "beräknat")
        ut["vaxla_netto"] = (
            f"Nettokostnaden {formatera(netto['belopp_kr'][0], 'kr')} är beräknad här ur "
            "uppgifterna i handlingarna: personalkostnaden minus arbetsmarknadsstödet, minus "
            "det minskade utbetalda ekonomiska biståndet."
            if netto.height
            else None
        )
        # the papers give no period for the amounts; varden.csv says how they are read
        ut["vaxla_perioden"] = [
            f"Om perioden: {anmarkning}"
            for anmarkning in fraga("varden_med_kalla", indikatorer=VAXLA_BELOPP)
            .filter(pl.col("ar") == period.ar)["anmarkning"]
            .drop_nulls()
            .unique(maintain_order=True)
        ]

    # --- Feriearbete, insatser för unga and Återbruk: stated figures as cards
    uppgifter = fraga("arbetsmarknad_feriearbete_unga_aterbruk", **parametrar)
    rader = {rad["indikator_id"]: rad for rad in uppgifter.iter_rows(named=True)}

    def avser(rad: dict) -> str:
        if rad["periodtyp"] == "helar":
            return f"helår {period.ar}"
        if rad["periodtyp"] == "ack":
            return f"januari–{manadsnamn(rad['manad'])} {period.ar}"
        return f"{manadsnamn(rad['manad'])} {period.ar}"

    def uppgift(indikator: str, etikett: str, *, fore: str = "", tecken: bool = False) -> dict:
        """A stated figure as a card: approximate figures say 'cirka', a budget change its
        sign."""
        rad = rader.get(indikator)
        if rad is None:
            return kortdata(etikett, UPPGIFT_SAKNAS, f"Uppgift saknas för {period.etikett}.")
        varde, enhet = rad["varde"], rad["enhet"]
        if enhet == "tkr":
            # the page's amounts are in kronor, as the papers give växla bidrag mot lön; a
            # budget stated in tkr is shown in kr too (exactly, × 1 000), the help quotes it
            varde, enhet = varde * 1000, "kr"
        text = formatera_forandring(varde, enhet) if tecken else formatera(varde, enhet)
        if rad["ungefarligt"]:
            text = f"cirka {text}"
        kalla = Kalla(rad["dokument"], rad["datum"], rad["diarienummer"], rad["avsnitt"])
        return kortdata(
            etikett,
            f"{fore}{text}",
            f"Avser {avser(rad)}. {rad['beskrivning']}\n\n{rad['anmarkning'] or ''}\n\n"
            f"Källa: {kalla}.",
        )

    sokt, tackat = rader.get("feriearbete_sokande"), rader.get("feriearbete_tackat_ja")
    kaa = kort["kaa_kannedom"]
    # per column: its heading and its cards
    ut["uppgifter"] = [
        (
            f"**Feriearbete {period.ar}**",
            [
                uppgift("feriearbete_sokande", "Ungdomar som sökt"),
                uppgift("feriearbete_tackat_ja", "Ungdomar som tackat ja"),
                kortdata(
                    "Andel som tackat ja (beräknad)",
                    procent_andel(tackat["varde"], sokt["varde"])
                    if sokt and tackat
                    else UPPGIFT_SAKNAS,
                    "Beräknad här ur uppgifterna i handlingarna: de som tackat ja delat med "
                    "de som sökt.",
                ),
                uppgift("feriearbete_stod_tjanst", "Tjänst för extra stöd"),
            ],
        ),
        (
            "**Insatser för unga**",
            [
                kortdata(
                    "KAA: kännedom om målgruppen",
                    kaa.varde_text,
                    kaa.hjalp,
                    f"{kaa.status.ikon} {kaa.status.text}"
                    if kaa.status.text != "inget mål"
                    else None,
                ),
                uppgift(
                    "ungdomsanstallningar_budgetokning", "Ungdomsjobb: utökad budget", tecken=True
                ),
                uppgift("ungdomsanstallningar_platser", "Ungdomsjobb: platser", fore="upp till "),
            ],
        ),
        (
            "**Återbruk**",
            [
                uppgift("aterbruk_personer", "Personer i anställning eller praktik"),
                uppgift("aterbruk_arbetsterapeuter", "Arbetsterapeuter"),
            ],
        ),
    ]
    ut["uppgifter_kalla"] = f"Källa: {kalltext(uppgifter)}" if rader else None
    return ut


def visa_om(text: str | None) -> None:
    if text:
        st.caption(text)


period = vald_period()
sida = berakna(period)

st.title("Arbetsmarknad")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. Belopp i kronor (kr)."
)
visa_kpier(sida["kort"])
visa_om(sida["vaxla_riktning"])

st.subheader("Anställningsformer år mot år")
if "former" not in sida:
    st.info(sida["former_info"])
else:
    visa_om(sida["former_total"])
    visa_diagram(**sida["former"])
    visa_om(sida["former_anmarkning"])

st.subheader("Växla bidrag mot lön")
st.caption(sida["vaxla_antal"])
if "vaxla" not in sida:
    st.info(f"Uppgift saknas för {period.etikett}.")
else:
    visa_diagram(**sida["vaxla"])
    visa_om(sida["vaxla_netto"])
    for text in sida["vaxla_perioden"]:
        st.caption(text)

st.subheader("Feriearbete, insatser för unga och Återbruk")
for kolumn, (rubrik, kolumnens_kort) in zip(st.columns(3), sida["uppgifter"]):
    with kolumn:
        st.markdown(rubrik)
        for kort in kolumnens_kort:
            st.metric(kort["etikett"], kort["varde"], help=kort["hjalp"], border=True)
            visa_om(kort["under"])
visa_om(sida["uppgifter_kalla"])
