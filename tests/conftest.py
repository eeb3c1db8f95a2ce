"""Shared fixtures: a database built from the real data/ (the seeded database), a scratch
copy of data/ for tests that break the input on purpose, the app opened in AppTest from
dashboard.py, and the app in a real browser."""

import ast
import contextlib
import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest
from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from nyckeltal import bygg, sokvagar
from nyckeltal.db import Databas

ROT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def egen_databasfil(tmp_path_factory):
    """Tests never touch the developer's db/: the app under test builds its own file."""
    fil = tmp_path_factory.mktemp("db") / "nyckeltal.duckdb"
    gammal = os.environ.get("NYCKELTAL_DB")
    os.environ["NYCKELTAL_DB"] = str(fil)
    yield fil
    if gammal is None:
        os.environ.pop("NYCKELTAL_DB", None)
    else:
        os.environ["NYCKELTAL_DB"] = gammal


@pytest.fixture(scope="session")
def db(egen_databasfil) -> Databas:
    databas = Databas(bygg.sakerstall(egen_databasfil))
    yield databas
    databas.stang()


@pytest.fixture(scope="session")
def seeddatabas(tmp_path_factory) -> Path:
    """A database built from data/ once, for tests that write: each gets a copy (dbkopia)."""
    return bygg.bygg(tmp_path_factory.mktemp("grund") / "nyckeltal.duckdb")


@pytest.fixture
def dbkopia(seeddatabas, tmp_path) -> Path:
    """A fresh copy of the seeded database in its own db/ directory (backups go beside it)."""
    kopia = tmp_path / "db" / "nyckeltal.duckdb"
    kopia.parent.mkdir()
    shutil.copyfile(seeddatabas, kopia)
    return kopia


@pytest.fixture
def datakopia(tmp_path) -> Path:
    """A copy of data/ to change; build from it with bygg.bygg(mal, data=datakopia)."""
    kopia = tmp_path / "data"
    shutil.copytree(sokvagar.DATA, kopia)
    return kopia


@pytest.fixture
def kommentarer() -> pl.DataFrame:
    """Two saved comments, shaped like kommentarer_alla: what staff write on the page
    Administration (the seeded database has none)."""
    return pl.DataFrame(
        {
            "indikator_id": ["hushall_forsorjningsstod", "mottagna_flyktingar"],
            "namn": ["Hushåll med försörjningsstöd", "Mottagna flyktingar"],
            "ar": [2022, 2022],
            "manad": [9, 8],
            "text": ["Färre hushåll efter *sommarens* insatser.", "Två familjer flyttade."],
            "vem": ["Anna", "Bo"],
            "nar": [dt.datetime(2022, 10, 20, 9, 0), dt.datetime(2022, 10, 21, 9, 0)],
        },
        schema={
            "indikator_id": pl.String,
            "namn": pl.String,
            "ar": pl.Int32,
            "manad": pl.Int32,
            "text": pl.String,
            "vem": pl.String,
            "nar": pl.Datetime("us"),
        },
    )


# --- The app in AppTest -----------------------------------------------------------------------

# A ceiling, not a wait: the slowest run builds the report (PDF and Word with chart images).
APPTEST_TIMEOUT = 120


@pytest.fixture(scope="session")
def oppna_sida():
    """A function (sidfil=None, /, **query) -> AppTest: dashboard.py run as a user's browser
    opens it, with the query parameters a link would carry (?ar=2022&period=Tertial 2), then
    switched to the page sidfil (sidor/x.py) when one is given. The app reads NYCKELTAL_DB
    when it runs, so a test's monkeypatched database holds."""

    def oppna(sidfil: str | None = None, /, **query: str) -> AppTest:
        at = AppTest.from_file(str(ROT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
        for nyckel, varde in query.items():
            at.query_params[nyckel] = varde
        at.run()
        return at.switch_page(sidfil).run() if sidfil else at

    return oppna


def oppna_tabellerna(at):
    """Open every chart's table in an AppTest (they are built only while open) and rerun."""
    for nyckel in [k for k in at.session_state.keys() if str(k).startswith("tabell_")]:
        at.session_state[nyckel] = True
    return at.run()


def flikinnehall(at, nyckel: str) -> tuple[list, str]:
    """A page whose sections are tabs (sidor._delat.visa_flikar, only the open tab is built):
    (every tab's Plotly chart elements, every tab's caption/markdown/info/warning text), each
    tab opened in turn, ending on the first. Kept on the AppTest until it runs again."""
    sparat = getattr(at, "_flikinnehall", None)
    if sparat and sparat[0] is at._tree and sparat[1] == nyckel:
        return sparat[2]
    etiketter = [t.label for t in at.tabs]
    diagram, texter = [], []
    for etikett in etiketter:
        at.session_state[nyckel] = etikett
        at.run()
        assert not at.exception, (etikett, at.exception)
        diagram.extend(at.get("plotly_chart"))
        texter.extend(d.value for d in [*at.caption, *at.markdown, *at.info, *at.warning])
    at.session_state[nyckel] = etiketter[0]
    at.run()
    innehall = (diagram, " ".join(texter))
    at._flikinnehall = (at._tree, nyckel, innehall)
    return innehall


# --- The app in a real browser ----------------------------------------------------------------

SKARMBILDER = ROT / "skarmbilder"  # screenshots for a person to look at, kept out of git
BREDDER = {"laptop": (1366, 900), "surfplatta": (820, 1180)}

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


def vanta_tills_klar(sida):
    """Until the script has finished and every chart on the page is drawn, and the number of
    charts has stayed the same for a moment (Streamlit adds elements while it streams)."""
    sida.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000
    )
    stabil, forra = 0, None
    for _ in range(300):  # at most about 60 s
        lage = sida.evaluate(
            """() => {
                const diagram = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
                const klar = document.querySelector(
                    '[data-testid="stApp"][data-test-script-state="notRunning"]') !== null;
                return [diagram.length, diagram.every(e => e.querySelector('.main-svg')), klar];
            }"""
        )
        stabil = stabil + 1 if lage == forra and lage[1] and lage[2] else 0
        if stabil >= 3:
            return
        forra = lage
        sida.wait_for_timeout(200)
    raise AssertionError(f"sidan blev inte klar: {forra}")


def spara_skarmbild(sida, namn):
    """The whole page: Streamlit scrolls inside its main block, so grow the window to fit."""
    hojd = sida.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    sida.set_viewport_size({"width": sida.viewport_size["width"], "height": min(hojd + 40, 12000)})
    vanta_tills_klar(sida)
    SKARMBILDER.mkdir(exist_ok=True)
    sida.screenshot(path=SKARMBILDER / f"{namn}.png")


@dataclass(frozen=True)
class Navsida:
    fil: str  # sidor/x.py
    titel: str  # as the menu and the browser's title bar show it
    vag: str  # the URL path: '' for the default page


def navigationen() -> list[Navsida]:
    """The pages as dashboard.py's st.navigation lists them, read from its st.Page calls, so
    a page added there is tested without a change here."""
    traed = ast.parse((ROT / "dashboard.py").read_text(encoding="utf-8"))
    sidor = []
    for nod in ast.walk(traed):
        if not (isinstance(nod, ast.Call) and getattr(nod.func, "attr", None) == "Page"):
            continue
        nyckel = {k.arg: k.value.value for k in nod.keywords if isinstance(k.value, ast.Constant)}
        fil = nod.args[0].value
        vag = "" if nyckel.get("default") else nyckel.get("url_path", Path(fil).stem)
        sidor.append(Navsida(fil, nyckel["title"], vag))
    return sidor


@contextlib.contextmanager
def streamlit_server(**miljo: str) -> Iterator[str]:
    """The app as `make run` starts it (streamlit run webbserver.py) on a free loopback port,
    with extra environment variables; yields its base URL and stops it afterwards."""
    port = ledig_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "streamlit", "run", "webbserver.py"),
            *("--server.headless", "true", "--server.port", str(port)),
            *("--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"),
            *("--server.fileWatcherType", "none"),
        ],
        cwd=ROT,
        env=dict(os.environ, **miljo),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    bas = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{bas}/_stcore/health", timeout=1) as svar:
                    if svar.read() == b"ok":
                        break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("streamlit startade inte: " + process.stdout.read1().decode())
        yield bas
    finally:
        process.terminate()
        process.wait(timeout=20)


def ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class OidcLeverantor:
    """A real OpenID Connect provider (npm oidc-provider on Node.js, tests/oidc/) on loopback:
    any login name signs in; its claims are <namn>@boras.se and, for names beginning with
    "redaktor", the group nyckeltal-redaktorer (see tests/oidc/leverantor.mjs)."""

    utgivare: str
    klient_id: str
    klient_hemlighet: str

    @property
    def metadata_url(self) -> str:
        return f"{self.utgivare}/.well-known/openid-configuration"


@contextlib.contextmanager
def oidc_leverantor(*redirect_uri: str) -> Iterator[OidcLeverantor]:
    """Starts tests/oidc/leverantor.mjs (installed by make test with npm ci) on a free port
    for the given redirect URIs, and stops it afterwards."""
    modul = ROT / "tests" / "oidc" / "node_modules" / "oidc-provider"
    assert modul.exists(), "oidc-provider saknas: make test installerar det (npm ci)"
    port = ledig_port()
    klient = OidcLeverantor(f"http://127.0.0.1:{port}", "nyckeltal", "test-klienthemlighet")
    process = subprocess.Popen(
        [
            *("node", str(ROT / "tests" / "oidc" / "leverantor.mjs"), "--port", str(port)),
            *("--klient-id", klient.klient_id, "--klient-hemlighet", klient.klient_hemlighet),
            *(a for uri in redirect_uri for a in ("--redirect-uri", uri)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        rad = process.stdout.readline().strip()
        assert rad == f"redo {klient.utgivare}", f"OIDC-leverantören startade inte: {rad!r}"
        yield klient
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def appserver(egen_databasfil):
    """One app server for the browser tests that only read (on the tests' own database)."""
    with streamlit_server(NYCKELTAL_DB=str(egen_databasfil)) as bas:
        yield bas


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through Playwright (it cannot download browsers here)."""
    assert Path(CHROMIUM).exists(), "Debian-paketet chromium saknas (make test installerar det)"
    with sync_playwright() as p:
        webblasare = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield webblasare
        webblasare.close()


@pytest.fixture(scope="session")
def oppna_i_webblasaren(chromium):
    """A function (url, bredd, hojd) -> (page, errors): the URL opened in a new Chromium page
    of that size with a Swedish locale, once its script has finished and its charts are drawn.
    errors collects JavaScript errors and any request to a host other than the server (the
    dashboard fetches no fonts, icons or trackers from outside). Close the page when done."""

    def oppna(url: str, bredd: int, hojd: int):
        sida = chromium.new_page(viewport={"width": bredd, "height": hojd}, locale="sv-SE")
        js_fel = []
        sida.on("pageerror", lambda fel: js_fel.append(str(fel)))
        sida.on(
            "request",
            lambda req: (
                js_fel.append(f"extern begäran: {req.url}")
                if req.url.startswith(("http:", "https:", "ws:", "wss:"))
                and not req.url.split("//", 1)[1].startswith("127.0.0.1")
                else None
            ),
        )
        sida.goto(url)
        vanta_tills_klar(sida)
        return sida, js_fel

    return oppna
