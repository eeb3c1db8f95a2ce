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
        "": [
            st.Page(
                "sidor/oversikt.py", title="Översikt", icon=":material/dashboard:", default=True
            ),
        ],
        "Områden": [
            st.Page(
                "sidor/ekonomiskt_bistand.py",
                title="Ekonomiskt bistånd",
                icon=":material/payments:",
            ),
            st.Page(
                "sidor/flyktingmottagning.py",
                title="Flyktingmottagning",
                icon=":material/diversity_3:",
            ),
            st.Page("sidor/arbetsmarknad.py", title="Arbetsmarknad", icon=":material/work:"),
            st.Page("sidor/ekonomi.py", title="Ekonomi", icon=":material/account_balance:"),
        ],
        "Möte": [
            st.Page("sidor/analys.py", title="Analys och prognos", icon=":material/insights:"),
            st.Page("sidor/rapport.py", title="Rapport", icon=":material/description:"),
            st.Page("sidor/presentation.py", title="Presentation", icon=":material/slideshow:"),
        ],
        "Mer": [
            st.Page(
                "sidor/partnerskap.py", title="Partnerskap och projekt", icon=":material/handshake:"
            ),
            st.Page("sidor/kallor.py", title="Källor och kvalitet", icon=":material/fact_check:"),
        ],
        "Förvaltning": [
            st.Page(
                "sidor/admin.py", title="Administration", icon=":material/admin_panel_settings:"
            ),
        ],
    },
    # A top menu leaves the sidebar to the period filter, so a period is one click away.
    position="top",
)
if sida.url_path == "presentation":
    # The meeting view on a projector: the sidebar folds away. The period filter stays in it,
    # so the period still comes from the URL.
    st.set_page_config(initial_sidebar_state="collapsed")
periodfilter()
sida.run()
