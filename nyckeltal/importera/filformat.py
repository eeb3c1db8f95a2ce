"""The import file's format: its columns, the values a cell may take, and the limits on a
file and its text. README.md documents it under "Import av nya siffror"."""

import re
from decimal import Decimal

MAX_STORLEK = 2 * 1024 * 1024  # bytes; a month of figures is a few kilobytes
MAX_TECKEN = 500  # per cell
MAX_TECKEN_KOMMENTAR = 1000
# The file's columns, in the template's order. anmarkning is optional.
KOLUMNER = (
    "indikator_id",
    "ar",
    "manad",
    "periodtyp",
    "dimension",
    "varde",
    "kalla_dokument",
    "kalla_datum",
    "kalla_diarienummer",
    "kalla_avsnitt",
)
VALFRIA_KOLUMNER = ("anmarkning",)
KRAVS = ("indikator_id", "ar", "periodtyp", "varde", "kalla_dokument", "kalla_avsnitt")
PERIODTYPER = {
    "manad": "manad",
    "månad": "manad",
    "ack": "ack",
    "ackumulerat": "ack",
    "medel": "medel",
    "helar": "helar",
    "helår": "helar",
    "prognos": "prognos",
}
# A cell starting with one of these is run as a formula by Excel and LibreOffice when the
# figures are later downloaded and opened (OWASP "CSV injection"). A minus is allowed where
# it is the sign of a number in the column varde.
FORMELTECKEN = ("=", "+", "-", "@")
# Invisible control characters (NUL and the like) have no business in a figure or a source.
STYRTECKEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Percentages rounded to whole numbers may add up to 99 or 101.
PROCENT_AVRUNDNING = Decimal(1)
EXCELNAMN = (".xlsx", ".xlsm", ".xls")

Nyckel = tuple[str, int, str, int, str]  # indikator_id, ar, periodtyp, manad, dimension
Kallnyckel = tuple[str, object, str | None]  # dokument, datum, diarienummer
