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
import math
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import polars as pl
import streamlit as st

from nyckeltal import framskrivning, maltakt, totaler
from nyckeltal.figurer import PLOTLY_CONFIG, bistand
from nyckeltal.figurer import analys as figurer
from nyckeltal.format import tal
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import Kpi, bygg_kpier
from nyckeltal.perioder import Period
from nyckeltal.sammanfattning import (
    OMRADEN,
    hamta_underlag,
    sammanfatta,
    som_markdown,
    sparade_kommentarer,
)
from sidor._delat import (
    diagrammets_namn,
    fraga,
    fryst,
    per_version,
    vald_period,
    visa_kpier,
)
from sidor._webblasaren import presentationstangenter

OVERSIKT = "Översikt"
OVERSIKTSKORT = (
    "hushall_forsorjningsstod",
    "bistand_kostnad",
    "mottagna_flyktingar",
    "personer_arbetsmarknadsinsatser",
    "vaxla_bidrag_mot_lon",
    "namnd_resultat",
)
KORT_PER_BILD = 4  # two rows of two wide cards fit 1280×720 with 24 px text
KORTBREDD = 540
# Text on a slide: about 90 characters a line at 26 px on a 1280 px projector, and room for
# about twelve lines under the heading. A sentence is never split over two slides.
TECKEN_PER_RAD = 90
RADER_PER_BILD = 12
DIAGRAMHOJD = 430  # px: the chart, its heading and its source line fit in 720 px
DIAGRAMTEXT = 24  # px: the smallest text in a chart on the projector


@dataclass(frozen=True)
class Diagram:
    fig: object
    kalla: str
    nyckel: str


@dataclass(frozen=True)
class Bild:
    """One slide: a heading and one kind of content (cards, sentences or a chart)."""

    rubrik: str
    kort: tuple[Kpi, ...] = ()
    meningar: tuple[str, ...] = ()  # Markdown-safe sentences
    diagram: Diagram | None = None
    fotnot: str = ""
    kommentarer: tuple[str, ...] = ()  # staff comments, shown as plain text


def diagram(fig, kalla: str, nyckel: str) -> Diagram:
    """A chart for the projector: large type, a height that fits the slide, read-only."""
    fig = fryst(figurer.for_projektor(fig, storlek=DIAGRAMTEXT, hojd=DIAGRAMHOJD))
    return Diagram(fig, kalla, nyckel)


def textbilder(rubrik: str, meningar: list[str], **extra) -> list[Bild]:
    """Sentences over as many slides as they need; the last slide gets the extras."""
    delar: list[list[str]] = [[]]
    rader = 0.0
    for mening in meningar:
        behov = math.ceil(len(mening) / TECKEN_PER_RAD) + 0.5
        if delar[-1] and rader + behov > RADER_PER_BILD:
            delar.append([])
            rader = 0.0
        delar[-1].append(som_markdown(mening))
        rader += behov
    bilder = []
    for i, del_ in enumerate(delar, start=1):
        bilder.append(
            Bild(
                delrubrik(rubrik, i, len(delar)),
                meningar=tuple(del_),
                **(extra if i == len(delar) else {}),
            )
        )
    return bilder


def delrubrik(rubrik: str, i: int, antal: int) -> str:
    """'Översikt – nyckeltal (1 av 2)': every slide's heading is its own (it is the slide's
    name in the URL and in the list of slides)."""
    return rubrik if antal == 1 else f"{rubrik} ({i} av {antal})"


def kortbilder(avsnitt: str, kort: list[Kpi]) -> list[Bild]:
    delar = [kort[i : i + KORT_PER_BILD] for i in range(0, len(kort), KORT_PER_BILD)]
    return [
        Bild(delrubrik(f"{avsnitt} – nyckeltal", i, len(delar)), kort=tuple(del_))
        for i, del_ in enumerate(delar, start=1)
    ]


@per_version
def bilder(period: Period) -> tuple[Bild, ...]:
    """Every slide for the period, built once per database version and period."""
    underlag = hamta_underlag(fraga, period)
    tot = totaler.Totaler(underlag.totaler)
    takter = {t.indikator_id: t for t in maltakt.maltakter(tot, underlag.indikatorer, period)}
    finns = set(underlag.indikatorer["indikator_id"].to_list())

    def kort(ids) -> list[Kpi]:
        return bygg_kpier(
            [i for i in ids if i in finns],
            underlag.indikatorer,
            underlag.varden,
            underlag.jamforelse,
            period,
        )

    def kalla_for(*indikatorer: str) -> str:
        return kalltext(underlag.totaler.filter(pl.col("indikator_id").is_in(indikatorer)))

    ut = [
        *kortbilder(OVERSIKT, kort(OVERSIKTSKORT)),
        *textbilder(
            "Målen",
            [f"{t.status_text}: {t.namn}, {t.mal_text}." for t in takter.values()],
        ),
    ]
    texter = {t.rubrik: t for t in sammanfatta(underlag)}
    for omrade, rubrik, ids in OMRADEN:
        text = texter[rubrik]
        ut += kortbilder(rubrik, kort(ids))
        ut += textbilder(
            f"{rubrik} – läget",
            [m.text for m in text.meningar],
            fotnot=som_markdown("* Beräknat från uppgifterna i handlingarna.")
            if text.har_beraknade
            else "",
            kommentarer=tuple(f"💬 {k}" for k in sparade_kommentarer(underlag, omrade)),
        )
        if omrade == "bistand" and tot.har(totaler.KOSTNAD):
            manader = underlag.totaler.filter(
                (pl.col("indikator_id") == totaler.KOSTNAD) & (pl.col("periodtyp") == "manad")
            )
            if not manader.is_empty():
                ut.append(
                    Bild(
                        "Kostnad för ekonomiskt bistånd per månad",
                        diagram=diagram(
                            bistand.kostnad_per_manad(
                                manader.with_columns(dimension=pl.lit("")), period
                            ),
                            kalltext(manader),
                            "bistand",
                        ),
                    )
                )
        for indikator in ids:
            takt = takter.get(indikator)
            if (
                takt is not None
                and takt.vid_arets_slut is not None
                and indikator != totaler.KOSTNAD
            ):
                ut.append(
                    Bild(
                        f"Takten mot målet: {takt.namn}",
                        diagram=diagram(
                            figurer.maltaktdiagram(takt), kalla_for(indikator), f"takt_{indikator}"
                        ),
                    )
                )
    ut += analysbilder(tot, takter, period, kalla_for(totaler.KOSTNAD, "bistand_budget"))
    assert len({b.rubrik for b in ut}) == len(ut), "two slides with the same heading"
    return tuple(ut)


def analysbilder(tot, takter: dict, period: Period, kalla: str) -> list[Bild]:
    """The forecast for the year in words and as a chart, then the pace towards the targets."""
    prognos = (
        framskrivning.helarsprognos(tot, totaler.KOSTNAD, period.ar, period.till_manad)
        if tot.har(totaler.KOSTNAD)
        else None
    )
    ut: list[Bild] = []
    if prognos is not None and prognos.prognos is not None:
        spann = f", spann {tal(prognos.lag.varde)}–{prognos.hog.text()}" if prognos.lag else ""
        forvaltningens = (
            f"; förvaltningens prognos är {prognos.forvaltningens.text()}"
            if prognos.forvaltningens
            else ""
        )
        budget = f" och budgeten {prognos.budget.text()}" if prognos.budget else ""
        ut += textbilder(
            "Helårsprognos",
            [
                f"Nettokostnaden för ekonomiskt bistånd skrivs fram till "
                f"{prognos.prognos.text()} för helåret (beräknat{spann}){forvaltningens}{budget}."
            ],
        )
        ut.append(
            Bild(
                "Helårsprognos för kostnaden",
                diagram=diagram(
                    figurer.prognosdiagram(
                        totaler.diagramserie(tot, totaler.KOSTNAD, period.ar), prognos, period
                    ),
                    kalla,
                    "prognos",
                ),
            )
        )
    else:
        ut += textbilder(
            "Helårsprognos",
            [prognos.orsak if prognos else "Helårsprognos: uppgift saknas."],
        )
    ut += textbilder("Takten mot målen", [t.text for t in takter.values()])
    return ut


def visa_bild(bild: Bild, nummer: int, antal: int, period: Period) -> None:
    st.title(bild.rubrik, anchor=False)
    st.markdown(
        f"{period.etikett}, jämfört med {period.jamforelseetikett} · bild {nummer} av {antal}",
        anchors=False,
    )
    if bild.kort:
        visa_kpier(list(bild.kort), bredd=KORTBREDD)
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
            alt=diagrammets_namn(d.fig),
        )
        st.markdown(f"Källa: {som_markdown(d.kalla)}", anchors=False)


period = vald_period()
alla = bilder(period)
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
