"""Two small scripts of ours that run in the user's browser, for what Streamlit's elements
cannot do: the meeting view's keys (a presentation clicker) and a tab stop on tables that
scroll sideways on a phone. Both are constant files in sidor/js/; no data goes into them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

_JS = Path(__file__).parent / "js"

_presentationstangenter = st.components.v2.component(
    "presentationstangenter", js=(_JS / "presentationstangenter.js").read_text(encoding="utf-8")
)
_rullbara_tabeller = st.components.v2.component(
    "rullbara_tabeller", js=(_JS / "rullbara_tabeller.js").read_text(encoding="utf-8")
)

PRESENTATIONSTANGENTER = "presentationstangenter"


def presentationstangenter(vid_steg: Callable[[str], None]) -> None:
    """→ PageDown space: next slide; ← PageUp: back; Home, End: first, last. vid_steg gets
    'nasta', 'fore', 'forsta' or 'sista' as a callback, before the page's widgets are drawn."""

    def steg() -> None:
        vid_steg(st.session_state[PRESENTATIONSTANGENTER].steg)

    _presentationstangenter(key=PRESENTATIONSTANGENTER, on_steg_change=steg, height=0)


def fokuserbara_tabeller() -> None:
    """Tables that scroll sideways get a tab stop and a name (see js/rullbara_tabeller.js)."""
    _rullbara_tabeller(key="rullbara_tabeller", height=0)
