"""The report's PDF and Word document are accessible (WCAG 2.1 AA, the DOS law covers the PDFs
the municipality publishes): the PDF's structure tree read back with pikepdf (headings, tables
with header cells, figures with alternative text, language, title), the key figures of the
committee's papers of 27 October 2022 in its text, a staff comment with Typst syntax printed
as typed, and the Word document's headings, language, header rows and alternative text.

The charts here are plain PNGs made below: tags and alternative text do not depend on the
pixels, and test_export.py runs the real charts through kaleido and Chromium."""

import io
import struct
import zlib

import pikepdf
import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from nyckeltal import rapportinnehall, rapportmodell
from nyckeltal.perioder import Period
from nyckeltal.sammanfattning import hamta_underlag

SEP_2022 = Period(2022, 1, 9, 2021)
# A comment as staff might type it, full of Typst's markup and code syntax: if any of it were
# read as markup the page would turn red, break, get a heading, or read a file.
TYPST_KOMMENTAR = (
    "#set page(fill: red) #pagebreak() = Rubrik $x^2$ *fet* _kursiv_ [länk](x) \\ <etikett> "
    '@ref -- ... ~ "citat" // slut /* block */ #image("/etc/passwd") #read("/etc/passwd") '
    '`kod` #{ 1 + 1 } #eval("2")'
)


def ren(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def png(bredd: int = 400, hojd: int = 200) -> bytes:
    """A grey PNG, written with the standard library."""

    def del_(typ: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + typ + data + struct.pack(">I", zlib.crc32(typ + data))

    rader = b"".join(b"\x00" + b"\xcc\xcc\xcc" * bredd for _ in range(hojd))
    return (
        b"\x89PNG\r\n\x1a\n"
        + del_(b"IHDR", struct.pack(">IIBBBBB", bredd, hojd, 8, 2, 0, 0, 0))
        + del_(b"IDAT", zlib.compress(rader))
        + del_(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def rapport(db):
    underlag = hamta_underlag(db.fraga, SEP_2022)
    diagram = rapportinnehall.rapportdiagram(underlag)
    return rapportinnehall.bygg_rapport(
        underlag,
        {d.nyckel: png() for _, d in diagram},
        {"bistand": "Kostnadsökningen beror på riksnormen."},
        diagram=diagram,
    )


@pytest.fixture(scope="module")
def pdf(rapport) -> bytes:
    return rapportmodell.pdf(rapport)


def struktur(element):
    """Every structure element under element, in document order."""
    barn = element.get("/K")
    for b in barn if isinstance(barn, pikepdf.Array) else [barn]:
        if isinstance(b, pikepdf.Dictionary) and "/S" in b:
            yield b
            yield from struktur(b)


def under(element, typ: str) -> list:
    return [e for e in struktur(element) if e.S == typ]


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_ar_markerad_svensk_och_visar_sin_titel(pdf):
    with pikepdf.open(io.BytesIO(pdf)) as dok:
        assert dok.Root.MarkInfo.Marked is True
        assert str(dok.Root.Lang).startswith("sv")
        assert dok.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(dok.docinfo.Title) == "Arbetslivsnämndens nyckeltal"
        # PDF/UA-1 claimed in the metadata (Typst checks the rules while it writes)
        with dok.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"


def test_pdf_har_rubriker_tabeller_och_figurer_med_alternativtext(rapport, pdf):
    with pikepdf.open(io.BytesIO(pdf)) as dok:
        alla = list(struktur(dok.Root.StructTreeRoot))
        typer = [str(e.S) for e in alla]
        # one H1 (the title), an H2 per part, H3 for comments and charts
        assert typer.count("/H1") == 1
        # Nyckeltal, the parts, the figures of the text and the sources
        assert typer.count("/H2") == 1 + len(rapport.avsnitt) + 2
        assert typer.count("/H3") >= 1 + sum(len(a.diagram) for a in rapport.avsnitt)
        assert typer.index("/H1") < typer.index("/H2") < typer.index("/Table")
        tabeller = [e for e in alla if e.S == "/Table"]
        assert len(tabeller) == 2
        for tabell, rubriker in zip(
            tabeller, (rapport.kpi_rubriker, rapport.underlag_rubriker), strict=True
        ):
            th = under(tabell, "/TH")
            assert len(th) == len(rubriker)
            assert all(a.Scope == "/Column" for t in th for a in t.A if "/Scope" in a)
            assert len(under(tabell, "/TD")) >= len(rubriker)
            assert len(under(tabell, "/THead")) == 1
        figurer = [e for e in alla if e.S == "/Figure"]
        assert len(figurer) == sum(len(a.diagram) for a in rapport.avsnitt) >= 5
        assert all(str(f.get("/Alt", "")).strip() for f in figurer)
        assert typer.count("/L") == 1 and typer.count("/LI") == len(rapport.kallor)
    # the headings are bookmarks too, nested and in reading order
    utkast = PdfReader(io.BytesIO(pdf)).outline
    assert [o.title for o in utkast if not isinstance(o, list)] == ["Arbetslivsnämndens nyckeltal"]
    delar = [o.title for o in utkast[1] if not isinstance(o, list)]
    assert delar == [
        "Nyckeltal",
        *(a.rubrik for a in rapport.avsnitt),
        "Siffrorna i texten och var de kommer ifrån",
        "Källor",
    ]


def test_pdf_har_handlingarnas_nyckeltal(pdf):
    # typed from data/varden.csv (the committee's papers), in Swedish print format
    text = ren(" ".join(s.extract_text() for s in PdfReader(io.BytesIO(pdf)).pages))
    for uppgift in (
        "648",  # households with försörjningsstöd, September 2022
        "734 (sep 2021)",
        "44 923 tkr",  # net cost January–September 2022
        "45 210 tkr (jan–sep 2021)",
        "60 500 tkr",  # the administration's forecast
        "57 500 tkr",  # budget 2022
        "43 125 tkr",  # budget January–September
        "12 901 tkr",  # the committee's result January–September
        "\u22126 000 tkr",  # its forecast for the year, with the typographic minus
        "Målet nås (mål: högst 700)",
        "Mottagna flyktingar",
    ):
        assert uppgift in text, uppgift
    assert "Förvaltningens kommentar" in text and "Källor" in text
    assert "-6 000" not in text and "dashboard" not in text.lower()


def test_kommentar_med_typst_syntax_skrivs_som_text(db, rapport):
    # the report's text reaches Typst as JSON data, never as markup
    underlag = hamta_underlag(db.fraga, SEP_2022)
    diagram = rapportinnehall.rapportdiagram(underlag)
    med_syntax = rapportinnehall.bygg_rapport(
        underlag,
        {d.nyckel: png() for _, d in diagram},
        {"bistand": TYPST_KOMMENTAR, "analys": 'Sista raden ] ) } " \\'},
        diagram=diagram,
    )
    data = rapportmodell.pdf(med_syntax)
    lasare = PdfReader(io.BytesIO(data))
    text = ren(" ".join(s.extract_text() for s in lasare.pages))
    assert ren(TYPST_KOMMENTAR) in text
    assert 'Sista raden ] ) } " \\' in text
    assert "root:" not in text  # /etc/passwd was not read
    with pikepdf.open(io.BytesIO(data)) as dok:
        typer = [str(e.S) for e in struktur(dok.Root.StructTreeRoot)]
        assert "/Formula" not in typer
        assert "/Code" not in typer
    with pikepdf.open(io.BytesIO(rapportmodell.pdf(rapport))) as utan:
        # no heading, no page and no picture more than the same report without the syntax
        assert typer.count("/H1") == 1
        assert typer.count("/H2") == sum(
            1 for e in struktur(utan.Root.StructTreeRoot) if e.S == "/H2"
        )
        assert typer.count("/Figure") == sum(
            1 for e in struktur(utan.Root.StructTreeRoot) if e.S == "/Figure"
        )
        assert len(lasare.pages) == len(utan.pages)


# --- Word ------------------------------------------------------------------------------------


def test_word_bilder_har_alternativtext(rapport):
    dok = Document(io.BytesIO(rapportmodell.docx(rapport)))
    diagram = [d for a in rapport.avsnitt for d in a.diagram]
    bilder = dok.inline_shapes
    assert len(bilder) == len(diagram) >= 5
    for bild, d in zip(bilder, diagram, strict=True):
        doc_pr = bild._inline.docPr
        assert doc_pr.get("descr").strip(), d.rubrik
        assert doc_pr.get("descr") == d.alt
        assert doc_pr.get("title") == d.rubrik
    kostnad = bilder[0]._inline.docPr.get("descr")
    assert "4\u00a0815\u00a0tkr" in kostnad  # September 2022 in data/varden.csv


def test_word_rubriker_sprak_och_tabellhuvuden(rapport):
    dok = Document(io.BytesIO(rapportmodell.docx(rapport)))
    rubriker = [(p.style.name, p.text) for p in dok.paragraphs if p.style.name.startswith("Head")]
    assert rubriker[0] == ("Heading 1", "Arbetslivsnämndens nyckeltal")
    assert [r for r in rubriker if r[0] == "Heading 1"] == [rubriker[0]]
    assert ("Heading 2", "Ekonomiskt bistånd") in rubriker
    assert ("Heading 3", "Förvaltningens kommentar") in rubriker
    # Swedish for every style, through the document defaults
    standard = dok.styles.element.find(qn("w:docDefaults"))
    lang = standard.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"
    assert dok.core_properties.language == "sv-SE"
    for tabell in dok.tables:
        forsta = tabell.rows[0]._tr
        assert forsta.trPr is not None and forsta.trPr.find(qn("w:tblHeader")) is not None
        assert all(
            r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None
            for r in tabell.rows[1:]
        )
        assert tabell._tbl.tblPr.find(qn("w:tblCaption")) is not None


def test_kommentarens_stycken_blir_stycken(db):
    # a blank line in the comment box starts a new paragraph in both files (a screen reader
    # moves by paragraph); emoji are left out, the words around them stay
    kommentar = "Första stycket.\n\nAndra stycket 🙂 med en rad\ntill."
    rapport = rapportinnehall.bygg_rapport(
        hamta_underlag(db.fraga, SEP_2022), {}, {"bistand": kommentar}
    )
    stycken = [p.text for p in Document(io.BytesIO(rapportmodell.docx(rapport))).paragraphs]
    assert "Första stycket." in stycken and "Andra stycket med en rad\ntill." in stycken
    text = ren(
        " ".join(s.extract_text() for s in PdfReader(io.BytesIO(rapportmodell.pdf(rapport))).pages)
    )
    assert "Första stycket. Andra stycket med en rad till." in text
