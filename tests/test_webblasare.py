"""Browser tests in Debian's Chromium via Playwright: what AppTest cannot see.

The app is started as a user starts it (streamlit run), every page is opened at laptop and
tablet width, and each must finish without an exception box or a JavaScript error, with every
Plotly chart drawn and nothing wider than the window. Screenshots go to skarmbilder/ (kept out
of git) for a person to look at.
"""

from pathlib import Path

import pytest
from conftest import BREDDER, navigationen, spara_skarmbild, streamlit_server, vanta_tills_klar

SIDOR = {Path(s.fil).stem: s.vag for s in navigationen()}  # every page of the menu


def rakna_diagram(sida):
    """(charts, charts drawn). A late rerun can replace charts right after the page looked
    settled, so wait and count again before calling a difference a failure."""
    for _ in range(4):
        antal = sida.locator('[data-testid="stPlotlyChart"]').count()
        # Plotly draws several .main-svg layers per chart: count charts that have one
        ritade = sida.locator('[data-testid="stPlotlyChart"]:has(.main-svg)').count()
        if antal == ritade:
            break
        vanta_tills_klar(sida)
    return antal, ritade


@pytest.mark.parametrize("bredd_namn", list(BREDDER))
@pytest.mark.parametrize("namn", list(SIDOR))
def test_sidan_ritas_utan_fel(appserver, oppna_i_webblasaren, namn, bredd_namn):
    sida, js_fel = oppna_i_webblasaren(f"{appserver}/{SIDOR[namn]}", *BREDDER[bredd_namn])
    try:
        assert sida.locator('[data-testid="stException"]').count() == 0
        assert not js_fel, js_fel
        antal, ritade = rakna_diagram(sida)
        assert antal == ritade
        # nothing overflows the window sideways
        overflow = sida.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        spara_skarmbild(sida, f"{namn}_{bredd_namn}")
    finally:
        sida.close()


def test_snabbval_i_sidopanelen_byter_period_och_url(appserver, oppna_i_webblasaren):
    sida, js_fel = oppna_i_webblasaren(appserver, *BREDDER["laptop"])
    try:
        hushall = sida.locator('[data-testid="stMetric"]').filter(has_text="Hushåll med")
        assert "648" in hushall.inner_text()
        sida.get_by_text("Tertial 1", exact=True).click()
        sida.wait_for_function("() => location.search.includes('period=')")
        vanta_tills_klar(sida)
        assert "718" in hushall.inner_text()  # april 2022
        assert "period=Tertial" in sida.url
        delad_lank = sida.url
    finally:
        sida.close()
    # the shared link opens the same view in a new browser page
    ny, _ = oppna_i_webblasaren(delad_lank, *BREDDER["laptop"])
    try:
        assert (
            "718"
            in ny.locator('[data-testid="stMetric"]').filter(has_text="Hushåll med").inner_text()
        )
    finally:
        ny.close()
    assert not js_fel, js_fel


def test_csv_nedladdning_av_ett_diagrams_siffror(appserver, oppna_i_webblasaren):
    sida, js_fel = oppna_i_webblasaren(f"{appserver}/ekonomiskt_bistand", *BREDDER["laptop"])
    try:
        sida.get_by_text("Visa siffrorna som tabell").first.click()
        knapp = sida.get_by_role("button", name="Ladda ned CSV").first
        knapp.wait_for(state="visible")
        sida.wait_for_timeout(500)  # the expander's opening animation
        with sida.expect_download(timeout=30_000) as nedladdning:
            knapp.click()
        innehall = Path(nedladdning.value.path()).read_bytes()
    finally:
        sida.close()
    assert nedladdning.value.suggested_filename.endswith(".csv")
    text = innehall.decode("utf-8-sig")  # with BOM, so Excel reads å, ä, ö right
    assert innehall.startswith(b"\xef\xbb\xbf")
    rubrik, *rader = text.strip().splitlines()
    assert ";" in rubrik
    # the monthly cost of January 2022 as the papers give it, as a raw number
    assert any("4814" in rad for rad in rader), rader[:5]
    assert not js_fel, js_fel


def test_en_nystartad_server_klarar_flera_forsta_sessioner_samtidigt(chromium, egen_databasfil):
    """Six browsers open the first six pages on a server that has just started (as after make
    serve-omstart, when every viewer of a replica reconnects at once). Plotly looks pandas up
    in sys.modules without importing it; while one session's thread was still importing
    pandas, another's chart failed with "partially initialized module 'pandas'" (found by the
    load test, bench/README.md). webbserver.py imports it before any session runs."""
    with streamlit_server(NYCKELTAL_DB=str(egen_databasfil)) as bas:
        kontexter = [chromium.new_context(locale="sv-SE") for _ in range(6)]
        try:
            sidor = [k.new_page() for k in kontexter]
            for sida, navsida in zip(sidor, navigationen()):
                sida.goto(f"{bas}/{navsida.vag}", wait_until="commit")
            for sida in sidor:
                vanta_tills_klar(sida)
            undantag = [s.locator('[data-testid="stException"]').count() for s in sidor]
            assert undantag == [0] * 6
        finally:
            for k in kontexter:
                k.close()
