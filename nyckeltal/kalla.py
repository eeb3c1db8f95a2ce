"""Source lines: every figure shown names its document, date, diarienummer and section."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Kalla:
    dokument: str
    datum: object  # datetime.date or None (an undated web page)
    diarienummer: str | None
    avsnitt: str

    def __str__(self) -> str:
        delar = [self.dokument]
        if self.datum is not None:
            delar.append(str(self.datum))
        if self.diarienummer:
            delar.append(f"Dnr {self.diarienummer}")
        delar.append(f"avsnitt {self.avsnitt}")
        return ", ".join(delar)


def kalltext(df: pl.DataFrame) -> str:
    """The distinct sources of a query result (columns dokument, datum, diarienummer,
    avsnitt), in order of first appearance, as one line."""
    kallor: list[Kalla] = []
    for rad in df.select("dokument", "datum", "diarienummer", "avsnitt").iter_rows():
        kalla = Kalla(*rad)
        if kalla not in kallor:
            kallor.append(kalla)
    return "; ".join(str(k) for k in kallor) if kallor else "uppgift saknas"
