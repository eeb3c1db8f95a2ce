"""Ekonomi: how the committee stands against its budget after a follow-up month, and why.

The page follows the sidebar's year and last month. A budget follow-up is a snapshot after a
month (after September 2022 in the papers): for any other month the follow-up figures say
"uppgift saknas". The year's kommunbidrag, buffert and budget conditions hold for the whole
year, so they show for any month of a year that has them.
"""

from dataclasses import replace

import polars as pl
import streamlit as st

from nyckeltal.figurer.ekonomi import (
    avvikelse_per_verksamhet,
    evakueringsboende_ukraina,
    tecken_text,
)
from nyckeltal.format import (
    UPPGIFT_SAKNAS,
    formatera,
    formatera_forandring,
    formatera_tabell,
    kort_manad,
    manadsnamn,
)
from nyckeltal.kalla import kalltext
from nyckeltal.kpi import bygg_kpier
from nyckeltal.perioder import Period
from sidor._delat import fraga, per_version, vald_period, visa_diagram, visa_kpier, visa_tabell

# Where the recorded disagreements sit in the budget table: conflict -> (row, column), and
# the footnote mark that ties the cell to its note under the table.
KONFLIKTER_I_TABELLEN = {
    "bistand_budget_hittills": ("Ekonomiskt bistånd", "budget_hittills", "¹"),
    "integration_avvikelse": ("Integration", "avvikelse", "²"),
}
BUDGETKOLUMNER = (
    "utfall_fg_ar",
    "budget_helar",
    "budget_hittills",
    "utfall",
    "prognos",
    "avvikelse",
)


def periodtyp(df: pl.DataFrame, typ: str) -> pl.DataFrame:
    return df.filter(pl.col("periodtyp") == typ)


@per_version
def berakna(period: Period) -> dict:
    """Everything the page shows for the period's year and last month, built once per database
    version and period: KPI cards, the budget table with its notes, the charts with their
    tables and sources, the year's budget conditions, and the texts around them."""
    ar, manad = period.ar, period.till_manad
    efter = f"efter {manadsnamn(manad)} {ar}"
    uppfoljningar = fraga("ekonomi_uppfoljningar")
    uppfoljning = uppfoljningar.filter((pl.col("ar") == ar) & (pl.col("manad") == manad))
    har_uppfoljning = not uppfoljning.is_empty()
    ut: dict = {"saknas": None, "budget": None, "ukraina": None, "forutsattningar": None}

    if not har_uppfoljning:
        finns = ", ".join(
            f"efter {manadsnamn(m)} {a}"
            for a, m in zip(uppfoljningar["ar"].to_list(), uppfoljningar["manad"].to_list())
        )
        ut["saknas"] = (
            f"Det finns ingen budgetuppföljning {efter}. Resultat, prognos och budgettabell: "
            f"{UPPGIFT_SAKNAS}."
            + (
                f" Budgetuppföljningar finns {finns}; välj Hittills i år och den månaden i "
                "sidopanelen."
                if finns
                else ""
            )
        )

    # --- KPI row
    indikatorer = fraga(
        "indikatorer_med_mal", ar=ar, indikatorer=["kommunbidrag", "buffert", "namnd_resultat"]
    )
    nyckeltal = fraga("ekonomi_nyckeltal", ar=ar, manad=manad)
    jamforelse = fraga("ekonomi_nyckeltal", ar=period.jamforelsear, manad=manad)
    helar = Period(ar, 1, 12, period.jamforelsear)
    hittills = Period(ar, 1, manad, period.jamforelsear)
    kommunbidrag, buffert = bygg_kpier(
        ["kommunbidrag", "buffert"],
        indikatorer,
        periodtyp(nyckeltal, "helar"),
        periodtyp(jamforelse, "helar"),
        helar,
    )
    (resultat,) = bygg_kpier(
        ["namnd_resultat"],
        indikatorer,
        periodtyp(nyckeltal, "ack"),
        periodtyp(jamforelse, "ack"),
        hittills,
    )
    (prognos,) = bygg_kpier(
        ["namnd_resultat"],
        indikatorer,
        periodtyp(nyckeltal, "prognos"),
        periodtyp(jamforelse, "prognos"),
        helar,
    )
    resultat = replace(resultat, namn=f"Resultat efter {manadsnamn(manad)}")
    prognos = replace(prognos, namn=f"Helårsprognos {ar}")

    budget = fraga("budget_per_verksamhet", ar=ar, manad=manad) if har_uppfoljning else None
    summa = budget.filter(pl.col("ar_summa")).row(0, named=True) if budget is not None else None
    ordinarie = periodtyp(nyckeltal, "prognos").filter(
        pl.col("indikator_id") == "namnd_resultat_ordinarie"
    )["varde"]
    ukraina = fraga("ukraina_evakueringsboende", ar=ar, manad=manad)
    ukraina_resultat = ukraina.filter(pl.col("ar_resultat"))["varde"]

    resultat_notering = prognos_notering = buffert_notering = ""
    if summa and summa["budget_hittills"] is not None and summa["utfall"] is not None:
        # the table's signs: minus is cost, so outcome − budget is the surplus
        beraknat = summa["utfall"] - summa["budget_hittills"]
        stammer = "stämmer med" if beraknat == resultat.varde else "skiljer sig från"
        # the judgement in words: under budget is a surplus, over budget a deficit
        lage = (
            f"{formatera(beraknat, 'tkr')} under budget, ett överskott"
            if beraknat > 0
            else f"{formatera(-beraknat, 'tkr')} över budget, ett underskott"
            if beraknat < 0
            else "i nivå med budget"
        )
        resultat_notering = (
            f"Kostnad hittills {formatera(-summa['utfall'], 'tkr')} mot budget "
            f"{formatera(-summa['budget_hittills'], 'tkr')}: {lage} (beräknat ur "
            f"budgettabellens rad Summa; {stammer} angivet resultat)."
        )
    if prognos.varde is not None:
        delar = []
        if len(ordinarie):
            delar.append(f"ordinarie verksamhet {formatera(ordinarie[0], 'tkr')}")
        if len(ukraina_resultat):
            delar.append(f"evakueringsboende Ukraina {formatera(ukraina_resultat[0], 'tkr')}")
        utfall = (
            f"ett underskott på {formatera(-prognos.varde, 'tkr')}"
            if prognos.varde < 0
            else f"ett överskott på {formatera(prognos.varde, 'tkr')}"
            if prognos.varde > 0
            else "ett resultat i balans"
        )
        prognos_notering = f"Prognosen är {utfall} för helåret" + (
            "; varav " + " och ".join(delar) + " (angivet)." if delar else "."
        )
    if budget is not None:
        rad = budget.filter(pl.col("verksamhet") == "Buffert")
        if rad.height:
            b = rad.row(0, named=True)
            buffert_notering = (
                f"I budgettabellen: budget {formatera(b['budget_helar'], 'tkr')}, prognos "
                f"{formatera(b['prognos'], 'tkr')}, avvikelse {tecken_text(b['avvikelse'])}."
            )
    ut["kort"] = [
        kommunbidrag,
        replace(resultat, notering=resultat_notering),
        replace(prognos, notering=prognos_notering),
        replace(buffert, notering=buffert_notering),
    ]

    # --- Budget follow-up per verksamhet, and why: the deviations adding up to the total
    if budget is not None:
        konflikt = {
            rad["konflikt_id"]: rad for rad in fraga("kallkonflikter").iter_rows(named=True)
        }
        manader = f"jan–{kort_manad(manad)}" if manad > 1 else "jan"
        rubriker = {
            "verksamhet": "Verksamhet",
            "utfall_fg_ar": f"Utfall {manader} {ar - 1}",
            "budget_helar": f"Budget helår {ar}",
            "budget_hittills": f"Budget {manader} {ar}",
            "utfall": f"Utfall {manader} {ar}",
            "prognos": f"Prognos helår {ar}",
            "avvikelse": "Avvikelse helår",
        }
        tabell = budget.select("verksamhet", *BUDGETKOLUMNER)
        visning = formatera_tabell(tabell, dict.fromkeys(BUDGETKOLUMNER, "tkr")).with_columns(
            # a deviation with its sign, as the caption reads it: plus surplus, minus deficit
            pl.Series(
                "avvikelse",
                [formatera_forandring(v, "tkr") or UPPGIFT_SAKNAS for v in tabell["avvikelse"]],
                dtype=pl.String,
            )
        )
        noter = []
        for konflikt_id, (verksamhet, kolumn, mark) in KONFLIKTER_I_TABELLEN.items():
            if konflikt_id not in konflikt:
                continue
            k = konflikt[konflikt_id]
            visning = visning.with_columns(
                pl.when(pl.col("verksamhet") == verksamhet)
                .then(pl.col(kolumn) + f"\u00a0{mark}")
                .otherwise(pl.col(kolumn))
                .alias(kolumn)
            )
            skillnad = (
                f" (Skillnad {tecken_text(k['varde_a'] - k['varde_b'])}, beräknad.)"
                if konflikt_id == "integration_avvikelse"
                else " Texten anger beloppet som kostnad utan minustecken."
            )
            noter.append(
                f"{mark} **{verksamhet}, {rubriker[kolumn].lower()}:** tabellen anger "
                f"{formatera(k['varde_a'], 'tkr')}, texten {formatera(k['varde_b'], 'tkr')}. "
                f"Tabellens siffra visas.{skillnad} {k['motivering']}"
            )
        ut["budget"] = {
            "visning": visning.rename(rubriker),
            "tabell": tabell,  # the raw numbers, for the CSV
            "rubriker": rubriker,
            "noter": "**Där handlingarna säger olika**\n\n" + "\n\n".join(noter) if noter else None,
            "kalla": f"Källa: {kalltext(uppfoljning)}",
            "avvikelse_text": (
                f"Varje stapel är en verksamhets prognostiserade avvikelse för helåret; staplarna "
                f"summerar till nämndens totala avvikelse {tecken_text(summa['avvikelse'])}. "
                "Grönt med plus är överskott, vinrött med minus underskott."
            ),
            "avvikelse": dict(
                fig=avvikelse_per_verksamhet(budget),
                tabell=budget.select("verksamhet", "avvikelse"),
                kalla=kalltext(uppfoljning),
                nyckel="ekonomi_avvikelse_per_verksamhet",
                enheter={"avvikelse": "tkr"},
                rubriker={"verksamhet": "Verksamhet", "avvikelse": "Avvikelse helår (tkr)"},
            ),
        }

    # --- Evakueringsboende Ukraina
    if har_uppfoljning and not ukraina.is_empty():
        delar = ukraina.filter(~pl.col("ar_resultat"))
        summa_delar = sum(delar["varde"].to_list())
        varning = None
        if len(ukraina_resultat) and summa_delar != ukraina_resultat[0]:
            varning = (
                f"Posterna summerar till {formatera(summa_delar, 'tkr')} (beräknat), men "
                f"handlingarna anger prognosen {formatera(ukraina_resultat[0], 'tkr')}. "
                f"Diagrammet visar den angivna prognosen. Skillnaden, "
                f"{formatera(abs(ukraina_resultat[0] - summa_delar), 'tkr')}, förklaras inte i "
                "handlingarna (troligen avrundning)."
            )
        ut["ukraina"] = {
            "diagram": dict(
                fig=evakueringsboende_ukraina(ukraina),
                tabell=ukraina.select("post", "varde"),
                kalla=kalltext(ukraina),
                nyckel="ekonomi_ukraina",
                enheter={"varde": "tkr"},
                rubriker={"post": "Post", "varde": "Belopp (tkr)"},
            ),
            "varning": varning,
        }

    # --- Budget conditions of the year
    forutsattningar = fraga("ekonomi_forutsattningar", ar=ar)
    if not forutsattningar.is_empty():
        ramen = forutsattningar.filter(pl.col("indikator_id") != "budget_kostnadsokning")
        okningar = forutsattningar.filter(pl.col("indikator_id") == "budget_kostnadsokning")
        # kommunbidrag first, then buffert, then the förstärkningar in the papers' order
        ramen = ramen.with_columns(
            pl.col("indikator_id")
            .replace_strict(
                {"kommunbidrag": 0, "buffert": 1, "kommunbidrag_forstarkning": 2}, default=3
            )
            .alias("ordningsgrupp"),
            pl.when(pl.col("dimension") == "")
            .then(pl.col("namn"))
            .otherwise(pl.lit("Förstärkning: ") + pl.col("dimension"))
            .alias("post"),
        ).sort("ordningsgrupp", "ordning")
        ut["forutsattningar"] = {
            "ramen": formatera_tabell(
                ramen.select("post", "varde"), {"varde": "tkr"}, {"post": "Post", "varde": "Belopp"}
            ),
            "ramen_kalla": f"Källa: {kalltext(ramen)}",
            "okningar": None
            if okningar.is_empty()
            else formatera_tabell(
                okningar.select("dimension", "varde"),
                {"varde": "tkr"},
                {"dimension": "Område", "varde": "Belopp"},
            ),
            "okningar_kalla": f"Källa: {kalltext(okningar)}",
        }
    return ut


period = vald_period()
ar, manad = period.ar, period.till_manad
sida = berakna(period)

st.title("Ekonomi")
st.caption(
    f"Budgetuppföljning efter {manadsnamn(manad)} {ar} (periodens sista månad; period "
    f"{period.etikett}). Belopp i tusentals kronor (tkr)."
)
if sida["saknas"]:
    st.info(sida["saknas"], icon="ℹ️")

visa_kpier(sida["kort"])

budget = sida["budget"]
if budget is not None:
    st.subheader("Budgetuppföljning per verksamhet")
    st.caption(
        "Tecken som i budgettabellen: minus är nettokostnad, plus nettointäkt. Avvikelse = "
        "prognos − budget för helåret: plus är överskott, minus underskott."
    )
    # a static table: all twelve rows at once, so the row Summa is never scrolled away
    visa_tabell(budget["visning"], border="horizontal", statisk=True)
    tabell, rubriker = budget["tabell"], budget["rubriker"]
    st.download_button(
        "Ladda ned CSV",
        data=lambda: tabell.rename(rubriker).write_csv(separator=";").encode("utf-8-sig"),
        file_name=f"budgetuppfoljning_{ar}_{manad:02d}.csv",
        mime="text/csv",
        key="csv_ekonomi_budget",
        on_click="ignore",
    )
    if budget["noter"]:
        st.info(budget["noter"], icon="⚖️")
    st.caption(budget["kalla"])

    st.subheader("Varför: avvikelse mot budget per verksamhet")
    st.caption(budget["avvikelse_text"])
    visa_diagram(**budget["avvikelse"])

ukraina = sida["ukraina"]
if ukraina is not None:
    st.subheader("Evakueringsboende Ukraina")
    st.caption(
        "Nämnden samordnar evakueringsboendet för hela staden på uppdrag av Migrationsverket. "
        "Underskottet ingår i Integrationens avvikelse, och nämnden begär att få det "
        "avskrivet i bokslutet."
    )
    visa_diagram(**ukraina["diagram"])
    if ukraina["varning"]:
        st.warning(ukraina["varning"], icon="⚖️")

st.subheader(f"Kommunbidrag och budgetförutsättningar {ar}")
forutsattningar = sida["forutsattningar"]
if forutsattningar is None:
    st.info(f"Kommunbidrag och budgetförutsättningar för {ar}: {UPPGIFT_SAKNAS}.", icon="ℹ️")
else:
    vanster, hoger = st.columns(2)
    with vanster:
        st.markdown("**Kommunbidrag, buffert och förstärkningar**")
        visa_tabell(forutsattningar["ramen"], border="horizontal", statisk=True)
        st.caption(forutsattningar["ramen_kalla"])
    with hoger:
        st.markdown(f"**Kostnadsökningar i budget {ar}**")
        if forutsattningar["okningar"] is None:
            st.caption(UPPGIFT_SAKNAS)
        else:
            visa_tabell(forutsattningar["okningar"], border="horizontal", statisk=True)
            st.caption(forutsattningar["okningar_kalla"])
