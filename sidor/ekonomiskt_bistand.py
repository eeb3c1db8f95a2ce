"""Ekonomiskt bistånd (placeholder until the page is built)."""

import streamlit as st

st.title("Ekonomiskt bistånd")
st.info("Sidan byggs.")
