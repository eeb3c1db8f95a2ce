"""Presentation (placeholder until the page is built)."""

import streamlit as st

st.title("Presentation")
st.info("Sidan byggs.")
