"""Taking the meeting out of the dashboard: Excel of tables, PNG of charts, and the report of a
period as PDF and as an editable Word document.

Pure builders: data in, bytes out, no Streamlit. Charts become PNG through kaleido, which
drives the system Chromium (BROWSER_PATH, default /usr/bin/chromium); the report can be built
without images when no browser is available, and then says so.
"""

from __future__ import annotations

import asyncio
import io
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import polars as pl

from nyckeltal.format import UPPGIFT_SAKNAS, manadsnamn

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"
PNG_MIME = "image/png"

CHROMIUM = "/usr/bin/chromium"


# --- Excel -----------------------------------------------------------------------------------

# Excel's format codes are written with ',' for thousands and '.' for decimals; a Swedish Excel
# shows them as "44 923" and "3,5".
EXCELFORMAT = {
    "tkr": "#,##0",
    "kr": "#,##0",
    "antal": "#,##0",
    "procent": '0" %"',
    "decimal": "0.0000",
}


@dataclass(frozen=True)
class Tabell:
    """A table to export: its frame, Swedish headers, and a unit per numeric column.

    enheter: column -> 'tkr' | 'kr' | 'antal' | 'procent' | 'decimal' | 'manad' (a month
    number written as its name). Columns not listed are written as they are.
    """

    namn: str
    df: pl.DataFrame
    enheter: dict[str, str] = field(default_factory=dict)
    rubriker: dict[str, str] = field(default_factory=dict)
    kalla: str = ""


_OGILTIGT_I_FLIKNAMN = re.compile(r"[\[\]:*?/\\]")


def _fliknamn(namn: str, upptagna: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    bas = " ".join(_OGILTIGT_I_FLIKNAMN.sub(" ", namn).split())[:31] or "Tabell"
    kandidat, n = bas, 2
    while kandidat.lower() in upptagna:
        suffix = f" ({n})"
        kandidat, n = bas[: 31 - len(suffix)] + suffix, n + 1
    upptagna.add(kandidat.lower())
    return kandidat


def _har_decimaler(varden: list) -> bool:
    return any(v is not None and float(v) != int(float(v)) for v in varden)


def excel(tabeller: Sequence[Tabell], titel: str = "Arbetslivsnämndens nyckeltal") -> bytes:
    """One sheet per table: Swedish headers, Swedish number formats (thousands grouped, units
    in the headers and the percent sign in the cell), 'uppgift saknas' where a value is
    missing (never 0), and the source under the table."""
    import xlsxwriter

    buf = io.BytesIO()
    bok = xlsxwriter.Workbook(buf, {"in_memory": True})
    bok.set_properties(
        {
            "title": titel,
            "author": "Arbetslivsnämndens nyckeltal",
            "comments": "Skapad ur dashboardens databas.",
        }
    )
    rubrikformat = bok.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bottom": 1, "bg_color": "#EEEEEE"}
    )
    saknasformat = bok.add_format({"italic": True, "font_color": "#666666"})
    kallformat = bok.add_format({"italic": True, "font_color": "#444444"})
    datumformat = bok.add_format({"num_format": "yyyy-mm-dd"})
    talformat: dict[str, object] = {}

    def format_for(enhet: str, decimaler: bool):
        kod = EXCELFORMAT[enhet]
        if decimaler and enhet in ("tkr", "kr", "antal"):
            kod = "#,##0.0"
        elif decimaler and enhet == "procent":
            kod = '0.0" %"'
        if kod not in talformat:
            talformat[kod] = bok.add_format({"num_format": kod})
        return talformat[kod]

    upptagna: set[str] = set()
    for tabell in tabeller:
        blad = bok.add_worksheet(_fliknamn(tabell.namn, upptagna))
        df = tabell.df
        kolumner = df.columns
        bredder = []
        for c, kolumn in enumerate(kolumner):
            rubrik = tabell.rubriker.get(kolumn, kolumn)
            blad.write_string(0, c, rubrik, rubrikformat)
            bredder.append(min(max(len(rubrik) * 0.9, 10), 60))
        for c, kolumn in enumerate(kolumner):
            enhet = tabell.enheter.get(kolumn)
            varden = df[kolumn].to_list()
            fmt = format_for(enhet, _har_decimaler(varden)) if enhet in EXCELFORMAT else None
            for r, varde in enumerate(varden, start=1):
                if varde is None:
                    blad.write_string(r, c, UPPGIFT_SAKNAS, saknasformat)
                elif enhet == "manad":
                    blad.write_string(r, c, manadsnamn(int(varde)))
                elif isinstance(varde, bool):
                    blad.write_string(r, c, "ja" if varde else "nej")
                elif isinstance(varde, (int, float, Decimal)) and not isinstance(varde, bool):
                    blad.write_number(r, c, float(varde), fmt)
                elif isinstance(varde, date):
                    blad.write_datetime(r, c, varde, datumformat)
                else:
                    text = str(varde)
                    blad.write_string(r, c, text)
                    bredder[c] = min(max(bredder[c], len(text) * 0.9), 60)
        for c, bredd in enumerate(bredder):
            blad.set_column(c, c, bredd)
        blad.freeze_panes(1, 0)
        if df.height:
            blad.autofilter(0, 0, df.height, max(len(kolumner) - 1, 0))
        if tabell.kalla:
            blad.write_string(df.height + 2, 0, f"Källa: {tabell.kalla}", kallformat)
    bok.close()
    return buf.getvalue()


# --- PNG through kaleido ---------------------------------------------------------------------


class BildFel(RuntimeError):
    """A chart could not be drawn as an image (no browser, or the browser failed)."""


def _webblasare() -> None:
    # kaleido finds the browser through BROWSER_PATH; its own download cannot work here.
    if not os.environ.get("BROWSER_PATH") and Path(CHROMIUM).exists():
        os.environ["BROWSER_PATH"] = CHROMIUM


def pngs(
    figurer: Sequence,
    bredd: int = 1000,
    skala: float = 2,
    framsteg: Callable[[int, int], None] | None = None,
) -> list[bytes]:
    """Every figure as PNG bytes, in one browser session (starting Chromium costs seconds;
    each further chart a fraction of one). framsteg(klara, totalt) is called after each chart,
    in the calling thread. Raises BildFel with a Swedish message when drawing fails."""
    import kaleido

    _webblasare()
    figurer = list(figurer)

    async def rita() -> list[bytes]:
        ut = []
        async with kaleido.Kaleido(n=1, mathjax=False) as k:
            for i, fig in enumerate(figurer, start=1):
                hojd = fig.layout.height or 450
                ut.append(
                    await k.calc_fig(
                        fig, opts={"format": "png", "width": bredd, "height": hojd, "scale": skala}
                    )
                )
                if framsteg is not None:
                    framsteg(i, len(figurer))
        return ut

    if not figurer:
        return []
    try:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(rita())
        # inside a running event loop: draw in a thread of its own, without progress calls
        from concurrent.futures import ThreadPoolExecutor

        framsteg = None
        with ThreadPoolExecutor(1) as tradar:
            return tradar.submit(asyncio.run, rita()).result()
    except Exception as fel:  # kaleido raises several kinds; the page needs one
        raise BildFel(
            f"Diagrammen kunde inte ritas som bilder ({type(fel).__name__}: {fel}). "
            f"Kontrollera att Chromium finns ({os.environ.get('BROWSER_PATH', CHROMIUM)})."
        ) from fel


def png(fig, bredd: int = 1000, skala: float = 2) -> bytes:
    return pngs([fig], bredd, skala)[0]


# --- The report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Diagram:
    rubrik: str
    png: bytes | None  # None when the image could not be drawn
    kalla: str


@dataclass(frozen=True)
class Avsnitt:
    rubrik: str
    text: str  # the generated text
    fotnot: str = ""
    kommentar: str = ""  # the administration's own comment, typed on the report page
    diagram: tuple[Diagram, ...] = ()
    punkter: tuple[str, ...] = ()  # further paragraphs, e.g. the analysis
    sparade: tuple[str, ...] = ()  # staff comments stored on the page Administration


@dataclass(frozen=True)
class Rapport:
    titel: str
    undertitel: str
    kpi_rubriker: tuple[str, ...]
    kpi_rader: tuple[tuple[str, ...], ...]
    avsnitt: tuple[Avsnitt, ...]
    underlag_rubriker: tuple[str, ...] = ()
    underlag_rader: tuple[tuple[str, ...], ...] = ()  # every figure in the text and its origin
    kallor: tuple[str, ...] = ()
    noteringar: tuple[str, ...] = ()  # e.g. that the images could not be drawn
    skapad: date = field(default_factory=date.today)

    @property
    def filnamn(self) -> str:
        """'nyckeltal_januari-september_2022' for the downloads."""
        ascii_ = unicodedata.normalize("NFKD", self.undertitel.split(",")[0].replace("\u2013", "-"))
        ascii_ = ascii_.encode("ascii", "ignore").decode()
        return "nyckeltal_" + re.sub(r"[^A-Za-z0-9]+", "_", ascii_).strip("_").lower()


# Fonts with the Swedish letters, the typographic minus and the en dash. Debian's
# fonts-dejavu-core comes with fontconfig, which Chromium needs anyway.
TYPSNITT = (
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
)
# Emoji and pictographs have no glyph in a text font: the words beside them carry the meaning.
_BILDTECKEN = re.compile("[\u2600-\u27bf\ufe0f\u2b00-\u2bff\U0001f000-\U0001faff]")


def _hojd_genom_bredd(png_: bytes) -> float:
    """A PNG's height over its width, from its header (IHDR: width and height at 16–24)."""
    bredd = int.from_bytes(png_[16:20], "big")
    hojd = int.from_bytes(png_[20:24], "big")
    return hojd / bredd if bredd else 0.5


def _utan_bildtecken(text: str) -> str:
    return re.sub(r"\s{2,}", " ", _BILDTECKEN.sub("", text)).strip()


def _latin1(text: str) -> str:
    """For the PDF's built-in fallback font, which knows Latin-1 only."""
    text = text.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-")
    text = text.replace("\u2192", "->").replace("\u2026", "...")
    return text.encode("latin-1", "replace").decode("latin-1")


def pdf(rapport: Rapport) -> bytes:
    """The report as PDF (A4): title, key-figure table, per area the generated text, the
    comment and the charts with their sources, then the figures behind the text and the
    sources."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    dok = FPDF(orientation="P", unit="mm", format="A4")
    dok.set_auto_page_break(True, margin=15)
    dok.set_margins(15, 15, 15)
    dok.set_title(rapport.titel)
    dok.set_author("Arbetslivsnämndens nyckeltal")
    dok.set_lang("sv-SE")
    dok.set_creator("Arbetslivsnämndens nyckeltal")

    familj, t = "Helvetica", _latin1
    for vanlig, fet in TYPSNITT:
        if Path(vanlig).exists() and Path(fet).exists():
            dok.add_font("Brod", "", vanlig)
            dok.add_font("Brod", "B", fet)
            familj, t = "Brod", (lambda s: s)
            break

    def text(s: str) -> str:
        return t(_utan_bildtecken(s))

    def rubrik(s: str, storlek: float = 14) -> None:
        dok.set_font(familj, "B", storlek)
        dok.multi_cell(0, storlek * 0.5, text(s), new_x="LMARGIN", new_y="NEXT")
        dok.ln(1.5)

    def stycke(s: str, storlek: float = 10.5, fet: bool = False) -> None:
        dok.set_font(familj, "B" if fet else "", storlek)
        dok.multi_cell(0, storlek * 0.5, text(s), new_x="LMARGIN", new_y="NEXT", align="L")
        dok.ln(1.5)

    def tabell(
        rubriker: tuple[str, ...],
        rader: tuple[tuple[str, ...], ...],
        storlek: float,
        bredder: tuple[float, ...] | None = None,
    ) -> None:
        dok.set_font(familj, "", storlek)
        with dok.table(
            col_widths=bredder,
            line_height=storlek * 0.5,
            text_align="LEFT",
            headings_style=FontFace(emphasis="BOLD", fill_color=(238, 238, 238)),
            first_row_as_headings=True,
        ) as tab:
            rad = tab.row()
            for r in rubriker:
                rad.cell(text(r))
            for rad_ in rader:
                rad = tab.row()
                for cell in rad_:
                    rad.cell(text(cell))
        dok.ln(3)

    dok.add_page()
    rubrik(rapport.titel, 18)
    stycke(rapport.undertitel, 11)
    stycke(
        f"Skapad {rapport.skapad.isoformat()} ur dashboardens databas. Ett utkast: texten "
        "är genererad ur siffrorna och kan redigeras i Word-versionen.",
        9,
    )
    for notering in rapport.noteringar:
        stycke(notering, 9)
    rubrik("Nyckeltal")
    tabell(
        rapport.kpi_rubriker,
        rapport.kpi_rader,
        8.5,
        (40, 27, 22, 31, 23, 37) if len(rapport.kpi_rubriker) == 6 else None,
    )
    for avsnitt in rapport.avsnitt:
        if dok.get_y() > 230:
            dok.add_page()
        rubrik(avsnitt.rubrik)
        if avsnitt.text:
            stycke(avsnitt.text)
        for punkt in avsnitt.punkter:
            stycke(punkt)
        if avsnitt.fotnot:
            stycke(avsnitt.fotnot, 8.5)
        if avsnitt.sparade or avsnitt.kommentar.strip():
            stycke("Förvaltningens kommentar", 10.5, fet=True)
            for sparad in avsnitt.sparade:
                stycke(sparad)
            if avsnitt.kommentar.strip():
                stycke(avsnitt.kommentar)
        for diagram in avsnitt.diagram:
            # heading, picture and source on one page: a heading never ends a page alone
            hojd = dok.epw * _hojd_genom_bredd(diagram.png) if diagram.png else 10
            if dok.get_y() + 8 + hojd + 8 > dok.page_break_trigger:
                dok.add_page()
            stycke(diagram.rubrik, 10.5, fet=True)
            if diagram.png is not None:
                dok.image(io.BytesIO(diagram.png), w=dok.epw, alt_text=text(diagram.rubrik))
                dok.ln(1)
            else:
                stycke("Diagrammet kunde inte ritas som bild.", 9)
            stycke(f"Källa: {diagram.kalla}", 8)
    if rapport.underlag_rader:
        dok.add_page()
        rubrik("Siffrorna i texten och var de kommer ifrån")
        tabell(
            rapport.underlag_rubriker,
            rapport.underlag_rader,
            7,
            (50, 18, 17, 95) if len(rapport.underlag_rubriker) == 4 else None,
        )
    if rapport.kallor:
        rubrik("Källor")
        for kalla in rapport.kallor:
            stycke(f"• {kalla}", 9)
    return bytes(dok.output())


def docx(rapport: Rapport) -> bytes:
    """The same report as a Word document the administration can edit: real headings, text,
    tables and pictures (not an image of a page)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    dok = Document()
    dok.core_properties.title = rapport.titel
    dok.core_properties.author = "Arbetslivsnämndens nyckeltal"
    dok.core_properties.language = "sv-SE"
    # Swedish proofing for the whole document, so Word checks the text the editor writes.
    for stil in ("Normal", "Heading 1", "Heading 2", "Title"):
        rpr = dok.styles[stil].element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = rpr.makeelement(qn("w:lang"), {})
            rpr.append(lang)
        lang.set(qn("w:val"), "sv-SE")
    dok.styles["Normal"].font.size = Pt(10.5)
    for sektion in dok.sections:
        sektion.left_margin = sektion.right_margin = Cm(2)

    def text(s: str) -> str:
        return _utan_bildtecken(s)

    def liten(s: str, storlek: float = 8.5) -> None:
        stycke = dok.add_paragraph()
        run = stycke.add_run(text(s))
        run.font.size = Pt(storlek)
        run.italic = True

    def tabell(
        rubriker: tuple[str, ...], rader: tuple[tuple[str, ...], ...], storlek: float
    ) -> None:
        tab = dok.add_table(rows=1, cols=len(rubriker))
        tab.style = "Table Grid"
        tab.alignment = WD_TABLE_ALIGNMENT.LEFT
        for cell, r in zip(tab.rows[0].cells, rubriker):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text(r))
            run.bold = True
            run.font.size = Pt(storlek)
        for rad in rader:
            celler = tab.add_row().cells
            for cell, varde in zip(celler, rad):
                cell.text = ""
                cell.paragraphs[0].add_run(text(varde)).font.size = Pt(storlek)

    dok.add_heading(text(rapport.titel), 0)
    dok.add_paragraph(text(rapport.undertitel))
    liten(
        f"Skapad {rapport.skapad.isoformat()} ur dashboardens databas. Ett utkast: texten är "
        "genererad ur siffrorna och kan redigeras."
    )
    for notering in rapport.noteringar:
        liten(notering)
    dok.add_heading("Nyckeltal", 1)
    tabell(rapport.kpi_rubriker, rapport.kpi_rader, 8.5)
    for avsnitt in rapport.avsnitt:
        dok.add_heading(text(avsnitt.rubrik), 1)
        if avsnitt.text:
            dok.add_paragraph(text(avsnitt.text))
        for punkt in avsnitt.punkter:
            dok.add_paragraph(text(punkt))
        if avsnitt.fotnot:
            liten(avsnitt.fotnot)
        if avsnitt.sparade or avsnitt.kommentar.strip():
            dok.add_heading("Förvaltningens kommentar", 2)
            for sparad in avsnitt.sparade:
                dok.add_paragraph(text(sparad))
            if avsnitt.kommentar.strip():
                dok.add_paragraph(text(avsnitt.kommentar))
        for diagram in avsnitt.diagram:
            dok.add_heading(text(diagram.rubrik), 2)
            if diagram.png is not None:
                dok.add_picture(io.BytesIO(diagram.png), width=Cm(17))
            else:
                liten("Diagrammet kunde inte ritas som bild.")
            liten(f"Källa: {diagram.kalla}", 8)
    if rapport.underlag_rader:
        dok.add_heading("Siffrorna i texten och var de kommer ifrån", 1)
        tabell(rapport.underlag_rubriker, rapport.underlag_rader, 7.5)
    if rapport.kallor:
        dok.add_heading("Källor", 1)
        for kalla in rapport.kallor:
            dok.add_paragraph(text(kalla), style="List Bullet")
    buf = io.BytesIO()
    dok.save(buf)
    return buf.getvalue()


# --- Assembling the report of a period -------------------------------------------------------

RAPPORT_KPIER = (
    "hushall_forsorjningsstod",
    "bistand_kostnad",
    "hushall_langvarigt",
    "barn_ej_bistand_andel",
    "mottagna_flyktingar",
    "anstallningsform_antal",
    "personer_arbetsmarknadsinsatser",
    "vaxla_bidrag_mot_lon",
    "kaa_kannedom",
    "namnd_resultat",
)
KPI_RUBRIKER = ("Nyckeltal", "Avser", "Värde", "Jämförelse", "Förändring", "Mål och status")
UNDERLAG_RUBRIKER = ("Uppgift", "Värde", "Härledning", "Källa eller beräkning")
ANALYS = "analys"


def rapportkpier(underlag) -> list:
    """The report's key figures (nyckeltal.kpi.Kpi) for the period of a Underlag."""
    from nyckeltal.kpi import bygg_kpier

    finns = set(underlag.indikatorer["indikator_id"].to_list())
    return bygg_kpier(
        [i for i in RAPPORT_KPIER if i in finns],
        underlag.indikatorer,
        underlag.varden,
        underlag.jamforelse,
        underlag.period,
    )


def _minus(text: str) -> str:
    """st.metric's ASCII sign for a change, as the typographic minus of printed text."""
    return "\u2212" + text[1:] if text.startswith("-") else text


def kpi_rader(kpier: list) -> tuple[tuple[str, ...], ...]:
    """The key-figure table as text: value, comparison, change and target in words."""
    from nyckeltal.format import formatera

    rader = []
    for k in kpier:
        jamforelse = (
            f"{formatera(k.jamforelsevarde, k.enhet)} ({k.jamforelseetikett})"
            if k.jamforelsevarde is not None
            else f"{UPPGIFT_SAKNAS} ({k.jamforelseetikett})"
        )
        rader.append(
            (
                k.etikett,
                k.periodetikett,
                k.varde_text,
                jamforelse,
                _minus(k.forandring_text) or "–",
                k.status.text if k.status.text != "inget mål" else "inget mål",
            )
        )
    return tuple(rader)


def kpi_frame(kpier: list) -> pl.DataFrame:
    """The key figures with raw numbers, for Excel."""
    return pl.DataFrame(
        {
            "nyckeltal": [k.namn for k in kpier],
            "enhet": [k.enhet for k in kpier],
            "avser": [k.periodetikett for k in kpier],
            "varde": [None if k.varde is None else float(k.varde) for k in kpier],
            "jamforelsevarde": [
                None if k.jamforelsevarde is None else float(k.jamforelsevarde) for k in kpier
            ],
            "forandring": [None if k.forandring is None else float(k.forandring) for k in kpier],
            "mal_och_status": [k.status.text for k in kpier],
            "kalla": [str(k.kalla) if k.kalla else UPPGIFT_SAKNAS for k in kpier],
        },
        schema={
            "nyckeltal": pl.String,
            "enhet": pl.String,
            "avser": pl.String,
            "varde": pl.Float64,
            "jamforelsevarde": pl.Float64,
            "forandring": pl.Float64,
            "mal_och_status": pl.String,
            "kalla": pl.String,
        },
    )


KPI_FRAME_RUBRIKER = {
    "nyckeltal": "Nyckeltal",
    "enhet": "Enhet",
    "avser": "Avser",
    "varde": "Värde",
    "jamforelsevarde": "Jämförelsevärde",
    "forandring": "Förändring (beräknad)",
    "mal_och_status": "Mål och status",
    "kalla": "Källa",
}


@dataclass(frozen=True)
class Rapportdiagram:
    omrade: str  # the section it belongs to: an area of sammanfattning.OMRADEN or 'analys'
    rubrik: str
    fig: object  # go.Figure
    kalla: str


def _kalla_for(underlag, *indikatorer: str) -> str:
    from nyckeltal.kalla import kalltext

    return kalltext(underlag.totaler.filter(pl.col("indikator_id").is_in(indikatorer)))


def rapportdiagram(underlag) -> list[Rapportdiagram]:
    """The charts of the report, each only when its data exists."""
    from nyckeltal import analys
    from nyckeltal.figurer import analys as figurer_analys
    from nyckeltal.figurer import bistand

    tot = analys.Totaler(underlag.totaler)
    period = underlag.period
    ut = []
    if tot.har(analys.KOSTNAD):
        manader = underlag.totaler.filter(
            (pl.col("indikator_id") == analys.KOSTNAD) & (pl.col("periodtyp") == "manad")
        )
        if not manader.is_empty():
            ut.append(
                Rapportdiagram(
                    "bistand",
                    "Nettokostnad per månad, år för år",
                    bistand.kostnad_per_manad(manader.with_columns(dimension=pl.lit("")), period),
                    _kalla_for(underlag, analys.KOSTNAD),
                )
            )
    takter = analys.maltakter(tot, underlag.indikatorer, period)
    for takt, omrade in ((t, _omrade_for(t.indikator_id)) for t in takter):
        # a chart needs a pace to show; a single month without one says nothing a sentence
        # does not
        if takt.vid_arets_slut is not None and takt.indikator_id != analys.KOSTNAD:
            ut.append(
                Rapportdiagram(
                    omrade,
                    f"{takt.namn}: takten mot målet ({takt.mal_text})",
                    figurer_analys.maltaktdiagram(takt),
                    _kalla_for(underlag, takt.indikator_id),
                )
            )
    if tot.har(analys.KOSTNAD):
        prognos = analys.helarsprognos(tot, analys.KOSTNAD, period.ar, period.till_manad)
        if prognos.prognos is not None:
            ut.append(
                Rapportdiagram(
                    ANALYS,
                    f"Helårsprognos för nettokostnaden {period.ar}",
                    figurer_analys.prognosdiagram(
                        analys.diagramserie(tot, analys.KOSTNAD, period.ar), prognos, period
                    ),
                    _kalla_for(underlag, analys.KOSTNAD, "bistand_budget"),
                )
            )
        band = analys.sasongsband(tot, analys.KOSTNAD, period.ar)
        if band["lage"].drop_nulls().len():
            ut.append(
                Rapportdiagram(
                    ANALYS,
                    f"Nettokostnad per månad {period.ar} mot spannet tidigare år",
                    figurer_analys.sasongsdiagram(band, period.ar, "tkr", "Nettokostnad per månad"),
                    _kalla_for(underlag, analys.KOSTNAD),
                )
            )
        for uppdelning in analys.volym_och_belopp(tot, period).uppdelningar:
            ut.append(
                Rapportdiagram(
                    ANALYS,
                    f"Kostnadsförändringen {uppdelning.rubrik}: hushåll och belopp",
                    figurer_analys.volymdiagram(uppdelning),
                    _kalla_for(underlag, analys.KOSTNAD, analys.HUSHALL),
                )
            )
    return ut


def _omrade_for(indikator: str) -> str:
    from nyckeltal.sammanfattning import OMRADEN

    for omrade, _, indikatorer in OMRADEN:
        if indikator in indikatorer:
            return omrade
    return ANALYS


def analyspunkter(underlag) -> tuple[str, ...]:
    """The analysis in words: forecast and its method, its back-test, the pace to every
    target, the seasonal band and the volume/amount split with what is missing."""
    from nyckeltal import analys
    from nyckeltal.format import formatera, tal

    tot = analys.Totaler(underlag.totaler)
    period = underlag.period
    ut = []
    if tot.har(analys.KOSTNAD):
        prognos = analys.helarsprognos(tot, analys.KOSTNAD, period.ar, period.till_manad)
        ut.append(f"Helårsprognos för nettokostnaden: {prognos.metodtext}")
        prov = analys.aterprova(tot, analys.KOSTNAD, period.ar - 1, period.till_manad)
        if prov is not None and prov.fel is not None:
            ut.append(
                f"Metoden prövad på {prov.prognos.ar}: framskrivningen från "
                f"{prov.prognos.hittills.beskrivning.split(', ')[-1]} gav "
                f"{formatera(prov.prognos.prognos.varde, 'tkr')}; utfallet blev "
                f"{formatera(prov.utfall.varde, 'tkr')}, ett fel på "
                f"{formatera(prov.fel, 'tkr')} ({tal(prov.relativt_fel, 1)} %), beräknat."
            )
    for takt in analys.maltakter(tot, underlag.indikatorer, period):
        ut.append(" ".join((takt.text, *takt.noteringar)))
    if tot.har(analys.KOSTNAD):
        band = analys.sasongsband(tot, analys.KOSTNAD, period.ar)
        ut.append(
            "Säsongsmönster för nettokostnaden: " + analys.sasongstext(band, period.ar, "tkr")
        )
        volym = analys.volym_och_belopp(tot, period)
        for u in volym.uppdelningar:
            ut.append(f"{u.text} {u.forbehall}")
        if volym.saknas:
            ut.append(
                "Uppdelningen på antal hushåll och belopp per hushåll kräver både kostnaden "
                "och antalet hushåll för båda åren. Det saknas: " + " ".join(volym.saknas)
            )
    return tuple(ut)


def bygg_rapport(
    underlag,
    bilder: dict[str, bytes | None] | None = None,
    kommentarer: dict[str, str] | None = None,
    noteringar: Sequence[str] = (),
    diagram: list[Rapportdiagram] | None = None,
) -> Rapport:
    """The report of the period: key figures, the generated text per area with the
    administration's comments, the charts (bilder: rubrik -> PNG), the analysis, every
    figure of the text with its origin, and the sources."""
    from nyckeltal.format import formatera
    from nyckeltal.kalla import kalltext
    from nyckeltal.sammanfattning import FOTNOT, sammanfatta, sparade_kommentarer

    period = underlag.period
    kommentarer = kommentarer or {}
    bilder = bilder or {}
    diagram = rapportdiagram(underlag) if diagram is None else diagram
    texter = sammanfatta(underlag)

    def diagram_for(omrade: str) -> tuple[Diagram, ...]:
        return tuple(
            Diagram(d.rubrik, bilder.get(d.rubrik), d.kalla) for d in diagram if d.omrade == omrade
        )

    avsnitt = [
        Avsnitt(
            t.rubrik,
            t.text,
            FOTNOT if t.har_beraknade else "",
            kommentarer.get(t.omrade, ""),
            diagram_for(t.omrade),
            sparade=sparade_kommentarer(underlag, t.omrade),
        )
        for t in texter
    ]
    avsnitt.append(
        Avsnitt(
            "Analys och prognos",
            "",
            "",
            kommentarer.get(ANALYS, ""),
            diagram_for(ANALYS),
            analyspunkter(underlag),
        )
    )
    underlag_rader = []
    for t in texter:
        for u in t.uppgifter:
            rad = (u.beskrivning, formatera(u.varde, u.enhet), u.harledning, u.underlag)
            if rad not in underlag_rader:
                underlag_rader.append(rad)
    # the sources of what the report shows: the key figures, the text and the charts
    kallor: list[str] = []
    kpi_kallor = kalltext(
        pl.concat(
            [
                underlag.varden.select("dokument", "datum", "diarienummer", "avsnitt"),
                underlag.jamforelse.select("dokument", "datum", "diarienummer", "avsnitt"),
            ]
        )
    ).split("; ")
    # a computed figure's inputs are stated figures of the text or the key figures
    text_kallor = [u.underlag for t in texter for u in t.uppgifter if not u.beraknad]
    for kalla in [*kpi_kallor, *text_kallor, *(k for d in diagram for k in d.kalla.split("; "))]:
        if kalla and kalla != UPPGIFT_SAKNAS and kalla not in kallor:
            kallor.append(kalla)
    return Rapport(
        titel="Arbetslivsnämndens nyckeltal",
        undertitel=f"Uppföljning {period.etikett}, jämfört med {period.jamforelseetikett}",
        kpi_rubriker=KPI_RUBRIKER,
        kpi_rader=kpi_rader(rapportkpier(underlag)),
        avsnitt=tuple(avsnitt),
        underlag_rubriker=UNDERLAG_RUBRIKER,
        underlag_rader=tuple(underlag_rader),
        kallor=tuple(kallor),
        noteringar=tuple(noteringar),
    )
