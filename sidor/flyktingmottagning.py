"""Flyktingmottagning: how many refugees the municipality received against its target, who
they are, and the money transferred to the committees for the newly arrived."""

from dataclasses import replace

import polars as pl
import streamlit as st

from nyckeltal.figurer import flykting as figurer
from nyckeltal.format import formatera
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import bygg_kpier
from sidor._delat import fraga, vald_period, visa_diagram, visa_kpier


def tabellanmarkning(df: pl.DataFrame) -> str | None:
    """The source's caveat on a whole table, which data/varden.csv records on the table's
    first row (later rows note single cells)."""
    return df["anmarkning"][0] if df.height else None


period = vald_period()
parametrar = period.som_parametrar()
jamforelseparametrar = period.jamforelse.som_parametrar()
saknas = f"Uppgift saknas för {period.etikett}."

st.title("Flyktingmottagning")
st.caption(f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}.")

indikatorer = fraga("indikatorer_med_mal", ar=period.ar)
indikatorer_jamforelsear = fraga("indikatorer_med_mal", ar=period.jamforelsear)
varden = fraga("nyckeltal_for_period", **parametrar)
jamforelse = fraga("nyckeltal_for_period", **jamforelseparametrar)
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
kort = [
    mottagna,
    replace(kvinnor, namn="Andel kvinnor bland mottagna"),
    replace(over_19, namn="Mottagna över 19 år"),
    replace(overfort, namn="Överfört (beräknad summa)"),
]
visa_kpier(kort)

st.subheader("Mottagna mot målet")
mal = indikatorer.filter(pl.col("indikator_id") == "mottagna_flyktingar").row(0, named=True)
tabell = figurer.mottagna_per_ar(period, varden, jamforelse, indikatorer, indikatorer_jamforelsear)
if tabell["mottagna"].null_count() == tabell.height:
    st.info(saknas)
else:
    visa_diagram(
        figurer.mottagna_mot_mal(tabell, mal["malvarde"], mal["jamforelse"], period.ar),
        tabell.select("period", "mottagna", "mal"),
        kalla=kalltext(
            pl.concat([varden, jamforelse]).filter(pl.col("indikator_id") == "mottagna_flyktingar")
        ),
        nyckel="flykting_mottagna_mot_mal",
        enheter={"mottagna": "antal"},
        rubriker={"period": "Period", "mottagna": "Mottagna flyktingar", "mal": "Mål"},
    )
if mal["malvarde"] is not None:
    st.caption(
        f"{mottagna.status.ikon} {mottagna.status.text}. Målet gäller "
        f"{mal['galler']} {period.ar}; staplarna visar {period.etikett} och "
        f"{period.jamforelseetikett}."
    )
else:
    st.caption(f"Inget mål för mottagna flyktingar {period.ar}.")

st.subheader("Vilka som tagits emot")
fordelningar = fraga("flykting_fordelningar_for_period", **parametrar)
fordelningar_jamforelse = fraga("flykting_fordelningar_for_period", **jamforelseparametrar)


def fordelning(indikator: str, *, bada_aren: bool = False) -> pl.DataFrame:
    delar = [fordelningar, fordelningar_jamforelse] if bada_aren else [fordelningar]
    return pl.concat(delar).filter(pl.col("indikator_id") == indikator).sort("ar", "ordning")


def visa_fordelning(
    df: pl.DataFrame, rubrik: str, nyckel: str, kategori: str, *, liggande: bool = False
) -> None:
    st.markdown(f"**{rubrik}**")
    if df.is_empty():
        st.info(saknas)
        return
    visa_diagram(
        figurer.staplar_per_ar(df, "procent", liggande=liggande, axeltitel="Andel"),
        df.select("ar", "dimension", "varde"),
        kalla=kalltext(df),
        nyckel=nyckel,
        enheter={"varde": "procent"},
        rubriker={"ar": "År", "dimension": kategori, "varde": "Andel"},
    )


vanster, hoger = st.columns(2)
with vanster:
    visa_fordelning(
        fordelning("mottagna_flyktingar_kon", bada_aren=True),
        "Kön",
        "flykting_kon",
        "Kön",
    )
with hoger:
    alder = fordelning("flyktingar_alder")
    visa_fordelning(alder, "Ålder", "flykting_alder", "Åldersgrupp", liggande=True)
    if tabellanmarkning(alder):
        st.caption(f"Om perioden: {tabellanmarkning(alder)}")

vanster, hoger = st.columns(2)
with vanster:
    land = fordelning("flyktingar_ursprungsland")
    visa_fordelning(land, "Ursprungsland", "flykting_ursprungsland", "Ursprungsland", liggande=True)
    if tabellanmarkning(land):
        st.caption(f"Om perioden: {tabellanmarkning(land)}")
with hoger:
    skolar = fordelning("flyktingar_skolar")
    antal_over_19 = formatera(over_19.varde, "antal") if over_19.varde is not None else None
    visa_fordelning(
        skolar,
        "År i skolan, mottagna över 19 år"
        + (f" (n\u00a0=\u00a0{antal_over_19})" if antal_over_19 else ""),
        "flykting_skolar",
        "År i skolan",
        liggande=True,
    )

st.subheader("Nyanlända per kategori och månad")
st.caption(
    "Antal per månad som ligger till grund för överföringen av medel till berörda nämnder "
    "(nyanlända under de 24 första månaderna efter kommunplacering)."
)
serie = fraga("serie_per_manad", indikator="flyktingar_per_kategori").filter(
    (pl.col("ar") == period.ar)
    & pl.col("manad").is_between(period.fran_manad, period.till_manad)
    & (pl.col("dimension") != "")
)
if serie.is_empty():
    st.info(saknas)
else:
    per_manad = figurer.kategorier_per_manad_tabell(serie)
    kategorier = [k for k in per_manad.columns if k != "manad"]
    visa_diagram(
        figurer.per_kategori_och_manad(serie),
        per_manad,
        kalla=kalltext(serie),
        nyckel="flykting_per_kategori_och_manad",
        enheter={"manad": "manad", **{k: "antal" for k in kategorier}},
        rubriker={"manad": "Månad"},
    )

st.subheader("Överförda medel per kategori")
overfort_df = fordelning("flyktingar_overfort_belopp")
if overfort_df.is_empty():
    st.info(saknas)
else:
    visa_diagram(
        figurer.staplar_per_ar(overfort_df, "kr", liggande=True, axeltitel=f"kr, {period.etikett}"),
        figurer.overfort_tabell(overfort_df),
        kalla=kalltext(overfort_df),
        nyckel="flykting_overfort_per_kategori",
        enheter={"belopp_kr": "kr"},
        rubriker={"kategori": "Kategori", "belopp_kr": f"Överfört {period.etikett} (kr)"},
    )
    st.caption(
        f"Summan {formatera(overfort.varde, 'kr')} är beräknad av dashboarden "
        "(summan av de fyra kategorierna); handlingarna anger bara kategorierna."
    )
