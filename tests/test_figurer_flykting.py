"""Figure builders of the Flyktingmottagning page, on frames typed from the papers of
27 October 2022 (section 2.1 Mottagna flyktingar and Överföring av ekonomiska medel)."""

from decimal import Decimal

import polars as pl

from nyckeltal.figurer import KONTUR, arsfarg, flykting
from nyckeltal.perioder import Period

NBSP = "\u00a0"
KATEGORIER = [
    "Flyktingar 1–5 år",
    "Flyktingar 6–15 år",
    "Flyktingar i gymnasieskolan",
    "Flyktingar som går i SFI",
]


def nyckeltal(**varden):
    return pl.DataFrame(
        {"indikator_id": list(varden), "varde": [Decimal(v) for v in varden.values()]},
        schema={"indikator_id": pl.String, "varde": pl.Decimal(18, 2)},
    )


def mal(malvarde=None, jamforelse=None):
    return pl.DataFrame(
        {
            "indikator_id": ["mottagna_flyktingar"],
            "malvarde": [malvarde],
            "jamforelse": [jamforelse],
        },
        schema={"indikator_id": pl.String, "malvarde": pl.Decimal(18, 2), "jamforelse": pl.String},
    )


def fordelning(ar_varden: dict[int, dict[str, int]]):
    rader = [(ar, dim, Decimal(v)) for ar, d in ar_varden.items() for dim, v in d.items()]
    return pl.DataFrame(
        rader,
        schema={"ar": pl.Int32, "dimension": pl.String, "varde": pl.Decimal(18, 2)},
        orient="row",
    )


PERIOD = Period(2022, 1, 9, 2021)


def test_mottagna_per_ar_aldsta_aret_forst_med_malet_i_ord():
    tabell = flykting.mottagna_per_ar(
        PERIOD,
        nyckeltal(mottagna_flyktingar=102),
        nyckeltal(mottagna_flyktingar=88),
        mal(Decimal(100), "lägst"),
        mal(),
    )
    assert tabell["ar"].to_list() == [2021, 2022]
    assert tabell["mottagna"].to_list() == [88, 102]
    assert tabell["mal"].to_list() == ["inget mål", "lägst 100"]
    assert tabell["period"].to_list() == ["januari–september 2021", "januari–september 2022"]


def test_mottagna_mot_mal_staplar_i_arsfarg_och_mallinje():
    tabell = flykting.mottagna_per_ar(
        PERIOD,
        nyckeltal(mottagna_flyktingar=102),
        nyckeltal(mottagna_flyktingar=88),
        mal(Decimal(100), "lägst"),
        mal(),
    )
    fig = flykting.mottagna_mot_mal(tabell, Decimal(100), "lägst", 2022)
    assert [t.name for t in fig.data] == ["2021", "2022"]
    assert [list(t.y) for t in fig.data] == [[88.0], [102.0]]
    assert [t.marker.color for t in fig.data] == [arsfarg(2021, 2022, 2021), arsfarg(2022, 2022)]
    # an outline on every bar, the period's year thickest
    assert all(t.marker.line.color == KONTUR for t in fig.data)
    assert fig.data[1].marker.line.width > fig.data[0].marker.line.width
    assert fig.data[1].text == ("102",)
    # the target is a dashed line at 100 named in words, not a colour
    (linje,) = fig.layout.shapes
    assert (linje.y0, linje.y1, linje.line.dash) == (100, 100, "dash")
    assert any(a.text == "Mål 2022: lägst 100" for a in fig.layout.annotations)


def test_mottagna_mot_mal_ar_utan_uppgift_saknar_stapel_och_sager_det():
    tabell = flykting.mottagna_per_ar(
        Period(2021, 1, 9, 2020), nyckeltal(mottagna_flyktingar=88), nyckeltal(), mal(), mal()
    )
    fig = flykting.mottagna_mot_mal(tabell)
    assert list(fig.data[0].y) == [None]  # 2020: no bar, never a zero
    assert [a.text for a in fig.layout.annotations] == ["uppgift saknas"]
    assert not fig.layout.shapes


def test_kon_bada_aren_med_procenttext():
    df = fordelning({2021: {"Kvinnor": 49, "Män": 51}, 2022: {"Kvinnor": 42, "Män": 58}})
    fig = flykting.staplar_per_ar(df, "procent", axeltitel="Andel")
    assert [t.name for t in fig.data] == ["2021", "2022"]
    assert [t.marker.color for t in fig.data] == [arsfarg(2021, 2022, 2021), arsfarg(2022, 2022)]
    assert list(fig.data[1].x) == ["Kvinnor", "Män"]
    assert list(fig.data[1].y) == [42.0, 58.0]
    assert fig.data[1].text == (f"42{NBSP}%", f"58{NBSP}%")
    assert "%" in fig.data[1].hovertemplate
    assert fig.layout.showlegend is True


def test_ursprungsland_liggande_i_handlingarnas_ordning_statslosa_sist():
    land = {
        "Afghanistan": 27,
        "Syrien": 19,
        "Turkiet": 16,
        "Iran": 8,
        "Somalia": 7,
        "Jemen": 5,
        "Eritrea": 4,
        "Palestina": 3,
        "Burundi": 2,
        "Sudan": 2,
        "Kina": 1,
        "Haiti": 1,
        "Statslösa": 5,
    }
    fig = flykting.staplar_per_ar(fordelning({2022: land}), "procent", liggande=True)
    (trace,) = fig.data
    assert trace.orientation == "h"
    assert list(trace.y) == list(land)
    assert trace.x[0] == 27.0 and trace.x[-1] == 5.0
    assert trace.text[0] == f"27{NBSP}%"
    # read top-down as in the papers: first category at the top, Statslösa last
    assert fig.layout.yaxis.autorange == "reversed"
    assert fig.layout.yaxis.categoryarray[-1] == "Statslösa"
    assert fig.layout.showlegend is False


def test_overfort_per_kategori_i_kronor():
    df = fordelning({2022: dict(zip(KATEGORIER, [624580, 2038300, 403920, 5678980]))})
    fig = flykting.staplar_per_ar(df, "kr", axeltitel="kr")
    assert fig.data[0].text[1] == f"2{NBSP}038{NBSP}300{NBSP}kr"
    assert "kr" in fig.data[0].hovertemplate


def test_overfort_tabell_har_beraknad_summa_sist():
    df = fordelning({2022: dict(zip(KATEGORIER, [624580, 2038300, 403920, 5678980]))})
    tabell = flykting.overfort_tabell(df)
    assert tabell["kategori"].to_list() == KATEGORIER + ["Summa (beräknad)"]
    assert tabell["belopp_kr"][-1] == 8745780
    assert flykting.overfort_tabell(df.clear()).is_empty()


def serie():
    manader = {
        1: [21, 65, 14, 184],
        2: [21, 60, 15, 181],
        3: [19, 59, 10, 176],
        4: [18, 60, 9, 173],
        5: [18, 60, 9, 165],
        6: [19, 61, 11, 172],
        7: [17, 61, 12, 163],
        8: [17, 58, 13, 161],
        9: [17, 61, 15, 167],
    }
    rader = [(2022, m, k, Decimal(v)) for m, vs in manader.items() for k, v in zip(KATEGORIER, vs)]
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


def test_en_linje_per_kategori_over_januari_till_december():
    fig = flykting.per_kategori_och_manad(serie())
    assert [t.name for t in fig.data] == KATEGORIER
    assert len({t.line.color for t in fig.data}) == 4
    sfi = fig.data[3]
    assert list(sfi.x) == list(range(1, 10))
    assert sfi.y[0] == 184.0 and sfi.y[-1] == 167.0
    assert sfi.customdata[0] == "januari"
    assert "personer" in sfi.hovertemplate
    assert list(fig.layout.xaxis.ticktext)[0] == "jan"
    assert list(fig.layout.xaxis.range) == [0.5, 12.5]


def test_kategorier_per_manad_tabell_som_i_handlingarna():
    tabell = flykting.kategorier_per_manad_tabell(serie())
    assert tabell.columns == ["manad", *KATEGORIER]
    assert tabell.row(0) == (1, 21, 65, 14, 184)
    assert tabell.height == 9
