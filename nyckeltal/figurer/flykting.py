"""Charts of the refugee reception: received against the target, who they are, and the
newly arrived per category and month with the money transferred to the committees.

Pure functions from query frames to go.Figure (or to the table shown beside a chart).
"""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go
import polars as pl

from nyckeltal.figurer import GRA, SAFE, arsfarg, grundlayout, manadsaxel
from nyckeltal.format import ENHETER, NBSP, UPPGIFT_SAKNAS, formatera, manadsnamn
from nyckeltal.perioder import Period

# One colour per category (not per year: the monthly chart shows one year), chosen from the
# safe palette away from the colours the years 2020–2022 take.
KATEGORIFARGER = (SAFE[4], SAFE[6], SAFE[5], SAFE[7])


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
    figure gets no bar but the words 'uppgift saknas'."""
    fig = go.Figure()
    for rad in tabell.iter_rows(named=True):
        fig.add_trace(
            go.Bar(
                x=[rad["period"]],
                y=[_tal(rad["mottagna"])],
                name=str(rad["ar"]),
                marker_color=arsfarg(rad["ar"]),
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
                font={"color": GRA},
            )
    if malvarde is not None:
        fig.add_hline(
            y=float(malvarde),
            line_dash="dash",
            line_color=GRA,
            annotation_text=f"Mål {malar}: {jamforelse} {formatera(malvarde, 'antal')}",
            annotation_position="top left",
        )
    grundlayout(fig, "Antal mottagna flyktingar")
    fig.update_xaxes(type="category")
    fig.update_layout(showlegend=False, bargap=0.4)
    hogsta = max(
        [float(v) for v in tabell["mottagna"].drop_nulls().to_list()]
        + ([float(malvarde)] if malvarde is not None else [])
        + [1.0]
    )
    fig.update_yaxes(range=[0, hogsta * 1.2], rangemode="tozero")
    return fig


def staplar_per_ar(
    df: pl.DataFrame, enhet: str, *, liggande: bool = False, axeltitel: str = ""
) -> go.Figure:
    """Bars per dimension value, one trace per year in its colour, labelled '27 %' or
    '2 038 300 kr'. df: columns ar, dimension, varde in the order to show (the papers').

    Lying bars read top-down in the same order as the papers' tables."""
    fig = go.Figure()
    ordning = list(dict.fromkeys(df["dimension"].to_list()))
    suffix = ENHETER[enhet]
    enhet_hover = f" {suffix}" if suffix else ""
    # the category on one axis, the value on the other
    kategoriaxel, vardeaxel = ("y", "x") if liggande else ("x", "y")
    hover = (
        f"%{{{kategoriaxel}}}: %{{{vardeaxel}:,.0f}}{enhet_hover}<extra>%{{fullData.name}}</extra>"
    )
    for ar in sorted(set(df["ar"].to_list())):
        del_ = df.filter(pl.col("ar") == ar)
        fig.add_trace(
            go.Bar(
                **{
                    kategoriaxel: del_["dimension"].to_list(),
                    vardeaxel: [_tal(v) for v in del_["varde"].to_list()],
                },
                orientation="h" if liggande else "v",
                name=str(ar),
                marker_color=arsfarg(ar),
                text=[formatera(v, enhet) for v in del_["varde"].to_list()],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=hover,
            )
        )
    hogsta = max([float(v) for v in df["varde"].drop_nulls().to_list()] + [1.0])
    if liggande:
        grundlayout(fig, "", hojd=max(320, 34 * len(ordning) + 80))
        fig.update_yaxes(
            type="category",
            categoryorder="array",
            categoryarray=ordning,
            autorange="reversed",
            tickformat=None,
        )
        # room right of the longest bar for its label, also in a narrow column
        utrymme = 1.5 if enhet in ("kr", "tkr") else 1.3
        fig.update_xaxes(title_text=axeltitel, range=[0, hogsta * utrymme], tickformat=",~f")
    else:
        grundlayout(fig, axeltitel)
        fig.update_xaxes(type="category", categoryorder="array", categoryarray=ordning)
        fig.update_yaxes(range=[0, hogsta * 1.2])
    if enhet == "procent":
        (fig.update_xaxes if liggande else fig.update_yaxes)(ticksuffix=f"{NBSP}%")
    fig.update_layout(barmode="group", showlegend=df["ar"].n_unique() > 1)
    return fig


def per_kategori_och_manad(serie: pl.DataFrame) -> go.Figure:
    """One line per category over a January–December axis. serie: rows of query
    serie_per_manad for one year (columns manad, dimension, varde), in the dimension order."""
    fig = go.Figure()
    for nummer, kategori in enumerate(dict.fromkeys(serie["dimension"].to_list())):
        del_ = serie.filter(pl.col("dimension") == kategori).sort("manad")
        manader = del_["manad"].to_list()
        fig.add_trace(
            go.Scatter(
                x=manader,
                y=[_tal(v) for v in del_["varde"].to_list()],
                name=kategori,
                mode="lines+markers",
                line={"color": KATEGORIFARGER[nummer % len(KATEGORIFARGER)], "width": 3},
                customdata=[manadsnamn(m) for m in manader],
                hovertemplate="%{customdata}: %{y} personer<extra>%{fullData.name}</extra>",
            )
        )
    grundlayout(fig, "Antal personer", hojd=400)
    manadsaxel(fig)
    fig.update_yaxes(rangemode="tozero")
    return fig


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
