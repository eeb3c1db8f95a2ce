"""Seasonality: each month of the year against the range the same month had in earlier years,
and that comparison in words.
"""

from __future__ import annotations

import polars as pl

from nyckeltal.format import UPPGIFT_SAKNAS, manadsnamn
from nyckeltal.totaler import Totaler

LAGE_OVER, LAGE_UNDER, LAGE_INOM = "över spannet", "under spannet", "inom spannet"


def sasongsband(tot: Totaler, indikator: str, ar: int) -> pl.DataFrame:
    """Each month of the year against the band (lowest–highest) of the same month in earlier
    years. One row per month that has a value in the year or in an earlier year; lage is
    null where either side is missing."""
    tidigare = [a for a in tot.ar_med(indikator) if a < ar]
    per_ar = {a: tot.manader(indikator, a) for a in tidigare}
    i_ar = tot.manader(indikator, ar)
    rader = []
    for manad in range(1, 13):
        varden = {a: v[manad] for a, v in per_ar.items() if manad in v}
        nu = i_ar.get(manad)
        if not varden and nu is None:
            continue
        lagst = min(varden.values()) if varden else None
        hogst = max(varden.values()) if varden else None
        lage = None
        if nu is not None and varden:
            lage = LAGE_OVER if nu > hogst else LAGE_UNDER if nu < lagst else LAGE_INOM
        rader.append(
            {
                "manad": manad,
                "lagst": None if lagst is None else float(lagst),
                "hogst": None if hogst is None else float(hogst),
                "antal_ar": len(varden),
                "tidigare_ar": ", ".join(str(a) for a in sorted(varden)),
                "varde": None if nu is None else float(nu),
                "lage": lage,
            }
        )
    return pl.DataFrame(
        rader,
        schema={
            "manad": pl.Int32,
            "lagst": pl.Float64,
            "hogst": pl.Float64,
            "antal_ar": pl.Int32,
            "tidigare_ar": pl.String,
            "varde": pl.Float64,
            "lage": pl.String,
        },
        orient="row",
    )


def sasongstext(band: pl.DataFrame, ar: int, enhet: str) -> str:
    """'Av 9 månader med jämförelse låg 2 över spannet (mars, juni) …' in plain words."""
    jamforda = band.filter(pl.col("lage").is_not_null())
    if jamforda.is_empty():
        return f"Inga månader {ar} kan jämföras med samma månad tidigare år: {UPPGIFT_SAKNAS}."
    delar = []
    for lage in (LAGE_OVER, LAGE_UNDER):
        manader = jamforda.filter(pl.col("lage") == lage)["manad"].to_list()
        if manader:
            delar.append(f"{len(manader)} {lage} ({', '.join(manadsnamn(m) for m in manader)})")
    inom = jamforda.filter(pl.col("lage") == LAGE_INOM).height
    antal_ar = sorted(set(band["antal_ar"].to_list()) - {0})
    ar_text = " eller ".join(str(a) for a in antal_ar)
    return (
        f"Av {jamforda.height} månader {ar} som kan jämföras låg {inom} inom spannet"
        + ("" if not delar else ", " + " och ".join(delar))
        + f". Spannet för varje månad är lägsta–högsta värdet samma månad tidigare år "
        f"({ar_text} år); med så få år är det ett smalt mått på normal variation."
    )
