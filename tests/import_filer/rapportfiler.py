"""The committee's budget follow-up report as the files staff upload: text laid out as
`pdftotext -layout` prints it, a Word document and a PDF, all built here from the text of the
seed (/work/shared/seeds/000_f08b11b67b950359.txt, beside the repository: cells separated by
TABs, a paragraph on one line, blank lines between paragraphs, list items starting "- ").

How the seed's text is read here (`delar`), independently of nyckeltal.uppfoljning:
- lines with a TAB are the rows of a table, as long as they follow each other; a row keeps all
  its cells, trailing empty ones too ('Antal per månad' and four empty cells);
- a line starting "- " is a list item;
- other lines that follow each other are one paragraph (an address block: its lines are kept
  as line breaks inside the paragraph); blank lines separate paragraphs;
- a paragraph the seed has cut at a page break of the original (it ends without a full stop
  and the next one, of more than eight words before it, begins with a small letter) is one
  paragraph in the document, as nyckeltal.uppfoljning.text joins it again.
`block(text)` is that reading as blocks: what every file built here holds.
"""

from __future__ import annotations

import functools
import io
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from import_filer import SEED
from nyckeltal.uppfoljning.block import Block, Stycke, Tabell

BREDD = 95  # where med_mellanslag wraps paragraphs
_TAL = re.compile(r"^[-−+]?\d[\d  ]*(?:[,.]\d+)?\s*%?$")
_SLUT = (".", "!", "?", ":", ";", ")", "”", '"')


@dataclass(frozen=True)
class Del:
    """A part of the report: 'stycke' (rader: its lines), 'punkt' (rader: the item's text
    without "- ") or 'tabell' (celler: the rows)."""

    typ: str
    rader: tuple[str, ...] = ()
    celler: tuple[tuple[str, ...], ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.rader)


def rapportdel(text: str) -> str:
    """The report part of the meeting papers: from 'Sead Omerovic' (the case officer's block
    that opens the case 'Budgetuppföljning efter september 2022') to just before the next
    case's 'Hans Johansson'."""
    rader = text.split("\n")
    start = next(
        i
        for i, r in enumerate(rader)
        if r.strip() == "Sead Omerovic"
        and any(x.strip() == "Budgetuppföljning efter september 2022" for x in rader[i : i + 10])
    )
    slut = next(i for i in range(start, len(rader)) if rader[i].strip() == "Hans Johansson")
    return "\n".join(rader[start:slut]).strip("\n") + "\n"


@functools.cache
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def _tabell(rader: list[str], i: int) -> tuple[list[tuple[str, ...]], int]:
    """The TAB table starting at line i: its rows of cells, and the line after it."""
    j = i
    while j < len(rader) and "\t" in rader[j]:
        j += 1
    return [tuple(c.strip() for c in r.split("\t")) for r in rader[i:j]], j


def delar(text: str) -> list[Del]:
    ut: list[Del] = []
    rader = text.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(rader):
        rad = rader[i]
        if "\t" in rad:
            rows, i = _tabell(rader, i)
            langd = max(len(r) for r in rows)
            ut.append(Del("tabell", celler=tuple(r + ("",) * (langd - len(r)) for r in rows)))
            continue
        if not rad.strip():
            i += 1
            continue
        # a paragraph: the lines up to a blank line, a table row or the next list item
        j = i + 1
        while (
            j < len(rader)
            and rader[j].strip()
            and "\t" not in rader[j]
            and not rader[j].startswith("- ")
        ):
            j += 1
        if rad.startswith("- "):
            ut.append(Del("punkt", (rad[2:].strip(), *(r.strip() for r in rader[i + 1 : j]))))
            i = j
            continue
        stycke = Del("stycke", tuple(r.strip() for r in rader[i:j]))
        fore = ut[-1] if ut else None
        if (
            fore is not None
            and fore.typ in ("stycke", "punkt")
            and stycke.text[:1].islower()
            and not fore.text.endswith(_SLUT)
            and len(fore.text.split()) + (fore.typ == "punkt") > 8
        ):
            # cut by a page break of the original: one paragraph (a list item stays one)
            fortsatt = f"{fore.rader[-1]} {stycke.rader[0]}"
            ut[-1] = Del(fore.typ, (*fore.rader[:-1], fortsatt, *stycke.rader[1:]))
        else:
            ut.append(stycke)
        i = j
    return ut


def block(text: str) -> list[Block]:
    """What the report holds, as blocks (rad: the part's number)."""
    ut: list[Block] = []
    for nr, d in enumerate(delar(text), 1):
        if d.typ == "tabell":
            ut.append(Tabell(d.celler, nr))
        else:
            ut.append(Stycke(("- " if d.typ == "punkt" else "") + d.text, nr))
    return ut


# ---------------------------------------------------------------------------------------------
# Text as `pdftotext -layout` prints it


def _tabellrader(rows: list[tuple[str, ...]]) -> list[str]:
    """Columns padded with spaces, two between columns; a column of figures right-aligned
    (its header too), an empty cell left blank."""
    langd = max(len(r) for r in rows)
    rows = [r + ("",) * (langd - len(r)) for r in rows]
    bredder = [max(len(r[k]) for r in rows) for k in range(langd)]
    hoger = [k > 0 and any(_TAL.match(r[k]) for r in rows[1:]) for k in range(langd)]
    ut = []
    for r in rows:
        celler = [
            (c.rjust(bredder[k]) if hoger[k] else c.ljust(bredder[k])) for k, c in enumerate(r)
        ]
        ut.append("  ".join(celler).rstrip())
    return ut


def _radbryt(text: str, bredd: int, indrag: str = "") -> list[str]:
    """textwrap without the two line starts a reader takes for something else: a line that
    begins with a dash (a list item) and a line that ends in 'ord-' (joined to the next word
    without a space)."""
    for b in range(bredd, 20, -1):
        rader = textwrap.wrap(
            text,
            b,
            break_on_hyphens=False,
            break_long_words=False,
            subsequent_indent=indrag,
        ) or [""]
        if not any(re.match(r"\s*[-–•▪*]\s", r) for r in rader[1:]) and not any(
            re.search(r"[^\W\d_]-$", r) for r in rader[:-1]
        ):
            return rader
    return rader


def med_mellanslag(text: str) -> str:
    """The report as `pdftotext -layout` prints it: tables as columns padded with spaces,
    paragraphs wrapped at about 95 characters, list items on their own lines, blank lines kept
    (line by line from the seed's text: its lines stay lines)."""
    rader = text.replace("\r\n", "\n").split("\n")
    ut: list[str] = []
    i = 0
    while i < len(rader):
        rad = rader[i]
        if "\t" in rad:
            rows, i = _tabell(rader, i)
            ut += _tabellrader(rows)
            continue
        if not rad.strip():
            ut.append("")
        elif rad.startswith("- "):
            ut += _radbryt(rad.strip(), BREDD, indrag="  ")
        else:
            ut += _radbryt(rad.strip(), BREDD)
        i += 1
    return "\n".join(ut)


# ---------------------------------------------------------------------------------------------
# Word


def som_docx(text: str) -> bytes:
    """The report as a Word document: paragraphs (an address block's lines as line breaks),
    list items as 'List Bullet' paragraphs, tables as Word tables ('Table Grid')."""
    from docx import Document

    dokument = Document()
    for d in delar(text):
        if d.typ == "tabell":
            tabell = dokument.add_table(rows=len(d.celler), cols=len(d.celler[0]))
            tabell.style = "Table Grid"
            for rad, celler in zip(tabell.rows, d.celler, strict=True):
                for cell, cell_text in zip(rad.cells, celler, strict=True):
                    cell.text = cell_text
        elif d.typ == "punkt":
            dokument.add_paragraph(d.text, style="List Bullet")
        else:
            stycke = dokument.add_paragraph()
            for k, rad in enumerate(d.rader):
                run = stycke.add_run(rad)
                if k < len(d.rader) - 1:
                    run.add_break()
    buffert = io.BytesIO()
    dokument.save(buffert)
    return buffert.getvalue()


# ---------------------------------------------------------------------------------------------
# PDF (Typst)

# The layout only: every word comes in as JSON (sys.inputs.rapport) and is set as a string, so
# nothing from the text is read as Typst markup.
MALL = """
#let r = json(bytes(sys.inputs.rapport))
#set document(title: "Budgetuppföljning (testfil)")
#set page(paper: "a4", numbering: "1") if r.sidhuvud == none
#set page(
  paper: "a4",
  header: text(size: 9pt, r.sidhuvud + h(1fr) + "Arbetslivsnämnden"),
  footer: context text(
    size: 9pt, "Sida " + counter(page).display() + " av " + str(counter(page).final().first()),
  ),
) if r.sidhuvud != none
#set text(font: r.typsnitt, size: 11pt, lang: "sv", region: "SE", hyphenate: false)
#set par(justify: r.justerad)
#for d in r.delar {
  if d.typ == "stycke" {
    par(d.rader.join(linebreak()))
  } else if d.typ == "lista" {
    list(..d.punkter)
  } else {
    // the first column as wide as its text, the others share the rest; cells wrap
    set text(size: 9pt)
    set par(justify: false)
    table(
      columns: (auto,) + (1fr,) * (d.kolumner - 1),
      align: (x, y) => if d.hoger.at(x) { right } else { left },
      stroke: if r.ramar { 1pt } else { none },
      ..d.celler.flatten(),
    )
  }
}
"""

TYPSNITT = ("Liberation Sans", "DejaVu Sans")
TYPSNITTSMAPPAR = ("/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu")


@functools.cache
def _typsnitt():
    import typst

    return typst.Fonts(
        include_system_fonts=False,
        font_paths=[m for m in TYPSNITTSMAPPAR if Path(m).is_dir()],
    )


def typst_data(text: str) -> dict:
    ut: list[dict] = []
    for d in delar(text):
        if d.typ == "punkt":
            if ut and ut[-1]["typ"] == "lista":
                ut[-1]["punkter"].append(d.text)
            else:
                ut.append({"typ": "lista", "punkter": [d.text]})
        elif d.typ == "stycke":
            ut.append({"typ": "stycke", "rader": list(d.rader)})
        else:
            langd = len(d.celler[0])
            ut.append(
                {
                    "typ": "tabell",
                    "kolumner": langd,
                    "hoger": [
                        k > 0 and any(_TAL.match(r[k]) for r in d.celler[1:]) for k in range(langd)
                    ],
                    "celler": [list(r) for r in d.celler],
                }
            )
    return {"delar": ut}


def som_pdf(
    text: str, *, ramar: bool = True, justerad: bool = False, sidhuvud: str | None = None
) -> bytes:
    """The report as a PDF (A4, Typst's normal margins): paragraphs wrap, list items as a
    bullet list, tables with their cells; several pages, numbered. ramar=False: tables without
    rules; justerad: paragraphs justified; sidhuvud: a running header with this text and a
    footer 'Sida n av m' instead of the page number."""
    import typst

    fonts = _typsnitt()
    finns = set(fonts.families())
    data = typst_data(text)
    data["typsnitt"] = [f for f in TYPSNITT if f in finns] or ["Libertinus Serif"]
    data.update(ramar=ramar, justerad=justerad, sidhuvud=sidhuvud)
    return typst.compile(
        MALL.encode(),
        font_paths=fonts,
        ignore_system_fonts=True,
        sys_inputs={"rapport": json.dumps(data, ensure_ascii=False)},
    )
