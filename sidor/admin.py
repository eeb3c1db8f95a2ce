"""Administration: new figures in (template, upload, check, preview, confirm), the import log
with undo of the latest import, and staff comments per indicator and month.

Browsing the other pages stays open and read-only; this page needs a login. The password
comes from the environment (NYCKELTAL_ADMIN_LOSENORD) or from Streamlit's secrets
(admin_losenord), never from the repository. The page calls the same functions in
nyckeltal.importera as the command python -m nyckeltal.importera.
"""

import hmac
import os
import time

import polars as pl
import streamlit as st

from nyckeltal import bygg, importera
from nyckeltal.format import formatera_tabell, manadsnamn
from nyckeltal.inlasning import DataFel, Fel
from nyckeltal.katalog import egna_indikatorer
from nyckeltal.perioder import beskriv_period
from sidor._delat import databas, fraga, vald_period, visa_tabell

MAX_FORSOK = 5  # failed logins per session before a pause
PAUS_SEKUNDER = 300


def admin_losenord() -> str | None:
    """The configured password, or None when none is configured (the page stays closed)."""
    if os.environ.get("NYCKELTAL_ADMIN_LOSENORD"):
        return os.environ["NYCKELTAL_ADMIN_LOSENORD"]
    try:
        return st.secrets.get("admin_losenord") or None
    except Exception:  # no secrets.toml at all: Streamlit raises when st.secrets is read
        return None


def feltabell(fel: list[Fel]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "Rad": [f.rad for f in fel],
            "Kolumn": [f.kolumn or "" for f in fel],
            "Meddelande": [f.meddelande for f in fel],
        },
        schema={"Rad": pl.Int64, "Kolumn": pl.String, "Meddelande": pl.String},
    )


def visa_fel(rubrik: str, fel: DataFel) -> None:
    st.error(f"{rubrik} {len(fel.fel)} fel; inget har sparats.", icon="🚫")
    visa_tabell(feltabell(fel.fel), width="stretch")


def antal(n: int, en: str, flera: str) -> str:
    return f"{n} {en if n == 1 else flera}"


def logga_in(losenord: str) -> None:
    """The login form. The name typed is recorded as 'vem' in the import log."""
    st.subheader("Logga in")
    sparrad_till = st.session_state.get("admin_sparrad_till", 0.0)
    with st.form("inloggning"):
        namn = st.text_input("Ditt namn (står i importloggen)", max_chars=80, key="admin_namn")
        kod = st.text_input("Lösenord", type="password", key="admin_kod")
        skicka = st.form_submit_button("Logga in", type="primary")
    if not skicka:
        return
    if time.time() < sparrad_till:
        st.error("För många misslyckade försök. Vänta några minuter och försök igen.")
        return
    if hmac.compare_digest(kod.encode("utf-8"), losenord.encode("utf-8")):
        try:
            st.session_state["admin_vem"] = importera.kontrollera_vem(namn)
        except DataFel as fel:
            st.error(f"Namnet: {fel.fel[0].meddelande}")
            return
        st.session_state.pop("admin_misslyckade", None)
        st.rerun()
    misslyckade = st.session_state.get("admin_misslyckade", 0) + 1
    st.session_state["admin_misslyckade"] = misslyckade
    time.sleep(1)  # slows down guessing
    if misslyckade >= MAX_FORSOK:
        st.session_state["admin_sparrad_till"] = time.time() + PAUS_SEKUNDER
        st.session_state["admin_misslyckade"] = 0
    st.error("Fel lösenord.")


def exempel() -> pl.DataFrame:
    return importera.exempelrader(fraga("varden_med_kalla", indikatorer=egna_indikatorer()))


st.title("Administration")
st.caption("Nya siffror in, importloggen med ångra, och kommentarer till siffrorna.")

losenord = admin_losenord()
if losenord is None:
    st.info(
        "Administrationen är stängd eftersom inget lösenord är inställt. Så öppnar du den:\n\n"
        "1. Välj ett långt lösenord.\n"
        "2. Sätt det i miljövariabeln `NYCKELTAL_ADMIN_LOSENORD` innan tjänsten startas, "
        "t.ex. `NYCKELTAL_ADMIN_LOSENORD='…' make run`, eller skriv raden "
        '`admin_losenord = "…"` i `.streamlit/secrets.toml` på servern.\n'
        "3. Starta om tjänsten.\n\n"
        "Lösenordet ska aldrig checkas in i git. Att titta på de andra sidorna kräver ingen "
        "inloggning.",
        icon="🔒",
    )
    st.stop()

vem = st.session_state.get("admin_vem")
if vem is None:
    logga_in(losenord)
    st.stop()

inloggad, utloggning = st.columns([4, 1], vertical_alignment="center")
inloggad.text(f"Inloggad som {vem}.")
if utloggning.button("Logga ut", key="admin_logga_ut"):
    st.session_state.pop("admin_vem", None)
    st.rerun()
if meddelande := st.session_state.pop("admin_meddelande", None):
    st.success(meddelande, icon="✅")

# --- 1. Template -----------------------------------------------------------------------------
st.subheader("Mall för nya siffror")
st.markdown(
    "En rad per siffra med kolumnerna `indikator_id`, `ar`, `manad`, `periodtyp`, `dimension`, "
    "`varde`, `kalla_dokument`, `kalla_datum`, `kalla_diarienummer` och `kalla_avsnitt` "
    "(`anmarkning` får finnas med). Semikolon eller komma, decimalkomma och mellanrum som "
    "tusentalsavgränsare går bra. Excel-mallen har en flik med alla indikatorer och tillåtna "
    "dimensionsvärden. Mallens exempelrader är riktiga siffror ur databasen; ändras de inte "
    "påverkar de ingenting."
)
mall_csv, mall_excel = st.columns(2)
mall_csv.download_button(
    "Ladda ned mallen som CSV",
    data=lambda: importera.mall_csv(exempel()),
    file_name="nyckeltal_import_mall.csv",
    mime="text/csv",
    key="mall_csv",
    on_click="ignore",
    icon=":material/download:",
    width="stretch",
)
mall_excel.download_button(
    "Ladda ned mallen som Excel",
    data=lambda: importera.mall_excel(
        fraga("import_indikatorer", indikatorer=egna_indikatorer()), exempel()
    ),
    file_name="nyckeltal_import_mall.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="mall_excel",
    on_click="ignore",
    icon=":material/download:",
    width="stretch",
)

# --- 2. Upload, check, preview, confirm ----------------------------------------------------------
st.subheader("Läs in en fil")
uppladdning = st.session_state.setdefault("admin_uppladdning", 0)
uppladdad = st.file_uploader(
    "CSV- eller Excel-fil, högst 2 MB",
    type=["csv", "txt", "xlsx", "xls"],
    key=f"admin_fil_{uppladdning}",
    max_upload_size=10,  # MB; files over 2 MB get the Swedish message from the check
)
if uppladdad is not None:
    innehall = uppladdad.getvalue()
    try:
        granskning = importera.forhandsgranska(innehall, uppladdad.name, databas=databas())
    except DataFel as fel:
        visa_fel("Filen kan inte läsas in:", fel)
    else:
        nya, andrade, oforandrade = st.columns(3)
        nya.metric("Nya värden", len(granskning.nya), border=True)
        andrade.metric("Ändrade värden", len(granskning.andrade), border=True)
        oforandrade.metric("Oförändrade", len(granskning.oforandrade), border=True)
        if granskning.nya_kallor:
            st.caption(
                f"{antal(len(granskning.nya_kallor), 'nytt källdokument', 'nya källdokument')} "
                "läggs till bland källorna."
            )
        visa_tabell(granskning.tabell(), width="stretch")
        if not granskning.nya and not granskning.andrade:
            st.info("Filen ändrar ingenting: alla rader finns redan med samma värde och källa.")
        elif st.button(
            f"Importera {antal(len(granskning.nya), 'nytt', 'nya')} och "
            f"{antal(len(granskning.andrade), 'ändrat värde', 'ändrade värden')}",
            type="primary",
            key="admin_importera",
            icon=":material/upload:",
        ):
            try:
                resultat = importera.importera(innehall, uppladdad.name, vem, databas=databas())
            except bygg.UpptagenFel as upptagen:
                st.warning(str(upptagen), icon="⏳")
            except DataFel as fel:
                visa_fel("Importen avbröts:", fel)
            else:
                st.session_state["admin_meddelande"] = (
                    f"Import {resultat.import_id} är sparad: "
                    f"{antal(len(resultat.granskning.nya), 'nytt', 'nya')} och "
                    f"{antal(len(resultat.granskning.andrade), 'ändrat värde', 'ändrade värden')}. "
                    "Alla sidor visar de nya siffrorna."
                )
                st.session_state["admin_uppladdning"] = uppladdning + 1
                st.rerun()

# --- 3. Audit log and undo -----------------------------------------------------------------------
st.subheader("Importlogg")
logg = fraga("import_logg")
if logg.is_empty():
    st.caption("Inga importer ännu.")
else:
    visa_tabell(
        formatera_tabell(
            logg.select(
                "import_id",
                "nar",
                "vem",
                "filnamn",
                "rader_nya",
                "rader_andrade",
                "rader_oforandrade",
                pl.when(pl.col("status") == "aktiv")
                .then(pl.lit("i kraft"))
                .otherwise(pl.lit("ångrad"))
                .alias("status"),
                "angrad_av",
                "angrad_nar",
                "sha256",
            ),
            {"rader_nya": "antal", "rader_andrade": "antal", "rader_oforandrade": "antal"},
            {
                "import_id": "Import",
                "nar": "När",
                "vem": "Vem",
                "filnamn": "Fil",
                "rader_nya": "Nya",
                "rader_andrade": "Ändrade",
                "rader_oforandrade": "Oförändrade",
                "status": "Status",
                "angrad_av": "Ångrad av",
                "angrad_nar": "Ångrad",
                "sha256": "SHA-256",
            },
        ),
        width="stretch",
    )
    aktiva = logg.filter(pl.col("status") == "aktiv")
    if aktiva.is_empty():
        st.caption("Alla importer är ångrade; siffrorna är de från data/.")
    else:
        senaste = aktiva.row(0, named=True)
        import_id = senaste["import_id"]
        st.markdown(f"**Senaste import i kraft: import {import_id}**")
        rader = fraga("import_rader", import_id=import_id)
        visa_tabell(
            pl.DataFrame(
                {
                    "Rad": rader["rad"],
                    "Ändring": rader["andring"],
                    "Indikator": rader["namn"],
                    "Period": [
                        beskriv_period(p, m, a)
                        for p, m, a in rader.select("periodtyp", "manad", "ar").iter_rows()
                    ],
                    "Dimension": rader["dimension"].replace("", "totalt"),
                    "Tidigare": [
                        importera.visa_varde(v, e)
                        for v, e in rader.select("tidigare_varde", "enhet").iter_rows()
                    ],
                    "Nytt": [
                        importera.visa_varde(v, e)
                        for v, e in rader.select("varde", "enhet").iter_rows()
                    ],
                }
            ),
            width="stretch",
        )
        bekraftat = st.checkbox(
            f"Jag vill ångra import {import_id}: "
            f"{antal(senaste['rader_nya'], 'nytt värde tas', 'nya värden tas')} bort och "
            f"{antal(senaste['rader_andrade'], 'ändrat värde får', 'ändrade värden får')} "
            "tillbaka sitt tidigare värde.",
            key=f"admin_bekrafta_angra_{import_id}",
        )
        if st.button(
            f"Ångra import {import_id}",
            disabled=not bekraftat,
            key="admin_angra",
            icon=":material/undo:",
        ):
            try:
                angrad, _ = importera.angra_senaste(vem, import_id=import_id)
            except bygg.UpptagenFel as upptagen:
                st.warning(str(upptagen), icon="⏳")
            except DataFel as fel:
                visa_fel("Ångringen avbröts:", fel)
            else:
                st.session_state["admin_meddelande"] = f"Import {angrad} är ångrad."
                st.rerun()

# --- 4. Comments ---------------------------------------------------------------------------------
st.subheader("Kommentarer")
st.caption(
    "En kommentar förklarar en siffra (t.ex. varför den sjönk) och visas bredvid den på "
    "sidorna för perioder som omfattar månaden. En tom text tar bort kommentaren."
)
indikatorer = fraga("import_indikatorer", indikatorer=egna_indikatorer()).sort("namn")
namn = dict(
    sorted(
        (
            (indikator_id, n)
            for indikator_id, n in zip(indikatorer["indikator_id"], indikatorer["namn"])
        ),
        key=lambda par: par[1],
    )
)
period = vald_period()
ar_med_data = fraga("perioder_med_data")["ar"].to_list()
ar_att_valja = sorted(set(ar_med_data) | {importera.idag().year})
with st.form("kommentar", clear_on_submit=True):
    indikator = st.selectbox(
        "Indikator", list(namn), format_func=namn.get, key="kommentar_indikator"
    )
    kolumn_ar, kolumn_manad = st.columns(2)
    ar = kolumn_ar.selectbox(
        "År",
        ar_att_valja,
        index=ar_att_valja.index(period.ar) if period.ar in ar_att_valja else 0,
        key="kommentar_ar",
    )
    manad = kolumn_manad.selectbox(
        "Månad",
        list(range(1, 13)),
        index=period.till_manad - 1,
        format_func=manadsnamn,
        key="kommentar_manad",
    )
    text = st.text_area("Kommentar", max_chars=importera.MAX_TECKEN_KOMMENTAR, key="kommentar_text")
    spara = st.form_submit_button("Spara kommentaren", icon=":material/save:")
if spara:
    try:
        importera.spara_kommentar(indikator, ar, manad, text, vem)
    except bygg.UpptagenFel as upptagen:
        st.warning(str(upptagen), icon="⏳")
    except DataFel as fel:
        visa_fel("Kommentaren sparades inte:", fel)
    else:
        st.session_state["admin_meddelande"] = (
            f"Kommentaren för {manadsnamn(manad)} {ar} är "
            f"{'sparad' if text.strip() else 'borttagen'}."
        )
        st.rerun()

kommentarer = fraga("kommentarer_alla")
if kommentarer.is_empty():
    st.caption("Inga kommentarer ännu.")
else:
    visa_tabell(
        kommentarer.select(
            pl.col("namn").alias("Indikator"),
            pl.col("ar").alias("År"),
            pl.Series("Månad", [manadsnamn(m) for m in kommentarer["manad"]], dtype=pl.String),
            pl.col("text").alias("Kommentar"),
            pl.col("vem").alias("Vem"),
            pl.col("nar").alias("Skriven"),
        ),
        width="stretch",
    )
