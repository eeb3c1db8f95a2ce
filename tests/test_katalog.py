"""The catalogue of key figures (data/kort.csv): which indicators the overview and each area
show as cards, in the summary, the report and the presentation."""

import csv

import pytest

from nyckeltal import katalog, sokvagar


def kortrader() -> list[dict]:
    with open(sokvagar.DATA / "kort.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_varje_rad_ar_en_kand_visning_och_en_egen_indikator_en_gang():
    rader = kortrader()
    indikatorer = set(katalog.egna_indikatorer())
    visningar = {katalog.OVERSIKT, *katalog.OMRADESNAMN}
    assert {r["visning"] for r in rader} == visningar  # every area has key figures
    for nummer, rad in enumerate(rader, start=2):
        assert rad["visning"] in visningar, f"kort.csv rad {nummer}"
        assert rad["indikator_id"] in indikatorer, f"kort.csv rad {nummer}"
    par = [(r["visning"], r["indikator_id"]) for r in rader]
    assert len(par) == len(set(par))


@pytest.mark.parametrize("omrade", list(katalog.OMRADESNAMN))
def test_ett_omrades_nyckeltal_hor_till_omradet(omrade):
    assert set(katalog.kort(omrade)) <= set(katalog.egna_indikatorer(omrade))


def test_ordningen_ar_filens_och_rapporten_tar_omradena_i_tur_och_ordning():
    assert katalog.kort("bistand") == (
        "hushall_forsorjningsstod",
        "bistand_kostnad",
        "hushall_langvarigt",
        "barn_ej_bistand_andel",
    )
    assert katalog.omradenas_kort()[:5] == (*katalog.kort("bistand"), "mottagna_flyktingar")
    assert len(katalog.omradenas_kort()) == 10


def test_en_okand_visning_ar_ett_fel():
    with pytest.raises(KeyError):
        katalog.kort("ekonomiskt_bistand")
