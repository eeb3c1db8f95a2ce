"""Ekonomi (placeholder until the page is built)."""

import streamlit as st

st.title("Ekonomi")
st.info("Sidan byggs.")
