"""The page Rapport, run from dashboard.py: the generated text for the period from the URL,
the administration's comment carried into the report, the report built with progress and
opened as PDF and Word. Expected figures are typed from the committee's papers of 27 October
2022."""

import io

from docx import Document
from pypdf import PdfReader

SIDA = "sidor/rapport.py"
NBSP = "\u00a0"


def texter(at) -> str:
    delar = [*at.caption, *at.markdown, *at.info, *at.warning]
    return " ".join(d.value for d in delar).replace(NBSP, " ").replace("\\", "")


def test_texten_for_september_2022(oppna_sida):
    at = oppna_sida(SIDA)
    assert not at.exception
    assert at.title[0].value == "Rapport"
    text = texter(at)
    assert (
        "Antal hushåll med ekonomiskt bistånd var 648 i september 2022 jämfört med 734 i "
        "september 2021, en minskning med 86 hushåll*; målet om högst 700 hushåll nås."
    ) in text
    assert "Antal mottagna flyktingar var 102 i januari–september 2022" in text
    assert "Metoden prövad på 2021" in text and "ett fel på 217 tkr" in text
    nyckeltal = at.table[0].value
    assert "Hushåll med försörjningsstöd ↘" in nyckeltal["Nyckeltal"].to_list()
    # the table is where the page first names KAA: spelled out
    assert (
        "Det kommunala aktivitetsansvaret (KAA): kännedom om målgruppen ↗"
        in nyckeltal["Nyckeltal"].to_list()
    )
    assert "\u221286" in nyckeltal["Förändring"].to_list()
    # the figures behind the text in Swedish format with their unit, never '44,923.0000'
    uppgifter = at.table[1].value
    varden = dict(zip(uppgifter["Uppgift"], uppgifter["Värde"]))
    assert varden["Nettokostnad ekonomiskt bistånd, januari–september 2022"] == (
        f"44{NBSP}923{NBSP}tkr"
    )
    assert varden["Hushåll med försörjningsstöd, september 2021"] == "734"
    assert varden["Minskning: Nettokostnad ekonomiskt bistånd"] == f"287{NBSP}tkr"
    assert varden["Kostnad per hushåll och månad, 2022"] == f"7{NBSP}244{NBSP}kr"
    assert "Enhet" not in uppgifter.columns
    assert "högre kostnad per hushåll (7 244 kr* per hushåll och månad 2022 mot 6 770 kr*" in text
    assert [t.label for t in at.text_area][0] == "Förvaltningens kommentar: ekonomiskt bistånd"
    assert any(b.label == "Ladda ned tabellerna (Excel)" for b in at.get("download_button"))


def test_perioden_fran_url_andrar_texten(oppna_sida):
    at = oppna_sida(SIDA, period="Tertial 2")
    assert not at.exception
    text = texter(at)
    assert "667 i augusti 2022; uppgift för augusti 2021 saknas" in text
    assert "Antal mottagna flyktingar för maj–augusti 2022: uppgift saknas." in text
    assert "648 i september 2022" not in text


def test_rapporten_skapas_med_kommentaren_och_oppnas(oppna_sida):
    at = oppna_sida(SIDA)
    at.text_area(key="kommentar_bistand").input("Kostnaden drivs av riksnormen.").run()
    at.button(key="skapa_rapport").click().run()
    assert not at.exception
    status = at.get("status")[0].proto
    assert status.label == "Rapporten är klar att ladda ned"
    etiketter = [b.label for b in at.get("download_button")]
    assert "Ladda ned PDF" in etiketter and "Ladda ned Word (DOCX)" in etiketter
    _, filnamn, pdf, word = at.session_state["rapport_filer"]
    assert filnamn == "nyckeltal_uppfoljning_januari_september_2022"
    lasare = PdfReader(io.BytesIO(pdf))
    text = " ".join(s.extract_text() for s in lasare.pages).replace(NBSP, " ")
    assert "Kostnaden drivs av riksnormen." in text
    assert "648 i september 2022" in text
    assert sum(len(s.images) for s in lasare.pages) >= 5
    dok = Document(io.BytesIO(word))
    assert "Kostnaden drivs av riksnormen." in [p.text for p in dok.paragraphs]
    assert len(dok.inline_shapes) >= 5
    # a changed comment makes the report stale until it is built again
    at.text_area(key="kommentar_bistand").input("Ny kommentar.").run()
    assert "har ändrats sedan rapporten skapades" in texter(at)
