"""Rapport: the first draft of the committee's follow-up for the chosen period. The text is
generated from the figures, the administration adds its comments, and the whole goes out as
PDF and as an editable Word document, with the tables as Excel."""

import hashlib
from urllib.parse import urlencode

import polars as pl
import streamlit as st

from nyckeltal import diagrambilder, excel, maltakt, rapportinnehall, rapportmodell, totaler
from nyckeltal.format import formatera_per_rad
from nyckeltal.perioder import Period
from nyckeltal.sammanfattning import (
    FOTNOT,
    hamta_underlag,
    sammanfatta,
    som_markdown,
    sparade_kommentarer,
    uppgiftstabell,
)
from sidor._delat import fraga, per_version, vald_period, visa_tabell

UPPGIFTSRUBRIKER = {
    "omrade": "Område",
    "uppgift": "Uppgift",
    "varde": "Värde",
    "enhet": "Enhet",
    "harledning": "Härledning",
    "underlag": "Källa eller beräkning",
}


@per_version
def berakna(period: Period) -> dict:
    """What the page shows for the period, built once per database version and period: the
    key figures, the generated text per area with the saved comments, the analysis, the
    figures of the text, and the tables for Excel. The report files are built on click."""
    underlag = hamta_underlag(fraga, period)
    texter = sammanfatta(underlag)
    kpier = rapportinnehall.rapportkpier(underlag)
    tot = totaler.Totaler(underlag.totaler)
    uppgifter = uppgiftstabell(texter)

    tabeller = [
        excel.Tabell(
            "Nyckeltal",
            rapportinnehall.kpi_frame(kpier),
            {"varde": "antal", "jamforelsevarde": "antal", "forandring": "antal"},
            rapportinnehall.KPI_FRAME_RUBRIKER,
        ),
        excel.Tabell("Siffrorna i texten", uppgifter, {"varde": "antal"}, UPPGIFTSRUBRIKER),
    ]
    takter = maltakt.maltakter(tot, underlag.indikatorer, period)
    if takter:
        tabeller.append(
            excel.Tabell(
                "Vad krävs för målen",
                maltakt.maltakttabell(takter),
                maltakt.MALTAKT_ENHETER,
                maltakt.MALTAKT_RUBRIKER,
            )
        )
    return {
        "underlag": underlag,
        "nyckeltal": pl.DataFrame(
            list(rapportinnehall.kpi_rader(kpier)),
            schema=list(rapportinnehall.KPI_RUBRIKER),
            orient="row",
        ),
        "texter": tuple(
            {
                "omrade": text.omrade,
                "rubrik": text.rubrik,
                "text": som_markdown(text.text),
                "fotnot": som_markdown(FOTNOT) if text.har_beraknade else None,
                "sparade": sparade_kommentarer(underlag, text.omrade),
            }
            for text in texter
        ),
        "analys": tuple(som_markdown(punkt) for punkt in rapportinnehall.analyspunkter(underlag)),
        # Swedish-formatted with each row's unit ('44 923 tkr', '7 431 kr'), which makes the
        # unit column redundant on screen; the Excel file keeps the raw numbers and the unit
        "uppgifter": formatera_per_rad(uppgifter, {"varde": 0})
        .drop("enhet")
        .rename({k: v for k, v in UPPGIFTSRUBRIKER.items() if k != "enhet"}),
        "tabeller": tuple(tabeller),
    }


period = vald_period()
sida = berakna(period)
underlag = sida["underlag"]

st.title("Rapport")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. Texten skrivs ur "
    "siffrorna i databasen, likadant varje gång; beräknade tal har en asterisk (\\*)."
)

# --- Key figures -----------------------------------------------------------------------------
st.subheader("Nyckeltal")
# static tables: a data grid redraws its canvas after every period change, late
visa_tabell(sida["nyckeltal"], statisk=True, border="horizontal")

# --- Generated text and comments -------------------------------------------------------------
st.subheader("Text per område")
st.caption(
    "Skriv förvaltningens kommentar under varje område; den kommer med i rapporten men "
    "sparas inte när sidan stängs. Kommentarer som ska finnas kvar skrivs på sidan "
    "Administration; de kommer också med."
)
for text in sida["texter"]:
    with st.container(border=True):
        st.markdown(f"**{text['rubrik']}**")
        st.markdown(text["text"])
        if text["fotnot"]:
            st.caption(text["fotnot"])
        if text["sparade"]:
            st.caption("💬 Kommentarer från sidan Administration (kommer med i rapporten):")
            for sparad in text["sparade"]:
                st.text(sparad)
        st.text_area(
            f"Förvaltningens kommentar: {text['rubrik'].lower()}",
            key=f"kommentar_{text['omrade']}",
            height=90,
            placeholder="Till exempel orsaker, åtgärder och bedömning.",
        )
with st.container(border=True):
    st.markdown("**Analys och prognos**")
    for punkt in sida["analys"]:
        st.markdown(punkt)
    st.text_area(
        "Förvaltningens kommentar: analys och prognos",
        key=f"kommentar_{rapportinnehall.ANALYS}",
        height=90,
    )

with st.expander("Siffrorna i texten och var de kommer ifrån"):
    visa_tabell(sida["uppgifter"], statisk=True, border="horizontal")

# --- Downloads -------------------------------------------------------------------------------
st.subheader("Ladda ned")
kommentarer = {
    omrade: st.session_state.get(f"kommentar_{omrade}", "") or ""
    for omrade in [t["omrade"] for t in sida["texter"]] + [rapportinnehall.ANALYS]
}
nyckel = hashlib.sha256(repr((period, sorted(kommentarer.items()))).encode()).hexdigest()
tabeller = sida["tabeller"]

vanster, hoger = st.columns(2)
with vanster:
    st.download_button(
        "Ladda ned tabellerna (Excel)",
        data=lambda: excel.excel(tabeller, titel=f"Rapport {period.etikett}"),
        file_name=f"rapport_{period.ar}_{period.fran_manad:02d}-{period.till_manad:02d}.xlsx",
        mime=excel.XLSX_MIME,
        key="rapport_excel",
        icon=":material/table:",
        on_click="ignore",
        width="stretch",
    )
with hoger:
    skapa = st.button(
        "Skapa rapporten som PDF och Word",
        type="primary",
        key="skapa_rapport",
        icon=":material/description:",
        width="stretch",
        help="Ritar diagrammen som bilder (det tar några sekunder) och skriver rapporten.",
    )

if skapa:
    with st.status("Skapar rapporten …", expanded=True) as status:
        st.write("Samlar siffror, text och diagram …")
        diagram = rapportinnehall.rapportdiagram(underlag)
        figurnyckel = hashlib.sha256("".join(d.fig.to_json() for d in diagram).encode()).hexdigest()
        bilder: dict[str, bytes | None] = {}
        noteringar = []
        sparade = st.session_state.get("rapport_bilder")
        if sparade and sparade[0] == figurnyckel:
            bilder = sparade[1]
            st.write("Diagrammen är redan ritade.")
        elif diagram:
            stapel = st.progress(0.0, text=f"Ritar diagram 1 av {len(diagram)} som bild …")

            def framsteg(klara: int, totalt: int) -> None:
                stapel.progress(klara / totalt, text=f"Ritade diagram {klara} av {totalt} …")

            try:
                pngs = diagrambilder.pngs([d.fig for d in diagram], framsteg=framsteg)
                bilder = {d.rubrik: png for d, png in zip(diagram, pngs)}
                st.session_state["rapport_bilder"] = (figurnyckel, bilder)
            except diagrambilder.BildFel as fel:
                noteringar.append(
                    "Diagrammen kunde inte ritas som bilder när rapporten skapades; "
                    "rapporten har rubrikerna och källorna men inte bilderna."
                )
                st.warning(str(fel), icon="⚠️")
        rapport = rapportinnehall.bygg_rapport(underlag, bilder, kommentarer, noteringar, diagram)
        st.write("Skriver PDF …")
        pdf = rapportmodell.pdf(rapport)
        st.write("Skriver Word-dokument …")
        word = rapportmodell.docx(rapport)
        st.session_state["rapport_filer"] = (nyckel, rapport.filnamn, pdf, word)
        status.update(label="Rapporten är klar att ladda ned", state="complete", expanded=False)

filer = st.session_state.get("rapport_filer")
if filer and filer[0] == nyckel:
    _, filnamn, pdf, word = filer
    vanster, hoger = st.columns(2)
    vanster.download_button(
        "Ladda ned PDF",
        data=pdf,
        file_name=f"{filnamn}.pdf",
        mime=rapportmodell.PDF_MIME,
        key="rapport_pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        width="stretch",
    )
    hoger.download_button(
        "Ladda ned Word (DOCX)",
        data=word,
        file_name=f"{filnamn}.docx",
        mime=rapportmodell.DOCX_MIME,
        key="rapport_docx",
        icon=":material/edit_document:",
        on_click="ignore",
        width="stretch",
    )
elif filer:
    st.info("Perioden eller kommentarerna har ändrats sedan rapporten skapades: skapa den igen.")
else:
    st.caption("Rapporten skapas när du trycker på knappen; sedan kan den laddas ned.")

# --- The meeting -----------------------------------------------------------------------------
st.subheader("Till mötet")
parametrar = {
    k: st.query_params[k] for k in ("period", "ar", "manad", "jamfor") if k in st.query_params
}
st.page_link(
    "sidor/presentation.py",
    label="Öppna presentationsläget för perioden",
    icon=":material/slideshow:",
    query_params=parametrar,
)
if st.context.url:
    bas = st.context.url.rsplit("/", 1)[0]
    st.caption("Länk att dela (öppnar presentationen med samma period):")
    st.code(f"{bas}/presentation?{urlencode(parametrar)}", language=None)
