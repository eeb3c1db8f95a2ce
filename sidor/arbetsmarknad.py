"""Arbetsmarknad: how many people are in labour-market employments and measures, and what
they give: växla bidrag mot lön, feriearbete, insatser för unga and Återbruk. What it shows is
built by nyckeltal.vyer.arbetsmarknad; this script lays it out."""

import streamlit as st

from nyckeltal.vyer import arbetsmarknad
from sidor._delat import vald_period, visa_anmarkning, visa_diagram, visa_kpier, vy

period = vald_period()
sida = vy(arbetsmarknad.bygg, period)

st.title("Arbetsmarknad")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. Belopp i kronor (kr)."
)
visa_kpier(sida.kort)
visa_anmarkning(sida.vaxla_riktning)

st.subheader("Anställningsformer år mot år")
former = sida.former
if former.diagram is None:
    st.info(former.info)
else:
    visa_anmarkning(former.total)
    visa_diagram(former.diagram)
    visa_anmarkning(former.anmarkning)

st.subheader("Växla bidrag mot lön")
vaxla = sida.vaxla
st.caption(vaxla.antal)
if vaxla.diagram is None:
    st.info(vaxla.info)
else:
    visa_diagram(vaxla.diagram)
    visa_anmarkning(vaxla.netto)
    for text in vaxla.perioden:
        st.caption(text)

st.subheader("Feriearbete, insatser för unga och Återbruk")
for kolumn, uppgifter in zip(st.columns(3), sida.uppgifter.kolumner):
    with kolumn:
        st.markdown(uppgifter.rubrik)
        for kort in uppgifter.kort:
            st.metric(kort.etikett, kort.varde, help=kort.hjalp, border=True)
            visa_anmarkning(kort.under)
visa_anmarkning(sida.uppgifter.kalla)
