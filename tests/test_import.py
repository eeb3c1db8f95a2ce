"""Import of new figures: the write, the audit log, backups, undo, rebuilds from data/,
one writer at a time, readers that never see half an import, comments, the templates and the
command. Golden tests for the import and comment queries are here too.

Figures for October 2022 are made up for the tests (tests/import_filer); the September
figures are the seeds' (committee papers of 27 October 2022)."""

import datetime as dt
import hashlib
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path

import fastexcel
import pytest
from import_filer import (
    DAG,
    KALLA,
    KOLUMNER,
    OKT,
    OKTOBER,
    RATTELSE,
    RUBRIK,
    csv_fil,
    excel_fil,
    innehall,
    rad,
    varde,
    varden_och_kallor,
)

from nyckeltal import bygg, importera
from nyckeltal.db import Databas

ROT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fil(dbkopia):
    """Each test works on its own copy of the seeded database."""
    return dbkopia


def importera_fil(fil, innehall=OKTOBER, namn="oktober.csv", vem="Anna Andersson"):
    return importera.importera(innehall, namn, vem, fil=fil, dag=DAG)


# --- the write --------------------------------------------------------------------------------


def test_import_av_en_manad_sparar_varden_logg_och_backup(fil):
    fore = innehall(fil)
    resultat = importera_fil(fil)
    assert resultat.import_id == 1
    assert (len(resultat.granskning.nya), len(resultat.granskning.andrade)) == (12, 0)
    assert varde(fil, "hushall_forsorjningsstod", 2022, "manad", 10) == 655
    assert varde(fil, "bistand_kostnad", 2022, "ack", 10) == 49935
    assert varde(fil, "anstallningsform_antal", 2022, "manad", 10, "Lönebidrag") == 12
    # the seeds are still there: September 2022 is 648 households
    assert varde(fil, "hushall_forsorjningsstod", 2022, "manad", 9) == 648
    db = Databas(fil)
    try:
        logg = db.fraga("import_logg").row(0, named=True)
        assert (logg["import_id"], logg["vem"], logg["filnamn"], logg["status"]) == (
            1,
            "Anna Andersson",
            "oktober.csv",
            "aktiv",
        )
        assert logg["sha256"] == hashlib.sha256(OKTOBER).hexdigest()
        assert (logg["rader_nya"], logg["rader_andrade"], logg["rader_oforandrade"]) == (12, 0, 0)
        assert abs(
            logg["nar"] - dt.datetime.now(importera.TIDSZON).replace(tzinfo=None)
        ) < dt.timedelta(minutes=5)
        # the file's new source document became a source of its own
        kallor = db.fraga("kallor_med_omfattning")
        ny = kallor.filter(kallor["dokument"] == OKT).row(0, named=True)
        assert (ny["kalla_id"], ny["antal_varden"], str(ny["datum"])) == (
            "import_1_1",
            12,
            "2022-11-24",
        )
        # and each new figure carries it, as every figure does
        oktober = db.fraga("nyckeltal_for_period", ar=2022, fran_manad=1, till_manad=10)
        hushall = oktober.filter(oktober["indikator_id"] == "hushall_forsorjningsstod")
        assert hushall.row(0, named=True)["dokument"] == OKT
    finally:
        db.stang()
    backuper = list(bygg.backupkatalog(fil).glob("nyckeltal-*.duckdb"))
    assert len(backuper) == 1
    assert innehall(backuper[0]) == fore


def test_rattelse_visar_och_sparar_gammalt_och_nytt_varde(fil):
    granskning = importera.forhandsgranska(RATTELSE, "rattelse.csv", fil=fil, dag=DAG)
    (andrad,) = granskning.andrade
    assert (andrad.tidigare.varde, andrad.rad.varde) == (648, 650)
    assert granskning.tabell()["Värde (gammalt → nytt)"].to_list() == ["648 → 650"]
    importera_fil(fil, RATTELSE, "rattelse.csv")
    assert varde(fil, "hushall_forsorjningsstod", 2022, "manad", 9) == 650
    db = Databas(fil)
    try:
        rader = db.fraga("import_rader", import_id=1)
        assert rader.select("rad", "andring", "tidigare_varde", "varde").rows() == [
            (2, "ändrad", Decimal("648.00"), Decimal("650.00"))
        ]
        assert rader["namn"].to_list() == ["Hushåll med försörjningsstöd"]
    finally:
        db.stang()


def test_samma_varde_med_ny_kalla_ar_en_andring(fil):
    # September's 648 households restated by the October report: the value stays, the source
    # moves, so the page can say where the figure now comes from
    granskning = importera.forhandsgranska(
        csv_fil(rad(manad="9", varde="648")), "x.csv", fil=fil, dag=DAG
    )
    assert [f.bara_kallan for f in granskning.andrade] == [True]


def test_angra_tar_bort_den_senaste_importen_och_sedan_den_fore(fil):
    ursprung = varden_och_kallor(fil)
    importera_fil(fil)
    importera_fil(fil, RATTELSE, "rattelse.csv")
    assert importera.angra_senaste("Bo", fil=fil) == (2, "rattelse.csv")
    assert varde(fil, "hushall_forsorjningsstod", 2022, "manad", 9) == 648
    assert varde(fil, "hushall_forsorjningsstod", 2022, "manad", 10) == 655
    assert importera.angra_senaste("Bo", fil=fil) == (1, "oktober.csv")
    assert varde(fil, "hushall_forsorjningsstod", 2022, "manad", 10) is None
    # back to exactly the seeds: values and sources (the new source went with its import)
    assert varden_och_kallor(fil) == ursprung
    db = Databas(fil)
    try:
        logg = db.fraga("import_logg")
        assert logg.select("import_id", "status", "angrad_av").rows() == [
            (2, "angrad", "Bo"),
            (1, "angrad", "Bo"),
        ]
        # an undone import's rows and own sources stay readable in the log
        assert db.fraga("import_rader", import_id=1).height == 12
        assert set(db.fraga("import_rader", import_id=1)["dokument"]) == {OKT}
    finally:
        db.stang()
    with pytest.raises(importera.ImportFel, match="ingen import att ångra"):
        importera.angra_senaste("Bo", fil=fil)


def test_angra_en_import_som_inte_langre_ar_den_senaste_avvisas(fil):
    importera_fil(fil)
    importera_fil(fil, RATTELSE, "rattelse.csv")
    fore = innehall(fil)
    with pytest.raises(importera.ImportFel, match="import 1 är inte längre den senaste"):
        importera.angra_senaste("Bo", import_id=1, fil=fil)
    assert innehall(fil) == fore


def test_senare_import_vinner(fil):
    importera_fil(fil, RATTELSE, "rattelse.csv")
    importera_fil(fil, csv_fil(rad(manad="9", varde="651")), "andra_rattelsen.csv")
    assert varde(fil, "hushall_forsorjningsstod", 2022, "manad", 9) == 651
    db = Databas(fil)
    try:
        rader = db.fraga("import_rader", import_id=2)
    finally:
        db.stang()
    assert rader.select("tidigare_varde", "varde").rows() == [(650, 651)]


# --- rebuilds from data/ ------------------------------------------------------------------------


def test_importer_och_kommentarer_overlever_en_ombyggnad_fran_data(fil, datakopia):
    bygg.bygg(fil, datakopia)
    importera.importera(OKTOBER, "oktober.csv", "Anna", fil=fil, data=datakopia, dag=DAG)
    importera.spara_kommentar(
        "hushall_forsorjningsstod",
        2022,
        10,
        "Färre nya ärenden.",
        "Anna",
        fil=fil,
        data=datakopia,
        dag=DAG,
    )
    # a seed changes: the 2020 figure for September is corrected
    varden = datakopia / "varden.csv"
    text = varden.read_text(encoding="utf-8")
    varden.write_text(
        text.replace(
            "hushall_forsorjningsstod,2020,manad,9,,731,",
            "hushall_forsorjningsstod,2020,manad,9,,732,",
        ),
        encoding="utf-8",
    )
    assert bygg.sakerstall(fil, datakopia) == fil
    assert varde(fil, "hushall_forsorjningsstod", 2020, "manad", 9) == 732
    assert varde(fil, "hushall_forsorjningsstod", 2022, "manad", 10) == 655
    db = Databas(fil)
    try:
        assert db.fraga("import_logg")["status"].to_list() == ["aktiv"]
        kommentar = db.fraga(
            "kommentarer_for_period",
            indikator="hushall_forsorjningsstod",
            ar=2022,
            fran_manad=1,
            till_manad=12,
        )
        assert kommentar["text"].to_list() == ["Färre nya ärenden."]
    finally:
        db.stang()
    # the rebuild kept a backup, since the old file held data that data/ does not have
    assert len(list(bygg.backupkatalog(fil).glob("nyckeltal-*.duckdb"))) == 3


def test_ombyggnad_som_inte_kan_lagga_pa_en_import_lamnar_databasen_orord(fil, datakopia):
    bygg.bygg(fil, datakopia)
    importera.importera(OKTOBER, "oktober.csv", "Anna", fil=fil, data=datakopia, dag=DAG)
    fore = innehall(fil)
    # data/ gains a source with the id the import gave its new document
    with (datakopia / "kallor.csv").open("a", encoding="utf-8") as kallor:
        kallor.write("import_1_1,Annat dokument,2022-11-01,,Arbetslivsnämnden,x.txt,\n")
    with pytest.raises(importera.DataFel, match="import 1 kan inte läggas på"):
        bygg.sakerstall(fil, datakopia)
    assert innehall(fil) == fore


def test_en_olasbar_gammal_fil_sparas_innan_den_byggs_om(tmp_path):
    fil = tmp_path / "nyckeltal.duckdb"
    fil.write_bytes(b"inte en databas")
    with pytest.warns(UserWarning, match="kunde inte öppnas"):
        bygg.bygg(fil)
    (trasig,) = bygg.backupkatalog(fil).glob("trasig-*.duckdb")
    assert trasig.read_bytes() == b"inte en databas"


# --- one writer at a time; readers see the old or the new file --------------------------------


def test_en_andra_import_samtidigt_avvisas_med_ett_tydligt_meddelande(fil):
    fore = innehall(fil)
    with bygg.skrivlas(fil.parent):
        with pytest.raises(bygg.UpptagenFel, match="En annan import pågår"):
            importera_fil(fil)
    assert innehall(fil) == fore
    importera_fil(fil)  # the lock is free again


def test_laset_galler_mellan_processer(fil):
    barn = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from nyckeltal import bygg\n"
            "with bygg.skrivlas(Path(sys.argv[1])):\n"
            "    print('låst', flush=True); time.sleep(30)\n",
            str(fil.parent),
        ],
        cwd=ROT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert barn.stdout.readline().strip() == "låst"
        with pytest.raises(bygg.UpptagenFel):
            importera_fil(fil)
    finally:
        barn.kill()
        barn.wait()
    importera_fil(fil)  # a dead holder leaves no lock behind


def test_lasare_ser_gamla_databasen_under_importen_och_den_nya_efter(fil, monkeypatch):
    las = Databas(fil)
    fore = las.fraga("nyckeltal_for_period", ar=2022, fran_manad=1, till_manad=10)
    pausad, fortsatt = threading.Event(), threading.Event()

    def vid_steg(namn):
        if namn == "backup":  # the new file is complete; the old is still in place
            pausad.set()
            fortsatt.wait(30)

    monkeypatch.setattr(bygg, "_vid_steg", vid_steg)
    fel = []
    trad = threading.Thread(target=lambda: fel.extend(_importera_eller_fel(fil)))
    trad.start()
    try:
        assert pausad.wait(30)
        mitt_i = las.fraga("nyckeltal_for_period", ar=2022, fran_manad=1, till_manad=10)
        assert mitt_i.equals(fore)  # no October yet
        gammal = las.ogonblick()
    finally:
        fortsatt.set()
        trad.join(30)
    assert not fel
    efter = las.fraga("nyckeltal_for_period", ar=2022, fran_manad=1, till_manad=10)
    assert "hushall_forsorjningsstod" in efter["indikator_id"].to_list()
    assert las.ogonblick() is not gammal
    # a query already holding the old snapshot still gets the old, complete database
    assert gammal.fraga("perioder_med_data")["senaste_manad"].to_list()[-1] == 9
    assert las.fraga("perioder_med_data")["senaste_manad"].to_list()[-1] == 10
    las.stang()


def _importera_eller_fel(fil):
    try:
        importera_fil(fil)
    except Exception as exc:  # reported to the test thread
        return [exc]
    return []


def test_backuperna_begransas_till_de_senaste(fil, monkeypatch):
    monkeypatch.setenv("NYCKELTAL_BACKUPER", "2")
    importera_fil(fil)
    importera.spara_kommentar(
        "hushall_forsorjningsstod", 2022, 10, "Text", "Anna", fil=fil, dag=DAG
    )
    importera.angra_senaste("Anna", fil=fil)
    assert len(list(bygg.backupkatalog(fil).glob("nyckeltal-*.duckdb"))) == 2


# --- comments -------------------------------------------------------------------------------------


def test_kommentar_sparas_ersatts_och_tas_bort(fil):
    spara = importera.spara_kommentar
    spara(
        "hushall_forsorjningsstod",
        2022,
        8,
        "Semestertider: färre nybesök.",
        "Anna",
        fil=fil,
        dag=DAG,
    )
    spara("bistand_kostnad", 2022, 8, "Lägre utbetalningar i augusti.", "Bo", fil=fil, dag=DAG)
    db = Databas(fil)
    try:
        tertial_2 = db.fraga(
            "kommentarer_for_period",
            indikator="hushall_forsorjningsstod",
            ar=2022,
            fran_manad=5,
            till_manad=8,
        )
        assert tertial_2.select("manad", "text", "vem", "namn").rows() == [
            (8, "Semestertider: färre nybesök.", "Anna", "Hushåll med försörjningsstöd")
        ]
        # a period that does not cover August shows nothing
        assert db.fraga(
            "kommentarer_for_period",
            indikator="hushall_forsorjningsstod",
            ar=2022,
            fran_manad=9,
            till_manad=12,
        ).is_empty()
        assert db.fraga("kommentarer_alla").select("indikator_id", "ar", "manad").rows() in (
            [("bistand_kostnad", 2022, 8), ("hushall_forsorjningsstod", 2022, 8)],
            [("hushall_forsorjningsstod", 2022, 8), ("bistand_kostnad", 2022, 8)],
        )
    finally:
        db.stang()
    spara("hushall_forsorjningsstod", 2022, 8, "Ny text.", "Bo", fil=fil, dag=DAG)
    spara("bistand_kostnad", 2022, 8, "  ", "Bo", fil=fil, dag=DAG)  # empty: removed
    db = Databas(fil)
    try:
        assert db.fraga("kommentarer_alla").select("text", "vem").rows() == [("Ny text.", "Bo")]
    finally:
        db.stang()


@pytest.mark.parametrize(
    "indikator,ar,manad,text,ord",
    [
        ("hushall_forsorjningsstod", 2022, 12, "Text", "ligger i framtiden"),
        ("hushall_forsorjningsstod", 2022, 13, "Text", "ingen månad"),
        ("hushall_forsorjningsstod", 2022, 8, '=HYPERLINK("x")', "formelinjektion"),
        ("hushall_forsorjningsstod", 2022, 8, "x" * 1001, "högst 1000"),
        ("okand_indikator", 2022, 8, "Text", "okänd indikator"),
    ],
)
def test_felaktig_kommentar_avvisas(fil, indikator, ar, manad, text, ord):
    fore = innehall(fil)
    with pytest.raises(importera.ImportFel, match=ord):
        importera.spara_kommentar(indikator, ar, manad, text, "Anna", fil=fil, dag=DAG)
    assert innehall(fil) == fore


def test_namnet_i_loggen_kravs_och_far_inte_vara_en_formel(fil):
    for vem in ("", "   ", "=cmd", "x" * 81):
        with pytest.raises(importera.ImportFel):
            importera_fil(fil, vem=vem)


# --- golden tests of the queries the import adds ------------------------------------------------


def test_import_indikatorer(db):
    df = db.fraga("import_indikatorer")
    assert df.height == 42  # every indicator of data/indikatorer.csv
    former = df.filter(df["indikator_id"] == "anstallningsform_antal").row(0, named=True)
    assert (former["enhet"], former["dimension"]) == ("antal", "anstallningsform")
    # the employment forms in the order of the table in 2.1 Arbetsmarknadsanställningar
    assert former["dimensionsvarden"] == [
        "Trygghetsanställningar",
        "OSA-anställning",
        "Utvecklingsanställningar",
        "Extratjänster",
        "Nystartsjobb",
        "Introduktionsjobb",
        "Lönebidrag",
    ]
    hushall = df.filter(df["indikator_id"] == "hushall_forsorjningsstod").row(0, named=True)
    assert (hushall["enhet"], hushall["dimension"], hushall["dimensionsvarden"]) == (
        "antal",
        None,
        [],
    )


def test_import_indikatorer_for_de_indikatorer_som_efterfragas(db):
    df = db.fraga("import_indikatorer", indikatorer=["mottagna_flyktingar_kon"])
    assert df.rows() == [
        (
            "mottagna_flyktingar_kon",
            "Mottagna flyktingar efter kön",
            "procent",
            "lage",
            "kon",
            ["Kvinnor", "Män"],
        )
    ]


def test_import_logg_och_import_rader_i_seederna_ar_tomma(db):
    # the seeded database has no imports: an empty log, not an error
    assert db.fraga("import_logg").is_empty()
    assert db.fraga("import_rader", import_id=1).is_empty()
    assert db.fraga("kommentarer_alla").is_empty()


# --- accepted formats and the templates -----------------------------------------------------------


GILTIG = ("hushall_forsorjningsstod", 2022, "manad", 10, "", Decimal(655))
GILTIGA = {
    "semikolon_utf8_bom": csv_fil(rad()),
    "semikolon_windows_1252": csv_fil(rad(), kodning="cp1252"),
    "semikolon_utf8_utan_bom_lf": csv_fil(rad(), kodning="utf-8", radslut="\n"),
    "tab_utf16": csv_fil(
        rad().replace(";", "\t"), rubrik=RUBRIK.replace(";", "\t"), kodning="utf-16"
    ),
    "komma_med_citattecken": csv_fil(
        ",".join(
            [
                "hushall_forsorjningsstod",
                "2022",
                "10",
                "manad",
                "",
                '"655,0"',
                f'"{OKT}"',
                "2022-11-24",
                "ALN 2022-00100 1.2.4.1",
                "2.1 Ekonomiskt bistånd",
            ]
        ),
        rubrik=RUBRIK.replace(";", ","),
    ),
    "manadsnamn_och_svenska_rubriker": csv_fil(
        rad(manad="Oktober", periodtyp="månad"),
        rubrik="Indikator_id;År;Månad;Periodtyp;Dimension;Värde;Kalla dokument;Kalla datum;"
        "Kalla diarienummer;Kalla avsnitt",
    ),
    "kolumner_i_annan_ordning_och_anmarkning": csv_fil(
        "655;hushall_forsorjningsstod;2022;10;manad;;" + KALLA + ";Läget 2022-10-31.",
        rubrik="varde;" + RUBRIK.replace("varde;", "") + ";anmarkning",
    ),
    "excel": excel_fil(
        [
            [
                "hushall_forsorjningsstod",
                2022,
                10,
                "manad",
                "",
                655,
                OKT,
                dt.date(2022, 11, 24),
                "ALN 2022-00100 1.2.4.1",
                "2.1 Ekonomiskt bistånd",
            ]
        ]
    ),
}


@pytest.mark.parametrize("namn", list(GILTIGA))
def test_det_excel_sparar_gar_att_lasa_in(db, namn):
    (forandring,) = importera.forhandsgranska(
        GILTIGA[namn], f"{namn}.csv", databas=db, dag=DAG
    ).forandringar
    assert forandring.rad.nyckel + (forandring.rad.varde,) == GILTIG
    assert forandring.rad.kalla == (OKT, dt.date(2022, 11, 24), "ALN 2022-00100 1.2.4.1")
    assert forandring.rad.rad == 2
    assert forandring.andring == "ny"


@pytest.mark.parametrize(
    "text,vantat",
    [
        ("1 234,5", Decimal("1234.5")),
        ("1\u00a0234,5", Decimal("1234.5")),
        ("1\u202f234,50", Decimal("1234.5")),
        ("1234.5", Decimal("1234.5")),
        ("−6 000", Decimal(-6000)),
        ("-6000", Decimal(-6000)),
        ("0,05", Decimal("0.05")),
    ],
)
def test_svenska_talformat(text, vantat):
    from nyckeltal.inlasning import tolka_svenskt_tal

    assert tolka_svenskt_tal(text) == (vantat, None)


def test_helar_med_tom_manad_ar_december(db):
    fil = csv_fil(rad("bistand_kostnad", manad="", periodtyp="helår", varde="60 500"))
    (forandring,) = importera.forhandsgranska(
        fil, "x.csv", databas=db, dag=dt.date(2023, 1, 15)
    ).forandringar
    assert forandring.rad.nyckel == ("bistand_kostnad", 2022, "helar", 12, "")


def test_csv_mallen_har_rubriken_och_riktiga_exempel_som_inte_andrar_nagot(db):
    exempel = importera.exempelrader(db.fraga("varden_med_kalla"))
    mall = importera.mall_csv(exempel)
    assert mall.startswith(b"\xef\xbb\xbf" + ";".join(KOLUMNER).encode())
    granskning = importera.forhandsgranska(mall, "mall.csv", databas=db, dag=DAG)
    assert len(granskning.oforandrade) == 2 and not granskning.nya and not granskning.andrade
    # the latest month in the seeds, September 2022: 409 in employment forms, 22 of them in
    # Extratjänster (2.1 Arbetsmarknadsanställningar)
    text = mall.decode("utf-8-sig")
    assert "anstallningsform_antal;2022;9;manad;;409;" in text
    assert "anstallningsform_antal;2022;9;manad;Extratjänster;22;" in text


def test_excel_mallen_har_importfliken_och_alla_indikatorer(db):
    exempel = importera.exempelrader(db.fraga("varden_med_kalla"))
    mall = importera.mall_excel(db.fraga("import_indikatorer"), exempel)
    arbetsbok = fastexcel.read_excel(mall)
    assert arbetsbok.sheet_names == ["Import", "Indikatorer"]
    assert arbetsbok.load_sheet("Import").to_polars().columns == list(KOLUMNER)
    indikatorer = arbetsbok.load_sheet("Indikatorer").to_polars()
    assert indikatorer.height == 42
    granskning = importera.forhandsgranska(mall, "mall.xlsx", databas=db, dag=DAG)
    assert len(granskning.oforandrade) == 2 and not granskning.nya and not granskning.andrade


# --- the command ----------------------------------------------------------------------------------


def kommando(*argument, fil):
    return subprocess.run(
        [sys.executable, "-m", "nyckeltal.importera", *map(str, argument)],
        cwd=ROT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "NYCKELTAL_DB": str(fil)},
    )


def test_kommandot_forhandsgranskar_importerar_avvisar_och_angrar(fil, tmp_path):
    oktober = tmp_path / "oktober.csv"
    oktober.write_bytes(OKTOBER)
    felaktig = tmp_path / "felaktig.csv"
    felaktig.write_bytes(csv_fil(rad(varde="-5")))

    fore = innehall(fil)
    svar = kommando(oktober, "--forhandsgranska", fil=fil)
    assert svar.returncode == 0, svar.stderr
    assert "12 nya värden" in svar.stdout
    assert "rad 2: ny: hushall_forsorjningsstod, oktober 2022: 655" in svar.stdout
    assert innehall(fil) == fore  # a preview writes nothing

    svar = kommando(felaktig, "--vem", "Anna", fil=fil)
    assert svar.returncode == 1
    assert "felaktig.csv, rad 2, kolumn 'varde': ett antal kan inte vara negativt" in svar.stderr

    svar = kommando(oktober, "--vem", "Anna", fil=fil)
    assert svar.returncode == 0, svar.stderr
    assert "Import 1 är sparad." in svar.stdout
    assert varde(fil, "hushall_forsorjningsstod", 2022, "manad", 10) == 655

    svar = kommando(oktober, "--vem", "Anna", fil=fil)
    assert svar.returncode == 1 and "filen ändrar ingenting" in svar.stderr

    svar = kommando("--angra", "--vem", "Anna", fil=fil)
    assert svar.returncode == 0 and "Import 1 (oktober.csv) är ångrad." in svar.stdout
    assert varde(fil, "hushall_forsorjningsstod", 2022, "manad", 10) is None

    assert kommando(fil=fil).returncode == 2  # neither a file nor --angra
    assert kommando(tmp_path / "finns_inte.csv", fil=fil).returncode == 1


def test_kommandot_svarar_3_nar_en_annan_import_pagar(fil, tmp_path):
    oktober = tmp_path / "oktober.csv"
    oktober.write_bytes(OKTOBER)
    with bygg.skrivlas(fil.parent):
        svar = kommando(oktober, fil=fil)
    assert svar.returncode == 3
    assert "En annan import pågår" in svar.stderr
