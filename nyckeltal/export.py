"""Taking the meeting out of the dashboard: Excel of tables, PNG of charts, and the report of a
period as PDF and as an editable Word document.

Pure builders: data in, bytes out, no Streamlit. Charts become PNG through kaleido, which
drives the system Chromium (BROWSER_PATH, default /usr/bin/chromium); the report can be built
without images when no browser is available, and then says so.

The report is a model (Rapport: text, tables, charts with their alternative text, sources)
assembled here; nyckeltal.rapport_pdf writes it as a tagged PDF (PDF/UA-1, through Typst and
the template nyckeltal/rapport.typ) and nyckeltal.rapport_word as Word. pdf() and docx() below
are their entry points.
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
FORFATTARE = "Arbetslivsnämndens nyckeltal"  # the author named in every file's properties


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
            "author": FORFATTARE,
            "comments": "Skapad ur nyckeltalens databas.",
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

# Headings and fixed sentences that the PDF and the Word document share.
NYCKELTAL = "Nyckeltal"
KOMMENTAR = "Förvaltningens kommentar"
UNDERLAG = "Siffrorna i texten och var de kommer ifrån"
KALLOR = "Källor"
KALLA = "Källa"
INGEN_BILD = "Diagrammet kunde inte ritas som bild."


@dataclass(frozen=True)
class Diagram:
    rubrik: str
    png: bytes | None  # None when the image could not be drawn
    kalla: str
    alt: str = ""  # what the chart shows, in words: the picture's alternative text


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

    def inledning(self, word: bool) -> str:
        """The line under the title: when and from what the draft was made."""
        return (
            f"Skapad {self.skapad.isoformat()} ur nyckeltalens databas. Ett utkast: texten är "
            "genererad ur siffrorna och kan redigeras" + ("." if word else " i Word-versionen.")
        )


# Emoji and pictographs have no glyph in a text font: the words beside them carry the meaning.
_BILDTECKEN = re.compile("[\u2600-\u27bf\ufe0f\u2b00-\u2bff\U0001f000-\U0001faff]")


def utan_bildtecken(text: str) -> str:
    return re.sub(r"\s{2,}", " ", _BILDTECKEN.sub("", text)).strip()


def stycken(text: str) -> list[str]:
    """A typed comment's paragraphs (split at blank lines), each without emoji."""
    return [s for s in (utan_bildtecken(d) for d in re.split(r"\n\s*\n", text)) if s]


def pdf(rapport: Rapport) -> bytes:
    """The report as a tagged PDF (PDF/UA-1), written by nyckeltal.rapport_pdf."""
    from nyckeltal.rapport_pdf import pdf as skriv_pdf

    return skriv_pdf(rapport)


def docx(rapport: Rapport) -> bytes:
    """The report as an editable Word document, written by nyckeltal.rapport_word."""
    from nyckeltal.rapport_word import docx as skriv_docx

    return skriv_docx(rapport)


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
                k.forandring_text or "–",
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
    alt: str = ""  # what the chart shows and its key figures, for a reader who cannot see it


# Alternative texts: what kind of chart, what it shows, and the figures a sighted reader takes
# from it, written from the same data as the chart (WCAG 1.1.1; PDF/UA needs one per picture).


def _uppraknat(delar: Sequence[str]) -> str:
    """'2020', '2020 och 2021', '2019, 2020 och 2021'."""
    delar = list(delar)
    return delar[0] if len(delar) == 1 else ", ".join(delar[:-1]) + " och " + delar[-1]


def _alt_kostnad_per_manad(manader: pl.DataFrame, period) -> str:
    from nyckeltal.format import formatera, manadsnamn

    varden = dict(
        zip(zip(manader["ar"].to_list(), manader["manad"].to_list()), manader["varde"].to_list())
    )
    ar = sorted({a for a, _ in varden})
    manad = manadsnamn(period.till_manad)
    jamforda = "; ".join(
        f"{manad} {a}: {formatera(varden.get((a, period.till_manad)), 'tkr')}"
        for a in (period.ar, period.jamforelsear)
    )
    return (
        "Linjediagram över nettokostnaden för ekonomiskt bistånd per månad i tkr, januari till "
        f"december, en linje per år ({_uppraknat([str(a) for a in ar])}); perioden "
        f"{period.etikett} är markerad. {jamforda[0].upper()}{jamforda[1:]}."
    )


def _alt_maltakt(takt) -> str:
    return (
        f"Linjediagram: {takt.namn} {takt.ar} månad för månad, takten hittills framskriven till "
        f"december och målet ({takt.mal_text}). {takt.text}"
    )


def _alt_prognos(prognos) -> str:
    from nyckeltal.format import formatera, manadsintervall, tal

    e = prognos.enhet
    hittills = f"{manadsintervall(1, prognos.till_manad)} {prognos.ar}"
    delar = [
        f"Linjediagram: {prognos.namn}, "
        + ("ackumulerat " if prognos.matt_typ == "flode" else "")
        + f"månad för månad {prognos.ar} och tidigare år "
        f"({_uppraknat([str(k.ar) for k in prognos.kvoter])}), med framskrivningen till december.",
        f"{hittills[0].upper()}{hittills[1:]}: {formatera(prognos.hittills.varde, e)}.",
        f"Framskrivning för helåret (beräknad): {formatera(prognos.prognos.varde, e)}"
        + (
            f", spann {tal(prognos.lag.varde)}–{formatera(prognos.hog.varde, e)}."
            if prognos.lag is not None and prognos.hog is not None
            else "."
        ),
    ]
    if prognos.forvaltningens is not None:
        delar.append(f"Förvaltningens prognos: {formatera(prognos.forvaltningens.varde, e)}.")
    if prognos.budget is not None:
        delar.append(f"Budget {prognos.ar}: {formatera(prognos.budget.varde, e)}.")
    helar = "; ".join(f"{k.ar}: {formatera(k.helar.varde, e)}" for k in prognos.kvoter)
    if helar:
        delar.append(f"Helår tidigare år: {helar}.")
    return " ".join(delar)


def _alt_sasong(band: pl.DataFrame, ar: int) -> str:
    from nyckeltal.format import manadsnamn
    from nyckeltal.sasong import LAGE_INOM, LAGE_OVER, LAGE_UNDER

    tidigare = sorted({a for t in band["tidigare_ar"].to_list() if t for a in t.split(", ")})
    lagen = [(m, lage) for m, lage in zip(band["manad"].to_list(), band["lage"].to_list()) if lage]
    delar = []
    for lage in (LAGE_OVER, LAGE_UNDER, LAGE_INOM):
        manader = [manadsnamn(m) for m, l_ in lagen if l_ == lage]
        if manader:
            delar.append(
                f"{len(manader)} {lage}"
                + ("" if lage == LAGE_INOM else f" ({_uppraknat(manader)})")
            )
    return (
        f"Linjediagram: nettokostnaden per månad {ar} mot ett fält med lägsta till högsta värdet "
        f"samma månad tidigare år ({_uppraknat(tidigare)}). Av {len(lagen)} månader som kan "
        f"jämföras låg {_uppraknat(delar)}."
    )


def _alt_volym(uppdelning) -> str:
    from nyckeltal.format import formatera

    u = uppdelning
    fran, till = formatera(u.kostnad_jmf.varde, "tkr"), formatera(u.kostnad.varde, "tkr")
    return (
        f"Vattenfallsdiagram: nettokostnaden {u.rubrik} från {fran} {u.jamforelsear} till {till} "
        f"{u.ar}, uppdelad på antalet hushåll och kostnaden per hushåll. {u.text}"
    )


def _kalla_for(underlag, *indikatorer: str) -> str:
    from nyckeltal.kalla import kalltext

    return kalltext(underlag.totaler.filter(pl.col("indikator_id").is_in(indikatorer)))


def rapportdiagram(underlag) -> list[Rapportdiagram]:
    """The charts of the report, each only when its data exists."""
    from nyckeltal import framskrivning, maltakt, sasong, totaler, volymanalys
    from nyckeltal.figurer import analys as figurer_analys
    from nyckeltal.figurer import bistand

    tot = totaler.Totaler(underlag.totaler)
    period = underlag.period
    ut = []
    if tot.har(totaler.KOSTNAD):
        manader = underlag.totaler.filter(
            (pl.col("indikator_id") == totaler.KOSTNAD) & (pl.col("periodtyp") == "manad")
        )
        if not manader.is_empty():
            ut.append(
                Rapportdiagram(
                    "bistand",
                    "Nettokostnad per månad, år för år",
                    bistand.kostnad_per_manad(manader.with_columns(dimension=pl.lit("")), period),
                    _kalla_for(underlag, totaler.KOSTNAD),
                    _alt_kostnad_per_manad(manader, period),
                )
            )
    takter = maltakt.maltakter(tot, underlag.indikatorer, period)
    for takt, omrade in ((t, _omrade_for(t.indikator_id)) for t in takter):
        # a chart needs a pace to show; a single month without one says nothing a sentence
        # does not
        if takt.vid_arets_slut is not None and takt.indikator_id != totaler.KOSTNAD:
            ut.append(
                Rapportdiagram(
                    omrade,
                    f"{takt.namn}: takten mot målet ({takt.mal_text})",
                    figurer_analys.maltaktdiagram(takt),
                    _kalla_for(underlag, takt.indikator_id),
                    _alt_maltakt(takt),
                )
            )
    if tot.har(totaler.KOSTNAD):
        prognos = framskrivning.helarsprognos(tot, totaler.KOSTNAD, period.ar, period.till_manad)
        if prognos.prognos is not None:
            ut.append(
                Rapportdiagram(
                    ANALYS,
                    f"Helårsprognos för nettokostnaden {period.ar}",
                    figurer_analys.prognosdiagram(
                        totaler.diagramserie(tot, totaler.KOSTNAD, period.ar), prognos, period
                    ),
                    _kalla_for(underlag, totaler.KOSTNAD, "bistand_budget"),
                    _alt_prognos(prognos),
                )
            )
        band = sasong.sasongsband(tot, totaler.KOSTNAD, period.ar)
        if band["lage"].drop_nulls().len():
            ut.append(
                Rapportdiagram(
                    ANALYS,
                    f"Nettokostnad per månad {period.ar} mot spannet tidigare år",
                    figurer_analys.sasongsdiagram(band, period.ar, "tkr", "Nettokostnad per månad"),
                    _kalla_for(underlag, totaler.KOSTNAD),
                    _alt_sasong(band, period.ar),
                )
            )
        for uppdelning in volymanalys.volym_och_belopp(tot, period).uppdelningar:
            ut.append(
                Rapportdiagram(
                    ANALYS,
                    f"Kostnadsförändringen {uppdelning.rubrik}: hushåll och belopp",
                    figurer_analys.volymdiagram(uppdelning),
                    _kalla_for(underlag, totaler.KOSTNAD, totaler.HUSHALL),
                    _alt_volym(uppdelning),
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
    from nyckeltal import framskrivning, maltakt, sasong, totaler, volymanalys
    from nyckeltal.format import formatera, tal

    tot = totaler.Totaler(underlag.totaler)
    period = underlag.period
    ut = []
    if tot.har(totaler.KOSTNAD):
        prognos = framskrivning.helarsprognos(tot, totaler.KOSTNAD, period.ar, period.till_manad)
        ut.append(f"Helårsprognos för nettokostnaden: {prognos.metodtext}")
        prov = framskrivning.aterprova(tot, totaler.KOSTNAD, period.ar - 1, period.till_manad)
        if prov is not None and prov.fel is not None:
            ut.append(
                f"Metoden prövad på {prov.prognos.ar}: framskrivningen från "
                f"{prov.prognos.hittills.beskrivning.split(', ')[-1]} gav "
                f"{formatera(prov.prognos.prognos.varde, 'tkr')}; utfallet blev "
                f"{formatera(prov.utfall.varde, 'tkr')}, ett fel på "
                f"{formatera(prov.fel, 'tkr')} ({tal(prov.relativt_fel, 1)} %), beräknat."
            )
    for takt in maltakt.maltakter(tot, underlag.indikatorer, period):
        ut.append(" ".join((takt.text, *takt.noteringar)))
    if tot.har(totaler.KOSTNAD):
        band = sasong.sasongsband(tot, totaler.KOSTNAD, period.ar)
        ut.append(
            "Säsongsmönster för nettokostnaden: " + sasong.sasongstext(band, period.ar, "tkr")
        )
        volym = volymanalys.volym_och_belopp(tot, period)
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
            Diagram(d.rubrik, bilder.get(d.rubrik), d.kalla, d.alt or d.rubrik)
            for d in diagram
            if d.omrade == omrade
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
