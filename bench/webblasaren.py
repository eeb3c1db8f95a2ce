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
    tal,
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


# --- the first visit: directly to one server and through nginx -------------------------------

BESOK = ("kall", "varm")
# Loopback has no bandwidth limit, so compression cannot show in the time there; the same
# visits are also made over a network Chromium simulates (CDP Network.emulateNetworkConditions,
# applied to the bytes as they come over the wire): an ordinary office or home connection.
NAT = {
    "loopback": None,
    "20 Mbit/s, 20 ms": {
        "latency": 20,
        "downloadThroughput": 20e6 / 8,
        "uploadThroughput": 5e6 / 8,
    },
}


def _besok(kontext, url: str, nat: dict | None) -> dict:
    """One visit in a new page of the context: seconds from the navigation's start to the first
    page settled, and what went over HTTP (Chromium's own count over CDP: encoded bytes
    including headers, requests, requests answered from the browser's cache). The websocket's
    frames are not HTTP and not counted."""
    sida = kontext.new_page()
    cdp = kontext.new_cdp_session(sida)
    natet = {"byte": 0, "anrop": 0}
    ur_cachen: set[str] = set()

    def klar(h: dict) -> None:
        natet["byte"] += h.get("encodedDataLength", 0)

    def skickat(_h: dict) -> None:
        natet["anrop"] += 1

    def svar(h: dict) -> None:
        if h["response"].get("fromDiskCache") or h["response"].get("fromPrefetchCache"):
            ur_cachen.add(h["requestId"])

    cdp.on("Network.loadingFinished", klar)
    cdp.on("Network.requestWillBeSent", skickat)
    cdp.on("Network.responseReceived", svar)
    cdp.on("Network.requestServedFromCache", lambda h: ur_cachen.add(h["requestId"]))
    cdp.send("Network.enable")
    if nat:
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **nat})
    js_fel: list[str] = []
    sida.on("pageerror", lambda fel: js_fel.append(str(fel)))
    sida.goto(url)
    sida.wait_for_function(KLAR, arg=TYST_MS, polling=50, timeout=GRANS_MS)
    # __sist counts from the page's time origin, the start of its navigation
    ut = {
        "ritad": sida.evaluate("window.__sist") / 1000,
        **natet,
        "ur_cachen": len(ur_cachen),
        "fel": len(js_fel) + sida.evaluate(FEL_I_SIDAN),
    }
    cdp.detach()
    sida.close()
    return ut


def mat_forsta_besok(databas: Path, tmp: Path, ganger: int) -> dict:
    """A fresh browser context (empty cache, no cookies) to the first page drawn, then a new
    page in the same context (the cache kept: a second visit), directly to one
    `streamlit run webbserver.py` as `make run` starts it and through nginx to `make serve`'s
    stack (drift.serve, two replicas), on loopback and on a simulated network. Each server is
    warmed up first (each replica directly), so the figures are the network and the browser,
    not the first build of the pages' caches. The two routes alternate which goes first."""
    import driften

    saknas = driften.saknas()
    process, bas = starta_server("webbserver.py", databas)
    drift = None
    resultat: dict[str, dict[str, dict[str, list[dict]]]] = {}
    try:
        vanta_pa_halsa(process, bas)
        vagar = {"direkt (make run)": bas}
        if not saknas:
            drift = driften.Drift(databas, tmp / "drift-besok", 2)
            drift.__enter__()
            vagar["nginx (make serve)"] = drift.bas
        with sync_playwright() as p:
            webblasare = _webblasare(p)
            for url in [bas, *(r.bas for r in (drift.repliker if drift else []))]:
                kontext, _, _ = _oppna(webblasare, url)  # warm-up, not measured
                kontext.close()
            namn = list(vagar)
            for i in range(ganger):
                for nat, villkor in NAT.items():
                    for variant in namn if i % 2 == 0 else namn[::-1]:
                        kontext = webblasare.new_context(viewport=LAPTOP, locale="sv-SE")
                        kontext.add_init_script(OBSERVATOR)
                        post = resultat.setdefault(variant, {}).setdefault(
                            nat, {b: [] for b in BESOK}
                        )
                        for besok in BESOK:
                            post[besok].append(_besok(kontext, vagar[variant], villkor))
                        kontext.close()
            webblasare.close()
    finally:
        stoppa(process)
        if drift is not None:
            drift.stoppa()
    return {"saknas": saknas, "vagar": resultat}


def rapport_forsta_besok(resultat: dict) -> str:
    kb = lambda b: tal(b / 1000, 0)  # noqa: E731
    rader = []
    n = 0
    for variant, natverk in resultat["vagar"].items():
        for nat, besok in natverk.items():
            for namn, matt in besok.items():
                n = len(matt)
                rader.append(
                    [
                        variant,
                        nat,
                        "första (tom cache)" if namn == "kall" else "andra (cachen kvar)",
                        ms(median([m["ritad"] for m in matt])),
                        ms(max(m["ritad"] for m in matt)),
                        kb(median([m["byte"] for m in matt])),
                        f"{round(median([m['anrop'] for m in matt]))} "
                        f"({round(median([m['ur_cachen'] for m in matt]))})",
                        sum(m["fel"] for m in matt),
                    ]
                )
    text = tabell(
        [
            "väg",
            "nät",
            "besök",
            "första sidan ritad median (ms)",
            "max (ms)",
            "överfört HTTP (kB)",
            "anrop (ur cachen)",
            "fel",
        ],
        rader,
    )
    text += (
        f"\n\n{n} besök per rad: en ny webbläsarkontext (tom cache, inga kakor), sedan en ny "
        "flik i samma kontext. Tiden från navigeringens start till Översikten ritad; bytes som "
        "Chromium räknar dem (som de kom över nätet, med rubriker; websocketen inte "
        "medräknad). "
        "Servrarna är uppvärmda. Nätet simuleras i Chromium (CDP "
        "Network.emulateNetworkConditions: nedladdning, uppladdning 5 Mbit/s och fördröjning "
        "per anrop)."
    )
    if resultat["saknas"]:
        text += f" Genom nginx gick inte att mäta: {resultat['saknas']}."
    return text
