"""Administration: new figures in (template, upload, check, preview, confirm), the import log
with undo of the latest import, and staff comments per indicator and month.

Browsing the other pages stays open and read-only; this page needs a sign-in. In production
that is the municipality's identity provider (st.login, `[auth]` in .streamlit/secrets.toml)
and who may change the figures is `[behorighet]` there (nyckeltal.behorighet); the verified
identity goes into the import log and onto comments. A shared password (environment variable
NYCKELTAL_ADMIN_LOSENORD or secrets `admin_losenord`) is a development fallback whose failed
attempts are counted on the server. How to set either up is in the README, not on this page:
visitors need not learn how the server is configured. The page calls the same functions in
nyckeltal.importera as the command python -m nyckeltal.importera.
"""

import hmac
import os
import time

import polars as pl
import streamlit as st

from nyckeltal import avstamning, behorighet, bygg, importera, sokvagar
from nyckeltal.format import formatera_tabell, manadsnamn
from nyckeltal.inlasning import DataFel, Fel
from nyckeltal.katalog import egna_indikatorer
from nyckeltal.perioder import beskriv_period
from sidor._delat import databas, fraga, vald_period, visa_tabell

# Marks a password sign-in in the import log: the name was typed, not verified.
LOSENORD_MARKERING = " (lösenord)"


def installning(namn: str) -> object:
    """A top-level section or value of Streamlit's secrets; None when there is no secrets
    file at all (Streamlit raises when st.secrets is read without one)."""
    try:
        return st.secrets.get(namn)
    except Exception:
        return None


def admin_losenord() -> str | None:
    """The development password, or None when none is configured or it is turned off here."""
    if not behorighet.losenord_tillatet(os.environ):
        return None
    return os.environ.get("NYCKELTAL_ADMIN_LOSENORD") or installning("admin_losenord") or None


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


def forsoksraknare() -> behorighet.Forsoksraknare:
    return behorighet.Forsoksraknare(sokvagar.databasfil().with_name("inloggningsforsok.sqlite3"))


def logga_in_med_losenord(losenord: str) -> None:
    """The development fallback: a name (the account) and the shared password."""
    st.subheader("Logga in med lösenord")
    st.caption("Reservinloggning för utveckling och test. Namnet står i importloggen.")
    with st.form("inloggning"):
        namn = st.text_input("Ditt namn (står i importloggen)", max_chars=60, key="admin_namn")
        kod = st.text_input("Lösenord", type="password", key="admin_kod")
        skicka = st.form_submit_button("Logga in", type="primary")
    if not skicka:
        return
    try:
        namn = importera.kontrollera_vem(namn)
    except DataFel as fel:
        st.error(f"Namnet: {fel.fel[0].meddelande}")
        return
    adress = behorighet.klientadress(
        st.context.headers,
        st.context.ip_address,
        bakom_proxy=os.environ.get("NYCKELTAL_BAKOM_PROXY") == "1",
    )
    utfall = forsoksraknare().forsok(
        namn,
        adress,
        lambda: hmac.compare_digest(kod.encode("utf-8"), losenord.encode("utf-8")),
    )
    if utfall is behorighet.Utfall.INLOGGAD:
        st.session_state["admin_vem"] = namn + LOSENORD_MARKERING
        st.rerun()
    time.sleep(1)  # slows down guessing from one session
    if utfall is behorighet.Utfall.SPARRAD:
        st.error(
            "För många misslyckade försök med det här namnet eller från den här adressen. "
            f"Vänta {behorighet.FONSTER_SEKUNDER // 60} minuter och försök igen."
        )
    else:
        st.error("Fel lösenord.")


def inloggad_identitet() -> str | None:
    """Who is signed in and may change the figures; shows the sign-in (or why not) and
    returns None otherwise."""
    if vem := st.session_state.get("admin_vem"):
        return vem
    oidc = installning("auth") is not None
    losenord = admin_losenord()
    if oidc and st.user.is_logged_in:
        ansprak = st.user.to_dict()
        vem = behorighet.identitet(ansprak)
        regler = behorighet.Behorighet.fran_installning(installning("behorighet"))
        if vem is not None and regler.far_andra(ansprak):
            return vem
        # the identity as plain text: it comes from outside, never as Markdown
        st.text(f"Inloggad som {vem or 'okänd användare'}.")
        st.warning(
            "Du har inte behörighet att ändra siffrorna. Behörighet ges av den som förvaltar "
            "instrumentpanelen.",
            icon="🔒",
        )
        st.button("Logga ut", key="admin_logga_ut_obehorig", on_click=st.logout)
        return None
    if oidc:
        st.subheader("Logga in")
        st.button(
            "Logga in med ditt konto i Borås Stad",
            type="primary",
            key="admin_logga_in",
            on_click=st.login,
            icon=":material/login:",
        )
    if losenord is not None:
        logga_in_med_losenord(losenord)
    if not oidc and losenord is None:
        st.info(
            "Administrationen är inte öppen på den här servern. Kontakta den som förvaltar "
            "instrumentpanelen. Att titta på de andra sidorna kräver ingen inloggning.",
            icon="🔒",
        )
    return None


def logga_ut() -> None:
    if st.session_state.pop("admin_vem", None) is None:
        st.logout()


def exempel() -> pl.DataFrame:
    return importera.exempelrader(fraga("varden_med_kalla", indikatorer=egna_indikatorer()))


st.title("Administration")
st.caption("Nya siffror in, importloggen med ångra, och kommentarer till siffrorna.")

vem = inloggad_identitet()
if vem is None:
    st.stop()

inloggad, utloggning = st.columns([4, 1], vertical_alignment="center")
inloggad.text(f"Inloggad som {vem}.")
utloggning.button("Logga ut", key="admin_logga_ut", on_click=logga_ut)
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
st.markdown(
    "Antingen en fil i mallens format, eller nämndens egen uppföljningsrapport "
    "(till exempel ”Budgetuppföljning efter oktober 2022”) som Word-fil, PDF eller text: "
    "siffrorna i rapportens tabeller, meningar och listor läses då in med rapporten som källa, "
    "och förhandsgranskningen visar också det som inte kunde tolkas."
)
uppladdning = st.session_state.setdefault("admin_uppladdning", 0)
uppladdad = st.file_uploader(
    "CSV- eller Excel-fil, eller uppföljningsrapport (Word, PDF, text), högst 2 MB",
    type=["csv", "txt", "xlsx", "xls", "docx", "pdf"],
    key=f"admin_fil_{uppladdning}",
    # The import's limit (nyckeltal.importera) and nginx's under make serve: a larger file is
    # refused in the browser before it is sent ("File must be 2.0MB or smaller", Streamlit's
    # words) instead of reaching nginx's 413, which the uploader shows as "AxiosError".
    max_upload_size=2,
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
        if granskning.kontroller:
            avvikande = sum(k.differens != 0 for k in granskning.kontroller)
            with st.expander(
                f"Avstämningar i rapporten: {len(granskning.kontroller) - avvikande} av "
                f"{len(granskning.kontroller)} stämmer",
                expanded=bool(avvikande),
            ):
                st.caption(
                    "Samma kontroller som på sidan Källor och kvalitet, gjorda på det som lästes "
                    "ur rapporten: delar mot summa, månader mot summan hittills, andelar mot "
                    "100 % och texten mot tabellerna. En dokumenterad skillnad (se "
                    "Källor och kvalitet) stoppar inte importen."
                )
                visa_tabell(avstamning.visningstabell(list(granskning.kontroller)), width="stretch")
        if granskning.ej_tolkat:
            with st.expander(
                f"Ej tolkat: {antal(len(granskning.ej_tolkat), 'rad eller mening', 'rader och meningar')} "
                "med siffror"
            ):
                st.caption(
                    "Tabellrader och meningar i rapporten som har siffror men inte blev någon rad "
                    "ovan. De läses inte in; lägg in dem med mallen om de behövs."
                )
                visa_tabell(granskning.ej_tolkat_tabell(), width="stretch")
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
