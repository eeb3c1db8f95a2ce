"""Ekonomiskt bistånd: how the cost and the number of households develop against budget,
target and earlier years, for the period chosen in the sidebar."""

import polars as pl
import streamlit as st

from nyckeltal.figurer import bistand
from nyckeltal.format import UPPGIFT_SAKNAS, formatera, manadsintervall, manadsnamn
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import bygg_kpier, sparkline
from sidor._delat import fraga, vald_period, visa_diagram, visa_kpier

KORT = (
    "hushall_forsorjningsstod",
    "bistand_kostnad",
    "hushall_langvarigt",
    "barn_ej_bistand_andel",
)
KALLKOLUMNER = ["dokument", "datum", "diarienummer", "avsnitt"]
# The disagreement between the budget table and the text about the budget to date.
BUDGETKONFLIKT = "bistand_budget_hittills"

period = vald_period()
ar, till = period.ar, period.till_manad
jan_till = manadsintervall(1, till)


def notera_saknade(df: pl.DataFrame, vad: str) -> None:
    """Say which of the period's months have no figure, instead of letting a gap pass as 0."""
    saknas = bistand.saknade_manader(df, period)
    if saknas:
        st.caption(f"ℹ️ {vad} {bistand.manadslista(saknas)} {ar}: {UPPGIFT_SAKNAS}.")


st.title("Ekonomiskt bistånd")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. "
    "Belopp i tusentals kronor (tkr)."
)

# --- KPI row ---------------------------------------------------------------------------------
indikatorer = fraga("indikatorer_med_mal", ar=ar)
meta = {rad["indikator_id"]: rad for rad in indikatorer.iter_rows(named=True)}
serier = {
    indikator: fraga("serie_per_manad", indikator=indikator).filter(pl.col("dimension") == "")
    for indikator in KORT
}
kort = bygg_kpier(
    list(KORT),
    indikatorer,
    fraga("nyckeltal_for_period", **period.som_parametrar()),
    fraga("nyckeltal_for_period", **period.jamforelse.som_parametrar()),
    period,
    {indikator: sparkline(serie, period) for indikator, serie in serier.items()},
)
visa_kpier(kort)

ar_med_data = fraga("perioder_med_data")["ar"].to_list()

# --- Monthly cost, year over year ------------------------------------------------------------
st.subheader("Nettokostnad per månad, år för år")
kostnad = serier["bistand_kostnad"]
if kostnad.is_empty():
    st.info(f"Nettokostnad per månad: {UPPGIFT_SAKNAS}.")
else:
    notera_saknade(kostnad, "Nettokostnad för")
    tabell = bistand.manadstabell(kostnad)
    visa_diagram(
        bistand.kostnad_per_manad(kostnad, period),
        tabell,
        kalla=kalltext(kostnad),
        nyckel="bistand_kostnad_per_manad",
        enheter={"manad": "manad", **{k: "tkr" for k in tabell.columns if k != "manad"}},
        rubriker={"manad": "Månad"},
    )

# --- Cumulative cost against the budget to date ----------------------------------------------
st.subheader("Ackumulerad kostnad mot budget")
helar = fraga("bistand_helar_per_ar")
budgetrad = helar.filter((pl.col("ar") == ar) & (pl.col("slag") == "budget"))
budget_helar = budgetrad["varde"][0] if budgetrad.height else None
mot_budget = fraga("bistand_kostnad_mot_budget", ar=ar)
ack = bistand.ackumulerad(kostnad)
if ack.is_empty():
    st.info(f"Ackumulerad nettokostnad: {UPPGIFT_SAKNAS}.")
else:
    if budget_helar is None and mot_budget.is_empty():
        st.caption(f"ℹ️ Budget för ekonomiskt bistånd {ar}: {UPPGIFT_SAKNAS} i handlingarna.")
    tabell = bistand.budgettabell(ack, ar, budget_helar, mot_budget)
    visa_diagram(
        bistand.kostnad_mot_budget(ack, period, budget_helar, mot_budget),
        tabell,
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
    st.caption(
        "Den ackumulerade kostnaden är summan av månadsvärdena (beräknad). "
        + (
            f"Den streckade linjen är årsbudgeten {formatera(budget_helar, 'tkr')} "
            "fördelad jämnt över årets månader (beräknad), inte en uppgift i handlingarna."
            if budget_helar is not None
            else ""
        )
    )

    stated = mot_budget.filter(pl.col("manad") == till)
    if stated.height:
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
        st.markdown(text + " (Uppgifterna står i budgetuppföljningens text.)")

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
                st.warning(
                    f"Källorna säger olika om budgeten för {jan_till} {ar}: tabellen "
                    f"Verksamheternas nettokostnader anger {formatera(annan, 'tkr')}, texten "
                    f"{formatera(visad, 'tkr')}. Diagrammet och avvikelsen ovan visar textens "
                    f"{formatera(visad, 'tkr')}{niotolft}. Båda uppgifterna och motiveringen "
                    "finns på sidan Källor och kvalitet.",
                    icon="⚠️",
                )
    elif not mot_budget.is_empty():
        angivna = ", ".join(manadsintervall(1, m) for m in mot_budget["manad"].to_list())
        st.info(
            f"Kostnaden mot budget för {jan_till} {ar}: {UPPGIFT_SAKNAS}. "
            f"Handlingarna anger den för {angivna} {ar}."
        )

# --- Full-year outcome, forecast and budget --------------------------------------------------
st.subheader("Helår: utfall, prognos och budget")
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
if saknas:
    st.caption(f"ℹ️ {', '.join(saknas).capitalize()}: {UPPGIFT_SAKNAS}.")
if helarsrader.is_empty():
    st.info(f"Helårsuppgifter till och med {ar}: {UPPGIFT_SAKNAS}.")
else:
    tabell = pl.DataFrame(
        {
            "uppgift": [
                bistand.helar_etikett(slag, a)
                for a, slag in helarsrader.select("ar", "slag").iter_rows()
            ],
            "varde": helarsrader["varde"],
        }
    )
    visa_diagram(
        bistand.helar_utfall_prognos_budget(helarsrader),
        tabell,
        kalla=kalltext(helarsrader),
        nyckel="bistand_helar",
        enheter={"varde": "tkr"},
        rubriker={"uppgift": "Uppgift", "varde": "Nettokostnad helår (tkr)"},
    )
    verksamhet = fraga("budget_per_verksamhet", ar=ar, manad=till).filter(
        pl.col("verksamhet") == "Ekonomiskt bistånd"
    )
    if verksamhet.height and verksamhet["avvikelse"][0] is not None:
        st.markdown(
            "Prognostiserad avvikelse mot budget för helåret: "
            f"**{formatera(verksamhet['avvikelse'][0], 'tkr')}** (minus är underskott; "
            "tabellen Verksamheternas nettokostnader i budgetuppföljningen)."
        )

# --- Households ------------------------------------------------------------------------------
st.subheader("Hushåll med försörjningsstöd")
hushall = fraga("hushall_per_manad_och_medel")
manader = hushall.filter(pl.col("periodtyp") == "manad")
medel = hushall.filter(pl.col("periodtyp") == "medel")
mal = meta["hushall_forsorjningsstod"]
vanster, hoger = st.columns([3, 2])
with vanster:
    st.markdown("**Antal hushåll per månad**")
    if manader.is_empty():
        st.info(f"Hushåll med försörjningsstöd per månad: {UPPGIFT_SAKNAS}.")
    else:
        notera_saknade(manader, "Antal hushåll för")
        if mal["malvarde"] is None:
            st.caption(f"ℹ️ Inget mål för antalet hushåll {ar} i handlingarna.")
        tabell = bistand.manadstabell(manader)
        visa_diagram(
            bistand.hushall_per_manad(manader, period, mal["malvarde"], mal["jamforelse"]),
            tabell,
            kalla=kalltext(manader),
            nyckel="hushall_per_manad",
            enheter={"manad": "manad", **{k: "antal" for k in tabell.columns if k != "manad"}},
            rubriker={"manad": "Månad"},
        )
with hoger:
    st.markdown(f"**Medel antal hushåll {jan_till}**")
    medel_nu = medel.filter(pl.col("manad") == till)
    if medel_nu.is_empty():
        angivna = ", ".join(sorted({manadsintervall(1, m) for m in medel["manad"].to_list()}))
        st.info(
            f"Medel {jan_till}: {UPPGIFT_SAKNAS}."
            + (f" Handlingarna anger medel för {angivna}." if angivna else "")
        )
    else:
        visa_diagram(
            bistand.varde_per_ar(medel_nu, ar_med_data, "antal", "Hushåll, medel", period),
            bistand.artabell(medel_nu, ar_med_data),
            kalla=kalltext(medel_nu),
            nyckel="hushall_medel",
            enheter={"varde": "antal"},
            rubriker={"ar": "År", "varde": f"Medel {jan_till} (hushåll)"},
        )

# --- Long-term households and children -------------------------------------------------------
st.subheader(f"Långvarigt bistånd och barn, {manadsnamn(till)} år för år")
for kolumn, indikator, y_titel in zip(
    st.columns(2),
    ("hushall_langvarigt", "barn_ej_bistand_andel"),
    ("Hushåll", "Andel av kommunens barn"),
):
    with kolumn:
        namn, enhet = meta[indikator]["namn"], meta[indikator]["enhet"]
        st.markdown(f"**{namn}**")
        serie = serier[indikator]
        vid_manad = serie.filter(pl.col("manad") == till)
        if vid_manad.is_empty():
            angivna = ", ".join(
                f"{manadsnamn(m)} {a}" for a, m in serie.select("ar", "manad").iter_rows()
            )
            st.info(
                f"{manadsnamn(till).capitalize()}: {UPPGIFT_SAKNAS} för alla år."
                + (f" Handlingarna anger {angivna}." if angivna else "")
            )
            continue
        visa_diagram(
            bistand.varde_per_ar(vid_manad, ar_med_data, enhet, y_titel, period),
            bistand.artabell(vid_manad, ar_med_data),
            kalla=kalltext(vid_manad),
            nyckel=indikator,
            enheter={"varde": enhet},
            rubriker={"ar": "År", "varde": f"{namn}, {manadsnamn(till)}"},
        )
