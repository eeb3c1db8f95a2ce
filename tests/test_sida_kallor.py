"""Källor och kvalitet: sources, reconciliation and disagreements, from dashboard.py."""

import pytest
from streamlit.testing.v1 import AppTest

from nyckeltal import avstamning
from nyckeltal.perioder import beskriv_period


@pytest.fixture(scope="module")
def sida():
    at = AppTest.from_file("../dashboard.py", default_timeout=60).run()
    return at.switch_page("sidor/kallor.py").run()


def test_sidan_visar_kallor_och_avstamningar(sida):
    assert not sida.exception
    kort = {m.label: m.value for m in sida.metric}
    assert kort["Källdokument"] == "10"
    # every reconciliation holds except the documented Ukraine difference
    assert kort["Avstämningar"] == "29 av 30 stämmer"
    assert kort["Dokumenterade motsägelser"] == "7"
    assert not sida.error
    dokument = sida.dataframe[0].value["Dokument"].to_list()
    assert "Bilaga: Budgetuppföljning Sept 2022 Arbetslivsnämnden" in dokument


def test_dokumenterad_skillnad_forklaras(sida):
    kontroller = sida.dataframe[1].value
    ukraina = kontroller[kontroller["Kontroll"].str.startswith("Evakueringsboende Ukraina")]
    assert ukraina["Status"].iloc[0] == "ℹ️ Dokumenterad skillnad"
    assert ukraina["Differens"].iloc[0] == "10\u00a0tkr"
    assert ukraina["Angivet"].iloc[0] == "−6\u00a0000\u00a0tkr"


def test_motsagelserna_visar_bada_vardena(sida):
    text = " ".join(m.value for m in sida.markdown)
    assert "−36\u00a0087\u00a0tkr" in text and "43\u00a0125\u00a0tkr" in text
    assert "−6\u00a0500\u00a0tkr" in text and "−500\u00a0tkr" in text


def test_okand_skillnad_syns_som_fel():
    import polars as pl

    avst = pl.DataFrame(
        {
            "indikator_id": ["x"],
            "namn": ["Test"],
            "enhet": ["antal"],
            "ar": [2022],
            "periodtyp": ["manad"],
            "manad": [9],
            "antal_delar": [2],
            "summa_delar": [5],
            "angiven_total": [6],
            "differens": [-1],
        }
    )
    konflikter = pl.DataFrame(
        {"varde_a": [1], "varde_b": [2], "beskrivning": ["b"], "motivering": ["m"]}
    )
    [kontroll] = avstamning.delar_mot_total(avst, konflikter)
    assert kontroll.status == "⚠️ Stämmer inte"
    assert kontroll.differens == -1


@pytest.mark.parametrize(
    "periodtyp,manad,ar,vantat",
    [
        ("manad", 9, 2022, "september 2022"),
        ("ack", 9, 2022, "januari–september 2022"),
        ("medel", 9, 2021, "medel januari–september 2021"),
        ("helar", 12, 2021, "helår 2021"),
        ("prognos", 9, 2022, "prognos efter september 2022"),
    ],
)
def test_beskriv_period(periodtyp, manad, ar, vantat):
    assert beskriv_period(periodtyp, manad, ar) == vantat
