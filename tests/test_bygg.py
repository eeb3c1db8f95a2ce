"""The build from data/: rebuilt when sources change, all or nothing, and bad input named in
Swedish by file, row and column."""

import hashlib

import duckdb
import pytest

from nyckeltal import bygg
from nyckeltal.inlasning import DataFel


def innehall(fil):
    """A checksum of the database's contents (not its bytes, which DuckDB may rearrange)."""
    with duckdb.connect(str(fil), read_only=True) as con:
        rader = con.execute("select * from varden order by all").fetchall()
    return hashlib.sha256(repr(rader).encode()).hexdigest()


def ersatt(fil, gammalt, nytt):
    text = fil.read_text(encoding="utf-8")
    assert gammalt in text, gammalt
    fil.write_text(text.replace(gammalt, nytt, 1), encoding="utf-8")


def test_bygger_nar_filen_saknas_och_inte_igen_nar_inget_andrats(tmp_path):
    fil = tmp_path / "x.duckdb"
    assert bygg.sakerstall(fil) == fil
    forsta = fil.stat().st_mtime_ns
    bygg.sakerstall(fil)
    assert fil.stat().st_mtime_ns == forsta


def test_bygger_om_nar_en_kallfil_andrats(tmp_path, datakopia):
    fil = tmp_path / "x.duckdb"
    bygg.sakerstall(fil, datakopia)
    ersatt(
        datakopia / "varden.csv",
        "hushall_forsorjningsstod,2022,manad,9,,648,",
        "hushall_forsorjningsstod,2022,manad,9,,649,",
    )
    bygg.sakerstall(fil, datakopia)
    with duckdb.connect(str(fil), read_only=True) as con:
        assert con.execute(
            "select varde from varden where indikator_id = 'hushall_forsorjningsstod' "
            "and ar = 2022 and periodtyp = 'manad' and manad = 9"
        ).fetchall() == [(649,)]


FELAKTIGA = [
    # (file, old text, new text, expected row, expected column, words in the message)
    ("varden.csv", ",648,", ",6x8,", 6, "varde", "inte ett tal"),
    (
        "varden.csv",
        "hushall_forsorjningsstod,2020,manad,9",
        "hushall_forsorjningsstod,20x0,manad,9",
        2,
        "ar",
        "inte ett heltal",
    ),
    (
        "varden.csv",
        "hushall_forsorjningsstod,2020,manad,9",
        "hushall_forsorjningsstod,2020,vecka,9",
        2,
        "periodtyp",
        "inte tillåtet",
    ),
    (
        "varden.csv",
        "hushall_forsorjningsstod,2020,manad,9",
        "hushall_forsorjningsstod,2020,manad,13",
        2,
        "manad",
        "inte tillåtet",
    ),
    (
        "varden.csv",
        "hushall_forsorjningsstod,2020,manad,9",
        "hushallen,2020,manad,9",
        2,
        "indikator_id",
        "finns inte",
    ),
    (
        "varden.csv",
        "731,budgetuppfoljning_sep_2022_bilaga",
        "731,okand_kalla",
        2,
        "kalla_id",
        "finns inte",
    ),
    (
        "varden.csv",
        "hushall_forsorjningsstod,2021,manad,9,,734",
        "hushall_forsorjningsstod,2020,manad,9,,734",
        3,
        None,
        "finns redan",
    ),
    (
        "varden.csv",
        "mottagna_flyktingar_kon,2021,ack,9,Kvinnor",
        "mottagna_flyktingar_kon,2021,ack,9,Kvinnorna",
        None,
        "dimension",
        "inget känt värde",
    ),
    (
        "varden.csv",
        "hushall_forsorjningsstod,2020,manad,9,,",
        "hushall_forsorjningsstod,2020,manad,9,Män,",
        2,
        "dimension",
        "har ingen dimension",
    ),
    (
        "varden.csv",
        "731,budgetuppfoljning_sep_2022_bilaga,2.1 Ekonomiskt bistånd,Läget 2020",
        "731,budgetuppfoljning_sep_2022_bilaga,,Läget 2020",
        2,
        "avsnitt",
        "värde saknas",
    ),
    ("kallor.csv", "kalla_id,dokument,datum", "kalla_id,dokumentet,datum", 1, None, "rubrikraden"),
    (
        "kallor.csv",
        ",2022-10-27,,Arbetslivsnämnden",
        ",2022-13-27,,Arbetslivsnämnden",
        2,
        "datum",
        "ÅÅÅÅ-MM-DD",
    ),
    (
        "indikatorer.csv",
        "hushall_forsorjningsstod,Hushåll med försörjningsstöd,antal,bistand,ner",
        "hushall_forsorjningsstod,Hushåll med försörjningsstöd,antal,bistand,nedåt",
        2,
        "onskad_riktning",
        "inte tillåtet",
    ),
]


@pytest.mark.parametrize("fil,gammalt,nytt,rad,kolumn,ord", FELAKTIGA)
def test_felaktig_indata_namnger_rad_och_kolumn_och_inget_skrivs(
    tmp_path, datakopia, fil, gammalt, nytt, rad, kolumn, ord
):
    db = tmp_path / "x.duckdb"
    bygg.bygg(db, datakopia)
    fore = innehall(db)
    ersatt(datakopia / fil, gammalt, nytt)
    with pytest.raises(DataFel) as fel:
        bygg.sakerstall(db, datakopia)
    forsta = fel.value.fel[0]
    assert forsta.fil == fil
    if rad is not None:
        assert forsta.rad == rad
    assert forsta.kolumn == kolumn
    assert ord in forsta.meddelande
    assert ord in str(fel.value)
    # all or nothing: the old database is untouched and no half-built file is left behind
    assert innehall(db) == fore
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "x.duckdb"]


def test_alla_fel_i_en_fil_rapporteras_pa_en_gang(tmp_path, datakopia):
    ersatt(datakopia / "varden.csv", ",731,", ",7 31,")
    ersatt(datakopia / "varden.csv", ",734,", ",7,34,")  # a decimal comma breaks the row
    with pytest.raises(DataFel) as fel:
        bygg.bygg(tmp_path / "x.duckdb", datakopia)
    assert len(fel.value.fel) >= 2
    assert "rad 2, kolumn 'varde'" in str(fel.value)


def test_saknad_fil(tmp_path, datakopia):
    (datakopia / "mal.csv").unlink()
    with pytest.raises(DataFel, match="mal.csv: filen saknas"):
        bygg.bygg(tmp_path / "x.duckdb", datakopia)
