"""The report of a period as a Word document the administration can edit: real headings,
text, tables and pictures (not an image of a page), written with python-docx.

For a reader with a screen reader, and for a PDF that Word makes of it: the headings use
Word's heading styles (Heading 1 the title, 2 the parts, 3 comments and charts), the language
of the whole document is Swedish (sv-SE), each picture has alternative text (the drawing's
descr and title), and each table's first row is a header row repeated on every page.
"""

from __future__ import annotations

import io

from nyckeltal import rapportmodell


def _svenska(dok) -> None:
    """sv-SE as the language of every style (the document defaults; python-docx's template
    names en-US there and in no style) and of the theme's fonts, so a screen reader reads
    Swedish and Word checks Swedish spelling."""
    from docx.oxml.ns import qn

    standard = dok.styles.element.find(qn("w:docDefaults"))
    standard.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang")).set(qn("w:val"), "sv-SE")
    tema = dok.settings.element.find(qn("w:themeFontLang"))
    if tema is not None:
        tema.set(qn("w:val"), "sv-SE")


def _alt_text(bild, alt: str, titel: str) -> None:
    """The picture's alternative text: Word shows descr as Alt Text, title as its title."""
    doc_pr = bild._inline.docPr
    doc_pr.set("descr", alt)
    doc_pr.set("title", titel)


def _rubrikrad(tab, beskrivning: str) -> None:
    """The first row as header row (w:tblHeader: read as headers, repeated on each page) and
    the table's caption for assistive technology (w:tblCaption)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = tab.rows[0]._tr.get_or_add_trPr()
    huvud = OxmlElement("w:tblHeader")
    huvud.set(qn("w:val"), "true")
    trpr.append(huvud)
    tblpr = tab._tbl.tblPr
    rubrik = OxmlElement("w:tblCaption")
    rubrik.set(qn("w:val"), beskrivning)
    # the schema's order: tblCaption near the end of tblPr, before tblDescription only
    tblpr.append(rubrik)


def docx(rapport: rapportmodell.Rapport) -> bytes:
    """The same report as the PDF as an editable Word document."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt

    text = rapportmodell.utan_bildtecken
    dok = Document()
    dok.core_properties.title = rapport.titel
    dok.core_properties.author = rapportmodell.FORFATTARE
    dok.core_properties.language = "sv-SE"
    _svenska(dok)
    dok.styles["Normal"].font.size = Pt(10.5)
    dok.styles["Heading 1"].font.size = Pt(20)
    for sektion in dok.sections:
        sektion.left_margin = sektion.right_margin = Cm(2)

    def liten(s: str, storlek: float = 8.5) -> None:
        stycke = dok.add_paragraph()
        run = stycke.add_run(text(s))
        run.font.size = Pt(storlek)
        run.italic = True

    def tabell(
        rubrik: str, rubriker: tuple[str, ...], rader: tuple[tuple[str, ...], ...], storlek: float
    ) -> None:
        tab = dok.add_table(rows=1, cols=len(rubriker))
        tab.style = "Table Grid"
        tab.alignment = WD_TABLE_ALIGNMENT.LEFT
        for cell, r in zip(tab.rows[0].cells, rubriker):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text(r))
            run.bold = True
            run.font.size = Pt(storlek)
        for rad in rader:
            celler = tab.add_row().cells
            for cell, varde in zip(celler, rad):
                cell.text = ""
                cell.paragraphs[0].add_run(text(varde)).font.size = Pt(storlek)
        _rubrikrad(tab, rubrik)

    dok.add_heading(text(rapport.titel), 1)
    dok.add_paragraph(text(rapport.undertitel))
    liten(rapport.inledning(word=True))
    for notering in rapport.noteringar:
        liten(notering)
    dok.add_heading(rapportmodell.NYCKELTAL, 2)
    tabell(rapportmodell.NYCKELTAL, rapport.kpi_rubriker, rapport.kpi_rader, 8.5)
    for avsnitt in rapport.avsnitt:
        dok.add_heading(text(avsnitt.rubrik), 2)
        if avsnitt.text:
            dok.add_paragraph(text(avsnitt.text))
        for punkt in avsnitt.punkter:
            dok.add_paragraph(text(punkt))
        if avsnitt.fotnot:
            liten(avsnitt.fotnot)
        if avsnitt.sparade or avsnitt.kommentar.strip():
            dok.add_heading(rapportmodell.KOMMENTAR, 3)
            for kommentar in (*avsnitt.sparade, avsnitt.kommentar):
                for stycke in rapportmodell.stycken(kommentar):
                    dok.add_paragraph(stycke)
        for diagram in avsnitt.diagram:
            dok.add_heading(text(diagram.rubrik), 3)
            alt = text(diagram.alt or diagram.rubrik)
            png = rapport.bild(diagram)
            if png is not None:
                bild = dok.add_paragraph().add_run().add_picture(io.BytesIO(png), width=Cm(17))
                _alt_text(bild, alt, text(diagram.rubrik))
            else:
                liten(rapportmodell.INGEN_BILD)
                dok.add_paragraph(alt)
            liten(f"{rapportmodell.KALLA}: {diagram.kalla}", 8)
    if rapport.underlag_rader:
        dok.add_heading(rapportmodell.UNDERLAG, 2)
        tabell(rapportmodell.UNDERLAG, rapport.underlag_rubriker, rapport.underlag_rader, 7.5)
    if rapport.kallor:
        dok.add_heading(rapportmodell.KALLOR, 2)
        for kalla in rapport.kallor:
            dok.add_paragraph(text(kalla), style="List Bullet")
    buf = io.BytesIO()
    dok.save(buf)
    return buf.getvalue()
