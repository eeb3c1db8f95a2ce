"""Ekonomiskt bistånd: how the cost and the number of households develop against budget,
target and earlier years, for the period chosen in the sidebar."""

import polars as pl
import streamlit as st

from nyckeltal.figurer import bistand
from nyckeltal.format import UPPGIFT_SAKNAS, formatera, manadsintervall, manadsnamn
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import bygg_kpier
from nyckeltal.perioder import Period
from sidor._delat import (
    fraga,
    per_version,
    vald_period,
    visa_diagram,
    visa_flikar,
    visa_kpier,
)

KORT = (
    "hushall_forsorjningsstod",
    "bistand_kostnad",
    "hushall_langvarigt",
    "barn_ej_bistand_andel",
)
KALLKOLUMNER = ["dokument", "datum", "diarienummer", "avsnitt"]
# The disagreement between the budget table and the text about the budget to date.
BUDGETKONFLIKT = "bistand_budget_hittills"


def saknade(df: pl.DataFrame, vad: str, period: Period) -> str | None:
    """Which of the period's months have no figure, instead of letting a gap pass as 0."""
    saknas = bistand.saknade_manader(df, period)
    if saknas:
        return f"ℹ️ {vad} {bistand.manadslista(saknas)} {period.ar}: {UPPGIFT_SAKNAS}."
    return None


@per_version
def berakna(period: Period) -> dict:
    """Everything the page shows for the period, built once per database version and period:
    KPI cards, charts with their tables and sources, and the texts around them."""
    ar, till = period.ar, period.till_manad
    jan_till = manadsintervall(1, till)
    ut: dict = {}

    # --- KPI row
    indikatorer = fraga("indikatorer_med_mal", ar=ar, indikatorer=list(KORT))
    meta = {rad["indikator_id"]: rad for rad in indikatorer.iter_rows(named=True)}
    serier = {
        indikator: fraga("serie_per_manad", indikator=indikator).filter(pl.col("dimension") == "")
        for indikator in KORT
    }
    ut["kort"] = bygg_kpier(
        list(KORT),
        indikatorer,
        fraga("nyckeltal_for_period", **period.som_parametrar(), indikatorer=list(KORT)),
        fraga("nyckeltal_for_period", **period.jamforelse.som_parametrar(), indikatorer=list(KORT)),
        period,
        # No sparklines here: the months are drawn in full right below, and four sparklines
        # (Vega charts) cost the browser about as much as one more chart on a period change.
    )
    ar_med_data = fraga("perioder_med_data")["ar"].to_list()

    # --- Monthly cost, year over year
    kostnad = serier["bistand_kostnad"]
    if not kostnad.is_empty():
        tabell = bistand.manadstabell(kostnad)
        ut["kostnad_saknas"] = saknade(kostnad, "Nettokostnad för", period)
        ut["kostnad"] = dict(
            fig=bistand.kostnad_per_manad(kostnad, period),
            tabell=tabell,
            kalla=kalltext(kostnad),
            nyckel="bistand_kostnad_per_manad",
            enheter={"manad": "manad", **{k: "tkr" for k in tabell.columns if k != "manad"}},
            rubriker={"manad": "Månad"},
        )

    # --- Cumulative cost against the budget to date
    helar = fraga("bistand_helar_per_ar")
    budgetrad = helar.filter((pl.col("ar") == ar) & (pl.col("slag") == "budget"))
    budget_helar = budgetrad["varde"][0] if budgetrad.height else None
    mot_budget = fraga("bistand_kostnad_mot_budget", ar=ar)
    ack = bistand.ackumulerad(kostnad)
    if not ack.is_empty():
        ut["ack_budget_saknas"] = budget_helar is None and mot_budget.is_empty()
        tabell = bistand.budgettabell(ack, ar, budget_helar, mot_budget)
        ut["ack"] = dict(
            fig=bistand.kostnad_mot_budget(ack, period, budget_helar, mot_budget),
            tabell=tabell,
            kalla=kalltext(
                pl.concat(
                    [
                        kostnad.select(KALLKOLUMNER),
                        budgetrad.select(KALLKOLUMNER),
                        mot_budget.select(KALLKOLUMNER),
                    ]
                )
            ),
            nyckel="bistand_ackumulerad_mot_budget",
            enheter={"manad": "manad", **{k: "tkr" for k in tabell.columns if k != "manad"}},
            rubriker=bistand.budgettabell_rubriker(tabell),
        )
        ut["ack_forklaring"] = (
            "Den ackumulerade kostnaden är summan av månadsvärdena (beräknad). "
            + (
                f"Den streckade linjen är årsbudgeten {formatera(budget_helar, 'tkr')} "
                "fördelad jämnt över årets månader (beräknad), inte en uppgift i handlingarna."
                if budget_helar is not None
                else ""
            )
        )
        ut["mot_budget"] = mot_budget_texter(period, mot_budget, budget_helar)

    # --- Full-year outcome, forecast and budget
    prognos = fraga("prognos_for_period", ar=ar, till_manad=till).filter(
        pl.col("indikator_id") == "bistand_kostnad"
    )
    helarsrader = pl.concat(
        [
            helar.filter(
                ((pl.col("slag") == "bokslut") & (pl.col("ar") <= ar))
                | ((pl.col("slag") == "budget") & (pl.col("ar") == ar))
            ).select("ar", "slag", "varde", *KALLKOLUMNER),
            prognos.select(
                pl.lit(ar, dtype=pl.Int32).alias("ar"),
                pl.lit("prognos").alias("slag"),
                "varde",
                *KALLKOLUMNER,
            ),
        ]
    )
    saknas = []
    if prognos.is_empty():
        saknas.append(f"helårsprognos {ar} gjord senast i {manadsnamn(till)}")
    if budgetrad.is_empty():
        saknas.append(f"budget {ar}")
    ut["helar_saknas"] = (
        f"ℹ️ {', '.join(saknas).capitalize()}: {UPPGIFT_SAKNAS}." if saknas else None
    )
    if not helarsrader.is_empty():
        ut["helar"] = dict(
            fig=bistand.helar_utfall_prognos_budget(
                helarsrader, valt_ar=ar, jamforelsear=period.jamforelsear
            ),
            tabell=pl.DataFrame(
                {
                    "uppgift": [
                        bistand.helar_etikett(slag, a)
                        for a, slag in helarsrader.select("ar", "slag").iter_rows()
                    ],
                    "varde": helarsrader["varde"],
                }
            ),
            kalla=kalltext(helarsrader),
            nyckel="bistand_helar",
            enheter={"varde": "tkr"},
            rubriker={"uppgift": "Uppgift", "varde": "Nettokostnad helår (tkr)"},
        )
        verksamhet = fraga("budget_per_verksamhet", ar=ar, manad=till).filter(
            pl.col("verksamhet") == "Ekonomiskt bistånd"
        )
        if verksamhet.height and verksamhet["avvikelse"][0] is not None:
            ut["helar_avvikelse"] = (
                "Prognostiserad avvikelse mot budget för helåret: "
                f"**{formatera(verksamhet['avvikelse'][0], 'tkr')}** (minus är underskott; "
                "tabellen Verksamheternas nettokostnader i budgetuppföljningen)."
            )

    # --- Households
    hushall = fraga("hushall_per_manad_och_medel")
    manader = hushall.filter(pl.col("periodtyp") == "manad")
    medel = hushall.filter(pl.col("periodtyp") == "medel")
    mal = meta["hushall_forsorjningsstod"]
    if not manader.is_empty():
        tabell = bistand.manadstabell(manader)
        ut["hushall_saknas"] = saknade(manader, "Antal hushåll för", period)
        ut["hushall_utan_mal"] = mal["malvarde"] is None
        ut["hushall"] = dict(
            fig=bistand.hushall_per_manad(manader, period, mal["malvarde"], mal["jamforelse"]),
            tabell=tabell,
            kalla=kalltext(manader),
            nyckel="hushall_per_manad",
            enheter={"manad": "manad", **{k: "antal" for k in tabell.columns if k != "manad"}},
            rubriker={"manad": "Månad"},
        )
    medel_nu = medel.filter(pl.col("manad") == till)
    if medel_nu.is_empty():
        angivna = ", ".join(sorted({manadsintervall(1, m) for m in medel["manad"].to_list()}))
        ut["medel_info"] = f"Medel {jan_till}: {UPPGIFT_SAKNAS}." + (
            f" Handlingarna anger medel för {angivna}." if angivna else ""
        )
    else:
        ut["medel"] = dict(
            fig=bistand.varde_per_ar(
                medel_nu,
                ar_med_data,
                "antal",
                "Hushåll, medel",
                period,
                beskrivning="genomsnittligt antal hushåll med försörjningsstöd per månad "
                f"{jan_till}, per år",
            ),
            tabell=bistand.artabell(medel_nu, ar_med_data),
            kalla=kalltext(medel_nu),
            nyckel="hushall_medel",
            enheter={"varde": "antal"},
            rubriker={"ar": "År", "varde": f"Medel {jan_till} (hushåll)"},
        )

    # --- Long-term households and children
    ut["langvarigt"] = []
    for indikator, y_titel in zip(
        ("hushall_langvarigt", "barn_ej_bistand_andel"), ("Hushåll", "Andel av kommunens barn")
    ):
        namn, enhet = meta[indikator]["namn"], meta[indikator]["enhet"]
        serie = serier[indikator]
        vid_manad = serie.filter(pl.col("manad") == till)
        if vid_manad.is_empty():
            angivna = ", ".join(
                f"{manadsnamn(m)} {a}" for a, m in serie.select("ar", "manad").iter_rows()
            )
            info = f"{manadsnamn(till).capitalize()}: {UPPGIFT_SAKNAS} för alla år." + (
                f" Handlingarna anger {angivna}." if angivna else ""
            )
            ut["langvarigt"].append((namn, info, None))
        else:
            diagram = dict(
                fig=bistand.varde_per_ar(
                    vid_manad,
                    ar_med_data,
                    enhet,
                    y_titel,
                    period,
                    beskrivning=f"{namn[0].lower()}{namn[1:]} i {manadsnamn(till)}, per år",
                ),
                tabell=bistand.artabell(vid_manad, ar_med_data),
                kalla=kalltext(vid_manad),
                nyckel=indikator,
                enheter={"varde": enhet},
                rubriker={"ar": "År", "varde": f"{namn}, {manadsnamn(till)}"},
            )
            ut["langvarigt"].append((namn, None, diagram))
    return ut


def mot_budget_texter(period: Period, mot_budget: pl.DataFrame, budget_helar) -> dict:
    """The stated cost against budget to date, and the sources' disagreement about it."""
    ar, till = period.ar, period.till_manad
    jan_till = manadsintervall(1, till)
    stated = mot_budget.filter(pl.col("manad") == till)
    if not stated.height:
        if mot_budget.is_empty():
            return {}
        angivna = ", ".join(manadsintervall(1, m) for m in mot_budget["manad"].to_list())
        return {
            "info": f"Kostnaden mot budget för {jan_till} {ar}: {UPPGIFT_SAKNAS}. "
            f"Handlingarna anger den för {angivna} {ar}."
        }
    rad = stated.row(0, named=True)
    avvikelse = rad["kostnad_mot_budget"]
    if avvikelse is None:
        text = f"Kostnaden mot budget {jan_till} {ar}: {UPPGIFT_SAKNAS}."
    else:
        riktning = "högre" if avvikelse > 0 else "lägre" if avvikelse < 0 else "lika hög"
        text = (
            f"Nettokostnaden {jan_till} {ar} är **{formatera(abs(avvikelse), 'tkr')} "
            f"{riktning}** än budgeten för samma period, "
            f"**{formatera(rad['budget_hittills'], 'tkr')}**."
        )
    if rad["kostnad_mot_fg_ar"] is not None:
        mot_fg = rad["kostnad_mot_fg_ar"]
        text += (
            f" Jämfört med samma period {ar - 1} är den "
            f"{formatera(abs(mot_fg), 'tkr')} {'lägre' if mot_fg < 0 else 'högre'}."
        )
    ut = {"text": text + " (Uppgifterna står i budgetuppföljningens text.)"}

    konflikt = fraga("kallkonflikter").filter(pl.col("konflikt_id") == BUDGETKONFLIKT)
    if konflikt.height:
        k = konflikt.row(0, named=True)
        visad = rad["budget_hittills"]
        varden = [abs(v) for v in (k["varde_a"], k["varde_b"]) if v is not None]
        if visad in varden and len(varden) == 2:
            annan = varden[1] if varden[0] == visad else varden[0]
            niotolft = ""
            jamn = bistand.jamn_budget(budget_helar) if budget_helar is not None else None
            if jamn is not None and visad == jamn[till - 1]:
                niotolft = f", som är {till}/12 av årsbudgeten {formatera(budget_helar, 'tkr')}"
            ut["varning"] = (
                f"Källorna säger olika om budgeten för {jan_till} {ar}: tabellen "
                f"Verksamheternas nettokostnader anger {formatera(annan, 'tkr')}, texten "
                f"{formatera(visad, 'tkr')}. Diagrammet och avvikelsen ovan visar textens "
                f"{formatera(visad, 'tkr')}{niotolft}. Båda uppgifterna och motiveringen "
                "finns på sidan Källor och kvalitet."
            )
    return ut


def visa_om(text: str | None) -> None:
    if text:
        st.caption(text)


period = vald_period()
ar, till = period.ar, period.till_manad
jan_till = manadsintervall(1, till)
sida = berakna(period)

st.title("Ekonomiskt bistånd")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. "
    "Belopp i tusentals kronor (tkr)."
)
visa_kpier(sida["kort"])


def kostnad_per_manad() -> None:
    st.subheader("Nettokostnad per månad, år för år")
    if "kostnad" not in sida:
        st.info(f"Nettokostnad per månad: {UPPGIFT_SAKNAS}.")
    else:
        visa_om(sida["kostnad_saknas"])
        visa_diagram(**sida["kostnad"])


def mot_budget() -> None:
    st.subheader("Ackumulerad kostnad mot budget")
    if "ack" not in sida:
        st.info(f"Ackumulerad nettokostnad: {UPPGIFT_SAKNAS}.")
        return
    if sida["ack_budget_saknas"]:
        st.caption(f"ℹ️ Budget för ekonomiskt bistånd {ar}: {UPPGIFT_SAKNAS} i handlingarna.")
    visa_diagram(**sida["ack"])
    st.caption(sida["ack_forklaring"])
    mot_budget = sida["mot_budget"]
    if "text" in mot_budget:
        st.markdown(mot_budget["text"])
    if "varning" in mot_budget:
        st.warning(mot_budget["varning"], icon="⚠️")
    if "info" in mot_budget:
        st.info(mot_budget["info"])


def helar() -> None:
    st.subheader("Helår: utfall, prognos och budget")
    visa_om(sida["helar_saknas"])
    if "helar" not in sida:
        st.info(f"Helårsuppgifter till och med {ar}: {UPPGIFT_SAKNAS}.")
        return
    visa_diagram(**sida["helar"])
    if "helar_avvikelse" in sida:
        st.markdown(sida["helar_avvikelse"])


def hushall() -> None:
    st.subheader("Hushåll med försörjningsstöd")
    vanster, hoger = st.columns([3, 2])
    with vanster:
        st.markdown("**Antal hushåll per månad**")
        if "hushall" not in sida:
            st.info(f"Hushåll med försörjningsstöd per månad: {UPPGIFT_SAKNAS}.")
        else:
            visa_om(sida["hushall_saknas"])
            if sida["hushall_utan_mal"]:
                st.caption(f"ℹ️ Inget mål för antalet hushåll {ar} i handlingarna.")
            visa_diagram(**sida["hushall"])
    with hoger:
        st.markdown(f"**Medel antal hushåll {jan_till}**")
        if "medel" in sida:
            visa_diagram(**sida["medel"])
        else:
            st.info(sida["medel_info"])


def langvarigt() -> None:
    st.subheader(f"Långvarigt bistånd och barn, {manadsnamn(till)} år för år")
    for kolumn, (namn, info, diagram) in zip(st.columns(2), sida["langvarigt"]):
        with kolumn:
            st.markdown(f"**{namn}**")
            if diagram is None:
                st.info(info)
            else:
                visa_diagram(**diagram)


visa_flikar(
    "bistand_flik",
    {
        "Kostnad per månad": kostnad_per_manad,
        "Mot budget": mot_budget,
        "Helår": helar,
        "Hushåll": hushall,
        "Långvarigt bistånd och barn": langvarigt,
    },
)
