"""The staff's comments under a row of KPI cards (written on the page Administration)."""

from __future__ import annotations

from nyckeltal.perioder import Period
from nyckeltal.vyer import Fraga


def kortens_kommentarer(
    fraga: Fraga, kort: tuple[tuple[str, Period], ...]
) -> tuple[tuple[tuple, ...], ...]:
    """Per (indicator, period) of a card: (indicator name, month, year, text) of the comments
    on its months. A comment is a write, so a new database version: never stale."""
    return tuple(
        tuple(
            fraga(
                "kommentarer_for_period",
                indikator=indikator_id,
                ar=period.ar,
                fran_manad=period.fran_manad,
                till_manad=period.till_manad,
            )
            .select("namn", "manad", "ar", "text")
            .rows()
        )
        for indikator_id, period in kort
    )
