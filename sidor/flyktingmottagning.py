"""Flyktingmottagning: how many refugees the municipality received against its target, who
they are, and the money transferred to the committees for the newly arrived."""

import streamlit as st

from nyckeltal.vyer import flyktingmottagning
from nyckeltal.vyer.flyktingmottagning import Fordelning
from sidor._delat import vald_period, visa_diagram, visa_flikar, visa_kpier, vy

period = vald_period()
sida = vy(flyktingmottagning.bygg, period)

st.title("Flyktingmottagning")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. Belopp i kronor (kr), "
    "som handlingarna anger dem."
)
visa_kpier(sida.kort)


def visa_fordelning(fordelning: Fordelning) -> None:
    st.markdown(f"**{fordelning.rubrik}**")
    if fordelning.diagram is None:
        st.info(sida.saknas)
    else:
        visa_diagram(fordelning.diagram)
    if fordelning.om_perioden:
        st.caption(fordelning.om_perioden)


def mottagna_mot_malet() -> None:
    st.subheader("Mottagna mot målet")
    if sida.mottagna.diagram is None:
        st.info(sida.saknas)
    else:
        visa_diagram(sida.mottagna.diagram)
    st.caption(sida.mottagna.malet)


def kon_och_alder() -> None:
    st.subheader("Vilka som tagits emot: kön och ålder")
    vanster, hoger = st.columns(2)
    with vanster:
        visa_fordelning(sida.kon)
    with hoger:
        visa_fordelning(sida.alder)


def land_och_skolar() -> None:
    st.subheader("Vilka som tagits emot: land och skolår")
    vanster, hoger = st.columns(2)
    with vanster:
        visa_fordelning(sida.land)
    with hoger:
        visa_fordelning(sida.skolar)


def per_kategori_och_manad() -> None:
    st.subheader("Nyanlända per kategori och månad")
    st.caption(
        "Antal per månad som ligger till grund för överföringen av medel till berörda nämnder "
        "(nyanlända under de 24 första månaderna efter kommunplacering)."
    )
    if sida.per_kategori is None:
        st.info(sida.saknas)
    else:
        visa_diagram(sida.per_kategori)


def overforda_medel() -> None:
    st.subheader("Överförda medel per kategori")
    if sida.overfort.diagram is None:
        st.info(sida.saknas)
    else:
        visa_diagram(sida.overfort.diagram)
        st.caption(sida.overfort.summan)


visa_flikar(
    "flykting_flik",
    {
        "Mottagna mot målet": mottagna_mot_malet,
        "Kön och ålder": kon_och_alder,
        "Land och skolår": land_och_skolar,
        "Per kategori och månad": per_kategori_och_manad,
        "Överförda medel": overforda_medel,
    },
)
