"""AppTest smoke tests, started from dashboard.py as a user's browser would."""

from streamlit.proto.Metric_pb2 import Metric as MetricProto


def kort(at):
    return {m.label: m for m in at.metric}


def test_oversikten_visar_seedernas_nyckeltal(oppna_sida):
    at = oppna_sida()
    assert not at.exception
    m = kort(at)
    assert m["Hushåll med försörjningsstöd ↘"].value == "648"
    assert m["Mottagna flyktingar ↗"].value == "102"
    assert m["Nettokostnad ekonomiskt bistånd ↘"].value == "44\u00a0923\u00a0tkr"
    assert m["Nämndens resultat ↗"].value == "12\u00a0901\u00a0tkr"
    texter = " ".join(c.value for c in at.caption)
    assert "Målet nås (mål: högst 700)" in texter
    assert "januari–september 2022" in texter
    # the cost beside the text's budget to date (44 923 − 43 125), judged in words and icon:
    # over budget is worse, whatever the comparison with last year says
    assert (
        "⚠️ Över budget: kostnaden är 1 798 tkr högre än budgeten för januari–september 2022 "
        "(43 125 tkr"
    ) in texter.replace("\u00a0", " ")
    # the result beside its forecast, a deficit said as one
    assert (
        "Helårsprognos: −6 000 tkr, ett underskott (ordinarie verksamhet 0 tkr)"
        in texter.replace("\u00a0", " ")
    )
    # instructions that work without a mouse
    assert "muspekaren" not in texter and "tabba dit" in texter


def test_kortens_forandring_har_typografiskt_minus_och_ord(oppna_sida):
    at = oppna_sida()
    hushall = kort(at)["Hushåll med försörjningsstöd ↘"]
    # 648 against 734: the change with U+2212, never an ASCII hyphen, and in words
    assert hushall.delta == "\u221286"
    assert hushall.proto.delta_description == "lägre än sep 2021 (734), bättre"
    # the colour follows the words (fewer households is better), not the sign st.metric reads
    assert hushall.proto.color == MetricProto.MetricColor.GREEN
    assert hushall.proto.direction == MetricProto.MetricDirection.DOWN
    kostnad = kort(at)["Nettokostnad ekonomiskt bistånd ↘"]
    assert kostnad.delta == "\u2212287\u00a0tkr"
    assert kostnad.proto.delta_description.startswith("lägre än jan–sep 2021")
    assert all(not m.delta.startswith("-") for m in at.metric)


def test_tertial_2_fran_url_visar_augusti_och_saknade_uppgifter(oppna_sida):
    # the URL carries the labels the user sees: ?ar=2022&period=Tertial 2
    at = oppna_sida(ar="2022", period="Tertial 2")
    assert not at.exception
    m = kort(at)
    assert m["Hushåll med försörjningsstöd ↘"].value == "667"  # augusti 2022
    # 4 986 + 6 025 + 5 211 + 3 499
    assert m["Nettokostnad ekonomiskt bistånd ↘"].value == "19\u00a0721\u00a0tkr"
    # no figure for the period: said so, never a zero
    assert m["Mottagna flyktingar ↗"].value == "uppgift saknas"


def test_periodbyte_i_sidopanelen_andrar_siffrorna(oppna_sida):
    at = oppna_sida()
    at.segmented_control(key="period").set_value("t1").run()
    assert not at.exception
    assert kort(at)["Hushåll med försörjningsstöd ↘"].value == "718"  # april 2022


def test_lank_med_manad_och_jamforelsear_aterstaller_vyn(oppna_sida):
    at = oppna_sida(ar="2022", manad="augusti", jamfor="2020")
    assert not at.exception
    assert at.selectbox(key="manad").value == 8
    assert at.selectbox(key="jamfor").value == 2020
    m = kort(at)["Nettokostnad ekonomiskt bistånd ↘"]
    # januari–augusti 2022: 44 923 − 4 815 = 40 108 tkr; 2020: 41 437 − 3 968 = 37 469 tkr
    assert m.value == "40 108 tkr"
    assert "37 469" in m.proto.delta_description
