"""A whole file to checked rows: its cells and header, every row, then the checks across rows.
Every problem is collected before the file is refused, sorted by row and column."""

import datetime as dt
from pathlib import Path

from nyckeltal.importera.fil import celler, las_rubrik, tom
from nyckeltal.importera.filformat import KOLUMNER, VALFRIA_KOLUMNER
from nyckeltal.importera.klocka import idag
from nyckeltal.importera.kontroller import kontrollera_helheten
from nyckeltal.importera.meddelanden import ImportFel
from nyckeltal.importera.rader import ImportRad, tolka_rad
from nyckeltal.importera.referens import Referens
from nyckeltal.inlasning import Fel


def tolka(
    innehall: bytes, filnamn: str, ref: Referens, dag: dt.date | None = None
) -> list[ImportRad]:
    """Every row of a CSV or Excel file, checked; ImportFel names each bad row and column."""
    filnamn = Path(filnamn).name
    dag = dag or idag()
    tabell = celler(innehall, filnamn)
    icke_tomma = [
        (nr, rad) for nr, rad in enumerate(tabell.rader, 1) if any(c.strip() for c in rad)
    ]
    if not icke_tomma:
        raise tom(tabell, filnamn)
    (rubriknr, rubrik), *data = icke_tomma
    if rubriknr != 1:
        raise ImportFel([Fel(filnamn, 1, None, "rad 1 ska vara rubrikraden (se mallen).")])
    index = las_rubrik(rubrik, filnamn)
    if not data:
        raise ImportFel(
            [Fel(filnamn, None, None, f"{tabell.vad()} har bara en rubrikrad och inga värden.")]
        )
    rader, fel = [], []
    for radnr, radens_celler in data:
        rad, radfel = tolka_rad(radnr, radens_celler, index, ref, dag, filnamn)
        fel.extend(radfel)
        if rad is not None:
            rader.append(rad)
    if not fel:
        fel = kontrollera_helheten(rader, ref, filnamn)
    if fel:
        ordning = {k: i for i, k in enumerate(KOLUMNER + VALFRIA_KOLUMNER)}
        raise ImportFel(sorted(fel, key=lambda f: (f.rad or 0, ordning.get(f.kolumn, -1))))
    return rader
