"""Källor och kvalitet: what the figures rest on, whether they reconcile, and where the
documents disagree."""

import streamlit as st

from nyckeltal.katalog import OMRADESNAMN
from nyckeltal.vyer import kallor
from sidor._delat import databas, visa_tabell, vy

sida = vy(kallor.bygg)  # the whole database, not the period

st.title("Källor och kvalitet")
st.caption(
    "Sidan gäller hela databasen; periodvalet i sidopanelen påverkar den inte. "
    "Varje siffra på nyckeltalssidorna kommer från en källrad med dokument, datum, "
    "diarienummer och avsnitt (filerna i mappen data/)."
)

kolumner = st.columns(4)
kolumner[0].metric("Källdokument", sida.kort.antal_kallor, border=True)
kolumner[1].metric("Siffror i databasen", sida.kort.antal_siffror, border=True)
kolumner[2].metric(
    "Avstämningar",
    sida.kort.avstamningar,
    border=True,
    help="Delar mot totaler, månader mot summor, andelar mot 100 % och budgetformler.",
)
kolumner[3].metric("Dokumenterade motsägelser", sida.kort.antal_konflikter, border=True)
if sida.kort.varning:
    st.error(sida.kort.varning)

st.subheader("Källdokument")
visa_tabell(sida.kalltabell, width="stretch")

st.subheader("Avstämningar")
st.caption(
    "Varje rad jämför en siffra som dokumenten anger med det som delarna, månaderna eller "
    "formeln ger. En skillnad som dokumenten själva har är dokumenterad nedan."
)
visa_tabell(sida.kontrolltabell, width="stretch")

st.subheader("Där dokumenten säger olika")
for konflikt in sida.konflikter:
    with st.container(border=True):
        st.markdown(konflikt.rubrik)
        for kolumn, uppgift in zip(st.columns(2), konflikt.uppgifter):
            kolumn.markdown(uppgift.text)
            kolumn.caption(uppgift.kalla)
        st.markdown(konflikt.visas)

st.subheader("Alla siffror")
omrade = st.segmented_control(
    "Område",
    list(OMRADESNAMN),
    format_func=OMRADESNAMN.get,
    default="bistand",
    required=True,
    key="kallor_omrade",
)
st.caption(
    "Områdets siffror med källa per rad. Nedladdningen innehåller alla siffror i databasen, "
    "med råa tal."
)
visa_tabell(sida.omraden[omrade], width="stretch", height=400)
st.download_button(
    "Ladda ned alla siffror (CSV)",
    # read on click from the database itself, not on every rerun and not kept in the cache
    data=lambda: kallor.alla_siffror_csv(databas().fraga),
    file_name="alla_siffror.csv",
    mime="text/csv",
    on_click="ignore",
    key="csv_alla_siffror",
)
