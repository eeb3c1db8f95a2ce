"""The page Partnerskap och projekt built without Streamlit (nyckeltal.vyer.partnerskap),
against data/partnerskap.csv, partnerskap_belopp.csv and partnerskap_mal.csv."""

import dataclasses

import pytest

from nyckeltal.vyer import partnerskap
from nyckeltal.vyer.diagram import FrystFigurFel

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def sida(db):
    return partnerskap.bygg(db.fraga)


def kortet(sida, namn):
    (kort,) = [k for k in sida.kort if k.rubrik.startswith(namn)]
    return kort


def test_tidslinjen_och_de_utan_period(sida):
    tabell = sida.tidslinje.diagram.tabell
    perioder = {
        namn.split(" – ")[0]: (str(fran), str(till))
        for namn, fran, till in tabell.select("namn", "period_start", "period_slut").iter_rows()
    }
    assert perioder == {
        "Guldkanten": ("2023-01-01", "2024-12-31"),
        "Borås Basket": ("2023-01-01", "2025-12-31"),
        "SIKTA": ("2014-02-01", "2014-07-31"),
    }
    assert sida.tidslinje.diagram.rubriker["period_slut"] == "Till och med"
    utan = sida.tidslinje.utan_period
    assert utan.startswith("**Inte på tidslinjen (ingen period):**\n")
    assert "- Hemgården – språkkafé (IOP (förslag), avslagen)" in utan
    assert "- IF Elfsborg – praktikplatser för KAA (IOP, pågående)" in utan


def test_ett_kort_per_partnerskap(sida):
    assert len(sida.kort) == 5
    guldkanten = kortet(sida, "Guldkanten")
    assert guldkanten.rubrik.endswith(" · IOP, förlängd")
    assert "- **Diarienummer:** ALN 2022-00053 3.4.3.25\n" in guldkanten.fakta
    belopp = guldkanten.pengar["Belopp"].to_list()
    assert f"379{NBSP}392{NBSP}kr" in belopp and f"500{NBSP}000{NBSP}kr/år" in belopp
    assert guldkanten.pengar_utan_period  # the rents name no period
    assert guldkanten.mal.height == 3 and "Arbetsledare" in guldkanten.mal["Mål"].to_list()
    (konflikt,) = guldkanten.konflikter
    assert konflikt.startswith("**Enhet för lokalhyrorna i Guldkantens överenskommelse.**")
    # one source line, every section of the partnership's own document once, its own first
    kalla, avsnitt = guldkanten.kalla.split(", avsnitt ")
    assert kalla.endswith("2022-10-27, Dnr ALN 2022-00053 3.4.3.25")
    assert avsnitt.split(", ")[:2] == ["Arbetslivsnämndens beslut", "Period för partnerskapet"]
    assert sorted(avsnitt.split(", ")[2:]) == [
        "Ekonomi",
        "Ekonomi – Övriga kostnader Spinnaren",
        "Ekonomi – Övriga kostnader Trappen",
        "Ekonomi – Övrigt",
    ]
    basket = kortet(sida, "Borås Basket")
    assert not basket.pengar_utan_period and basket.konflikter == ()
    assert "minst 10 personer per år" in basket.mal["Målvärde"].to_list()
    elfsborg = kortet(sida, "IF Elfsborg")
    assert (elfsborg.pengar, elfsborg.mal) == (None, None)
    assert "- **Diarienummer:** uppgift saknas\n" in elfsborg.fakta


def test_sammanstallningen(sida):
    tabell = sida.sammanstallning.tabell
    per_ar = dict(zip(tabell["namn"].str.split(" – ").list.first(), tabell["belopp_per_ar_kr"]))
    # every yearly amount whoever pays: 250 000 + 500 000 + 375 000 + 500 000 kr
    assert per_ar["Guldkanten"] == 250000 + 500000 + 375000 + 500000
    assert per_ar["Borås Basket"] == 1000000 and per_ar["Hemgården"] == 100000
    visning = {rad["Namn"]: rad for rad in sida.sammanstallning.visning.iter_rows(named=True)}
    assert visning["SIKTA"]["Belopp totalt"] == f"450{NBSP}000{NBSP}kr"
    assert visning["IF Elfsborg"]["Period"] == "uppgift saknas"
    csv = sida.sammanstallning.csv()
    assert csv.startswith("\ufeff".encode())  # so Excel reads the Swedish letters
    assert csv.decode("utf-8-sig").splitlines()[0] == (
        "Namn;Typ;Status;Från;Till och med;Belopp per år (kr);Belopp totalt (kr)"
    )


def test_vyn_kan_inte_andras(sida):
    # shared between sessions by sidor._delat.vy: a change would show in every session
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.kort = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.kort[0].rubrik = "ändrad"
    assert isinstance(sida.kort, tuple) and isinstance(sida.kort[0].konflikter, tuple)
    with pytest.raises(FrystFigurFel):
        sida.tidslinje.diagram.fig.update_layout(title="ändrad")
    with pytest.raises(TypeError):
        sida.sammanstallning.rubriker["namn"] = "ändrad"
