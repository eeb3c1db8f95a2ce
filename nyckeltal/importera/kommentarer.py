"""Staff's comments on an indicator's month: written, replaced or removed through the same
rebuild as an import (nyckeltal.bygg), so a comment survives every later rebuild."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from nyckeltal import bygg
from nyckeltal.format import manadsnamn
from nyckeltal.importera.filformat import FORMELTECKEN, MAX_TECKEN_KOMMENTAR
from nyckeltal.importera.klocka import idag, nu
from nyckeltal.importera.meddelanden import ImportFel, forkorta
from nyckeltal.importera.skrivning import kontrollera_vem
from nyckeltal.inlasning import Fel


class _Kommentar(bygg.Andring):
    def __init__(self, indikator_id: str, ar: int, manad: int, text: str | None, vem: str):
        self.nyckel = (indikator_id, ar, manad)
        self.text, self.vem = text, vem

    def fore_aterspelning(self, con: duckdb.DuckDBPyConnection) -> None:
        if not con.execute(
            "select count(*) from indikatorer where indikator_id = ?", [self.nyckel[0]]
        ).fetchall()[0][0]:
            raise ImportFel(
                [
                    Fel(
                        "kommentaren",
                        None,
                        "indikator_id",
                        f"okänd indikator '{forkorta(self.nyckel[0])}'.",
                    )
                ]
            )
        con.execute(
            "delete from kommentarer where indikator_id = ? and ar = ? and manad = ?",
            list(self.nyckel),
        )
        if self.text is not None:
            con.execute(
                "insert into kommentarer values (?, ?, ?, ?, ?, ?)",
                [*self.nyckel, self.text, self.vem, nu()],
            )

    def verifiera(self, con: duckdb.DuckDBPyConnection) -> None:
        texter = con.execute(
            "select text from kommentarer where indikator_id = ? and ar = ? and manad = ?",
            list(self.nyckel),
        ).fetchall()
        if texter != ([(self.text,)] if self.text is not None else []):
            raise RuntimeError("kommentaren finns inte som den skrevs i den nya databasen")


def spara_kommentar(
    indikator_id: str,
    ar: int,
    manad: int,
    text: str | None,
    vem: str,
    *,
    fil: Path | None = None,
    data: Path | None = None,
    dag: dt.date | None = None,
) -> None:
    """Write (or with text None or empty, remove) the comment on an indicator's month."""
    vem = kontrollera_vem(vem)
    dag = dag or idag()
    text = (text or "").strip() or None
    fel = _manadens_fel(ar, manad, dag) + _textens_fel(text)
    if fel:
        raise ImportFel(fel)
    bygg.bygg(fil, data, andring=_Kommentar(indikator_id, ar, manad, text, vem), vanta=10)


def _manadens_fel(ar: int, manad: int, dag: dt.date) -> list[Fel]:
    """A year within 2000–2100 and a month 1–12, not after this month."""
    if not (isinstance(ar, int) and 2000 <= ar <= 2100):
        return [Fel("kommentaren", None, "ar", f"året {ar} ligger utanför 2000–2100.")]
    if not (isinstance(manad, int) and 1 <= manad <= 12):
        return [Fel("kommentaren", None, "manad", f"{manad} är ingen månad (1–12).")]
    if (ar, manad) > (dag.year, dag.month):
        return [Fel("kommentaren", None, "manad", f"{manadsnamn(manad)} {ar} ligger i framtiden.")]
    return []


def _textens_fel(text: str | None) -> list[Fel]:
    if text is None:
        return []
    if text[0] in FORMELTECKEN:
        return [
            Fel(
                "kommentaren",
                None,
                "text",
                f"texten börjar med '{text[0]}' och kan köras som en formel i Excel "
                "(formelinjektion); ta bort tecknet.",
            )
        ]
    if len(text) > MAX_TECKEN_KOMMENTAR:
        return [
            Fel(
                "kommentaren",
                None,
                "text",
                f"texten har {len(text)} tecken; högst {MAX_TECKEN_KOMMENTAR}.",
            )
        ]
    return []
