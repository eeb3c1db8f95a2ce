"""Charts of the meeting pages (Analys och prognos, Rapport, Presentation).

Pure functions from the results of nyckeltal.framskrivning, maltakt, sasong and volymanalys
(and frames) to go.Figure. Computed figures say so in their names and hover texts; a year is
drawn by its role (farger.arsstil: the year analysed strongest, its comparison year next);
targets, budgets and the papers' own forecast in the reference colour with their own dash or
symbol; each builder says what its chart shows (beskrivning.beskriv).
"""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go
import polars as pl

from nyckeltal.figurer import (
    BAS_FARG,
    GRA,
    KONTUR,
    NEGATIV,
    POSITIV,
    REFERENS,
    arsstil,
    genomskinlig,
    grundlayout,
    manadsaxel,
    satt_layout,
    satt_xaxlar,
    satt_yaxlar,
)
from nyckeltal.figurer.beskrivning import beskriv
from nyckeltal.format import MANADER, formatera
from nyckeltal.framskrivning import Helarsprognos
from nyckeltal.maltakt import Maltakt
from nyckeltal.perioder import Period
from nyckeltal.sasong import LAGE_OVER, LAGE_UNDER
from nyckeltal.volymanalys import Uppdelning

MANADER_1_12 = list(range(1, 13))
_ENHET = {"tkr": " tkr", "kr": " kr", "procent": " %", "antal": ""}
SPANN = "Spann (lägsta–högsta kvot, beräknat)"


def _f(varde) -> float | None:
    return None if varde is None else float(varde)


def _gemen(namn: str) -> str:
    """An indicator's name inside a sentence: 'Nettokostnad …' -> 'nettokostnad …', but
    'SFI …' stays."""
    return namn[:1].lower() + namn[1:] if namn[1:2].islower() else namn


def _manadsvarden(serie: pl.DataFrame, ar: int) -> list[float | None]:
    rader = serie.filter(pl.col("ar") == ar)
    per_manad = dict(zip(rader["manad"].to_list(), rader["varde"].to_list()))
    return [_f(per_manad.get(m)) for m in MANADER_1_12]


# --- Year-end forecast -----------------------------------------------------------------------


def prognosdiagram(serie: pl.DataFrame, prognos: Helarsprognos, period: Period) -> go.Figure:
    """The year so far (January..month totals of a flow, month values of a state) for the
    period's year and the years in the seasonal pattern, each earlier year's full year at
    December, and the forecast as a dashed line from the last month to December with its
    range as a wedge. The papers' own forecast and the budget stand beside December.

    serie: columns ar, manad, varde (totaler.diagramserie).
    """
    enhet = _ENHET[prognos.enhet]
    fig = go.Figure()
    _prognosens_ar(fig, serie, prognos, period, enhet)
    _framskrivningen(fig, prognos)
    _uppgifterna_vid_december(fig, prognos)
    titel = "Ackumulerat" if prognos.matt_typ == "flode" else prognos.namn
    grundlayout(fig, f"{titel}{',' if enhet else ''}{enhet}", hojd=440)
    manadsaxel(fig)
    satt_xaxlar(fig, range=[0.5, 12.7])
    satt_yaxlar(fig, rangemode="tozero")
    satt_layout(fig, legend={"y": -0.12, "yanchor": "top"}, margin={"b": 10, "t": 20})
    vad = "ackumulerat per månad" if prognos.matt_typ == "flode" else "per månad"
    return beskriv(
        fig,
        f"{_gemen(prognos.namn)} {vad} och framskrivning till helår {prognos.ar}",
        enhet=prognos.enhet,
        nyckelserie=str(prognos.ar),
        nyckelx=prognos.till_manad,
        manader=True,
    )


def _prognosens_ar(
    fig: go.Figure, serie: pl.DataFrame, prognos: Helarsprognos, period: Period, enhet: str
) -> None:
    """A line per year (this year and the years of the pattern), each earlier year's full year
    as a marker at December."""
    ar_i_bild = sorted({k.ar for k in prognos.kvoter} | {prognos.ar})
    for ar in ar_i_bild:
        arets = arsstil(ar, prognos.ar, period.jamforelsear)
        fig.add_scatter(
            x=MANADER_1_12,
            y=_manadsvarden(serie, ar),
            name=str(ar),
            legendgroup=str(ar),
            mode="lines+markers",
            connectgaps=False,
            line=arets.linje,
            marker=arets.markor(0.8),
            customdata=list(MANADER),
            hovertemplate="%{customdata}: %{y:,.0f}" + enhet + "<extra>%{fullData.name}</extra>",
        )
    for kvot in prognos.kvoter:
        namn = f"Helår {kvot.ar}: {formatera(kvot.helar.varde, prognos.enhet)}"
        fig.add_scatter(
            x=[12],
            y=[_f(kvot.helar.varde)],
            name=namn,
            legendgroup=str(kvot.ar),
            mode="markers",
            marker={
                **arsstil(kvot.ar, prognos.ar, period.jamforelsear).markor(),
                "size": 12,
                "line": {"color": KONTUR, "width": 1},
            },
            hovertemplate=namn + "<extra></extra>",
        )


def _framskrivningen(fig: go.Figure, prognos: Helarsprognos) -> None:
    """The forecast: a dashed line from the last month to December, its range as a wedge."""
    if prognos.prognos is None or prognos.hittills is None:
        return
    valt = arsstil(prognos.ar, prognos.ar)
    m, nu = prognos.till_manad, _f(prognos.hittills.varde)
    if prognos.lag is not None and prognos.hog is not None:
        fig.add_scatter(
            x=[m, 12, 12, m],
            y=[nu, _f(prognos.hog.varde), _f(prognos.lag.varde), nu],
            name=SPANN,
            mode="lines",
            fill="toself",
            # a light fill, its edges drawn at 3:1
            fillcolor=genomskinlig(GRA, 0.25),
            line={"color": GRA, "width": 1.5},
            hoverinfo="skip",
        )
    namn = (
        f"Framskrivning {prognos.ar} (beräknad): {formatera(prognos.prognos.varde, prognos.enhet)}"
    )
    fig.add_scatter(
        x=[m, 12],
        y=[nu, _f(prognos.prognos.varde)],
        name=namn,
        mode="lines+markers",
        line={"color": valt.farg, "width": 3, "dash": "dash"},
        marker={
            "size": [0, 14],
            "symbol": "star",
            "color": valt.farg,
            "line": {"color": KONTUR, "width": 1},
        },
        hovertemplate=namn + "<extra></extra>",
    )


def _uppgifterna_vid_december(fig: go.Figure, prognos: Helarsprognos) -> None:
    """The papers' own forecast and the budget, beside December."""
    for uppgift, etikett, symbol in (
        (prognos.forvaltningens, "Förvaltningens prognos", "diamond"),
        (prognos.budget, f"Budget {prognos.ar}", "square-open"),
    ):
        if uppgift is None:
            continue
        namn = f"{etikett}: {formatera(uppgift.varde, prognos.enhet)}"
        fig.add_scatter(
            x=[12.3],
            y=[_f(uppgift.varde)],
            name=namn,
            mode="markers",
            marker={
                "color": REFERENS,
                "size": 13,
                "symbol": symbol,
                "line": {"color": REFERENS, "width": 2},
            },
            hovertemplate=namn + "<extra></extra>",
        )


def helarsjamforelse(prognos: Helarsprognos) -> go.Figure:
    """The full-year figures side by side as dots: the computed forecast with its range, the
    simple run rate, the papers' forecast, the budget and the earlier years' outcomes."""
    rader = _helarsrader(prognos)
    enhet = _ENHET[prognos.enhet]
    fig = go.Figure()
    for namn, varde, farg, symbol, spann in rader:
        fig.add_scatter(
            x=[_f(varde)],
            y=[namn],
            name=namn,
            mode="markers+text",
            marker={
                "color": farg,
                "size": 15,
                "symbol": symbol,
                # an open symbol is its outline
                "line": (
                    {"color": farg, "width": 2}
                    if symbol.endswith("-open")
                    else {"color": KONTUR, "width": 1}
                ),
            },
            text=[formatera(varde, prognos.enhet)],
            textposition="top center",
            error_x=(
                {
                    "type": "data",
                    "symmetric": False,
                    "array": [_f(spann[1])],
                    "arrayminus": [_f(spann[0])],
                    "color": GRA,
                    "thickness": 2,
                    "width": 8,
                }
                if spann
                else None
            ),
            showlegend=False,
            cliponaxis=False,
            hovertemplate="%{y}: %{x:,.0f}" + enhet + "<extra></extra>",
        )
    grundlayout(fig, "", hojd=90 + 48 * max(len(rader), 1))
    satt_xaxlar(fig, title_text=f"Helår{',' if enhet else ''}{enhet}", tickformat=",~f")
    satt_yaxlar(fig, autorange="reversed", title_text="")
    return beskriv(
        fig,
        f"{_gemen(prognos.namn)} för helår {prognos.ar}: framskrivning, prognoser, budget "
        "och tidigare års utfall",
        enhet=prognos.enhet,
        nyckelserie=rader[0][0] if rader else None,
    )


def _helarsrader(prognos: Helarsprognos) -> list[tuple[str, Decimal, str, str, tuple | None]]:
    """The dots of helarsjamforelse: (label, value, colour, symbol, range below and above)."""
    rader: list[tuple[str, Decimal, str, str, tuple | None]] = []
    valt = arsstil(prognos.ar, prognos.ar)
    if prognos.prognos is not None:
        spann = None
        if prognos.lag is not None and prognos.hog is not None:
            spann = (
                prognos.prognos.varde - prognos.lag.varde,
                prognos.hog.varde - prognos.prognos.varde,
            )
        rader.append(
            (
                f"Framskrivning {prognos.ar} (beräknad)",
                prognos.prognos.varde,
                valt.farg,
                "star",
                spann,
            )
        )
    if prognos.enkel is not None:
        rader.append(
            ("Snittet hittills × 12 (beräknat)", prognos.enkel.varde, GRA, "circle-open", None)
        )
    if prognos.forvaltningens is not None:
        rader.append(
            ("Förvaltningens prognos", prognos.forvaltningens.varde, REFERENS, "diamond", None)
        )
    if prognos.budget is not None:
        rader.append((f"Budget {prognos.ar}", prognos.budget.varde, REFERENS, "square-open", None))
    for kvot in sorted(prognos.kvoter, key=lambda k: -k.ar):
        # earlier years' outcomes, the year before as the comparison year of the other charts
        stil = arsstil(kvot.ar, prognos.ar, prognos.ar - 1)
        rader.append((f"Utfall {kvot.ar}", kvot.helar.varde, stil.farg, stil.symbol, None))
    return rader


# --- Seasonality -----------------------------------------------------------------------------


def sasongsdiagram(band: pl.DataFrame, ar: int, enhet: str, namn: str) -> go.Figure:
    """The band (lowest–highest) of the same month in earlier years and the year's months;
    months outside the band get a triangle pointing the way out.

    band: sasong.sasongsband.
    """
    suffix = _ENHET[enhet]
    fig = go.Figure()
    med_band = band.filter(pl.col("lagst").is_not_null())
    if not med_band.is_empty():
        tidigare = sorted({a for t in med_band["tidigare_ar"].to_list() for a in t.split(", ")})
        bandnamn = (
            f"Spann {tidigare[0]}–{tidigare[-1]}" if len(tidigare) > 1 else (f"Värde {tidigare[0]}")
        )
        bandnamn += " (lägsta–högsta samma månad)"
        # the band's edges are lines of 3:1; its fill may stay light
        fig.add_scatter(
            x=med_band["manad"].to_list(),
            y=med_band["lagst"].to_list(),
            mode="lines",
            line={"color": GRA, "width": 1.5},
            showlegend=False,
            hoverinfo="skip",
            name="Lägsta",
        )
        fig.add_scatter(
            x=med_band["manad"].to_list(),
            y=med_band["hogst"].to_list(),
            mode="lines",
            line={"color": GRA, "width": 1.5},
            fill="tonexty",
            fillcolor=genomskinlig(GRA, 0.3),
            name=bandnamn,
            customdata=list(
                zip(
                    [MANADER[m - 1] for m in med_band["manad"].to_list()],
                    [formatera(v, enhet) for v in med_band["lagst"].to_list()],
                    med_band["tidigare_ar"].to_list(),
                )
            ),
            hovertemplate=(
                "%{customdata[0]}: %{customdata[1]}–%{y:,.0f}"
                + suffix
                + " (%{customdata[2]})<extra></extra>"
            ),
        )
    symboler = {LAGE_OVER: "triangle-up", LAGE_UNDER: "triangle-down"}
    lagen = dict(zip(band["manad"].to_list(), band["lage"].to_list()))
    arets = arsstil(ar, ar)
    fig.add_scatter(
        x=MANADER_1_12,
        y=_manadsvarden(band.select(pl.lit(ar).alias("ar"), "manad", "varde"), ar),
        name=f"{ar}",
        mode="lines+markers",
        connectgaps=False,
        line=arets.linje,
        marker={
            "size": [14 if lagen.get(m) in symboler else 8 for m in MANADER_1_12],
            "symbol": [symboler.get(lagen.get(m), "circle") for m in MANADER_1_12],
            "color": arets.farg,
        },
        customdata=[[MANADER[m - 1], lagen.get(m) or "ingen jämförelse"] for m in MANADER_1_12],
        hovertemplate="%{customdata[0]}: %{y:,.0f}" + suffix + ", %{customdata[1]}"
        "<extra>%{fullData.name}</extra>",
    )
    grundlayout(fig, f"{namn}{',' if suffix else ''}{suffix}", hojd=380)
    manadsaxel(fig)
    return beskriv(
        fig,
        f"{_gemen(namn)}{'' if 'per månad' in namn else ' per månad'} {ar} mot spannet för "
        "samma månad tidigare år",
        enhet=enhet,
        nyckelserie=f"{ar}",
        manader=True,
    )


# --- Volume and amount -----------------------------------------------------------------------


def volymdiagram(uppdelning: Uppdelning) -> go.Figure:
    """A bridge from the comparison year's cost to this year's: the part from more or fewer
    households and the part from the cost per household (both computed)."""
    u = uppdelning
    steg = [
        (f"Kostnad<br>{u.jamforelsear}", "absolute", u.kostnad_jmf.varde),
        (
            "Färre hushåll<br>(beräknat)" if u.volym.varde < 0 else "Fler hushåll<br>(beräknat)",
            "relative",
            u.volym.varde,
        ),
        (
            "Lägre kostnad per<br>hushåll (beräknat)"
            if u.belopp.varde < 0
            else "Högre kostnad per<br>hushåll (beräknat)",
            "relative",
            u.belopp.varde,
        ),
        (f"Kostnad<br>{u.ar}", "total", u.kostnad.varde),
    ]
    fig = go.Figure()
    fig.add_waterfall(
        x=[s[0] for s in steg],
        y=[_f(s[2]) for s in steg],
        measure=[s[1] for s in steg],
        name=f"Nettokostnad {u.rubrik}",
        text=[formatera(s[2], "tkr") for s in steg],
        textposition="outside",
        textfont={"size": 14},
        cliponaxis=False,
        increasing={"marker": {"color": NEGATIV}},  # a higher cost is the undesired way
        decreasing={"marker": {"color": POSITIV}},
        totals={"marker": {"color": BAS_FARG}},
        connector={"line": {"color": GRA, "width": 1}},
        customdata=[x[0].replace("<br>", " ") for x in steg],
        hovertemplate="%{customdata}: %{y:,.0f} tkr<extra></extra>",
    )
    grundlayout(fig, "tkr", hojd=380)
    lagst = min(u.kostnad.varde, u.kostnad_jmf.varde, u.kostnad_jmf.varde + u.volym.varde)
    hogst = max(u.kostnad.varde, u.kostnad_jmf.varde, u.kostnad_jmf.varde + u.volym.varde)
    marginal = (hogst - lagst) * Decimal("0.6") or Decimal(1)
    # The bars start above zero on purpose: the parts are small against the total. The axis
    # title says so.
    satt_yaxlar(
        fig,
        range=[_f(lagst - marginal), _f(hogst + marginal)],
        title_text="tkr (axeln börjar inte på 0)",
    )
    satt_xaxlar(fig, tickangle=0)
    satt_layout(fig, showlegend=False, uniformtext={"minsize": 12, "mode": "show"})
    return beskriv(
        fig,
        f"nettokostnaden {u.rubrik} från {u.jamforelsear} till {u.ar}, uppdelad på antalet "
        "hushåll och kostnaden per hushåll (beräknat)",
        enhet="tkr",
    )


# --- What it takes to reach a target ---------------------------------------------------------


def maltaktdiagram(takt: Maltakt) -> go.Figure:
    """The year's figures so far, the pace so far carried to December (dashed), the path that
    just reaches the target (dotted) and the target itself."""
    suffix = _ENHET[takt.enhet]
    fig = go.Figure()
    # twelve months with None where the papers give nothing: a line joins only neighbours
    per_manad = dict(takt.punkter)
    arets = arsstil(takt.ar, takt.ar)
    fig.add_scatter(
        x=MANADER_1_12,
        y=[_f(per_manad.get(m)) for m in MANADER_1_12],
        name=f"{takt.ar}",
        mode="lines+markers",
        connectgaps=False,
        line=arets.linje,
        marker=arets.markor(1.1),
        customdata=list(MANADER),
        hovertemplate="%{customdata}: %{y:,.1~f}" + suffix + "<extra>%{fullData.name}</extra>",
    )
    if takt.nuvarande is not None and takt.manad is not None and takt.kvar_manader:
        nu = _f(takt.nuvarande.varde)
        if takt.vid_arets_slut is not None:
            namn = f"Takten hittills (beräknad): {formatera(takt.vid_arets_slut.varde, takt.enhet)}"
            fig.add_scatter(
                x=[takt.manad, 12],
                y=[nu, _f(takt.vid_arets_slut.varde)],
                name=namn,
                mode="lines+markers",
                line={"color": arets.farg, "dash": "dash", "width": 2},
                marker={"size": [0, 10]},
                hovertemplate=namn + "<extra></extra>",
            )
        if takt.malvarde is not None:
            fig.add_scatter(
                x=[takt.manad, 12],
                y=[nu, _f(takt.malvarde)],
                name="Bana som precis når målet (beräknad)",
                mode="lines",
                line={"color": REFERENS, "dash": "dot", "width": 2},
                hovertemplate="Bana som precis når målet<extra></extra>",
            )
    if takt.malvarde is not None:
        namn = f"{takt.mal_text.capitalize()}"
        fig.add_scatter(
            x=[0.5, 12.5],
            y=[_f(takt.malvarde)] * 2,
            name=namn,
            mode="lines",
            line={"color": REFERENS, "width": 2, "dash": "longdash"},
            hovertemplate=namn + "<extra></extra>",
        )
    grundlayout(
        fig, {"tkr": "tkr", "kr": "kr", "procent": "%", "antal": "Antal"}[takt.enhet], hojd=340
    )
    manadsaxel(fig)
    satt_layout(fig, legend={"y": -0.15, "yanchor": "top"})
    return beskriv(
        fig,
        f"{_gemen(takt.namn)} {takt.ar} hittills, takten till årets slut och målet "
        f"({takt.mal_text})",
        enhet=takt.enhet,
        nyckelserie=f"{takt.ar}",
        manader=True,
    )


# --- Projector -------------------------------------------------------------------------------


def for_projektor(fig: go.Figure, storlek: int = 20, hojd: int = 520) -> go.Figure:
    """Larger type and a taller plot for the meeting room's projector (what the chart shows,
    layout.meta, stays: the merge leaves it alone)."""
    satt_layout(
        fig,
        font={"size": storlek},
        height=hojd,
        hoverlabel={"font": {"size": storlek}},
        legend={"font": {"size": storlek}},
    )
    # labels in the plot ('Vald period', 'Mål') set their own, smaller size
    for anteckning in fig.layout.annotations:
        anteckning.font.size = storlek
    return fig
