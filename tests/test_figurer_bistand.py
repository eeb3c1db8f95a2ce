"""The charts of the page Ekonomiskt bistånd as plain functions: traces, names, values and
colours, without Streamlit. Figures in the frames are typed from the committee's papers of
27 October 2022 (section 2.1 Ekonomiskt bistånd and the table Utveckling av ekonomiskt
bistånd)."""

from decimal import Decimal

import polars as pl
import pytest

from nyckeltal.figurer import REFERENS, VALT_AR, arsfarg, bistand
from nyckeltal.perioder import Period

HITTILLS_SEP_2022 = Period(2022, 1, 9, 2021)

# The monthly net cost in tkr, January–September (table Utveckling av ekonomiskt bistånd).
KOSTNAD = {
    2020: [4449, 4336, 5674, 4366, 4039, 5557, 5162, 3886, 3968],
    2021: [4357, 4595, 5901, 4991, 5548, 6615, 5101, 3018, 5084],
    2022: [4814, 5203, 5167, 5203, 4986, 6025, 5211, 3499, 4815],
}


def serie(varden: dict[int, dict[int, int]] | dict[int, list[int]]) -> pl.DataFrame:
    """A frame shaped like serie_per_manad: ar, manad, dimension, varde (Decimal)."""
    rader = []
    for ar, per_manad in varden.items():
        par = per_manad.items() if isinstance(per_manad, dict) else enumerate(per_manad, 1)
        rader += [(ar, manad, "", Decimal(v)) for manad, v in par]
    return pl.DataFrame(
        rader,
        schema={
            "ar": pl.Int32,
            "manad": pl.Int32,
            "dimension": pl.String,
            "varde": pl.Decimal(18, 2),
        },
        orient="row",
    )


def spar(fig, namn):
    return next(t for t in fig.data if t.name == namn)


def test_kostnad_per_manad_en_linje_per_ar_med_arets_farg_och_valt_ar_tjockast():
    fig = bistand.kostnad_per_manad(serie(KOSTNAD), HITTILLS_SEP_2022)
    assert [t.name for t in fig.data] == ["2020", "2021", "2022"]
    # colours by role: the chosen year strongest, then its comparison year, then the others
    assert [t.line.color for t in fig.data] == [arsfarg(a, 2022, 2021) for a in (2020, 2021, 2022)]
    assert spar(fig, "2022").line.color == VALT_AR
    # the chosen year thickest, the comparison year next
    bredd = {t.name: t.line.width for t in fig.data}
    assert bredd["2022"] > bredd["2021"] > bredd["2020"]
    ar2022 = spar(fig, "2022")
    assert list(ar2022.x) == list(range(1, 13))
    assert ar2022.y[1] == 5203  # februari 2022
    assert list(ar2022.y[9:]) == [None, None, None]  # oktober–december: no figure, not 0
    assert ar2022.connectgaps is False
    assert "tkr" in ar2022.hovertemplate
    assert list(fig.layout.xaxis.ticktext)[0] == "jan"


def test_vald_period_markeras_som_ett_band_over_manaderna():
    fig = bistand.kostnad_per_manad(serie(KOSTNAD), Period(2022, 5, 8, 2021))
    (band,) = fig.layout.shapes
    assert (band.x0, band.x1) == (4.5, 8.5)
    # a different period moves the emphasis to another year
    fig2020 = bistand.kostnad_per_manad(serie(KOSTNAD), Period(2020, 1, 4, 2021))
    assert spar(fig2020, "2020").line.width == 4
    assert spar(fig2020, "2020").line.color == VALT_AR


def test_ackumulerad_kostnad_summerar_manaderna_och_stannar_vid_en_lucka():
    ack = bistand.ackumulerad(serie(KOSTNAD))
    per_ar = {ar: ack.filter(pl.col("ar") == ar)["varde"].to_list() for ar in KOSTNAD}
    # the sums the table states as "Summa: Jan-Sept"
    assert per_ar[2022][-1] == 44923
    assert per_ar[2021][-1] == 45210
    assert per_ar[2020][-1] == 41437
    # a running total across a missing month would understate: stop at the gap
    med_lucka = bistand.ackumulerad(serie({2022: {1: 4814, 2: 5203, 4: 5203}}))
    assert med_lucka["manad"].to_list() == [1, 2]


def test_jamnt_fordelad_budget_ger_textens_budget_efter_september():
    budget = bistand.jamn_budget(Decimal(57500))
    assert budget[8] == Decimal("43125.00")  # 57 500 × 9/12, the text's budget to date
    assert budget[11] == Decimal("57500.00")
    assert len(budget) == 12


def test_kostnad_mot_budget_visar_textens_budgetpunkt_och_den_beraknade_linjen():
    budget_hittills = pl.DataFrame(
        {"manad": [9], "budget_hittills": [Decimal(43125)]},
        schema={"manad": pl.Int32, "budget_hittills": pl.Decimal(18, 2)},
    )
    ack = bistand.ackumulerad(serie(KOSTNAD))
    fig = bistand.kostnad_mot_budget(ack, HITTILLS_SEP_2022, Decimal(57500), budget_hittills)
    assert [t.name for t in fig.data] == [
        "2020",
        "2021",
        "2022",
        "Budget fördelad jämnt över året (beräknad)",
        "Budget hittills enligt texten",
    ]
    linje = spar(fig, "Budget fördelad jämnt över året (beräknad)")
    assert linje.line.dash == "dash"
    assert linje.y[8] == 43125 and linje.y[11] == 57500
    punkt = spar(fig, "Budget hittills enligt texten")
    assert (list(punkt.x), list(punkt.y)) == ([9], [43125])
    assert punkt.marker.color == REFERENS
    assert spar(fig, "2022").y[8] == 44923
    assert "beräknat" in spar(fig, "2022").hovertemplate


def test_kostnad_mot_budget_utan_budget_ritar_bara_aren():
    tom = pl.DataFrame(schema={"manad": pl.Int32, "budget_hittills": pl.Decimal(18, 2)})
    ack = bistand.ackumulerad(serie(KOSTNAD))
    fig = bistand.kostnad_mot_budget(ack, Period(2021, 1, 9, 2020), None, tom)
    assert [t.name for t in fig.data] == ["2020", "2021", "2022"]


def test_budgettabell_sager_vad_som_ar_beraknat():
    budget_hittills = pl.DataFrame(
        {"manad": [9], "budget_hittills": [Decimal(43125)]},
        schema={"manad": pl.Int32, "budget_hittills": pl.Decimal(18, 2)},
    )
    ack = bistand.ackumulerad(serie(KOSTNAD))
    tabell = bistand.budgettabell(ack, 2022, Decimal(57500), budget_hittills)
    assert tabell.height == 12
    rubriker = bistand.budgettabell_rubriker(tabell)
    assert rubriker["ack_2022"] == "Ackumulerat 2022 (beräknat)"
    assert rubriker["jamn_budget_2022"] == "Budget 2022 fördelad jämnt (beräknad)"
    assert rubriker["budget_text_2022"] == "Budget hittills 2022 enligt texten"
    september = tabell.row(8, named=True)
    assert (september["ack_2022"], september["budget_text_2022"]) == (44923, 43125)
    assert tabell.row(9, named=True)["ack_2022"] is None  # oktober: uppgift saknas


def test_helar_skiljer_utfall_prognos_och_budget_at():
    rader = pl.DataFrame(
        {
            "ar": [2022, 2021, 2020, 2022],
            "slag": ["budget", "bokslut", "bokslut", "prognos"],
            "varde": [Decimal(57500), Decimal(60766), Decimal(55894), Decimal(60500)],
        },
        schema={"ar": pl.Int32, "slag": pl.String, "varde": pl.Decimal(18, 2)},
    )
    fig = bistand.helar_utfall_prognos_budget(rader)
    assert [t.name for t in fig.data] == ["Utfall (bokslut)", "Prognos", "Budget"]
    utfall, prognos, budget = fig.data
    assert list(utfall.x) == ["Bokslut 2020", "Bokslut 2021"]
    assert list(utfall.y) == [55894, 60766]
    # the latest year (2022, the forecast's) is the chosen one, 2021 its comparison year
    assert list(utfall.marker.color) == [arsfarg(2020, 2022, 2021), arsfarg(2021, 2022, 2021)]
    assert prognos.marker.color == (VALT_AR,)
    assert (list(prognos.x), list(prognos.y)) == (["Prognos 2022"], [60500])
    assert prognos.marker.pattern.shape == "/"  # hatched: a forecast, not an outcome
    assert (list(budget.x), list(budget.y)) == (["Budget 2022"], [57500])
    assert budget.marker.color == "white"  # hollow: a budget
    assert list(fig.layout.xaxis.categoryarray) == [
        "Bokslut 2020",
        "Bokslut 2021",
        "Prognos 2022",
        "Budget 2022",
    ]
    assert [t.replace("\u00a0", " ") for t in prognos.text] == ["60 500 tkr"]


def test_hushall_som_punkter_utan_linjer_over_luckor_och_med_malet():
    manader = serie({2020: {9: 731}, 2021: {9: 734}, 2022: {4: 718, 8: 667, 9: 648}})
    fig = bistand.hushall_per_manad(manader, HITTILLS_SEP_2022, Decimal(700), "högst")
    ar2022 = spar(fig, "2022")
    assert list(ar2022.y) == [None, None, None, 718, None, None, None, 667, 648, None, None, None]
    assert ar2022.connectgaps is False
    assert "markers" in ar2022.mode
    mal = spar(fig, "Mål: högst 700")
    assert list(mal.y) == [700, 700]
    assert mal.line.dash == "dash"
    assert any(a.text == "Mål: högst 700" for a in fig.layout.annotations)
    lo, hi = fig.layout.yaxis.range
    assert lo < 648 and hi > 734


def test_hushall_utan_mal_ritar_ingen_mallinje():
    manader = serie({2021: {9: 734}})
    fig = bistand.hushall_per_manad(manader, Period(2021, 1, 9, 2020))
    assert [t.name for t in fig.data] == ["2021"]


def test_varde_per_ar_sager_uppgift_saknas_i_stallet_for_en_nollstapel():
    # hushåll mer än tio månader at the end of tertial 1: 436 in 2020 and 2021, none for 2022
    rader = pl.DataFrame({"ar": [2020, 2021], "varde": [Decimal(436), Decimal(436)]})
    fig = bistand.varde_per_ar(
        rader, [2020, 2021, 2022], "antal", "Hushåll", Period(2022, 1, 4, 2021)
    )
    (staplar,) = fig.data
    assert list(staplar.x) == ["2020", "2021", "2022"]
    assert list(staplar.y) == [436, 436, None]
    assert list(staplar.marker.color) == [arsfarg(a, 2022, 2021) for a in (2020, 2021, 2022)]
    (saknas,) = fig.layout.annotations
    assert saknas.text == "uppgift saknas" and saknas.x == 2  # the position of 2022
    tabell = bistand.artabell(rader, [2020, 2021, 2022])
    assert tabell["varde"].to_list() == [436, 436, None]


def test_varde_per_ar_i_procent_har_en_axel_till_hundra():
    rader = pl.DataFrame(
        {"ar": [2020, 2021, 2022], "varde": [Decimal(98), Decimal(98), Decimal(99)]}
    )
    fig = bistand.varde_per_ar(rader, [2020, 2021, 2022], "procent", "Andel", HITTILLS_SEP_2022)
    assert list(fig.layout.yaxis.range) == [0, 105]
    assert [t.replace("\u00a0", " ") for t in fig.data[0].text] == ["98 %", "98 %", "99 %"]
    # the chosen year's bar has the thickest outline
    assert list(fig.data[0].marker.line.width) == [1, 1, 3]


def test_manadstabell_har_en_kolumn_per_ar():
    tabell = bistand.manadstabell(serie(KOSTNAD))
    assert tabell.columns == ["manad", "2020", "2021", "2022"]
    assert tabell.row(1, named=True)["2022"] == 5203


@pytest.mark.parametrize(
    "manader,text",
    [
        ([9], "september"),
        ([1, 2, 3, 5, 6, 7], "januari–mars, maj–juli"),
        ([10, 11, 12], "oktober–december"),
    ],
)
def test_manadslista(manader, text):
    assert bistand.manadslista(manader) == text


def test_saknade_manader_i_perioden():
    manader = serie({2022: {4: 718, 8: 667, 9: 648}})
    assert bistand.saknade_manader(manader, Period(2022, 5, 8, 2021)) == [5, 6, 7]
    assert bistand.saknade_manader(manader, Period(2022, 9, 12, 2021)) == [10, 11, 12]
    assert bistand.saknade_manader(serie(KOSTNAD), HITTILLS_SEP_2022) == []
