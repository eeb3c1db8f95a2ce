"""Taking the meeting out of the dashboard: Excel read back, charts as PNG through kaleido and
the system Chromium, and the report opened as PDF and as Word with its text and images
checked against the seed figures (the committee's papers of 27 October 2022). The PDF's and
the Word document's accessibility (tags, alternative text, language) is in
test_export_tillganglighet.py."""

import io
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pikepdf
import plotly.graph_objects as go
import polars as pl
import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from nyckeltal import diagrambilder, excel, rapport_pdf, rapportinnehall, rapportmodell
from nyckeltal.perioder import Period
from nyckeltal.sammanfattning import hamta_underlag

NBSP = "\u00a0"
SEP_2022 = Period(2022, 1, 9, 2021)
PNG_HUVUD = b"\x89PNG\r\n\x1a\n"


def ren(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


# --- Excel -----------------------------------------------------------------------------------


def test_excel_laser_tillbaka_med_svenska_rubriker_och_talformat():
    kostnad = pl.DataFrame(
        {"manad": [1, 2, 10], "ar_2022": [4814.0, 5203.0, None], "andel": [42.0, 58.0, None]},
        schema={"manad": pl.Int32, "ar_2022": pl.Float64, "andel": pl.Float64},
    )
    fordelning = pl.DataFrame({"verksamhet": ["Ekonomiskt bistånd"], "belopp": [Decimal(-3000)]})
    data = excel.excel(
        [
            excel.Tabell(
                "Nettokostnad per månad",
                kostnad,
                {"manad": "manad", "ar_2022": "tkr", "andel": "procent"},
                {"manad": "Månad", "ar_2022": "Nettokostnad 2022 (tkr)", "andel": "Andel (%)"},
                kalla="Bilaga: Budgetuppföljning Sept 2022",
            ),
            excel.Tabell(
                "Avvikelse: helår/prognos?",
                fordelning,
                {"belopp": "tkr"},
                {"verksamhet": "Verksamhet", "belopp": "Avvikelse (tkr)"},
            ),
            excel.Tabell("Nettokostnad per månad", kostnad.head(1)),
        ]
    )
    bok = load_workbook(io.BytesIO(data))
    # Excel's forbidden characters are gone and the duplicate name made unique
    assert bok.sheetnames == [
        "Nettokostnad per månad",
        "Avvikelse helår prognos",
        "Nettokostnad per månad (2)",
    ]
    blad = bok["Nettokostnad per månad"]
    assert [c.value for c in blad[1]] == ["Månad", "Nettokostnad 2022 (tkr)", "Andel (%)"]
    assert [c.value for c in blad[2]] == ["januari", 4814, 42]
    assert blad["B2"].number_format == "#,##0"  # shown "4 814" by a Swedish Excel
    assert blad["C2"].number_format == '0" %"'
    # a missing value is said, never 0
    assert [c.value for c in blad[4]] == ["oktober", "uppgift saknas", "uppgift saknas"]
    assert blad["A6"].value == "Källa: Bilaga: Budgetuppföljning Sept 2022"
    assert blad.freeze_panes == "A2"
    assert bok["Avvikelse helår prognos"]["B2"].value == -3000


def test_excel_av_rapportens_nyckeltal(db):
    underlag = hamta_underlag(db.fraga, SEP_2022)
    kpier = rapportinnehall.rapportkpier(underlag)
    data = excel.excel(
        [
            excel.Tabell(
                "Nyckeltal",
                rapportinnehall.kpi_frame(kpier),
                {"varde": "antal"},
                rapportinnehall.KPI_FRAME_RUBRIKER,
            )
        ]
    )
    blad = load_workbook(io.BytesIO(data))["Nyckeltal"]
    rader = {r[0]: r for r in blad.iter_rows(min_row=2, values_only=True) if r[0]}
    assert rader["Hushåll med försörjningsstöd"][3] == 648
    assert rader["Nettokostnad ekonomiskt bistånd"][3] == 44923
    assert rader["Mottagna flyktingar"][3] == 102
    assert blad["A1"].value == "Nyckeltal" and blad["E1"].value == "Jämförelsevärde"


# --- PNG -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    assert Path(diagrambilder.CHROMIUM).exists(), (
        "Debian-paketet chromium saknas (make test installerar det)"
    )


def test_png_av_ett_diagram(chromium):
    fig = go.Figure(go.Bar(x=["2021", "2022"], y=[60766, 60500]))
    fig.update_layout(height=300)
    bild = diagrambilder.png(fig, bredd=400, skala=1)
    assert bild.startswith(PNG_HUVUD)
    # width and height from the PNG header
    assert int.from_bytes(bild[16:20], "big") == 400
    assert int.from_bytes(bild[20:24], "big") == 300


def test_pngs_rapporterar_framsteg(chromium):
    """Progress is reported where the report page draws: in a script thread, which has no
    running event loop. (The main thread of this test run may have one: the session's sync
    Playwright browser, once another module has started it.)"""
    steg = []
    with ThreadPoolExecutor(1) as skripttrad:
        bilder = skripttrad.submit(
            diagrambilder.pngs,
            [go.Figure(go.Scatter(y=[1, 2])), go.Figure(go.Scatter(y=[2, 1]))],
            bredd=300,
            skala=1,
            framsteg=lambda klara, totalt: steg.append((klara, totalt)),
        ).result()
    assert len(bilder) == 2 and all(b.startswith(PNG_HUVUD) for b in bilder)
    assert steg == [(1, 2), (2, 2)]


def test_pngs_utan_webblasare_ger_ett_svenskt_fel(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/finns/inte/chromium")
    with pytest.raises(diagrambilder.BildFel, match="Diagrammen kunde inte ritas"):
        diagrambilder.pngs([go.Figure()])


# --- The report ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rapport(db, chromium):
    underlag = hamta_underlag(db.fraga, SEP_2022)
    diagram = rapportinnehall.rapportdiagram(underlag)
    bilder = diagrambilder.pngs([d.fig for _, d in diagram], bredd=800, skala=1)
    return rapportinnehall.bygg_rapport(
        underlag,
        {d.nyckel: b for (_, d), b in zip(diagram, bilder)},
        {"bistand": "Kostnadsökningen beror på riksnormen.", "analys": ""},
        diagram=diagram,
    )


def test_rapportens_innehall(rapport):
    assert rapport.undertitel == (
        "Uppföljning januari–september 2022, jämfört med januari–september 2021"
    )
    assert rapport.filnamn == "nyckeltal_uppfoljning_januari_september_2022"
    rader = {r[0]: r for r in rapport.kpi_rader}
    hushall = rader["Hushåll med försörjningsstöd ↘"]
    assert ren(hushall[2]) == "648" and "734" in hushall[3]
    assert hushall[4] == "\u221286"  # the typographic minus in print
    assert "Målet nås (mål: högst 700)" in hushall[5]
    rubriker = [a.rubrik for a in rapport.avsnitt]
    assert rubriker == [
        "Ekonomiskt bistånd",
        "Flyktingmottagning",
        "Arbetsmarknad",
        "Ekonomi",
        "Analys och prognos",
    ]
    bistand = rapport.avsnitt[0]
    assert bistand.kommentar == "Kostnadsökningen beror på riksnormen."
    assert all(rapport.bild(d) is not None for a in rapport.avsnitt for d in a.diagram)
    assert any("Dnr ALN 2022-00100 1.2.4.1" in k for k in rapport.kallor)


def test_diagrammens_alternativtext_sager_vad_de_visar(rapport):
    # written from the chart's data, so it carries the figures a sighted reader sees; the
    # expected figures are data/varden.csv's (the committee's papers), not the code's output
    alt = {d.rubrik: ren(d.alt) for a in rapport.avsnitt for d in a.diagram}
    kostnad = alt["Nettokostnad per månad, år för år"]
    assert kostnad.startswith("Linjediagram")
    assert "(2020, 2021 och 2022)" in kostnad
    assert "September 2022: 4 815 tkr; september 2021: 5 084 tkr." in kostnad
    prognos = alt["Helårsprognos för nettokostnaden 2022"]
    assert prognos.startswith("Linjediagram: Nettokostnad ekonomiskt bistånd, ackumulerat")
    assert "Januari–september 2022: 44 923 tkr." in prognos
    assert "Förvaltningens prognos: 60 500 tkr." in prognos
    assert "Budget 2022: 57 500 tkr." in prognos
    takt = alt["Hushåll med försörjningsstöd: takten mot målet (högst 700 per månad)"]
    assert takt.startswith("Linjediagram: Hushåll med försörjningsstöd 2022")
    assert "648" in takt and "högst 700" in takt  # the target in data/mal.csv
    sasong = alt["Nettokostnad per månad 2022 mot spannet tidigare år"]
    # January 4 814 over 2020's 4 449 and 2021's 4 357; March 5 167 under 5 674 and 5 901
    assert "över spannet (januari, februari, april och juli)" in sasong
    assert "1 under spannet (mars)" in sasong
    volym = alt["Kostnadsförändringen januari–september: hushåll och belopp"]
    assert volym.startswith("Vattenfallsdiagram")
    assert "från 45 210 tkr 2021 till 44 923 tkr 2022" in volym


def test_pdf_oppnas_med_text_och_bilder(rapport):
    data = rapportmodell.pdf(rapport)
    pdf = PdfReader(io.BytesIO(data))
    text = ren(" ".join(sida.extract_text() for sida in pdf.pages))
    assert "Arbetslivsnämndens nyckeltal" in text
    assert "Antal hushåll med ekonomiskt bistånd var 648 i september 2022 jämfört med 734" in text
    assert "målet om högst 700 hushåll nås" in text
    assert "44 923 tkr" in text and "60 500 tkr" in text and "57 500 tkr" in text
    # negative figures with the typographic minus, as printed
    assert "\u22126 000 tkr" in text and "\u2212287 tkr" in text and "-6 000" not in text
    assert "Kostnadsökningen beror på riksnormen." in text
    assert "Förvaltningens kommentar" in text
    assert "Källor" in text and "ALN 2022-00100 1.2.4.1" in text
    assert "Siffrorna i texten och var de kommer ifrån" in text
    assert "dashboard" not in text.lower() and "ur nyckeltalens databas" in text
    bilder = [b for sida in pdf.pages for b in sida.images]
    antal_diagram = sum(len(a.diagram) for a in rapport.avsnitt)
    assert antal_diagram >= 5 and len(bilder) == antal_diagram
    assert pdf.metadata.title == "Arbetslivsnämndens nyckeltal"
    # each drawn chart is a tagged figure whose alternative text is the chart's description
    with pikepdf.open(io.BytesIO(data)) as dok:
        alt = [str(e.Alt) for e in _struktur(dok.Root.StructTreeRoot) if e.get("/S") == "/Figure"]
    assert alt == [d.alt for a in rapport.avsnitt for d in a.diagram]


def _struktur(element):
    """Every structure element under element, in document order."""
    barn = element.get("/K")
    for b in barn if isinstance(barn, pikepdf.Array) else [barn]:
        if isinstance(b, pikepdf.Dictionary) and "/S" in b:
            yield b
            yield from _struktur(b)


def test_word_oppnas_redigerbar_med_text_tabeller_och_bilder(rapport):
    dok = Document(io.BytesIO(rapportmodell.docx(rapport)))
    stycken = [ren(p.text) for p in dok.paragraphs]
    text = " ".join(stycken)
    assert "Arbetslivsnämndens nyckeltal" in stycken[0]
    assert "Antal hushåll med ekonomiskt bistånd var 648 i september 2022" in text
    assert "Kostnadsökningen beror på riksnormen." in stycken
    rubriker = {p.text: p.style.name for p in dok.paragraphs if p.style.name.startswith("Head")}
    assert rubriker["Arbetslivsnämndens nyckeltal"] == "Heading 1"
    assert rubriker["Ekonomiskt bistånd"] == "Heading 2" and rubriker["Källor"] == "Heading 2"
    assert rubriker["Nettokostnad per månad, år för år"] == "Heading 3"
    assert "dashboard" not in text.lower() and "ur nyckeltalens databas" in text
    # the key-figure table is a real table, not a picture
    nyckeltal = dok.tables[0]
    assert [c.text for c in nyckeltal.rows[0].cells] == list(rapportinnehall.KPI_RUBRIKER)
    celler = [ren(c.text) for rad in nyckeltal.rows for c in rad.cells]
    assert "648" in celler and "44 923 tkr" in celler
    assert len(dok.inline_shapes) == sum(len(a.diagram) for a in rapport.avsnitt)
    assert dok.core_properties.language == "sv-SE"


def test_pdf_utan_typsnittsfiler_anvander_typsts_eget_typsnitt(db, monkeypatch):
    # a machine without Liberation or DejaVu: Typst's own Libertinus Serif has the Swedish
    # letters, the en dash and the typographic minus too
    monkeypatch.setattr(rapport_pdf, "TYPSNITTSMAPPAR", ())
    rapport = rapportinnehall.bygg_rapport(hamta_underlag(db.fraga, SEP_2022), {})
    data = rapportmodell.pdf(rapport)
    text = ren(" ".join(s.extract_text() for s in PdfReader(io.BytesIO(data)).pages))
    assert "Antal hushåll med ekonomiskt bistånd var 648 i september 2022" in text
    assert "januari–september 2022" in text and "\u22126 000 tkr" in text
    with pikepdf.open(io.BytesIO(data)) as dok:
        typsnitt = {str(f.BaseFont) for sida in dok.pages for f in sida.Resources.Font.values()}
    assert typsnitt and all("Libertinus" in f for f in typsnitt), typsnitt


def test_sparade_kommentarer_kommer_med_i_rapporten(db, kommentarer):
    from dataclasses import replace

    underlag = replace(hamta_underlag(db.fraga, SEP_2022), kommentarer=kommentarer)
    rapport = rapportinnehall.bygg_rapport(underlag, {}, {"bistand": "Skriven på sidan Rapport."})
    bistand = rapport.avsnitt[0]
    assert bistand.sparade[0].startswith("Hushåll med försörjningsstöd, september 2022:")
    text = ren(
        " ".join(s.extract_text() for s in PdfReader(io.BytesIO(rapportmodell.pdf(rapport))).pages)
    )
    assert "Färre hushåll efter *sommarens* insatser. (Anna, 2022-10-20)" in text
    assert "Två familjer flyttade." in text and "Skriven på sidan Rapport." in text
    stycken = [p.text for p in Document(io.BytesIO(rapportmodell.docx(rapport))).paragraphs]
    assert any("Färre hushåll efter *sommarens* insatser." in p for p in stycken)


def test_rapport_utan_bilder_sager_det(db):
    underlag = hamta_underlag(db.fraga, Period(2022, 5, 8, 2021))
    rapport = rapportinnehall.bygg_rapport(
        underlag, {}, noteringar=["Diagrammen kunde inte ritas."]
    )
    text = ren(
        " ".join(s.extract_text() for s in PdfReader(io.BytesIO(rapportmodell.pdf(rapport))).pages)
    )
    assert "Diagrammen kunde inte ritas." in text
    assert "Diagrammet kunde inte ritas som bild." in text
    # without the picture its description is printed: the chart's content is not lost
    assert "Linjediagram över nettokostnaden för ekonomiskt bistånd per månad" in text
    assert "maj–augusti 2022" in text and "uppgift saknas" in text
    assert len(Document(io.BytesIO(rapportmodell.docx(rapport))).inline_shapes) == 0
