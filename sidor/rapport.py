"""Rapport: the first draft of the committee's follow-up for the chosen period. The text is
generated from the figures, the administration adds its comments, and the whole goes out as
PDF and as an editable Word document, with the tables as Excel."""

import hashlib
from urllib.parse import urlencode

import streamlit as st

from nyckeltal import diagrambilder, excel, rapportinnehall, rapportmodell
from nyckeltal.vyer import rapport
from sidor._delat import vald_period, visa_tabell, vy

period = vald_period()
sida = vy(rapport.bygg, period)

st.title("Rapport")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. Texten skrivs ur "
    "siffrorna i databasen, likadant varje gång; beräknade tal har en asterisk (\\*)."
)

# --- Key figures -----------------------------------------------------------------------------
st.subheader("Nyckeltal")
# static tables: a data grid redraws its canvas after every period change, late
visa_tabell(sida.nyckeltal, statisk=True, border="horizontal")

# --- Generated text and comments -------------------------------------------------------------
st.subheader("Text per område")
st.caption(
    "Skriv förvaltningens kommentar under varje område; den kommer med i rapporten men "
    "sparas inte när sidan stängs. Kommentarer som ska finnas kvar skrivs på sidan "
    "Administration; de kommer också med."
)
for text in sida.texter:
    with st.container(border=True):
        st.markdown(f"**{text.rubrik}**")
        st.markdown(text.text)
        if text.fotnot:
            st.caption(text.fotnot)
        if text.sparade:
            st.caption("💬 Kommentarer från sidan Administration (kommer med i rapporten):")
            for sparad in text.sparade:
                st.text(sparad)
        st.text_area(
            text.etikett,
            key=f"kommentar_{text.omrade}",
            height=90,
            placeholder="Till exempel orsaker, åtgärder och bedömning.",
        )
with st.container(border=True):
    st.markdown("**Analys och prognos**")
    for punkt in sida.analys:
        st.markdown(punkt)
    st.text_area(
        "Förvaltningens kommentar: analys och prognos",
        key=f"kommentar_{rapport.ANALYS}",
        height=90,
    )

with st.expander("Siffrorna i texten och var de kommer ifrån"):
    visa_tabell(sida.uppgifter, statisk=True, border="horizontal")

# --- Downloads -------------------------------------------------------------------------------
st.subheader("Ladda ned")
kommentarer = {
    omrade: st.session_state.get(f"kommentar_{omrade}", "") or "" for omrade in sida.omraden
}
nyckel = hashlib.sha256(repr((period, sorted(kommentarer.items()))).encode()).hexdigest()
tabeller = sida.tabeller

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
        utkast = vy(rapport.utkast, period)
        diagram = utkast.diagram
        figurnyckel = rapport.bildnyckel(diagram)
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
                bilder = {d.nyckel: png for d, png in zip(diagram, pngs)}
                st.session_state["rapport_bilder"] = (figurnyckel, bilder)
            except diagrambilder.BildFel as fel:
                noteringar.append(
                    "Diagrammen kunde inte ritas som bilder när rapporten skapades; "
                    "rapporten har rubrikerna och källorna men inte bilderna."
                )
                st.warning(str(fel), icon="⚠️")
        fardig = rapportinnehall.fardig(utkast, bilder, kommentarer, noteringar)
        st.write("Skriver PDF …")
        pdf = rapportmodell.pdf(fardig)
        st.write("Skriver Word-dokument …")
        word = rapportmodell.docx(fardig)
        st.session_state["rapport_filer"] = (nyckel, fardig.filnamn, pdf, word)
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
