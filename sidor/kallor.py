"""Källor och kvalitet: what the figures rest on, whether they reconcile, and where the
documents disagree."""

import polars as pl
import streamlit as st

from nyckeltal import avstamning
from nyckeltal.format import formatera, formatera_per_rad, formatera_tabell, manadsnamn
from nyckeltal.katalog import OMRADEN, egna_indikatorer
from sidor._delat import databas, fraga, per_version, visa_tabell

VISAS = {
    "a": "uppgift A",
    "b": "uppgift B",
    "båda": "båda uppgifterna, var och en där den hör hemma",
}


@per_version
def berakna() -> dict:
    """Everything the page shows, built once per database version (the page does not depend
    on the period): the cards, the tables of sources and reconciliations, the disagreements
    and each area's values (for the area chooser). An import is a new version, so the counts
    follow it. All areas in the one cached call: a second call per rerun cost a lookup."""
    kallor = fraga("kallor_med_omfattning")
    konflikter = fraga("kallkonflikter")
    budget = fraga("budget_per_verksamhet", ar=2022, manad=9)
    resultat = fraga(
        "nyckeltal_for_period", ar=2022, fran_manad=1, till_manad=9, indikatorer=["namnd_resultat"]
    )["varde"]
    ut: dict = {}

    # computed when the database was built (nyckeltal.avstamning.lagra), not on every rerun
    kontroller = avstamning.fran_tabell(
        fraga("avstamningar", indikatorer=egna_indikatorer()), konflikter
    ) + avstamning.budgetformler(budget, resultat[0] if len(resultat) else None)
    stammer = sum(k.status == "✅ Stämmer" for k in kontroller)
    dokumenterade = sum(k.status == "ℹ️ Dokumenterad skillnad" for k in kontroller)
    ut["antal_kallor"] = len(kallor)
    ut["antal_siffror"] = formatera(kallor["antal_varden"].sum(), "antal")
    ut["avstamningar"] = f"{stammer} av {len(kontroller)} stämmer"
    ut["antal_konflikter"] = konflikter.height
    ut["fel"] = len(kontroller) - stammer - dokumenterade

    ut["kalltabell"] = formatera_tabell(
        kallor.select(
            "dokument",
            "datum",
            "diarienummer",
            "instans",
            "antal_varden",
            "antal_ovriga_uppgifter",
            "anmarkning",
        ).with_columns(
            pl.col("datum").cast(pl.String).fill_null("odaterad"),
            pl.col("diarienummer").fill_null("–"),
        ),
        {"antal_varden": "antal", "antal_ovriga_uppgifter": "antal"},
        {
            "dokument": "Dokument",
            "datum": "Datum",
            "diarienummer": "Diarienummer",
            "instans": "Instans",
            "antal_varden": "Siffror",
            "antal_ovriga_uppgifter": "Övriga uppgifter",
            "anmarkning": "Anmärkning",
        },
    )

    ut["kontrolltabell"] = avstamning.visningstabell(kontroller)

    ut["konflikter"] = [konfliktkort(rad) for rad in konflikter.iter_rows(named=True)]
    ut["omraden"] = {omrade: omradets_siffror(omrade) for omrade in OMRADEN}
    return ut


def konfliktkort(rad: dict) -> dict:
    """One disagreement: its description, what each document says (Markdown and source
    line per side) and which the pages show, and why."""
    uppgifter = []
    for bokstav in ("a", "b"):
        varde = rad[f"varde_{bokstav}"]
        uppgifter.append(
            (
                f"**{bokstav.upper()}:** {rad[f'uppgift_{bokstav}']}"
                + (f" — **{formatera(varde, rad['enhet'])}**" if varde is not None else ""),
                f"{rad[f'dokument_{bokstav}']}, avsnitt {rad[f'avsnitt_{bokstav}']}",
            )
        )
    return {
        "rubrik": f"**{rad['beskrivning']}**",
        "uppgifter": uppgifter,
        "visas": f"Nyckeltalssidorna visar {VISAS[rad['visas']]}. {rad['motivering']}",
    }


# Swedish headers of the values, on the page and in the download of every value (which
# keeps the values raw).
RUBRIKER = {
    "omrade": "Område",
    "indikator_id": "Indikatorkod",
    "namn": "Mått",
    "ar": "År",
    "periodtyp": "Periodtyp",
    "manad": "Månad",
    "dimension": "Dimension",
    "varde": "Värde",
    "enhet": "Enhet",
    "dokument": "Dokument",
    "datum": "Datum",
    "diarienummer": "Diarienummer",
    "avsnitt": "Avsnitt",
    "anmarkning": "Anmärkning",
}


def omradets_siffror(omrade: str) -> pl.DataFrame:
    """The area's values with a source per row, as Swedish text."""
    varden = fraga("varden_med_kalla", indikatorer=egna_indikatorer(omrade))
    visning = varden.select(
        "namn",
        "ar",
        "periodtyp",
        "manad",
        "dimension",
        "varde",
        "enhet",
        "dokument",
        "diarienummer",
        "avsnitt",
        "anmarkning",
    )
    return (
        formatera_per_rad(visning, {"varde": 0})
        .with_columns(
            pl.col("periodtyp").replace_strict(avstamning.PERIODTYPER),
            # the month a value belongs to by name; a full year has none of its own
            pl.Series(
                "manad",
                [
                    "–" if typ == "helar" else manadsnamn(m)
                    for typ, m in zip(varden["periodtyp"], varden["manad"])
                ],
                dtype=pl.String,
            ),
            pl.col("anmarkning").fill_null(""),
        )
        .drop("enhet")
        .rename(RUBRIKER, strict=False)
    )


def alla_siffror_csv() -> bytes:
    """Every value in the database (indikatorer=None), read on click, not on every rerun, and
    not kept in the query cache."""
    alla = databas().fraga("varden_med_kalla", indikatorer=None)
    return alla.rename(RUBRIKER, strict=False).write_csv(separator=";").encode("utf-8-sig")


sida = berakna()

st.title("Källor och kvalitet")
st.caption(
    "Sidan gäller hela databasen; periodvalet i sidopanelen påverkar den inte. "
    "Varje siffra på nyckeltalssidorna kommer från en källrad med dokument, datum, "
    "diarienummer och avsnitt (filerna i mappen data/)."
)

kolumner = st.columns(4)
kolumner[0].metric("Källdokument", sida["antal_kallor"], border=True)
kolumner[1].metric("Siffror i databasen", sida["antal_siffror"], border=True)
kolumner[2].metric(
    "Avstämningar",
    sida["avstamningar"],
    border=True,
    help="Delar mot totaler, månader mot summor, andelar mot 100 % och budgetformler.",
)
kolumner[3].metric("Dokumenterade motsägelser", sida["antal_konflikter"], border=True)
if sida["fel"]:
    st.error(f"⚠️ {sida['fel']} avstämningar stämmer inte och saknar dokumenterad förklaring.")

st.subheader("Källdokument")
visa_tabell(sida["kalltabell"], width="stretch")

st.subheader("Avstämningar")
st.caption(
    "Varje rad jämför en siffra som dokumenten anger med det som delarna, månaderna eller "
    "formeln ger. En skillnad som dokumenten själva har är dokumenterad nedan."
)
visa_tabell(sida["kontrolltabell"], width="stretch")

st.subheader("Där dokumenten säger olika")
for konflikt in sida["konflikter"]:
    with st.container(border=True):
        st.markdown(konflikt["rubrik"])
        for kolumn, (uppgift, kalla) in zip(st.columns(2), konflikt["uppgifter"]):
            kolumn.markdown(uppgift)
            kolumn.caption(kalla)
        st.markdown(konflikt["visas"])

st.subheader("Alla siffror")
omrade = st.segmented_control(
    "Område",
    list(OMRADEN),
    format_func=OMRADEN.get,
    default="bistand",
    required=True,
    key="kallor_omrade",
)
st.caption(
    "Områdets siffror med källa per rad. Nedladdningen innehåller alla siffror i databasen, "
    "med råa tal."
)
visa_tabell(sida["omraden"][omrade], width="stretch", height=400)
st.download_button(
    "Ladda ned alla siffror (CSV)",
    data=alla_siffror_csv,
    file_name="alla_siffror.csv",
    mime="text/csv",
    on_click="ignore",
    key="csv_alla_siffror",
)
