"""Import of new figures: validation, preview, an all-or-nothing write, audit log and undo;
and the staff comments on an indicator's month.

One code path for both ways in: the administration page (sidor/admin.py) and the command

    python -m nyckeltal.importera FIL [--forhandsgranska] [--vem NAMN]
    python -m nyckeltal.importera RAPPORT --till-csv UT.csv
    python -m nyckeltal.importera --angra [--vem NAMN]

call the functions below. A file is checked completely before anything is written, first
against the database readers see (fast, without the lock), then again inside the write
against the state it is written onto. The write itself is a rebuild (nyckeltal.bygg): a new
database file with the import in it, verified, the old file backed up, then moved into place.
The import format is documented in README.md under "Import av nya siffror". A follow-up
report (.txt, .docx, .pdf; nyckeltal.uppfoljning) is read into rows of that format first and
then takes the same path; its preview also lists what it did not read and its reconciliations.

The parts, in the order a file passes through them:

    filformat    the file's columns, allowed values and limits
    fil          a file to its cells: size, empty, report / Excel / CSV, the header row
    rader        one row to an ImportRad, column by column
    kontroller   what no single row shows: duplicates, parts against their total
    tolkning     tolka: a whole file to checked rows, every error sorted by row and column
    referens     what a file is checked against (indicators, stored values, sources)
    granskning   the preview: new, changed and unchanged values
    skrivning    the import and its undo, each a rebuild
    kommentarer  staff's comments on an indicator's month
    mall         the templates, and rows written as an import file
    meddelanden  ImportFel and how messages quote cells, values and sizes
    klocka       Swedish local time: today for the checks, now for the log
    __main__     the command
"""

from nyckeltal.importera.filformat import (
    KOLUMNER,
    MAX_STORLEK,
    MAX_TECKEN,
    MAX_TECKEN_KOMMENTAR,
    VALFRIA_KOLUMNER,
)
from nyckeltal.importera.granskning import (
    Forandring,
    Forhandsgranskning,
    forhandsgranska,
    granska,
)
from nyckeltal.importera.klocka import TIDSZON, idag
from nyckeltal.importera.kommentarer import spara_kommentar
from nyckeltal.importera.mall import exempelrader, mall_csv, mall_excel
from nyckeltal.importera.meddelanden import ImportFel, visa_varde
from nyckeltal.importera.rader import ImportRad
from nyckeltal.importera.referens import Indikator, Lagrat, Referens
from nyckeltal.importera.skrivning import (
    Importresultat,
    angra_senaste,
    importera,
    kontrollera_vem,
)
from nyckeltal.importera.tolkning import tolka
from nyckeltal.inlasning import DataFel  # what a rebuild refuses with (ImportFel is one)

__all__ = [
    "KOLUMNER",
    "MAX_STORLEK",
    "MAX_TECKEN",
    "MAX_TECKEN_KOMMENTAR",
    "TIDSZON",
    "VALFRIA_KOLUMNER",
    "DataFel",
    "Forandring",
    "Forhandsgranskning",
    "ImportFel",
    "ImportRad",
    "Importresultat",
    "Indikator",
    "Lagrat",
    "Referens",
    "angra_senaste",
    "exempelrader",
    "forhandsgranska",
    "granska",
    "idag",
    "importera",
    "kontrollera_vem",
    "mall_csv",
    "mall_excel",
    "spara_kommentar",
    "tolka",
    "visa_varde",
]
