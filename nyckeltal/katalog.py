"""The municipality's own indicators: the ids of data/indikatorer.csv, per area.

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
OMRADEN = {
    "bistand": "Ekonomiskt bistånd",
    "flykting": "Flyktingmottagning",
    "arbetsmarknad": "Arbetsmarknad",
    "ekonomi": "Ekonomi",
}


@functools.lru_cache(maxsize=4)
def _las(fil: str, version: tuple[int, int]) -> tuple[tuple[str, str], ...]:
    # version (mtime, size) is only the cache key: an edited file is read again
    with open(fil, encoding="utf-8-sig", newline="") as handtag:
        return tuple((rad["indikator_id"], rad["omrade"]) for rad in csv.DictReader(handtag))


def egna_indikatorer(omrade: str | None = None, data: Path | None = None) -> list[str]:
    """The ids of data/indikatorer.csv in the file's order, or of one area's indicators."""
    fil = (data or sokvagar.DATA) / "indikatorer.csv"
    stat = fil.stat()
    return [
        indikator
        for indikator, omradet in _las(str(fil), (stat.st_mtime_ns, stat.st_size))
        if omrade is None or omradet == omrade
    ]
