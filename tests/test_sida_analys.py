"""The page Analys och prognos, run from dashboard.py with periods from the URL. Expected
figures are typed from the committee's papers of 27 October 2022 (bilagan, 2.1 Ekonomiskt
bistånd); computed ones are written out from them."""

import json

from conftest import flikinnehall

SIDA = "sidor/analys.py"
FLIKAR = "analys_flik"  # the page's sections are tabs; only the open one is built
NBSP = "\u00a0"


def kort(at):
    return {m.label: m.value for m in at.metric}


def texter(at) -> str:
    return flikinnehall(at, FLIKAR)[1].replace(NBSP, " ").replace("\\", "")


def diagram(at, nyckel):
    for element in flikinnehall(at, FLIKAR)[0]:
        if element.proto.id.endswith(f"diagram_{nyckel}"):
            return json.loads(element.proto.spec)
    raise AssertionError(f"inget diagram {nyckel}")


def spar(spec, namn):
    return next(t for t in spec["data"] if t.get("name") == namn)


def test_prognos_bredvid_forvaltningens_och_budgeten(oppna_sida):
    at = oppna_sida(SIDA)
    assert not at.exception
    assert at.title[0].value == "Analys och prognos"
    m = kort(at)
    # 44 923 × mean(55 894 / 41 437, 60 766 / 45 210)
    assert m["Framskrivning helår"] == f"60{NBSP}488{NBSP}tkr"
    assert m["Förvaltningens prognos"] == f"60{NBSP}500{NBSP}tkr"
    assert m["Budget 2022"] == f"57{NBSP}500{NBSP}tkr"
    text = texter(at)
    assert "spann 60 380–60 596 tkr" in text
    assert "2020: 55 894 / 41 437 = 1,3489; 2021: 60 766 / 45 210 = 1,3441" in text
    # the back-test on 2021: 45 210 × 55 894 / 41 437 = 60 983 against 60 766
    assert "gav 60 983 tkr; utfallet blev 60 766 tkr. Felet var 217 tkr (0,4 %)" in text
    prognos = diagram(at, "analys_prognos")
    assert spar(prognos, "2022")["y"][8] == 44923
    # the back-test per month is a table built when its expander is opened
    assert not at.table
    at.session_state["analys_provtabell"] = True
    at.run()
    prov = at.table[0].value
    assert len(prov) == 9  # a forecast after each month January–September 2021
    assert list(prov.iloc[-1])[:2] == ["2021", "september"]
    assert "60\u00a0983\u00a0tkr" in list(prov.iloc[-1])  # 45 210 × 55 894 / 41 437
    assert spar(prognos, f"Förvaltningens prognos: 60{NBSP}500{NBSP}tkr")["y"] == [60500]


def test_mal_sasong_och_volym(oppna_sida):
    at = oppna_sida(SIDA)
    text = texter(at)
    assert "Takten hittills är −14,0 per månad ((648 − 718) / 5 månader" in text
    assert "så målet nås" in text
    assert "Målet gäller varje månad; april (718) låg över målet." in text
    assert "Målet är redan nått" in text  # 102 mottagna flyktingar, målet lägst 100
    assert "högst 4 192,3 tkr per månad" in text and "så budgeten nås inte" in text
    assert "4 över spannet (januari, februari, april, juli) och 1 under spannet (mars)" in text
    assert "färre hushåll drog ned den med 617 tkr" in text
    # this year's cost per household first, then the comparison: "högre" reads as a rise
    assert (
        "högre kostnad per hushåll (7 431 kr per hushåll och månad 2022 mot 6 926 kr 2021)" in text
    )
    # instructions that work with keyboard and touch too
    assert "muspekaren" not in text and "Visa siffrorna som tabell" in text
    sasong = diagram(at, "analys_sasong")
    assert spar(sasong, "2022")["y"][0] == 4814
    volym = diagram(at, "analys_volym_1")["data"][0]
    assert volym["y"][0] == 5084 and volym["y"][3] == 4815
    assert diagram(at, "analys_takt_hushall_forsorjningsstod")
    assert any(b.label == "Ladda ned sidans tabeller (Excel)" for b in at.get("download_button"))


def test_tertial_2_fran_url_andrar_siffrorna_och_sager_vad_som_saknas(oppna_sida):
    at = oppna_sida(SIDA, period="Tertial 2")
    assert not at.exception
    m = kort(at)
    # January–August: 44 923 − 4 815 = 40 108; × mean(37 469 / … ) differs from September's
    assert m["Framskrivning helår"] != f"60{NBSP}488{NBSP}tkr"
    assert m["Förvaltningens prognos"] == "uppgift saknas"  # made after September only
    text = texter(at)
    assert "Antal hushåll augusti 2021: uppgift saknas." in text
    assert "inte för maj–augusti" in text
    assert "(667 − 718) / 4 månader" in text


def test_annan_serie_utan_monster_sager_varfor(oppna_sida):
    at = oppna_sida(SIDA)
    at.selectbox(key="analys_serie").select("hushall_forsorjningsstod").run()
    assert not at.exception
    assert kort(at)["Framskrivning helår"] == "uppgift saknas"
    assert "inget tidigare år har både september och ett värde för december" in texter(at)


def test_bara_den_oppna_fliken_ritas_och_lanken_kan_oppna_malen(oppna_sida):
    at = oppna_sida(SIDA)
    assert [t.label for t in at.tabs] == [
        "Helårsprognos",
        "Vad krävs för målen",
        "Säsongsmönster",
        "Volym och belopp",
    ]
    nycklar = [e.proto.id.rsplit("diagram_", 1)[1] for e in at.get("plotly_chart")]
    assert nycklar == ["analys_prognos"]  # the full-year bars are built when opened
    at.session_state["analys_helar_staplar"] = True
    at.run()
    nycklar = [e.proto.id.rsplit("diagram_", 1)[1] for e in at.get("plotly_chart")]
    assert nycklar == ["analys_prognos", "analys_helar"]
    at = oppna_sida(SIDA, analys_flik="Vad krävs för målen")
    assert not at.exception
    nycklar = [e.proto.id.rsplit("diagram_", 1)[1] for e in at.get("plotly_chart")]
    # every target's card, one target's chart at a time, chosen above it
    assert nycklar == ["analys_takt_hushall_forsorjningsstod"]
    assert "Målet är redan nått" in " ".join(m.value for m in at.markdown)
    at.segmented_control(key="analys_maldiagram").set_value("Mottagna flyktingar").run()
    assert not at.exception
    nycklar = [e.proto.id.rsplit("diagram_", 1)[1] for e in at.get("plotly_chart")]
    assert len(nycklar) == 1 and nycklar[0].startswith("analys_takt_mottagna")


def test_maltabellen_skriver_talen_som_texten_och_forklarar_kaa(oppna_sida):
    at = oppna_sida(SIDA, analys_flik="Vad krävs för målen")
    assert not at.exception
    tabell = at.table[0].value
    rader = {r["Mått"]: r for _, r in tabell.iterrows()}
    kostnad = rader["Nettokostnad ekonomiskt bistånd"]
    # as the card's text: 44 923 + 4 991,4 × 3 = 59 897 tkr, not 59 897,3 beside it
    assert kostnad["I december med takten (beräknat)"] == f"59{NBSP}897{NBSP}tkr"
    assert kostnad["Takt hittills per månad (beräknad)"] == f"+4{NBSP}991,4{NBSP}tkr"
    # a change of a share per month is in percentage points, not per cent
    kaa = rader["Det kommunala aktivitetsansvaret (KAA): kännedom om målgruppen"]
    assert kaa["Behövd förändring per månad (beräknad)"] == f"+0,3{NBSP}procentenheter"
    assert rader["Hushåll med försörjningsstöd"]["Takt hittills per månad (beräknad)"] == (
        "\u221214,0"
    )
    assert "Enhet" not in tabell.columns  # every value carries its unit
    # the first time the tab names KAA, it is spelled out
    rubriker = " ".join(m.value for m in at.markdown)
    assert "Det kommunala aktivitetsansvaret (KAA): kännedom om målgruppen" in rubriker
