"""Swedish formats, periods and target status: the small rules every page relies on."""

from decimal import Decimal

import pytest

from nyckeltal.format import (
    formatera,
    formatera_forandring,
    manadsintervall,
    tal,
)
from nyckeltal.perioder import Period, period_fran_val
from nyckeltal.status import bedom_forandring, delta_farg, delta_pil, malstatus


def utan_nbsp(text):
    return text.replace("\u00a0", " ")


@pytest.mark.parametrize(
    "varde,enhet,vantat",
    [
        (44923, "tkr", "44 923 tkr"),
        (Decimal("-6000.00"), "tkr", "−6 000 tkr"),
        (1000000, "kr", "1 000 000 kr"),
        (42, "procent", "42 %"),
        (648, "antal", "648"),
        (0, "tkr", "0 tkr"),
        (None, "tkr", "uppgift saknas"),
    ],
)
def test_formatera(varde, enhet, vantat):
    assert utan_nbsp(formatera(varde, enhet)) == vantat


def test_tusental_och_enhet_bryts_aldrig():
    assert formatera(44923, "tkr") == "44\u00a0923\u00a0tkr"


def test_decimalkomma_och_avrundning_som_i_bokforing():
    assert tal(3.55, 1) == "3,6"  # half away from zero, not banker's rounding
    assert tal(2.5) == "3"
    assert tal(-1234.5, 1) == "−1\u00a0234,5"


def test_forandring_har_typografiskt_minus():
    # what a user reads never has an ASCII hyphen before a figure; the card's arrow and colour
    # are passed to st.metric outright (delta_pil, delta_farg), not read from the sign
    assert utan_nbsp(formatera_forandring(-86, "antal")) == "\u221286"
    assert utan_nbsp(formatera_forandring(1798, "tkr")) == "+1 798 tkr"
    assert utan_nbsp(formatera_forandring(0, "tkr")) == "±0 tkr"
    assert formatera_forandring(None, "tkr") == ""
    # a change of a share is in percentage points, not per cent
    assert utan_nbsp(formatera_forandring(1, "procent")) == "+1 procentenhet"
    assert utan_nbsp(formatera_forandring(-7, "procent")) == "\u22127 procentenheter"
    assert "-" not in formatera_forandring(-1234.5, "kr", 1)


def test_manadsintervall():
    assert manadsintervall(1, 9) == "januari–september"
    assert manadsintervall(9, 9) == "september"


@pytest.mark.parametrize(
    "val,manader",
    [("hittills", (1, 7)), ("t1", (1, 4)), ("t2", (5, 8)), ("t3", (9, 12)), ("helar", (1, 12))],
)
def test_snabbval(val, manader):
    p = period_fran_val(2022, val, 7)
    assert (p.fran_manad, p.till_manad) == manader
    assert p.jamforelsear == 2021


def test_period_etikett_och_jamforelse():
    p = period_fran_val(2022, "hittills", 9, jamforelsear=2020)
    assert p.etikett == "januari–september 2022"
    assert p.jamforelse == Period(2020, 1, 9, 2019)
    with pytest.raises(ValueError):
        Period(2022, 9, 4, 2021)
    with pytest.raises(ValueError):
        period_fran_val(2022, "vecka", 9)


def test_malstatus_hogst():
    assert malstatus(648, 700, "högst", "antal").uppfyllt is True
    assert malstatus(718, 700, "högst", "antal").uppfyllt is False  # april 2022
    assert malstatus(700, 700, "högst", "antal").uppfyllt is True
    s = malstatus(718, 700, "högst", "antal")
    assert s.text.startswith("Målet nås inte") and s.ikon  # words and icon, not colour


def test_malstatus_lagst_och_saknat():
    assert malstatus(102, 100, "lägst", "antal").uppfyllt is True
    assert malstatus(88, 100, "lägst", "antal").uppfyllt is False
    assert malstatus(None, 100, "lägst", "antal").uppfyllt is None
    assert malstatus(5, None, None, "antal").text == "inget mål"


def test_bedom_forandring_efter_onskad_riktning():
    assert bedom_forandring(-86, "ner") == "bättre"
    assert bedom_forandring(-86, "upp") == "sämre"
    assert bedom_forandring(0, "upp") == "oförändrat"
    assert bedom_forandring(5, "ingen") == "ingen önskad riktning"


def test_kortets_pil_och_farg_foljer_tecknet_och_onskad_riktning():
    # st.metric would read '−86' as a rise: arrow and colour are given from the number
    assert delta_pil(-86) == "down" and delta_pil(14) == "up"
    assert delta_pil(0) == "off" and delta_pil(None) == "off"
    # colour repeats the words: fewer households (desired ↘) is better, green
    assert delta_farg(-86, "ner") == "green" and delta_farg(-86, "upp") == "red"
    assert delta_farg(14, "upp") == "green" and delta_farg(14, "ner") == "red"
    assert delta_farg(-7, "ingen") == "gray" and delta_farg(0, "ner") == "gray"
    assert delta_farg(None, "ner") == "gray"


def test_kpi_kortet_sager_riktning_jamforelse_och_mal_i_ord():
    from nyckeltal.kpi import Kpi

    def kort(varde, jamforelse, riktning="ner"):
        return Kpi(
            indikator_id="hushall_forsorjningsstod",
            namn="Hushåll med försörjningsstöd",
            enhet="antal",
            riktning=riktning,
            matt_typ="lage",
            beskrivning="Antal hushåll.",
            period=period_fran_val(2022, "hittills", 9),
            varde=None if varde is None else Decimal(varde),
            jamforelsevarde=None if jamforelse is None else Decimal(jamforelse),
            status=malstatus(varde, 700, "högst", "antal"),
            kalla=None,
            harledning=None,
        )

    k = kort(648, 734)  # september 2022 against september 2021
    assert utan_nbsp(k.forandring_text) == "\u221286"
    assert (k.delta_pil, k.delta_farg) == ("down", "green")
    # now first, then the comparison, and the direction in words beside the judgement
    assert k.jamforelsetext == "lägre än sep 2021 (734), bättre"
    assert "Målet nås (mål: högst 700)." in k.hjalp and "Mål: Målet" not in k.hjalp
    assert kort(734, 734).jamforelsetext == "oförändrat mot sep 2021 (734)"
    assert kort(734, 734).delta_pil == "off"
    assert kort(None, 734).jamforelsetext == "sep 2021: 734"
    assert kort(648, None).jamforelsetext == "sep 2021: uppgift saknas"
    assert kort(648, 734, riktning="upp").delta_farg == "red"
