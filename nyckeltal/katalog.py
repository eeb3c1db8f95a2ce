"""The municipality's own indicators (the ids of data/indikatorer.csv, per area), the areas'
names, and which indicators each area and the overview show as key figures (data/kort.csv).

A query that could answer for every indicator in the database takes the indicators it should
answer for as the bound list $indikatorer, and a page passes the ones it shows. A page about
all of them (Källor och kvalitet, the report, Administration) passes this list, as a version
for many municipalities would pass its municipality: the schema has no municipality column,
and the benchmark (bench/skala.py) models other municipalities as copies of every indicator.
The database is built from the same file and rebuilt when it changes (nyckeltal.bygg), so the
list and the database agree.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from nyckeltal import sokvagar

# The areas in the schema's order (sql/schema.sql, indikatorer.omrade), with the pages' names.
OMRADESNAMN = {
    "bistand": "Ekonomiskt bistånd",
    "flykting": "Flyktingmottagning",
    "arbetsmarknad": "Arbetsmarknad",
    "ekonomi": "Ekonomi",
}


# The key figures of the overview: the page Översikt and the presentation's first slides.
OVERSIKT = "oversikt"


@functools.lru_cache(maxsize=8)
def _las(fil: str, kolumner: tuple[str, str], version: tuple[int, int]) -> tuple[tuple, ...]:
    # version (mtime, size) is only the cache key: an edited file is read again
    with open(fil, encoding="utf-8-sig", newline="") as handtag:
        return tuple(tuple(rad[k] for k in kolumner) for rad in csv.DictReader(handtag))


def _rader(filnamn: str, kolumner: tuple[str, str], data: Path | None) -> tuple[tuple, ...]:
    fil = (data or sokvagar.DATA) / filnamn
    stat = fil.stat()
    return _las(str(fil), kolumner, (stat.st_mtime_ns, stat.st_size))


def egna_indikatorer(omrade: str | None = None, data: Path | None = None) -> list[str]:
    """The ids of data/indikatorer.csv in the file's order, or of one area's indicators."""
    return [
        indikator
        for indikator, omradet in _rader("indikatorer.csv", ("indikator_id", "omrade"), data)
        if omrade is None or omradet == omrade
    ]


def kort(visning: str, data: Path | None = None) -> tuple[str, ...]:
    """The indicators shown as key figures (KPI cards) of the overview (OVERSIKT) or of an
    area, in data/kort.csv's order. An area's key figures are its page's cards, the figures of
    its part of the summary and the report, and its cards in the presentation."""
    if visning != OVERSIKT and visning not in OMRADESNAMN:
        raise KeyError(f"{visning!r} är varken {OVERSIKT!r} eller ett område i OMRADESNAMN")
    return tuple(
        indikator
        for visningen, indikator in _rader("kort.csv", ("visning", "indikator_id"), data)
        if visningen == visning
    )


def omradenas_kort(data: Path | None = None) -> tuple[str, ...]:
    """Every area's key figures, area by area (the report's table of key figures)."""
    return tuple(i for omrade in OMRADESNAMN for i in kort(omrade, data))
