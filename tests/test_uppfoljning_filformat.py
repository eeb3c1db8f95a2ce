"""The committee's report in the files staff upload (text as `pdftotext -layout` prints it, a
Word document, a PDF) is read into the same blocks as the report's own text with TABs: the
same paragraphs, list items and tables, an empty cell kept in its column. Built from the
report part of the seed (tests/import_filer/rapportfiler.py); only the blocks' `rad` differ.
Broken, encrypted, scanned or foreign files are refused with a Swedish message."""

from __future__ import annotations

import io
import json
import random
import zipfile

import pytest
from import_filer import rapportfiler as rf

from nyckeltal.uppfoljning.block import Stycke, Tabell
from nyckeltal.uppfoljning.pdf import MAX_SIDOR, pdf_text
from nyckeltal.uppfoljning.rapport import las_rapport
from nyckeltal.uppfoljning.text import las_text
from nyckeltal.uppfoljning.word import las_docx

ARBETSMARKNAD = ("Antal personer i arbetsmarknadsinsatser", "↘", "401", "", "346")
ANSTALLNINGAR = ("", "2022", "2021")
PER_MANAD = ("Antal per månad", "", "", "", "")


def innehall(block) -> list[tuple]:
    """Blocks compared by content: a paragraph's text with its whitespace normalised, a
    table's rows of cells (empty cells included); not where they stand in the file."""
    return [
        ("stycke", " ".join(b.text.split())) if isinstance(b, Stycke) else ("tabell", b.rader)
        for b in block
    ]


def tabellrader(block) -> set[tuple[str, ...]]:
    return {rad for b in block if isinstance(b, Tabell) for rad in b.rader}


@pytest.fixture(scope="module")
def rapport() -> str:
    return rf.rapportdel(rf.seed())


@pytest.fixture(scope="module")
def vantat(rapport):
    return innehall(las_text(rapport))


@pytest.fixture(scope="module")
def ur_mellanslag(rapport):
    return innehall(las_text(rf.med_mellanslag(rapport)))


@pytest.fixture(scope="module")
def ur_docx(rapport):
    return innehall(las_docx(rf.som_docx(rapport)))


@pytest.fixture(scope="module")
def pdf(rapport) -> bytes:
    return rf.som_pdf(rapport)


@pytest.fixture(scope="module")
def pdftext(pdf) -> str:
    return pdf_text(pdf)


@pytest.fixture(scope="module")
def ur_pdf(pdftext):
    return innehall(las_text(pdftext))


# --- the seed's report part --------------------------------------------------------------------


def test_rapportdelen(rapport, vantat):
    assert rapport.startswith("Sead Omerovic\n")
    assert "Budgetuppföljning efter september 2022" in rapport
    assert "Hans Johansson" not in rapport
    assert vantat[-1] == ("stycke", "63")
    assert len(vantat) > 200
    # what the builders put in the files is what las_text reads from the seed
    assert innehall(rf.block(rapport)) == vantat


def test_docx_ger_samma_block(ur_docx, vantat):
    assert ur_docx == vantat


def test_pdf_ger_samma_block(ur_pdf, vantat):
    assert ur_pdf == vantat


def test_pdf_utan_ramar_justerad_med_sidhuvud(rapport, vantat):
    """The same report with tables without rules (cells found from where the text stands, a
    cell's wrapped lines told from the next row by their distance), justified paragraphs (their
    stretched spaces are no cell gaps) and a running header and footer ('Sida 2 av 13')."""
    pdf = rf.som_pdf(rapport, ramar=False, justerad=True, sidhuvud="BORÅS STAD")
    text = pdf_text(pdf)
    assert "Sida 2 av" not in text
    assert not [r for r in text.splitlines() if "BORÅS STAD" in r and "Arbetslivsnämnden" in r]
    assert innehall(las_text(text)) == vantat


def test_pdf_har_flera_sidor_och_brutna_celler(pdf, pdftext):
    """The PDF is a real test: several pages, table cells that wrap, numbered pages (a footer
    that pdf_text leaves out)."""
    import pypdf

    sidor = pypdf.PdfReader(io.BytesIO(pdf)).pages
    text = "\n".join(s.extract_text() for s in sidor)
    assert len(sidor) >= 10
    assert "Flyktingar som går i SFI (svenska för invandrare)" not in text  # wraps in its cell
    assert "Flyktingar som" in text
    rader = set(pdftext.splitlines())
    assert not rader & {str(n) for n in range(1, len(sidor) + 1)}


def test_mellanslag_ger_samma_block(ur_mellanslag, vantat):
    """Equal, including a row whose only text is in its first cell ('Antal per månad' above
    the months, a line with no wide gap between two rows of the table)."""
    assert ur_mellanslag == vantat
    assert any(rad[0] and not any(rad[1:]) for typ, v in vantat if typ == "tabell" for rad in v)


@pytest.mark.parametrize("variant", ["ur_mellanslag", "ur_docx", "ur_pdf"])
def test_tomma_celler_star_kvar(variant, request):
    """An empty cell keeps its column: the Budget cell of the labour-market measures, the first
    cell of the employment forms' header row."""
    block = request.getfixturevalue(variant)
    rader = {rad for typ, varde in block if typ == "tabell" for rad in varde}
    assert ARBETSMARKNAD in rader
    assert ANSTALLNINGAR in rader
    assert PER_MANAD in rader


def test_hela_handlingarna(rapport):
    """The builders take the whole meeting papers too (the other cases, e-mails, lists)."""
    hela = rf.seed()
    vantat = innehall(las_text(hela))
    assert innehall(las_docx(rf.som_docx(hela))) == vantat
    assert innehall(las_text(rf.med_mellanslag(hela))) == vantat
    assert rf.som_pdf(hela)[:5] == b"%PDF-"


# --- Word: what python-docx gives beyond the builder -------------------------------------------


def test_docx_sammanslagna_celler_och_listor():
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    dokument = Document()
    dokument.add_paragraph("Rubrik")
    dokument.add_paragraph("   ")  # empty: no block, but it counts in rad
    tabell = dokument.add_table(rows=3, cols=3)
    tabell.cell(0, 0).merge(tabell.cell(0, 1)).text = "Över två kolumner"
    tabell.cell(0, 2).text = "C"
    tabell.cell(1, 0).merge(tabell.cell(2, 0)).text = "Över två rader"
    for (r, k), text in {(1, 1): "1", (1, 2): "2", (2, 1): "3", (2, 2): ""}.items():
        tabell.cell(r, k).text = text
    dokument.add_paragraph("Punkt  med\tluft", style="List Number")
    numrerad = dokument.add_paragraph("Numrerad utan liststil")
    numpr = numrerad._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_numId().val = 1
    numpr.get_or_add_ilvl().val = 0
    avnumrerad = dokument.add_paragraph("Numrering borttagen", style="List Bullet")
    avnumrerad._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 0
    # a paragraph inside a content control (as Word puts a table of contents)
    sdt, sdt_innehall = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(sdt_innehall)
    i_kontroll = dokument.add_paragraph("I en innehållskontroll")
    i_kontroll._p.addprevious(sdt)
    sdt_innehall.append(i_kontroll._p)
    assert sdt.tag == qn("w:sdt")
    buffert = io.BytesIO()
    dokument.save(buffert)

    block = las_docx(buffert.getvalue())
    assert block == [
        Stycke("Rubrik", 1),
        Tabell(
            (
                ("Över två kolumner", "", "C"),
                ("Över två rader", "1", "2"),
                ("", "3", ""),
            ),
            3,
        ),
        Stycke("- Punkt med luft", 4),
        Stycke("- Numrerad utan liststil", 5),
        Stycke("Numrering borttagen", 6),
        Stycke("I en innehållskontroll", 7),
    ]


# --- PDF: what the seed's PDF does not show ------------------------------------------------------

MALL = """
#let r = json(bytes(sys.inputs.data))
#set page(paper: "a4", numbering: "1")
#set text(font: r.typsnitt, size: 11pt, lang: "sv", hyphenate: false)
#for s in r.stycken { par(s) }
#list(..r.punkter)
#table(columns: 3, table.cell(colspan: 2, r.over_tva), [C], [A], [], [3])
"""


def _typst(mall: str, data: dict) -> bytes:
    import typst

    data = {"typsnitt": list(rf.TYPSNITT), **data}
    return typst.compile(
        mall.encode(),
        font_paths=rf._typsnitt(),
        ignore_system_fonts=True,
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
    )


def test_pdf_stycke_over_sidbrytning_med_versal():
    """A paragraph that a page break cuts before a word with a capital is one paragraph (las_text
    alone joins only before a small letter); a list item with a long text; a cell over two
    columns gives its text once and '' beside it."""
    ord = ["Borås", "Stad", "Arbetslivsnämnden", "Försörjningsstöd", "Migrationsverket"]
    lang = " ".join(ord[i % len(ord)] for i in range(700)) + "."
    fyllnad = [f"Stycke {i} före det långa." for i in range(40)]
    punkt = "En punkt som är så lång att den bryts över flera rader, " * 4
    pdf = _typst(
        MALL,
        {
            "stycken": [*fyllnad, lang, "Efter det långa."],
            "punkter": ["Kort punkt", punkt.strip()],
            "over_tva": "Över två",
        },
    )
    assert innehall(las_text(pdf_text(pdf))) == [
        *(("stycke", s) for s in fyllnad),
        ("stycke", lang),
        ("stycke", "Efter det långa."),
        ("stycke", "- Kort punkt"),
        ("stycke", "- " + punkt.strip()),
        ("tabell", (("Över två", "", "C"), ("A", "", "3"))),
    ]


# --- refused files ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def liten_pdf() -> bytes:
    return _typst('#set text(lang: "sv")\nHej', {})


def test_krypterad_pdf(liten_pdf):
    import pypdf

    for losen in ("hemligt", ""):  # with a password to open, and with restrictions only
        skrivare = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(liten_pdf)))
        skrivare.encrypt(user_password=losen, owner_password="ägare", algorithm="AES-256")
        buffert = io.BytesIO()
        skrivare.write(buffert)
        with pytest.raises(ValueError, match="krypterad"):
            pdf_text(buffert.getvalue())


def test_pdf_utan_text():
    inskannad = _typst("#rect(width: 10cm, height: 14cm, fill: gray)", {})
    with pytest.raises(ValueError, match=r"ingen text.*inskannad"):
        pdf_text(inskannad)


def test_slumpbytes():
    skrap = random.Random(7).randbytes(20_000)
    with pytest.raises(ValueError, match="går inte att läsa som PDF"):
        pdf_text(skrap)
    with pytest.raises(ValueError, match="går inte att läsa som PDF"):
        pdf_text(b"%PDF-1.7\n" + skrap + b"\n%%EOF\n")
    with pytest.raises(ValueError, match="Word-dokument"):
        las_docx(skrap)


def test_avkortad_pdf(pdf):
    with pytest.raises(ValueError, match="går inte att läsa som PDF.*ofullständig"):
        pdf_text(pdf[: len(pdf) // 2])


def test_zip_som_inte_ar_docx(liten_pdf):
    buffert = io.BytesIO()
    with zipfile.ZipFile(buffert, "w") as arkiv:
        arkiv.writestr("hej.txt", "Hej")
    with pytest.raises(ValueError, match=r"Word-dokument \(\.docx\)"):
        las_docx(buffert.getvalue())
    with pytest.raises(ValueError, match="Word-dokument"):
        las_docx(liten_pdf)


def test_for_manga_sidor():
    pdf = _typst(f"#for i in range({MAX_SIDOR + 1}) {{ [Sida] ; pagebreak(weak: true) }}", {})
    with pytest.raises(ValueError, match=f"fler än {MAX_SIDOR} sidor"):
        pdf_text(pdf)


# --- the same rows from every format -----------------------------------------------------------


@pytest.mark.parametrize(
    ("bygg", "filnamn"),
    [
        (lambda t: rf.med_mellanslag(t).encode(), "uppfoljning_sep_2022.txt"),
        (rf.som_docx, "uppfoljning_sep_2022.docx"),
        (rf.som_pdf, "uppfoljning_sep_2022.pdf"),
    ],
    ids=["mellanslag", "docx", "pdf"],
)
def test_samma_rader_ur_varje_format(rapport, bygg, filnamn):
    """The report with spaces instead of tabs, as Word and as PDF gives the same rows (every
    column: value, period, source document, section, quotation) and the same list of what was
    not read, as the report's own text."""
    fran_text = las_rapport(rapport.encode(), "uppfoljning_sep_2022_tabbar.txt")
    variant = las_rapport(bygg(rapport), filnamn)
    assert len(fran_text.rader) == 256  # the rows of data/varden.csv from this follow-up
    assert variant.rader == fran_text.rader
    assert variant.ej_tolkat == fran_text.ej_tolkat
