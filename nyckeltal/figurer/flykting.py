"""Charts of the refugee reception: received against the target, who they are, and the
newly arrived per category and month with the money transferred to the committees.

Pure functions from query frames to go.Figure (or to the table shown beside a chart). Years
are drawn by their role (farger.arsstil), every bar with a dark outline; each builder says
what its chart shows (beskrivning.beskriv).
"""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go
import polars as pl

from nyckeltal.figurer import (
    KATEGORIFARGER,
    KATEGORISTRECK,
    KATEGORISYMBOLER,
    REFERENS,
    TEXT_SVAG,
    arsstil,
    grundlayout,
    manadsaxel,
    satt_layout,
    satt_xaxlar,
    satt_yaxlar,
)
from nyckeltal.figurer.beskrivning import STORSTA, beskriv
from nyckeltal.format import ENHETER, NBSP, UPPGIFT_SAKNAS, formatera, manadsnamn
from nyckeltal.perioder import Period


def _tal(varde) -> float | None:
    return None if varde is None else float(varde)


def _varde(df: pl.DataFrame, indikator: str) -> Decimal | None:
    rad = df.filter(pl.col("indikator_id") == indikator)
    return rad["varde"][0] if rad.height else None


def _maltext(indikatorer: pl.DataFrame) -> str:
    rad = indikatorer.filter(pl.col("indikator_id") == "mottagna_flyktingar")
    if rad.is_empty() or rad["malvarde"][0] is None:
        return "inget mål"
    return f"{rad['jamforelse'][0]} {formatera(rad['malvarde'][0], 'antal')}"


def mottagna_per_ar(
    period: Period,
    varden: pl.DataFrame,
    jamforelse: pl.DataFrame,
    indikatorer: pl.DataFrame,
    indikatorer_jamforelsear: pl.DataFrame,
) -> pl.DataFrame:
    """Received refugees of the period and of the comparison period, oldest year first, with
    each year's target in words. varden, jamforelse: query nyckeltal_for_period;
    indikatorer*: query indikatorer_med_mal for each year."""
    rader = [
        (
            period.ar,
            period.etikett,
            _varde(varden, "mottagna_flyktingar"),
            _maltext(indikatorer),
        ),
        (
            period.jamforelsear,
            period.jamforelseetikett,
            _varde(jamforelse, "mottagna_flyktingar"),
            _maltext(indikatorer_jamforelsear),
        ),
    ]
    return pl.DataFrame(
        sorted(rader, key=lambda rad: rad[0]),
        schema={
            "ar": pl.Int32,
            "period": pl.String,
            "mottagna": pl.Decimal(18, 2),
            "mal": pl.String,
        },
        orient="row",
    )


def mottagna_mot_mal(
    tabell: pl.DataFrame, malvarde=None, jamforelse: str | None = None, malar: int | None = None
) -> go.Figure:
    """One bar per year (year colours) and the target as a dashed line; a year without a
    figure gets no bar but the words 'uppgift saknas'. malar: the period's year, drawn
    strongest (default the latest year of tabell); the other year is its comparison."""
    ar_i_tabell = tabell["ar"].to_list()
    valt_ar = malar if malar is not None else max(ar_i_tabell, default=0)
    jamforelsear = next((a for a in ar_i_tabell if a != valt_ar), None)
    fig = go.Figure()
    for rad in tabell.iter_rows(named=True):
        fig.add_trace(
            go.Bar(
                x=[rad["period"]],
                y=[_tal(rad["mottagna"])],
                name=str(rad["ar"]),
                marker=arsstil(rad["ar"], valt_ar, jamforelsear).stapel,
                text=[formatera(rad["mottagna"], "antal")] if rad["mottagna"] is not None else None,
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y} mottagna flyktingar<extra>%{x}</extra>",
            )
        )
        if rad["mottagna"] is None:
            fig.add_annotation(
                x=rad["period"],
                y=0,
                text=UPPGIFT_SAKNAS,
                showarrow=False,
                yshift=20,
                font={"color": TEXT_SVAG},
            )
    if malvarde is not None:
        # what add_hline(..., annotation_position="top left") draws, without its bookkeeping
        fig.add_shape(
            type="line",
            x0=0,
            x1=1,
            xref="x domain",
            y0=float(malvarde),
            y1=float(malvarde),
            yref="y",
            line={"color": REFERENS, "width": 2, "dash": "dash"},
        )
        fig.add_annotation(
            text=f"Mål {malar}: {jamforelse} {formatera(malvarde, 'antal')}",
            x=0,
            xref="x domain",
            xanchor="left",
            y=float(malvarde),
            yref="y",
            yanchor="bottom",
            showarrow=False,
        )
    grundlayout(fig, "Antal mottagna flyktingar")
    satt_xaxlar(fig, type="category")
    satt_layout(fig, showlegend=False, bargap=0.4)
    hogsta = max(
        [float(v) for v in tabell["mottagna"].drop_nulls().to_list()]
        + ([float(malvarde)] if malvarde is not None else [])
        + [1.0]
    )
    satt_yaxlar(fig, range=[0, hogsta * 1.2], rangemode="tozero")
    return beskriv(
        fig,
        f"mottagna flyktingar jämfört med målet ({jamforelse} {formatera(malvarde, 'antal')})"
        if malvarde is not None
        else "mottagna flyktingar under perioden och samma period året innan",
        enhetsord="mottagna",
        nyckelserie=str(valt_ar),
    )


def staplar_per_ar(
    df: pl.DataFrame,
    enhet: str,
    *,
    liggande: bool = False,
    axeltitel: str = "",
    valt_ar: int | None = None,
    beskrivning: str | None = None,
) -> go.Figure:
    """Bars per dimension value, one trace per year in its colour, labelled '27 %' or
    '2 038 300 kr'. df: columns ar, dimension, varde in the order to show (the papers').

    Lying bars read top-down in the same order as the papers' tables. valt_ar: the period's
    year, drawn strongest (default the latest year in df; any other year is its comparison).
    beskrivning: what the chart shows, for its accessible name (default from axeltitel and
    the categories)."""
    fig = go.Figure()
    ordning = list(dict.fromkeys(df["dimension"].to_list()))
    suffix = ENHETER[enhet]
    enhet_hover = f" {suffix}" if suffix else ""
    # the category on one axis, the value on the other
    kategoriaxel, vardeaxel = ("y", "x") if liggande else ("x", "y")
    hover = (
        f"%{{{kategoriaxel}}}: %{{{vardeaxel}:,.0f}}{enhet_hover}<extra>%{{fullData.name}}</extra>"
    )
    ar_i_bild = sorted(set(df["ar"].to_list()))
    if valt_ar is None:
        valt_ar = max(ar_i_bild, default=0)
    jamforelsear = max((a for a in ar_i_bild if a != valt_ar), default=None)
    for ar in ar_i_bild:
        del_ = df.filter(pl.col("ar") == ar)
        fig.add_trace(
            go.Bar(
                **{
                    kategoriaxel: del_["dimension"].to_list(),
                    vardeaxel: [_tal(v) for v in del_["varde"].to_list()],
                },
                orientation="h" if liggande else "v",
                name=str(ar),
                marker=arsstil(ar, valt_ar, jamforelsear).stapel,
                text=[formatera(v, enhet) for v in del_["varde"].to_list()],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=hover,
            )
        )
    hogsta = max([float(v) for v in df["varde"].drop_nulls().to_list()] + [1.0])
    if liggande:
        grundlayout(fig, "", hojd=max(320, 34 * len(ordning) + 80))
        satt_yaxlar(
            fig,
            type="category",
            categoryorder="array",
            categoryarray=ordning,
            autorange="reversed",
            tickformat=None,
        )
        # room right of the longest bar for its label, also in a narrow column
        utrymme = 1.5 if enhet in ("kr", "tkr") else 1.3
        satt_xaxlar(fig, title_text=axeltitel, range=[0, hogsta * utrymme], tickformat=",~f")
    else:
        grundlayout(fig, axeltitel)
        satt_xaxlar(fig, type="category", categoryorder="array", categoryarray=ordning)
        satt_yaxlar(fig, range=[0, hogsta * 1.2])
    if enhet == "procent":
        (satt_xaxlar if liggande else satt_yaxlar)(fig, ticksuffix=f"{NBSP}%")
    satt_layout(fig, barmode="group", showlegend=df["ar"].n_unique() > 1)
    if beskrivning is None:
        exempel = ", ".join(ordning[:3]) + (" med flera" if len(ordning) > 3 else "")
        vad = {"procent": "andel", "kr": "belopp", "tkr": "belopp"}.get(enhet, "antal")
        beskrivning = f"{vad} per kategori ({exempel})"
    return beskriv(fig, beskrivning, enhet=enhet, nyckelserie=str(valt_ar), nyckelpunkt=STORSTA)


def per_kategori_och_manad(serie: pl.DataFrame) -> go.Figure:
    """One line per category over a January–December axis. serie: rows of query
    serie_per_manad for one year (columns manad, dimension, varde), in the dimension order."""
    fig = go.Figure()
    for nummer, kategori in enumerate(dict.fromkeys(serie["dimension"].to_list())):
        del_ = serie.filter(pl.col("dimension") == kategori).sort("manad")
        manader = del_["manad"].to_list()
        # colour, dash and marker all differ, so no category is told by colour alone
        fig.add_trace(
            go.Scatter(
                x=manader,
                y=[_tal(v) for v in del_["varde"].to_list()],
                name=kategori,
                mode="lines+markers",
                line={
                    "color": KATEGORIFARGER[nummer % len(KATEGORIFARGER)],
                    "width": 3,
                    "dash": KATEGORISTRECK[nummer % len(KATEGORISTRECK)],
                },
                marker={"symbol": KATEGORISYMBOLER[nummer % len(KATEGORISYMBOLER)], "size": 8},
                customdata=[manadsnamn(m) for m in manader],
                hovertemplate="%{customdata}: %{y} personer<extra>%{fullData.name}</extra>",
            )
        )
    grundlayout(fig, "Antal personer", hojd=400)
    manadsaxel(fig)
    satt_yaxlar(fig, rangemode="tozero")
    ar = serie["ar"].to_list()
    return beskriv(
        fig,
        "nyanlända flyktingar per kategori och månad",
        enhetsord="personer",
        manader=True,
        ar=ar[0] if ar else None,
    )


def kategorier_per_manad_tabell(serie: pl.DataFrame) -> pl.DataFrame:
    """The monthly counts as the papers print them: a row per month, a column per category."""
    kategorier = list(dict.fromkeys(serie["dimension"].to_list()))
    return (
        serie.select("manad", "dimension", "varde")
        .pivot(on="dimension", index="manad", values="varde")
        .sort("manad")
        .select("manad", *kategorier)
    )


def overfort_tabell(df: pl.DataFrame) -> pl.DataFrame:
    """Money transferred per category and, as the last row, their sum, which the papers do
    not print: it is marked as computed."""
    delar = df.select(pl.col("dimension").alias("kategori"), pl.col("varde").alias("belopp_kr"))
    if delar.is_empty():
        return delar
    summa = pl.DataFrame(
        {"kategori": ["Summa (beräknad)"], "belopp_kr": [delar["belopp_kr"].sum()]},
        schema=delar.schema,
    )
    return pl.concat([delar, summa])
