"""The page Administration, from dashboard.py: closed without a password, login, upload with
errors and preview, and the end-to-end path: import a month of new figures, see them on the
pages without a restart, comment, undo, see them gone."""

import pytest
from import_filer import OKTOBER, RATTELSE, csv_fil, innehall, rad
from streamlit.testing.v1 import AppTest

from nyckeltal import bygg

TIMEOUT = 60
LOSENORD = "testlösenord-för-admin"


@pytest.fixture
def fil(tmp_path, monkeypatch):
    """Each test gets its own database file; the session's database is never written."""
    databas = bygg.bygg(tmp_path / "db" / "nyckeltal.duckdb")
    monkeypatch.setenv("NYCKELTAL_DB", str(databas))
    monkeypatch.delenv("NYCKELTAL_ADMIN_LOSENORD", raising=False)
    return databas


def sida(**query):
    at = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    for nyckel, varde in query.items():
        at.query_params[nyckel] = varde
    return at.run()


def admin(losenord_i_secrets=False):
    at = sida()
    if losenord_i_secrets:
        at.secrets["admin_losenord"] = LOSENORD
    return at.switch_page("sidor/admin.py").run()


def logga_in(at, namn="Anna Andersson", losenord=LOSENORD):
    at.text_input(key="admin_namn").input(namn)
    at.text_input(key="admin_kod").input(losenord)
    return at.button[0].click().run()


def ladda_upp(at, innehall, namn="oktober.csv"):
    at.file_uploader[0].set_value((namn, innehall, "text/csv"))
    return at.run()


def kort(at):
    return {m.label: m.value for m in at.metric}


def test_utan_losenord_ar_sidan_stangd_och_forklarar_hur_den_oppnas(fil):
    at = admin()
    assert not at.exception
    text = at.info[0].value
    assert "inget lösenord är inställt" in text and "NYCKELTAL_ADMIN_LOSENORD" in text
    assert "secrets.toml" in text
    assert not at.file_uploader and not at.text_input and not at.button


def test_fel_losenord_slapper_inte_in(fil, monkeypatch):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    at = logga_in(admin(), losenord="fel")
    assert not at.exception
    assert at.error[0].value == "Fel lösenord."
    assert not at.file_uploader


def test_losenord_fran_streamlits_secrets(fil):
    at = logga_in(admin(losenord_i_secrets=True))
    assert not at.exception
    assert at.text[0].value == "Inloggad som Anna Andersson."
    assert at.file_uploader


def test_felaktig_fil_visar_fel_med_rad_och_kolumn_och_inget_sparas(fil, monkeypatch):
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


def test_import_syns_pa_sidorna_utan_omstart_och_forsvinner_med_angra(fil, monkeypatch):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    # a viewer has October 2022 open before anything is imported
    oversikt = sida(ar="2022", manad="oktober")
    assert kort(oversikt)["Hushåll med försörjningsstöd ↘"] == "uppgift saknas"
    assert kort(oversikt)["Mottagna flyktingar ↗"] == "uppgift saknas"

    at = ladda_upp(logga_in(admin()), OKTOBER)
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
        [1, "Anna Andersson", "oktober.csv", "i kraft"]
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
    bistand = sida(ar="2022", manad="oktober").switch_page("sidor/ekonomiskt_bistand.py").run()
    assert not bistand.exception
    spec = " ".join(d.proto.spec for d in bistand.get("plotly_chart"))
    assert "5012" in spec
    # and the sources page counts the new document
    kallor = sida().switch_page("sidor/kallor.py").run()
    assert kort(kallor)["Källdokument"] == "11"

    # a comment on October is shown under the cards of the overview
    at.selectbox(key="kommentar_indikator").set_value("hushall_forsorjningsstod")
    at.selectbox(key="kommentar_ar").set_value(2022)
    at.selectbox(key="kommentar_manad").set_value(10)
    at.text_area(key="kommentar_text").input("Färre nya ärenden i oktober.")
    at = at.button(key="FormSubmitter:kommentar-Spara kommentaren").click().run()
    assert not at.exception
    assert at.success[0].value == "Kommentaren för oktober 2022 är sparad."
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


def test_rattelse_visar_gammalt_och_nytt_varde(fil, monkeypatch):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    at = ladda_upp(logga_in(admin()), RATTELSE, "rattelse.csv")
    assert not at.exception
    assert [m.value for m in at.metric] == ["0", "1", "0"]
    assert at.dataframe[0].value["Värde (gammalt → nytt)"].tolist() == ["648 → 650"]


def test_en_annan_import_som_pagar_ger_ett_tydligt_meddelande(fil, monkeypatch):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    at = ladda_upp(logga_in(admin()), OKTOBER)
    fore = innehall(fil)
    with bygg.skrivlas(fil.parent):
        at = at.button(key="admin_importera").click().run()
    assert not at.exception
    assert at.warning[0].value.startswith("En annan import pågår")
    assert innehall(fil) == fore


def test_mallarna_kan_laddas_ned(fil, monkeypatch):
    monkeypatch.setenv("NYCKELTAL_ADMIN_LOSENORD", LOSENORD)
    at = logga_in(admin())
    knappar = {k.proto.label: k for k in at.get("download_button")}
    assert {"Ladda ned mallen som CSV", "Ladda ned mallen som Excel"} <= set(knappar)
