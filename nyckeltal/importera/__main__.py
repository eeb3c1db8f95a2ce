"""The command:

    python -m nyckeltal.importera FIL [--forhandsgranska] [--vem NAMN]
    python -m nyckeltal.importera RAPPORT --till-csv UT.csv
    python -m nyckeltal.importera --angra [--vem NAMN]

Exit codes: 0 done, 1 refused (the errors on stderr; nothing written), 2 wrong arguments,
3 another write is running."""

import argparse
import getpass
import sys
from pathlib import Path

from nyckeltal import bygg
from nyckeltal.importera.fil import (
    kontrollera_att_den_har_innehall,
    kontrollera_storlek,
    las_rapport,
)
from nyckeltal.importera.granskning import Forhandsgranskning, forhandsgranska
from nyckeltal.importera.mall import importrader, som_csv
from nyckeltal.importera.meddelanden import ImportFel, forkorta, visa_tal, visa_varde
from nyckeltal.importera.skrivning import angra_senaste, importera
from nyckeltal.inlasning import DataFel, Fel


def _skriv_rapportlasning(ej_tolkat, kontroller) -> None:
    if ej_tolkat:
        print(f"Ej tolkat ({len(ej_tolkat)} tabellrader och meningar med siffror):")
        for o in ej_tolkat:
            print(f"  {o.avsnitt}: {forkorta(o.text, 100)} ({o.skal})")
    avvikande = [k for k in kontroller if k.differens != 0]
    if kontroller:
        stammer = len(kontroller) - len(avvikande)
        print(f"Avstämningar: {stammer} av {len(kontroller)} stämmer.")
    for k in avvikande:
        print(f"  {k.status}: {k.namn}: {visa_tal(k.vantat)} mot {visa_tal(k.faktiskt)}")


def till_csv(innehall: bytes, filnamn: str, ut: Path) -> int:
    """`--till-csv`: the report's rows as an import file; the database is not opened."""
    kontrollera_att_den_har_innehall(innehall, filnamn)
    lasning = las_rapport(innehall, filnamn)
    ut.write_bytes(som_csv(importrader(lasning.rader)))
    print(f"{filnamn}: {lasning.titel}: {len(lasning.rader)} rader skrivna till {ut}.")
    _skriv_rapportlasning(lasning.ej_tolkat, lasning.kontroller)
    return 0


def _skriv_granskning(granskning: Forhandsgranskning) -> None:
    print(granskning.sammanfattning())
    for f in granskning.andrade + granskning.nya:
        enhet = f.indikator.enhet
        dimension = f", {f.rad.dimension}" if f.rad.dimension else ""
        if f.andring == "ändrad":
            vad = (
                f"{visa_varde(f.tidigare.varde, enhet)} → {visa_varde(f.rad.varde, enhet)}"
                if not f.bara_kallan
                else "samma värde, ny källa"
            )
        else:
            vad = visa_varde(f.rad.varde, enhet)
        print(
            f"  rad {f.rad.rad}: {f.andring}: {f.rad.indikator_id}{dimension}, "
            f"{f.rad.period}: {vad}"
        )
    _skriv_rapportlasning(granskning.ej_tolkat, granskning.kontroller)


def _tolkare() -> argparse.ArgumentParser:
    tolkare = argparse.ArgumentParser(
        prog="python -m nyckeltal.importera",
        description="Läs in nya siffror i dashboardens databas, eller ångra den senaste "
        "importen. Formatet beskrivs i README.md (Import av nya siffror).",
    )
    tolkare.add_argument(
        "fil",
        nargs="?",
        type=Path,
        help="CSV- eller Excel-fil att läsa in, eller nämndens uppföljningsrapport (.txt, "
        ".docx, .pdf)",
    )
    tolkare.add_argument(
        "--till-csv",
        type=Path,
        metavar="UT",
        help="skriv rapportens siffror som importfil till UT, utan att läsa in dem",
    )
    tolkare.add_argument(
        "--forhandsgranska", action="store_true", help="visa vad som skulle ändras, utan att spara"
    )
    tolkare.add_argument(
        "--vem", default=None, help="namn i importloggen (standard: användarnamnet)"
    )
    tolkare.add_argument("--angra", action="store_true", help="ångra den senaste importen")
    return tolkare


def _las_fil(fil: Path) -> bytes:
    if not fil.is_file():
        raise ImportFel([Fel(fil.name, None, None, "filen finns inte.")])
    # checked before reading, so an oversized file is never read into memory
    kontrollera_storlek(fil.stat().st_size, fil.name)
    return fil.read_bytes()


def main(argv: list[str] | None = None) -> int:
    tolkare = _tolkare()
    val = tolkare.parse_args(argv)
    if val.angra == (val.fil is not None):
        tolkare.error("ange antingen en FIL eller --angra")
    if val.till_csv is not None and (val.angra or val.forhandsgranska):
        tolkare.error("--till-csv går inte att kombinera med --angra eller --forhandsgranska")
    vem = val.vem or getpass.getuser()
    try:
        if val.angra:
            import_id, filnamn = angra_senaste(vem)
            print(f"Import {import_id} ({filnamn}) är ångrad.")
            return 0
        innehall = _las_fil(val.fil)
        if val.till_csv is not None:
            return till_csv(innehall, val.fil.name, val.till_csv)
        if val.forhandsgranska:
            _skriv_granskning(forhandsgranska(innehall, val.fil.name))
            return 0
        resultat = importera(innehall, val.fil.name, vem)
        _skriv_granskning(resultat.granskning)
        print(f"Import {resultat.import_id} är sparad.")
        return 0
    except bygg.UpptagenFel as exc:
        print(exc, file=sys.stderr)
        return 3
    except DataFel as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
