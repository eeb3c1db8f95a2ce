"""Rapport (placeholder until the page is built)."""

import streamlit as st

st.title("Rapport")
st.info("Sidan byggs.")
