"""The page Ekonomi built without Streamlit (nyckeltal.vyer.ekonomi.bygg) on the seeded
database. Expected figures are typed from data/varden.csv (the budget follow-up after
September 2022), not from the code's output."""

import dataclasses
from decimal import Decimal

import polars as pl
import pytest

from nyckeltal.perioder import Period
from nyckeltal.vyer import ekonomi
from nyckeltal.vyer.diagram import FrystFigurFel

NBSP, MINUS = "\u00a0", "\u2212"
SEPTEMBER_2022 = Period(2022, 1, 9, 2021)


@pytest.fixture(scope="module")
def september(db):
    return ekonomi.bygg(db.fraga, SEPTEMBER_2022)


def test_korten_ar_kommunbidrag_resultat_prognos_och_buffert(september):
    kort = {k.namn: k for k in september.kort}
    assert list(kort) == [
        "Kommunbidrag",
        "Resultat efter september",
        "Helårsprognos 2022",
        "Buffert",
    ]
    # varden.csv: kommunbidrag 252 950, namnd_resultat ack 12 901 and prognos −6 000, buffert 2 529
    assert kort["Kommunbidrag"].varde == Decimal(252950)
    assert kort["Resultat efter september"].varde == Decimal(12901)
    assert kort["Helårsprognos 2022"].varde == Decimal(-6000)
    assert kort["Buffert"].varde == Decimal(2529)
    # the result and the forecast are the area's key figure, each for its own period
    assert kort["Resultat efter september"].indikator_id == "namnd_resultat"
    assert kort["Resultat efter september"].period == Period(2022, 1, 9, 2021)
    assert kort["Helårsprognos 2022"].period == Period(2022, 1, 12, 2021)
    # Summa row: budget jan–sep −202 906, utfall −190 005; the difference is the stated 12 901
    assert kort["Resultat efter september"].notering.startswith(
        f"Kostnad hittills 190{NBSP}005{NBSP}tkr mot budget 202{NBSP}906{NBSP}tkr: "
        f"12{NBSP}901{NBSP}tkr under budget"
    )
    assert "stämmer med angivet resultat" in kort["Resultat efter september"].notering
    # Buffert row: budget −2 529, prognos 0, avvikelse +2 529
    assert kort["Buffert"].notering == (
        f"I budgettabellen: budget {MINUS}2{NBSP}529{NBSP}tkr, prognos 0{NBSP}tkr, "
        f"avvikelse +2{NBSP}529{NBSP}tkr."
    )


def test_budgettabellen_och_avvikelsen_summerar_till_namndens(september):
    budget = september.budget
    assert september.saknas is None
    assert budget.filnamn == "budgetuppfoljning_2022_09.csv"
    summa = budget.tabell.row(-1, named=True)
    assert (summa["verksamhet"], summa["budget_hittills"], summa["utfall"]) == (
        "Summa",
        -202906,
        -190005,
    )
    assert summa["avvikelse"] == -6000
    integration = budget.visning.row(by_predicate=pl.col("Verksamhet") == "Integration")
    assert integration[-1] == f"{MINUS}6{NBSP}500{NBSP}tkr{NBSP}²"
    rader = budget.csv().decode("utf-8-sig").splitlines()
    assert rader[0].startswith("Verksamhet;Utfall jan–sep 2021;Budget helår 2022;")
    diagram = september.avvikelse.diagram
    avvikelser = dict(diagram.tabell.iter_rows())
    assert avvikelser["Central administration"] == 1000
    assert avvikelser["Ekonomiskt bistånd"] == -3000
    assert sum(v for k, v in avvikelser.items() if k != "Summa") == -6000
    assert f"nämndens totala avvikelse {MINUS}6{NBSP}000{NBSP}tkr" in september.avvikelse.text


def test_ukrainas_poster_och_den_angivna_prognosen(september):
    ukraina = september.ukraina
    assert ukraina.diagram.tabell["varde"].to_list() == [8400, -5090, -6000, -3300, -6000]
    # 8 400 − 5 090 − 6 000 − 3 300 = −5 990, the papers state −6 000
    assert f"{MINUS}5{NBSP}990{NBSP}tkr (beräknat)" in ukraina.varning
    assert f"Skillnaden, 10{NBSP}tkr," in ukraina.varning


def test_forutsattningarna_for_2022(september):
    f = september.forutsattningar
    assert f.saknas is None
    assert f.rubrik == "Kommunbidrag och budgetförutsättningar 2022"
    poster = dict(f.ramen.visning.iter_rows())
    assert list(poster)[:2] == ["Kommunbidrag", "Buffert"]
    assert poster["Förstärkning: Personalkostnader"] == f"50{NBSP}tkr"
    assert dict(f.okningar.visning.iter_rows()) == {
        "Ekonomiskt bistånd": f"3{NBSP}000{NBSP}tkr",
        "Relationsvåldsenheten": f"1{NBSP}000{NBSP}tkr",
    }


def test_en_manad_utan_uppfoljning_har_bara_arets_ram(db):
    augusti = ekonomi.bygg(db.fraga, Period(2022, 5, 8, 2021))
    assert augusti.budget is None and augusti.avvikelse is None and augusti.ukraina is None
    assert "efter september 2022" in augusti.saknas
    kort = {k.namn: k.varde for k in augusti.kort}
    assert kort["Resultat efter augusti"] is None
    assert kort["Kommunbidrag"] == Decimal(252950)


def test_ett_ar_utan_data_saknar_forutsattningar(db):
    vy = ekonomi.bygg(db.fraga, Period(2021, 1, 9, 2020))
    assert all(k.varde is None for k in vy.kort)
    assert vy.forutsattningar.ramen is None
    assert (
        vy.forutsattningar.saknas
        == "Kommunbidrag och budgetförutsättningar för 2021: uppgift saknas."
    )


def test_vyn_kan_inte_andras(september):
    # built once and shared by every session (sidor._delat.vy): no part of it may change
    with pytest.raises(dataclasses.FrozenInstanceError):
        september.kort = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        september.budget.noter = None
    with pytest.raises(dataclasses.FrozenInstanceError):
        september.kort[0].notering = "ändrad"
    with pytest.raises(TypeError):
        september.budget.rubriker["utfall"] = "Ändrad"
    assert isinstance(september.kort, tuple)
    for diagram in (september.avvikelse.diagram, september.ukraina.diagram):
        with pytest.raises(FrystFigurFel):
            diagram.fig.update_layout(title_text="Ändrad")
