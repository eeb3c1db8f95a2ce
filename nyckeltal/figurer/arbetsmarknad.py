"""Charts of the labour-market work: employment forms year against year, and what växla
bidrag mot lön costs against the ekonomiskt bistånd it saves.

Pure functions from query frames to go.Figure (or to the table shown beside a chart). Years
are drawn by their role (farger.arsstil); each builder says what its chart shows
(beskrivning.beskriv).
"""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go
import polars as pl

from nyckeltal.figurer import (
    BAS_FARG,
    GRA,
    NEGATIV,
    POSITIV,
    arsstil,
    grundlayout,
    satt_layout,
    satt_xaxlar,
    satt_yaxlar,
)
from nyckeltal.figurer.beskrivning import STORSTA, beskriv
from nyckeltal.format import formatera

VAXLA_KOSTNAD = "vaxla_personalkostnad_netto"
VAXLA_MINSKAT_BISTAND = "vaxla_minskat_bistand"
NETTO_ETIKETT = "Nettokostnad (beräknad)"


def _tal(varde) -> float | None:
    return None if varde is None else float(varde)


def _radbryt(text: str, bredd: int = 22) -> str:
    """Long tick labels over lines (Plotly breaks at <br>) instead of tilted."""
    rader: list[str] = []
    for ord_ in text.split():
        if rader and len(rader[-1]) + 1 + len(ord_) <= bredd:
            rader[-1] += " " + ord_
        else:
            rader.append(ord_)
    return "<br>".join(rader)


def anstallningsformer(df: pl.DataFrame, ar: int, jamforelsear: int) -> go.Figure:
    """Grouped lying bars per employment form, the chosen year and the comparison year in
    their colours; each year's stated total stands in its legend entry.

    df: query anstallningsformer_ar_mot_ar (the total is the row with ar_total)."""
    former = df.filter(~pl.col("ar_total"))
    total = df.filter(pl.col("ar_total"))
    fig = go.Figure()
    nyckelserie = str(ar)
    for kolumn, trace_ar in (("varde", ar), ("jamforelsevarde", jamforelsear)):
        summa = total[kolumn][0] if total.height else None
        varden = former[kolumn].to_list()
        if summa is not None:
            namn = f"{trace_ar} (totalt {formatera(summa, 'antal')})"
        elif all(v is None for v in varden):
            namn = f"{trace_ar} (uppgift saknas)"
        else:
            namn = str(trace_ar)
        if trace_ar == ar:
            nyckelserie = namn
        fig.add_trace(
            go.Bar(
                x=[_tal(v) for v in varden],
                y=former["anstallningsform"].to_list(),
                orientation="h",
                name=namn,
                marker=arsstil(trace_ar, ar, jamforelsear).stapel,
                text=[formatera(v, "antal") if v is not None else "" for v in varden],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{x} personer<extra>%{fullData.name}</extra>",
            )
        )
    grundlayout(fig, "", hojd=max(360, 60 * former.height + 80))
    hogsta = max(
        [float(v) for k in ("varde", "jamforelsevarde") for v in former[k].drop_nulls().to_list()]
        + [1.0]
    )
    satt_yaxlar(
        fig,
        type="category",
        categoryorder="array",
        categoryarray=former["anstallningsform"].to_list(),
        autorange="reversed",
    )
    satt_xaxlar(fig, title_text="Antal personer", range=[0, hogsta * 1.15], tickformat=",~f")
    satt_layout(fig, barmode="group")
    return beskriv(
        fig,
        f"antal personer per anställningsform, {ar} jämfört med {jamforelsear}",
        enhetsord="personer",
        nyckelserie=nyckelserie,
        nyckelpunkt=STORSTA,
    )


def anstallningsformer_tabell(df: pl.DataFrame) -> pl.DataFrame:
    """Per form the two years and the change (computed), the stated total last."""
    return df.select("anstallningsform", "varde", "jamforelsevarde", "forandring")


def vaxla_belopp(varden: pl.DataFrame) -> pl.DataFrame:
    """The two stated amounts of växla bidrag mot lön and the net cost computed from them
    (personnel cost minus labour-market support, minus the reduced bistånd).

    varden: query nyckeltal_for_period. Rows only for what is known; the net only when both
    amounts are."""
    stated = {
        rad["indikator_id"]: rad["varde"]
        for rad in varden.filter(
            pl.col("indikator_id").is_in([VAXLA_KOSTNAD, VAXLA_MINSKAT_BISTAND])
        ).iter_rows(named=True)
    }
    rader: list[tuple[str, Decimal, str]] = []
    if VAXLA_KOSTNAD in stated:
        rader.append(("Personalkostnad minus arbetsmarknadsstöd", stated[VAXLA_KOSTNAD], "angivet"))
    if VAXLA_MINSKAT_BISTAND in stated:
        rader.append(
            ("Minskat utbetalt ekonomiskt bistånd", -stated[VAXLA_MINSKAT_BISTAND], "angivet")
        )
    if len(rader) == 2:
        rader.append(
            (NETTO_ETIKETT, stated[VAXLA_KOSTNAD] - stated[VAXLA_MINSKAT_BISTAND], "beräknat")
        )
    return pl.DataFrame(
        rader,
        schema={"post": pl.String, "belopp_kr": pl.Decimal(18, 2), "uppgift": pl.String},
        orient="row",
    )


def vaxla_vattenfall(belopp: pl.DataFrame) -> go.Figure:
    """The cost, the bistånd it saves (downwards) and the computed net as a waterfall.

    belopp: vaxla_belopp (the saving negative, the net last)."""
    matt = ["total" if post == NETTO_ETIKETT else "relative" for post in belopp["post"]]
    text = [
        formatera(v, "kr") + (" (beräknad)" if post == NETTO_ETIKETT else "")
        for post, v in zip(belopp["post"], belopp["belopp_kr"])
    ]
    fig = go.Figure(
        go.Waterfall(
            x=[_radbryt(post) for post in belopp["post"]],
            y=[_tal(v) for v in belopp["belopp_kr"].to_list()],
            measure=matt,
            text=text,
            textposition="outside",
            cliponaxis=False,
            increasing={"marker": {"color": NEGATIV}},
            decreasing={"marker": {"color": POSITIV}},
            totals={"marker": {"color": BAS_FARG}},
            connector={"line": {"color": GRA}},
            customdata=belopp["post"].to_list(),
            hovertemplate="%{customdata}: %{y:,.0f} kr<extra></extra>",
            name="Växla bidrag mot lön",
        )
    )
    grundlayout(fig, "kr")
    satt_layout(fig, showlegend=False)
    satt_xaxlar(fig, type="category")
    # room above the highest running total for the labels
    lopande, niva = [0.0], 0.0
    for post, v in zip(belopp["post"], belopp["belopp_kr"]):
        if post != NETTO_ETIKETT:
            niva += float(v)
            lopande.append(niva)
    satt_yaxlar(fig, range=[min(lopande) * 1.2, max(lopande) * 1.2 or 1.0])
    return beskriv(
        fig,
        "kostnaden för växla bidrag mot lön och det ekonomiska bistånd den minskar, "
        "med nettokostnaden (beräknad)",
        enhet="kr",
    )
