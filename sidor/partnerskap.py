"""Partnerskap och projekt (placeholder until the page is built)."""

import streamlit as st

st.title("Partnerskap och projekt")
st.info("Sidan byggs.")
