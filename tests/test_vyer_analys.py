"""What the page Analys och prognos shows, built without Streamlit (nyckeltal.vyer.analys) on
the database from data/. Expected figures are read from data/varden.csv (the committee's papers
of 27 October 2022); computed ones are worked out from them in the comments."""

import dataclasses

import pytest

from nyckeltal.perioder import Period
from nyckeltal.vyer import analys
from nyckeltal.vyer.diagram import FrystFigurFel

NBSP = "\u00a0"
SEPTEMBER = Period(2022, 1, 9, 2021)  # January–September 2022, as the papers report it


def rad(tabell, manad: int) -> dict:
    return tabell.filter(tabell["manad"] == manad).row(0, named=True)


def test_framskrivningen_ar_arets_utfall_ganger_tidigare_ars_kvot(db):
    sida = analys.prognos(db.fraga, SEPTEMBER, "bistand_kostnad")
    kort = {k.etikett: k.varde for k in sida.kort}
    # 44 923 × mean(55 894 / 41 437, 60 766 / 45 210) = 44 923 × 1,34649 = 60 488,2
    assert kort["Framskrivning helår"] == f"60{NBSP}488{NBSP}tkr"
    assert kort["Förvaltningens prognos"] == f"60{NBSP}500{NBSP}tkr"  # made after September
    assert kort["Budget 2022"] == f"57{NBSP}500{NBSP}tkr"
    # the lowest ratio (2021: 1,34408) and the highest (2020: 1,34889) times 44 923
    assert sida.kort[0].text == f"Beräknad; spann 60{NBSP}380–60{NBSP}596{NBSP}tkr."

    ackumulerat = sida.framskrivning.ackumulerat.tabell
    assert rad(ackumulerat, 1)["2022"] == 4814
    assert rad(ackumulerat, 2)["2022"] == 4814 + 5203  # January + February
    assert {k: rad(ackumulerat, 9)[k] for k in ("2020", "2021", "2022")} == {
        "2020": 41437,
        "2021": 45210,
        "2022": 44923,
    }
    assert rad(ackumulerat, 12)["2021"] == 60766  # the full year the ratio divides

    # the method tried on 2021: 45 210 × 55 894 / 41 437 = 60 983 against the outcome 60 766
    prov = sida.framskrivning.aterprovning
    assert f"gav 60{NBSP}983{NBSP}tkr; utfallet blev 60{NBSP}766{NBSP}tkr" in prov.text
    assert f"Felet var 217{NBSP}tkr" in prov.text
    assert [t.namn for t in sida.tabeller] == [
        "Ackumulerat per månad",
        "Helår jämfört",
        "Återprövning",
    ]


def test_en_serie_utan_kant_helar_far_ingen_framskrivning_men_ett_skal(db):
    sida = analys.prognos(db.fraga, SEPTEMBER, "hushall_forsorjningsstod")
    assert sida.framskrivning is None and sida.tabeller == ()
    assert "inget tidigare år har både september och ett värde för december" in sida.orsak
    assert [k.varde for k in sida.kort] == ["uppgift saknas"] * 3  # never a zero


def test_serierna_borjar_med_kostnaden_och_ett_ar_utan_manader_sager_det(db):
    serier = analys.serier(db.fraga, 2022)
    assert serier.id[0] == "bistand_kostnad"
    assert serier.namn["bistand_kostnad"] == "Nettokostnad ekonomiskt bistånd"
    assert "hushall_forsorjningsstod" in serier.id
    tomt = analys.serier(db.fraga, 2019)  # the papers begin with 2020
    assert tomt.id == ()
    assert tomt.saknas == "Inga månadsvärden för 2019: uppgift saknas."


def test_malen_med_takten_hittills_och_ett_diagram_per_mal(db):
    sida = analys.malen(db.fraga, SEPTEMBER)
    assert sida.inledning.startswith("Från september till december:")
    assert sida.saknas is None
    mal = {m.namn: m for m in sida.mal}
    hushall = mal["Hushåll med försörjningsstöd"]
    assert hushall.mal_text == "högst 700 per månad"  # data/mal.csv: högst 700, varje månad
    # April 718 to September 648: (648 − 718) / 5 months
    assert "(648 − 718) / 5 månader" in hushall.text.replace("\\", "")
    assert hushall.noteringar == ("Målet gäller varje månad; april (718) låg över målet.",)
    punkter = hushall.diagram.tabell
    assert list(zip(punkter["manad"], punkter["varde"])) == [(4, 718), (8, 667), (9, 648)]
    assert rad(mal["Mottagna flyktingar"].diagram.tabell, 9)["varde"] == 102
    # one chart a time, chosen by name; KAA has one month only, so no line to draw
    assert list(sida.diagram) == [
        "Hushåll med försörjningsstöd",
        "Mottagna flyktingar",
        "Nettokostnad ekonomiskt bistånd",
    ]
    assert sida.tabell["Mått"].to_list() == list(mal)
    assert [t.namn for t in sida.tabeller][-1] == "Vad krävs"


def test_sasongsmonstret_jamfor_varje_manad_med_samma_manad_tidigare_ar(db):
    band = analys.sasongsmonster(db.fraga, 2022, "bistand_kostnad").diagram.tabell
    januari = rad(band, 1)  # 2020: 4 449, 2021: 4 357, 2022: 4 814
    assert (januari["lagst"], januari["hogst"], januari["varde"]) == (4357, 4449, 4814)
    assert januari["lage"] == "över spannet"
    assert rad(band, 3)["lage"] == "under spannet"  # 5 167 below 2020's 5 674

    # only 2022 has a figure for the occupational therapists at Återbruk
    utan = analys.sasongsmonster(db.fraga, 2022, "aterbruk_arbetsterapeuter")
    assert utan.diagram is None and utan.tabeller == ()
    assert utan.saknas == (
        "Arbetsterapeuter på Återbruk: inga tidigare år med samma månader, så inget spann att "
        "jämföra 2022 med (uppgift saknas)."
    )


def test_volym_och_belopp_for_september_och_for_perioden(db):
    sida = analys.volym_och_belopp(db.fraga, SEPTEMBER)
    assert sida.saknas is None
    september, perioden = sida.delar
    assert september.rubrik == "I september, 2022 mot 2021"
    # cost 5 084 → 4 815 tkr, households 734 → 648 (30 September)
    assert september.diagram.tabell["varde"].to_list()[:4] == [5084, 4815, 734, 648]
    assert september.diagram.tabell["varde"][6] == 4815 - 5084
    # January–September: cost 45 210 → 44 923 tkr, mean households 742 → 689
    assert perioden.diagram.tabell["varde"].to_list()[:4] == [45210, 44923, 742, 689]
    assert [d.nyckel for d in (september.diagram, perioden.diagram)] == [
        "analys_volym_1",
        "analys_volym_9",
    ]


def test_alla_serier_har_kostnadens_utfall_prognos_och_budget(db):
    sida = analys.alla_serier(db.fraga, SEPTEMBER)
    kostnad = sida.export.df.row(0, named=True)
    assert (kostnad["hittills"], kostnad["forvaltningens"], kostnad["budget"]) == (
        44923,
        60500,
        57500,
    )
    assert sida.tabell.row(0, named=True)["Hittills / senaste"] == f"44{NBSP}923{NBSP}tkr"


def test_det_byggda_gar_inte_att_andra(db):
    """Built once and shared by every session (sidor._delat.vy): a change made while showing
    it would show on every user's screen."""
    sida = analys.prognos(db.fraga, SEPTEMBER, "bistand_kostnad")
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.kort = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        sida.kort[0].varde = "0"
    with pytest.raises(FrystFigurFel):
        sida.framskrivning.ackumulerat.fig.update_layout(title="ändrad")
    with pytest.raises(TypeError):
        sida.framskrivning.aterprovning.export.enheter["fel"] = "kr"
    with pytest.raises(TypeError):
        analys.serier(db.fraga, 2022).namn["bistand_kostnad"] = "ändrad"
    malen = analys.malen(db.fraga, SEPTEMBER)
    assert isinstance(malen.mal, tuple) and isinstance(malen.mal[0].noteringar, tuple)
    with pytest.raises(TypeError):
        malen.diagram["nytt"] = None
