"""AppTest smoke tests, started from dashboard.py as a user's browser would."""

from streamlit.testing.v1 import AppTest

TIMEOUT = 60


def starta(**query):
    at = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    for nyckel, varde in query.items():
        at.query_params[nyckel] = varde
    return at.run()


def kort(at):
    return {m.label: m for m in at.metric}


def test_oversikten_visar_seedernas_nyckeltal():
    at = starta()
    assert not at.exception
    m = kort(at)
    assert m["Hushåll med försörjningsstöd ↘"].value == "648"
    assert m["Mottagna flyktingar ↗"].value == "102"
    assert m["Nettokostnad ekonomiskt bistånd ↘"].value == "44\u00a0923\u00a0tkr"
    assert m["Nämndens resultat ↗"].value == "12\u00a0901\u00a0tkr"
    texter = " ".join(c.value for c in at.caption)
    assert "Målet nås (mål: högst 700)" in texter
    assert "januari–september 2022" in texter
    # the cost beside the text's budget to date (44 923 − 43 125), the result beside its forecast
    assert "1\u00a0798\u00a0tkr över budget" in texter
    assert "Helårsprognos: −6\u00a0000\u00a0tkr (ordinarie verksamhet 0\u00a0tkr)" in texter


def test_tertial_2_fran_url_visar_augusti_och_saknade_uppgifter():
    # the URL carries the labels the user sees: ?ar=2022&period=Tertial 2
    at = starta(ar="2022", period="Tertial 2")
    assert not at.exception
    m = kort(at)
    assert m["Hushåll med försörjningsstöd ↘"].value == "667"  # augusti 2022
    # 4 986 + 6 025 + 5 211 + 3 499
    assert m["Nettokostnad ekonomiskt bistånd ↘"].value == "19\u00a0721\u00a0tkr"
    # no figure for the period: said so, never a zero
    assert m["Mottagna flyktingar ↗"].value == "uppgift saknas"


def test_periodbyte_i_sidopanelen_andrar_siffrorna():
    at = starta()
    at.segmented_control(key="period").set_value("t1").run()
    assert not at.exception
    assert kort(at)["Hushåll med försörjningsstöd ↘"].value == "718"  # april 2022


def test_lank_med_manad_och_jamforelsear_aterstaller_vyn():
    at = starta(ar="2022", manad="augusti", jamfor="2020")
    assert not at.exception
    assert at.selectbox(key="manad").value == 8
    assert at.selectbox(key="jamfor").value == 2020
    m = kort(at)["Nettokostnad ekonomiskt bistånd ↘"]
    # januari–augusti 2022: 44 923 − 4 815 = 40 108 tkr; 2020: 41 437 − 3 968 = 37 469 tkr
    assert m.value == "40 108 tkr"
    assert "37 469" in m.proto.delta_description
