"""The page Arbetsmarknad built without Streamlit (nyckeltal.vyer.arbetsmarknad), against
section 2.1 and 3.2 of the papers of 27 October 2022 as data/varden.csv records them."""

import dataclasses
from decimal import Decimal

import pytest

from nyckeltal.perioder import Period
from nyckeltal.vyer import arbetsmarknad
from nyckeltal.vyer.diagram import FrystFigurFel

NBSP = "\u00a0"
JAN_SEP_2022 = Period(2022, 1, 9, 2021)
TERTIAL_2 = Period(2022, 5, 8, 2021)


@pytest.fixture(scope="module")
def sida(db):
    return arbetsmarknad.bygg(db.fraga, JAN_SEP_2022)


def test_korten_ar_omradets_nyckeltal(sida):
    assert [(k.indikator_id, k.namn) for k in sida.kort][2] == (
        "anstallningsform_antal",
        "Arbetsmarknadsanställningar",  # the full name does not fit a card
    )
    assert [k.indikator_id for k in sida.kort] == [
        "personer_arbetsmarknadsinsatser",
        "vaxla_bidrag_mot_lon",
        "anstallningsform_antal",
        "kaa_kannedom",
    ]
    # September 2022 against September 2021: 346 (401), 63 (50), 409 (451), KAA 99 %
    assert [(k.varde, k.jamforelsevarde) for k in sida.kort] == [
        (346, 401),
        (63, 50),
        (409, 451),
        (99, None),
    ]
    assert "riktningen upp" in sida.vaxla_riktning


def test_anstallningsformer_ar_mot_ar(sida):
    former = sida.former
    assert former.info is None
    tabell = former.diagram.tabell
    rader = {rad["anstallningsform"]: rad for rad in tabell.iter_rows(named=True)}
    assert (rader["Extratjänster"]["varde"], rader["Extratjänster"]["jamforelsevarde"]) == (22, 97)
    assert (rader["Totalt"]["varde"], rader["Totalt"]["jamforelsevarde"]) == (409, 451)
    assert former.diagram.rubriker["varde"] == "september 2022"
    assert former.diagram.rubriker["jamforelsevarde"] == "september 2021"
    assert former.total == (
        "Totalt enligt handlingarna: 409 i september 2022 och 451 i september 2021."
    )
    assert "jämförelsemånaden anges inte" in former.anmarkning


def test_vaxla_bidrag_mot_lon(sida):
    vaxla = sida.vaxla
    assert vaxla.antal == (
        "63 personer växlade ekonomiskt bistånd mot lön i september 2022, mot 50 i september 2021."
    )
    # 4 171 742 kr personnel cost net of support, 3 277 500 kr less bistånd paid out
    assert vaxla.diagram.tabell["belopp_kr"].to_list() == [
        Decimal(4171742),
        Decimal(-3277500),
        Decimal(4171742 - 3277500),
    ]
    assert vaxla.netto.startswith(f"Nettokostnaden 894{NBSP}242{NBSP}kr är beräknad")
    assert vaxla.perioden == (
        "Om perioden: Texten anger inte perioden (”har varit”); här januari–september 2022.",
    )


def test_feriearbete_insatser_for_unga_och_aterbruk(sida):
    kolumner = sida.uppgifter.kolumner
    assert [k.rubrik for k in kolumner] == [
        "**Feriearbete 2022**",
        "**Insatser för unga**",
        "**Återbruk**",
    ]
    kort = {u.etikett: u for k in kolumner for u in k.kort}
    assert kort["Ungdomar som sökt"].varde == f"1{NBSP}746"
    assert kort["Ungdomar som sökt"].hjalp.startswith("Avser januari–september 2022.")
    assert kort["Andel som tackat ja (beräknad)"].varde == f"84{NBSP}%"  # 1 468 / 1 746
    assert kort["Tjänst för extra stöd"].hjalp.startswith("Avser helår 2022.")
    assert kort["Ungdomsjobb: utökad budget"].varde == f"+500{NBSP}000{NBSP}kr"  # 500 tkr
    assert kort["Ungdomsjobb: platser"].varde == "upp till cirka 30"
    assert kort["Personer i anställning eller praktik"].varde == "cirka 130"
    assert kort["Arbetsterapeuter"].varde == "3"
    kaa = kort["KAA: kännedom om målgruppen"]
    assert kaa.varde == f"99{NBSP}%" and kaa.under.startswith("⚠️ Målet nås inte")
    assert "ALN 2022-00100 1.2.4.1" in sida.uppgifter.kalla


def test_tertial_2_saknar_manadens_uppgifter(db):
    sida = arbetsmarknad.bygg(db.fraga, TERTIAL_2)
    assert sida.former.diagram is None
    assert sida.former.info == "Uppgift saknas för augusti 2022."
    assert sida.vaxla.diagram is None
    assert sida.vaxla.info == "Uppgift saknas för maj–augusti 2022."
    assert sida.vaxla.antal == (
        "Antal personer som växlat bidrag mot lön: uppgift saknas för augusti 2022."
    )
    kort = {u.etikett: u for k in sida.uppgifter.kolumner for u in k.kort}
    assert kort["Ungdomar som sökt"].varde == "uppgift saknas"
    assert kort["Ungdomar som sökt"].hjalp == "Uppgift saknas för maj–augusti 2022."
    assert kort["Ungdomsjobb: platser"].varde == "upp till cirka 30"  # stated for the year


def test_jamforelsear_utan_uppgift(db):
    sida = arbetsmarknad.bygg(db.fraga, Period(2022, 1, 9, 2020))
    assert sida.vaxla.antal == (
        "63 personer växlade ekonomiskt bistånd mot lön i september 2022; uppgift för "
        "september 2020 saknas."
    )


def test_vyn_kan_inte_andras(sida):
    # shared between sessions by sidor._delat.vy: a change would show in every session
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.kort = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.vaxla.antal = "något annat"
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.uppgifter.kolumner[0].kort[0].varde = "0"
    assert isinstance(sida.uppgifter.kolumner, tuple)
    assert isinstance(sida.uppgifter.kolumner[0].kort, tuple)
    with pytest.raises(FrystFigurFel):
        sida.former.diagram.fig.update_layout(title="ändrad")
    with pytest.raises(FrystFigurFel):
        sida.vaxla.diagram.fig.update_layout(title="ändrad")
    with pytest.raises(TypeError):
        sida.vaxla.diagram.rubriker["post"] = "ändrad"
