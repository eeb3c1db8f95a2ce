"""A report's text, as extracted from its PDF, read into blocks.

Two layouts are read, and may be mixed in one file:
- cells separated by tabs, a paragraph on one line (the text of the seed,
  ../shared/seeds/000_f08b11b67b950359.txt);
- cells separated by runs of spaces, paragraphs wrapped over several lines, as
  `pdftotext -layout` prints a page. A table's columns are then found from where the cells
  stand on the line, so an empty cell in the middle of a row stays empty instead of moving the
  next figure into its column.

Paragraphs end at a blank line or a list item. A paragraph cut by a page break (it ends without
a full stop and the next begins with a small letter) is joined again.
"""

from __future__ import annotations

import re

from nyckeltal.uppfoljning.block import Block, Stycke, Tabell

# A list item's bullet, and a cell that is a figure ('-10 109', '42 %').
PUNKT = re.compile(r"^\s*[-–•▪*]\s+")
TAL = re.compile(r"^[-−+]?\d[\d  ]*(?:[,.]\d+)?\s*%?$")
# After 'uppdrags-' at the end of a line these words mean 'uppdrags- och individsynpunkt':
# a space, not a word broken at its hyphen.
EFTER_BINDESTRECK = frozenset(
    ("och", "eller", "samt", "respektive", "resp.", "som", "men", "till", "med")
)
_CELL = re.compile(r"\S+(?: \S+)*")  # words with single spaces between them
_LUCKA = re.compile(r"\S {2,}\S")
_SLUT = (".", "!", "?", ":", ";", ")", "”", '"')


def _har_tal(celler: list[str]) -> bool:
    return any(TAL.match(c) for c in celler[1:])


def _positionsceller(rad: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _CELL.finditer(rad)]


def _kolumner(rader: list[str]) -> list[tuple[str, ...]]:
    """Rows laid out with spaces: a column is a stretch of the line that some row has text in;
    each cell goes to the column it starts in."""
    celler = [_positionsceller(rad) for rad in rader]
    bredd = max((slut for rad in celler for _, slut, _ in rad), default=0)
    tackt = [False] * (bredd + 1)
    for rad in celler:
        for start, slut, _ in rad:
            for i in range(start, slut):
                tackt[i] = True
    granser: list[int] = []  # start of each column
    for i in range(bredd):
        if tackt[i] and (i == 0 or not tackt[i - 1]):
            granser.append(i)
    resultat = []
    for rad in celler:
        ut = [""] * len(granser)
        for start, _, text in rad:
            kolumn = max(i for i, g in enumerate(granser) if g <= start)
            ut[kolumn] = f"{ut[kolumn]} {text}".strip()
        resultat.append(tuple(ut))
    return resultat


def jamna(rader: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """A table's rows, each as long as the longest."""
    langd = max(len(r) for r in rader)
    return tuple(tuple(r) + ("",) * (langd - len(r)) for r in rader)


def blanksteg(text: str) -> str:
    """Runs of spaces, tabs and line breaks as one space."""
    return " ".join(text.split())


def las_text(text: str) -> list[Block]:
    rader = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").split("\n")
    slag = []
    for rad in rader:
        rad = rad.rstrip(" \u00a0")  # trailing tabs are empty cells
        if not rad.strip():
            slag.append("tom")
        elif "\t" in rad:
            slag.append("tab")
        elif _LUCKA.search(rad.strip()) and not PUNKT.match(rad):
            slag.append("plats")
        else:
            slag.append("text")
    # A row with text only in its first cell ('Antal per månad' above the months) has no wide
    # gap, but between two rows of a table laid out with spaces it is one of its rows.
    for i in range(1, len(slag) - 1):
        if slag[i] == "text" and slag[i - 1] == slag[i + 1] == "plats":
            slag[i] = "plats"

    block: list[Block] = []
    stycke: list[str] = []
    stycke_rad = 0

    def avsluta() -> None:
        nonlocal stycke
        if stycke:
            block.append(Stycke(_hopfogad(stycke), stycke_rad))
            stycke = []

    i = 0
    while i < len(rader):
        typ = slag[i]
        if typ in ("tab", "plats"):
            j = i
            while j < len(rader) and slag[j] == typ:
                j += 1
            grupp = [r.rstrip(" \u00a0") for r in rader[i:j]]
            if typ == "tab":
                avsluta()
                block.append(
                    Tabell(jamna([tuple(c.strip() for c in r.split("\t")) for r in grupp]), i + 1)
                )
                i = j
                continue
            celler = [[c for _, _, c in _positionsceller(r)] for r in grupp]
            med_tal = sum(_har_tal(c) for c in celler)
            if med_tal and med_tal * 2 >= len(grupp):
                avsluta()
                block.append(Tabell(jamna(_kolumner(grupp)), i + 1))
                i = j
                continue
            # Prose laid out with wide spaces (justified text): read as text.
            for k in range(i, j):
                slag[k] = "text"
            typ = "text"
        if typ == "tom":
            avsluta()
        else:
            rad = rader[i].strip()
            if PUNKT.match(rad):
                avsluta()
                rad = PUNKT.sub("- ", rad)
            if not stycke:
                stycke_rad = i + 1
            stycke.append(re.sub(r"\s{2,}", " ", rad))
        i += 1
    avsluta()
    return _fog_sidbrytningar(block)


def _hopfogad(rader: list[str]) -> str:
    text = rader[0]
    for rad in rader[1:]:
        # A word broken at the line end keeps its hyphen and no space ('arbetsmarknads-
        # insatser'), except before a conjunction ('uppdrags- och individsynpunkt').
        bruten = text.endswith("-") and text[-2:-1].isalpha()
        ordet = rad.split(" ", 1)[0].lower()
        text = text + rad if bruten and ordet not in EFTER_BINDESTRECK else f"{text} {rad}"
    return text


def _fog_sidbrytningar(block: list[Block]) -> list[Block]:
    ut: list[Block] = []
    for b in block:
        fore = ut[-1] if ut else None
        if (
            isinstance(b, Stycke)
            and isinstance(fore, Stycke)
            and not b.punkt
            and b.text[:1].islower()
            and not fore.text.endswith(_SLUT)
            and len(fore.text.split()) > 8
        ):
            ut[-1] = Stycke(f"{fore.text} {b.text}", fore.rad)
        else:
            ut.append(b)
    return ut
