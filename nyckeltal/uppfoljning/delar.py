"""Where the follow-up report stands in a file, and where each block stands in the report.

A file may be the report alone, or whole meeting papers with the report's tjänsteskrivelse and
its bilaga among other ärenden (the seed). A part begins at its title ("Budgetuppföljning
efter september 2022", "Budgetuppföljning Sept 2022", "Tertialrapport 1 2023", "Årsredovisning
2022" …) and ends at the next title or at the next ärende's header (Handläggare, Datum, Dnr).
A part with the headings of a tjänsteskrivelse (Ärendet i sin helhet, … beslut) is one; the
other is the report itself, called "Bilaga: <title> <nämnd>" when a tjänsteskrivelse precedes
it. Date and diarienummer come from the tjänsteskrivelse's header and hold for its bilaga.

Sections: a numbered heading ("2.1 Budgetavvikelse och verksamhetsanalys") and the unnumbered
heading under it ("Ekonomiskt bistånd") give "2.1 Ekonomiskt bistånd"; a table adds its caption
and "(tabell)", a list item "(lista)".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from nyckeltal.format import MANADSNUMMER
from nyckeltal.uppfoljning.block import Block, Stycke, Tabell

_TITEL = re.compile(
    r"^(Budgetuppföljning|Tertialrapport|Tertialuppföljning|Delårsrapport|Årsredovisning|"
    r"Verksamhetsberättelse|Årsbokslut)\b(?P<rest>[^.]{0,60}?\b(?P<ar>20\d\d)\b[^.]{0,40})$",
    re.IGNORECASE,
)
NUMRERAD = re.compile(r"^(?P<nr>\d+(?:\.\d+)*)\.?\s+(?P<rubrik>[A-ZÅÄÖ].*)$")
_ARENDEHUVUD = re.compile(r"(^Datum\b|\bHandläggare\b|\bDnr\s+[A-ZÅÄÖ]+\s+\d{4}-\d{5})")
_DATUM = re.compile(r"Datum\s*(\d{4}-\d{2}-\d{2})")
_DNR = re.compile(r"Dnr\s+([A-ZÅÄÖ]+\s+\d{4}-\d{5}(?:\s+\d+(?:\.\d+)+)?)")
_TJANSTESKRIVELSE = ("ärendet i sin helhet", "beslutsunderlag")


def manad_i(text: str) -> int | None:
    """The month a word names: 'september', 'Sept', 'okt'."""
    return MANADSNUMMER.get(text.strip().rstrip(".").casefold())


def ar_rubrik(stycke: Stycke) -> bool:
    """A heading: short, not a sentence, not a list item, not only a figure."""
    text = stycke.text.strip()
    ord_ = text.split()
    if stycke.punkt or not ord_ or len(ord_) > 8 or text.endswith(":"):
        return False
    if NUMRERAD.match(text):
        return True
    if not text[0].isupper():
        return False
    if re.fullmatch(r"[\d\s,.%−-]+", text):
        return False
    return not text.endswith(".") or len(ord_) <= 3


@dataclass(frozen=True)
class Placerat:
    block: Block
    avsnitt: str
    kapitel: str  # the numbered heading's first number ('2', '3'), '' in a tjänsteskrivelse
    rubrik: bool  # the block is a heading


@dataclass(frozen=True)
class Del:
    dokument: str  # as kalla_dokument
    datum: dt.date | None
    diarienummer: str | None
    tjansteskrivelse: bool
    block: tuple[Placerat, ...]


@dataclass(frozen=True)
class Rapport:
    titel: str
    ar: int
    manad: int  # the month the report follows up (12 for a year-end report)
    delar: tuple[Del, ...]


def _period_i_titel(titel: str) -> int | None:
    text = titel.casefold()
    if re.search(r"årsredovisning|verksamhetsberättelse|årsbokslut|bokslut", text):
        return 12
    tertial = re.search(r"tertial\w*\s*([1-3])\b|\bt([1-3])\b", text)
    if tertial:
        return 4 * int(tertial.group(1) or tertial.group(2))
    if "delår" in text and not any(manad_i(o) for o in re.findall(r"\w+", text)):
        return 8
    for ord_ in re.findall(r"[a-zåäö]+", text):
        if manad_i(ord_):
            return manad_i(ord_)
    return None


def _period_i_tabeller(block: list[Block], ar: int) -> int | None:
    manader = [
        int(m.group(2))
        for b in block
        if isinstance(b, Tabell)
        for cell in b.rader[0]
        for m in [re.fullmatch(r"Utfall (\d{4})-(\d{2})", cell.strip())]
        if m and int(m.group(1)) == ar
    ]
    return max(manader) if manader else None


def _bildtext(stycke: Stycke) -> str:
    """A table's caption: the paragraph above it, its first clause when it is a long one
    ('Överföring av ekonomiska medel till berörda nämnder …' -> 'Överföring av ekonomiska
    medel')."""
    text = stycke.text.rstrip(".")
    if len(text.split()) <= 12:
        return text
    text = re.split(r" (?:till|för|under|enligt|som) ", text)[0]
    return text if len(text.split()) <= 8 and not re.search(r"\d", text) else ""


def _placera(block: list[Block], tjansteskrivelse: bool) -> tuple[Placerat, ...]:
    nummer, rubrik, underrubrik = "", "", ""
    ut = []
    for i, b in enumerate(block):
        nasta = block[i + 1] if i + 1 < len(block) else None
        if isinstance(b, Stycke) and ar_rubrik(b):
            traff = NUMRERAD.match(b.text)
            if traff and not tjansteskrivelse:
                nummer, rubrik, underrubrik = traff["nr"], traff["rubrik"].rstrip("."), ""
                namn = ""
            elif isinstance(nasta, Tabell) and underrubrik:
                # A heading that only names the table under it ('Ursprungsland') belongs to
                # the section it stands in ('Mottagna flyktingar – Ursprungsland').
                namn = f"{underrubrik} – {b.text.rstrip('.')}"
            else:
                underrubrik = namn = b.text.rstrip(".")
            ut.append(Placerat(b, _avsnitt(nummer, rubrik, namn), nummer[:1], True))
            continue
        namn = underrubrik or rubrik
        if isinstance(b, Tabell):
            fore = ut[-1] if ut else None
            if fore is not None and fore.rubrik:
                avsnitt = fore.avsnitt
            else:
                if isinstance(fore and fore.block, Stycke) and not fore.block.punkt:
                    namn = _bildtext(fore.block) or namn
                avsnitt = _avsnitt(nummer, rubrik, namn)
            ut.append(Placerat(b, f"{avsnitt} (tabell)", nummer[:1], False))
        elif b.punkt:
            ut.append(Placerat(b, f"{_avsnitt(nummer, rubrik, namn)} (lista)", nummer[:1], False))
        else:
            ut.append(Placerat(b, _avsnitt(nummer, rubrik, namn), nummer[:1], False))
    return tuple(ut)


def _avsnitt(nummer: str, rubrik: str, namn: str) -> str:
    return " ".join(d for d in (nummer, namn or rubrik) if d) or "Inledning"


def hitta_rapport(block: list[Block]) -> Rapport | None:
    """The follow-up report in the blocks, or None when there is none this reader knows."""
    starter = [
        i
        for i, b in enumerate(block)
        if isinstance(b, Stycke) and not b.punkt and _TITEL.match(b.text.strip())
    ]
    if not starter:
        return None
    delar = []
    datum, dnr = None, None
    har_tjansteskrivelse = False
    for nr, start in enumerate(starter):
        titel = block[start].text.strip()
        for fore in block[max(0, start - 6) : start]:
            if isinstance(fore, Stycke):
                if m := _DATUM.search(fore.text):
                    try:
                        datum = dt.date.fromisoformat(m.group(1))
                    except ValueError:
                        pass
                if m := _DNR.search(fore.text):
                    dnr = m.group(1)
        slut = starter[nr + 1] if nr + 1 < len(starter) else len(block)
        for j in range(start + 1, slut):
            b = block[j]
            if isinstance(b, Stycke) and _ARENDEHUVUD.search(b.text):
                slut = j
                break
        innehall = block[start + 1 : slut]
        rubriker = {
            b.text.strip().rstrip(".").casefold()
            for b in innehall
            if isinstance(b, Stycke) and ar_rubrik(b)
        }
        tjanste = any(r in rubriker for r in _TJANSTESKRIVELSE) or any(
            r.endswith("nämndens beslut") for r in rubriker
        )
        if tjanste:
            dokument = f"{titel} (tjänsteskrivelse)"
            har_tjansteskrivelse = True
        else:
            namnd = ""
            if (
                innehall
                and isinstance(innehall[0], Stycke)
                and innehall[0].text.endswith("nämnden")
            ):
                namnd = innehall[0].text.strip()
                innehall = innehall[1:]
            dokument = " ".join(d for d in (titel, namnd) if d)
            if har_tjansteskrivelse:
                dokument = f"Bilaga: {dokument}"
        delar.append(Del(dokument, datum, dnr, tjanste, _placera(list(innehall), tjanste)))

    huvud = next((d for d in delar if not d.tjansteskrivelse), delar[0])
    titel = huvud.dokument.removeprefix("Bilaga: ")
    ar = int(_TITEL.match(block[starter[0]].text.strip())["ar"])
    manad = _period_i_titel(titel) or _period_i_tabeller(
        [p.block for d in delar for p in d.block], ar
    )
    if manad is None:
        return None
    return Rapport(titel, ar, manad, tuple(delar))
