"""The reconciliation checks are computed when the database is written, not when the page
Källor och kvalitet is shown: every write (the build from data/, an import, its undo, a
comment) goes through nyckeltal.bygg and leaves checks that match the values it wrote, and a
write that fails leaves the old file, checks included, as it was.

The October figures are the made-up test figures of tests/import_filer; the September ones
are the seeds' (committee papers of 27 October 2022)."""

import pytest
from import_filer import DAG, KALLA, OKTOBER, csv_fil, innehall, rad

from nyckeltal import avstamning, bygg, importera
from nyckeltal.db import oppna_last


@pytest.fixture
def fil(dbkopia):
    """Each test works on its own copy of the seeded database."""
    return dbkopia


def kontroller(fil) -> dict[tuple, tuple]:
    """(kontroll, indicator, year, period type, month) -> (parts or months, stated, computed)"""
    con = oppna_last(fil)
    try:
        rader = con.execute(
            "select kontroll, indikator_id, ar, periodtyp, manad, antal, angivet, beraknat "
            "from avstamningar"
        ).fetchall()
    finally:
        con.close()
    return {rad[:5]: rad[5:] for rad in rader}


KOSTNAD_SEP_2022 = ("manader_mot_ack", "bistand_kostnad", 2022, "ack", 9)
KOSTNAD_OKT_2022 = ("manader_mot_ack", "bistand_kostnad", 2022, "ack", 10)
FORMER_OKT_2022 = ("delar_mot_total", "anstallningsform_antal", 2022, "manad", 10)
# September's monthly cost 4 815 tkr corrected to 4 825: the months no longer give the stated
# "Summa: Jan-Sept" 44 923 (a made-up correction, to see the check follow the data).
RATTAD_SEPTEMBERKOSTNAD = csv_fil(
    rad(
        "bistand_kostnad",
        manad="9",
        varde="4 825",
        kalla=f"{KALLA.rsplit(';', 1)[0]};2.1 Utveckling av ekonomiskt bistånd (tabell)",
    )
)


def test_bygget_fran_data_har_kontrollerna(seeddatabas):
    k = kontroller(seeddatabas)
    assert k[KOSTNAD_SEP_2022] == (9, 44923, 44923)  # nine months against "Summa: Jan-Sept"
    assert k[("delar_mot_total", "evakuering_ukraina", 2022, "prognos", 9)][1:] == (-6000, -5990)
    assert KOSTNAD_OKT_2022 not in k


def test_import_och_angring_raknar_om_kontrollerna(fil):
    importera.importera(OKTOBER, "oktober.csv", "Anna Andersson", fil=fil, dag=DAG)
    k = kontroller(fil)
    # October's month on top of September's: 44 923 + 5 012, stated 49 935
    assert k[KOSTNAD_OKT_2022] == (10, 49935, 49935)
    # the seven employment forms of October against their total 412
    assert k[FORMER_OKT_2022] == (7, 412, 412)
    importera.importera(RATTAD_SEPTEMBERKOSTNAD, "rattelse.csv", "Anna Andersson", fil=fil, dag=DAG)
    k = kontroller(fil)
    assert k[KOSTNAD_SEP_2022] == (9, 44923, 44933)
    assert k[KOSTNAD_OKT_2022] == (10, 49935, 49945)
    importera.angra_senaste("Anna Andersson", fil=fil)
    k = kontroller(fil)
    assert k[KOSTNAD_SEP_2022] == (9, 44923, 44923)
    importera.angra_senaste("Anna Andersson", fil=fil)
    assert kontroller(fil) == kontroller(bygg.bygg(fil.parent / "ny.duckdb"))


def test_en_kommentar_behaller_kontrollerna(fil):
    fore = kontroller(fil)
    importera.spara_kommentar(
        "bistand_kostnad", 2022, 9, "Högre än väntat.", "Anna Andersson", fil=fil, dag=DAG
    )
    assert kontroller(fil) == fore


def test_ett_bygge_som_fallerar_i_kontrollerna_lamnar_gamla_filen(fil, monkeypatch):
    importera.importera(OKTOBER, "oktober.csv", "Anna Andersson", fil=fil, dag=DAG)
    fore, fore_kontroller = innehall(fil), kontroller(fil)

    def fallerar(con):
        raise RuntimeError("avstämningen kunde inte räknas")

    monkeypatch.setattr(avstamning, "lagra", fallerar)
    with pytest.raises(RuntimeError):
        importera.importera(
            RATTAD_SEPTEMBERKOSTNAD, "rattelse.csv", "Anna Andersson", fil=fil, dag=DAG
        )
    assert innehall(fil) == fore
    assert kontroller(fil) == fore_kontroller
    assert not list(fil.parent.glob(".*.bygger*"))


def test_en_andrad_berakning_bygger_om_databasen(tmp_path, monkeypatch):
    # the derivation's SQL is one of the build's sources, like schema.sql and data/
    fore = bygg.kallhash()
    kopia = tmp_path / "avstamningar.sql"
    kopia.write_text(avstamning.BERAKNING.read_text(encoding="utf-8") + "\n-- ändrad\n")
    monkeypatch.setattr(avstamning, "BERAKNING", kopia)
    assert bygg.kallhash() != fore
