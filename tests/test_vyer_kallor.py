"""The page Källor och kvalitet built without Streamlit (nyckeltal.vyer.kallor), against what
data/ records: kallor.csv (10 documents), varden.csv (256 values), kallkonflikter.csv (7)."""

import csv
import dataclasses
import io

import pytest

from nyckeltal.katalog import OMRADESNAMN
from nyckeltal.vyer import kallor

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def sida(db):
    return kallor.bygg(db.fraga)


def test_korten_raknar_dokument_siffror_och_motsagelser(sida):
    assert sida.kort.antal_kallor == 10  # the rows of data/kallor.csv
    assert sida.kort.antal_siffror == "256"  # the rows of data/varden.csv
    assert sida.kort.antal_konflikter == 7  # the rows of data/kallkonflikter.csv
    # the one difference the documents have is documented, so nothing is flagged
    stammer, av = sida.kort.avstamningar.removesuffix(" stämmer").split(" av ")
    assert int(stammer) == int(av) - 1
    assert sida.kort.varning is None
    assert "Bilaga: Budgetuppföljning Sept 2022 Arbetslivsnämnden" in set(
        sida.kalltabell["Dokument"]
    )


def test_ukrainas_poster_ar_en_dokumenterad_skillnad(sida):
    # the posts 8 400 − 5 090 − 6 000 − 3 300 = −5 990 tkr against the stated −6 000 tkr
    tabell = sida.kontrolltabell
    [rad] = tabell.filter(tabell["Kontroll"].str.starts_with("Evakueringsboende Ukraina")).rows(
        named=True
    )
    assert rad["Status"] == "ℹ️ Dokumenterad skillnad"
    assert rad["Angivet"] == f"\u22126{NBSP}000{NBSP}tkr"
    assert rad["Differens"] == f"10{NBSP}tkr"


def test_motsagelsen_om_budgeten_visar_bada_uppgifterna(sida):
    konflikter = {k.rubrik: k for k in sida.konflikter}
    budget = konflikter["**Budget för ekonomiskt bistånd januari–september 2022**"]
    a, b = budget.uppgifter
    assert a.text.endswith(f" — **\u221236{NBSP}087{NBSP}tkr**") and a.text.startswith("**A:** ")
    assert b.text.endswith(f" — **43{NBSP}125{NBSP}tkr**") and b.text.startswith("**B:** ")
    assert a.kalla == (
        "Bilaga: Budgetuppföljning Sept 2022 Arbetslivsnämnden, "
        "avsnitt 2.1 Verksamheternas nettokostnader (tabell)"
    )
    assert budget.visas.startswith(
        "Nyckeltalssidorna visar båda uppgifterna, var och en där den hör hemma. "
    )
    # a disagreement without figures (the direction of an indicator) says no figure
    riktning = konflikter["**Önskad riktning för Antal växla bidrag mot lön**"]
    assert all(" — **" not in u.text for u in riktning.uppgifter)
    assert riktning.visas.startswith("Nyckeltalssidorna visar uppgift B. ")


def test_varje_omrade_har_sina_siffror_med_kalla(sida):
    assert tuple(sida.omraden) == tuple(OMRADESNAMN)
    # data/varden.csv per area of data/indikatorer.csv
    antal = {omrade: len(tabell) for omrade, tabell in sida.omraden.items()}
    assert antal == {"bistand": 54, "flykting": 73, "arbetsmarknad": 30, "ekonomi": 99}
    bistand = sida.omraden["bistand"]
    kostnad = bistand.filter(
        (bistand["Mått"] == "Nettokostnad ekonomiskt bistånd")
        & (bistand["År"] == 2022)
        & (bistand["Periodtyp"] == "ackumulerat")
    )
    assert kostnad["Värde"].to_list() == [f"44{NBSP}923{NBSP}tkr"]  # "Summa: Jan-Sept"
    assert kostnad["Månad"].to_list() == ["september"]
    assert set(bistand.filter(bistand["Periodtyp"] == "helår")["Månad"]) == {"–"}


def test_nedladdningen_har_alla_siffror_raa(db):
    text = kallor.alla_siffror_csv(db.fraga).decode("utf-8-sig")
    rader = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rader) == 256
    [summa] = [
        r
        for r in rader
        if r["Indikatorkod"] == "bistand_kostnad" and r["År"] == "2022" and r["Periodtyp"] == "ack"
    ]
    assert float(summa["Värde"]) == 44923


def test_vyn_kan_inte_andras(sida):
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.kort = None
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.kort.antal_kallor = 11
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.konflikter[0].uppgifter[0].text = ""
    with pytest.raises(TypeError):
        sida.omraden["bistand"] = sida.kalltabell
    assert isinstance(sida.konflikter, tuple)
