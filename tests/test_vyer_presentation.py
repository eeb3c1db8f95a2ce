"""The presentation's slides, built without Streamlit (nyckeltal.vyer.presentation). Expected
figures are data/varden.csv's (the committee's papers of 27 October 2022); the slides are
shared between sessions, so they cannot be changed."""

import dataclasses

import pytest

from nyckeltal import katalog
from nyckeltal.perioder import Period
from nyckeltal.vyer import presentation, rapport
from nyckeltal.vyer.diagram import FrystFigurFel

SEP_2022 = Period(2022, 1, 9, 2021)
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def bilder(db):
    return {b.rubrik: b for b in presentation.bygg(db.fraga, SEP_2022)}


def test_bildernas_ordning(bilder):
    assert list(bilder)[:8] == [
        "Översikt – nyckeltal (1 av 2)",
        "Översikt – nyckeltal (2 av 2)",
        "Målen",
        "Ekonomiskt bistånd – nyckeltal",
        "Ekonomiskt bistånd – läget (1 av 2)",
        "Ekonomiskt bistånd – läget (2 av 2)",
        "Kostnad för ekonomiskt bistånd per månad",
        "Takten mot målet: Hushåll med försörjningsstöd",
    ]
    assert list(bilder)[-1].startswith("Takten mot målen")


def test_oversiktens_kort_fyra_per_bild_i_oversiktens_ordning(bilder):
    forsta = bilder["Översikt – nyckeltal (1 av 2)"].kort
    andra = bilder["Översikt – nyckeltal (2 av 2)"].kort
    assert tuple(k.indikator_id for k in forsta + andra) == katalog.kort(katalog.OVERSIKT)
    assert [k.varde_text for k in forsta] == ["648", "102", "346", "63"]
    assert andra[0].varde_text == f"44{NBSP}923{NBSP}tkr"
    arbetsmarknad = bilder["Arbetsmarknad – nyckeltal"].kort
    assert tuple(k.indikator_id for k in arbetsmarknad) == katalog.kort("arbetsmarknad")


def test_texterna(bilder):
    laget = bilder["Ekonomiskt bistånd – läget (1 av 2)"].meningar[0]
    assert "var 648 i september 2022 jämfört med 734 i september 2021" in laget
    prognos = bilder["Helårsprognos"].meningar[0]
    # the administration's forecast and the budget as data/varden.csv states them
    assert f"förvaltningens prognos är 60{NBSP}500{NBSP}tkr" in prognos
    assert f"budgeten 57{NBSP}500{NBSP}tkr" in prognos


def test_diagrammet_ar_rapportens_i_storre_format(db, bilder):
    bild = bilder["Kostnad för ekonomiskt bistånd per månad"]
    diagram = bild.diagram
    assert diagram.nyckel == "bistand"  # the widget's key stays presentation_bistand
    september = diagram.tabell.filter(diagram.tabell["manad"] == 9)
    assert september["2022"].item() == 4815 and september["2021"].item() == 5084
    assert diagram.fig.layout.height == presentation.DIAGRAMHOJD
    assert diagram.fig.layout.font.size == presentation.DIAGRAMTEXT
    assert bild.kallrad.startswith("Källa: Bilaga: Budgetuppföljning Sept 2022")
    # the report's own chart is the same chart, at its own size
    rapportens = rapport.utkast(db.fraga, SEP_2022).diagram[0]
    assert rapportens.nyckel == "rapport_kostnad_per_manad"
    assert rapportens.fig.layout.height != presentation.DIAGRAMHOJD
    assert [t.y for t in rapportens.fig.data] == [t.y for t in diagram.fig.data]
    assert rapportens.kalla == diagram.kalla
    takt = bilder["Takten mot målet: Hushåll med försörjningsstöd"].diagram
    assert takt.nyckel == "takt_hushall_forsorjningsstod"
    assert takt.tabell["varde"].to_list()[-1] == 648
    assert bilder["Helårsprognos för kostnaden"].diagram.nyckel == "prognos"


def test_bilderna_kan_inte_andras(bilder):
    bild = bilder["Kostnad för ekonomiskt bistånd per månad"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        bild.rubrik = "annan"
    with pytest.raises(dataclasses.FrozenInstanceError):
        bild.diagram.kalla = "annan"
    with pytest.raises(FrystFigurFel):
        bild.diagram.fig.update_layout(title="annan")
    assert isinstance(bilder["Översikt – nyckeltal (1 av 2)"].kort, tuple)
