"""Accessibility in a real browser (WCAG 2.1 AA, what DOS-lagen asks of Borås Stad), checked
the way the issue's findings were made: axe-core on every page and tab, the page's language
and title, KPI cards at five widths, a phone, the keyboard, and the meeting view with a
presentation clicker's keys on a projector-sized screen.

One app server and one Chromium for the whole module (conftest: appserver, chromium)."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import navigationen

SIDOR = navigationen()
APPNAMN = "Arbetslivsnämndens nyckeltal"
AXE_TAGGAR = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
KLAR = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def vanta(sida) -> None:
    """Until the script has run (every page starts with a heading) and the page has stopped
    changing for a second. Before the first run the app also says notRunning, and Streamlit
    loads some elements' code after the script has finished (a KPI card appears about a
    second after its page), so the whole page's size must hold still."""
    sida.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    sida.wait_for_selector(KLAR, timeout=60_000)
    forra, stabil = None, 0
    for _ in range(120):
        lage = sida.evaluate(
            """() => [document.querySelector('[data-testid="stApp"]')
                        .getAttribute('data-test-script-state'),
                      document.querySelectorAll('[data-testid="stMain"] *').length,
                      [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                        .every(e => e.querySelector('.main-svg'))]"""
        )
        stabil = stabil + 1 if lage == forra and lage[0] == "notRunning" and lage[2] else 0
        if stabil >= 4:
            return
        forra = lage
        sida.wait_for_timeout(250)


def oppna(chromium, url: str, bredd: int, hojd: int):
    sida = chromium.new_page(viewport={"width": bredd, "height": hojd}, locale="sv-SE")
    sida.goto(url)
    vanta(sida)
    return sida


def flikar(sida) -> int:
    return sida.locator('[data-testid="stMain"] [role="tab"]').count()


def oppna_flik(sida, i: int) -> None:
    flik = sida.locator('[data-testid="stMain"] [role="tab"]').nth(i)
    if flik.get_attribute("aria-selected") != "true":
        flik.click()
        vanta(sida)


def oppna_utfallbara(sida) -> None:
    """Open every expander of the view (a chart's table is built when its expander opens)."""
    for _ in range(20):
        stangd = sida.locator('[data-testid="stMain"] details:not([open]) > summary')
        if stangd.count() == 0:
            return
        stangd.first.click()
        vanta(sida)


_AXE = Axe()


def axe_fel(sida) -> list[str]:
    """axe-core's serious and critical violations of WCAG 2.0/2.1 A and AA, one line each."""
    sida.evaluate(_AXE.axe_script)
    svar = sida.evaluate(
        "axe.run(document, %s)" % json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGGAR}})
    )
    return [
        f"{v['impact']} {v['id']}: {n['target']} {n['failureSummary'][:200]}"
        for v in svar["violations"]
        if v["impact"] in ("serious", "critical")
        for n in v["nodes"]
    ]


# --- axe on every page and tab, and Swedish numbers in what a user reads --------------------

# 44,923.0000, 734.0000, 44,923 (no figure here has three decimals, so a comma before three
# digits is a thousands separator) and 12,901,000.
ENGELSKA_TAL = re.compile(
    r"\d{1,3}(?:,\d{3})+\.\d|\d\.\d{3,}|(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])"
)
BINDESTRECK_FORE_TAL = re.compile(r"(?:^|[\s(:=/])-\d+")


def engelska_format(text: str) -> list[str]:
    """English number formats (44,923.0000 or 734.0000) and ASCII hyphens before figures."""
    return [m.group(0) for m in ENGELSKA_TAL.finditer(text)] + [
        m.group(0).strip() for m in BINDESTRECK_FORE_TAL.finditer(text)
    ]


def test_monstren_hittar_engelska_tal():
    # the findings of the issue, and Swedish text that must pass
    assert engelska_format("44,923.0000")
    assert engelska_format("734.0000")
    assert engelska_format("1,798 tkr och 12,901,000 kr") == ["1,798", "12,901,000"]
    assert engelska_format("förändring -86 mot") == ["-86"]
    assert engelska_format("44\u00a0923 tkr, −6\u00a0000 tkr, 3,5 %, 2022-09-30, WCAG 2.1") == []


@pytest.mark.parametrize("storlek", [(1440, 1000), (390, 844)], ids=["laptop", "mobil"])
@pytest.mark.parametrize("sida_", SIDOR, ids=[s.vag or "oversikt" for s in SIDOR])
def test_axe_och_svenska_tal_pa_varje_sida_och_flik(appserver, chromium, sida_, storlek):
    sida = oppna(chromium, f"{appserver}/{sida_.vag}", *storlek)
    try:
        fel, tal = [], []
        for i in range(max(flikar(sida), 1)):
            if flikar(sida):
                oppna_flik(sida, i)
            oppna_utfallbara(sida)
            vy = f"{sida_.titel}, flik {i + 1}"
            fel += [f"{vy}: {f}" for f in axe_fel(sida)]
            text = sida.locator('[data-testid="stMain"]').inner_text()
            tal += [f"{vy}: {t}" for t in engelska_format(text)]
        assert not fel, "\n".join(fel)
        assert not tal, "\n".join(tal)
    finally:
        sida.close()


# --- language and title ----------------------------------------------------------------------


def test_svenska_och_en_egen_titel_pa_varje_sida(appserver, chromium):
    titlar = []
    sida = chromium.new_page()
    try:
        for s in SIDOR:
            sida.goto(f"{appserver}/{s.vag}")
            vanta(sida)
            assert sida.evaluate("document.documentElement.lang") == "sv", s.vag
            sida.wait_for_function(
                "t => document.title === t", arg=f"{s.titel} – {APPNAMN}", timeout=10_000
            )
            titlar.append(sida.title())
    finally:
        sida.close()
    assert len(set(titlar)) == len(SIDOR)


# --- KPI cards: nothing cut ------------------------------------------------------------------

KLIPPT = """() => {
  const klippta = [];
  for (const kort of document.querySelectorAll('[data-testid="stMetric"]')) {
    const ram = kort.getBoundingClientRect();
    for (const e of kort.querySelectorAll('*')) {
      const s = getComputedStyle(e);
      const text = (e.innerText || '').trim();
      if (!text || s.display === 'none') continue;
      const r = e.getBoundingClientRect();
      const dold = ['hidden', 'clip'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
      const utanfor = r.right > ram.right + 1 || r.left < ram.left - 1;
      if (dold || s.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1 || utanfor)
        klippta.push(text.slice(0, 60));
    }
  }
  return klippta;
}"""
KORTSIDOR = [
    s
    for s in SIDOR
    if s.vag
    in (
        "",
        "ekonomiskt_bistand",
        "flyktingmottagning",
        "arbetsmarknad",
        "ekonomi",
        "analys",
        "kallor",
    )
]


@pytest.mark.parametrize("bredd", [390, 768, 1024, 1440, 1920])
def test_ingen_text_klipps_i_kpi_korten(appserver, chromium, bredd):
    klippta = []
    for s in KORTSIDOR:
        sida = oppna(chromium, f"{appserver}/{s.vag}", bredd, 1000)
        try:
            assert sida.locator('[data-testid="stMetric"]').count() > 0, s.vag
            klippta += [f"{s.titel}: {t}" for t in sida.evaluate(KLIPPT)]
        finally:
            sida.close()
    assert not klippta, "\n".join(klippta)


# --- a phone ---------------------------------------------------------------------------------


def test_mobil_sidan_syns_och_perioden_ar_ett_tryck_bort(appserver, chromium):
    sida = oppna(chromium, appserver, 390, 844)
    try:
        rubrik = sida.locator('[data-testid="stMain"] h1').first.bounding_box()
        assert rubrik["x"] >= 0 and rubrik["y"] < 844
        # the folded sidebar's controls are out of sight and out of the keyboard's path
        assert not sida.get_by_label("År").first.is_visible()
        sida.locator('[data-testid="stExpandSidebarButton"]').click()
        sida.get_by_text("Tertial 1", exact=True).wait_for(state="visible")
    finally:
        sida.close()


# --- the keyboard ----------------------------------------------------------------------------

FOKUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  return {
    namn: e.getAttribute('aria-label') || (e.innerText || '').trim().slice(0, 40) || e.tagName,
    synlig: r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
            && parseFloat(s.opacity) > 0.5,
    markerad: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1)
              || s.boxShadow !== 'none',
  };
}"""


def tabba(sida, antal: int) -> list[dict]:
    stopp = []
    for _ in range(antal):
        sida.keyboard.press("Tab")
        fokus = sida.evaluate(FOKUS)
        if fokus:
            stopp.append(fokus)
    return stopp


def test_tangentbordet_nar_allt_och_fokus_syns(appserver, chromium):
    sida = oppna(chromium, appserver, 1440, 1000)
    try:
        stopp = tabba(sida, 45)
        osynliga = [s["namn"] for s in stopp if not s["synlig"]]
        omarkerade = [s["namn"] for s in stopp if not s["markerad"]]
        assert not osynliga, osynliga
        assert not omarkerade, omarkerade
        namn = " | ".join(s["namn"] for s in stopp)
        # the period filter, the cards' help texts and the menu are all on the way
        assert "Hittills i år" in namn
        assert "Help for Hushåll med försörjningsstöd" in namn
        assert "Tillgänglighet" in namn
        # a card's help text opens on keyboard focus, not only under the mouse
        sida.get_by_role("button", name="Help for Hushåll med försörjningsstöd ↘").focus()
        hjalp = sida.locator('[role="tooltip"]').first
        hjalp.wait_for(state="visible")
        assert "Avser september 2022" in hjalp.inner_text()
    finally:
        sida.close()


# --- the meeting view ------------------------------------------------------------------------

BILDENS_TEXT = """() => {
  const bild = document.querySelector('.st-key-presentationsbild');
  const sma = [];
  const varv = document.createTreeWalker(bild, NodeFilter.SHOW_TEXT);
  while (varv.nextNode()) {
    const nod = varv.currentNode;
    if (!nod.textContent.trim()) continue;
    const e = nod.parentElement;
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (parseFloat(s.fontSize) < 24) sma.push(nod.textContent.trim().slice(0, 40) + ' ' + s.fontSize);
  }
  return {sma, nederkant: bild.getBoundingClientRect().bottom,
          meny: !!document.querySelector('header[data-testid="stHeader"]')?.offsetParent};
}"""


def bildnummer(sida) -> int:
    """The slide's number, from its line 'bild 3 av 17' under the heading."""
    vanta(sida)
    text = sida.locator(".st-key-presentationsbild").inner_text()
    return int(re.search(r"bild (\d+) av \d+", text).group(1))


def test_presentationen_styrs_med_klickarens_tangenter(appserver, chromium):
    sida = oppna(chromium, f"{appserver}/presentation", 1280, 720)
    try:
        rubrik = sida.locator(".st-key-presentationsbild h1").first
        forsta = rubrik.inner_text()
        sida.keyboard.press("PageDown")
        assert bildnummer(sida) == 2
        assert rubrik.inner_text() != forsta
        sida.keyboard.press("ArrowRight")
        assert bildnummer(sida) == 3
        sida.keyboard.press(" ")
        assert bildnummer(sida) == 4
        sida.keyboard.press("PageUp")
        assert bildnummer(sida) == 3
        sida.keyboard.press("ArrowLeft")
        assert bildnummer(sida) == 2
        sida.keyboard.press("End")
        sista = bildnummer(sida)
        assert sista > 10
        sida.keyboard.press("PageDown")  # no further than the last slide
        assert bildnummer(sida) == sista
        sida.keyboard.press("Home")
        assert bildnummer(sida) == 1
        assert rubrik.inner_text() == forsta
        # after a click on a button (focus stays on it) the clicker still steps
        sida.get_by_role("button", name="Nästa →").click()
        assert bildnummer(sida) == 2
        sida.keyboard.press("PageDown")
        assert bildnummer(sida) == 3
    finally:
        sida.close()


@pytest.mark.parametrize("storlek", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_varje_bild_ryms_med_stor_text_och_utan_meny(appserver, chromium, storlek):
    bredd, hojd = storlek
    sida = oppna(chromium, f"{appserver}/presentation", bredd, hojd)
    try:
        sida.keyboard.press("End")
        antal = bildnummer(sida)
        sida.keyboard.press("Home")
        assert bildnummer(sida) == 1
        problem = []
        for nummer in range(1, antal + 1):
            if nummer > 1:
                sida.keyboard.press("PageDown")
                assert bildnummer(sida) == nummer
            matt = sida.evaluate(BILDENS_TEXT)
            svg = sida.evaluate(
                """() => [...document.querySelectorAll(
                      '.st-key-presentationsbild .main-svg text')]
                    .map(t => parseFloat(getComputedStyle(t).fontSize))
                    .filter(s => s < 24)"""
            )
            if matt["sma"] or svg:
                problem.append(f"bild {nummer}: liten text {matt['sma']} {svg}")
            if matt["nederkant"] > hojd:
                problem.append(f"bild {nummer}: {matt['nederkant']:.0f} px > {hojd} px")
            if matt["meny"]:
                problem.append(f"bild {nummer}: menyn syns")
        assert not problem, "\n".join(problem)
        # the focus order: the slide's controls, nothing focusable that cannot be seen
        stopp = tabba(sida, 20)
        assert [s["namn"] for s in stopp if not s["synlig"]] == []
        assert "Första" in [s["namn"] for s in stopp]
    finally:
        sida.close()


def test_kortets_manadslinje_ar_en_bild_med_text(appserver, chromium):
    sida = oppna(chromium, appserver, 1440, 1000)
    try:
        bild = sida.locator('[data-testid="stMain"] img[alt^="Linjediagram: nettokostnad"]')
        assert bild.count() == 1
        assert "September 2022: 4\u00a0815\u00a0tkr." in bild.get_attribute("alt")
        assert bild.evaluate("e => e.complete && e.naturalWidth > 0")  # drawn, not dropped
    finally:
        sida.close()
