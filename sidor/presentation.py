"""Presentation: the meeting view for the projector. One area at a time in large type, stepped
with the buttons or chosen directly; the period comes from the link and is shown on every
slide. dashboard.py folds the sidebar away on this page.

A link such as ?period=Hittills+i+år&ar=2022&manad=september&bild=Ekonomiskt+bistånd opens
the slide of that area for that period."""

from urllib.parse import urlencode

import polars as pl
import streamlit as st

from nyckeltal import analys
from nyckeltal.figurer import PLOTLY_CONFIG, bistand
from nyckeltal.figurer import analys as figurer
from nyckeltal.format import tal
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import bygg_kpier
from nyckeltal.sammanfattning import (
    OMRADEN,
    hamta_underlag,
    sammanfatta,
    som_markdown,
    sparade_kommentarer,
)
from sidor._delat import fraga, vald_period, visa_kpier

OVERSIKT = "Översikt"
ANALYS = "Analys och prognos"
BILDER = (OVERSIKT, *(rubrik for _, rubrik, _ in OMRADEN), ANALYS)
OVERSIKTSKORT = (
    "hushall_forsorjningsstod",
    "bistand_kostnad",
    "mottagna_flyktingar",
    "personer_arbetsmarknadsinsatser",
    "vaxla_bidrag_mot_lon",
    "namnd_resultat",
)

period = vald_period()


def stega(steg: int) -> None:
    """Next or previous slide, round the end (a callback: runs before the widget is drawn)."""
    nu = st.session_state.get("bild", BILDER[0])
    i = BILDER.index(nu) if nu in BILDER else 0
    st.session_state["bild"] = BILDER[(i + steg) % len(BILDER)]


if "bild" not in st.session_state and "bild" not in st.query_params:
    # the first slide, set as state rather than as a default, because the step buttons
    # write the same state
    st.session_state["bild"] = BILDER[0]
# Pills wrap onto a second line on a narrow screen where a segmented control would scroll.
with st.container(horizontal=True, vertical_alignment="center", gap="small"):
    st.button("←", key="bild_fore", on_click=stega, args=(-1,), help="Föregående bild")
    bild = st.pills(
        "Bild",
        BILDER,
        required=True,
        key="bild",
        bind="query-params",
        label_visibility="collapsed",
    )
    st.button("→", key="bild_nasta", on_click=stega, args=(1,), help="Nästa bild")
bild = bild if bild in BILDER else BILDER[0]

st.title(bild, anchor=False)
st.header(
    f"{period.etikett} · jämfört med {period.jamforelseetikett}", anchor=False, divider="gray"
)

underlag = hamta_underlag(fraga, period)
texter = {t.rubrik: t for t in sammanfatta(underlag)}
tot = analys.Totaler(underlag.totaler)


def kort(ids) -> None:
    finns = set(underlag.indikatorer["indikator_id"].to_list())
    visa_kpier(
        bygg_kpier(
            [i for i in ids if i in finns],
            underlag.indikatorer,
            underlag.varden,
            underlag.jamforelse,
            period,
        )
    )


def stor_text(meningar) -> None:
    """Each sentence as a paragraph of large type: readable from the back of the room."""
    for mening in meningar:
        st.markdown(f"### {som_markdown(mening)}", anchors=False)


def diagram(fig, kalla: str, nyckel: str) -> None:
    st.plotly_chart(
        figurer.for_projektor(fig), theme=None, config=PLOTLY_CONFIG, key=f"presentation_{nyckel}"
    )
    st.caption(f"Källa: {kalla}")


takter = {t.indikator_id: t for t in analys.maltakter(tot, underlag.indikatorer, period)}

if bild == OVERSIKT:
    kort(OVERSIKTSKORT)
    st.markdown("### Målen", anchors=False)
    stor_text(f"{t.status_text}: {t.namn}, {t.mal_text}." for t in takter.values())
elif bild == ANALYS:
    prognos = (
        analys.helarsprognos(tot, analys.KOSTNAD, period.ar, period.till_manad)
        if (tot.har(analys.KOSTNAD))
        else None
    )
    if prognos is not None and prognos.prognos is not None:
        stor_text(
            [
                f"Nettokostnaden för ekonomiskt bistånd skrivs fram till "
                f"{prognos.prognos.text()} för helåret (beräknat"
                + (f", spann {tal(prognos.lag.varde)}–{prognos.hog.text()}" if prognos.lag else "")
                + ")"
                + (
                    f"; förvaltningens prognos är {prognos.forvaltningens.text()}"
                    if prognos.forvaltningens
                    else ""
                )
                + (f" och budgeten {prognos.budget.text()}" if prognos.budget else "")
                + "."
            ]
        )
        diagram(
            figurer.prognosdiagram(
                analys.diagramserie(tot, analys.KOSTNAD, period.ar), prognos, period
            ),
            kalltext(
                underlag.totaler.filter(
                    pl.col("indikator_id").is_in([analys.KOSTNAD, "bistand_budget"])
                )
            ),
            "prognos",
        )
    else:
        stor_text([prognos.orsak if prognos else "Helårsprognos: uppgift saknas."])
    stor_text(t.text for t in takter.values())
else:
    omrade, _, ids = next(o for o in OMRADEN if o[1] == bild)
    kort(ids)
    text = texter[bild]
    stor_text(m.text for m in text.meningar)
    if text.har_beraknade:
        st.caption(som_markdown("* Beräknat från uppgifterna i handlingarna."))
    for sparad in sparade_kommentarer(underlag, omrade):
        st.text(f"💬 {sparad}")
    if omrade == "bistand" and tot.har(analys.KOSTNAD):
        manader = underlag.totaler.filter(
            (pl.col("indikator_id") == analys.KOSTNAD) & (pl.col("periodtyp") == "manad")
        )
        if not manader.is_empty():
            diagram(
                bistand.kostnad_per_manad(manader.with_columns(dimension=pl.lit("")), period),
                kalltext(manader),
                "bistand",
            )
    for indikator in ids:
        takt = takter.get(indikator)
        if takt is not None and takt.vid_arets_slut is not None and (indikator != analys.KOSTNAD):
            diagram(
                figurer.maltaktdiagram(takt),
                kalltext(underlag.totaler.filter(pl.col("indikator_id") == indikator)),
                f"takt_{indikator}",
            )

st.divider()
st.caption(
    f"Bild {BILDER.index(bild) + 1} av {len(BILDER)}. Perioden kommer från länken; "
    "sidopanelen med periodfiltret öppnas med pilen uppe till vänster."
)
if st.context.url:
    parametrar = {
        k: st.query_params[k]
        for k in ("period", "ar", "manad", "jamfor", "bild")
        if k in st.query_params
    }
    with st.expander("Länk till den här bilden"):
        st.code(f"{st.context.url}?{urlencode(parametrar)}", language=None)
