"""Administration (placeholder until the page is built)."""

import streamlit as st

st.title("Administration")
st.info("Sidan byggs.")
