"""Flyktingmottagning: how many refugees the municipality received against its target, who
they are, and the money transferred to the committees for the newly arrived."""

from dataclasses import replace

import polars as pl
import streamlit as st

from nyckeltal.figurer import flykting as figurer
from nyckeltal.format import formatera
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import bygg_kpier
from nyckeltal.perioder import Period
from sidor._delat import (
    fraga,
    per_version,
    vald_period,
    visa_diagram,
    visa_flikar,
    visa_kpier,
)


def tabellanmarkning(df: pl.DataFrame) -> str | None:
    """The source's caveat on a whole table, which data/varden.csv records on the table's
    first row (later rows note single cells)."""
    return df["anmarkning"][0] if df.height else None


@per_version
def berakna(period: Period) -> dict:
    """Everything the page shows for the period, built once per database version and period:
    KPI cards, charts with their tables and sources, and the texts around them."""
    parametrar = period.som_parametrar()
    jamforelseparametrar = period.jamforelse.som_parametrar()
    ut: dict = {}

    # --- KPI row
    indikatorer = fraga(
        "indikatorer_med_mal",
        ar=period.ar,
        indikatorer=[
            "mottagna_flyktingar",
            "mottagna_flyktingar_kon",
            "flyktingar_over_19",
            "flyktingar_overfort_belopp",
        ],
    )
    indikatorer_jamforelsear = fraga(
        "indikatorer_med_mal", ar=period.jamforelsear, indikatorer=["mottagna_flyktingar"]
    )
    varden = fraga("nyckeltal_for_period", **parametrar, indikatorer=["mottagna_flyktingar"])
    jamforelse = fraga(
        "nyckeltal_for_period", **jamforelseparametrar, indikatorer=["mottagna_flyktingar"]
    )
    egna = fraga("flykting_nyckeltal_for_period", **parametrar)
    egna_jamforelse = fraga("flykting_nyckeltal_for_period", **jamforelseparametrar)

    (mottagna,) = bygg_kpier(["mottagna_flyktingar"], indikatorer, varden, jamforelse, period)
    kvinnor, over_19, overfort = bygg_kpier(
        ["mottagna_flyktingar_kon", "flyktingar_over_19", "flyktingar_overfort_belopp"],
        indikatorer,
        egna,
        egna_jamforelse,
        period,
    )
    ut["kort"] = [
        mottagna,
        replace(kvinnor, namn="Andel kvinnor bland mottagna"),
        replace(over_19, namn="Mottagna över 19 år"),
        replace(overfort, namn="Överförda medel (beräknad summa)"),
    ]

    # --- Received against the target
    mal = indikatorer.filter(pl.col("indikator_id") == "mottagna_flyktingar").row(0, named=True)
    tabell = figurer.mottagna_per_ar(
        period, varden, jamforelse, indikatorer, indikatorer_jamforelsear
    )
    if tabell["mottagna"].null_count() != tabell.height:
        ut["mottagna"] = dict(
            fig=figurer.mottagna_mot_mal(tabell, mal["malvarde"], mal["jamforelse"], period.ar),
            tabell=tabell.select("period", "mottagna", "mal"),
            kalla=kalltext(
                pl.concat([varden, jamforelse]).filter(
                    pl.col("indikator_id") == "mottagna_flyktingar"
                )
            ),
            nyckel="flykting_mottagna_mot_mal",
            enheter={"mottagna": "antal"},
            rubriker={"period": "Period", "mottagna": "Mottagna flyktingar", "mal": "Mål"},
        )
    if mal["malvarde"] is not None:
        ut["mottagna_mal"] = (
            f"{mottagna.status.ikon} {mottagna.status.text}. Målet gäller "
            f"{mal['galler']} {period.ar}; staplarna visar {period.etikett} och "
            f"{period.jamforelseetikett}."
        )
    else:
        ut["mottagna_mal"] = f"Inget mål för mottagna flyktingar {period.ar}."

    # --- Who was received
    fordelningar = fraga(
        "flykting_fordelningar_for_period",
        **parametrar,
        indikatorer=[
            "mottagna_flyktingar_kon",
            "flyktingar_alder",
            "flyktingar_ursprungsland",
            "flyktingar_skolar",
            "flyktingar_overfort_belopp",
        ],
    )
    fordelningar_jamforelse = fraga(
        "flykting_fordelningar_for_period",
        **jamforelseparametrar,
        indikatorer=["mottagna_flyktingar_kon"],  # only the split by sex shows both years
    )

    def fordelning(indikator: str, *, bada_aren: bool = False) -> pl.DataFrame:
        delar = [fordelningar, fordelningar_jamforelse] if bada_aren else [fordelningar]
        return pl.concat(delar).filter(pl.col("indikator_id") == indikator).sort("ar", "ordning")

    def fordelningsdiagram(
        df: pl.DataFrame,
        rubrik: str,
        nyckel: str,
        kategori: str,
        beskrivning: str,
        *,
        liggande: bool = False,
    ) -> dict:
        """Heading, chart (None for no data) and the source's caveat on the whole table."""
        diagram = None
        if not df.is_empty():
            diagram = dict(
                fig=figurer.staplar_per_ar(
                    df,
                    "procent",
                    liggande=liggande,
                    axeltitel="Andel",
                    valt_ar=period.ar,
                    beskrivning=beskrivning,
                ),
                tabell=df.select("ar", "dimension", "varde"),
                kalla=kalltext(df),
                nyckel=nyckel,
                enheter={"varde": "procent"},
                rubriker={"ar": "År", "dimension": kategori, "varde": "Andel"},
            )
        return {"rubrik": rubrik, "diagram": diagram, "anmarkning": tabellanmarkning(df)}

    antal_over_19 = formatera(over_19.varde, "antal") if over_19.varde is not None else None
    ut["fordelningar"] = [
        fordelningsdiagram(
            fordelning("mottagna_flyktingar_kon", bada_aren=True),
            "Kön",
            "flykting_kon",
            "Kön",
            f"andel kvinnor och män bland mottagna flyktingar, {period.etikett} och "
            f"{period.jamforelseetikett}",
        ),
        fordelningsdiagram(
            fordelning("flyktingar_alder"),
            "Ålder",
            "flykting_alder",
            "Åldersgrupp",
            f"andel mottagna flyktingar per åldersgrupp, {period.etikett}",
            liggande=True,
        ),
        fordelningsdiagram(
            fordelning("flyktingar_ursprungsland"),
            "Ursprungsland",
            "flykting_ursprungsland",
            "Ursprungsland",
            f"andel mottagna flyktingar per ursprungsland, {period.etikett}",
            liggande=True,
        ),
        fordelningsdiagram(
            fordelning("flyktingar_skolar"),
            "År i skolan, mottagna över 19 år"
            + (f" ({antal_over_19}\u00a0personer)" if antal_over_19 else ""),
            "flykting_skolar",
            "År i skolan",
            f"andel mottagna flyktingar över 19 år efter antal år i skolan, {period.etikett}",
            liggande=True,
        ),
    ]

    # --- Newly arrived per category and month
    serie = fraga("serie_per_manad", indikator="flyktingar_per_kategori").filter(
        (pl.col("ar") == period.ar)
        & pl.col("manad").is_between(period.fran_manad, period.till_manad)
        & (pl.col("dimension") != "")
    )
    if not serie.is_empty():
        per_manad = figurer.kategorier_per_manad_tabell(serie)
        kategorier = [k for k in per_manad.columns if k != "manad"]
        ut["per_kategori"] = dict(
            fig=figurer.per_kategori_och_manad(serie),
            tabell=per_manad,
            kalla=kalltext(serie),
            nyckel="flykting_per_kategori_och_manad",
            enheter={"manad": "manad", **{k: "antal" for k in kategorier}},
            rubriker={"manad": "Månad"},
        )

    # --- Money transferred per category
    overfort_df = fordelning("flyktingar_overfort_belopp")
    if not overfort_df.is_empty():
        ut["overfort"] = dict(
            fig=figurer.staplar_per_ar(
                overfort_df,
                "kr",
                liggande=True,
                axeltitel=f"kr, {period.etikett}",
                valt_ar=period.ar,
                beskrivning="medel överförda till berörda nämnder för nyanlända flyktingar "
                f"per kategori, {period.etikett}",
            ),
            tabell=figurer.overfort_tabell(overfort_df),
            kalla=kalltext(overfort_df),
            nyckel="flykting_overfort_per_kategori",
            enheter={"belopp_kr": "kr"},
            rubriker={"kategori": "Kategori", "belopp_kr": f"Överfört {period.etikett} (kr)"},
        )
        ut["overfort_summa"] = (
            f"Summan {formatera(overfort.varde, 'kr')} är beräknad här ur uppgifterna i "
            "handlingarna (summan av de fyra kategorierna); handlingarna anger bara "
            "kategorierna."
        )
    return ut


def visa_fordelning(fordelning: dict, saknas: str) -> None:
    st.markdown(f"**{fordelning['rubrik']}**")
    if fordelning["diagram"] is None:
        st.info(saknas)
        return
    visa_diagram(**fordelning["diagram"])


period = vald_period()
saknas = f"Uppgift saknas för {period.etikett}."
sida = berakna(period)

st.title("Flyktingmottagning")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. Belopp i kronor (kr), "
    "som handlingarna anger dem."
)
visa_kpier(sida["kort"])

kon, alder, land, skolar = sida["fordelningar"]


def mottagna_mot_malet() -> None:
    st.subheader("Mottagna mot målet")
    if "mottagna" not in sida:
        st.info(saknas)
    else:
        visa_diagram(**sida["mottagna"])
    st.caption(sida["mottagna_mal"])


def kon_och_alder() -> None:
    st.subheader("Vilka som tagits emot: kön och ålder")
    vanster, hoger = st.columns(2)
    with vanster:
        visa_fordelning(kon, saknas)
    with hoger:
        visa_fordelning(alder, saknas)
        if alder["anmarkning"]:
            st.caption(f"Om perioden: {alder['anmarkning']}")


def land_och_skolar() -> None:
    st.subheader("Vilka som tagits emot: land och skolår")
    vanster, hoger = st.columns(2)
    with vanster:
        visa_fordelning(land, saknas)
        if land["anmarkning"]:
            st.caption(f"Om perioden: {land['anmarkning']}")
    with hoger:
        visa_fordelning(skolar, saknas)


def per_kategori_och_manad() -> None:
    st.subheader("Nyanlända per kategori och månad")
    st.caption(
        "Antal per månad som ligger till grund för överföringen av medel till berörda nämnder "
        "(nyanlända under de 24 första månaderna efter kommunplacering)."
    )
    if "per_kategori" not in sida:
        st.info(saknas)
    else:
        visa_diagram(**sida["per_kategori"])


def overforda_medel() -> None:
    st.subheader("Överförda medel per kategori")
    if "overfort" not in sida:
        st.info(saknas)
    else:
        visa_diagram(**sida["overfort"])
        st.caption(sida["overfort_summa"])


visa_flikar(
    "flykting_flik",
    {
        "Mottagna mot målet": mottagna_mot_malet,
        "Kön och ålder": kon_och_alder,
        "Land och skolår": land_och_skolar,
        "Per kategori och månad": per_kategori_och_manad,
        "Överförda medel": overforda_medel,
    },
)
