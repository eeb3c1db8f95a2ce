"""Ekonomiskt bistånd: how the cost and the number of households develop against budget,
target and earlier years, for the period chosen in the sidebar. What it shows is built by
nyckeltal.vyer.ekonomiskt_bistand; this script lays it out."""

import streamlit as st

from nyckeltal.vyer import ekonomiskt_bistand
from sidor._delat import vald_period, visa_anmarkning, visa_diagram, visa_flikar, visa_kpier, vy

period = vald_period()
sida = vy(ekonomiskt_bistand.bygg, period)

st.title("Ekonomiskt bistånd")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. "
    "Belopp i tusentals kronor (tkr)."
)
visa_kpier(sida.kort)


def kostnad_per_manad() -> None:
    kostnad = sida.kostnad
    st.subheader("Nettokostnad per månad, år för år")
    if kostnad.diagram is None:
        st.info(kostnad.info)
        return
    visa_anmarkning(kostnad.saknas)
    visa_diagram(kostnad.diagram)


def mot_budget() -> None:
    mot = sida.mot_budget
    st.subheader("Ackumulerad kostnad mot budget")
    if mot.diagram is None:
        st.info(mot.info)
        return
    visa_anmarkning(mot.budget_saknas)
    visa_diagram(mot.diagram)
    st.caption(mot.forklaring)
    if mot.texter.text:
        st.markdown(mot.texter.text)
    if mot.texter.varning:
        st.warning(mot.texter.varning, icon="⚠️")
    if mot.texter.info:
        st.info(mot.texter.info)


def helar() -> None:
    helar = sida.helar
    st.subheader("Helår: utfall, prognos och budget")
    visa_anmarkning(helar.saknas)
    if helar.diagram is None:
        st.info(helar.info)
        return
    visa_diagram(helar.diagram)
    if helar.avvikelse:
        st.markdown(helar.avvikelse)


def hushall() -> None:
    hushall, medel = sida.hushall, sida.hushall.medel
    st.subheader("Hushåll med försörjningsstöd")
    vanster, hoger = st.columns([3, 2])
    with vanster:
        st.markdown("**Antal hushåll per månad**")
        if hushall.diagram is None:
            st.info(hushall.info)
        else:
            visa_anmarkning(hushall.saknas)
            visa_anmarkning(hushall.utan_mal)
            visa_diagram(hushall.diagram)
    with hoger:
        st.markdown(f"**{medel.rubrik}**")
        if medel.diagram is None:
            st.info(medel.info)
        else:
            visa_diagram(medel.diagram)


def langvarigt() -> None:
    st.subheader(sida.langvarigt.rubrik)
    for kolumn, ruta in zip(st.columns(2), sida.langvarigt.rutor):
        with kolumn:
            st.markdown(f"**{ruta.namn}**")
            if ruta.diagram is None:
                st.info(ruta.info)
            else:
                visa_diagram(ruta.diagram)


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
