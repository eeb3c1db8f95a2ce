"""Arbetslivsnämndens nyckeltal: entry script. `make run` serves it through webbserver.py
(which makes the page Swedish); AppTest starts it directly."""

from pathlib import Path

import streamlit as st

from nyckeltal import APPNAMN
from sidor._delat import periodfilter
from sidor._webblasaren import fokuserbara_tabeller

st.set_page_config(
    page_title=APPNAMN,
    page_icon="📊",
    layout="wide",
    # Open beside the page on a laptop, folded on a phone or at 200 % zoom, where an open
    # sidebar covers the page; the period filter is then one tap away (» top left).
    initial_sidebar_state="auto",
)
# Shared styles (a file of ours, no data in it): KPI cards that wrap instead of cutting text,
# a folded sidebar out of the keyboard's path, visible focus.
st.html(Path(__file__).parent / "sidor" / "stil.css")

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
            st.Page(
                "sidor/tillganglighet.py",
                title="Tillgänglighet",
                icon=":material/accessibility_new:",
            ),
        ],
    },
    # A top menu leaves the sidebar to the period filter, so a period is one click away.
    position="top",
)
# Each page its own title, so tabs, bookmarks, history and screen readers tell them apart.
st.set_page_config(page_title=f"{sida.title} – {APPNAMN}")
if sida.url_path == "presentation":
    # The meeting view has no sidebar: the period filter (still bound to the URL) goes under
    # the slide, after the slide's own controls, so nothing hidden is in the keyboard's path.
    bild, under_bilden = st.container(), st.container()
    with under_bilden, st.expander("Period för presentationen"):
        periodfilter()
    with bild:
        sida.run()
else:
    with st.sidebar:
        st.header("Period")
        periodfilter()
        st.divider()
        st.page_link(
            "sidor/tillganglighet.py", label="Tillgänglighet", icon=":material/accessibility_new:"
        )
    sida.run()
fokuserbara_tabeller()
