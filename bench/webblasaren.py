"""In Debian's Chromium via Playwright: a period change until the page has settled with every
chart drawn, next to a one-chart page; and the cold start.

Period change: the clock starts in the page right before the click on a quick choice and stops
at the last DOM change before the page is settled (the script ran and finished, nothing stale,
every Plotly chart has its SVG, then TYST_MS without a change). The dashboard and the one-chart
app (bench/en_graf.py, the same sidebar) run as two servers; one round clicks once on each page
in a rotating order.

Cold start: from starting `streamlit run dashboard.py` to the first page settled in a new
browser context (no cached files), with the database already built (a restart) and with none
(the first start, which builds it). The browser itself is running already.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from urllib.parse import urlencode

from _gemensamt import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ETIKETTER,
    FEL_I_SIDAN,
    KLAR,
    KLICKA,
    LAPTOP,
    MATT,
    OBSERVATOR,
    OPPNA_PERIODFILTRET,
    SIDOR,
    SNABBVAL,
    TILLSTAND,
    TYST_MS,
    logg_slut,
    median,
    ms,
    p95,
    starta_server,
    stoppa,
    tabell,
    vanta_pa_halsa,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

EN_GRAF = "en graf"
MAL_GANGER = 1.5
GRANS_MS = 60_000
# Pages in tabs draw only the open tab (sidor._delat.visa_flikar); a page is measured on the
# tab it opens with, and these, the tabs with the most charts, are measured too (by URL).
FLIKVYER = {
    "ekonomiskt_bistand, Hushåll": ("ekonomiskt_bistand", "bistand_flik", "Hushåll"),
    "flyktingmottagning, Land och skolår": (
        "flyktingmottagning",
        "flykting_flik",
        "Land och skolår",
    ),
    "analys, Vad krävs för målen": ("analys", "analys_flik", "Vad krävs för målen"),
}


def _webblasare(p):
    if not Path(CHROMIUM).exists():
        raise RuntimeError("Debian-paketet chromium saknas (make webblasare installerar det)")
    return p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _oppna(webblasare, url: str):
    """A page in a new context (its own Streamlit session), loaded and settled."""
    kontext = webblasare.new_context(viewport=LAPTOP, locale="sv-SE")
    kontext.add_init_script(OBSERVATOR)
    sida = kontext.new_page()
    js_fel: list[str] = []
    sida.on("pageerror", lambda fel: js_fel.append(str(fel)))
    sida.goto(url)
    sida.wait_for_function(KLAR, arg=TYST_MS, polling=50, timeout=GRANS_MS)
    return kontext, sida, js_fel


def byt_period(sida, val: str) -> tuple[float, float | None]:
    """Click a quick choice; seconds from the click to the last change of the settled page,
    and to the moment the browser saw the script finish."""
    if not sida.evaluate(KLICKA, ["period", ETIKETTER[val]]):
        # a page that folds the period filter away: open it (not timed), then click
        sida.evaluate(OPPNA_PERIODFILTRET)
        sida.wait_for_timeout(500)
        if not sida.evaluate(KLICKA, ["period", ETIKETTER[val]]):
            raise RuntimeError(f"hittar inte snabbvalet {ETIKETTER[val]!r}")
    sida.wait_for_function(KLAR, arg=TYST_MS, polling=50, timeout=GRANS_MS)
    ritad, skript = sida.evaluate(MATT)
    return ritad / 1000, None if skript is None else skript / 1000


def mat_periodbyte(databas: Path, varv: int) -> dict:
    dashboard, bas = starta_server("webbserver.py", databas)
    en_graf, bas_en = starta_server("bench/en_graf.py", databas)
    tider: dict[str, list[float]] = {}
    skript: dict[str, list[float]] = {}
    fel: dict[str, int] = {}
    diagnos: list[str] = []
    try:
        vanta_pa_halsa(dashboard, bas)
        vanta_pa_halsa(en_graf, bas_en)
        with sync_playwright() as p:
            webblasare = _webblasare(p)
            urlar = {
                EN_GRAF: bas_en,
                **{n: f"{bas}/{vag}" for n, (_, vag) in SIDOR.items()},
                **{
                    n: f"{bas}/{SIDOR[sida][1]}?{urlencode({nyckel: flik})}"
                    for n, (sida, nyckel, flik) in FLIKVYER.items()
                },
            }
            oppna = {namn: _oppna(webblasare, url) for namn, url in urlar.items()}
            namn = list(oppna)
            tider = {n: [] for n in namn}
            skript = {n: [] for n in namn}
            for i in range(varv):
                val = SNABBVAL[(i + 1) % len(SNABBVAL)]
                for n in namn[i % len(namn) :] + namn[: i % len(namn)]:
                    try:
                        ritad, klart = byt_period(oppna[n][1], val)
                    except PlaywrightTimeout:
                        diagnos.append(
                            f"{n}, {ETIKETTER[val]}: ej klar inom "
                            f"{GRANS_MS // 1000} s; {oppna[n][1].evaluate(TILLSTAND)}"
                        )
                        continue
                    tider[n].append(ritad)
                    if klart is not None:
                        skript[n].append(klart)
            for n, (kontext, sida, js_fel) in oppna.items():
                fel[n] = (
                    sida.evaluate(FEL_I_SIDAN)
                    + len(js_fel)
                    + sum(d.startswith(f"{n},") for d in diagnos)
                )
                kontext.close()
            webblasare.close()
    finally:
        serverlogg = logg_slut(dashboard, 1500) if diagnos else ""
        stoppa(dashboard)
        stoppa(en_graf)
    return {
        "tider": tider,
        "skript": skript,
        "fel": fel,
        "diagnos": diagnos,
        "serverlogg": serverlogg,
    }


def rapport_periodbyte(resultat: dict) -> tuple[str, bool]:
    tider, fel = resultat["tider"], resultat["fel"]
    bas = median(tider[EN_GRAF])
    rader, alla_ok = [], True
    for namn, t in tider.items():
        kvot = median(t) / bas
        ok = namn == EN_GRAF or kvot <= MAL_GANGER
        alla_ok &= ok and not fel[namn]
        rader.append(
            [
                namn,
                ms(median(t)),
                ms(p95(t)),
                f"{kvot:.2f}".replace(".", ","),
                ms(median(resultat["skript"][namn])),
                fel[namn],
                "" if namn == EN_GRAF else ("ja" if ok else "**nej**"),
            ]
        )
    text = tabell(
        [
            "sida",
            "periodbyte median (ms)",
            "p95 (ms)",
            "× en graf",
            "skriptet klart median (ms)",
            "fel",
            f"≤ {str(MAL_GANGER).replace('.', ',')}×",
        ],
        rader,
    )
    text += (
        f"\n\n{len(tider[EN_GRAF])} periodbyten per sida, 1366×900. Skriptet klart: när "
        "webbläsaren såg serverns omkörning bli klar; resten är ritandet."
    )
    for rad in resultat["diagnos"]:
        text += f"\n- {rad}"
    if resultat["serverlogg"]:
        text += "\n\nServerns logg (slutet):\n\n```\n" + resultat["serverlogg"] + "\n```"
    return text, alla_ok


def mat_kallstart(tmp: Path, ganger: int) -> dict:
    from nyckeltal import bygg

    byggd = tmp / "kallstart.duckdb"
    bygg.sakerstall(byggd)
    varianter = {"databasen finns": byggd, "databasen byggs": tmp / "ny" / "nyckeltal.duckdb"}
    tider: dict[str, dict[str, list[float]]] = {}
    with sync_playwright() as p:
        webblasare = _webblasare(p)
        for i in range(ganger):
            for variant, databas in varianter.items():
                if variant == "databasen byggs":
                    shutil.rmtree(databas.parent, ignore_errors=True)
                start = time.perf_counter()
                process, bas = starta_server("webbserver.py", databas)
                try:
                    vanta_pa_halsa(process, bas)
                    halsa = time.perf_counter() - start
                    oppnad = time.perf_counter() - start
                    kontext, sida, _ = _oppna(webblasare, bas)
                    # __sist counts from the page's own start (its time origin), just after goto
                    ritad = oppnad + sida.evaluate("window.__sist") / 1000
                    kontext.close()
                finally:
                    stoppa(process)
                post = tider.setdefault(variant, {"svarar": [], "ritad": []})
                post["svarar"].append(halsa)
                post["ritad"].append(ritad)
        webblasare.close()
    return tider


def rapport_kallstart(resultat: dict) -> str:
    rader = [
        [variant, ms(median(t["svarar"])), ms(median(t["ritad"])), ms(max(t["ritad"]))]
        for variant, t in resultat.items()
    ]
    n = len(next(iter(resultat.values()))["ritad"])
    return (
        tabell(
            ["start", "servern svarar (ms)", "första sidan ritad median (ms)", "max (ms)"], rader
        )
        + f"\n\n{n} starter per variant; första sidan är Översikt."
    )
