"""Partnerships and projects: a timeline of their periods and the Swedish texts the page shows
for dates, periods, money and goals.

Dates are written out in Python ("1 januari 2023"), not by Plotly, so hover texts and tick
labels are Swedish whatever locale the browser's plotly.js has.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import plotly.graph_objects as go
import polars as pl

from nyckeltal.figurer import (
    GRA,
    KATEGORIFARGER,
    KONTUR,
    grundlayout,
    satt_layout,
    satt_xaxlar,
    satt_yaxlar,
)
from nyckeltal.figurer.beskrivning import beskriv
from nyckeltal.format import KORTA_MANADER, MANADER, UPPGIFT_SAKNAS, formatera, tal

# One colour per kind of arrangement; the bar label names the kind too.
FARG_PER_TYP = {"IOP": KATEGORIFARGER[0], "ESF-projekt": KATEGORIFARGER[2]}

# The goals' units are plural; one of them reads "1 person", not "1 personer".
_SINGULAR = {
    "personer": "person",
    "möten": "möte",
    "tillfällen": "tillfälle",
    "månader": "månad",
}

_PER = {"år": "/år", "projektet": " för hela projektet", "ej angivet": ""}


def datumtext(datum: dt.date | None) -> str:
    """'1 januari 2023'."""
    if datum is None:
        return UPPGIFT_SAKNAS
    return f"{datum.day} {MANADER[datum.month - 1]} {datum.year}"


def periodtext(start: dt.date | None, slut: dt.date | None) -> str:
    """'1 januari 2023 – 31 december 2024', or 'uppgift saknas' without a full period."""
    if start is None or slut is None:
        return UPPGIFT_SAKNAS
    return f"{datumtext(start)} – {datumtext(slut)}"


def periodkort(start: dt.date | None, slut: dt.date | None) -> str:
    """'jan 2023–dec 2024', 'feb–jul 2014'."""
    if start is None or slut is None:
        return UPPGIFT_SAKNAS
    fran = KORTA_MANADER[start.month - 1]
    till = f"{KORTA_MANADER[slut.month - 1]} {slut.year}"
    if start.year == slut.year:
        return f"{fran}–{till}"
    return f"{fran} {start.year}–{till}"


def beloppstext(belopp, per: str | None) -> str:
    """'1 000 000 kr/år', '450 000 kr för hela projektet', '379 392 kr' (no period stated)."""
    if belopp is None:
        return UPPGIFT_SAKNAS
    return formatera(belopp, "kr") + _PER.get(per or "ej angivet", "")


def maltext(minsta, hogsta, enhet: str, per: str | None, jamforelse: str | None = None) -> str:
    """'minst 10 personer per år', 'cirka 20–25 personer per år', '1 500–2 000 personer för
    projektet'. jamforelse is the papers' own word (data/partnerskap_mal.csv): 'minst',
    'cirka' or 'exakt' (no word)."""
    varde = tal(minsta)
    if jamforelse in ("minst", "cirka"):
        varde = f"{jamforelse} {varde}"
    if hogsta is not None and Decimal(str(hogsta)) != Decimal(str(minsta)):
        varde += "–" + tal(hogsta)
    elif Decimal(str(minsta)) == 1:
        enhet = _SINGULAR.get(enhet, enhet)
    text = f"{varde} {enhet}"
    if per == "projektet":
        return text + " för projektet"
    if per:
        return f"{text} per {per}"
    return text


def kort_namn(namn: str) -> str:
    """The part before the dash: 'Guldkanten', 'Borås Basket', 'SIKTA'."""
    return namn.split(" – ")[0]


def tidslinje(partnerskap: pl.DataFrame) -> go.Figure:
    """Horizontal bars from start to end date, one per partnership, one trace per kind.

    partnerskap: query partnerskap_tidslinje; rows without a full period are left out (the
    page lists them with the reason).
    """
    rader = partnerskap.filter(
        pl.col("period_start").is_not_null() & pl.col("period_slut").is_not_null()
    )
    fig = go.Figure()
    for typ in rader["typ"].unique(maintain_order=True).to_list():
        del_ = rader.filter(pl.col("typ") == typ)
        starter = del_["period_start"].to_list()
        # the end date is the last day of the period, so the bar runs to its end
        slut = [s + dt.timedelta(days=1) for s in del_["period_slut"].to_list()]
        slutdatum = del_["period_slut"].to_list()
        statusar = del_["status"].to_list()
        fig.add_trace(
            go.Bar(
                orientation="h",
                name=typ,
                # the label beside the bar names the kind and status, so colour is not the
                # only cue, and it cannot be clipped the way text at a bar's end can
                y=[
                    f"<b>{kort_namn(namn)}</b><br>{periodkort(a, b)} · {typ}, {status.lower()}"
                    for namn, a, b, status in zip(
                        del_["namn"].to_list(), starter, slutdatum, statusar
                    )
                ],
                base=[s.isoformat() for s in starter],
                x=[(b - a).days * 86_400_000 for a, b in zip(starter, slut)],
                marker={
                    "color": FARG_PER_TYP.get(typ, GRA),
                    "line": {"color": KONTUR, "width": 1},
                },
                customdata=[
                    (namn, periodtext(a, b), status)
                    for namn, a, b, status in zip(
                        del_["namn"].to_list(), starter, slutdatum, statusar
                    )
                ],
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>"
                    "Status: %{customdata[2]}<extra>%{fullData.name}</extra>"
                ),
            )
        )
    grundlayout(fig, hojd=140 + 60 * max(rader.height, 1))
    if rader.height:
        forsta = min(rader["period_start"].to_list()).year
        sista = max(rader["period_slut"].to_list()).year + 1
        # every year while they fit; every other year over a long span (tablet width)
        ar = list(range(forsta, sista + 1, 1 if sista - forsta <= 8 else 2))
        satt_xaxlar(
            fig,
            type="date",
            tickmode="array",
            tickvals=[dt.date(a, 1, 1).isoformat() for a in ar],
            ticktext=[str(a) for a in ar],
            range=[dt.date(forsta, 1, 1).isoformat(), dt.date(sista, 7, 1).isoformat()],
            title_text="Period (år)",
            showgrid=True,
        )
    satt_yaxlar(
        fig, autorange="reversed", automargin=True, title_text="", tickformat="", tickfont_size=13
    )
    satt_layout(fig, barmode="overlay", legend_title_text="Typ")
    if rader.height:
        antal = (
            f"{tal(rader.height)} partnerskap och projekt med angiven period, "
            f"från {forsta} till {sista - 1}"
        )
    else:
        antal = "inga partnerskap eller projekt med angiven period"
    return beskriv(
        fig,
        "perioderna för nämndens partnerskap (IOP) och projekt (ESF), från start till slut",
        diagramtyp="Tidslinje",
        nyckeltal=antal,
    )
