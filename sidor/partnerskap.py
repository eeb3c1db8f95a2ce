"""Partnerskap och projekt: which partnerships (IOP) and projects (ESF) the committee has, what
they cost, what they must achieve and what was decided.

Not bound to a period: every partnership and project is shown whatever the sidebar says.
"""

import polars as pl
import streamlit as st

from nyckeltal.figurer.partnerskap import (
    beloppstext,
    datumtext,
    kort_namn,
    maltext,
    periodkort,
    periodtext,
    tidslinje,
)
from nyckeltal.format import UPPGIFT_SAKNAS
from nyckeltal.kalla import Kalla, kalltext
from sidor._delat import fraga, per_version, visa_diagram, visa_tabell

SAMMANSTALLNING_CSV_RUBRIKER = {
    "namn": "Namn",
    "typ": "Typ",
    "status": "Status",
    "period_start": "Från",
    "period_slut": "Till och med",
    "belopp_per_ar_kr": "Belopp per år (kr)",
    "belopp_totalt_kr": "Belopp totalt (kr)",
}


@per_version
def berakna() -> dict:
    """Everything the page shows, built once per database version (the page does not depend
    on the period): the timeline, one card per partnership and the summary table."""
    oversikt = fraga("partnerskap_och_projekt")
    perioder = fraga("partnerskap_tidslinje")
    belopp = fraga("partnerskap_belopp")
    mal = fraga("partnerskap_mal")
    konflikter = fraga("kallkonflikter")
    ut: dict = {}

    # --- Timeline
    pa_tidslinjen = perioder.filter(pl.col("pa_tidslinjen"))
    ut["tidslinje"] = dict(
        fig=tidslinje(pa_tidslinjen),
        tabell=pa_tidslinjen.select("namn", "typ", "status", "period_start", "period_slut"),
        kalla=kalltext(pa_tidslinjen),
        nyckel="partnerskap_tidslinje",
        rubriker={
            "namn": "Namn",
            "typ": "Typ",
            "status": "Status",
            "period_start": "Från",
            "period_slut": "Till och med",
        },
    )
    utan_period = perioder.filter(~pl.col("pa_tidslinjen"))
    ut["utan_period"] = (
        None
        if utan_period.is_empty()
        else "**Inte på tidslinjen (ingen period):**\n"
        + "\n".join(
            f"- {rad['namn']} ({rad['typ']}, {rad['status'].lower()}): {rad['utan_period_orsak']}"
            for rad in utan_period.iter_rows(named=True)
        )
    )

    # --- One card per partnership
    kallor = {rad["partnerskap_id"]: rad for rad in perioder.iter_rows(named=True)}
    ut["kort"] = [
        partnerskapskort(rad, belopp, mal, konflikter, kallor[rad["partnerskap_id"]])
        for rad in oversikt.iter_rows(named=True)
    ]

    # --- Summary
    sammanstallning = oversikt.select(
        "namn",
        "typ",
        "status",
        "period_start",
        "period_slut",
        "belopp_per_ar_kr",
        "belopp_totalt_kr",
    )
    ut["sammanstallning"] = sammanstallning
    ut["sammanstallning_text"] = pl.DataFrame(
        {
            "Namn": [kort_namn(n) for n in sammanstallning["namn"]],
            "Typ": sammanstallning["typ"],
            "Status": sammanstallning["status"],
            "Period": [
                periodkort(a, b)
                for a, b in zip(sammanstallning["period_start"], sammanstallning["period_slut"])
            ],
            "Belopp per år, alla parter": [
                beloppstext(b, "år") for b in sammanstallning["belopp_per_ar_kr"]
            ],
            "Belopp totalt": [
                beloppstext(b, "ej angivet") for b in sammanstallning["belopp_totalt_kr"]
            ],
        }
    )
    ut["kalla"] = kalltext(perioder)
    return ut


def partnerskapskort(
    rad: dict, belopp: pl.DataFrame, mal: pl.DataFrame, konflikter: pl.DataFrame, egen: dict
) -> dict:
    """One partnership's card: facts, money and goals as text tables, the sources'
    disagreements about it, and one source line."""
    pid = rad["partnerskap_id"]
    beslut = (
        f"{rad['beslut']} ({datumtext(rad['beslutsdatum'])})"
        if rad["beslut"] and rad["beslutsdatum"]
        else rad["beslut"] or UPPGIFT_SAKNAS
    )
    pengar = belopp.filter(pl.col("partnerskap_id") == pid)
    mal_ = mal.filter(pl.col("partnerskap_id") == pid)
    # Money and goals come from the partnership's own document, so one source line names
    # it once with every section used.
    avsnitt = []
    for del_ in [egen["avsnitt"], *pengar["avsnitt"].to_list(), *mal_["avsnitt"].to_list()]:
        avsnitt += [a for a in del_.split("; ") if a not in avsnitt]
    return {
        "rubrik": f"{rad['namn']} · {rad['typ']}, {rad['status'].lower()}",
        "fakta": (
            f"- **Typ:** {rad['typ']}\n"
            f"- **Motpart:** {rad['motpart']}\n"
            f"- **Diarienummer:** {rad['diarienummer'] or UPPGIFT_SAKNAS}\n"
            f"- **Beslut:** {beslut}\n"
            f"- **Status:** {rad['status']}\n"
            f"- **Period:** {periodtext(rad['period_start'], rad['period_slut'])}\n"
            f"- **Syfte:** {rad['syfte']}"
        ),
        "pengar": None
        if pengar.is_empty()
        else pengar.select(
            pl.col("post").alias("Post"),
            pl.col("part").alias("Part"),
            pl.Series(
                "Belopp",
                [beloppstext(b, per) for b, per in zip(pengar["belopp_kr"], pengar["per"])],
            ),
        ),
        "pengar_utan_period": "ej angivet" in pengar["per"].to_list(),
        "mal": None
        if mal_.is_empty()
        else mal_.select(
            pl.col("mal").alias("Mål"),
            pl.Series(
                "Målvärde",
                [
                    maltext(
                        r["malvarde_min"],
                        r["malvarde_max"],
                        r["enhet"],
                        r["per"],
                        r["jamforelse"],
                    )
                    for r in mal_.iter_rows(named=True)
                ],
            ),
        ),
        # Conflicts about one partnership are named after it (guldkanten_enhet, sikta_fas).
        "konflikter": [
            f"**{k['beskrivning']}.** {k['motivering']}"
            for k in konflikter.filter(pl.col("konflikt_id").str.starts_with(f"{pid}_")).iter_rows(
                named=True
            )
        ],
        "kalla": str(
            Kalla(egen["dokument"], egen["datum"], egen["diarienummer"], ", ".join(avsnitt))
        ),
    }


sida = berakna()

st.title("Partnerskap och projekt")
st.caption(
    "Alla nämndens idéburna offentliga partnerskap (IOP) och projekt visas; periodvalet i "
    "sidopanelen gäller inte den här sidan. ESF-projekt har stöd från Europeiska socialfonden "
    "(ESF). Alla belopp i kronor (kr)."
)

st.subheader("Tidslinje")
visa_diagram(**sida["tidslinje"])
if sida["utan_period"]:
    st.markdown(sida["utan_period"])

st.subheader("Partnerskap och projekt i detalj")
for kort in sida["kort"]:
    with st.expander(kort["rubrik"]):
        st.markdown(kort["fakta"])
        # Static tables that wrap long item names: a card is read, not sorted or scrolled.
        st.markdown("**Pengar**")
        if kort["pengar"] is None:
            st.caption(f"Belopp: {UPPGIFT_SAKNAS} (källan anger inga belopp).")
        else:
            visa_tabell(kort["pengar"], border="horizontal", statisk=True)
            if kort["pengar_utan_period"]:
                st.caption("Belopp utan /år: källan anger inte vilken period de avser.")
        st.markdown("**Mål**")
        if kort["mal"] is None:
            st.caption(f"Mål: {UPPGIFT_SAKNAS} (källan anger inga mätbara mål).")
        else:
            visa_tabell(kort["mal"], border="horizontal", statisk=True)
        for konflikt in kort["konflikter"]:
            st.info(konflikt, icon="⚖️")
        st.caption(f"Källa: {kort['kalla']}")

st.subheader("Sammanställning")
visa_tabell(sida["sammanstallning_text"], width="stretch")
st.download_button(
    "Ladda ned CSV",
    data=lambda: (
        sida["sammanstallning"]
        .rename(SAMMANSTALLNING_CSV_RUBRIKER)
        .write_csv(separator=";")
        .encode("utf-8-sig")
    ),
    file_name="partnerskap_och_projekt.csv",
    mime="text/csv",
    key="csv_partnerskap_sammanstallning",
    on_click="ignore",
)
st.caption(
    "Belopp per år är summan av överenskommelsens årsbelopp oavsett vem som betalar "
    "(beräknad); lokalhyror utan angiven period ingår inte. Belopp totalt anges bara för "
    f"projekt med en angiven totalbudget, annars {UPPGIFT_SAKNAS}."
)
st.caption(f"Källa: {sida['kalla']}")
