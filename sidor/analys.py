"""Analys och prognos (placeholder until the page is built)."""

import streamlit as st

st.title("Analys och prognos")
st.info("Sidan byggs.")
