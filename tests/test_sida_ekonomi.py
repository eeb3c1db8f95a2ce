"""AppTest for the page Ekonomi, started from dashboard.py as a user's browser would, with the
period in the URL. Expected figures are typed from the budget follow-up after September 2022."""

import json

SIDA = "sidor/ekonomi.py"
NBSP, MINUS = "\u00a0", "\u2212"


def kort(at):
    return {m.label: m.value for m in at.metric}


def diagram(at):
    return [json.loads(p.proto.spec) for p in at.get("plotly_chart")]


def text(at):
    return " ".join(e.value for e in [*at.caption, *at.info, *at.warning, *at.markdown])


def test_uppfoljningen_efter_september_2022(oppna_sida):
    at = oppna_sida(SIDA)  # default: hittills i år, september 2022
    assert not at.exception
    m = kort(at)
    assert m["Kommunbidrag"] == f"252{NBSP}950{NBSP}tkr"
    assert m["Resultat efter september ↗"] == f"12{NBSP}901{NBSP}tkr"
    assert m["Helårsprognos 2022 ↗"] == f"{MINUS}6{NBSP}000{NBSP}tkr"
    assert m["Buffert"] == f"2{NBSP}529{NBSP}tkr"
    texter = text(at)
    # resultat = budget hittills 202 906 − utfall 190 005, labelled as computed
    assert f"190{NBSP}005{NBSP}tkr mot budget 202{NBSP}906{NBSP}tkr" in texter
    assert "beräknat" in texter
    assert f"ordinarie verksamhet 0{NBSP}tkr" in texter
    # the judgement in words beside the figures: under budget is a surplus, −6 000 a deficit
    assert f"12{NBSP}901{NBSP}tkr under budget, ett överskott" in texter
    assert f"Prognosen är ett underskott på 6{NBSP}000{NBSP}tkr för helåret" in texter


def test_budgettabellen_med_summa_sist_och_konflikterna_markerade(oppna_sida):
    at = oppna_sida(SIDA)
    tabell = at.table[0].value
    assert list(tabell.columns) == [
        "Verksamhet",
        "Utfall jan–sep 2021",
        "Budget helår 2022",
        "Budget jan–sep 2022",
        "Utfall jan–sep 2022",
        "Prognos helår 2022",
        "Avvikelse helår",
    ]
    assert tabell["Verksamhet"].iloc[-1] == "Summa"
    bistand = tabell[tabell["Verksamhet"] == "Ekonomiskt bistånd"].iloc[0]
    assert bistand["Utfall jan–sep 2022"] == f"{MINUS}44{NBSP}923{NBSP}tkr"
    assert bistand["Budget jan–sep 2022"] == f"{MINUS}36{NBSP}087{NBSP}tkr\u00a0¹"
    integration = tabell[tabell["Verksamhet"] == "Integration"].iloc[0]
    assert integration["Avvikelse helår"] == f"{MINUS}6{NBSP}500{NBSP}tkr\u00a0²"
    summa = tabell.iloc[-1]
    assert summa["Avvikelse helår"] == f"{MINUS}6{NBSP}000{NBSP}tkr"
    # a deviation carries its sign, as the caption reads it (plus is a surplus)
    central = tabell[tabell["Verksamhet"] == "Central administration"].iloc[0]
    assert central["Avvikelse helår"] == f"+1{NBSP}000{NBSP}tkr"
    texter = text(at)
    assert f"texten 43{NBSP}125{NBSP}tkr" in texter
    assert f"texten {MINUS}500{NBSP}tkr" in texter
    assert "minus är nettokostnad" in texter and "plus är överskott" in texter


def test_vattenfallen_summerar_till_angivna_resultat(oppna_sida):
    at = oppna_sida(SIDA)
    avvikelse, ukraina = diagram(at)
    spar = avvikelse["data"][0]
    assert spar["type"] == "waterfall"
    assert spar["measure"][-1] == "total"
    assert spar["x"][-1] == -6000 and sum(spar["x"][:-1]) == -6000
    u = ukraina["data"][0]
    assert u["x"] == [8400, -5090, -6000, -3300, -6000]
    assert u["measure"][-1] == "absolute"  # the stated −6 000, not the sum −5 990
    varning = " ".join(w.value for w in at.warning)
    assert f"{MINUS}5{NBSP}990{NBSP}tkr (beräknat)" in varning
    assert f"10{NBSP}tkr" in varning


def test_forutsattningarna_med_forstarkningar_och_kostnadsokningar(oppna_sida):
    at = oppna_sida(SIDA)
    ramen, okningar = at.table[-2].value, at.table[-1].value
    poster = dict(zip(ramen["Post"], ramen["Belopp"]))
    stadsdelsvardar = "Förstärkning: Stadsdelsvärdar (KF 2021-06-23 § 120)"
    assert poster[stadsdelsvardar] == f"2{NBSP}500{NBSP}tkr"
    assert poster["Förstärkning: Kompensation för hyreshöjning (lokalbank)"] == f"150{NBSP}tkr"
    assert poster["Förstärkning: Personalkostnader"] == f"50{NBSP}tkr"
    assert dict(zip(okningar["Område"], okningar["Belopp"])) == {
        "Ekonomiskt bistånd": f"3{NBSP}000{NBSP}tkr",
        "Relationsvåldsenheten": f"1{NBSP}000{NBSP}tkr",
    }
    assert "2.1 Ekonomiska förutsättningar 2022" in text(at)


def test_manad_utan_uppfoljning_visar_uppgift_saknas(oppna_sida):
    # Tertial 2 ends in August: no follow-up exists, never a zero or an exception
    at = oppna_sida(SIDA, ar="2022", period="Tertial 2")
    assert not at.exception
    m = kort(at)
    assert m["Resultat efter augusti ↗"] == "uppgift saknas"
    assert m["Helårsprognos 2022 ↗"] == "uppgift saknas"
    assert m["Kommunbidrag"] == f"252{NBSP}950{NBSP}tkr"  # the year's kommunbidrag holds
    assert not at.get("plotly_chart")
    assert "efter september 2022" in " ".join(i.value for i in at.info)


def test_ar_utan_data_visar_uppgift_saknas(oppna_sida):
    at = oppna_sida(SIDA, ar="2021")
    assert not at.exception
    assert set(kort(at).values()) == {"uppgift saknas"}
    assert not at.dataframe and len(at.table) == 0
    assert "uppgift saknas" in " ".join(i.value for i in at.info)
