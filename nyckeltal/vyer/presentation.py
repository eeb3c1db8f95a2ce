"""The presentation's slides for a period: the overview's key figures, the targets, per area
its key figures, its text in parts and its charts, then the forecast and the pace towards the
targets.

Each slide fits a 1280×720 projector without scrolling, with every text at least 24 px: at
most four cards, about twelve lines of text, or one chart. A chart the report has too (the
cost per month, the pace to a target, the forecast) is the report's (rapportinnehall), made
larger for the projector."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from nyckeltal import framskrivning, katalog, maltakt, rapportinnehall, totaler
from nyckeltal.figurer import analys as figurer
from nyckeltal.figurer import kopia
from nyckeltal.format import tal
from nyckeltal.kpi import Kpi
from nyckeltal.maltakt import Maltakt
from nyckeltal.perioder import Period
from nyckeltal.sammanfattning import (
    Underlag,
    hamta_underlag,
    kpier,
    sammanfatta,
    som_markdown,
    sparade_kommentarer,
)
from nyckeltal.vyer import Fraga
from nyckeltal.vyer.diagram import Diagram

OVERSIKT = "Översikt"
KORT_PER_BILD = 4  # two rows of two wide cards fit 1280×720 with 24 px text
# Text on a slide: about 90 characters a line at 26 px on a 1280 px projector, and room for
# about twelve lines under the heading. A sentence is never split over two slides.
TECKEN_PER_RAD = 90
RADER_PER_BILD = 12
DIAGRAMHOJD = 430  # px: the chart, its heading and its source line fit in 720 px
DIAGRAMTEXT = 24  # px: the smallest text in a chart on the projector
FOTNOT = "* Beräknat från uppgifterna i handlingarna."


@dataclass(frozen=True)
class Bild:
    """One slide: a heading and one kind of content (cards, sentences or a chart)."""

    rubrik: str  # the slide's own name: in the URL (?bild=) and the list of slides
    kort: tuple[Kpi, ...] = ()
    meningar: tuple[str, ...] = ()  # Markdown-safe sentences
    diagram: Diagram | None = None
    fotnot: str = ""  # Markdown-safe
    kommentarer: tuple[str, ...] = ()  # staff comments, shown as plain text

    @property
    def kallrad(self) -> str:
        """The chart's source under it, Markdown-safe."""
        return f"Källa: {som_markdown(self.diagram.kalla)}" if self.diagram else ""


def bygg(fraga: Fraga, period: Period) -> tuple[Bild, ...]:
    """Every slide for the period, in the order they are shown."""
    underlag = hamta_underlag(fraga, period)
    tot = totaler.Totaler(underlag.totaler)
    takter = {t.indikator_id: t for t in maltakt.maltakter(tot, underlag.indikatorer, period)}
    bilder = (
        *kortbilder(OVERSIKT, kpier(underlag, katalog.kort(katalog.OVERSIKT))),
        *textbilder(
            "Målen", [f"{t.status_text}: {t.namn}, {t.mal_text}." for t in takter.values()]
        ),
        *_omradesbilder(underlag, takter),
        *analysbilder(underlag, tot, takter),
    )
    assert len({b.rubrik for b in bilder}) == len(bilder), "two slides with the same heading"
    return bilder


def _omradesbilder(underlag: Underlag, takter: dict[str, Maltakt]) -> tuple[Bild, ...]:
    """Per area: its key figures, its text, then its charts (the cost per month for
    ekonomiskt bistånd, the pace towards each of its targets)."""
    texter = {t.omrade: t for t in sammanfatta(underlag)}
    ut: list[Bild] = []
    for omrade, rubrik in katalog.OMRADESNAMN.items():
        indikatorer = katalog.kort(omrade)
        text = texter[omrade]
        ut += kortbilder(rubrik, kpier(underlag, indikatorer))
        ut += textbilder(
            f"{rubrik} – läget",
            [m.text for m in text.meningar],
            fotnot=som_markdown(FOTNOT) if text.har_beraknade else "",
            kommentarer=tuple(f"💬 {k}" for k in sparade_kommentarer(underlag, omrade)),
        )
        if omrade == "bistand":
            kostnad = rapportinnehall.diagram_kostnad_per_manad(underlag)
            if kostnad is not None:
                ut.append(
                    Bild(
                        "Kostnad för ekonomiskt bistånd per månad",
                        diagram=for_projektor(kostnad, "bistand"),
                    )
                )
        for indikator in indikatorer:
            takt = takter.get(indikator)
            if takt is not None and rapportinnehall.har_taktdiagram(takt):
                ut.append(
                    Bild(
                        f"Takten mot målet: {takt.namn}",
                        diagram=for_projektor(
                            rapportinnehall.diagram_maltakt(underlag, takt), f"takt_{indikator}"
                        ),
                    )
                )
    return tuple(ut)


def analysbilder(
    underlag: Underlag, tot: totaler.Totaler, takter: dict[str, Maltakt]
) -> tuple[Bild, ...]:
    """The forecast for the year in words and as a chart, then the pace towards the targets."""
    period = underlag.period
    prognos = (
        framskrivning.helarsprognos(tot, totaler.KOSTNAD, period.ar, period.till_manad)
        if tot.har(totaler.KOSTNAD)
        else None
    )
    if prognos is not None and prognos.prognos is not None:
        prognosbilder = (
            *textbilder("Helårsprognos", [_prognosmening(prognos)]),
            Bild(
                "Helårsprognos för kostnaden",
                diagram=for_projektor(
                    rapportinnehall.diagram_prognos(underlag, tot, prognos), "prognos"
                ),
            ),
        )
    else:
        prognosbilder = textbilder(
            "Helårsprognos", [prognos.orsak if prognos else "Helårsprognos: uppgift saknas."]
        )
    return (*prognosbilder, *textbilder("Takten mot målen", [t.text for t in takter.values()]))


def _prognosmening(prognos: framskrivning.Helarsprognos) -> str:
    spann = f", spann {tal(prognos.lag.varde)}–{prognos.hog.text()}" if prognos.lag else ""
    forvaltningens = (
        f"; förvaltningens prognos är {prognos.forvaltningens.text()}"
        if prognos.forvaltningens
        else ""
    )
    budget = f" och budgeten {prognos.budget.text()}" if prognos.budget else ""
    return (
        f"Nettokostnaden för ekonomiskt bistånd skrivs fram till "
        f"{prognos.prognos.text()} för helåret (beräknat{spann}){forvaltningens}{budget}."
    )


def for_projektor(diagram: Diagram, nyckel: str) -> Diagram:
    """The chart for the projector: a copy with large type and a height that fits the slide.
    Its accessible name is read from the figure, as the slides' charts always had."""
    fig = figurer.for_projektor(kopia(diagram.fig), storlek=DIAGRAMTEXT, hojd=DIAGRAMHOJD)
    return replace(diagram, fig=fig, nyckel=nyckel, alt="")


def textbilder(rubrik: str, meningar: list[str], **extra) -> tuple[Bild, ...]:
    """Sentences over as many slides as they need; the last slide gets the extras."""
    delar: list[list[str]] = [[]]
    rader = 0.0
    for mening in meningar:
        behov = math.ceil(len(mening) / TECKEN_PER_RAD) + 0.5
        if delar[-1] and rader + behov > RADER_PER_BILD:
            delar.append([])
            rader = 0.0
        delar[-1].append(som_markdown(mening))
        rader += behov
    return tuple(
        Bild(
            delrubrik(rubrik, i, len(delar)),
            meningar=tuple(del_),
            **(extra if i == len(delar) else {}),
        )
        for i, del_ in enumerate(delar, start=1)
    )


def delrubrik(rubrik: str, i: int, antal: int) -> str:
    """'Översikt – nyckeltal (1 av 2)': every slide's heading is its own (it is the slide's
    name in the URL and in the list of slides)."""
    return rubrik if antal == 1 else f"{rubrik} ({i} av {antal})"


def kortbilder(avsnitt: str, kort: tuple[Kpi, ...]) -> tuple[Bild, ...]:
    delar = [kort[i : i + KORT_PER_BILD] for i in range(0, len(kort), KORT_PER_BILD)]
    return tuple(
        Bild(delrubrik(f"{avsnitt} – nyckeltal", i, len(delar)), kort=del_)
        for i, del_ in enumerate(delar, start=1)
    )
