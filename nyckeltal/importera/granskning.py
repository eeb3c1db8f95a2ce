"""The preview: each checked row against what is stored (new, changed or unchanged), the new
source documents, and for a follow-up report what was not read and its reconciliations. It
writes nothing; the import (skrivning) runs the same check again inside its write."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from nyckeltal import bygg
from nyckeltal.avstamning import Kontroll
from nyckeltal.db import Databas
from nyckeltal.importera.fil import indikatorer_i, las_rapport
from nyckeltal.importera.filformat import Kallnyckel
from nyckeltal.importera.meddelanden import visa_varde
from nyckeltal.importera.rader import ImportRad
from nyckeltal.importera.referens import Indikator, Lagrat, Referens
from nyckeltal.importera.tolkning import tolka
from nyckeltal.uppfoljning import rapport as uppfoljningsrapport
from nyckeltal.uppfoljning.fynd import EjTolkat


@dataclass(frozen=True)
class Forandring:
    rad: ImportRad
    andring: str  # 'ny', 'ändrad' or 'oförändrad'
    tidigare: Lagrat | None
    indikator: Indikator

    @property
    def bara_kallan(self) -> bool:
        return self.tidigare is not None and self.tidigare.varde == self.rad.varde


@dataclass(frozen=True)
class Forhandsgranskning:
    filnamn: str
    sha256: str
    forandringar: tuple[Forandring, ...]
    nya_kallor: tuple[Kallnyckel, ...]
    # For a follow-up report: the table rows and sentences with figures that became no row,
    # and the reconciliations of what was read (nyckeltal.uppfoljning).
    ej_tolkat: tuple[EjTolkat, ...] = ()
    kontroller: tuple[Kontroll, ...] = ()

    def _med(self, andring: str) -> list[Forandring]:
        return [f for f in self.forandringar if f.andring == andring]

    @property
    def nya(self) -> list[Forandring]:
        return self._med("ny")

    @property
    def andrade(self) -> list[Forandring]:
        return self._med("ändrad")

    @property
    def oforandrade(self) -> list[Forandring]:
        return self._med("oförändrad")

    def tabell(self) -> pl.DataFrame:
        """One row per file row, as Swedish text for display."""
        ordning = {"ändrad": 0, "ny": 1, "oförändrad": 2}
        rader = []
        for f in sorted(self.forandringar, key=lambda f: (ordning[f.andring], f.rad.rad)):
            enhet = f.indikator.enhet
            if f.andring == "ändrad":
                forandring = (
                    f"samma värde, ny källa ({visa_varde(f.rad.varde, enhet)})"
                    if f.bara_kallan
                    else f"{visa_varde(f.tidigare.varde, enhet)} → {visa_varde(f.rad.varde, enhet)}"
                )
            else:
                forandring = visa_varde(f.rad.varde, enhet)
            rader.append(
                {
                    "Rad": f.rad.rad,
                    "Ändring": f.andring,
                    "Indikator": f.indikator.namn,
                    "Period": f.rad.period,
                    "Dimension": f.rad.dimension or "totalt",
                    "Värde (gammalt → nytt)": forandring,
                    "Källa": f"{f.rad.kalla_dokument}, avsnitt {f.rad.kalla_avsnitt}",
                }
            )
        return pl.DataFrame(
            rader,
            schema={
                "Rad": pl.Int64,
                "Ändring": pl.String,
                "Indikator": pl.String,
                "Period": pl.String,
                "Dimension": pl.String,
                "Värde (gammalt → nytt)": pl.String,
                "Källa": pl.String,
            },
        )

    def ej_tolkat_tabell(self) -> pl.DataFrame:
        return pl.DataFrame(
            {
                "Avsnitt": [o.avsnitt for o in self.ej_tolkat],
                "Text": [o.text for o in self.ej_tolkat],
                "Varför": [o.skal for o in self.ej_tolkat],
            },
            schema={"Avsnitt": pl.String, "Text": pl.String, "Varför": pl.String},
        )

    def sammanfattning(self) -> str:
        text = (
            f"{self.filnamn}: {_antal(len(self.nya), 'nytt värde', 'nya värden')}, "
            f"{_antal(len(self.andrade), 'ändrat', 'ändrade')} och "
            f"{_antal(len(self.oforandrade), 'oförändrat', 'oförändrade')}"
        )
        if self.nya_kallor:
            text += f"; {_antal(len(self.nya_kallor), 'nytt källdokument', 'nya källdokument')}"
        return text + "."


def _antal(antal: int, ett: str, flera: str) -> str:
    return f"{antal} {ett if antal == 1 else flera}"


def granska(
    rader: list[ImportRad], ref: Referens, filnamn: str, sha256: str, rapport: bool = False
) -> Forhandsgranskning:
    """Each row against what is stored: new, changed (value or source) or unchanged. A file's
    anmarkning replaces the stored one; a report's (rapport=True: the reader's quotation) only
    comes with a new value or source, so staff's notes on unchanged figures stay."""
    forandringar = []
    for rad in rader:
        lagrat = ref.varden.get(rad.nyckel)
        if lagrat is None:
            andring = "ny"
        elif (
            lagrat.varde != rad.varde
            or lagrat.kalla != rad.kalla
            or lagrat.avsnitt != rad.kalla_avsnitt
            or (not rapport and rad.anmarkning is not None and rad.anmarkning != lagrat.anmarkning)
        ):
            andring = "ändrad"
        else:
            andring = "oförändrad"
        forandringar.append(Forandring(rad, andring, lagrat, ref.indikatorer[rad.indikator_id]))
    nya_kallor = []
    for f in forandringar:
        if (
            f.andring != "oförändrad"
            and f.rad.kalla not in ref.kallor
            and f.rad.kalla not in nya_kallor
        ):
            nya_kallor.append(f.rad.kalla)
    return Forhandsgranskning(Path(filnamn).name, sha256, tuple(forandringar), tuple(nya_kallor))


def _las_databas(
    databas: Databas | None, fil: Path | None, data: Path | None
) -> tuple[Databas, bool]:
    if databas is not None:
        return databas, False
    return Databas(bygg.sakerstall(fil, data)), True


def forhandsgranska(
    innehall: bytes,
    filnamn: str,
    *,
    databas: Databas | None = None,
    fil: Path | None = None,
    data: Path | None = None,
    dag: dt.date | None = None,
) -> Forhandsgranskning:
    """Check a file against the database readers see and say what an import would change.
    Writes nothing. Raises ImportFel with every problem."""
    las, egen = _las_databas(databas, fil, data)
    try:
        ref = Referens.hamta(las.fraga, indikatorer_i(innehall, filnamn))
    finally:
        if egen:
            las.stang()
    return granska_fil(innehall, filnamn, ref, dag)


def granska_fil(
    innehall: bytes, filnamn: str, ref: Referens, dag: dt.date | None
) -> Forhandsgranskning:
    """tolka and granska; for a follow-up report also what was not read and its
    reconciliations."""
    rader = tolka(innehall, filnamn, ref, dag)
    rapport = uppfoljningsrapport.ar_rapport(innehall, filnamn)
    sha256 = hashlib.sha256(innehall).hexdigest()
    granskning = granska(rader, ref, filnamn, sha256, rapport)
    if rapport:
        lasning = las_rapport(innehall, filnamn)
        granskning = replace(granskning, ej_tolkat=lasning.ej_tolkat, kontroller=lasning.kontroller)
    return granskning
