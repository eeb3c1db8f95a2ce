"""Källor och kvalitet: what the dashboard rests on, whether the figures reconcile, and where
the documents disagree."""

import polars as pl
import streamlit as st

from nyckeltal import avstamning
from nyckeltal.format import formatera, formatera_per_rad, formatera_tabell
from nyckeltal.katalog import OMRADEN, egna_indikatorer
from sidor._delat import databas, fraga, visa_tabell

st.title("Källor och kvalitet")
st.caption(
    "Sidan gäller hela databasen; periodvalet i sidopanelen påverkar den inte. "
    "Varje siffra i dashboarden kommer från en rad i data/ med dokument, datum, "
    "diarienummer och avsnitt."
)

kallor = fraga("kallor_med_omfattning")
konflikter = fraga("kallkonflikter")
budget = fraga("budget_per_verksamhet", ar=2022, manad=9)
resultat = fraga(
    "nyckeltal_for_period", ar=2022, fran_manad=1, till_manad=9, indikatorer=["namnd_resultat"]
)["varde"]

# computed when the database was built (nyckeltal.avstamning.lagra), not on every rerun
kontroller = avstamning.fran_tabell(
    fraga("avstamningar", indikatorer=egna_indikatorer()), konflikter
) + avstamning.budgetformler(budget, resultat[0] if len(resultat) else None)
stammer = sum(k.status == "✅ Stämmer" for k in kontroller)
dokumenterade = sum(k.status == "ℹ️ Dokumenterad skillnad" for k in kontroller)
fel = len(kontroller) - stammer - dokumenterade

kolumner = st.columns(4)
kolumner[0].metric("Källdokument", len(kallor), border=True)
kolumner[1].metric(
    "Siffror i databasen", formatera(kallor["antal_varden"].sum(), "antal"), border=True
)
kolumner[2].metric(
    "Avstämningar",
    f"{stammer} av {len(kontroller)} stämmer",
    border=True,
    help="Delar mot totaler, månader mot summor, andelar mot 100 % och budgetformler.",
)
kolumner[3].metric("Dokumenterade motsägelser", konflikter.height, border=True)
if fel:
    st.error(f"⚠️ {fel} avstämningar stämmer inte och saknar dokumenterad förklaring.")

st.subheader("Källdokument")
visa_tabell(
    formatera_tabell(
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
    ),
    width="stretch",
)

st.subheader("Avstämningar")
st.caption(
    "Varje rad jämför en siffra som dokumenten anger med det som delarna, månaderna eller "
    "formeln ger. En skillnad som dokumenten själva har är dokumenterad nedan."
)
tabell = avstamning.som_tabell(kontroller)
visa_tabell(
    formatera_per_rad(tabell, dict.fromkeys(("angivet", "beraknat", "differens"), 0))
    .drop("enhet")
    .rename(
        {
            "kontroll": "Kontroll",
            "angivet": "Angivet",
            "beraknat": "Beräknat",
            "differens": "Differens",
            "status": "Status",
            "forklaring": "Förklaring",
        }
    ),
    width="stretch",
)

st.subheader("Där dokumenten säger olika")
VISAS = {
    "a": "uppgift A",
    "b": "uppgift B",
    "båda": "båda uppgifterna, var och en där den hör hemma",
}
for rad in konflikter.iter_rows(named=True):
    with st.container(border=True):
        st.markdown(f"**{rad['beskrivning']}**")
        a, b = st.columns(2)
        for kolumn, bokstav in ((a, "a"), (b, "b")):
            varde = rad[f"varde_{bokstav}"]
            kolumn.markdown(
                f"**{bokstav.upper()}:** {rad[f'uppgift_{bokstav}']}"
                + (f" — **{formatera(varde, rad['enhet'])}**" if varde is not None else "")
            )
            kolumn.caption(f"{rad[f'dokument_{bokstav}']}, avsnitt {rad[f'avsnitt_{bokstav}']}")
        st.markdown(f"Dashboarden visar {VISAS[rad['visas']]}. {rad['motivering']}")

st.subheader("Alla siffror")


def alla_siffror_csv() -> bytes:
    """Every value in the database (indikatorer=None), read on click, not on every rerun, and
    not kept in the query cache."""
    alla = databas().fraga("varden_med_kalla", indikatorer=None)
    return alla.write_csv(separator=";").encode("utf-8-sig")


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
visa_tabell(
    formatera_per_rad(visning, {"varde": 0})
    .with_columns(pl.col("periodtyp").replace_strict(avstamning.PERIODTYPER))
    .drop("enhet")
    .rename(
        {
            "namn": "Mått",
            "ar": "År",
            "periodtyp": "Periodtyp",
            "manad": "Månad",
            "dimension": "Dimension",
            "varde": "Värde",
            "dokument": "Dokument",
            "diarienummer": "Diarienummer",
            "avsnitt": "Avsnitt",
            "anmarkning": "Anmärkning",
        }
    ),
    width="stretch",
    height=400,
)
st.download_button(
    "Ladda ned alla siffror (CSV)",
    data=alla_siffror_csv,
    file_name="alla_siffror.csv",
    mime="text/csv",
    on_click="ignore",
    key="csv_alla_siffror",
)
