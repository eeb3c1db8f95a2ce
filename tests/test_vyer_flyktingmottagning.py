"""The page Flyktingmottagning built without Streamlit (nyckeltal.vyer.flyktingmottagning),
against section 2.1 of the papers of 27 October 2022 as data/varden.csv records it."""

import dataclasses

import pytest

from nyckeltal.perioder import Period
from nyckeltal.vyer import flyktingmottagning
from nyckeltal.vyer.diagram import FrystFigurFel

NBSP = "\u00a0"
JAN_SEP_2022 = Period(2022, 1, 9, 2021)
TERTIAL_2 = Period(2022, 5, 8, 2021)


@pytest.fixture(scope="module")
def sida(db):
    return flyktingmottagning.bygg(db.fraga, JAN_SEP_2022)


def test_forsta_kortet_ar_omradets_nyckeltal_sedan_sidans_egna(sida):
    assert [(k.indikator_id, k.namn) for k in sida.kort] == [
        ("mottagna_flyktingar", "Mottagna flyktingar"),
        ("mottagna_flyktingar_kon", "Andel kvinnor bland mottagna"),
        ("flyktingar_over_19", "Mottagna över 19 år"),
        ("flyktingar_overfort_belopp", "Överförda medel (beräknad summa)"),
    ]
    # 102 received (88 in 2021), 42 % women (49 %), 71 over 19 years
    assert [(k.varde, k.jamforelsevarde) for k in sida.kort[:3]] == [
        (102, 88),
        (42, 49),
        (71, None),
    ]
    # 624 580 + 2 038 300 + 403 920 + 5 678 980: the papers print only the parts
    assert sida.kort[3].varde == 8745780


def test_mottagna_mot_malet(sida):
    diagram = sida.mottagna.diagram
    assert diagram.nyckel == "flykting_mottagna_mot_mal"
    assert diagram.tabell["mottagna"].to_list() == [88, 102]
    assert diagram.fig.layout.shapes[0].y0 == 100  # the target of 2022: at least 100
    assert sida.mottagna.malet.startswith("✅ Målet nås (mål: lägst 100). Målet gäller helår 2022")


def test_vilka_som_tagits_emot(sida):
    assert sida.kon.diagram.tabell["varde"].to_list() == [49, 51, 42, 58]
    assert sida.alder.diagram.tabell["varde"].to_list() == [2, 4, 16, 9, 46, 19, 4]
    assert sida.land.diagram.tabell["dimension"].to_list()[:3] == [
        "Afghanistan",
        "Syrien",
        "Turkiet",
    ]
    assert sida.skolar.diagram.tabell["varde"].to_list() == [37, 25, 4, 7, 3, 24]
    assert sida.skolar.rubrik == f"År i skolan, mottagna över 19 år (71{NBSP}personer)"
    # only the age and country tables give no period of their own: said under them
    assert sida.alder.om_perioden == (
        "Om perioden: Tabellen anger ingen period; avser här mottagna januari–september 2022."
    )
    assert sida.land.om_perioden.startswith("Om perioden: Tabellen anger ingen period")
    assert sida.kon.om_perioden is None and sida.skolar.om_perioden is None


def test_per_kategori_och_manad_och_overforda_medel(sida):
    per_manad = sida.per_kategori.tabell
    assert per_manad["manad"].to_list() == list(range(1, 10))
    assert per_manad["Flyktingar som går i SFI"].to_list()[:2] == [184, 181]
    overfort = sida.overfort.diagram.tabell
    assert overfort["belopp_kr"].to_list() == [624580, 2038300, 403920, 5678980, 8745780]
    assert overfort["kategori"][-1] == "Summa (beräknad)"
    assert sida.overfort.summan.startswith(f"Summan 8{NBSP}745{NBSP}780{NBSP}kr är beräknad")


def test_tertial_2_saknar_allt_utom_manaderna(db):
    sida = flyktingmottagning.bygg(db.fraga, TERTIAL_2)
    assert sida.saknas == "Uppgift saknas för maj–augusti 2022."
    assert all(k.varde is None for k in sida.kort)
    assert sida.mottagna.diagram is None
    assert (sida.kon.diagram, sida.alder.diagram, sida.land.diagram) == (None, None, None)
    assert sida.overfort == flyktingmottagning.OverfordaMedel(None, None)
    # the monthly counts of SFI, May–August
    assert sida.per_kategori.tabell["Flyktingar som går i SFI"].to_list() == [165, 172, 163, 161]


def test_2021_har_inget_mal(db):
    sida = flyktingmottagning.bygg(db.fraga, Period(2021, 1, 9, 2020))
    assert sida.mottagna.malet == "Inget mål för mottagna flyktingar 2021."
    assert sida.mottagna.diagram.tabell["mottagna"].to_list() == [None, 88]


def test_resultatet_kan_inte_andras(sida):
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.kort = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.alder.rubrik = "Ålder"
    assert isinstance(sida.kort, tuple)
    with pytest.raises(FrystFigurFel):
        sida.overfort.diagram.fig.update_layout(title="ändrad")
    with pytest.raises(TypeError):
        sida.kon.diagram.enheter["varde"] = "antal"
