"""Källor och kvalitet: sources, reconciliation and disagreements, from dashboard.py."""

import pytest

from nyckeltal import avstamning
from nyckeltal.katalog import OMRADESNAMN
from nyckeltal.perioder import beskriv_period

SIDA = "sidor/kallor.py"


@pytest.fixture(scope="module")
def sida(oppna_sida):
    return oppna_sida(SIDA)


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
    # which figure the pages show, said in plain Swedish
    assert "Nyckeltalssidorna visar uppgift A." in text


def test_okand_skillnad_syns_som_fel():
    import polars as pl

    avst = pl.DataFrame(
        {
            "kontroll": ["delar_mot_total"],
            "indikator_id": ["x"],
            "namn": ["Test"],
            "enhet": ["antal"],
            "ar": [2022],
            "periodtyp": ["manad"],
            "manad": [9],
            "antal": [2],
            "angivet": [6],
            "beraknat": [5],
        }
    )
    konflikter = pl.DataFrame(
        {"varde_a": [1], "varde_b": [2], "beskrivning": ["b"], "motivering": ["m"]}
    )
    [kontroll] = avstamning.fran_tabell(avst, konflikter)
    assert kontroll.namn == "Test, september 2022: 2 delar mot angiven total"
    assert kontroll.status == "⚠️ Stämmer inte"
    assert kontroll.differens == -1


def test_alla_siffror_visas_per_omrade_och_tillsammans_ar_de_alla(oppna_sida):
    # the table lists one area at a time (Ekonomiskt bistånd first); the areas together are
    # every value of data/varden.csv, the figure on the card "Siffror i databasen"
    at = oppna_sida(SIDA)
    assert at.segmented_control(key="kallor_omrade").value == "bistand"
    kort = {m.label: m.value for m in at.metric}
    assert kort["Siffror i databasen"] == "256"
    antal = {}
    for omrade in OMRADESNAMN:
        at.segmented_control(key="kallor_omrade").set_value(omrade).run()
        assert not at.exception
        tabell = at.dataframe[2].value
        antal[omrade] = len(tabell)
        if omrade == "bistand":
            kostnad = tabell[
                (tabell["Mått"] == "Nettokostnad ekonomiskt bistånd")
                & (tabell["År"] == 2022)
                & (tabell["Periodtyp"] == "ackumulerat")
            ]
            assert kostnad["Värde"].to_list() == ["44\u00a0923\u00a0tkr"]  # Summa jan-sept
            # the month by name, and none for a full year
            assert kostnad["Månad"].to_list() == ["september"]
            helar = tabell[tabell["Periodtyp"] == "helår"]
            assert set(helar["Månad"]) == {"–"}
        if omrade == "arbetsmarknad":
            assert "Det kommunala aktivitetsansvaret (KAA): kännedom om målgruppen" in set(
                tabell["Mått"]
            )
    assert sum(antal.values()) == 256 and min(antal.values()) > 0
    knapp = at.get("download_button")
    assert any("alla siffror" in str(k.proto.label).lower() for k in knapp)


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
