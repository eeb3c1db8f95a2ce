"""The page Administration in Debian's Chromium, at laptop and tablet width: log in, upload a
month of figures, see the preview, import, and download the Excel template. No exception box,
no JavaScript error, nothing wider than the window. The server runs on its own database copy
with a password from the environment, as in production."""

from pathlib import Path

import fastexcel
import pytest
from conftest import BREDDER, spara_skarmbild, streamlit_server, vanta_tills_klar
from import_filer import OKTOBER, varde

from nyckeltal import bygg

LOSENORD = "webblasartest-lösenord"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    fil = bygg.bygg(tmp_path_factory.mktemp("webb") / "db" / "nyckeltal.duckdb")
    with streamlit_server(NYCKELTAL_DB=str(fil), NYCKELTAL_ADMIN_LOSENORD=LOSENORD) as bas:
        yield bas, fil


def logga_in(sida):
    sida.get_by_label("Ditt namn (står i importloggen)").fill("Anna Andersson")
    sida.get_by_label("Lösenord", exact=True).fill(LOSENORD)
    sida.get_by_role("button", name="Logga in").click()
    sida.get_by_text("Inloggad som Anna Andersson (lösenord).").wait_for(timeout=30_000)
    vanta_tills_klar(sida)


def utan_fel(sida, js_fel):
    assert sida.locator('[data-testid="stException"]').count() == 0
    assert not js_fel, js_fel
    overflow = sida.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_administrationen_i_webblasaren(server, oppna_i_webblasaren, tmp_path):
    bas, databasfil = server
    sida, js_fel = oppna_i_webblasaren(f"{bas}/admin", *BREDDER["surfplatta"])
    try:
        logga_in(sida)
        fil = tmp_path / "oktober.csv"
        fil.write_bytes(OKTOBER)
        sida.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(fil))
        knapp = sida.get_by_role("button", name="Importera 12 nya och 0 ändrade värden")
        knapp.wait_for(timeout=30_000)
        # the preview at both widths, in the same session
        for bredd_namn in ("surfplatta", "laptop"):
            bredd, hojd = BREDDER[bredd_namn]
            sida.set_viewport_size({"width": bredd, "height": hojd})
            vanta_tills_klar(sida)
            utan_fel(sida, js_fel)
            spara_skarmbild(sida, f"admin_{bredd_namn}")

        with sida.expect_download(timeout=30_000) as nedladdning:
            sida.get_by_role("button", name="Ladda ned mallen som Excel").click()
        mall = Path(nedladdning.value.path()).read_bytes()
        assert nedladdning.value.suggested_filename == "nyckeltal_import_mall.xlsx"
        assert fastexcel.read_excel(mall).sheet_names == ["Import", "Indikatorer"]

        knapp.click()
        sida.get_by_text("Import 1 är sparad").wait_for(timeout=30_000)
        vanta_tills_klar(sida)
        utan_fel(sida, js_fel)
    finally:
        sida.close()
    assert varde(databasfil, "hushall_forsorjningsstod", 2022, "manad", 10) == 655
    # the overview in a new browser page shows October at once
    oversikt, js_fel = oppna_i_webblasaren(f"{bas}/?ar=2022&manad=oktober", *BREDDER["laptop"])
    try:
        hushall = oversikt.locator('[data-testid="stMetric"]').filter(has_text="Hushåll med")
        assert "655" in hushall.inner_text()
        utan_fel(oversikt, js_fel)
    finally:
        oversikt.close()
