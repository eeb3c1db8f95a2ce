"""The write: an import, all or nothing, with its audit log, and the undo of the latest
import. Both are a rebuild (nyckeltal.bygg): a new database file with the change in it,
verified, the old file backed up, then moved into place. An import is checked once more
inside the rebuild, against exactly the state it is laid on."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from nyckeltal import bygg, sokvagar
from nyckeltal.db import Databas, fraga_pa
from nyckeltal.importera.fil import indikatorer_i
from nyckeltal.importera.filformat import FORMELTECKEN, Kallnyckel
from nyckeltal.importera.granskning import (
    Forandring,
    Forhandsgranskning,
    forhandsgranska,
    granska_fil,
)
from nyckeltal.importera.klocka import nu
from nyckeltal.importera.meddelanden import ImportFel
from nyckeltal.importera.referens import Referens
from nyckeltal.inlasning import Fel

# The rows of importerade_varden one import writes: its new and changed values.
_IMPORTERADE_VARDEN = {
    "import_id": pl.Int32,
    "rad": pl.Int32,
    "indikator_id": pl.String,
    "ar": pl.Int32,
    "periodtyp": pl.String,
    "manad": pl.Int32,
    "dimension": pl.String,
    "varde": pl.Decimal(18, 2),
    "kalla_id": pl.String,
    "avsnitt": pl.String,
    "anmarkning": pl.String,
    "tidigare_varde": pl.Decimal(18, 2),
    "andring": pl.String,
}


def kontrollera_vem(vem: str) -> str:
    vem = (vem or "").strip()
    if not vem:
        raise ImportFel([Fel("inloggningen", None, None, "ett namn krävs för importloggen.")])
    if len(vem) > 80 or vem[0] in FORMELTECKEN:
        raise ImportFel(
            [
                Fel(
                    "inloggningen",
                    None,
                    None,
                    "namnet får vara högst 80 tecken och inte börja med =, +, - eller @.",
                )
            ]
        )
    return vem


@dataclass(frozen=True)
class Importresultat:
    import_id: int
    granskning: Forhandsgranskning


def _ingen_andring(granskning: Forhandsgranskning) -> None:
    if granskning.nya or granskning.andrade:
        return
    antal = len(granskning.oforandrade)
    raderna = "raden" if antal == 1 else f"alla {antal} raderna"
    raise ImportFel(
        [
            Fel(
                granskning.filnamn,
                None,
                None,
                f"filen ändrar ingenting: {raderna} finns redan med samma värde och källa. "
                "Det finns inget att läsa in.",
            )
        ]
    )


def _importerade_varden(
    import_id: int, skrivna: list[Forandring], kalla_id: dict[Kallnyckel, str]
) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "import_id": [import_id] * len(skrivna),
            "rad": [f.rad.rad for f in skrivna],
            "indikator_id": [f.rad.indikator_id for f in skrivna],
            "ar": [f.rad.ar for f in skrivna],
            "periodtyp": [f.rad.periodtyp for f in skrivna],
            "manad": [f.rad.manad for f in skrivna],
            "dimension": [f.rad.dimension for f in skrivna],
            "varde": [f.rad.varde for f in skrivna],
            "kalla_id": [kalla_id[f.rad.kalla] for f in skrivna],
            "avsnitt": [f.rad.kalla_avsnitt for f in skrivna],
            "anmarkning": [f.rad.anmarkning for f in skrivna],
            "tidigare_varde": [f.tidigare.varde if f.tidigare else None for f in skrivna],
            "andring": [f.andring for f in skrivna],
        },
        schema=_IMPORTERADE_VARDEN,
    )


class _Import(bygg.Andring):
    def __init__(self, innehall: bytes, filnamn: str, vem: str, dag: dt.date | None):
        self.innehall, self.filnamn, self.vem, self.dag = innehall, Path(filnamn).name, vem, dag
        self.resultat: Importresultat | None = None

    def efter_aterspelning(self, con: duckdb.DuckDBPyConnection) -> None:
        # checked again against exactly the state the import is laid on
        ref = Referens.hamta(
            functools.partial(fraga_pa, con), indikatorer_i(self.innehall, self.filnamn)
        )
        granskning = granska_fil(self.innehall, self.filnamn, ref, self.dag)
        _ingen_andring(granskning)
        import_id = con.execute("select coalesce(max(import_id), 0) + 1 from importer").fetchall()[
            0
        ][0]
        kalla_id = dict(ref.kallor)
        for nummer, kalla in enumerate(granskning.nya_kallor, 1):
            kalla_id[kalla] = f"import_{import_id}_{nummer}"
        self._skriv_loggen(con, import_id, granskning)
        self._skriv_kallorna(con, import_id, granskning.nya_kallor, kalla_id)
        skrivna = [f for f in granskning.forandringar if f.andring != "oförändrad"]
        con.register("nya_rader", _importerade_varden(import_id, skrivna, kalla_id))
        try:
            con.execute("insert into importerade_varden by name select * from nya_rader")
        finally:
            con.unregister("nya_rader")
        bygg.lagg_pa(con, import_id, self.filnamn)
        self.resultat = Importresultat(import_id, granskning)

    def _skriv_loggen(
        self, con: duckdb.DuckDBPyConnection, import_id: int, granskning: Forhandsgranskning
    ) -> None:
        con.execute(
            "insert into importer (import_id, vem, nar, filnamn, sha256, rader_nya, "
            "rader_andrade, rader_oforandrade, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'aktiv')",
            [
                import_id,
                self.vem,
                nu(),
                self.filnamn,
                granskning.sha256,
                len(granskning.nya),
                len(granskning.andrade),
                len(granskning.oforandrade),
            ],
        )

    def _skriv_kallorna(
        self,
        con: duckdb.DuckDBPyConnection,
        import_id: int,
        nya_kallor: tuple[Kallnyckel, ...],
        kalla_id: dict[Kallnyckel, str],
    ) -> None:
        for dokument, datum, diarienummer in nya_kallor:
            con.execute(
                "insert into importerade_kallor values (?, ?, ?, ?, ?, 'Importerad fil', ?, ?)",
                [
                    import_id,
                    kalla_id[(dokument, datum, diarienummer)],
                    dokument,
                    datum,
                    diarienummer,
                    self.filnamn,
                    f"Skapad av import {import_id} ({self.vem}).",
                ],
            )

    def verifiera(self, con: duckdb.DuckDBPyConnection) -> None:
        import_id = self.resultat.import_id
        saknas = con.execute(
            """
            select count(*)
            from importerade_varden
            left join varden
                on importerade_varden.indikator_id = varden.indikator_id
                and importerade_varden.ar = varden.ar
                and importerade_varden.periodtyp = varden.periodtyp
                and importerade_varden.manad = varden.manad
                and importerade_varden.dimension = varden.dimension
            where importerade_varden.import_id = ?
                and (varden.varde is distinct from importerade_varden.varde
                     or varden.kalla_id is distinct from importerade_varden.kalla_id)
            """,
            [import_id],
        ).fetchall()[0][0]
        status = con.execute(
            "select status from importer where import_id = ?", [import_id]
        ).fetchall()
        if saknas or status != [("aktiv",)]:
            raise RuntimeError(f"import {import_id} finns inte i den nya databasen")


def importera(
    innehall: bytes,
    filnamn: str,
    vem: str,
    *,
    databas: Databas | None = None,
    fil: Path | None = None,
    data: Path | None = None,
    dag: dt.date | None = None,
) -> Importresultat:
    """Import a file, all or nothing. Raises ImportFel (nothing written) or bygg.UpptagenFel
    ("En annan import pågår …") when another write is running."""
    vem = kontrollera_vem(vem)
    fil = fil or sokvagar.databasfil()
    # fail fast, without taking the lock, on a file that cannot be imported
    _ingen_andring(forhandsgranska(innehall, filnamn, databas=databas, fil=fil, data=data, dag=dag))
    andring = _Import(innehall, filnamn, vem, dag)
    bygg.bygg(fil, data, andring=andring, vanta=0)
    return andring.resultat


class _Angring(bygg.Andring):
    def __init__(self, vem: str, import_id: int | None):
        self.vem, self.import_id = vem, import_id
        self.angrad: tuple[int, str] | None = None

    def fore_aterspelning(self, con: duckdb.DuckDBPyConnection) -> None:
        senaste = con.execute(
            "select import_id, filnamn from importer where status = 'aktiv' "
            "order by import_id desc limit 1"
        ).fetchall()
        if not senaste:
            raise ImportFel([Fel("importloggen", None, None, "det finns ingen import att ångra.")])
        import_id, filnamn = senaste[0]
        if self.import_id is not None and self.import_id != import_id:
            raise ImportFel(
                [
                    Fel(
                        "importloggen",
                        None,
                        None,
                        f"import {self.import_id} är inte längre den senaste (det är "
                        f"import {import_id}, {filnamn}); ladda om sidan.",
                    )
                ]
            )
        con.execute(
            "update importer set status = 'angrad', angrad_av = ?, angrad_nar = ? "
            "where import_id = ?",
            [self.vem, nu(), import_id],
        )
        self.angrad = (import_id, filnamn)

    def verifiera(self, con: duckdb.DuckDBPyConnection) -> None:
        status = con.execute(
            "select status from importer where import_id = ?", [self.angrad[0]]
        ).fetchall()
        if status != [("angrad",)]:
            raise RuntimeError(f"import {self.angrad[0]} är inte ångrad i den nya databasen")


def angra_senaste(
    vem: str, *, import_id: int | None = None, fil: Path | None = None, data: Path | None = None
) -> tuple[int, str]:
    """Undo the latest import still in effect (import_id: refuse if it is no longer the
    latest). Returns (import_id, file name). The database is rebuilt without it."""
    andring = _Angring(kontrollera_vem(vem), import_id)
    bygg.bygg(fil, data, andring=andring, vanta=0)
    return andring.angrad
