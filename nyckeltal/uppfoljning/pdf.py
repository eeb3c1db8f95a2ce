"""The report uploaded as a PDF, read into text.

PDF (pdfplumber): the text is laid out again as text that nyckeltal.uppfoljning.text.las_text
reads into the same blocks as the report's text with TABs. Why not the layout text of
`pdftotext -layout` or pypdf: it separates paragraphs only by the height between lines, which a
text file cannot show, and prints a table cell that wraps as several rows. Here, from every
character's position and the rules drawn on the page:
- a table drawn with rules is read cell by cell from the rules (pdfplumber's table finder): a
  cell's lines are one cell, an empty cell stays empty, a cell merged over columns gives its
  text once and '' beside it; a table cut by a page break is one table again when the next
  page goes on with the same columns (a header row repeated there is dropped). It is written
  in las_text's TAB layout (a TAB between cells, each cell padded with spaces to its column's
  width so that the columns line up on screen too): the cells are known, and with TABs a row
  with text in its first cell only stays a row, which las_text cannot tell from a paragraph
  when cells are separated by spaces;
- lines in columns without rules (words more than 0.9 of the text size apart) are a table when
  half the rows have figures: rows are told from a cell's wrapped lines by their distance,
  columns by the stretches their cells cover, and the table is written with TABs as above;
  otherwise (names side by side) they are printed as pdftotext prints them;
- a paragraph is the lines that follow each other at the document's usual line distance; a
  larger distance (the space between paragraphs), a list bullet, a change of text size or of
  bold ends it. It is written on one line, a blank line after it, a list item as "- " and its
  text. A paragraph cut by a page break is joined again when its last line on the page is full
  and the line on the next page is not alone; a word broken after its hyphen ('IFO-' /
  'administration') is joined without a space;
- a line at the top or bottom of the page repeated at the same height on most pages (header,
  footer, page number) is left out.

Uploads are untrusted: an encrypted PDF, one of more than 200 pages or one that cannot be
parsed is refused.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import statistics
from dataclasses import dataclass, field, replace

from nyckeltal.uppfoljning.text import EFTER_BINDESTRECK, TAL, blanksteg

MAX_SIDOR = 200

# A bullet that starts a list item, as las_text knows them, and those Word writes into PDFs
# (Symbol and Wingdings bullets in the private use area).
PUNKTER = frozenset("-–•▪*◦‣·\uf0b7\uf0a7\uf0d8\uf076")


@dataclass
class _Ord:
    text: str
    x0: float
    x1: float


@dataclass
class _Rad:
    """A line of text on a page: its words and where it stands."""

    ord: list[_Ord]
    x0: float
    x1: float
    top: float
    bottom: float
    storlek: float
    fet: bool
    slutar_med_mellanslag: bool
    sida: int = 0

    @property
    def text(self) -> str:
        return " ".join(o.text for o in self.ord)

    def celler(self) -> list[list[_Ord]]:
        """The words in groups far apart: cells of a table without rules. A gap wider than 0.9
        of the text size is between cells, unless all gaps of the line (three at least) are that
        wide and as wide as each other, its words mostly not figures: a justified line with
        its spaces stretched."""
        luckor = [o.x0 - fore.x1 for fore, o in itertools.pairwise(self.ord)]
        grans = self.storlek * 0.9
        if (
            len(luckor) >= 3
            and min(luckor) > grans
            and max(luckor) < min(luckor) * 1.15
            and sum(1 for o in self.ord if TAL.match(o.text)) * 2 <= len(self.ord)
        ):
            return [self.ord]
        grupper = [[self.ord[0]]]
        for lucka, o in zip(luckor, self.ord[1:], strict=True):
            if lucka > grans:
                grupper.append([o])
            else:
                grupper[-1].append(o)
        return grupper


@dataclass
class _Tabell:
    rader: list[list[str]]
    kolumner: list[float]  # the left edge of every column
    top: float
    bottom: float
    sida: int


@dataclass
class _Stycke:
    rader: list[_Rad] = field(default_factory=list)
    punkt: bool = False


def pdf_text(innehall: bytes) -> str:
    """The PDF's text laid out for las_text: a paragraph on one line, a list item as "- " and
    its text, a table's rows with TABs between cells, a blank line between blocks. ValueError
    (in Swedish) for a file that is not a readable PDF, is encrypted, has more than 200 pages
    or has no text."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage

    fel = "Filen går inte att läsa som PDF"
    if b"%PDF-" not in innehall[:1024]:
        raise ValueError(f"{fel}: den börjar inte som en PDF-fil.")
    if b"%%EOF" not in innehall[-2048:]:
        raise ValueError(f"{fel}: den är ofullständig (avkortad). Ladda upp hela filen igen.")
    try:
        pdf = pdfplumber.open(io.BytesIO(innehall), unicode_norm="NFC")
    except Exception as e:
        if isinstance(e.__cause__, PDFPasswordIncorrect) or "PDFPasswordIncorrect" in repr(e):
            raise ValueError(_KRYPTERAD) from e
        raise ValueError(f"{fel}: den är skadad eller inte en PDF.") from e
    with pdf:
        if pdf.doc.encryption is not None:
            raise ValueError(_KRYPTERAD)
        try:
            antal = sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), MAX_SIDOR + 1))
        except Exception as e:
            raise ValueError(f"{fel}: dess sidor går inte att läsa.") from e
        if antal > MAX_SIDOR:
            raise ValueError(
                f"PDF-filen har fler än {MAX_SIDOR} sidor. Ladda upp bara uppföljningen."
            )
        if antal == 0:
            raise ValueError(f"{fel}: den har inga sidor.")
        try:
            sidor = []
            for nr, sida in enumerate(pdf.pages):
                sidor.append(_las_sida(sida, nr))
                sida.close()  # its characters are read: let them go
        except Exception as e:
            raise ValueError(f"{fel}: den är skadad ({type(e).__name__}).") from e
    text = "".join(t for rader, tabeller, _ in sidor for t in _alla_tecken(rader, tabeller))
    if not text.strip():
        raise ValueError(
            "PDF-filen innehåller ingen text, bara bilder av sidorna (är den inskannad?). "
            "Ladda upp originalet från Word eller en PDF med text."
        )
    # a glyph without a character code comes out as '(cid:12)'
    okanda = len(re.findall(r"\(cid:\d+\)", text))
    if okanda * 2 > okanda + len(re.sub(r"\(cid:\d+\)|\s", "", text)):
        raise ValueError(
            "PDF-filens text går inte att tolka (typsnitten saknar teckenkoder). "
            "Ladda upp originalet från Word i stället."
        )
    return _skriv(*_ordna(sidor))


_KRYPTERAD = (
    "PDF-filen är krypterad (lösenordsskyddad eller med begränsningar) och kan inte läsas. "
    "Spara den utan skydd och försök igen."
)


def _alla_tecken(rader: list[_Rad], tabeller: list[_Tabell]):
    for r in rader:
        yield r.text
    for t in tabeller:
        for rad in t.rader:
            yield from rad


def _las_sida(sida, nr: int) -> tuple[list[_Rad], list[_Tabell], float]:
    """A page's lines of text outside tables, its tables, and its height."""
    tecken = [c for c in sida.chars if c.get("upright", True) and c["text"]]
    tabeller = []
    i_tabell: set[int] = set()
    for t in sida.find_tables():
        rader = t.rows
        if not rader or len(rader[0].cells) < 2:
            continue  # a box drawn round text, not a table
        x0, top, x1, bottom = t.bbox
        inuti = [
            i
            for i, c in enumerate(tecken)
            if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
        ]
        i_tabell.update(inuti)
        celltext = []
        for rad in rader:
            celltext.append(
                [
                    ""
                    if cell is None
                    else _celltext(
                        [
                            tecken[i]
                            for i in inuti
                            if cell[0] <= (tecken[i]["x0"] + tecken[i]["x1"]) / 2 <= cell[2]
                            and cell[1] <= (tecken[i]["top"] + tecken[i]["bottom"]) / 2 <= cell[3]
                        ]
                    )
                    for cell in rad.cells
                ]
            )
        kolumner = sorted({cell[0] for rad in rader for cell in rad.cells if cell})
        tabeller.append(_Tabell(celltext, kolumner, top, bottom, nr))
    fri = [c for i, c in enumerate(tecken) if i not in i_tabell]
    rader = _rader(fri)
    for r in rader:
        r.sida = nr
    return rader, tabeller, sida.height


def _rader(tecken: list[dict]) -> list[_Rad]:
    """Characters into lines (by the middle of their height) and words."""
    from pdfplumber.utils.clustering import cluster_objects

    if not tecken:
        return []
    storlek = statistics.median(c["size"] for c in tecken)
    grupper = cluster_objects(
        tecken, lambda c: (c["top"] + c["bottom"]) / 2, tolerance=max(1.0, storlek * 0.3)
    )
    rader = []
    for grupp in grupper:
        grupp.sort(key=lambda c: c["x0"])
        ord: list[_Ord] = []
        nytt = True
        for c in grupp:
            if not c["text"].strip():
                nytt = True
                continue
            # no space character, but a gap: a new word all the same
            if ord and not nytt and c["x0"] - ord[-1].x1 > c["size"] * 0.15:
                nytt = True
            if nytt or not ord:
                ord.append(_Ord(c["text"], c["x0"], c["x1"]))
                nytt = False
            else:
                ord[-1].text += c["text"]
                ord[-1].x1 = max(ord[-1].x1, c["x1"])
        if not ord:
            continue
        synliga = [c for c in grupp if c["text"].strip()]
        rader.append(
            _Rad(
                ord=ord,
                x0=ord[0].x0,
                x1=max(o.x1 for o in ord),
                top=min(c["top"] for c in synliga),
                bottom=max(c["bottom"] for c in synliga),
                storlek=statistics.median(c["size"] for c in synliga),
                fet=all("bold" in c["fontname"].lower() for c in synliga),
                slutar_med_mellanslag=not grupp[-1]["text"].strip(),
            )
        )
    rader.sort(key=lambda r: (r.top, r.x0))
    return rader


def _fogade(rader: list[tuple[str, bool]]) -> str:
    """Lines of one paragraph or cell as one line. A line ending in 'ord-' goes on without a
    space ('IFO-' 'administration'), unless a space was written after the hyphen or the next
    word shows the hyphen stands for a word left out ('uppdrags-' 'och')."""
    text = ""
    mellanslag = False
    for rad, slutar_med_mellanslag in rader:
        if not text:
            text = rad
        elif (
            re.search(r"[^\W\d_]-$", text)
            and not mellanslag
            and rad.split(" ", 1)[0].lower() not in EFTER_BINDESTRECK
        ):
            text += rad
        else:
            text += " " + rad
        mellanslag = slutar_med_mellanslag
    return blanksteg(text)


def _celltext(tecken: list[dict]) -> str:
    return _fogade([(r.text, r.slutar_med_mellanslag) for r in _rader(tecken)])


def _ar_sidhuvud(sidor) -> set[tuple[int, int]]:
    """(page, line) of running headers and footers, page numbers: the lines at the top or the
    bottom of a page, set apart from the text by more than a line's distance, that stand at
    the same height with the same text (figures compared as '#') on 60 % of the pages."""
    if len(sidor) < 2:
        return set()
    avstand = _radavstand([r for rader, _, _ in sidor for r in rader])
    forekomster: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for s, (rader, tabeller, hojd) in enumerate(sidor):
        ovre = [t.top for t in tabeller]
        for kant in ("topp", "botten"):
            ordning = range(len(rader)) if kant == "topp" else range(len(rader) - 1, -1, -1)
            block: list[int] = []
            for i in ordning:
                if block:
                    a, b = sorted((rader[block[-1]], rader[i]), key=lambda r: r.top)
                    if not _tat(a, b, avstand):
                        break
                block.append(i)
            if not block or len(block) == len(rader):
                continue
            inom = all(
                (rader[i].bottom < hojd * 0.15 if kant == "topp" else rader[i].top > hojd * 0.85)
                for i in block
            )
            if not inom or any(
                (t < rader[block[0]].top) if kant == "topp" else (t > rader[block[0]].top)
                for t in ovre
            ):
                continue
            for i in block:
                nyckel = (re.sub(r"\d+", "#", rader[i].text), round(rader[i].top / 4))
                forekomster.setdefault(nyckel, []).append((s, i))
    minst = max(2, math.ceil(len(sidor) * 0.6))
    return {
        plats
        for platser in forekomster.values()
        if len({s for s, _ in platser}) >= minst
        for plats in platser
    }


def _ordna(sidor) -> tuple[list[_Tabell | _Stycke | list[_Rad]], float]:
    """The pages' lines and tables into blocks in reading order: paragraphs, tables and runs
    of lines in columns without rules; and the distance between a paragraph's lines."""
    bort = _ar_sidhuvud(sidor)
    alla_rader = [
        r
        for s, (rader, _, _) in enumerate(sidor)
        for i, r in enumerate(rader)
        if (s, i) not in bort
    ]
    avstand = _radavstand(alla_rader)
    kant = _hogerkant(alla_rader)
    justerad = _justerad(alla_rader, avstand, kant)

    element = _element_i_ordning(sidor, bort)
    forsta = {}  # page -> its first element
    for s, _, e in element:
        forsta.setdefault(s, e)

    def fortsatter(grupp: list[_Rad], rad: _Rad) -> bool:
        """The line goes on with the lines in columns above it: close below, or first on the
        next page."""
        sista = grupp[-1]
        if sista.sida == rad.sida:
            return 0 < rad.top - sista.top <= rad.storlek * 3
        return sista.sida == rad.sida - 1 and forsta[rad.sida] is rad

    def kolumnrad(e) -> bool:
        return isinstance(e, _Rad) and len(e.celler()) > 1 and _markor(e)[0] is None

    ut: list[_Tabell | _Stycke | list[_Rad]] = []
    for k, (_, _, e) in enumerate(element):
        fore = ut[-1] if ut else None
        if isinstance(e, _Tabell):
            if isinstance(fore, _Tabell) and _fortsatter_tabellen(fore, e, forsta[e.sida] is e):
                # a header row repeated after the page break is left out
                rader = e.rader[1:] if e.rader[0] == fore.rader[0] else e.rader
                fore.rader += rader
                fore.sida, fore.bottom = e.sida, e.bottom
            else:
                ut.append(_Tabell([list(r) for r in e.rader], e.kolumner, e.top, e.bottom, e.sida))
            continue
        rad = e
        if kolumnrad(rad):
            if isinstance(fore, list) and fortsatter(fore, rad):
                fore.append(rad)
            else:
                ut.append([rad])
            continue
        nasta = element[k + 1][2] if k + 1 < len(element) else None
        if (
            isinstance(fore, list)
            and fortsatter(fore, rad)
            and kolumnrad(nasta)
            and fortsatter([rad], nasta)
            and rad.x0 > min(r.x0 for r in fore) - 1
        ):
            # a line with one cell between lines in columns: a row with text in one cell only
            # ('Antal per månad'), or the wrapped text of a cell
            fore.append(rad)
            continue
        typ, text_fran = _markor(rad)
        if (
            typ == "punkt"
            and rad.ord[0].text in ("-", "–")
            and rad.ord[1].x0 - rad.ord[0].x1 <= _ordmellanrum(rad)
            and isinstance(fore, _Stycke)
            and _samma_stycke(fore, rad, nasta, avstand, kant, justerad)
        ):
            typ = None  # a dash typed in the text that the line happens to begin with
        if typ == "punkt":
            rad = replace(rad, ord=text_fran, x0=text_fran[0].x0)  # the text after the mark
            ut.append(_Stycke([rad], punkt=True))
        elif isinstance(fore, _Stycke) and _samma_stycke(fore, rad, nasta, avstand, kant, justerad):
            fore.rader.append(rad)
        else:
            ut.append(_Stycke([rad]))
    return ut, avstand


def _element_i_ordning(sidor, bort: set) -> list[tuple[int, float, _Rad | _Tabell]]:
    """Every page's lines (but headers and footers) and tables, in order from the top."""
    element: list[tuple[int, float, _Rad | _Tabell]] = []
    for s, (rader, tabeller, _) in enumerate(sidor):
        for i, r in enumerate(rader):
            if (s, i) not in bort:
                element.append((s, r.top, r))
        for t in tabeller:
            element.append((s, t.top, t))
    element.sort(key=lambda e: (e[0], e[1]))
    return element


def _fortsatter_tabellen(fore: _Tabell, tabell: _Tabell, forst_pa_sidan: bool) -> bool:
    """The table is the one before going on after a page break: first on the next page, with
    the same columns."""
    return (
        forst_pa_sidan
        and fore.sida == tabell.sida - 1
        and len(fore.kolumner) == len(tabell.kolumner)
        and all(abs(a - b) < 2 for a, b in zip(fore.kolumner, tabell.kolumner, strict=True))
    )


def _ordmellanrum(rad: _Rad) -> float:
    """The widest a space between two words of the line may be: a little more than its usual
    space (justified text stretches them all alike), 0.45 of the text size at least."""
    luckor = [b.x0 - a.x1 for a, b in itertools.pairwise(rad.ord[1:])]
    return max(rad.storlek * 0.45, statistics.median(luckor) * 1.15 if luckor else 0.0)


def _markor(rad: _Rad) -> tuple[str | None, list[_Ord]]:
    """('punkt', the words of the item's text) when the line begins with a list bullet
    ('•', '-', …; a bullet run together with the first word too); ('nummer', the words) for a
    numbered item ('1.' far from its text, which is no column of a table); else (None,
    the words)."""
    forsta = rad.ord[0].text
    if forsta in PUNKTER and len(rad.ord) > 1:
        return "punkt", rad.ord[1:]
    if len(forsta) > 1 and forsta[0] in "•▪◦‣\uf0b7\uf0a7":
        o = rad.ord[0]
        return "punkt", [_Ord(forsta[1:], o.x0, o.x1), *rad.ord[1:]]
    celler = rad.celler()
    if len(celler) > 1 and len(celler[0]) == 1 and re.fullmatch(r"\d{1,2}[.)]", forsta):
        return "nummer", rad.ord
    return None, rad.ord


def _radavstand(rader: list[_Rad]) -> float:
    """The usual distance from one line to the next inside a paragraph, in text sizes: the
    lower quartile of the distances between lines that follow each other on a page."""
    kvoter = []
    for a, b in itertools.pairwise(rader):
        if a.sida != b.sida or abs(a.storlek - b.storlek) > 0.5 or b.top <= a.top:
            continue
        kvoter.append((b.top - a.top) / max(a.storlek, 1.0))
    if not kvoter:
        return 1.25
    kvoter.sort()
    return min(max(kvoter[len(kvoter) // 4], 1.0), 2.5)


def _hogerkant(rader: list[_Rad]) -> float:
    """Where the lines of text end at the right: the 90th percentile of their right ends (a
    line that runs over the margin a little does not count)."""
    slut = sorted(r.x1 for r in rader if len(r.celler()) == 1)
    return slut[int(len(slut) * 0.9)] if slut else 0.0


def _justerad(rader: list[_Rad], avstand: float, kant: float) -> bool:
    """Justified text: most lines followed by another line of their paragraph reach the right
    edge."""
    inne = [
        a
        for a, b in itertools.pairwise(rader)
        if a.sida == b.sida
        and abs(a.x0 - b.x0) < 1
        and _tat(a, b, avstand)
        and len(a.celler()) == 1
    ]
    vid_kanten = sum(1 for a in inne if a.x1 > kant - 1.5)
    return len(inne) >= 3 and vid_kanten > len(inne) * 0.6


def _samma_stycke(
    stycke: _Stycke,
    rad: _Rad,
    nasta: _Rad | _Tabell | None,
    avstand: float,
    kant: float,
    justerad: bool,
) -> bool:
    """Whether the line goes on with the paragraph above it (`nasta`: what follows the
    line)."""
    sista = stycke.rader[-1]
    if abs(sista.storlek - rad.storlek) > max(0.5, 0.1 * rad.storlek):
        return False
    if sista.fet != rad.fet:
        return False  # a heading in bold and the text under it, or the other way round
    if stycke.punkt and rad.x0 < stycke.rader[0].x0 - rad.storlek * 0.5:
        return False  # left of the item's text: no longer the list item
    if rad.sida == sista.sida:
        return _tat(sista, rad, avstand)
    if rad.sida != sista.sida + 1:
        return False
    # A page break: the paragraph goes on if its last line was full (justified text: it
    # reaches the right edge; else the next page's first word would not have fitted on it),
    # the next page starts at the same left edge, and the line there is not alone (Word and
    # Typst move a paragraph's last line to the next page only with the line before it: a line
    # alone at the top of a page is a paragraph or heading of its own).
    if justerad:
        full = sista.x1 > kant - 1.5
    else:
        full = sista.x1 + rad.storlek * 0.3 + (rad.ord[0].x1 - rad.ord[0].x0) > kant - 1
    vanster = stycke.rader[-1].x0 if len(stycke.rader) == 1 else stycke.rader[1].x0
    ensam = not (
        isinstance(nasta, _Rad)
        and nasta.sida == rad.sida
        and _tat(rad, nasta, avstand)
        and len(nasta.celler()) == 1
    )
    return full and abs(rad.x0 - vanster) < 1.5 and not ensam


def _tat(a: _Rad, b: _Rad, avstand: float) -> bool:
    """b follows a at the distance of lines inside a paragraph."""
    return 0 < b.top - a.top <= avstand * b.storlek * 1.15 + 0.5


# ---------------------------------------------------------------------------------------------
# Writing the text


def _skriv(block: list[_Tabell | _Stycke | list[_Rad]], avstand: float) -> str:
    ut: list[str] = []
    for b in block:
        if isinstance(b, _Tabell):
            ut += _tabell_som_text(b.rader)
        elif isinstance(b, _Stycke):
            text = _fogade([(r.text, r.slutar_med_mellanslag) for r in b.rader])
            ut.append("- " + text if b.punkt else text)
        else:
            ut += _kolumnrader(b, avstand)
        ut.append("")
    return "\n".join(ut).strip("\n") + "\n"


def _tabell_som_text(rader: list[list[str]]) -> list[str]:
    """A table whose cells are known, in las_text's TAB layout: a TAB between cells, so an
    empty cell stays a cell wherever it stands, a row with text in its first cell only too
    ('Antal per månad'). Each cell is padded with spaces to its column's width (figures to the
    right), so the columns also line up on screen."""
    rader = [r for r in rader if any(c for c in r)]
    if not rader:
        return []
    langd = max(len(r) for r in rader)
    rader = [r + [""] * (langd - len(r)) for r in rader]
    bredder = [max(len(r[k]) for r in rader) for k in range(langd)]
    hoger = [k > 0 and any(TAL.match(r[k]) for r in rader[1:]) for k in range(langd)]
    return [
        "\t".join(
            c.rjust(bredder[k]) if hoger[k] else c.ljust(bredder[k]) for k, c in enumerate(r)
        ).rstrip(" ")
        for r in rader
    ]


def _kolumnrader(rader: list[_Rad], avstand: float) -> list[str]:
    """Lines of text in columns without rules. When the rows stand at another distance from
    each other than the lines of a paragraph (`avstand`, in text sizes), a line at the
    paragraph distance below another is the wrapped text of that row's cells; a column is a
    stretch across that some cell covers, and a cell goes to the column it begins in. With
    figures in half the rows at least it is a table, written as a table whose cells are known;
    else (names side by side, a signature) the lines as pdftotext -layout prints them."""

    def som_stycke(a: _Rad, b: _Rad) -> bool:
        steg = avstand * b.storlek
        return a.sida == b.sida and abs((b.top - a.top) - steg) <= steg * 0.12

    par = list(itertools.pairwise(rader))
    skiljer = any(a.sida == b.sida and not som_stycke(a, b) for a, b in par)
    tabellrader: list[list[dict]] = []
    for i, r in enumerate(rader):
        celler = [
            {"x0": c[0].x0, "x1": c[-1].x1, "rader": [" ".join(o.text for o in c)]}
            for c in r.celler()
        ]
        if i and skiljer and som_stycke(rader[i - 1], r):
            ovan = tabellrader[-1]
            for c in celler:
                mal = next(
                    (d for d in ovan if c["x0"] < d["x1"] + 2 and c["x1"] > d["x0"] - 2), None
                )
                if mal is None:
                    ovan.append(c)
                else:
                    mal["rader"] += c["rader"]
                    mal["x0"], mal["x1"] = min(mal["x0"], c["x0"]), max(mal["x1"], c["x1"])
            ovan.sort(key=lambda d: d["x0"])
        else:
            tabellrader.append(celler)
    strackor: list[list[float]] = []
    for x0, x1 in sorted((c["x0"], c["x1"]) for rad in tabellrader for c in rad):
        if strackor and x0 <= strackor[-1][1] + 1:
            strackor[-1][1] = max(strackor[-1][1], x1)
        else:
            strackor.append([x0, x1])
    tabell = []
    for rad in tabellrader:
        celler = [""] * len(strackor)
        for c in rad:
            k = max(i for i, (x0, _) in enumerate(strackor) if x0 <= c["x0"] + 0.01)
            celler[k] = blanksteg(f"{celler[k]} {_fogade([(t, False) for t in c['rader']])}")
        tabell.append(celler)
    med_tal = sum(1 for r in tabell if any(TAL.match(c) for c in r[1:]))
    if len(strackor) > 1 and med_tal and med_tal * 2 >= len(tabell):
        return _tabell_som_text(tabell)

    # a place as wide as the narrowest cell's characters, so that no cell's text reaches into
    # the place where a cell to the right of it begins (on any line)
    bredd = min(
        max((c[-1].x1 - c[0].x0) / len(" ".join(o.text for o in c)), r.storlek * 0.25)
        for r in rader
        for c in r.celler()
    )
    ut = []
    for r in rader:
        text = ""
        for cell in r.celler():
            plats = round(cell[0].x0 / bredd)
            if text:
                plats = max(plats, len(text) + 2)
            text = text.ljust(plats) + " ".join(o.text for o in cell)
        ut.append(text.rstrip())
    # the left margin is no column
    marginal = min(len(r) - len(r.lstrip()) for r in ut)
    return [r[marginal:] for r in ut]
