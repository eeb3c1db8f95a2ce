"""The charts of the meeting pages as plain functions: traces, names, values and colours,
built from the seeded database (figures of the committee's papers of 27 October 2022)."""

import pytest

from nyckeltal import maltakt, sasong, totaler, volymanalys
from nyckeltal.figurer import BAS_FARG, NEGATIV, POSITIV, REFERENS, VALT_AR, arsfarg
from nyckeltal.figurer import analys as figurer
from nyckeltal.framskrivning import helarsprognos
from nyckeltal.perioder import Period

SEP_2022 = Period(2022, 1, 9, 2021)


@pytest.fixture(scope="module")
def tot(db):
    return totaler.Totaler(db.fraga("analys_totaler_till_och_med_ar", ar=2022))


def spar(fig, namn):
    return next(t for t in fig.data if t.name == namn)


def test_prognosdiagram(tot):
    prognos = helarsprognos(tot, "bistand_kostnad", 2022, 9)
    fig = figurer.prognosdiagram(
        totaler.diagramserie(tot, "bistand_kostnad", 2022), prognos, SEP_2022
    )
    namn = [t.name for t in fig.data]
    assert namn[:3] == ["2020", "2021", "2022"]
    assert "Helår 2020: 55\u00a0894\u00a0tkr" in namn and "Helår 2021: 60\u00a0766\u00a0tkr" in namn
    ar2022 = spar(fig, "2022")
    # the year analysed in the strongest colour, thickest
    assert ar2022.line.color == arsfarg(2022, 2022) == VALT_AR
    assert ar2022.line.width > spar(fig, "2021").line.width
    assert ar2022.y[8] == 44923 and ar2022.y[9] is None  # no October: a gap, not 0
    framskrivning = spar(fig, "Framskrivning 2022 (beräknad): 60\u00a0488\u00a0tkr")
    assert list(framskrivning.x) == [9, 12] and framskrivning.line.dash == "dash"
    assert round(framskrivning.y[1]) == 60488
    spann = spar(fig, figurer.SPANN)
    assert spann.fill == "toself" and round(max(spann.y)) == 60596 and round(min(spann.y)) == 44923
    assert spar(fig, "Förvaltningens prognos: 60\u00a0500\u00a0tkr").y == (60500,)
    # a budget is a reference, not a deficit: the reference colour and a hollow square
    budget = spar(fig, "Budget 2022: 57\u00a0500\u00a0tkr")
    assert budget.marker.color == REFERENS and budget.marker.symbol == "square-open"
    assert list(fig.layout.xaxis.ticktext)[0] == "jan"


def test_helarsjamforelse_med_spann_som_felstapel(tot):
    fig = figurer.helarsjamforelse(helarsprognos(tot, "bistand_kostnad", 2022, 9))
    assert [t.name for t in fig.data] == [
        "Framskrivning 2022 (beräknad)",
        "Snittet hittills × 12 (beräknat)",
        "Förvaltningens prognos",
        "Budget 2022",
        "Utfall 2021",
        "Utfall 2020",
    ]
    forsta = fig.data[0]
    assert round(forsta.x[0]) == 60488
    assert round(forsta.error_x.arrayminus[0]) == 108 and round(forsta.error_x.array[0]) == 108
    assert spar(fig, "Utfall 2020").marker.color == arsfarg(2020, 2022, 2021)
    assert spar(fig, "Utfall 2021").marker.color == arsfarg(2021, 2022, 2021)
    assert "tkr" in forsta.hovertemplate


def test_sasongsdiagram_band_och_markerade_manader(tot):
    band = sasong.sasongsband(tot, "bistand_kostnad", 2022)
    fig = figurer.sasongsdiagram(band, 2022, "tkr", "Nettokostnad per månad")
    lagst, hogst, ar = fig.data
    assert list(lagst.y[:2]) == [4357, 4336] and list(hogst.y[:2]) == [4449, 4595]
    assert hogst.fill == "tonexty" and hogst.name.startswith("Spann 2020–2021")
    assert ar.name == "2022" and ar.line.color == arsfarg(2022, 2022)
    assert ar.marker.symbol[0] == "triangle-up"  # januari over the band
    assert ar.marker.symbol[2] == "triangle-down"  # mars under it
    assert ar.marker.symbol[8] == "circle"  # september within
    assert ar.y[11] is None


def test_volymdiagram_bryggan_fran_2021_till_2022(tot):
    sep = volymanalys.volym_och_belopp(tot, SEP_2022).uppdelningar[0]
    fig = figurer.volymdiagram(sep)
    (vattenfall,) = fig.data
    assert vattenfall.totals.marker.color == BAS_FARG
    assert list(vattenfall.measure) == ["absolute", "relative", "relative", "total"]
    assert vattenfall.y[0] == 5084 and vattenfall.y[3] == 4815
    assert round(vattenfall.y[1]) == -617 and round(vattenfall.y[2]) == 348
    assert "Färre hushåll" in vattenfall.x[1] and "(beräknat)" in vattenfall.x[1]
    # fewer households is the desired way for a cost: the colours follow, words say it too
    assert vattenfall.decreasing.marker.color == POSITIV
    assert vattenfall.increasing.marker.color == NEGATIV
    assert "börjar inte på 0" in fig.layout.yaxis.title.text


def test_maltaktdiagram_hushall(tot, db):
    takter = maltakt.maltakter(tot, db.fraga("indikatorer_med_mal", ar=2022), SEP_2022)
    hushall = next(t for t in takter if t.indikator_id == "hushall_forsorjningsstod")
    fig = figurer.maltaktdiagram(hushall)
    ar = spar(fig, "2022")
    assert ar.y[3] == 718 and ar.y[4] is None and ar.y[8] == 648  # gaps stay gaps
    takt = spar(fig, "Takten hittills (beräknad): 606")
    assert list(takt.x) == [9, 12] and takt.y[1] == 606
    bana = spar(fig, "Bana som precis når målet (beräknad)")
    assert list(bana.y) == [648, 700] and bana.line.color == REFERENS
    assert spar(fig, "Högst 700 per månad").y == (700, 700)


def test_for_projektor_storre_text(tot):
    fig = figurer.for_projektor(
        figurer.helarsjamforelse(helarsprognos(tot, "bistand_kostnad", 2022, 9))
    )
    assert fig.layout.font.size == 20 and fig.layout.height == 520
