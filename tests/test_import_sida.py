"""The page Administration, from dashboard.py: closed without a sign-in configured, sign-in
with the identity provider (st.user as AppTest seeds it; the real provider signs in through
a browser in tests/test_drift.py) and who may change the figures, the development password
and its server-side limits, upload with errors and preview, and the end-to-end path: import
a month of new figures, see them on the pages without a restart, comment, undo, see them
gone, with the verified identity in the log and on the comment."""

import pytest
from import_filer import OKTOBER, RATTELSE, SEED, csv_fil, innehall, rad

from nyckeltal import bygg

LOSENORD = "testlösenord-för-admin"


@pytest.fixture
def fil(tmp_path, monkeypatch):
    """Each test gets its own database file; the session's database is never written."""
    databas = bygg.bygg(tmp_path / "db" / "nyckeltal.duckdb")
    monkeypatch.setenv("NYCKELTAL_DB", str(databas))
    monkeypatch.delenv("NYCKELTAL_ADMIN_LOSENORD", raising=False)
    return databas


# What .streamlit/secrets.toml holds in production (README "Drift"); the provider is never
# contacted in AppTest, where st.user is what the test seeds.
AUTH = {
    "redirect_uri": "http://127.0.0.1:8080/oauth2callback",
    "cookie_secret": "test-kakhemlighet",
    "client_id": "nyckeltal",
    "client_secret": "test-klienthemlighet",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
BEHORIGHET = {"epost": ["Anna.Andersson@boras.se"], "grupper": ["nyckeltal-redaktorer"]}


@pytest.fixture
def admin(oppna_sida):
    """A function (losenord_i_secrets=False, anvandare=None) -> the Administration page; with
    anvandare (ID-token claims) signed in through the identity provider, with the sign-in and
    access settings of production."""

    def oppna_admin(losenord_i_secrets=False, anvandare=None):
        at = oppna_sida()
        if losenord_i_secrets:
            at.secrets["admin_losenord"] = LOSENORD
        if anvandare is not None:
            at.secrets["auth"] = AUTH
            at.secrets["behorighet"] = BEHORIGHET
            at.user = anvandare
        return at.switch_page("sidor/admin.py").run()

    return oppna_admin


ANNA = {
    "is_logged_in": True,
    "email": "anna.andersson@boras.se",
    "email_verified": True,
    "name": "Anna Andersson",
}


def logga_in(at, namn="Anna Andersson", losenord=LOSENORD):
    at.text_input(key="admin_namn").input(namn)
    at.text_input(key="admin_kod").input(losenord)
    return at.button[0].click().run()


def ladda_upp(at, innehall, namn="oktober.csv"):
    at.file_uploader[0].set_value((namn, innehall, "text/csv"))
    return at.run()


def kort(at):
    return {m.label: m.value for m in at.metric}


def test_utan_inloggning_installd_ar_sidan_stangd_och_visar_inte_serverns_installningar(fil, admin):
    at = admin()
    assert not at.exception
    text = at.info[0].value
    assert "inte öppen på den här servern" in text
    # how the server is configured is for its administrators (README), not for any visitor
    for hemligt in ("NYCKELTAL_ADMIN_LOSENORD", "secrets.toml", "miljövariabel"):
        assert hemligt not in text
    assert not at.file_uploader and not at.text_input and not at.button


def test_med_identitetsleverantor_loggar_man_in_med_kommunens_konto(fil, admin):
    at = admin(anvandare={"is_logged_in": False})
    assert not at.exception
    assert at.button(key="admin_logga_in").label == "Logga in med ditt konto i Borås Stad"
    assert not at.file_uploader and not at.text_input


def test_inloggad_med_behorighet_genom_e_post_far_andra(fil, admin):
    at = admin(anvandare=ANNA)
    assert not at.exception
    # the address as the provider signed it; the list matches regardless of case
    assert at.text[0].value == "Inloggad som anna.andersson@boras.se."
    assert at.file_uploader


def test_inloggad_med_behorighet_genom_grupp_far_andra(fil, admin):
    bo = {"is_logged_in": True, "preferred_username": "bo.berg@boras.se"}
    at = admin(anvandare={**bo, "groups": ["alla-anstallda", "nyckeltal-redaktorer"]})
    assert at.text[0].value == "Inloggad som bo.berg@boras.se."
    assert at.file_uploader


def test_inloggad_utan_behorighet_far_inte_andra(fil, admin):
    for okand, visas_som in (
        (
            {"is_logged_in": True, "email": "okand@boras.se", "groups": ["alla-anstallda"]},
            "okand@boras.se",
        ),
        # an address on the list that the provider does not vouch for
        (
            {"is_logged_in": True, "email": "anna.andersson@boras.se", "email_verified": False},
            "okänd användare",
        ),
    ):
        at = admin(anvandare=okand)
        assert not at.exception
        assert at.text[0].value == f"Inloggad som {visas_som}."
        assert "har inte behörighet att ändra siffrorna" in at.warning[0].value
        assert not at.file_uploader and not at.text_input
        assert at.button(key="admin_logga_ut_obehorig").label == "Logga ut"


def test_losenordet_ar_avstangt_i_drift_om_det_inte_slas_pa(fil, monkeypatch, admin):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    monkeypatch.setenv("NYCKELTAL_DRIFT", "1")
    at = admin()
    assert not at.text_input and "inte öppen" in at.info[0].value
    monkeypatch.setenv("NYCKELTAL_TILLAT_LOSENORD", "1")
    at = logga_in(admin())
    assert at.text[0].value == "Inloggad som Anna Andersson (lösenord)."


def test_misslyckade_forsok_raknas_pa_servern_och_overlever_en_ny_session(fil, monkeypatch, admin):
    """Five wrong passwords for one name pause that name; a reload (a new session) does not
    start the count again, and the right password is refused until the pause is over."""
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    monkeypatch.setattr("time.sleep", lambda _: None)
    at = admin()
    for _ in range(5):
        at = logga_in(at, losenord="fel")
        assert at.error[0].value == "Fel lösenord."
    ny_session = logga_in(admin())
    assert "För många misslyckade försök" in ny_session.error[0].value
    assert not ny_session.file_uploader
    # another name from the same address is not paused by the first name's failures
    assert logga_in(admin(), namn="Bo Berg").text[0].value == "Inloggad som Bo Berg (lösenord)."


def test_fel_losenord_slapper_inte_in(fil, monkeypatch, admin):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    at = logga_in(admin(), losenord="fel")
    assert not at.exception
    assert at.error[0].value == "Fel lösenord."
    assert not at.file_uploader


def test_losenord_fran_streamlits_secrets(fil, admin):
    at = logga_in(admin(losenord_i_secrets=True))
    assert not at.exception
    assert at.text[0].value == "Inloggad som Anna Andersson (lösenord)."
    assert at.file_uploader


def test_felaktig_fil_visar_fel_med_rad_och_kolumn_och_inget_sparas(fil, monkeypatch, admin):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    fore = innehall(fil)
    at = ladda_upp(logga_in(admin()), csv_fil(rad(varde="-5"), rad(manad="13")), "fel.csv")
    assert not at.exception
    assert "Filen kan inte läsas in: 2 fel; inget har sparats." in at.error[0].value
    fel = at.dataframe[0].value
    assert fel["Rad"].tolist() == [2, 3]
    assert fel["Kolumn"].tolist() == ["varde", "manad"]
    assert "negativt" in fel["Meddelande"][0]
    assert not [b for b in at.button if b.key == "admin_importera"]
    assert innehall(fil) == fore


def test_import_syns_pa_sidorna_utan_omstart_och_forsvinner_med_angra(fil, admin, oppna_sida):
    # a viewer has October 2022 open before anything is imported
    oversikt = oppna_sida(ar="2022", manad="oktober")
    assert kort(oversikt)["Hushåll med försörjningsstöd ↘"] == "uppgift saknas"
    assert kort(oversikt)["Mottagna flyktingar ↗"] == "uppgift saknas"

    at = ladda_upp(admin(anvandare=ANNA), OKTOBER)
    assert not at.exception
    assert [m.value for m in at.metric] == ["12", "0", "0"]  # nya, ändrade, oförändrade
    forhand = at.dataframe[0].value
    assert forhand["Ändring"].tolist() == ["ny"] * 12
    assert "655" in forhand["Värde (gammalt → nytt)"].tolist()
    knapp = at.button(key="admin_importera")
    assert knapp.label == "Importera 12 nya och 0 ändrade värden"
    at = knapp.click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Import 1 är sparad: 12 nya och 0 ändrade värden.")
    logg = at.dataframe[0].value
    assert logg[["Import", "Vem", "Fil", "Status"]].values.tolist() == [
        [1, "anna.andersson@boras.se", "oktober.csv", "i kraft"]
    ]

    # the same viewer, same session, next run: the new month is there
    oversikt.run()
    assert not oversikt.exception
    m = kort(oversikt)
    assert m["Hushåll med försörjningsstöd ↘"] == "655"
    assert m["Mottagna flyktingar ↗"] == "110"
    # January–October 2022: 44 923 + 5 012 tkr, the imported cumulative figure
    assert m["Nettokostnad ekonomiskt bistånd ↘"] == "49\u00a0935\u00a0tkr"
    # another page: the monthly cost chart of Ekonomiskt bistånd has October's 5 012 tkr
    bistand = oppna_sida("sidor/ekonomiskt_bistand.py", ar="2022", manad="oktober")
    assert not bistand.exception
    spec = " ".join(d.proto.spec for d in bistand.get("plotly_chart"))
    assert "5012" in spec
    # and the sources page counts the new document
    kallor = oppna_sida("sidor/kallor.py")
    assert kort(kallor)["Källdokument"] == "11"

    # a comment on October is shown under the cards of the overview
    at.selectbox(key="kommentar_indikator").set_value("hushall_forsorjningsstod")
    at.selectbox(key="kommentar_ar").set_value(2022)
    at.selectbox(key="kommentar_manad").set_value(10)
    at.text_area(key="kommentar_text").input("Färre nya ärenden i oktober.")
    at = at.button(key="FormSubmitter:kommentar-Spara kommentaren").click().run()
    assert not at.exception
    assert at.success[0].value == "Kommentaren för oktober 2022 är sparad."
    assert at.dataframe[-1].value["Vem"].tolist() == ["anna.andersson@boras.se"]
    oversikt.run()
    assert "Färre nya ärenden i oktober." in [t.value for t in oversikt.text]
    assert any(
        "Kommentar: Hushåll med försörjningsstöd, oktober 2022" in c.value for c in oversikt.caption
    )

    # undo needs the confirmation first
    assert at.button(key="admin_angra").disabled
    at.checkbox(key="admin_bekrafta_angra_1").check().run()
    at = at.button(key="admin_angra").click().run()
    assert not at.exception
    assert at.success[0].value == "Import 1 är ångrad."
    oversikt.run()
    assert kort(oversikt)["Hushåll med försörjningsstöd ↘"] == "uppgift saknas"
    assert kort(oversikt)["Mottagna flyktingar ↗"] == "uppgift saknas"


def test_rattelse_visar_gammalt_och_nytt_varde(fil, monkeypatch, admin):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    at = ladda_upp(logga_in(admin()), RATTELSE, "rattelse.csv")
    assert not at.exception
    assert [m.value for m in at.metric] == ["0", "1", "0"]
    assert at.dataframe[0].value["Värde (gammalt → nytt)"].tolist() == ["648 → 650"]


def test_en_annan_import_som_pagar_ger_ett_tydligt_meddelande(fil, monkeypatch, admin):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    at = ladda_upp(logga_in(admin()), OKTOBER)
    fore = innehall(fil)
    with bygg.skrivlas(fil.parent):
        at = at.button(key="admin_importera").click().run()
    assert not at.exception
    assert at.warning[0].value.startswith("En annan import pågår")
    assert innehall(fil) == fore


def test_mallarna_kan_laddas_ned(fil, monkeypatch, admin):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    at = logga_in(admin())
    knappar = {k.proto.label: k for k in at.get("download_button")}
    assert {"Ladda ned mallen som CSV", "Ladda ned mallen som Excel"} <= set(knappar)


def test_uppfoljningsrapporten_forhandsgranskas_med_avstamningar_och_det_som_inte_tolkats(
    fil, monkeypatch, admin
):
    """The committee's own report as the upload: nothing in it is new (data/ was typed from
    it), the documented disagreements show as on Källor och kvalitet, and the sentences with
    figures that became no row are listed."""
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    at = ladda_upp(logga_in(admin()), SEED.read_bytes(), "kallelse_2022_10_27.txt")
    assert not at.exception
    assert not at.error
    assert kort(at)["Nya värden"] == "0"
    rubriker = [e.label for e in at.expander]
    avstamningar = next(r for r in rubriker if r.startswith("Avstämningar i rapporten:"))
    assert next(r for r in rubriker if r.startswith("Ej tolkat:"))
    tabeller = {tuple(d.value.columns): d.value for d in at.dataframe}
    kontroller = tabeller[("Kontroll", "Angivet", "Beräknat", "Differens", "Status", "Förklaring")]
    dokumenterade = kontroller[kontroller["Status"] == "ℹ️ Dokumenterad skillnad"]
    # the three disagreements of data/kallkonflikter.csv that have figures on both sides
    assert len(dokumenterade) == 3
    assert (kontroller["Status"] == "⚠️ Stämmer inte").sum() == 0
    assert f"{len(kontroller) - 3} av {len(kontroller)} stämmer" in avstamningar
    assert "−6\u00a0500\u00a0tkr" in dokumenterade["Beräknat"].tolist()
    ej = tabeller[("Avsnitt", "Text", "Varför")]
    assert (
        "Verksamheten beräknas göra ett plus med 1 000 tkr beroende på ej tillsatta tjänster "
        "under året." in ej["Text"].tolist()
    )
