"""The bad-input suite: every crafted file in tests/import_filer is refused by the import's
write path with the right row, column and Swedish words, and the database is unchanged
(the checksum of its contents, the file itself, and no backup taken)."""

import pytest
from import_filer import DAG, FELAKTIGA, innehall

from nyckeltal import bygg, importera
from nyckeltal.db import Databas


@pytest.fixture(scope="module")
def databasfil(tmp_path_factory):
    fil = tmp_path_factory.mktemp("felaktiga") / "nyckeltal.duckdb"
    return bygg.bygg(fil)


def test_sviten_har_minst_30_filer():
    assert len(FELAKTIGA) >= 30
    assert len({fall.namn for fall in FELAKTIGA}) == len(FELAKTIGA)


@pytest.mark.parametrize("fall", FELAKTIGA, ids=lambda fall: fall.namn)
def test_felaktig_fil_avvisas_med_rad_kolumn_och_inget_andras(databasfil, fall):
    fore = innehall(databasfil)
    stat = databasfil.stat()
    with pytest.raises(importera.ImportFel) as fel:
        importera.importera(
            fall.innehall, f"{fall.namn}.{fall.andelse}", "Testaren", fil=databasfil, dag=DAG
        )
    forsta = fel.value.fel[0]
    assert (forsta.rad, forsta.kolumn) == (fall.rad, fall.kolumn), str(fel.value)
    assert fall.ord in forsta.meddelande, str(fel.value)
    # the message the page and the command show names the file, row and column
    plats = (
        f"{fall.namn}.{fall.andelse}"
        + (f", rad {fall.rad}" if fall.rad else "")
        + (f", kolumn '{fall.kolumn}'" if fall.kolumn else "")
    )
    assert plats in str(fel.value)
    assert str(fel.value).startswith("Inget har sparats.")
    # nothing written: same contents, same file, no backup, no leftovers
    assert innehall(databasfil) == fore
    assert (databasfil.stat().st_ino, databasfil.stat().st_mtime_ns) == (
        stat.st_ino,
        stat.st_mtime_ns,
    )
    assert sorted(p.name for p in databasfil.parent.iterdir()) == [databasfil.name]


def test_forhandsgranskningen_ger_samma_fel_som_importen(databasfil):
    # one code path: the page's preview and the write give the same message
    las = Databas(databasfil)
    try:
        for fall in FELAKTIGA[:12]:
            with pytest.raises(importera.ImportFel) as granskad:
                importera.forhandsgranska(fall.innehall, "x.csv", databas=las, dag=DAG)
            with pytest.raises(importera.ImportFel) as importerad:
                importera.importera(fall.innehall, "x.csv", "Testaren", fil=databasfil, dag=DAG)
            assert granskad.value.fel == importerad.value.fel
    finally:
        las.stang()


def test_alla_fel_i_filen_visas_pa_en_gang(databasfil):
    from import_filer import csv_fil, rad

    fil = csv_fil(rad(ar="20x2"), rad(varde="-5"), rad(manad="13"), rad("okand"))
    with pytest.raises(importera.ImportFel) as fel:
        importera.forhandsgranska(fil, "fyra.csv", fil=databasfil, dag=DAG)
    assert [(f.rad, f.kolumn) for f in fel.value.fel] == [
        (2, "ar"),
        (3, "varde"),
        (4, "manad"),
        (5, "indikator_id"),
    ]


def test_en_fil_som_redan_ar_importerad_andrar_ingenting(databasfil):
    # the seeds' own row for September 2022, with its own source: nothing to import
    from import_filer import SEPTEMBER, csv_fil, rad

    fil = csv_fil(rad(manad="9", varde="648", kalla=SEPTEMBER + ";2.1 Ekonomiskt bistånd"))
    granskning = importera.forhandsgranska(fil, "samma.csv", fil=databasfil, dag=DAG)
    assert (len(granskning.nya), len(granskning.andrade), len(granskning.oforandrade)) == (0, 0, 1)
    fore = innehall(databasfil)
    with pytest.raises(importera.ImportFel) as fel:
        importera.importera(fil, "samma.csv", "Testaren", fil=databasfil, dag=DAG)
    # one row: "raden", not "alla 1 rader"
    assert fel.value.fel[0].meddelande == (
        "filen ändrar ingenting: raden finns redan med samma värde och källa. "
        "Det finns inget att läsa in."
    )
    assert innehall(databasfil) == fore


def test_flera_rader_som_redan_finns_ger_plural_i_bestamd_form(databasfil):
    # two of the seeds' own rows for September 2022: "alla 2 raderna", not "alla 2 rader"
    from import_filer import SEPTEMBER, csv_fil, rad

    kalla = SEPTEMBER + ";2.1 Ekonomiskt bistånd"
    fil = csv_fil(
        rad(manad="9", varde="648", kalla=kalla),
        rad("hushall_langvarigt", manad="9", varde="435", kalla=kalla),
    )
    fore = innehall(databasfil)
    with pytest.raises(importera.ImportFel) as fel:
        importera.importera(fil, "samma.csv", "Testaren", fil=databasfil, dag=DAG)
    assert fel.value.fel[0].meddelande.startswith(
        "filen ändrar ingenting: alla 2 raderna finns redan med samma värde och källa."
    )
    assert innehall(databasfil) == fore


def test_saknad_kolumn_visas_inte_med_en_avgransare_som_filen_inte_har(databasfil):
    # the comma-separated file must not be told its header should be joined with ';'
    fall = next(f for f in FELAKTIGA if f.namn == "saknad_kolumn_kommaseparerad")
    with pytest.raises(importera.ImportFel) as fel:
        importera.forhandsgranska(fall.innehall, "komma.csv", fil=databasfil, dag=DAG)
    assert ";" not in fel.value.fel[0].meddelande


def test_slumpbytes_med_csv_namn_far_teckenkodningsfelet_med_rad(databasfil):
    # the same bytes as slumpbytes_som_xlsx, named .csv: the encoding message, with the line
    # and the character on it counted from 1, not Python's 0-based offset in the whole file
    fall = next(f for f in FELAKTIGA if f.namn == "slumpbytes_som_xlsx")
    with pytest.raises(importera.ImportFel) as fel:
        importera.forhandsgranska(fall.innehall, "slump.csv", fil=databasfil, dag=DAG)
    forsta = fel.value.fel[0]
    # the five bytes Windows-1252 leaves undefined
    forsta_olasbara = min(
        i for i, byte in enumerate(fall.innehall) if byte in b"\x81\x8d\x8f\x90\x9d"
    )
    fore = fall.innehall[:forsta_olasbara]
    assert forsta.rad == fore.count(b"\n") + 1
    tecken = len(fore) - fore.rfind(b"\n")
    assert f"tecken nummer {tecken} på raden" in forsta.meddelande
    assert "varken UTF-8 eller Windows-1252" in forsta.meddelande
