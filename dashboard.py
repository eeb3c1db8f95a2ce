"""Arbetslivsnämndens nyckeltal: entry script (streamlit run dashboard.py)."""

import streamlit as st

from sidor._delat import periodfilter

st.set_page_config(
    page_title="Arbetslivsnämndens nyckeltal",
    page_icon="📊",
    layout="wide",
    initial_sidebar_state="expanded",
)

sida = st.navigation(
    {
        "Nyckeltal": [
            st.Page("sidor/oversikt.py", title="Översikt", icon="🏠", default=True),
        ],
        "Områden": [
            st.Page("sidor/ekonomiskt_bistand.py", title="Ekonomiskt bistånd", icon="🏘️"),
            st.Page("sidor/flyktingmottagning.py", title="Flyktingmottagning", icon="🤝"),
            st.Page("sidor/arbetsmarknad.py", title="Arbetsmarknad", icon="🛠️"),
            st.Page("sidor/ekonomi.py", title="Ekonomi", icon="💰"),
        ],
        "Mer": [
            st.Page("sidor/partnerskap.py", title="Partnerskap och projekt", icon="🗓️"),
            st.Page("sidor/kallor.py", title="Källor och kvalitet", icon="🔎"),
        ],
    }
)
periodfilter()
sida.run()
