"""Översikt: the committee's key figures for the chosen period, against targets and last year."""

import streamlit as st

from nyckeltal.vyer import oversikt
from sidor._delat import vald_period, visa_kpier, vy

period = vald_period()
kort = vy(oversikt.bygg, period)

st.title("Arbetslivsnämndens nyckeltal")
st.caption(f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}.")
visa_kpier(kort)  # with the staff's comments on these figures for the period, if any
st.caption(
    "Pilen efter namnet visar önskad riktning (↗ högre är bättre, ↘ lägre är bättre). "
    "Frågetecknet vid varje nyckeltal visar definition, mål och källa (klicka, tryck eller "
    "tabba dit)."
)
