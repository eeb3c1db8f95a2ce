"""Benchmark fixture: an empty Streamlit page with nothing but a period control.

The server-side baseline of bench/kor.py: it is rerun with a period change exactly as the
dashboard's pages are, so the ratio page / this page is the page's own cost over Streamlit's
fixed cost of a rerun. Not a page of the dashboard (not in sidor/).
"""

import streamlit as st

st.segmented_control(
    "Snabbval",
    ["hittills", "t1", "t2", "t3", "helar"],
    default="hittills",
    required=True,
    key="period",
)
