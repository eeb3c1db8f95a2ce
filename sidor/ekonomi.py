"""Ekonomi: how the committee stands against its budget after a follow-up month, and why.

The page follows the sidebar's year and last month; what it shows is built by
nyckeltal.vyer.ekonomi.
"""

import streamlit as st

from nyckeltal.format import UPPGIFT_SAKNAS
from nyckeltal.vyer import ekonomi
from sidor._delat import vald_period, visa_diagram, visa_kpier, visa_tabell, vy

sida = vy(ekonomi.bygg, vald_period())

st.title("Ekonomi")
st.caption(sida.ingress)
if sida.saknas:
    st.info(sida.saknas, icon="ℹ️")

visa_kpier(sida.kort)

if (budget := sida.budget) is not None:
    st.subheader("Budgetuppföljning per verksamhet")
    st.caption(
        "Tecken som i budgettabellen: minus är nettokostnad, plus nettointäkt. Avvikelse = "
        "prognos − budget för helåret: plus är överskott, minus underskott."
    )
    # a static table: all twelve rows at once, so the row Summa is never scrolled away
    visa_tabell(budget.visning, border="horizontal", statisk=True)
    st.download_button(
        "Ladda ned CSV",
        data=budget.csv,
        file_name=budget.filnamn,
        mime="text/csv",
        key="csv_ekonomi_budget",
        on_click="ignore",
    )
    if budget.noter:
        st.info(budget.noter, icon="⚖️")
    st.caption(budget.kalla)

if (avvikelse := sida.avvikelse) is not None:
    st.subheader("Varför: avvikelse mot budget per verksamhet")
    st.caption(avvikelse.text)
    visa_diagram(avvikelse.diagram)

if (ukraina := sida.ukraina) is not None:
    st.subheader("Evakueringsboende Ukraina")
    st.caption(
        "Nämnden samordnar evakueringsboendet för hela staden på uppdrag av Migrationsverket. "
        "Underskottet ingår i Integrationens avvikelse, och nämnden begär att få det "
        "avskrivet i bokslutet."
    )
    visa_diagram(ukraina.diagram)
    if ukraina.varning:
        st.warning(ukraina.varning, icon="⚖️")

forutsattningar = sida.forutsattningar
st.subheader(forutsattningar.rubrik)
if forutsattningar.saknas:
    st.info(forutsattningar.saknas, icon="ℹ️")
else:
    vanster, hoger = st.columns(2)
    with vanster:
        st.markdown("**Kommunbidrag, buffert och förstärkningar**")
        visa_tabell(forutsattningar.ramen.visning, border="horizontal", statisk=True)
        st.caption(forutsattningar.ramen.kalla)
    with hoger:
        st.markdown(forutsattningar.okningar_rubrik)
        if forutsattningar.okningar is None:
            st.caption(UPPGIFT_SAKNAS)
        else:
            visa_tabell(forutsattningar.okningar.visning, border="horizontal", statisk=True)
            st.caption(forutsattningar.okningar.kalla)
