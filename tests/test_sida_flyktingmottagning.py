"""Flyktingmottagning: its queries against the papers of 27 October 2022 (section 2.1
Mottagna flyktingar, Överföring av ekonomiska medel; 3.1.2 Verksamhetsmått), and the page
started from dashboard.py as a user's browser would."""

import json

from conftest import flikinnehall, oppna_tabellerna

NBSP = "\u00a0"
SIDA = "sidor/flyktingmottagning.py"


def varden(df, nyckel="indikator_id"):
    return {rad[nyckel]: rad["varde"] for rad in df.iter_rows(named=True)}


# --- queries -------------------------------------------------------------------------------


def test_flykting_nyckeltal_hittills_i_ar_efter_september_2022(db):
    df = db.fraga("flykting_nyckeltal_for_period", ar=2022, fran_manad=1, till_manad=9)
    v = varden(df)
    assert v["mottagna_flyktingar_kon"] == 42  # "102 (42 % kvinnor, 58 % män)"
    assert v["flyktingar_over_19"] == 71  # "År i skolan över 19 år, 71 st"
    # 624 580 + 2 038 300 + 403 920 + 5 678 980: the papers print only the four parts
    assert v["flyktingar_overfort_belopp"] == 8745780
    harledning = varden(df.rename({"varde": "_v", "harledning": "varde"}))
    assert harledning["flyktingar_overfort_belopp"].startswith("beräknat")
    assert harledning["mottagna_flyktingar_kon"] == "angivet"
    assert set(df["diarienummer"]) == {"ALN 2022-00100 1.2.4.1"}


def test_flykting_nyckeltal_2021_har_bara_andelen_kvinnor(db):
    v = varden(db.fraga("flykting_nyckeltal_for_period", ar=2021, fran_manad=1, till_manad=9))
    assert v == {"mottagna_flyktingar_kon": 49}  # "2021-09-30, 88 st (49 % kvinnor ...)"


def test_flykting_nyckeltal_saknas_for_period_som_inte_borjar_i_januari(db):
    # the papers state January–September figures; maj–augusti has none: no row, not a zero
    assert db.fraga("flykting_nyckeltal_for_period", ar=2022, fran_manad=5, till_manad=8).is_empty()
    assert db.fraga(
        "flykting_nyckeltal_for_period", ar=2022, fran_manad=9, till_manad=12
    ).is_empty()


def test_flykting_fordelningar_for_period(db):
    df = db.fraga("flykting_fordelningar_for_period", ar=2022, fran_manad=1, till_manad=9)
    land = df.filter(df["indikator_id"] == "flyktingar_ursprungsland")
    assert land["dimension"].to_list()[:3] == ["Afghanistan", "Syrien", "Turkiet"]
    assert land["varde"].to_list()[:3] == [27, 19, 16]
    assert land["dimension"][-1] == "Statslösa" and land["varde"][-1] == 5
    alder = df.filter(df["indikator_id"] == "flyktingar_alder")
    assert alder["varde"].to_list() == [2, 4, 16, 9, 46, 19, 4]
    assert alder["dimension"][-1] == "60 år och äldre"  # the table's "60>"
    # the tables give no period of their own; the caveat travels with the first row
    assert "ingen period" in alder["anmarkning"][0]
    assert "ingen period" in land["anmarkning"][0]
    skolar = df.filter(df["indikator_id"] == "flyktingar_skolar")
    assert skolar["varde"].to_list() == [37, 25, 4, 7, 3, 24]
    kon = df.filter(df["indikator_id"] == "mottagna_flyktingar_kon")
    assert varden(kon, "dimension") == {"Kvinnor": 42, "Män": 58}
    overfort = df.filter(df["indikator_id"] == "flyktingar_overfort_belopp")
    assert overfort["varde"].to_list() == [624580, 2038300, 403920, 5678980]
    # the monthly counts are not a January–September figure
    assert "flyktingar_per_kategori" not in set(df["indikator_id"])


def test_flykting_fordelningar_2021_bara_kon_och_inget_utanfor_januari(db):
    df = db.fraga("flykting_fordelningar_for_period", ar=2021, fran_manad=1, till_manad=9)
    assert varden(df, "dimension") == {"Kvinnor": 49, "Män": 51}
    assert db.fraga(
        "flykting_fordelningar_for_period", ar=2022, fran_manad=5, till_manad=8
    ).is_empty()


# --- page ----------------------------------------------------------------------------------


def kort(at):
    return {m.label: m for m in at.metric}


FLIKAR = "flykting_flik"  # the page's sections are tabs; only the open one is built


def diagram(at):
    """Every tab's charts, in the page's order."""
    return [json.loads(p.proto.spec) for p in flikinnehall(at, FLIKAR)[0]]


def texter(at):
    return flikinnehall(at, FLIKAR)[1]


def test_sidan_visar_mottagna_mot_mal_och_vilka_som_tagits_emot(oppna_sida):
    at = oppna_sida(SIDA)
    assert not at.exception
    m = kort(at)
    mottagna = m["Mottagna flyktingar ↗"]
    assert mottagna.value == "102"
    assert "(88)" in mottagna.proto.delta_description
    assert m["Andel kvinnor bland mottagna"].value == f"42{NBSP}%"
    assert "(49" in m["Andel kvinnor bland mottagna"].proto.delta_description
    # 42 % against 49 %: typographic minus, no desired direction so no judgement in colour
    kvinnor = m["Andel kvinnor bland mottagna"]
    assert kvinnor.proto.delta == "\u22127\u00a0procentenheter"
    assert kvinnor.proto.delta_description.startswith("lägre än sep 2021 (49")
    assert m["Mottagna över 19 år"].value == "71"
    overfort = m["Överförda medel (beräknad summa)"]
    assert overfort.value == f"8{NBSP}745{NBSP}780{NBSP}kr"
    assert "beräknat som summan" in overfort.proto.help
    # the target's status in icon and words
    assert "✅ Målet nås (mål: lägst 100)" in texter(at)

    specs = diagram(at)
    mot_mal = specs[0]
    assert [t["name"] for t in mot_mal["data"]] == ["2021", "2022"]
    assert [t["y"] for t in mot_mal["data"]] == [[88.0], [102.0]]
    assert mot_mal["layout"]["shapes"][0]["y0"] == 100

    kon = specs[1]
    assert [t["y"] for t in kon["data"]] == [[49.0, 51.0], [42.0, 58.0]]
    assert kon["data"][1]["text"] == [f"42{NBSP}%", f"58{NBSP}%"]
    alder, land, skolar = specs[2], specs[3], specs[4]
    # lying bars, read top-down in the papers' order
    assert alder["data"][0]["y"][0] == "0–5 år" and alder["data"][0]["x"][4] == 46.0
    assert land["data"][0]["y"][-1] == "Statslösa"
    assert land["data"][0]["text"][0] == f"27{NBSP}%"
    assert skolar["data"][0]["x"] == [37.0, 25.0, 4.0, 7.0, 3.0, 24.0]
    assert f"mottagna över 19 år (71{NBSP}personer)" in texter(at)
    assert "dashboard" not in texter(at).lower()

    per_manad = specs[5]
    assert [t["name"] for t in per_manad["data"]] == [
        "Flyktingar 1–5 år",
        "Flyktingar 6–15 år",
        "Flyktingar i gymnasieskolan",
        "Flyktingar som går i SFI",
    ]
    assert per_manad["data"][3]["y"][0] == 184.0 and len(per_manad["data"][3]["y"]) == 9
    assert per_manad["layout"]["xaxis"]["ticktext"][0] == "jan"

    overfort_fig = specs[6]
    assert overfort_fig["data"][0]["text"][1] == f"2{NBSP}038{NBSP}300{NBSP}kr"

    # the papers give no period for the country and age tables: said under the charts
    assert texter(at).count("Tabellen anger ingen period") == 2
    assert "8 745 780 kr är beräknad" in texter(at).replace(NBSP, " ")
    # the table of money has the computed sum as its last row
    at.session_state[FLIKAR] = "Överförda medel"
    at.run()
    oppna_tabellerna(at)
    pengar = at.dataframe[-1].value
    assert pengar.iloc[-1, 0] == "Summa (beräknad)"
    assert pengar.iloc[1, 1] == f"2{NBSP}038{NBSP}300{NBSP}kr"


def test_tertial_2_visar_uppgift_saknas_och_manaderna_maj_till_augusti(oppna_sida):
    at = oppna_sida(SIDA, ar="2022", period="Tertial 2")
    assert not at.exception
    m = kort(at)
    assert m["Mottagna flyktingar ↗"].value == "uppgift saknas"
    assert m["Andel kvinnor bland mottagna"].value == "uppgift saknas"
    assert m["Överförda medel (beräknad summa)"].value == "uppgift saknas"
    assert "Uppgift saknas för maj–augusti 2022" in texter(at)
    # the monthly counts follow the period: May–August only
    (per_manad,) = diagram(at)
    assert per_manad["data"][0]["x"] == [5, 6, 7, 8]
    assert per_manad["data"][3]["y"] == [165.0, 172.0, 163.0, 161.0]


def test_byte_till_2021_andrar_siffrorna(oppna_sida):
    at = oppna_sida(SIDA)
    at.selectbox(key="ar").select(2021).run()
    assert not at.exception
    m = kort(at)
    assert m["Mottagna flyktingar ↗"].value == "88"
    assert m["Andel kvinnor bland mottagna"].value == f"49{NBSP}%"
    assert m["Mottagna över 19 år"].value == "uppgift saknas"
    specs = diagram(at)
    assert [t["y"] for t in specs[0]["data"]] == [[None], [88.0]]  # 2020 has no figure
    assert "Inget mål för mottagna flyktingar 2021." in texter(at)


def test_bara_den_oppna_fliken_ritas_och_lanken_kan_oppna_en_annan(oppna_sida):
    def nycklar(at):
        return [e.proto.id.rsplit("diagram_", 1)[1] for e in at.get("plotly_chart")]

    at = oppna_sida(SIDA)
    assert nycklar(at) == ["flykting_mottagna_mot_mal"]
    at = oppna_sida(SIDA, flykting_flik="Kön och ålder")
    assert not at.exception
    assert nycklar(at) == ["flykting_kon", "flykting_alder"]
