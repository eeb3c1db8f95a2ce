"""Arbetsmarknad (placeholder until the page is built)."""

import streamlit as st

st.title("Arbetsmarknad")
st.info("Sidan byggs.")
