"""What the page Rapport shows and the report's draft, built without Streamlit
(nyckeltal.vyer.rapport). Expected figures are data/varden.csv's (the committee's papers of
27 October 2022); the result is shared between sessions, so it cannot be changed."""

import dataclasses

import pytest

from nyckeltal import katalog, rapportinnehall
from nyckeltal.perioder import Period
from nyckeltal.vyer import rapport
from nyckeltal.vyer.diagram import FrystFigurFel

SEP_2022 = Period(2022, 1, 9, 2021)
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def sida(db):
    return rapport.bygg(db.fraga, SEP_2022)


@pytest.fixture(scope="module")
def utkast(db):
    return rapport.utkast(db.fraga, SEP_2022)


def test_nyckeltalen_i_omradenas_ordning(sida):
    rader = {r[0]: r for r in sida.nyckeltal.iter_rows()}
    hushall = rader["Hushåll med försörjningsstöd ↘"]
    assert hushall[2] == "648" and hushall[3] == "734 (sep 2021)"
    assert rader["Växla bidrag mot lön ↗"][2] == "63"
    assert rader["Nämndens resultat ↗"][2] == f"12{NBSP}901{NBSP}tkr"
    # the Excel sheet has the same rows with the raw numbers, area by area (data/kort.csv):
    # arbetsmarknad in the page Arbetsmarknad's order
    nyckeltal = sida.tabeller[0].df
    assert nyckeltal["nyckeltal"].to_list()[5:8] == [
        "Personer i arbetsmarknadsinsatser",
        "Växla bidrag mot lön",
        "Personer i arbetsmarknadsanställningar",
    ]
    assert len(nyckeltal) == len(katalog.omradenas_kort())
    assert dict(zip(nyckeltal["nyckeltal"], nyckeltal["varde"]))["Mottagna flyktingar"] == 102
    assert [t.namn for t in sida.tabeller] == [
        "Nyckeltal",
        "Siffrorna i texten",
        "Vad krävs för målen",
    ]


def test_texten_per_omrade_med_kommentarsrutan(sida):
    assert [t.rubrik for t in sida.texter] == list(katalog.OMRADESNAMN.values())
    bistand = sida.texter[0]
    assert "var 648 i september 2022 jämfört med 734 i september 2021" in bistand.text
    assert bistand.fotnot.startswith("\\* Beräknat")  # Markdown-safe: no italics
    assert bistand.etikett == "Förvaltningens kommentar: ekonomiskt bistånd"
    assert sida.omraden == ("bistand", "flykting", "arbetsmarknad", "ekonomi", "analys")
    varden = dict(zip(sida.uppgifter["Uppgift"], sida.uppgifter["Värde"]))
    assert varden["Hushåll med försörjningsstöd, september 2021"] == "734"


def test_utkastets_diagram_har_sina_siffror(utkast):
    diagram = {d.nyckel: d for d in utkast.diagram}
    kostnad = diagram["rapport_kostnad_per_manad"]
    assert kostnad.rubrik == "Nettokostnad per månad, år för år"
    september = kostnad.tabell.filter(kostnad.tabell["manad"] == 9)
    assert september["2022"].item() == 4815 and september["2021"].item() == 5084
    assert kostnad.enheter["2022"] == "tkr"
    assert "Dnr ALN 2022-00100 1.2.4.1" in kostnad.kalla
    prognos = diagram["rapport_prognos"]
    ackumulerat = prognos.tabell.filter(prognos.tabell["manad"] == 9)
    assert ackumulerat["2022"].item() == 44923 and ackumulerat["2021"].item() == 45210
    takt = diagram["rapport_takt_hushall_forsorjningsstod"]
    assert takt.tabell["varde"].to_list()[-1] == 648
    # each chart in its section: the area of its indicator, the rest under the analysis
    avsnitt = {a.omrade: [d.nyckel for d in a.diagram] for a in utkast.avsnitt}
    assert avsnitt["bistand"] == ["rapport_kostnad_per_manad", takt.nyckel]
    assert avsnitt["flykting"] == ["rapport_takt_mottagna_flyktingar"]
    assert avsnitt["analys"][0] == "rapport_prognos"
    assert not utkast.bilder and all(not a.kommentar for a in utkast.avsnitt)


def test_fardig_lagger_till_kommentarer_och_bilder_per_diagram(utkast):
    kostnad = utkast.diagram[0]
    fardig = rapportinnehall.fardig(
        utkast, {kostnad.nyckel: b"png"}, {"bistand": "Riksnormen.", "analys": "Osäkert."}
    )
    assert fardig.avsnitt[0].kommentar == "Riksnormen."
    assert fardig.avsnitt[-1].kommentar == "Osäkert."
    assert fardig.bild(kostnad) == b"png" and fardig.bild(utkast.diagram[1]) is None
    assert not utkast.bilder and not utkast.avsnitt[0].kommentar  # the shared draft is unchanged


def test_resultatet_kan_inte_andras(sida, utkast):
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.texter = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.texter[0].text = "annat"
    with pytest.raises(dataclasses.FrozenInstanceError):
        utkast.avsnitt[0].kommentar = "annat"
    with pytest.raises(TypeError):
        utkast.bilder["rapport_prognos"] = b"png"
    diagram = utkast.diagram[0]
    with pytest.raises(FrystFigurFel):
        diagram.fig.update_layout(title="annat")
    with pytest.raises(TypeError):
        diagram.enheter["2022"] = "kr"
    assert isinstance(sida.texter, tuple) and isinstance(sida.tabeller, tuple)
