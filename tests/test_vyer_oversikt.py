"""The overview's cards built without Streamlit (nyckeltal.vyer.oversikt), against the figures
of the papers of 27 October 2022 as data/varden.csv records them."""

import dataclasses
from decimal import Decimal

import pytest

from nyckeltal import katalog
from nyckeltal.perioder import Period
from nyckeltal.vyer import oversikt

NBSP = "\u00a0"
JAN_SEP_2022 = Period(2022, 1, 9, 2021)


def kort(db, period=JAN_SEP_2022):
    return {k.indikator_id: k for k in oversikt.bygg(db.fraga, period)}


def test_korten_ar_oversiktens_nyckeltal_i_katalogens_ordning(db):
    # which cards the overview shows lives in one table (data/kort.csv), not in the page
    assert tuple(k.indikator_id for k in oversikt.bygg(db.fraga, JAN_SEP_2022)) == katalog.kort(
        katalog.OVERSIKT
    )


def test_kortens_varden_och_jamforelse(db):
    k = kort(db)
    assert k["hushall_forsorjningsstod"].varde == 648  # september 2022
    assert k["hushall_forsorjningsstod"].jamforelsevarde == 734  # september 2021
    assert k["mottagna_flyktingar"].varde == 102
    assert k["bistand_kostnad"].varde == 44923  # "Summa: Jan-Sept"
    assert k["namnd_resultat"].varde == 12901


def test_kostnaden_noteras_mot_budgeten_och_resultatet_mot_prognosen(db):
    k = kort(db)
    # 44 923 tkr against the text's budget to date, 43 125 tkr: 1 798 tkr over
    assert k["bistand_kostnad"].notering == (
        f"⚠️ Över budget: kostnaden är 1{NBSP}798{NBSP}tkr högre än budgeten för "
        f"januari–september 2022 (43{NBSP}125{NBSP}tkr enligt budgetuppföljningens text)."
    )
    # the forecast −6 000 tkr, the ordinary business 0 tkr
    assert k["namnd_resultat"].notering == (
        f"Helårsprognos: \u22126{NBSP}000{NBSP}tkr, ett underskott "
        f"(ordinarie verksamhet 0{NBSP}tkr)."
    )
    assert k["hushall_forsorjningsstod"].notering == ""


def test_sparkline_bara_med_varje_manad_fran_januari(db):
    k = kort(db)
    # the monthly costs of January–September 2022, from the table of 2.1
    assert k["bistand_kostnad"].sparkline == (
        4814.0,
        5203.0,
        5167.0,
        5203.0,
        4986.0,
        6025.0,
        5211.0,
        3499.0,
        4815.0,
    )
    # households: only April, August and September: no line over the gaps
    assert k["hushall_forsorjningsstod"].sparkline == ()


def test_tertial_2_saknar_mottagna_och_har_ingen_budgetnotering(db):
    k = kort(db, Period(2022, 5, 8, 2021))
    assert k["mottagna_flyktingar"].varde is None  # no figure, never a zero
    assert k["bistand_kostnad"].varde == Decimal(4986 + 6025 + 5211 + 3499)
    assert k["bistand_kostnad"].notering == ""  # no budget for May–August


def test_resultatet_kan_inte_andras(db):
    korten = oversikt.bygg(db.fraga, JAN_SEP_2022)
    assert isinstance(korten, tuple)  # shared between sessions: no list to append to
    with pytest.raises(dataclasses.FrozenInstanceError):
        korten[0].varde = Decimal(0)
