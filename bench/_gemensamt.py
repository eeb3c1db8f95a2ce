"""Shared by the benchmark's parts: paths, statistics, starting a server on loopback, and the
in-page code that tells when a redraw has settled.

Everything stays on 127.0.0.1; every wait has a time limit.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROT = Path(__file__).resolve().parent.parent
BENCH = ROT / "bench"


def sidor() -> dict[str, tuple[str, str]]:
    """The dashboard's pages as dashboard.py lists them: name -> (page file, URL path).

    Read from the st.Page(...) calls, so a page added there is measured without a change here.
    The URL path is Streamlit's: url_path= if given, else the file's stem; '' for the default.
    """
    import ast

    traed = ast.parse((ROT / "dashboard.py").read_text(encoding="utf-8"))
    ut: dict[str, tuple[str, str]] = {}
    for nod in ast.walk(traed):
        if not (isinstance(nod, ast.Call) and getattr(nod.func, "attr", None) == "Page"):
            continue
        if not (nod.args and isinstance(nod.args[0], ast.Constant)):
            continue
        fil = nod.args[0].value
        nyckel = {k.arg: k.value for k in nod.keywords}
        vag = Path(fil).stem
        if isinstance(nyckel.get("url_path"), ast.Constant):
            vag = nyckel["url_path"].value
        if isinstance(nyckel.get("default"), ast.Constant) and nyckel["default"].value:
            vag = ""
        ut[Path(fil).stem] = (fil, vag)
    return dict(sorted(ut.items(), key=lambda kv: kv[1][0] != "sidor/oversikt.py"))


SIDOR = sidor()
# The quick choices in the order they are clicked: each differs from the one before, so
# every click changes the period (clicking the chosen one does nothing).
SNABBVAL = ["hittills", "t1", "t2", "t3", "helar"]
ETIKETTER = {
    "hittills": "Hittills i år",
    "t1": "Tertial 1",
    "t2": "Tertial 2",
    "t3": "Tertial 3",
    "helar": "Helår",
}

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
LAPTOP = {"width": 1366, "height": 900}


# --- statistics -----------------------------------------------------------------------------


def median(varden: list[float]) -> float:
    return statistics.median(varden) if varden else float("nan")


def p95(varden: list[float]) -> float:
    """Nearest-rank 95th percentile (the largest value for fewer than 20 values)."""
    if not varden:
        return float("nan")
    ordnade = sorted(varden)
    return ordnade[max(0, -(-95 * len(ordnade) // 100) - 1)]


def tal(varde: float, decimaler: int = 1) -> str:
    """Swedish: 1 234,5."""
    if varde != varde:
        return "–"
    return f"{varde:,.{decimaler}f}".replace(",", "\u202f").replace(".", ",")


def ms(sekunder: float) -> str:
    return tal(sekunder * 1000)


def tabell(rubriker: list[str], rader: list[list[object]]) -> str:
    """A Markdown table, so a run's output can go straight into the README."""
    text = [[str(c) for c in rad] for rad in rader]
    rad = lambda celler: "| " + " | ".join(celler) + " |"  # noqa: E731
    return "\n".join(
        [rad(rubriker), rad(["---"] * len(rubriker)), *(rad(celler) for celler in text)]
    )


# --- a server on loopback -------------------------------------------------------------------


def ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def starta_server(skript: str, databas: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """`streamlit run skript` on 127.0.0.1 as tests/test_webblasare.py starts it; returns the
    process (not yet healthy) and its base URL. Its output goes to a log file beside the
    database (a pipe nobody reads would fill up and stop the server)."""
    port = ledig_port()
    miljo = dict(os.environ, NYCKELTAL_DB=str(databas), PYTHONPATH=str(ROT))
    databas.parent.mkdir(parents=True, exist_ok=True)
    logg = open(databas.parent / f"streamlit-{port}.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            skript,
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            *extra,
        ],
        cwd=ROT,
        env=miljo,
        stdout=logg,
        stderr=subprocess.STDOUT,
    )
    logg.close()
    process.logg = Path(logg.name)  # type: ignore[attr-defined]
    return process, f"http://127.0.0.1:{port}"


def logg_slut(process: subprocess.Popen, tecken: int = 2000) -> str:
    try:
        return process.logg.read_text(errors="replace")[-tecken:]  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return ""


def halsosam(bas: str, timeout: float = 1.0) -> bool:
    """Whether the server at bas (a replica, or nginx in front of them) answers its health
    check."""
    try:
        with urllib.request.urlopen(f"{bas}/_stcore/health", timeout=timeout) as svar:
            return svar.read() == b"ok"
    except OSError:
        return False


def vanta_pa_halsa(process: subprocess.Popen, bas: str, grans: float = 60.0) -> None:
    slut = time.monotonic() + grans
    while time.monotonic() < slut:
        if process.poll() is not None:
            raise RuntimeError("streamlit avslutades: " + logg_slut(process))
        if halsosam(bas):
            return
        time.sleep(0.05)
    raise RuntimeError(f"streamlit svarade inte på {bas} inom {grans:.0f} s")


def stoppa(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# --- in the page: when has a redraw settled? ------------------------------------------------

# Installed before the app's own scripts: remembers the time of the latest DOM change, whether
# the script has been seen running since the last click and when it was last seen finishing
# (what the browser knows of the server's rerun), counts messages from the server since the
# click (a busy browser can handle 'running' and 'finished' in one render, so the running state
# never shows in the DOM), and counts closed websockets.
OBSERVATOR = """
(() => {
  window.__sist = performance.now();
  window.__korde = false;
  window.__skript_klart = 0;
  window.__ws_meddelanden = 0;
  window.__ws_stangda = 0;
  const obs = new MutationObserver((poster) => {
    window.__sist = performance.now();
    for (const p of poster) {
      if (p.type === 'attributes' && p.attributeName === 'data-test-script-state') {
        const tillstand = p.target.getAttribute('data-test-script-state');
        if (tillstand === 'running') window.__korde = true;
        if (tillstand === 'notRunning') window.__skript_klart = window.__sist;
      }
    }
  });
  const start = () => obs.observe(document.documentElement,
    {subtree: true, childList: true, attributes: true, characterData: true});
  if (document.documentElement) start(); else addEventListener('DOMContentLoaded', start);
  const Original = window.WebSocket;
  window.WebSocket = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { window.__ws_meddelanden += 1; });
      this.addEventListener('close', () => { window.__ws_stangda += 1; });
    }
  };
})();
"""

# Click, with the clock started in the page right before the click: a quick choice in the
# sidebar ('period': by its label, or the one after the chosen one), or the navigation link
# whose URL path is the text ('sida': in the sidebar or the top menu, if shown).
KLICKA = """
([sort, text]) => {
  let mal;
  if (sort === 'period') {
    // the quick choice (key "period"), in the sidebar or under the slide
    const knappar = [...document.querySelectorAll('.st-key-period button[aria-checked]')];
    const vald = knappar.findIndex(e => e.getAttribute('aria-checked') === 'true');
    mal = text ? knappar.find(e => e.innerText.trim() === text)
               : knappar[(vald + 1) % knappar.length];
  } else {
    const sista = (e) => new URL(e.href).pathname.split('/').filter(Boolean).pop() || '';
    mal = [...document.querySelectorAll(
      'a[data-testid="stSidebarNavLink"], a[data-testid^="stTopNav"]')]
      .find(e => sista(e) === text);
  }
  if (!mal) return false;
  window.__korde = false;
  window.__skript_klart = 0;
  window.__ws_meddelanden = 0;
  window.__t0 = performance.now();
  window.__sist = window.__t0;
  mal.click();
  return true;
}
"""

# Settled: the script ran (seen running, or the server has answered) and finished, nothing is
# stale, every Plotly chart has its SVG, and the DOM has been quiet for `tyst` ms. The redraw
# time is the last change - the click.
KLAR = """
(tyst) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || !(window.__korde || window.__ws_meddelanden > 0)) return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const diagram = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  if (!diagram.every(e => e.querySelector('.main-svg'))) return false;
  return performance.now() - window.__sist >= tyst;
}
"""
TYST_MS = 400
FEL_I_SIDAN = """
() => document.querySelectorAll('[data-testid="stException"]').length
"""

# A page may fold the sidebar away (the presentation): open it to reach the period filter.
# Where the period filter is folded away: the sidebar on a narrow window, the expander under
# the slide in the meeting view (sidor/presentation.py has no sidebar).
OPPNA_PERIODFILTRET = """
() => {
  const knapp = document.querySelector('[data-testid="stExpandSidebarButton"]')
    || [...document.querySelectorAll('details:not([open]) > summary')]
         .find(s => s.innerText.includes('Period'));
  if (knapp) knapp.click();
  return !!knapp;
}
"""
TOPPMENYNS_AVSNITT = '[data-testid="stTopNavSection"]'

# Why a page has not settled (for the error report when it times out).
TILLSTAND = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const diagram = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  return `skript=${app ? app.getAttribute('data-test-script-state') : 'ingen app'}`
    + ` körde=${window.__korde} meddelanden=${window.__ws_meddelanden}`
    + ` inaktuella=${document.querySelectorAll('[data-stale="true"]').length}`
    + ` diagram utan svg=${diagram.filter(e => !e.querySelector('.main-svg')).length}`
    + `/${diagram.length}`
    + ` tyst=${Math.round(performance.now() - window.__sist)} ms`
    + ` snabbval=${document.querySelectorAll(
        '[data-testid="stSidebar"] [data-testid="stButtonGroup"] button[aria-checked]').length}`
    + ` sidopanel=${!!document.querySelector('[data-testid="stSidebar"]')}`;
}
"""

# After KLAR: [ms to the last change, ms to the script seen finishing or null if not seen].
MATT = """
() => [window.__sist - window.__t0,
       window.__skript_klart > window.__t0 ? window.__skript_klart - window.__t0 : null]
"""
