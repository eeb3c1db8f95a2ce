"""What the page Ekonomiskt bistånd shows, built without Streamlit from the seeded database.
Expected figures are typed from data/varden.csv (the committee's papers of 27 October 2022,
bilagan 2.1 Ekonomiskt bistånd), not from the code's output."""

import dataclasses
from decimal import Decimal

import pytest

from nyckeltal.perioder import Period
from nyckeltal.vyer.diagram import FrystFigurFel
from nyckeltal.vyer.ekonomiskt_bistand import bygg

NBSP = "\u00a0"
SEPTEMBER_2022 = Period(2022, 1, 9, 2021)


@pytest.fixture(scope="module")
def vy(db):
    return bygg(db.fraga, SEPTEMBER_2022)


def text(varde: str | None) -> str:
    assert varde is not None
    return varde.replace(NBSP, " ")


def kolumn(tabell, namn) -> list:
    return [None if v is None else int(v) for v in tabell[namn].to_list()]


def test_korten_ar_omradets_nyckeltal_for_perioden(vy):
    assert {k.indikator_id: k.varde for k in vy.kort} == {
        "hushall_forsorjningsstod": 648,  # läget 2022-09-30
        "bistand_kostnad": 44923,  # 4 814 + 5 203 + … + 4 815, januari–september 2022
        "hushall_langvarigt": 435,
        "barn_ej_bistand_andel": 99,
    }
    # the comparison year is 2021: 734 households at the end of September
    assert vy.kort[0].jamforelsevarde == 734


def test_kostnad_per_manad_har_ar_for_ar_och_ingen_lucka(vy):
    diagram = vy.kostnad.diagram
    assert vy.kostnad.info is None and vy.kostnad.saknas is None
    assert diagram.nyckel == "bistand_kostnad_per_manad"
    assert kolumn(diagram.tabell, "2022")[:9] == [
        4814,
        5203,
        5167,
        5203,
        4986,
        6025,
        5211,
        3499,
        4815,
    ]
    assert kolumn(diagram.tabell, "2020")[8] == 3968
    assert diagram.enheter["2021"] == "tkr" and diagram.rubriker["manad"] == "Månad"
    assert "Utveckling av ekonomiskt bistånd" in diagram.kalla


def test_mot_budget_citerar_texten_och_varnar_for_tabellens_budget(vy):
    mot = vy.mot_budget
    assert mot.budget_saknas is None and mot.info is None
    assert kolumn(mot.diagram.tabell, "ack_2022")[8] == 44923
    assert "årsbudgeten 57 500 tkr" in text(mot.forklaring)
    # "Budgeten för samma period är 43 125 tkr, nettokostnaden är jämfört med budget högre
    # med 1 798 tkr. Jämfört med samma period 2021 är nettokostnaden lägre med 287 tkr."
    stycke = text(mot.texter.text)
    assert "**1 798 tkr högre**" in stycke and "**43 125 tkr**" in stycke
    assert "2021 är den 287 tkr lägre" in stycke
    # kallkonflikter.csv: the table states 36 087, which is not 9/12 of 57 500 as 43 125 is
    varning = text(mot.texter.varning)
    assert "tabellen Verksamheternas nettokostnader anger 36 087 tkr" in varning
    assert "9/12 av årsbudgeten 57 500 tkr" in varning
    assert mot.texter.info is None


def test_helar_har_bokslut_budget_och_prognos(vy):
    helar = vy.helar
    assert helar.saknas is None and helar.info is None
    tabell = helar.diagram.tabell
    assert dict(zip(tabell["uppgift"].to_list(), kolumn(tabell, "varde"))) == {
        "Bokslut 2020": 55894,
        "Bokslut 2021": 60766,
        "Budget 2022": 57500,
        "Prognos 2022": 60500,
    }
    # budgetavvikelse, Ekonomiskt bistånd, prognos efter september 2022: −3 000 tkr
    assert "**−3 000 tkr**" in text(helar.avvikelse)


def test_hushall_per_manad_och_medel(vy):
    hushall = vy.hushall
    assert hushall.utan_mal is None  # the target, at most 700, is in the papers
    tabell = hushall.diagram.tabell
    assert dict(zip(tabell["manad"].to_list(), kolumn(tabell, "2022"))) == {4: 718, 8: 667, 9: 648}
    assert dict(zip(tabell["manad"].to_list(), kolumn(tabell, "2021")))[9] == 734
    # April and August are stated, May–July are not: said, not drawn as zero
    assert hushall.saknas == "ℹ️ Antal hushåll för januari–mars, maj–juli 2022: uppgift saknas."
    assert hushall.medel.rubrik == "Medel antal hushåll januari–september"
    assert kolumn(hushall.medel.diagram.tabell, "varde") == [732, 742, 689]


def test_langvarigt_och_barn_i_september_ar_for_ar(vy):
    assert vy.langvarigt.rubrik == "Långvarigt bistånd och barn, september år för år"
    rutor = {r.diagram.nyckel: r for r in vy.langvarigt.rutor}
    assert list(rutor) == ["hushall_langvarigt", "barn_ej_bistand_andel"]
    assert kolumn(rutor["hushall_langvarigt"].diagram.tabell, "varde") == [408, 432, 435]
    assert kolumn(rutor["barn_ej_bistand_andel"].diagram.tabell, "varde") == [98, 98, 99]
    assert all(r.info is None for r in rutor.values())


def test_tertial_3_2022_utan_uppgifter_sager_vad_som_saknas(db):
    vy = bygg(db.fraga, Period(2022, 9, 12, 2021))
    assert all(k.varde is None for k in vy.kort)
    assert vy.kostnad.saknas == "ℹ️ Nettokostnad för oktober–december 2022: uppgift saknas."
    assert vy.hushall.medel.diagram is None
    assert vy.hushall.medel.info == (
        "Medel januari–december: uppgift saknas. Handlingarna anger medel för januari–september."
    )
    assert vy.helar.saknas is None  # the forecast made in September stands in December
    for ruta in vy.langvarigt.rutor:
        assert ruta.diagram is None
        assert ruta.info.startswith("December: uppgift saknas för alla år. Handlingarna anger ")
    # the deviation against budget is stated for January–September only
    assert vy.mot_budget.texter.info == (
        "Kostnaden mot budget för januari–december 2022: uppgift saknas. "
        "Handlingarna anger den för januari–september 2022."
    )


def test_tertial_1_2020_saknar_budget(db):
    vy = bygg(db.fraga, Period(2020, 1, 4, 2019))
    assert vy.kort[1].varde == Decimal(4449 + 4336 + 5674 + 4366)
    assert vy.mot_budget.budget_saknas == (
        "ℹ️ Budget för ekonomiskt bistånd 2020: uppgift saknas i handlingarna."
    )
    assert vy.mot_budget.texter == type(vy.mot_budget.texter)(None, None, None)
    assert vy.helar.saknas == (
        "ℹ️ Helårsprognos 2020 gjord senast i april, budget 2020: uppgift saknas."
    )


def test_vyn_kan_inte_andras(vy):
    with pytest.raises(dataclasses.FrozenInstanceError):
        vy.kostnad = None
    with pytest.raises(dataclasses.FrozenInstanceError):
        vy.mot_budget.texter.text = "Ändrad"
    with pytest.raises(dataclasses.FrozenInstanceError):
        vy.langvarigt.rutor[0].namn = "Ändrad"
    assert isinstance(vy.kort, tuple) and isinstance(vy.langvarigt.rutor, tuple)
    with pytest.raises(FrystFigurFel):
        vy.kostnad.diagram.fig.update_layout(title_text="Ändrad")
    with pytest.raises(FrystFigurFel):
        vy.hushall.medel.diagram.fig.update_layout(title_text="Ändrad")
    with pytest.raises(TypeError):
        vy.helar.diagram.enheter["varde"] = "kr"
