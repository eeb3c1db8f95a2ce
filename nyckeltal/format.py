"""Swedish number, amount, percent and month formats: "44 923 tkr", "42 %", "−6 000 tkr".

A no-break space separates thousands and the unit, so a card never breaks "44 923" over two
lines. Negative numbers take the typographic minus (U+2212) everywhere a user reads them,
also in the deltas of st.metric (which then gets its arrow and colour explicitly, see
nyckeltal.kpi.Kpi.delta_pil and delta_farg, since it only reads an ASCII hyphen as a fall).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import polars as pl

NBSP = "\u00a0"
MINUS = "\u2212"
UPPGIFT_SAKNAS = "uppgift saknas"

MANADER = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
KORTA_MANADER = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
# A month as staff and the committee's papers write it, in lower case: in full, short, or
# 'sept' as the follow-up reports write September.
MANADSNUMMER = (
    {namn: nr for nr, namn in enumerate(MANADER, 1)}
    | {namn: nr for nr, namn in enumerate(KORTA_MANADER, 1)}
    | {"sept": 9}
)
DAGAR = ("söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag")
KORTA_DAGAR = ("sön", "mån", "tis", "ons", "tor", "fre", "lör")

ENHETER = {"tkr": "tkr", "kr": "kr", "procent": "%", "antal": ""}


def tal(varde: float | Decimal | None, decimaler: int = 0, minus: str = MINUS) -> str:
    """'44 923', '−6 000', '3,5'; rounds half away from zero as a ledger does."""
    if varde is None:
        return UPPGIFT_SAKNAS
    d = Decimal(str(varde)).quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)
    tecken = minus if d < 0 else ""
    heltal, _, brak = f"{abs(d):f}".partition(".")
    grupper = []
    while len(heltal) > 3:
        grupper.insert(0, heltal[-3:])
        heltal = heltal[:-3]
    grupper.insert(0, heltal)
    text = NBSP.join(grupper)
    if decimaler > 0:
        text += "," + brak
    return tecken + text


def formatera(varde, enhet: str, decimaler: int = 0) -> str:
    """A value with its unit: antal '648', tkr '44 923 tkr', kr '1 000 000 kr', procent '42 %'."""
    if varde is None:
        return UPPGIFT_SAKNAS
    suffix = ENHETER[enhet]
    return tal(varde, decimaler) + (NBSP + suffix if suffix else "")


def formatera_forandring(varde, enhet: str, decimaler: int = 0) -> str:
    """A signed change: '+1 798 tkr', '−86' (typographic minus), '±0'.

    A change of a percentage is in percentage points: '+1 procentenhet'. st.metric reads only
    an ASCII hyphen as a fall, so a card passes the arrow and colour itself (Kpi.delta_pil)."""
    if varde is None:
        return ""
    if enhet == "procent":
        belopp = abs(Decimal(str(varde)))
        text = tal(belopp, decimaler) + NBSP + ("procentenhet" if belopp == 1 else "procentenheter")
    else:
        text = formatera(abs(Decimal(str(varde))), enhet, decimaler)
    if Decimal(str(varde)) > 0:
        return "+" + text
    if Decimal(str(varde)) < 0:
        return MINUS + text
    return "±" + text


def procent_andel(del_: float, helhet: float, decimaler: int = 0) -> str:
    if not helhet:
        return UPPGIFT_SAKNAS
    return formatera(Decimal(str(del_)) / Decimal(str(helhet)) * 100, "procent", decimaler)


def manadsnamn(manad: int) -> str:
    return MANADER[manad - 1]


def kort_manad(manad: int) -> str:
    return KORTA_MANADER[manad - 1]


def kort_manadsintervall(fran: int, till: int) -> str:
    """'sep', 'jan–sep': for tight places such as a KPI card's comparison line."""
    if fran == till:
        return kort_manad(fran)
    return f"{kort_manad(fran)}–{kort_manad(till)}"


def manadsintervall(fran: int, till: int) -> str:
    """'september', 'januari–september'."""
    if fran == till:
        return manadsnamn(fran)
    return f"{manadsnamn(fran)}–{manadsnamn(till)}"


def formatera_tabell(
    df: pl.DataFrame, enheter: dict[str, str], rubriker: dict[str, str] | None = None
) -> pl.DataFrame:
    """A copy for display: the columns in enheter as Swedish text ('44 923 tkr'; 'uppgift
    saknas' for null), months as names if a column 'manad' is listed with unit 'manad',
    columns renamed by rubriker. Downloads keep the raw numbers."""
    ut = df
    for kolumn, enhet in enheter.items():
        texter = [
            UPPGIFT_SAKNAS
            if v is None
            else manadsnamn(v)
            if enhet == "manad"
            else formatera(v, enhet)
            for v in ut[kolumn]
        ]
        ut = ut.with_columns(pl.Series(kolumn, texter, dtype=pl.String))
    return ut.rename(rubriker or {})


def formatera_per_rad(
    df: pl.DataFrame, decimaler: dict[str, int], enhetskolumn: str = "enhet"
) -> pl.DataFrame:
    """A copy for display where each row carries its own unit (column enhetskolumn): the
    columns in decimaler (column -> decimals) as Swedish text, 'uppgift saknas' for null.

    Formatted in Python, not with map_elements: Python run inside Polars' thread pool took part
    in a deadlock under concurrent sessions (see sidor/_delat.visa_tabell)."""
    return df.with_columns(
        pl.Series(
            kolumn,
            [formatera(v, e, d) for v, e in zip(df[kolumn], df[enhetskolumn])],
            dtype=pl.String,
        )
        for kolumn, d in decimaler.items()
    )
