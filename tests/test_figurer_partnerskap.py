"""The Partnerskap page's timeline query (golden test, dates typed from the IOP decisions of
27 October 2022 and the ESF project page), its timeline builder and its Swedish texts."""

import datetime as dt
import json

import polars as pl

from nyckeltal.figurer import KATEGORIFARGER
from nyckeltal.figurer.partnerskap import (
    FARG_PER_TYP,
    beloppstext,
    datumtext,
    kort_namn,
    maltext,
    periodkort,
    periodtext,
    tidslinje,
)


def test_partnerskap_tidslinje(db):
    df = db.fraga("partnerskap_tidslinje")
    rader = {rad["partnerskap_id"]: rad for rad in df.iter_rows(named=True)}
    # Guldkanten: "förlänga ... i två år från och med 2023-01-01 till 2024-12-31"
    assert (rader["guldkanten"]["period_start"], rader["guldkanten"]["period_slut"]) == (
        dt.date(2023, 1, 1),
        dt.date(2024, 12, 31),
    )
    # Borås Basket "Funkis till jobb": förlängd ytterligare 3 år
    assert (rader["boras_basket"]["period_start"], rader["boras_basket"]["period_slut"]) == (
        dt.date(2023, 1, 1),
        dt.date(2025, 12, 31),
    )
    # SIKTA: 2014-02-01 – 2014-07-31 on the ESF project page
    assert (rader["sikta"]["period_start"], rader["sikta"]["period_slut"]) == (
        dt.date(2014, 2, 1),
        dt.date(2014, 7, 31),
    )
    assert [r for r, rad in rader.items() if rad["pa_tidslinjen"]] == [
        "sikta",
        "boras_basket",
        "guldkanten",
    ]
    # without a period: Hemgården was declined, IF Elfsborg has no period in the papers
    assert "inte ingå" in rader["hemgarden"]["utan_period_orsak"]
    assert rader["if_elfsborg"]["utan_period_orsak"] == "Källan anger ingen period."
    assert rader["guldkanten"]["utan_period_orsak"] is None
    assert rader["guldkanten"]["diarienummer"] == "ALN 2022-00053 3.4.3.25"
    assert rader["sikta"]["datum"] is None  # the ESF page is undated


def test_tidslinje_en_stapel_per_partnerskap_med_period(db):
    fig = tidslinje(db.fraga("partnerskap_tidslinje"))
    # one trace per kind, in the order they first appear (SIKTA first)
    assert [t.name for t in fig.data] == ["ESF-projekt", "IOP"]
    esf, iop = fig.data
    assert esf.marker.color == FARG_PER_TYP["ESF-projekt"]
    assert iop.marker.color == KATEGORIFARGER[0]
    assert list(esf.base) == ["2014-02-01"]
    assert list(iop.base) == ["2023-01-01", "2023-01-01"]
    # durations in milliseconds up to the end of the last day
    assert list(iop.x) == [1096 * 86_400_000, 731 * 86_400_000]
    # the labels name the kind and status as well, not only the colour
    assert iop.y[0] == "<b>Borås Basket</b><br>jan 2023–dec 2025 · IOP, förlängd"
    assert esf.y[0] == "<b>SIKTA</b><br>feb–jul 2014 · ESF-projekt, avslutad"
    assert iop.customdata[1][1] == "1 januari 2023 – 31 december 2024"
    # Swedish tick labels of our own, one per year (every other year over a long span)
    assert fig.layout.xaxis.type == "date"
    assert list(fig.layout.xaxis.ticktext) == [str(a) for a in range(2014, 2027, 2)]
    assert fig.layout.yaxis.autorange == "reversed"
    spec = json.loads(fig.to_json())
    assert "Hemgården" not in json.dumps(spec["data"], ensure_ascii=False)


def test_tidslinje_utan_perioder_ger_tom_figur():
    tom = pl.DataFrame(
        schema={
            "namn": pl.String,
            "typ": pl.String,
            "status": pl.String,
            "period_start": pl.Date,
            "period_slut": pl.Date,
        }
    )
    assert len(tidslinje(tom).data) == 0


def test_svenska_texter():
    assert datumtext(dt.date(2023, 1, 1)) == "1 januari 2023"
    assert datumtext(None) == "uppgift saknas"
    assert periodtext(dt.date(2023, 1, 1), dt.date(2024, 12, 31)) == (
        "1 januari 2023 – 31 december 2024"
    )
    assert periodtext(None, None) == "uppgift saknas"
    assert periodkort(dt.date(2014, 2, 1), dt.date(2014, 7, 31)) == "feb–jul 2014"
    assert beloppstext(1_000_000, "år") == "1\u00a0000\u00a0000\u00a0kr/år"
    assert beloppstext(450_000, "projektet") == "450\u00a0000\u00a0kr för hela projektet"
    assert beloppstext(379_392, "ej angivet") == "379\u00a0392\u00a0kr"
    assert beloppstext(None, "år") == "uppgift saknas"
    assert maltext(10, None, "personer", "år") == "10 personer per år"
    assert maltext(20, 25, "personer", "år") == "20–25 personer per år"
    assert maltext(1, None, "personer", None) == "1 person"
    assert maltext(1500, 2000, "personer", "projektet") == (
        "1\u00a0500–2\u00a0000 personer för projektet"
    )
    assert kort_namn('Borås Basket – "Funkis till jobb"') == "Borås Basket"


def test_maltext_med_handlingarnas_jamforelseord():
    # "minst 10 personer" (Borås Basket), "ca 20-25 deltagare" (the same agreement)
    from nyckeltal.figurer.partnerskap import maltext

    assert maltext(10, None, "personer", "år", "minst") == "minst 10 personer per år"
    assert maltext(20, 25, "personer", "år", "cirka") == "cirka 20–25 personer per år"
    assert maltext(10, None, "månader", "år", "exakt") == "10 månader per år"
