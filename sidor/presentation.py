"""Presentation: the meeting view for the projector. One area at a time in large type, stepped
with the buttons or chosen directly; the period comes from the link and is shown on every
slide. dashboard.py folds the sidebar away on this page.

A link such as ?period=Hittills+i+år&ar=2022&manad=september&bild=Ekonomiskt+bistånd opens
the slide of that area for that period."""

from collections.abc import Iterable
from urllib.parse import urlencode

import polars as pl
import streamlit as st

from nyckeltal import analys
from nyckeltal.figurer import PLOTLY_CONFIG, bistand
from nyckeltal.figurer import analys as figurer
from nyckeltal.format import tal
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import bygg_kpier
from nyckeltal.perioder import Period
from nyckeltal.sammanfattning import (
    OMRADEN,
    hamta_underlag,
    sammanfatta,
    som_markdown,
    sparade_kommentarer,
)
from sidor._delat import fraga, fryst, per_version, vald_period, visa_kpier

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


def stor_text(meningar: Iterable[str]) -> tuple[str, ...]:
    """Each sentence as a paragraph of large type: readable from the back of the room."""
    return tuple(f"### {som_markdown(mening)}" for mening in meningar)


def diagram(fig, kalla: str, nyckel: str) -> dict:
    """A chart for the projector (larger type, taller), kept read-only with its dict form,
    and its source."""
    return {"fig": fryst(figurer.for_projektor(fig)), "kalla": kalla, "nyckel": nyckel}


@per_version
def berakna(period: Period, bild: str) -> dict:
    """What one slide shows for the period, built once per database version, period and
    slide: KPI cards, the sentences in large type, the charts with their sources."""
    underlag = hamta_underlag(fraga, period)
    tot = analys.Totaler(underlag.totaler)
    takter = {t.indikator_id: t for t in analys.maltakter(tot, underlag.indikatorer, period)}
    finns = set(underlag.indikatorer["indikator_id"].to_list())

    def kort(ids) -> list:
        return bygg_kpier(
            [i for i in ids if i in finns],
            underlag.indikatorer,
            underlag.varden,
            underlag.jamforelse,
            period,
        )

    if bild == OVERSIKT:
        return {
            "kort": kort(OVERSIKTSKORT),
            "mal": stor_text(f"{t.status_text}: {t.namn}, {t.mal_text}." for t in takter.values()),
        }
    if bild == ANALYS:
        prognos = (
            analys.helarsprognos(tot, analys.KOSTNAD, period.ar, period.till_manad)
            if (tot.har(analys.KOSTNAD))
            else None
        )
        ut: dict = {"prognos": None, "takter": stor_text(t.text for t in takter.values())}
        if prognos is not None and prognos.prognos is not None:
            ut["prognos_text"] = stor_text(
                [
                    f"Nettokostnaden för ekonomiskt bistånd skrivs fram till "
                    f"{prognos.prognos.text()} för helåret (beräknat"
                    + (
                        f", spann {tal(prognos.lag.varde)}–{prognos.hog.text()}"
                        if prognos.lag
                        else ""
                    )
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
            ut["prognos"] = diagram(
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
            ut["prognos_text"] = stor_text(
                [prognos.orsak if prognos else "Helårsprognos: uppgift saknas."]
            )
        return ut

    omrade, _, ids = next(o for o in OMRADEN if o[1] == bild)
    text = next(t for t in sammanfatta(underlag) if t.rubrik == bild)
    diagrammen = []
    if omrade == "bistand" and tot.har(analys.KOSTNAD):
        manader = underlag.totaler.filter(
            (pl.col("indikator_id") == analys.KOSTNAD) & (pl.col("periodtyp") == "manad")
        )
        if not manader.is_empty():
            diagrammen.append(
                diagram(
                    bistand.kostnad_per_manad(manader.with_columns(dimension=pl.lit("")), period),
                    kalltext(manader),
                    "bistand",
                )
            )
    for indikator in ids:
        takt = takter.get(indikator)
        if takt is not None and takt.vid_arets_slut is not None and (indikator != analys.KOSTNAD):
            diagrammen.append(
                diagram(
                    figurer.maltaktdiagram(takt),
                    kalltext(underlag.totaler.filter(pl.col("indikator_id") == indikator)),
                    f"takt_{indikator}",
                )
            )
    return {
        "kort": kort(ids),
        "meningar": stor_text(m.text for m in text.meningar),
        "fotnot": som_markdown("* Beräknat från uppgifterna i handlingarna.")
        if text.har_beraknade
        else None,
        "sparade": tuple(f"💬 {sparad}" for sparad in sparade_kommentarer(underlag, omrade)),
        "diagram": diagrammen,
    }


def visa_stor_text(rader: Iterable[str]) -> None:
    for rad in rader:
        st.markdown(rad, anchors=False)


def visa_diagram(fig, kalla: str, nyckel: str) -> None:
    st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG, key=f"presentation_{nyckel}")
    st.caption(f"Källa: {kalla}")


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
sida = berakna(period, bild)

st.title(bild, anchor=False)
st.header(
    f"{period.etikett} · jämfört med {period.jamforelseetikett}", anchor=False, divider="gray"
)

if bild == OVERSIKT:
    visa_kpier(sida["kort"])
    st.markdown("### Målen", anchors=False)
    visa_stor_text(sida["mal"])
elif bild == ANALYS:
    visa_stor_text(sida["prognos_text"])
    if sida["prognos"]:
        visa_diagram(**sida["prognos"])
    visa_stor_text(sida["takter"])
else:
    visa_kpier(sida["kort"])
    visa_stor_text(sida["meningar"])
    if sida["fotnot"]:
        st.caption(sida["fotnot"])
    for sparad in sida["sparade"]:
        st.text(sparad)
    for d in sida["diagram"]:
        visa_diagram(**d)

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
