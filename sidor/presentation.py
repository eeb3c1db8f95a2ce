"""Presentation: the meeting view for the projector, stepped with a clicker.

Each slide fits a 1280×720 projector without scrolling, with every text at least 24 px
(readable from the back of the room): an area's key figures, its text in parts, and one chart
per slide. → PageDown space step on, ← PageUp back, Home End go to the first and last slide,
which is what a presentation clicker sends (sidor/js/presentationstangenter.js). The controls
and the period filter sit under the slide, in the keyboard's order after it; no menu is on the
slide (sidor/presentation.css).

A link such as ?period=Tertial+2&ar=2022&bild=Ekonomiskt+bistånd+–+läget opens that slide
for that period (by its heading, so a link keeps its slide when the period has more slides)."""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from nyckeltal.figurer import PLOTLY_CONFIG
from nyckeltal.perioder import Period
from nyckeltal.vyer import presentation
from sidor._delat import vald_period, visa_kpier, vy
from sidor._webblasaren import presentationstangenter

KORTBREDD = 540  # px: two wide cards a row on the slide


def visa_bild(bild: presentation.Bild, nummer: int, antal: int, period: Period) -> None:
    st.title(bild.rubrik, anchor=False)
    st.markdown(
        f"{period.etikett}, jämfört med {period.jamforelseetikett} · bild {nummer} av {antal}",
        anchors=False,
    )
    if bild.kort:
        visa_kpier(bild.kort, bredd=KORTBREDD)
    for mening in bild.meningar:
        st.markdown(mening, anchors=False)
    if bild.fotnot:
        st.markdown(bild.fotnot, anchors=False)
    for kommentar in bild.kommentarer:
        st.text(kommentar)
    if bild.diagram:
        d = bild.diagram
        st.plotly_chart(
            d.fig,
            theme=None,
            config=PLOTLY_CONFIG,
            key=f"presentation_{d.nyckel}",
            alt=d.skarmlasartext,
        )
        st.markdown(bild.kallrad, anchors=False)


period = vald_period()
alla = vy(presentation.bygg, period)
antal = len(alla)
rubriker = tuple(b.rubrik for b in alla)


def ga_till(steg: str, rubriker: tuple[str, ...]) -> None:
    """A step from the keys or the buttons (a callback: runs before the widgets are drawn).
    The slides' headings come as an argument: a callback runs at the start of the next run,
    when this script's globals are not those of the run that drew the buttons."""
    nu = st.session_state.get("bild")
    i = rubriker.index(nu) if nu in rubriker else 0
    sista = len(rubriker) - 1
    ny = {"nasta": min(i + 1, sista), "fore": max(i - 1, 0), "forsta": 0, "sista": sista}
    st.session_state["bild"] = rubriker[ny[steg]]


st.html(Path(__file__).with_name("presentation.css"))
presentationstangenter(functools.partial(ga_till, rubriker=rubriker))
bild_plats, kontroller = st.container(key="presentationsbild"), st.container()

with kontroller:
    st.divider()
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        st.button("Första", key="bild_forsta", on_click=ga_till, args=("forsta", rubriker))
        st.button("← Föregående", key="bild_fore", on_click=ga_till, args=("fore", rubriker))
        st.button("Nästa →", key="bild_nasta", on_click=ga_till, args=("nasta", rubriker))
        st.button("Sista", key="bild_sista", on_click=ga_till, args=("sista", rubriker))
        vald = st.selectbox("Gå till bild", rubriker, key="bild", bind="query-params", width=420)
    st.caption(
        "Tangenter: → PageDown eller mellanslag nästa bild, ← PageUp föregående, "
        "Home första, End sista. En presentationsklickare fungerar likadant."
    )
    if st.context.url:
        parametrar = {
            k: st.query_params[k]
            for k in ("period", "ar", "manad", "jamfor", "bild")
            if k in st.query_params
        }
        with st.expander("Länk till den här bilden"):
            st.code(f"{st.context.url}?{urlencode(parametrar)}", language=None)
    with st.container(horizontal=True, gap="medium"):
        st.page_link("sidor/oversikt.py", label="Avsluta presentationen", icon=":material/close:")
        st.page_link(
            "sidor/tillganglighet.py", label="Tillgänglighet", icon=":material/accessibility_new:"
        )

with bild_plats:
    nummer = rubriker.index(vald) + 1 if vald in rubriker else 1
    visa_bild(alla[nummer - 1], nummer, antal, period)
