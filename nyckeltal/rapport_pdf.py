"""The report of a period as a tagged PDF (PDF/UA-1 and PDF/A-2a) through Typst.

Why Typst (PyPI typst, the compiler in one self-contained wheel, its own fallback fonts
inside): it writes the structure tree a screen reader needs (headings, tables with header
cells, figures with alternative text, list items, the document's language and a title shown
in the title bar) and checks PDF/UA-1 while it writes. fpdf2, used before, tags only images
and links (py-pdf/fpdf2#792); WeasyPrint can write PDF/UA-1 too but needs Pango from Debian.
PDF/A-2a on top costs nothing and suits the municipality's archive.

How the text gets there: the template nyckeltal/rapport.typ holds the layout only. The report
goes in as one JSON document (sys.inputs) that the template reads with json() and sets as
strings, so a comment typed by staff with Typst syntax (#, $, *, [ ], \\, <, @) prints as typed:
nothing from the report is read as markup. The charts go in as PNG files in a temporary
directory, the template's root, under names chosen here.
"""

from __future__ import annotations

import functools
import json
import tempfile
from pathlib import Path

from nyckeltal import rapportmodell

MALL = Path(__file__).with_name("rapport.typ")
STANDARDER = ["ua-1", "a-2a"]

# Font families in order of choice, and the folders to find them in. Typst falls back glyph by
# glyph down the list, then to its own Libertinus Serif, which has the Swedish letters, the
# typographic minus and the dashes too: a machine without these folders still prints them.
TYPSNITT = ("Liberation Sans", "DejaVu Sans")
TYPSNITTSMAPPAR = ("/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu")

# Column widths, relative; None: as wide as the widest cell, for the columns of figures whose
# no-break spaces keep "44 923 tkr" and "+1 procentenhet" on one line.
KPI_BREDDER = (44, 25, None, 30, None, 32)
UNDERLAG_BREDDER = (50, None, None, 95)


@functools.cache
def _typsnitt(mappar: tuple[str, ...]):
    """The fonts of the folders that exist, scanned once per process (tens of milliseconds)."""
    import typst

    return typst.Fonts(
        include_system_fonts=False,
        font_paths=[m for m in mappar if Path(m).is_dir()],
    )


def _tabell(rubrik: str, rubriker, rader, bredder) -> dict:
    t = rapportmodell.utan_bildtecken
    return {
        "rubrik": rubrik,
        "rubriker": [t(r) for r in rubriker],
        "rader": [[t(c) for c in rad] for rad in rader],
        "bredder": list(bredder) if len(bredder) == len(rubriker) else None,
    }


def bildfiler(rapport: rapportmodell.Rapport) -> dict[tuple[int, int], str]:
    """(section, chart) -> the file name of the chart's PNG in the template's root."""
    return {
        (i, j): f"diagram_{i}_{j}.png"
        for i, a in enumerate(rapport.avsnitt)
        for j, d in enumerate(a.diagram)
        if rapport.bild(d) is not None
    }


def data(rapport: rapportmodell.Rapport, familjer: list[str]) -> dict:
    """The report as the template's JSON: every string as the report has it, less emoji."""
    t = rapportmodell.utan_bildtecken
    bilder = bildfiler(rapport)
    avsnitt = []
    for i, a in enumerate(rapport.avsnitt):
        kommentarer = [s for k in (*a.sparade, a.kommentar) for s in rapportmodell.stycken(k)]
        avsnitt.append(
            {
                "rubrik": t(a.rubrik),
                "stycken": [t(s) for s in (a.text, *a.punkter) if s],
                "fotnot": t(a.fotnot),
                "kommentarer": kommentarer,
                "diagram": [
                    {
                        "rubrik": t(d.rubrik),
                        "bild": bilder.get((i, j)),
                        "alt": t(d.alt or d.rubrik),
                        "kalla": t(f"{rapportmodell.KALLA}: {d.kalla}"),
                        "saknas": rapportmodell.INGEN_BILD,
                    }
                    for j, d in enumerate(a.diagram)
                ],
            }
        )
    return {
        "titel": t(rapport.titel),
        "undertitel": t(rapport.undertitel),
        "forfattare": rapportmodell.FORFATTARE,
        "typsnitt": familjer,
        "sidfot": t(f"{rapport.titel}, {rapport.undertitel.split(',')[0].lower()}"),
        "sida": "Sida",
        "av": "av",
        "inledning": [rapport.inledning(word=False)],
        "noteringar": [t(s) for s in rapport.noteringar],
        "nyckeltal": _tabell(
            rapportmodell.NYCKELTAL, rapport.kpi_rubriker, rapport.kpi_rader, KPI_BREDDER
        ),
        "kommentarrubrik": rapportmodell.KOMMENTAR,
        "avsnitt": avsnitt,
        "underlag": _tabell(
            rapportmodell.UNDERLAG,
            rapport.underlag_rubriker,
            rapport.underlag_rader,
            UNDERLAG_BREDDER,
        )
        if rapport.underlag_rader
        else None,
        "kallrubrik": rapportmodell.KALLOR,
        "kallor": [t(k) for k in rapport.kallor],
    }


def pdf(rapport: rapportmodell.Rapport) -> bytes:
    """The report as PDF (A4): title, key-figure table, per area the generated text, the
    comments and the charts with their sources, then the figures behind the text and the
    sources. Raises typst.TypstError if the PDF cannot be written to PDF/UA-1."""
    import typst

    typsnitt = _typsnitt(tuple(TYPSNITTSMAPPAR))
    finns = set(typsnitt.families())
    familjer = [f for f in TYPSNITT if f in finns] or ["Libertinus Serif"]
    with tempfile.TemporaryDirectory(prefix="rapport_") as rot:
        for (i, j), namn in bildfiler(rapport).items():
            (Path(rot) / namn).write_bytes(rapport.bild(rapport.avsnitt[i].diagram[j]))
        indata = json.dumps(data(rapport, familjer), ensure_ascii=False)
        return typst.compile(
            MALL.read_bytes(),
            root=rot,
            font_paths=typsnitt,
            ignore_system_fonts=True,
            sys_inputs={"rapport": indata},
            pdf_standards=STANDARDER,
        )
