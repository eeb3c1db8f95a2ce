"""Benchmark fixture: the dashboard's sidebar and exactly one chart.

The browser baseline of bench/kor.py: the same period filter as every page (sidor/_delat.py)
and one chart drawn the way every chart is (visa_diagram: chart, table in an expander, source
line), so the ratio page / this page is the cost of a page's extra content in the browser.
Started as its own app: `streamlit run bench/en_graf.py` with the repository on PYTHONPATH.
Not a page of the dashboard (not in sidor/).
"""

import polars as pl
import streamlit as st

from nyckeltal.figurer import bistand
from nyckeltal.kalla import kalltext
from sidor._delat import fraga, periodfilter, visa_diagram

st.set_page_config(
    page_title="En graf (benchmark)", layout="wide", initial_sidebar_state="expanded"
)
with st.sidebar:  # where dashboard.py draws it on every page but the meeting view
    st.header("Period")
    period = periodfilter()
st.title("En graf")
kostnad = fraga("serie_per_manad", indikator="bistand_kostnad").filter(pl.col("dimension") == "")
tabell = bistand.manadstabell(kostnad)
visa_diagram(
    bistand.kostnad_per_manad(kostnad, period),
    tabell,
    kalla=kalltext(kostnad),
    nyckel="en_graf",
    enheter={"manad": "manad", **{k: "tkr" for k in tabell.columns if k != "manad"}},
    rubriker={"manad": "Månad"},
)
