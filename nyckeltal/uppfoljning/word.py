"""The report uploaded as a Word document, read into blocks.

Word (.docx, python-docx): the body is walked in order, paragraphs and tables interleaved, so
a table stays where it stands between the paragraphs about it. A list paragraph (a 'List …'
style, or numbering of its own or from its style) becomes a list item, "- " and its text.
A table keeps the width of its grid: a cell merged over several columns gives its text once and
'' for the other columns it covers, and so does a cell merged down over several rows.

Uploads are untrusted: a file that is not a .docx or would unpack to more than 200 MB is
refused.
"""

from __future__ import annotations

import functools
import io
import zipfile

from nyckeltal.uppfoljning.block import Block, Stycke, Tabell
from nyckeltal.uppfoljning.text import PUNKT, blanksteg, jamna

MAX_UPPACKAT = 200 * 1024 * 1024  # bytes a .docx may unpack to


def las_docx(innehall: bytes) -> list[Block]:
    """The blocks of a .docx, in the order of its body. rad: the block's number among the
    body's paragraphs and tables (1 is the first), empty paragraphs counted."""
    dokument = _oppna_docx(innehall)
    from docx.oxml.ns import qn

    block: list[Block] = []
    for nr, element in enumerate(_kroppsdelar(dokument.element.body), 1):
        if element.tag == qn("w:p"):
            text = blanksteg(_stycketext(element))
            if not text:
                continue
            if _ar_lista(element, dokument):
                text = "- " + PUNKT.sub("", text)
            else:
                text = PUNKT.sub("- ", text)
            block.append(Stycke(text, nr))
        else:
            rader = _tabellrader(element)
            if any(any(c for c in r) for r in rader):
                block.append(Tabell(jamna(rader), nr))
    return block


def _oppna_docx(innehall: bytes):
    from docx import Document

    fel = "Filen går inte att läsa som ett Word-dokument (.docx). Spara den som .docx i Word"
    try:
        with zipfile.ZipFile(io.BytesIO(innehall)) as arkiv:
            if sum(i.file_size for i in arkiv.infolist()) > MAX_UPPACKAT:
                raise ValueError(
                    "Word-dokumentet är för stort uppackat (mer än 200 MB). "
                    "Ta bort bilder eller dela upp dokumentet och försök igen."
                )
    except zipfile.BadZipFile as e:
        raise ValueError(f"{fel} och försök igen.") from e
    try:
        return Document(io.BytesIO(innehall))
    except Exception as e:  # python-docx: PackageNotFoundError, KeyError, ValueError, lxml
        raise ValueError(f"{fel} och försök igen (det är ingen .docx-fil).") from e


def _kroppsdelar(behallare):
    """The paragraphs and tables of the body in order; those inside a content control
    (w:sdt, e.g. a table of contents) or custom XML too."""
    from docx.oxml.ns import qn

    for element in behallare.iterchildren():
        if element.tag in (qn("w:p"), qn("w:tbl")):
            yield element
        elif element.tag == qn("w:sdt"):
            innehall = element.find(qn("w:sdtContent"))
            if innehall is not None:
                yield from _kroppsdelar(innehall)
        elif element.tag == qn("w:customXml"):
            yield from _kroppsdelar(element)


def _stycketext(p) -> str:
    """The text of a paragraph as it reads: its runs, in hyperlinks, fields and tracked
    insertions too; not deleted text, not the text of text boxes drawn in it (Word writes a
    text box twice, once as a fallback)."""
    return "".join(r.text for r in _xpath(_RUNS)(p))


_RUNS = (
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
    " and not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]"
)
_CELLSTYCKEN = ".//w:p[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]"


@functools.cache
def _xpath(uttryck: str):
    from lxml import etree

    return etree.XPath(
        uttryck,
        namespaces={
            "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
        },
    )


def _ar_lista(p, dokument) -> bool:
    from docx.oxml.ns import qn

    ppr = p.pPr
    numpr = ppr.numPr if ppr is not None else None
    if numpr is not None:
        num_id = numpr.numId
        return num_id is None or num_id.val != 0  # numId 0: numbering taken away
    stil_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    if stil_id is None:
        return False
    stil = dokument.styles.element.get_by_id(stil_id)
    sedda = set()
    while stil is not None and stil.styleId not in sedda:
        sedda.add(stil.styleId)
        namn = stil.name_val or ""
        if namn.startswith("List") and not namn.startswith("List Continue"):
            return True
        stil_ppr = stil.find(qn("w:pPr"))
        if stil_ppr is not None and stil_ppr.find(qn("w:numPr")) is not None:
            num_id = stil_ppr.find(qn("w:numPr")).find(qn("w:numId"))
            return num_id is None or num_id.get(qn("w:val")) != "0"
        stil = stil.base_style
    return False


def _tabellrader(tbl) -> list[tuple[str, ...]]:
    """Every row as wide as the table's grid: a cell's text in the first grid column it
    covers and '' in the others; a cell merged down gives '' in the rows below."""
    rader = []
    for tr in tbl.tr_lst:
        celler = [""] * tr.grid_before
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                text = ""
            else:
                text = blanksteg(" ".join(_stycketext(p) for p in _xpath(_CELLSTYCKEN)(tc)))
            celler += [text] + [""] * (tc.grid_span - 1)
        celler += [""] * tr.grid_after
        rader.append(tuple(celler))
    return rader
