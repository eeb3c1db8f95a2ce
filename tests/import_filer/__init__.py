"""Crafted import files for the import tests, built in code so that every byte (encoding,
separator, BOM, broken quoting) is deliberate and visible here.

The figures for October 2022 below are made up for the tests: the seed documents end in
September 2022. They are chosen so that they reconcile (the seven employment forms add up to
their total, the cumulative cost is September's 44 923 tkr plus October's month)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
from dataclasses import dataclass
from pathlib import Path

from nyckeltal.db import oppna_last

# The committee's meeting papers of 27 October 2022 as text, with the budget follow-up after
# September 2022 that data/varden.csv was typed from (data/kallor.csv, column fil).
SEED = Path(__file__).resolve().parents[2] / "data" / "dokument" / "000_f08b11b67b950359.txt"

# "Today" for the tests: after October 2022, before December 2022.
DAG = dt.date(2022, 11, 30)

KOLUMNER = ("indikator_id", "ar", "manad", "periodtyp", "dimension", "varde",
            "kalla_dokument", "kalla_datum", "kalla_diarienummer", "kalla_avsnitt")
RUBRIK = ";".join(KOLUMNER)
OKT = "Budgetuppföljning efter oktober 2022 (testfil)"
KALLA = f"{OKT};2022-11-24;ALN 2022-00100 1.2.4.1;2.1 Ekonomiskt bistånd"
# The seeds' own source for September 2022 (data/kallor.csv, budgetuppfoljning_sep_2022_bilaga)
SEPTEMBER = ("Bilaga: Budgetuppföljning Sept 2022 Arbetslivsnämnden;2022-10-27;"
             "ALN 2022-00100 1.2.4.1")


def rad(indikator="hushall_forsorjningsstod", ar="2022", manad="10", periodtyp="manad",
        dimension="", varde="655", kalla=KALLA, separator=";") -> str:
    return separator.join([indikator, ar, manad, periodtyp, dimension, varde, kalla])


def csv_fil(*rader: str, rubrik: str = RUBRIK, kodning: str = "utf-8-sig",
            radslut: str = "\r\n") -> bytes:
    """A file as Swedish Excel saves "CSV UTF-8": BOM, semicolons, CRLF."""
    return radslut.join([rubrik, *rader, ""]).encode(kodning)


def excel_fil(rader: list[list[object]], rubrik=KOLUMNER, flik: str = "Import") -> bytes:
    """An .xlsx with the cells exactly as given: str as text (also '=…'), numbers as numbers."""
    return excel_flikar({flik: rader}, rubrik)


def excel_flikar(flikar: dict[str, list[list[object]] | None], rubrik=KOLUMNER) -> bytes:
    """An .xlsx with the sheets in the order given; None is a sheet left completely empty."""
    import xlsxwriter

    buffert = io.BytesIO()
    with xlsxwriter.Workbook(buffert) as arbetsbok:
        for flik, rader in flikar.items():
            blad = arbetsbok.add_worksheet(flik)
            if rader is not None:
                _skriv_blad(arbetsbok, blad, rader, rubrik)
    return buffert.getvalue()


def _skriv_blad(arbetsbok, blad, rader: list[list[object]], rubrik) -> None:
    for kolumn, namn in enumerate(rubrik):
        blad.write_string(0, kolumn, namn)
    for radnr, celler in enumerate(rader, 1):
        for kolumn, cell in enumerate(celler):
            if isinstance(cell, str):
                blad.write_string(radnr, kolumn, cell)
            elif isinstance(cell, dt.date):
                blad.write_datetime(radnr, kolumn, dt.datetime.combine(cell, dt.time()),
                                    arbetsbok.add_format({"num_format": "yyyy-mm-dd"}))
            elif cell is not None:
                blad.write_number(radnr, kolumn, cell)


# A month of new figures: October 2022 (made up, see above).
ANSTALLNINGAR = {
    "Trygghetsanställningar": 143, "OSA-anställning": 95, "Utvecklingsanställningar": 45,
    "Extratjänster": 20, "Nystartsjobb": 57, "Introduktionsjobb": 40, "Lönebidrag": 12,
}
OKTOBER = csv_fil(
    rad("hushall_forsorjningsstod", varde="655"),
    rad("bistand_kostnad", varde="5 012", kalla=f"{OKT};2022-11-24;ALN 2022-00100 1.2.4.1;"
        "2.1 Utveckling av ekonomiskt bistånd (tabell)"),
    rad("bistand_kostnad", periodtyp="ack", varde="49 935",
        kalla=f"{OKT};2022-11-24;ALN 2022-00100 1.2.4.1;"
        "2.1 Utveckling av ekonomiskt bistånd (tabell)"),
    rad("mottagna_flyktingar", periodtyp="ack", varde="110",
        kalla=f"{OKT};2022-11-24;ALN 2022-00100 1.2.4.1;2.1 Mottagna flyktingar"),
    *(rad("anstallningsform_antal", dimension=form, varde=str(antal),
          kalla=f"{OKT};2022-11-24;ALN 2022-00100 1.2.4.1;2.1 Arbetsmarknadsanställningar")
      for form, antal in ANSTALLNINGAR.items()),
    rad("anstallningsform_antal", varde=str(sum(ANSTALLNINGAR.values())),
        kalla=f"{OKT};2022-11-24;ALN 2022-00100 1.2.4.1;2.1 Arbetsmarknadsanställningar"),
)
# A correction of September: 648 households becomes 650 (one changed value).
RATTELSE = csv_fil(rad("hushall_forsorjningsstod", manad="9", varde="650", kalla=KALLA))

TABELLER = ("kallor", "varden", "importer", "importerade_kallor", "importerade_varden",
            "kommentarer")


def innehall(fil: Path) -> str:
    """A checksum of the database's contents (not its bytes, which DuckDB may rearrange).
    The audit log's clock times are left out, so two runs of the same import compare equal."""
    con = oppna_last(fil)
    try:
        delar = []
        for tabell in TABELLER:
            utom = " exclude (nar, angrad_nar)" if tabell == "importer" else ""
            delar.append(repr(con.execute(f"select *{utom} from {tabell} order by all").fetchall()))
    finally:
        con.close()
    return hashlib.sha256("\n".join(delar).encode()).hexdigest()


def varden_och_kallor(fil: Path):
    """Every value and every source of the database, in a fixed order: an undone import must
    give back exactly these."""
    con = oppna_last(fil)
    try:
        return (
            con.execute("select * from varden order by all").fetchall(),
            con.execute("select * from kallor order by all").fetchall(),
        )
    finally:
        con.close()


def varde(fil: Path, indikator: str, ar: int, periodtyp: str, manad: int, dimension: str = ""):
    con = oppna_last(fil)
    try:
        rader = con.execute(
            "select varde from varden where indikator_id = ? and ar = ? and periodtyp = ? "
            "and manad = ? and dimension = ?", [indikator, ar, periodtyp, manad, dimension]
        ).fetchall()
    finally:
        con.close()
    return rader[0][0] if rader else None


@dataclass(frozen=True)
class Fall:
    """A bad file and the first error it must give."""

    namn: str
    innehall: bytes
    rad: int | None
    kolumn: str | None
    ord: str  # words the message must contain
    andelse: str = "csv"  # the name the file is uploaded with


# A row for October 2022 as a workbook has it (numbers as numbers, a date as a date).
EXCELRAD = ["hushall_forsorjningsstod", 2022, 10, "manad", "", 655, OKT, dt.date(2022, 11, 24),
            "", "2.1"]


def _stor() -> bytes:
    rader = [rad(varde=str(i)) for i in range(30_000)]
    return csv_fil(*rader)


FELAKTIGA = [
    Fall("tom", b"", None, None, "filen är tom"),
    Fall("bara_blanka_rader", b"\r\n \r\n\r\n", None, None, "filen är tom"),
    Fall("bara_bom", b"\xef\xbb\xbf", None, None, "filen är tom"),
    Fall("bara_rubrik", csv_fil(), None, None, "bara en rubrikrad"),
    Fall("bara_rubrik_och_tomma_rader", csv_fil(";;;;;;;;;", ";;;;;;;;;"), None, None,
         "bara en rubrikrad"),
    Fall("for_stor", _stor(), None, None, "största tillåtna storlek är 2,0 MB"),
    Fall("okand_indikator", csv_fil(rad("hushallen_okand")), 2, "indikator_id",
         "okänd indikator"),
    Fall("felstavad_indikator", csv_fil(rad("hushall_forsorjningstod")), 2, "indikator_id",
         "menade du 'hushall_forsorjningsstod'"),
    Fall("ar_inte_tal", csv_fil(rad(ar="20x2")), 2, "ar", "inget årtal"),
    Fall("ar_utanfor", csv_fil(rad(ar="1999")), 2, "ar", "utanför 2000–2100"),
    Fall("manad_13", csv_fil(rad(manad="13")), 2, "manad", "ingen månad"),
    Fall("manad_felstavad", csv_fil(rad(manad="oktobr")), 2, "manad", "ingen månad"),
    Fall("periodtyp_okand", csv_fil(rad(periodtyp="vecka")), 2, "periodtyp", "ingen periodtyp"),
    Fall("helar_med_manad", csv_fil(rad("bistand_kostnad", manad="6", periodtyp="helar")), 2,
         "manad", "helårsvärde har månad 12"),
    Fall("framtida_manad", csv_fil(rad(manad="12")), 2, "manad", "ligger i framtiden"),
    Fall("framtida_ar", csv_fil(rad(ar="2023", manad="1")), 2, "ar", "ligger i framtiden"),
    Fall("framtida_helar", csv_fil(rad("bistand_budget", ar="2023", manad="", periodtyp="helar",
                                       varde="58000")), 2, "ar", "ligger i framtiden"),
    Fall("varde_inte_tal", csv_fil(rad(varde="6x5")), 2, "varde", "inte ett tal"),
    Fall("varde_tre_decimaler", csv_fil(rad("bistand_kostnad", varde="1,234")), 2, "varde",
         "fler än 2 decimaler"),
    Fall("varde_punkt_som_tusental", csv_fil(rad("bistand_kostnad", varde="1.234,5")), 2,
         "varde", "inte ett tal"),
    Fall("antal_negativt", csv_fil(rad(varde="-5")), 2, "varde", "kan inte vara negativt"),
    Fall("antal_med_decimaler", csv_fil(rad(varde="655,5")), 2, "varde", "heltal"),
    Fall("procent_over_100", csv_fil(rad("barn_ej_bistand_andel", varde="120")), 2, "varde",
         "utanför 0–100"),
    Fall("procent_negativ", csv_fil(rad("kaa_kannedom", varde="−1 %")), 2, "varde",
         "utanför 0–100"),
    Fall("dimension_utan_dimension", csv_fil(rad(dimension="Män")), 2, "dimension",
         "har ingen dimension"),
    Fall("dimension_okand", csv_fil(rad("mottagna_flyktingar_kon", manad="9", periodtyp="ack",
                                        dimension="Kvinna", varde="42")), 2, "dimension",
         "menade du 'Kvinnor'"),
    Fall("dubblett", csv_fil(rad(), rad(varde="656")), 3, None, "samma indikator"),
    Fall("delar_mot_total_i_filen",
         csv_fil(*(rad("anstallningsform_antal", dimension=form, varde=str(antal))
                   for form, antal in ANSTALLNINGAR.items()),
                 rad("anstallningsform_antal", varde="400")),
         9, "varde", "summerar till 412 men totalen på rad 9 är 400"),
    Fall("del_mot_lagrad_total",
         csv_fil(rad("anstallningsform_antal", manad="9", dimension="Lönebidrag", varde="12",
                     kalla=SEPTEMBER + ";2.1 Arbetsmarknadsanställningar (tabell)")),
         2, "varde", "summerar till 410 men totalen i databasen är 409"),
    Fall("andelar_over_100",
         csv_fil(rad("mottagna_flyktingar_kon", manad="9", periodtyp="ack", dimension="Kvinnor",
                     varde="60")), 2, "varde", "summerar till 118 % men ska tillsammans bli 100"),
    Fall("formel_likhetstecken", csv_fil(rad(kalla="=HYPERLINK(\"http://x\");2022-11-24;;2.1")),
         2, "kalla_dokument", "formelinjektion"),
    Fall("formel_plus_i_varde", csv_fil(rad(varde="+655")), 2, "varde", "formelinjektion"),
    Fall("formel_at", csv_fil(rad(kalla=f"{OKT};2022-11-24;;@SUM(A1)")), 2, "kalla_avsnitt",
         "formelinjektion"),
    Fall("formel_minus_i_text", csv_fil(rad("mottagna_flyktingar_kon", manad="9",
                                            periodtyp="ack", dimension="-Kvinnor", varde="42")),
         2, "dimension", "formelinjektion"),
    Fall("formel_minus_i_varde", csv_fil(rad(varde="-2+3")), 2, "varde", "formelinjektion"),
    Fall("saknad_kolumn", csv_fil(rad(kalla=f"{OKT};2022-11-24;ALN 1"),
                                  rubrik=RUBRIK.removesuffix(";kalla_avsnitt")),
         1, None, "saknar kolumnen 'kalla_avsnitt'"),
    # the expected header is a list of names, not a line joined with ';' in a ',' file
    Fall("saknad_kolumn_kommaseparerad",
         csv_fil(rad(kalla=f"{OKT};2022-11-24;ALN 1", separator=",").replace(";", ","),
                 rubrik=RUBRIK.removesuffix(";kalla_avsnitt").replace(";", ",")),
         1, None, "Rubrikraden ska ha kolumnerna 'indikator_id', 'ar', 'manad', 'periodtyp', "
         "'dimension', 'varde', 'kalla_dokument', 'kalla_datum', 'kalla_diarienummer' och "
         "'kalla_avsnitt', i valfri ordning"),
    Fall("okand_kolumn", csv_fil(rad(), rubrik=RUBRIK.replace("varde", "vardet")), 1, "vardet",
         "menade du 'varde'"),
    Fall("dubbel_kolumn", csv_fil(rad() + ";2022", rubrik=RUBRIK + ";ar"), 1, "ar",
         "finns två gånger"),
    Fall("decimalkomma_utan_citattecken",
         csv_fil(rad("bistand_kostnad", varde="5012,5", separator=",").replace(
             ";", ","), rubrik=RUBRIK.replace(";", ",")),
         2, None, "decimalkomma i en kommaseparerad fil"),
    Fall("datum_ogiltigt", csv_fil(rad(kalla=f"{OKT};2022-13-01;;2.1")), 2, "kalla_datum",
         "inget datum"),
    Fall("datum_i_framtiden", csv_fil(rad(kalla=f"{OKT};2022-12-24;;2.1")), 2, "kalla_datum",
         "ligger i framtiden"),
    Fall("varde_saknas", csv_fil(rad(varde="")), 2, "varde", "värde saknas"),
    Fall("kalla_saknas", csv_fil(rad(kalla=";2022-11-24;;2.1")), 2, "kalla_dokument",
         "värde saknas"),
    Fall("for_lang_text", csv_fil(rad(kalla=f"{OKT};2022-11-24;;{'x' * 600}")), 2,
         "kalla_avsnitt", "för långt"),
    Fall("rubrik_inte_forst", b"\r\n" + csv_fil(rad(), kodning="utf-8"), 1, None,
         "rad 1 ska vara rubrikraden"),
    Fall("oavslutat_citattecken", csv_fil(rad(kalla=f"\"{OKT};2022-11-24;;2.1")), None, None,
         "kan inte läsas som CSV"),
    Fall("nul_tecken", csv_fil(rad(varde="65\x005")), 2, "varde", "styrtecken"),
    # 0x81 is a byte neither UTF-8 (alone) nor Windows-1252 reads; it is the 1st character of
    # line 2 (Python says "position 104": a 0-based offset into the whole file)
    Fall("okand_teckenkodning", RUBRIK.encode() + b"\r\n\x81\x8d\x8f\x90\x9d;2022\r\n", 2,
         None, "tecken nummer 1 på raden går inte att läsa som text (filen är varken UTF-8 "
         "eller Windows-1252)"),
    # "hushall_forsorjningsstod;20" is 27 characters, so the bad byte is the 28th
    Fall("okand_teckenkodning_mitt_i_raden",
         csv_fil(kodning="utf-8") + b"hushall_forsorjningsstod;20\x8122;10\r\n", 2, None,
         "tecken nummer 28 på raden"),
    # a BOM says UTF-8, but the row was added in Windows-1252 ('ö' is one byte, 0xf6)
    Fall("bom_men_windows_1252", csv_fil() + rad(kalla="Rapport för år;2022-11-24;;2.1").encode(
        "cp1252"), 2, None, "tecken nummer 54 på raden går inte att läsa som text (filen är "
         "märkt som UTF-8"),
    Fall("slumpbytes_som_xlsx", random.Random(13).randbytes(600), None, None,
         "filen går inte att läsa som en Excel-arbetsbok", andelse="xlsx"),
    Fall("windows_1252_med_fel", csv_fil(rad("anstallningsform_antal", dimension="Lönebidragen",
                                             varde="12"), kodning="cp1252"),
         2, "dimension", "menade du 'Lönebidrag'"),
    Fall("trasig_excel", b"PK\x03\x04" + b"inte en arbetsbok" * 10, None, None,
         "filen går inte att läsa som en Excel-arbetsbok"),
    Fall("excel_tom_flik_import", excel_flikar({"Import": None, "Blad1": [EXCELRAD]}), None,
         None, "fliken 'Import' är tom, men fliken 'Blad1' har rader", andelse="xlsx"),
    Fall("excel_tom_flik_import_flera_andra",
         excel_flikar({"Blad1": [EXCELRAD], "Import": None, "Blad 2": [EXCELRAD]}), None, None,
         "fliken 'Import' är tom, men flikarna 'Blad1' och 'Blad 2' har rader",
         andelse="xlsx"),
    Fall("excel_utan_import_forsta_fliken_tom", excel_flikar({"Blad1": None, "Okt": [EXCELRAD]}),
         None, None, "ingen flik som heter 'Import', så den första fliken, 'Blad1', lästes, och "
         "den är tom. Fliken 'Okt' har rader", andelse="xlsx"),
    Fall("excel_bara_rubrik", excel_fil([]), None, None,
         "fliken 'Import' har bara en rubrikrad", andelse="xlsx"),
    Fall("excel_formel",
         excel_fil([["hushall_forsorjningsstod", 2022, 10, "manad", "", 655,
                     "=HYPERLINK(\"http://x\",\"klicka\")", dt.date(2022, 11, 24), "", "2.1"]]),
         2, "kalla_dokument", "formelinjektion"),
    Fall("excel_framtida_period",
         excel_fil([["hushall_forsorjningsstod", 2022, 12, "manad", "", 655, OKT,
                     dt.date(2022, 11, 24), "", "2.1"]]),
         2, "manad", "ligger i framtiden"),
    Fall("excel_tre_decimaler",
         excel_fil([["bistand_kostnad", 2022, 10, "manad", "", 1234.567, OKT,
                     dt.date(2022, 11, 24), "", "2.1"]]),
         2, "varde", "fler än 2 decimaler"),
]
