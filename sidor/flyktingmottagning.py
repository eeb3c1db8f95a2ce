"""Flyktingmottagning (placeholder until the page is built)."""

import streamlit as st

st.title("Flyktingmottagning")
st.info("Sidan byggs.")
