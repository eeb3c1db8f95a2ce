"""Writing the import format: the CSV and Excel templates (with two real example rows), and
rows as an import file's text (a follow-up report's rows, `--till-csv`)."""

import csv
import io
from decimal import Decimal

import polars as pl

from nyckeltal.importera.filformat import KOLUMNER, VALFRIA_KOLUMNER


def exempelrader(varden: pl.DataFrame) -> pl.DataFrame:
    """Two real rows for the template, from query varden_med_kalla: the latest monthly total
    and the latest monthly value with a dimension. Importing them unchanged changes nothing."""
    manad = varden.filter(pl.col("periodtyp") == "manad").sort(
        ["ar", "manad", "indikator_id", "dimension"], descending=[True, True, False, False]
    )
    valda = pl.concat(
        [
            manad.filter(pl.col("dimension") == "").head(1),
            manad.filter(pl.col("dimension") != "").head(1),
        ]
    )
    # the source's columns as the file names them; the file's columns in their order
    kallkolumner = {k: f"kalla_{k}" for k in ("dokument", "datum", "diarienummer", "avsnitt")}
    return valda.rename(kallkolumner).select(KOLUMNER)


def svensk_text(varde: object) -> str:
    """A cell as the file has it: decimal comma, no trailing zeros on a whole number."""
    if varde is None:
        return ""
    if isinstance(varde, Decimal):
        text = format(varde.normalize() if varde == varde.to_integral_value() else varde, "f")
        return text.replace(".", ",")
    return str(varde)


def importrader(rader) -> list[list[str]]:
    """Rows of the import format as text, the header first (KOLUMNER, then anmarkning); from
    rows with those attributes (a report's rows, nyckeltal.uppfoljning)."""
    kolumner = KOLUMNER + VALFRIA_KOLUMNER
    return [list(kolumner)] + [[svensk_text(getattr(r, k)) for k in kolumner] for r in rader]


def som_csv(rader: list[list[str]]) -> bytes:
    """Semicolons, decimal comma, UTF-8 with BOM, as Swedish Excel saves."""
    utdata = io.StringIO()
    csv.writer(utdata, delimiter=";", lineterminator="\r\n").writerows(rader)
    return utdata.getvalue().encode("utf-8-sig")


def mall_csv(exempel: pl.DataFrame | None = None) -> bytes:
    """The CSV template, with the example rows."""
    rader = exempel.iter_rows() if exempel is not None else []
    return som_csv([list(KOLUMNER)] + [[svensk_text(v) for v in rad] for rad in rader])


def mall_excel(indikatorer: pl.DataFrame, exempel: pl.DataFrame | None = None) -> bytes:
    """The Excel template: the sheet Import to fill in, and the sheet Indikatorer with every
    indicator, its unit and the allowed dimension values (from query import_indikatorer)."""
    import xlsxwriter

    rader = (
        exempel if exempel is not None else pl.DataFrame(schema={k: pl.String for k in KOLUMNER})
    ).with_columns(pl.col("varde").cast(pl.Float64) if exempel is not None else pl.col("varde"))
    lista = indikatorer.select(
        "indikator_id",
        "namn",
        "enhet",
        pl.col("dimension").fill_null(""),
        pl.col("dimensionsvarden").list.join("; ").alias("tillatna_dimensionsvarden"),
    )
    buffert = io.BytesIO()
    with xlsxwriter.Workbook(buffert) as arbetsbok:
        rader.write_excel(
            arbetsbok, worksheet="Import", autofit=True, dtype_formats={pl.Date: "yyyy-mm-dd"}
        )
        lista.write_excel(arbetsbok, worksheet="Indikatorer", autofit=True)
    return buffert.getvalue()
