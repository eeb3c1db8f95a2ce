"""The presentation mode, run from dashboard.py: one area a slide, stepped with the buttons,
the slide and the period in the URL so a link opens the same view, the sidebar folded away.
Expected figures are typed from the committee's papers of 27 October 2022."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest
from test_webblasare import streamlit_server

ROT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

SIDA = "sidor/presentation.py"
NBSP = "\u00a0"


def oppna(**query) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    for nyckel, varde in query.items():
        at.query_params[nyckel] = varde
    at.run()
    return at.switch_page(SIDA).run()


def texter(at) -> str:
    delar = [*at.caption, *at.markdown, *at.info, *at.warning]
    return " ".join(d.value for d in delar).replace(NBSP, " ").replace("\\", "")


def kort(at):
    return {m.label: m.value for m in at.metric}


def test_forsta_bilden_visar_perioden_och_nyckeltalen():
    at = oppna()
    assert not at.exception
    assert at.title[0].value == "Översikt"
    assert at.pills(key="bild").value == "Översikt"
    assert at.header[0].value == "januari–september 2022 · jämfört med januari–september 2021"
    m = kort(at)
    assert m["Hushåll med försörjningsstöd ↘"] == "648"
    assert m["Mottagna flyktingar ↗"] == "102"
    assert "✅ nås i nuvarande takt: Hushåll med försörjningsstöd" in texter(at)


def test_stegning_och_bilden_i_adressen():
    at = oppna()
    at.button(key="bild_nasta").click().run()
    assert not at.exception
    assert at.title[0].value == "Ekonomiskt bistånd"
    assert at.query_params["bild"] == "Ekonomiskt bistånd"
    assert "var 648 i september 2022 jämfört med 734 i september 2021" in texter(at)
    assert len(at.get("plotly_chart")) == 2  # cost per month, households against the target
    at.button(key="bild_fore").click().run()
    at.button(key="bild_fore").click().run()
    assert at.title[0].value == "Analys och prognos"  # round the start to the end
    assert "skrivs fram till 60 488 tkr för helåret" in texter(at)


def test_lank_oppnar_bild_och_period():
    # ?period=Tertial 2&bild=Flyktingmottagning: the view a shared link opens
    at = oppna(period="Tertial 2", bild="Flyktingmottagning")
    assert not at.exception
    assert at.title[0].value == "Flyktingmottagning"
    assert at.header[0].value == "maj–augusti 2022 · jämfört med maj–augusti 2021"
    assert "Antal mottagna flyktingar för maj–augusti 2022: uppgift saknas." in texter(at)
    assert kort(at)["Mottagna flyktingar ↗"] == "uppgift saknas"


def test_periodbyte_andrar_bilden():
    at = oppna(bild="Ekonomiskt bistånd")
    assert kort(at)["Hushåll med försörjningsstöd ↘"] == "648"
    at.segmented_control(key="period").set_value("t1").run()
    assert not at.exception
    assert kort(at)["Hushåll med försörjningsstöd ↘"] == "718"  # april 2022


# --- In a browser: what AppTest cannot see ---------------------------------------------------


@pytest.fixture(scope="module")
def server(egen_databasfil):
    """The app as a user starts it, on a free port of this machine."""
    with streamlit_server(NYCKELTAL_DB=str(egen_databasfil)) as bas:
        yield bas


def vanta(sida) -> None:
    sida.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000
    )
    sida.wait_for_timeout(1500)


def test_projektorvyn_utan_sidopanel_med_stor_text(server):
    assert Path(CHROMIUM).exists(), "Debian-paketet chromium saknas (make test installerar det)"
    with sync_playwright() as p:
        webblasare = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for bredd, hojd in ((1366, 900), (820, 1180)):
                sida = webblasare.new_page(viewport={"width": bredd, "height": hojd})
                fel = []
                sida.on("pageerror", lambda e: fel.append(str(e)))
                sida.goto(f"{server}/presentation?period=Tertial+2&bild=Ekonomiskt+bist%C3%A5nd")
                vanta(sida)
                assert sida.locator('[data-testid="stException"]').count() == 0
                assert not fel
                sidopanel = sida.locator('[data-testid="stSidebar"]')
                assert sidopanel.get_attribute("data-collapsed") == "true"
                rubrik = sida.locator('[data-testid="stMain"] h2').first.inner_text()
                assert "maj–augusti 2022" in rubrik
                # the sentences in large type: at least 24 px
                storlek = sida.locator('[data-testid="stMarkdown"] h3').first.evaluate(
                    "e => parseFloat(getComputedStyle(e).fontSize)"
                )
                assert storlek >= 24
                sida.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
                assert sida.evaluate("document.documentElement.scrollWidth") <= bredd
                sida.close()
            # leaving the meeting view brings the sidebar back
            sida = webblasare.new_page(viewport={"width": 1366, "height": 900})
            sida.goto(f"{server}/presentation")
            vanta(sida)
            sida.goto(f"{server}/analys")
            vanta(sida)
            assert (
                sida.locator('[data-testid="stSidebar"]').get_attribute("data-collapsed") == "false"
            )
        finally:
            webblasare.close()
