"""The analysis charts as Diagram, with their tables: the forecast, the pace to a target, the
seasonal band and the volume/amount split. The page Analys och prognos and the report show the
same charts; each passes its own key, heading and (the report) written alternative text."""

from __future__ import annotations

import polars as pl

from nyckeltal import framskrivning, maltakt, totaler, volymanalys
from nyckeltal.figurer import analys as figurer
from nyckeltal.perioder import Period
from nyckeltal.vyer.diagram import Diagram

SASONGSRUBRIKER = {
    "manad": "Månad",
    "lagst": "Lägsta tidigare år",
    "hogst": "Högsta tidigare år",
    "antal_ar": "Antal tidigare år",
    "tidigare_ar": "Tidigare år",
    "lage": "Läge",
}
VOLYMRUBRIKER = {
    "period": "Period",
    "uppgift": "Uppgift",
    "varde": "Värde",
    "enhet": "Enhet",
    "harledning": "Härledning",
}


def prognosdiagram(
    tot: totaler.Totaler,
    helar: framskrivning.Helarsprognos,
    period: Period,
    *,
    kalla: str,
    nyckel: str,
    rubrik: str,
    alt: str = "",
) -> Diagram:
    """The series accumulated month by month, this year and the earlier years of the pattern,
    written forward to December (a Helarsprognos with a forecast)."""
    serie = totaler.diagramserie(tot, helar.indikator_id, period.ar)
    tabell = serie.pivot(on="ar", index="manad", values="varde", sort_columns=True).sort("manad")
    ar_kolumner = [k for k in tabell.columns if k != "manad"]
    return Diagram(
        figurer.prognosdiagram(serie, helar, period),
        tabell,
        kalla,
        nyckel,
        enheter={"manad": "manad", **dict.fromkeys(ar_kolumner, helar.enhet)},
        # short headers: a data grid cuts long ones
        rubriker={
            "manad": "Månad",
            **{k: f"{k}, ackumulerat ({helar.enhet})" for k in ar_kolumner},
        },
        rubrik=rubrik,
        alt=alt,
    )


def maltaktdiagram(
    takt: maltakt.Maltakt, *, kalla: str, nyckel: str, rubrik: str, alt: str = ""
) -> Diagram:
    """The year's figures so far towards a target, the pace carried to December and the
    target."""
    tabell = pl.DataFrame(
        {"manad": [m for m, _ in takt.punkter], "varde": [float(v) for _, v in takt.punkter]},
        schema={"manad": pl.Int32, "varde": pl.Float64},
    )
    return Diagram(
        figurer.maltaktdiagram(takt),
        tabell,
        kalla,
        nyckel,
        enheter={"manad": "manad", "varde": takt.enhet},
        rubriker={"manad": "Månad", "varde": f"{takt.namn} {takt.ar}"},
        rubrik=rubrik,
        alt=alt,
    )


def sasongsdiagram(
    band: pl.DataFrame,
    ar: int,
    enhet: str,
    namn: str,
    *,
    kalla: str,
    nyckel: str,
    rubrik: str,
    alt: str = "",
) -> Diagram:
    """The year's months against the span of earlier years (sasong.sasongsband)."""
    return Diagram(
        figurer.sasongsdiagram(band, ar, enhet, namn),
        band,
        kalla,
        nyckel,
        enheter={"manad": "manad", "lagst": enhet, "hogst": enhet, "varde": enhet},
        rubriker={**SASONGSRUBRIKER, "varde": str(ar)},
        rubrik=rubrik,
        alt=alt,
    )


def volymdiagram(
    uppdelning: volymanalys.Uppdelning, *, kalla: str, nyckel: str, rubrik: str, alt: str = ""
) -> Diagram:
    """A cost change split into the number of households and the amount per household."""
    return Diagram(
        figurer.volymdiagram(uppdelning),
        volymanalys.volymtabell(volymanalys.Volymanalys((uppdelning,), ())),
        kalla,
        nyckel,
        enheter={"varde": "antal"},  # the unit is the column Enhet
        rubriker=VOLYMRUBRIKER,
        rubrik=rubrik,
        alt=alt,
    )
