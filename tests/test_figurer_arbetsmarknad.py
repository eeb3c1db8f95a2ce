"""Figure builders of the Arbetsmarknad page, on frames typed from the papers of
27 October 2022 (section 2.1 Arbetsmarknadsanställningar)."""

from decimal import Decimal

import polars as pl

from nyckeltal.figurer import arbetsmarknad, arsfarg

NBSP = "\u00a0"
FORMER = {
    "Trygghetsanställningar": (142, 149),
    "OSA-anställning": (94, 85),
    "Utvecklingsanställningar": (47, 64),
    "Extratjänster": (22, 97),
    "Nystartsjobb": (55, 25),
    "Introduktionsjobb": (38, 25),
    "Lönebidrag": (11, 6),
}


def former(med_jamforelse=True):
    rader = [
        (form, False, Decimal(a), Decimal(b) if med_jamforelse else None)
        for form, (a, b) in FORMER.items()
    ]
    rader.append(("Totalt", True, Decimal(409), Decimal(451) if med_jamforelse else None))
    return pl.DataFrame(
        rader,
        schema={
            "anstallningsform": pl.String,
            "ar_total": pl.Boolean,
            "varde": pl.Decimal(18, 2),
            "jamforelsevarde": pl.Decimal(18, 2),
        },
        orient="row",
    ).with_columns(forandring=pl.col("varde") - pl.col("jamforelsevarde"))


def test_anstallningsformer_grupperade_liggande_staplar_med_totaler_i_namnen():
    fig = arbetsmarknad.anstallningsformer(former(), 2022, 2021)
    assert [t.name for t in fig.data] == ["2022 (totalt 409)", "2021 (totalt 451)"]
    assert [t.marker.color for t in fig.data] == [arsfarg(2022, 2022), arsfarg(2021, 2022, 2021)]
    assert all(t.orientation == "h" for t in fig.data)
    # the total is in the legend, not a bar that would dwarf the forms
    assert list(fig.data[0].y) == list(FORMER)
    assert list(fig.data[0].x) == [float(a) for a, _ in FORMER.values()]
    assert list(fig.data[1].x)[3] == 97.0  # Extratjänster 2021
    assert fig.layout.barmode == "group"
    assert fig.layout.yaxis.autorange == "reversed"
    assert "personer" in fig.data[0].hovertemplate


def test_anstallningsformer_utan_jamforelsear_sager_uppgift_saknas():
    fig = arbetsmarknad.anstallningsformer(former(med_jamforelse=False), 2022, 2020)
    assert fig.data[1].name == "2020 (uppgift saknas)"
    assert list(fig.data[1].x) == [None] * 7


def test_anstallningsformer_tabell_har_forandring_och_total_sist():
    tabell = arbetsmarknad.anstallningsformer_tabell(former())
    assert tabell.columns == ["anstallningsform", "varde", "jamforelsevarde", "forandring"]
    assert tabell.row(-1) == ("Totalt", 409, 451, -42)
    assert tabell.filter(pl.col("anstallningsform") == "Extratjänster")["forandring"][0] == -75


def nyckeltal(**varden):
    return pl.DataFrame(
        {"indikator_id": list(varden), "varde": [Decimal(v) for v in varden.values()]},
        schema={"indikator_id": pl.String, "varde": pl.Decimal(18, 2)},
    )


def test_vaxla_belopp_med_beraknad_nettokostnad():
    belopp = arbetsmarknad.vaxla_belopp(
        nyckeltal(
            vaxla_personalkostnad_netto=4171742,
            vaxla_minskat_bistand=3277500,
            vaxla_bidrag_mot_lon=63,
        )
    )
    assert belopp["post"].to_list() == [
        "Personalkostnad minus arbetsmarknadsstöd",
        "Minskat utbetalt ekonomiskt bistånd",
        "Nettokostnad (beräknad)",
    ]
    # 4 171 742 − 3 277 500 = 894 242; the saving goes downwards
    assert belopp["belopp_kr"].to_list() == [4171742, -3277500, 894242]
    assert belopp["uppgift"].to_list() == ["angivet", "angivet", "beräknat"]


def test_vaxla_belopp_utan_ena_beloppet_ger_ingen_nettokostnad():
    belopp = arbetsmarknad.vaxla_belopp(nyckeltal(vaxla_personalkostnad_netto=4171742))
    assert belopp["uppgift"].to_list() == ["angivet"]
    assert arbetsmarknad.vaxla_belopp(nyckeltal()).is_empty()


def test_vaxla_vattenfall():
    belopp = arbetsmarknad.vaxla_belopp(
        nyckeltal(vaxla_personalkostnad_netto=4171742, vaxla_minskat_bistand=3277500)
    )
    fig = arbetsmarknad.vaxla_vattenfall(belopp)
    (trace,) = fig.data
    assert trace.type == "waterfall"
    assert list(trace.measure) == ["relative", "relative", "total"]
    assert list(trace.y) == [4171742.0, -3277500.0, 894242.0]
    assert trace.text[0] == f"4{NBSP}171{NBSP}742{NBSP}kr"
    assert trace.text[1] == f"\u22123{NBSP}277{NBSP}500{NBSP}kr"
    assert trace.text[2] == f"894{NBSP}242{NBSP}kr (beräknad)"
    assert "kr" in trace.hovertemplate
    assert fig.layout.yaxis.range[1] > 4171742


def test_vattenfallets_etiketter_bryts_i_rader_och_hover_har_hela_namnet():
    belopp = arbetsmarknad.vaxla_belopp(
        nyckeltal(vaxla_personalkostnad_netto=4171742, vaxla_minskat_bistand=3277500)
    )
    (trace,) = arbetsmarknad.vaxla_vattenfall(belopp).data
    assert trace.x[0] == "Personalkostnad minus<br>arbetsmarknadsstöd"
    assert trace.customdata[0] == "Personalkostnad minus arbetsmarknadsstöd"
