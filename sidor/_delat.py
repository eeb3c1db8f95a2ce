"""Streamlit glue shared by the pages: the database, cached queries, the period filter,
KPI cards and charts with their table, download and source line.

Everything that is not about Streamlit lives in the nyckeltal package.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

import polars as pl
import pyarrow as pa
import streamlit as st

from nyckeltal import bygg, excel, sokvagar
from nyckeltal.db import Databas, Ogonblick
from nyckeltal.figurer import PLOTLY_CONFIG
from nyckeltal.figurer.sparkline import sparkline_img
from nyckeltal.format import formatera_tabell, manadsnamn
from nyckeltal.kpi import Kpi
from nyckeltal.perioder import SNABBVAL, Period, period_fran_val
from nyckeltal.vyer import Fraga
from nyckeltal.vyer.diagram import Diagram
from nyckeltal.vyer.kommentarer import kortens_kommentarer


@st.cache_resource(show_spinner="Bygger databasen från data/ …")
def _databas(fil: str) -> Databas:
    return Databas(bygg.sakerstall(Path(fil)))


def databas() -> Databas:
    """One reader per database file and server process, to a database that matches data/.

    It follows the file: after an import has replaced it, the next query opens the new one."""
    return _databas(str(sokvagar.databasfil()))


def fraga(namn: str, **parametrar: object) -> pl.DataFrame:
    """A named query of sql/ with bound parameters; results cached per parameter set and per
    version of the database file, so every page shows an import at once, without a restart,
    and no cached result from the old file is ever served for the new one."""
    ogonblick = databas().ogonblick()
    return _fraga(ogonblick.version, namn, ogonblick, **parametrar)


@st.cache_data(max_entries=512, show_spinner=False)
def _fraga(version: tuple, namn: str, _ogonblick: Ogonblick, **parametrar: object) -> pl.DataFrame:
    # version is in the cache key; the snapshot itself (leading underscore) is not hashed
    return _ogonblick.fraga(namn, **parametrar)


P = ParamSpec("P")
T = TypeVar("T")


@st.cache_resource(max_entries=256, show_spinner=False)
def _vy(version: tuple, namn: str, _bygg: Callable, *args, **kwargs):
    # _bygg is not hashed; its module and name (namn) are, with the arguments and the version
    return _bygg(fraga, *args, **kwargs)


def vy(bygg: Callable[Concatenate[Fraga, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
    """What a page shows: bygg(fraga, *args) of a module in nyckeltal.vyer, built once per
    database version and arguments (a period, hashable values) and shared by all sessions.

    A period change reruns the whole page, and most of a rerun went to Polars operations on
    small frames and to setting Plotly properties (bench/README.md); with this a rerun only
    sends what was built. The result is shared, not copied, and cannot be changed: frozen
    dataclasses, tuples, frozen figures (nyckeltal.vyer). An import gives a new version, so
    nothing stale is shown."""
    namn = f"{bygg.__module__}.{bygg.__qualname__}"
    return _vy(databas().version, namn, bygg, *args, **kwargs)


def periodfilter() -> Period:
    """The shared period filter, bound to the URL so a link opens the view; drawn where the
    caller puts it (dashboard.py: in the sidebar, or under the slide in the meeting view)."""
    perioder = fraga("perioder_med_data")
    ar_med_data = perioder["ar"].to_list()
    senaste = dict(zip(ar_med_data, perioder["senaste_manad"].to_list()))
    val = st.segmented_control(
        "Snabbval",
        list(SNABBVAL),
        format_func=SNABBVAL.get,
        default="hittills",
        required=True,
        key="period",
        bind="query-params",
        help="Hittills i år: januari till vald månad. Tertial 1–3: jan–apr, maj–aug, sep–dec.",
    )
    ar = st.selectbox("År", ar_med_data, index=len(ar_med_data) - 1, key="ar", bind="query-params")
    manad = st.selectbox(
        "Till och med månad",
        list(range(1, 13)),
        index=senaste.get(ar, 12) - 1,
        format_func=manadsnamn,
        key="manad",
        bind="query-params",
        disabled=val != "hittills",
        help="Gäller snabbvalet Hittills i år.",
    )
    jamforbara = [a for a in ar_med_data if a != ar] or [ar - 1]
    jamforelsear = st.selectbox(
        "Jämför med år",
        jamforbara,
        index=jamforbara.index(ar - 1) if ar - 1 in jamforbara else 0,
        key="jamfor",
        bind="query-params",
    )
    period = period_fran_val(ar, val or "hittills", manad, jamforelsear)
    st.session_state["vald_period"] = period
    return period


def vald_period() -> Period:
    """The period chosen in the filter of dashboard.py (which runs before every page)."""
    return st.session_state["vald_period"]


KORTBREDD = 270  # px: three cards a row on a laptop, one or two on a tablet


def visa_anmarkning(text: str | None) -> None:
    """A note in small type (what is missing, which source a figure follows), when there is
    one: the views leave None where there is nothing to say."""
    if text:
        st.caption(text)


def visa_kpier(kort: Sequence[Kpi], *, bredd: int = KORTBREDD) -> None:
    """A row of KPI cards that wraps to the width of the screen instead of squeezing, then
    the staff's comments on those figures for the period, so every page shows them."""
    with st.container(horizontal=True, wrap=True, gap="small"):
        for kpi in kort:
            visa_kpi(kpi, bredd=bredd)
    for kommentarer in vy(kortens_kommentarer, tuple((k.indikator_id, k.period) for k in kort)):
        visa_kommentarer(kommentarer)


def visa_kpi(kpi: Kpi, *, bredd: int = KORTBREDD) -> None:
    """A KPI card: value, change with its judgement, sparkline, and the target status in
    words and icon inside the same border."""
    with st.container(border=True, width=bredd):
        _metric(kpi)
        if kpi.sparkline:
            st.html(_sparkline(kpi.sparkline, kpi.namn, kpi.enhet, kpi.period.ar))
        if kpi.status.text != "inget mål":
            st.caption(f"{kpi.status.ikon} {kpi.status.text}")
        if kpi.notering:
            st.caption(kpi.notering)


def _metric(kpi: Kpi) -> None:
    st.metric(
        kpi.etikett,
        kpi.varde_text,
        delta=kpi.forandring_text or None,
        delta_color=kpi.delta_farg,
        delta_arrow=kpi.delta_pil,
        delta_description=kpi.jamforelsetext,
        help=kpi.hjalp,
    )


@functools.lru_cache(maxsize=64)
def _sparkline(varden: tuple[float, ...], namn: str, enhet: str, ar: int) -> str:
    """The card's month line as a picture with alt text (not st.metric's Vega sparkline,
    which has none), built once per series."""
    return sparkline_img(varden, namn, enhet, ar)


def visa_diagram(diagram: Diagram) -> None:
    """A chart, its numbers one click away as a table with CSV and Excel download, and its
    source. PNG: the chart's own toolbar (PLOTLY_CONFIG)."""
    st.plotly_chart(
        diagram.fig,
        theme=None,
        config=PLOTLY_CONFIG,
        key=f"diagram_{diagram.nyckel}",
        alt=diagram.skarmlasartext,
    )
    # The table is built only while the expander is open: a closed one costs nothing on the
    # many reruns of a period change (it was a sixth of a page's rerun time, bench/README.md).
    with st.expander(
        "Visa siffrorna som tabell", key=f"tabell_{diagram.nyckel}", on_change="rerun"
    ) as utfallbar:
        if utfallbar.open:
            visa_nedladdningsbar_tabell(diagram)
    st.caption(f"Källa: {diagram.kalla}")


def visa_nedladdningsbar_tabell(diagram: Diagram) -> None:
    """A chart's numbers: the table in Swedish text (units: format.formatera_tabell); CSV of the
    raw numbers with the same Swedish headings, semicolon-separated and UTF-8 with BOM so Excel
    opens it; Excel with Swedish headings, number formats and the source."""
    tabell, nyckel = diagram.tabell, diagram.nyckel
    enheter, rubriker = dict(diagram.enheter), dict(diagram.rubriker)
    visa_tabell(formatera_tabell(tabell, enheter, rubriker), width="stretch")
    csv, xlsx = st.columns(2, width=360)
    csv.download_button(
        "Ladda ned CSV",
        data=lambda: excel.csv(tabell, rubriker),
        file_name=f"{nyckel}.csv",
        mime="text/csv",
        key=f"csv_{nyckel}",
        on_click="ignore",
    )
    xlsx.download_button(
        "Ladda ned Excel",
        data=lambda: excel.excel([excel.Tabell(nyckel, tabell, enheter, rubriker, diagram.kalla)]),
        file_name=f"{nyckel}.xlsx",
        mime=excel.XLSX_MIME,
        key=f"xlsx_{nyckel}",
        on_click="ignore",
    )


def visa_tabell(df: pl.DataFrame, *, statisk: bool = False, **alternativ) -> None:
    """A Polars frame as st.dataframe (or st.table when statisk), without the row index.

    Streamlit would convert a Polars frame with to_pandas, which waits for Polars' thread pool
    while holding the GIL; when another session runs Python inside Polars at the same moment
    (map_elements), the whole server deadlocks (found by the load test, bench/README.md). The
    frame is handed over as an Arrow table built from plain Python columns instead, which
    keeps Polars' pool out of it (and Streamlit sends an Arrow table as it is)."""
    data = pa.table(df.to_dict(as_series=False))
    (st.table if statisk else st.dataframe)(data, hide_index=True, **alternativ)


def visa_flikar(nyckel: str, flikar: dict[str, Callable[[], None]]) -> None:
    """A page's sections as tabs; only the open tab is built and drawn.

    Streamlit draws the charts of hidden tabs too, and on a period change every drawn chart is
    drawn again: with all sections at once a page took 2–4 times as long as a one-chart page to
    settle in the browser (bench/README.md). The open tab is in the URL (?nyckel=Hushåll), so
    a shared link or a meeting's bookmark opens the same section."""
    for flik, visa in zip(
        st.tabs(list(flikar), key=nyckel, on_change="rerun", bind="query-params"), flikar.values()
    ):
        with flik:
            if flik.open:
                visa()


def visa_kommentarer(kommentarer: tuple[tuple, ...]) -> None:
    """Staff comments on a figure for the months of the period (why a figure dipped), written
    on the page Administration. Shown as plain text: no Markdown or HTML from users."""
    for namn, manad, ar, text in kommentarer:
        with st.container(border=True):
            st.caption(f"💬 Kommentar: {namn}, {manadsnamn(manad)} {ar}")
            st.text(text)
