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
    }
)
periodfilter()
sida.run()
