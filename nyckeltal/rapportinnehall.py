"""Assembling the report of a period: the key figures, the generated text per area with the
administration's comments, the charts with their alternative text, the analysis, every figure
of the text with its origin, and the sources. The result is a nyckeltal.rapportmodell.Rapport:
utkast builds a period's draft (shared between sessions, nyckeltal.vyer.rapport), fardig adds
what the administration adds when it makes the files (comments, the charts' pictures).

The charts are nyckeltal.vyer.diagram.Diagram, with the numbers they draw; the presentation
shows three of them larger (nyckeltal.vyer.presentation).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

import polars as pl

from nyckeltal.format import UPPGIFT_SAKNAS
from nyckeltal.katalog import OMRADESNAMN, kort, omradenas_kort
from nyckeltal.rapportmodell import Avsnitt, Rapport
from nyckeltal.vyer.diagram import Diagram

KPI_RUBRIKER = ("Nyckeltal", "Avser", "Värde", "Jämförelse", "Förändring", "Mål och status")
UNDERLAG_RUBRIKER = ("Uppgift", "Värde", "Härledning", "Källa eller beräkning")
ANALYS = "analys"


def rapportkpier(underlag) -> tuple:
    """The report's key figures (nyckeltal.kpi.Kpi) for the period of a Underlag: every
    area's, area by area."""
    from nyckeltal.sammanfattning import kpier

    return kpier(underlag, omradenas_kort())


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


# The charts: each a Diagram with the numbers it draws (the same table, units and headings as
# the chart's on the pages Ekonomiskt bistånd and Analys och prognos), its heading in the
# report and its alternative text. The presentation shows the first three too, larger.


def diagram_kostnad_per_manad(underlag) -> Diagram | None:
    """The net cost of ekonomiskt bistånd per month, one line per year; None without months."""
    from nyckeltal import totaler
    from nyckeltal.vyer.ekonomiskt_bistand import kostnadsdiagram

    manader = underlag.totaler.filter(
        (pl.col("indikator_id") == totaler.KOSTNAD) & (pl.col("periodtyp") == "manad")
    )
    if manader.is_empty():
        return None
    return kostnadsdiagram(
        manader.with_columns(dimension=pl.lit("")),
        underlag.period,
        nyckel="rapport_kostnad_per_manad",
        rubrik="Nettokostnad per månad, år för år",
        alt=_alt_kostnad_per_manad(manader, underlag.period),
    )


def har_taktdiagram(takt) -> bool:
    """Whether a target's pace gets a chart: a chart needs a pace to show (a single month
    without one says nothing a sentence does not), and the net cost's target is the budget,
    which the forecast shows."""
    from nyckeltal import totaler

    return takt.vid_arets_slut is not None and takt.indikator_id != totaler.KOSTNAD


def diagram_maltakt(underlag, takt) -> Diagram:
    """The year's figures so far towards a target, the pace carried to December and the
    target (a nyckeltal.maltakt.Maltakt)."""
    from nyckeltal.vyer import analysdiagram

    return analysdiagram.maltaktdiagram(
        takt,
        kalla=_kalla_for(underlag, takt.indikator_id),
        nyckel=f"rapport_takt_{takt.indikator_id}",
        rubrik=f"{takt.namn}: takten mot målet ({takt.mal_text})",
        alt=_alt_maltakt(takt),
    )


def diagram_prognos(underlag, tot, prognos) -> Diagram:
    """The net cost accumulated month by month, this year and earlier years, written forward
    to December (a framskrivning.Helarsprognos with a forecast)."""
    from nyckeltal import totaler
    from nyckeltal.vyer import analysdiagram

    return analysdiagram.prognosdiagram(
        tot,
        prognos,
        underlag.period,
        kalla=_kalla_for(underlag, totaler.KOSTNAD, "bistand_budget"),
        nyckel="rapport_prognos",
        rubrik=f"Helårsprognos för nettokostnaden {underlag.period.ar}",
        alt=_alt_prognos(prognos),
    )


def diagram_sasong(underlag, band: pl.DataFrame) -> Diagram:
    """This year's net cost per month against the span of earlier years (sasong.sasongsband)."""
    from nyckeltal import totaler
    from nyckeltal.vyer import analysdiagram

    ar = underlag.period.ar
    return analysdiagram.sasongsdiagram(
        band,
        ar,
        "tkr",
        "Nettokostnad per månad",
        kalla=_kalla_for(underlag, totaler.KOSTNAD),
        nyckel="rapport_sasong",
        rubrik=f"Nettokostnad per månad {ar} mot spannet tidigare år",
        alt=_alt_sasong(band, ar),
    )


def diagram_volym(underlag, uppdelning) -> Diagram:
    """A cost change split into the number of households and the amount per household (a
    volymanalys.Uppdelning)."""
    from nyckeltal import totaler
    from nyckeltal.vyer import analysdiagram

    return analysdiagram.volymdiagram(
        uppdelning,
        kalla=_kalla_for(underlag, totaler.KOSTNAD, totaler.HUSHALL),
        nyckel=f"rapport_volym_{uppdelning.manader}",
        rubrik=f"Kostnadsförändringen {uppdelning.rubrik}: hushåll och belopp",
        alt=_alt_volym(uppdelning),
    )


def rapportdiagram(underlag) -> tuple[tuple[str, Diagram], ...]:
    """The charts of the report, each only when its data exists, with the section it belongs
    to: an area of katalog.OMRADESNAMN or ANALYS."""
    from nyckeltal import framskrivning, maltakt, sasong, totaler, volymanalys

    tot = totaler.Totaler(underlag.totaler)
    period = underlag.period
    ut: list[tuple[str, Diagram]] = []
    kostnad = diagram_kostnad_per_manad(underlag)
    if kostnad is not None:
        ut.append(("bistand", kostnad))
    for takt in maltakt.maltakter(tot, underlag.indikatorer, period):
        if har_taktdiagram(takt):
            ut.append((_omrade_for(takt.indikator_id), diagram_maltakt(underlag, takt)))
    if tot.har(totaler.KOSTNAD):
        prognos = framskrivning.helarsprognos(tot, totaler.KOSTNAD, period.ar, period.till_manad)
        if prognos.prognos is not None:
            ut.append((ANALYS, diagram_prognos(underlag, tot, prognos)))
        band = sasong.sasongsband(tot, totaler.KOSTNAD, period.ar)
        if band["lage"].drop_nulls().len():
            ut.append((ANALYS, diagram_sasong(underlag, band)))
        for uppdelning in volymanalys.volym_och_belopp(tot, period).uppdelningar:
            ut.append((ANALYS, diagram_volym(underlag, uppdelning)))
    return tuple(ut)


def _omrade_for(indikator: str) -> str:
    for omrade in OMRADESNAMN:
        if indikator in kort(omrade):
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


def utkast(underlag, diagram: Sequence[tuple[str, Diagram]] | None = None) -> Rapport:
    """The report of the period before the administration adds to it (fardig): key figures,
    the generated text per area with the saved staff comments, the charts, the analysis,
    every figure of the text with its origin, and the sources. diagram: rapportdiagram's,
    when the caller has them."""
    from nyckeltal.format import formatera
    from nyckeltal.kalla import kalltext
    from nyckeltal.sammanfattning import FOTNOT, sammanfatta, sparade_kommentarer

    period = underlag.period
    diagram = rapportdiagram(underlag) if diagram is None else diagram
    texter = sammanfatta(underlag)

    def diagram_for(omrade: str) -> tuple[Diagram, ...]:
        return tuple(d for omradet, d in diagram if omradet == omrade)

    avsnitt = [
        Avsnitt(
            t.rubrik,
            t.text,
            FOTNOT if t.har_beraknade else "",
            diagram=diagram_for(t.omrade),
            sparade=sparade_kommentarer(underlag, t.omrade),
            omrade=t.omrade,
        )
        for t in texter
    ]
    avsnitt.append(
        Avsnitt(
            "Analys och prognos",
            "",
            diagram=diagram_for(ANALYS),
            punkter=analyspunkter(underlag),
            omrade=ANALYS,
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
    diagram_kallor = [k for _, d in diagram for k in d.kalla.split("; ")]
    for kalla in [*kpi_kallor, *text_kallor, *diagram_kallor]:
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
    )


def fardig(
    utkastet: Rapport,
    bilder: Mapping[str, bytes | None] | None = None,
    kommentarer: Mapping[str, str] | None = None,
    noteringar: Sequence[str] = (),
) -> Rapport:
    """The draft with what the administration adds when it makes the files: its comment per
    section (kommentarer: area or ANALYS -> text), the charts' pictures (bilder: the chart's
    nyckel -> PNG), notes such as that the pictures could not be drawn, and today's date."""
    kommentarer = kommentarer or {}
    return replace(
        utkastet,
        avsnitt=tuple(
            replace(a, kommentar=kommentarer.get(a.omrade, "")) for a in utkastet.avsnitt
        ),
        bilder=bilder or {},
        noteringar=tuple(noteringar),
        skapad=date.today(),
    )


def bygg_rapport(
    underlag,
    bilder: Mapping[str, bytes | None] | None = None,
    kommentarer: Mapping[str, str] | None = None,
    noteringar: Sequence[str] = (),
    diagram: Sequence[tuple[str, Diagram]] | None = None,
) -> Rapport:
    """The finished report of the period in one call: utkast, then fardig."""
    return fardig(utkast(underlag, diagram), bilder, kommentarer, noteringar)
