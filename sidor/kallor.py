"""Källor och kvalitet (placeholder until the page is built)."""

import streamlit as st

st.title("Källor och kvalitet")
st.info("Sidan byggs.")
