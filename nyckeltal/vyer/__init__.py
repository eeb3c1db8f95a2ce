"""What each page shows, built without Streamlit: one module per page, each with a function
bygg(fraga, period, ...) that returns frozen dataclasses (its cards, Diagram objects, texts).

fraga is the query function: fraga("sql-file name", **bound parameters) -> Polars frame. The
page passes sidor._delat.fraga (cached per database version); a test passes a plain
Databas's fraga. The page script only lays out and shows what bygg returned, and the cache
(sidor._delat.vy) shares the result between sessions, so nothing in it can be changed:
dataclasses are frozen, lists are tuples, mappings read-only, figures frozen (Diagram).
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

Fraga = Callable[..., pl.DataFrame]
