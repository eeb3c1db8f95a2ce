"""Arbetsmarknad: its queries against the papers of 27 October 2022 (section 2.1
Arbetsmarknadsanställningar, Feriearbeten, Insatser för unga, Återbruk; 3.2 Verksamhetsmått),
and the page started from dashboard.py as a user's browser would."""

import json

from conftest import oppna_tabellerna

NBSP = "\u00a0"
SIDA = "sidor/arbetsmarknad.py"


# --- queries -------------------------------------------------------------------------------


def test_anstallningsformer_september_2022_mot_2021(db):
    df = db.fraga("anstallningsformer_ar_mot_ar", ar=2022, jamforelsear=2021, manad=9)
    rader = {rad["anstallningsform"]: rad for rad in df.iter_rows(named=True)}
    assert df["anstallningsform"].to_list() == [
        "Trygghetsanställningar",
        "OSA-anställning",
        "Utvecklingsanställningar",
        "Extratjänster",
        "Nystartsjobb",
        "Introduktionsjobb",
        "Lönebidrag",
        "Totalt",
    ]
    assert (
        rader["Trygghetsanställningar"]["varde"],
        rader["Trygghetsanställningar"]["jamforelsevarde"],
    ) == (142, 149)
    assert rader["Extratjänster"]["forandring"] == 22 - 97
    assert rader["Nystartsjobb"]["forandring"] == 55 - 25
    total = rader["Totalt"]
    assert (total["ar_total"], total["varde"], total["jamforelsevarde"], total["forandring"]) == (
        True,
        409,
        451,
        -42,
    )
    assert "jämförelsemånaden anges inte" in rader["Lönebidrag"]["jamforelse_anmarkning"]
    assert total["diarienummer"] == "ALN 2022-00100 1.2.4.1"


def test_anstallningsformer_utan_jamforelsear_och_utan_manad(db):
    df = db.fraga("anstallningsformer_ar_mot_ar", ar=2022, jamforelsear=2020, manad=9)
    assert df["jamforelsevarde"].null_count() == df.height == 8
    assert df["forandring"].null_count() == 8  # unknown, never a zero
    assert db.fraga("anstallningsformer_ar_mot_ar", ar=2022, jamforelsear=2021, manad=8).is_empty()


def test_arbetsmarknad_feriearbete_unga_aterbruk_2022(db):
    df = db.fraga("arbetsmarknad_feriearbete_unga_aterbruk", ar=2022, fran_manad=1, till_manad=9)
    rader = {rad["indikator_id"]: rad for rad in df.iter_rows(named=True)}
    assert rader["feriearbete_sokande"]["varde"] == 1746  # "1 746 ungdomar sökt"
    assert rader["feriearbete_tackat_ja"]["varde"] == 1468  # "och 1 468 tackat ja"
    assert rader["feriearbete_stod_tjanst"]["varde"] == 50  # "en 50 % tjänst"
    assert rader["ungdomsanstallningar_budgetokning"]["varde"] == 500  # "utökats med 500 tkr"
    assert rader["ungdomsanstallningar_budgetokning"]["enhet"] == "tkr"
    assert rader["ungdomsanstallningar_platser"]["varde"] == 30  # "upp till ett 30-tal"
    assert rader["aterbruk_personer"]["varde"] == 130  # "Cirka 130 personer"
    assert rader["aterbruk_arbetsterapeuter"]["varde"] == 3  # "tre arbetsterapeuter"
    # "cirka" and "ett 30-tal" are approximate; the exact counts are not
    assert rader["aterbruk_personer"]["ungefarligt"] is True
    assert rader["ungdomsanstallningar_platser"]["ungefarligt"] is True
    assert rader["feriearbete_sokande"]["ungefarligt"] is False
    assert rader["feriearbete_stod_tjanst"]["periodtyp"] == "helar"


def test_arbetsmarknad_maj_till_augusti_har_bara_arets_uppgifter(db):
    df = db.fraga("arbetsmarknad_feriearbete_unga_aterbruk", ar=2022, fran_manad=5, till_manad=8)
    # no state in August, no January–August count: only what the papers say of the year
    assert set(df["indikator_id"]) == {
        "feriearbete_stod_tjanst",
        "ungdomsanstallningar_budgetokning",
        "ungdomsanstallningar_platser",
    }
    assert db.fraga(
        "arbetsmarknad_feriearbete_unga_aterbruk", ar=2021, fran_manad=1, till_manad=9
    ).is_empty()


# --- page ----------------------------------------------------------------------------------


def kort(at):
    return {m.label: m for m in at.metric}


def diagram(at):
    return [json.loads(p.proto.spec) for p in at.get("plotly_chart")]


def texter(at):
    return " ".join(c.value for c in at.caption).replace(NBSP, " ")


def test_sidan_visar_arbetsmarknadens_nyckeltal(oppna_sida):
    at = oppna_sida(SIDA)
    assert not at.exception
    m = kort(at)
    insatser = m["Personer i arbetsmarknadsinsatser ↘"]
    assert insatser.value == "346"
    assert "(401)" in insatser.proto.delta_description
    vaxla = m["Växla bidrag mot lön ↗"]
    assert vaxla.value == "63" and "(50)" in vaxla.proto.delta_description
    assert "↘" in vaxla.proto.help  # the printed arrow, told in the help
    assert m["Arbetsmarknadsanställningar"].value == "409"
    # the first card to name KAA spells it out; the card further down keeps the abbreviation
    kaa = "Det kommunala aktivitetsansvaret (KAA): kännedom om målgruppen ↗"
    assert m[kaa].value == f"99{NBSP}%"
    assert "⚠️ Målet nås inte (mål: lägst 100 %)" in texter(at)
    assert "riktningen upp" in texter(at)

    former, vaxla_fig = diagram(at)
    assert [t["name"] for t in former["data"]] == ["2022 (totalt 409)", "2021 (totalt 451)"]
    assert former["data"][0]["x"][0] == 142.0 and former["data"][1]["x"][3] == 97.0
    # a chart's table is built only when its expander is opened
    assert not at.dataframe
    oppna_tabellerna(at)
    assert not at.exception
    tabell = at.dataframe[0].value
    assert list(tabell.iloc[-1]) == ["Totalt", "409", "451", "\u221242"]
    assert "Förändring (beräknad)" in tabell.columns

    assert vaxla_fig["data"][0]["y"] == [4171742.0, -3277500.0, 894242.0]
    assert "894 242 kr är beräknad" in texter(at)
    belopp = at.dataframe[1].value
    assert belopp.iloc[2, 2] == "beräknat"

    assert m["Ungdomar som sökt"].value == f"1{NBSP}746"
    assert m["Ungdomar som tackat ja"].value == f"1{NBSP}468"
    assert m["Andel som tackat ja (beräknad)"].value == f"84{NBSP}%"  # 1 468 / 1 746
    assert m["Tjänst för extra stöd"].value == f"50{NBSP}%"
    assert m["KAA: kännedom om målgruppen"].value == f"99{NBSP}%"
    # "utökats med 500 tkr", in kronor like every amount on the page (500 tkr = 500 000 kr)
    assert m["Ungdomsjobb: utökad budget"].value == f"+500{NBSP}000{NBSP}kr"
    assert "500 tkr" in m["Ungdomsjobb: utökad budget"].proto.help  # the papers' wording
    assert "Belopp i kronor (kr)" in texter(at) and "tkr" not in texter(at)
    assert "894 242 kr är beräknad här ur uppgifterna i handlingarna" in texter(at)
    assert m["Ungdomsjobb: platser"].value == "upp till cirka 30"
    assert m["Personer i anställning eller praktik"].value == "cirka 130"


def test_tertial_2_visar_uppgift_saknas_och_arets_uppgifter(oppna_sida):
    at = oppna_sida(SIDA, ar="2022", period="Tertial 2")
    assert not at.exception
    m = kort(at)
    assert m["Personer i arbetsmarknadsinsatser ↘"].value == "uppgift saknas"
    assert m["Ungdomar som sökt"].value == "uppgift saknas"
    assert m["Andel som tackat ja (beräknad)"].value == "uppgift saknas"
    assert m["Ungdomsjobb: utökad budget"].value == f"+500{NBSP}000{NBSP}kr"  # helår 2022
    assert not diagram(at)
    assert any("Uppgift saknas för augusti 2022" in i.value for i in at.info)


def test_byte_av_jamforelsear_andrar_diagrammet(oppna_sida):
    at = oppna_sida(SIDA)
    at.selectbox(key="jamfor").select(2020).run()
    assert not at.exception
    former = diagram(at)[0]
    assert [t["name"] for t in former["data"]] == ["2022 (totalt 409)", "2020 (uppgift saknas)"]
    assert kort(at)["Växla bidrag mot lön ↗"].value == "63"
    assert "2020: uppgift saknas" in kort(at)["Växla bidrag mot lön ↗"].proto.delta_description
