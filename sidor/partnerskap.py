"""Partnerskap och projekt: which partnerships (IOP) and projects (ESF) the committee has, what
they cost, what they must achieve and what was decided. What it shows is built by
nyckeltal.vyer.partnerskap; this script lays it out.

Not bound to a period: every partnership and project is shown whatever the sidebar says.
"""

import streamlit as st

from nyckeltal.format import UPPGIFT_SAKNAS
from nyckeltal.vyer import partnerskap
from sidor._delat import visa_diagram, visa_tabell, vy

sida = vy(partnerskap.bygg)

st.title("Partnerskap och projekt")
st.caption(
    "Alla nämndens idéburna offentliga partnerskap (IOP) och projekt visas; periodvalet i "
    "sidopanelen gäller inte den här sidan. ESF-projekt har stöd från Europeiska socialfonden "
    "(ESF). Alla belopp i kronor (kr)."
)

st.subheader("Tidslinje")
visa_diagram(sida.tidslinje.diagram)
if sida.tidslinje.utan_period:
    st.markdown(sida.tidslinje.utan_period)

st.subheader("Partnerskap och projekt i detalj")
for kort in sida.kort:
    with st.expander(kort.rubrik):
        st.markdown(kort.fakta)
        # Static tables that wrap long item names: a card is read, not sorted or scrolled.
        st.markdown("**Pengar**")
        if kort.pengar is None:
            st.caption(f"Belopp: {UPPGIFT_SAKNAS} (källan anger inga belopp).")
        else:
            visa_tabell(kort.pengar, border="horizontal", statisk=True)
            if kort.pengar_utan_period:
                st.caption("Belopp utan /år: källan anger inte vilken period de avser.")
        st.markdown("**Mål**")
        if kort.mal is None:
            st.caption(f"Mål: {UPPGIFT_SAKNAS} (källan anger inga mätbara mål).")
        else:
            visa_tabell(kort.mal, border="horizontal", statisk=True)
        for konflikt in kort.konflikter:
            st.info(konflikt, icon="⚖️")
        st.caption(f"Källa: {kort.kalla}")

st.subheader("Sammanställning")
sammanstallning = sida.sammanstallning
visa_tabell(sammanstallning.visning, width="stretch")
st.download_button(
    "Ladda ned CSV",
    data=sammanstallning.csv,
    file_name="partnerskap_och_projekt.csv",
    mime="text/csv",
    key="csv_partnerskap_sammanstallning",
    on_click="ignore",
)
st.caption(
    "Belopp per år är summan av överenskommelsens årsbelopp oavsett vem som betalar "
    "(beräknad); lokalhyror utan angiven period ingår inte. Belopp totalt anges bara för "
    f"projekt med en angiven totalbudget, annars {UPPGIFT_SAKNAS}."
)
st.caption(f"Källa: {sammanstallning.kalla}")
