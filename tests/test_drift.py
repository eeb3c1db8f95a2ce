"""Production serving (make serve): nginx in front of two supervised replicas, started once for
the module as an operator starts it (python -m drift.serve), on a database of its own, with
sign-in through a real OpenID Connect provider on loopback (tests/oidc) set up in a secrets
file as Entra ID is in production.

What is pinned: the security headers on every kind of answer; every page in Chromium through
nginx without a Content-Security-Policy violation or a console error; compression and caching;
the Swedish page; nginx's body limit and the sign-in rate limit; sign-in through the provider
(an unknown user is refused, an allowed one imports, the log names them, and the other replica
shows the import); sticky sessions; a replica
killed with SIGKILL (visitors keep getting answers, a viewer on it gets the page back with the
same period, the supervisor starts it again); a rolling restart without one failed request;
and a clean stop (exit 0, no process left behind)."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import psutil
import pytest
from conftest import ledig_port, navigationen, oidc_leverantor, vanta_tills_klar
from import_filer import OKTOBER

from drift import serve
from nyckeltal import bygg
from nyckeltal.db import Databas

ROT = Path(__file__).resolve().parent.parent
STATISKT = serve.streamlit_statisk()
BROTLI = (serve.MODULKATALOG / serve.BROTLIMODUL).exists()
# What Streamlit's page asks first when opened on a page path: it probes for a base URL
# (/ekonomi/_stcore/health, then /_stcore/health). Their 404s are Streamlit's, with or without
# nginx, and the only failed requests allowed below.
BASSOKNING = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")


class Stack:
    def __init__(self, process: subprocess.Popen, port: int, katalog: Path, databas: Path) -> None:
        self.process = process
        self.port = port
        self.katalog = katalog
        self.databas = databas
        self.bas = f"http://127.0.0.1:{port}"

    def hamta(
        self,
        stig: str,
        metod: str = "GET",
        kropp: bytes | None = None,
        fran: str = "127.0.0.1",
        **rubriker: str,
    ):
        """(status, headers, body) of one request through nginx, on a fresh connection from
        the loopback address fran (all of 127.0.0.0/8 is this machine)."""
        anslutning = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=20, source_address=(fran, 0)
        )
        try:
            rubriker = {k.replace("_", "-"): v for k, v in rubriker.items()}
            anslutning.request(metod, stig, body=kropp, headers=rubriker)
            svar = anslutning.getresponse()
            return svar.status, svar.headers, svar.read()
        finally:
            anslutning.close()

    def repliker(self) -> list[dict]:
        return json.loads((self.katalog / "repliker.json").read_text())

    def logg(self) -> str:
        return (self.katalog / "serve.log").read_text(errors="replace")


# Who may change the figures in the stack: the provider gives names beginning with "redaktor"
# this group (tests/oidc/leverantor.mjs); everyone else signs in but may not change anything.
BEHORIG_GRUPP = "nyckeltal-redaktorer"


def _hemligheter(fil: Path, bas: str, leverantor) -> Path:
    """The secrets file of production (README "Drift"), pointing at the test provider."""
    fil.write_text(
        "[auth]\n"
        f'redirect_uri = "{bas}/oauth2callback"\n'
        'cookie_secret = "test-kakhemlighet-for-drifttesterna"\n'
        f'client_id = "{leverantor.klient_id}"\n'
        f'client_secret = "{leverantor.klient_hemlighet}"\n'
        f'server_metadata_url = "{leverantor.metadata_url}"\n'
        "\n[behorighet]\n"
        f'grupper = ["{BEHORIG_GRUPP}"]\n',
        encoding="utf-8",
    )
    fil.chmod(0o600)
    return fil


@pytest.fixture(scope="module")
def nginxport() -> int:
    return ledig_port()


@pytest.fixture(scope="module")
def leverantor(nginxport):
    with oidc_leverantor(f"http://127.0.0.1:{nginxport}/oauth2callback") as leverantor:
        yield leverantor


@pytest.fixture(scope="module")
def stack(tmp_path_factory, nginxport, leverantor):
    assert Path(serve.nginx_program()).exists(), (
        "Debian-paketet nginx saknas (make nginx installerar det)"
    )
    # Not under pytest's tmp_path: as root, nginx's workers run as www-data and must reach the
    # runtime directory, and /tmp/pytest-of-root is private to root.
    katalog = Path(tempfile.mkdtemp(prefix="nyckeltal-drift-"))
    katalog.chmod(0o755)
    port = nginxport
    # its own database: a test below imports into it
    databas = bygg.bygg(tmp_path_factory.mktemp("drift") / "db" / "nyckeltal.duckdb")
    hemligheter = _hemligheter(katalog / "secrets.toml", f"http://127.0.0.1:{port}", leverantor)
    with open(katalog / "serve.log", "wb") as logg:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "drift.serve", "--port", str(port)),
                *("--adress", "127.0.0.1", "--repliker", "2", "--katalog", str(katalog)),
                # Streamlit options after --, as the bench passes them
                *("--", "--secrets.files", str(hemligheter)),
                *("--server.disconnectedSessionTTL", "10"),
            ],
            cwd=ROT,
            env=dict(os.environ, NYCKELTAL_DB=str(databas)),
            stdout=subprocess.PIPE,
            stderr=logg,
            text=True,
        )
    stacken = Stack(process, port, katalog, databas)
    forsta_raden = process.stdout.readline()  # printed once nginx serves, or EOF on failure
    try:
        assert forsta_raden.strip() == f"Instrumentpanelen: {stacken.bas} (2 repliker)", (
            forsta_raden + stacken.logg()
        )
        yield stacken
    finally:
        try:
            allt = psutil.Process(process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            allt = []
        process.send_signal(signal.SIGTERM)
        kod = process.wait(timeout=60)
        process.stdout.close()
        _, kvar = psutil.wait_procs(allt, timeout=5)
        logg = stacken.logg()
        tillstandsfiler = [f.name for f in katalog.glob("*") if f.suffix in (".pid", ".json")]
        shutil.rmtree(katalog, ignore_errors=True)
        for p in kvar:
            p.kill()
        assert kod == 0, logg
        assert not kvar, f"kvarlämnade processer: {kvar}"
        assert "Traceback" not in logg, logg
        assert tillstandsfiler == []  # serve.pid, nginx.pid and repliker.json removed


def _vanta(villkor, tidsgrans: float, beskrivning: str):
    grans = time.monotonic() + tidsgrans
    while time.monotonic() < grans:
        if varde := villkor():
            return varde
        time.sleep(0.1)
    raise AssertionError(f"inom {tidsgrans} s: {beskrivning}")


# Every Content-Security-Policy violation, as the page itself reports it.
CSP_LYSSNARE = """
window.__cspBrott = [];
document.addEventListener('securitypolicyviolation', e => window.__cspBrott.push(
    `${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
"""


def _statisk_js(stack: Stack) -> str:
    _, _, sida = stack.hamta("/")
    return "/" + re.search(rb'src="\./(static/js/index\.[^"]+\.js)"', sida)[1].decode()


def _kaka(rubriker) -> str | None:
    for rad in rubriker.get_all("Set-Cookie") or []:
        if rad.startswith("nyckeltal_replik="):
            return rad
    return None


# --- Headers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "vilken", ["/", "/ekonomi", "statisk-js", "/_stcore/health", "/static/saknas.js"]
)
def test_sakerhetsrubriker_pa_varje_svar(stack, vilken):
    """On the page, a page path, a bundle, the health check and nginx's own 404."""
    stig = _statisk_js(stack) if vilken == "statisk-js" else vilken
    status, rubriker, _ = stack.hamta(stig)
    assert status == (404 if "saknas" in vilken else 200)
    csp = rubriker["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'self'" in csp
    skript = re.search(r"script-src ([^;]*)", csp)[1]
    assert "'unsafe-inline'" not in skript and "'unsafe-eval'" not in skript
    assert rubriker["X-Frame-Options"] == "DENY"
    assert rubriker["X-Content-Type-Options"] == "nosniff"
    assert rubriker["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in rubriker["Permissions-Policy"]
    assert rubriker["Cross-Origin-Opener-Policy"] == "same-origin"
    assert rubriker["Server"] == "nginx"  # no version


def test_csp_hashen_galler_streamlits_inline_skript(stack):
    """The hash in script-src is that of the inline script of the page actually served."""
    status, rubriker, sida = stack.hamta("/")
    assert status == 200
    inline = serve.inline_skripthashar(sida.decode())
    assert inline, "Streamlits sida har inget inline-skript längre: ta bort hashen"
    for hash_ in inline:
        assert hash_ in rubriker["Content-Security-Policy"]


def test_sidan_ar_svensk_genom_nginx(stack):
    for stig in ("/", "/ekonomi"):
        status, rubriker, kropp = stack.hamta(stig, Accept_Encoding="gzip")
        assert status == 200
        if rubriker["Content-Encoding"] == "gzip":
            kropp = gzip.decompress(kropp)
        assert b'<html lang="sv">' in kropp


# --- Compression and caching ------------------------------------------------------------------


def test_statiska_filer_komprimeras_och_cachas_ett_ar(stack):
    stig = _statisk_js(stack)
    status, rubriker, kropp = stack.hamta(stig, Accept_Encoding="gzip")
    assert status == 200 and rubriker["Content-Encoding"] == "gzip"
    assert len(gzip.decompress(kropp)) > 3 * len(kropp)
    assert "Accept-Encoding" in rubriker["Vary"]
    assert rubriker["Cache-Control"] == "public, max-age=31536000, immutable"
    _, rubriker, _ = stack.hamta(stig, Accept_Encoding="br, gzip")
    assert rubriker["Content-Encoding"] == ("br" if BROTLI else "gzip")
    # the page itself is asked for again each time: a new release must reach the browser
    _, rubriker, _ = stack.hamta("/", Accept_Encoding="gzip")
    assert "immutable" not in rubriker["Cache-Control"]
    assert rubriker["Cache-Control"] == "no-cache"


def test_allt_under_static_har_en_hash_i_namnet():
    """The year-long cache of /static/ is right only while every file there is named after its
    content (a Streamlit upgrade must not bring a fixed name under /static/)."""
    filer = [f for f in (STATISKT / "static").rglob("*") if f.is_file()]
    assert filer
    utan_hash = [f.name for f in filer if not re.search(r"\.[A-Za-z0-9_-]{8}\.[a-z0-9]+$", f.name)]
    assert not utan_hash


# --- Limits -----------------------------------------------------------------------------------


def test_for_stor_uppladdning_stoppas_av_nginx(stack):
    stig = "/_stcore/upload_file/session/fil"
    gransen = 2 * 1024 * 1024  # nyckeltal/importera/filformat.py MAX_STORLEK
    status, rubriker, _ = stack.hamta(stig, "PUT", b"x" * (gransen + 200_000))
    assert status == 413
    assert rubriker["X-Frame-Options"] == "DENY"  # the headers are on error answers too
    # a file just under the app's limit (and one just over, for the app's own message) passes
    for storlek in (gransen - 100_000, gransen + 1_000):
        status, _, _ = stack.hamta(stig, "PUT", b"x" * storlek)
        assert status != 413, storlek
    # elsewhere a small limit
    status, _, _ = stack.hamta("/", "POST", b"x" * 100_000)
    assert status == 413


# --- Sign-in through the identity provider ---------------------------------------------------
# Before the rate-limit test below: that one uses up this address's sign-in allowance.


def _logga_in(chromium, stack, leverantor, namn: str):
    """A new browser signs in on the Administration page through the provider's login form
    (any password: the provider is the test's own) and comes back to that page."""
    kontext, sida, fel = _oppna(chromium, f"{stack.bas}/admin")
    sida.get_by_role("button", name="Logga in med ditt konto i Borås Stad").click()
    sida.wait_for_url(f"{leverantor.utgivare}/**")
    sida.locator('input[name="login"]').fill(namn)
    sida.locator('input[name="password"]').fill("valfritt")
    sida.locator('button[type="submit"]').click()
    sida.wait_for_url(f"{stack.bas}/**")
    vanta_tills_klar(sida)
    sida.goto(f"{stack.bas}/admin")
    vanta_tills_klar(sida)
    return kontext, sida, fel


def _loggen(databas: Path) -> list[tuple]:
    las = Databas(databas)
    try:
        return las.fraga("import_logg").select("vem", "filnamn").rows()
    finally:
        las.stang()


def test_okand_anvandare_loggar_in_men_far_inte_andra(stack, chromium, leverantor):
    kontext, sida, fel = _logga_in(chromium, stack, leverantor, "lasare.bo")
    try:
        sida.get_by_text("Inloggad som lasare.bo@boras.se.").wait_for(timeout=10_000)
        sida.get_by_text("Du har inte behörighet att ändra siffrorna.").wait_for()
        assert sida.locator('[data-testid="stFileUploader"]').count() == 0
        assert sida.get_by_label("Lösenord", exact=True).count() == 0  # no password in production
        assert sida.evaluate("window.__cspBrott") == [] and fel == []
    finally:
        kontext.close()


def test_behorig_anvandare_importerar_och_loggen_namnger_den_verifierade_identiteten(
    stack, chromium, leverantor, tmp_path
):
    """Through nginx and the sticky replica: upload, import; the log names the address the
    provider signed; the other replica (asked directly) shows the imported month; log out."""
    kontext, sida, fel = _logga_in(chromium, stack, leverantor, "redaktor.anna")
    try:
        sida.get_by_text("Inloggad som redaktor.anna@boras.se.").wait_for(timeout=10_000)
        fil = tmp_path / "oktober.csv"
        fil.write_bytes(OKTOBER)
        sida.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(fil))
        knapp = sida.get_by_role("button", name="Importera 12 nya och 0 ändrade värden")
        knapp.click(timeout=30_000)
        sida.get_by_text("Import 1 är sparad").wait_for(timeout=30_000)
        assert _loggen(stack.databas) == [("redaktor.anna@boras.se", "oktober.csv")]
        assert sida.evaluate("window.__cspBrott") == [] and fel == []

        # a file over the import's 2 MB is refused in the browser, not by nginx's 413 (which
        # the uploader would show as "AxiosError: Request failed with status code 413")
        stor = tmp_path / "for_stor.csv"
        stor.write_bytes(OKTOBER + b"\n" * (3 * 1024 * 1024))
        sida.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(stor))
        uppladdning = sida.locator('[data-testid="stFileUploader"]')
        uppladdning.get_by_text("File must be 2.0MB or smaller.").wait_for(timeout=10_000)
        assert "AxiosError" not in uppladdning.inner_text()

        # the replica this browser did not use reads the same file and shows October
        egen = _replik_for(kontext, stack)
        andra = next(r for r in stack.repliker() if r["nummer"] != egen["nummer"])
        direkt = kontext.new_page()
        direkt.goto(f"http://127.0.0.1:{andra['port']}/?ar=2022&manad=oktober")
        vanta_tills_klar(direkt)
        assert "655" in _hushall(direkt)
        direkt.close()

        # logging out goes through the provider's end of session and back to the dashboard
        sida.get_by_role("button", name="Logga ut").click()
        _vanta(
            lambda: (
                not any(c["name"].startswith("_streamlit_user") for c in kontext.cookies())
                and sida.url.rstrip("/") == stack.bas
            ),
            20,
            "utloggad och tillbaka på instrumentpanelen",
        )
        sida.goto(f"{stack.bas}/admin")
        vanta_tills_klar(sida)
        sida.get_by_role("button", name="Logga in med ditt konto i Borås Stad").wait_for()
        assert sida.locator('[data-testid="stFileUploader"]').count() == 0
    finally:
        kontext.close()


def test_inloggning_begransas_per_adress(stack):
    """A burst of sign-ins from one address runs into 429; another address is not affected
    (the browsers above signed in from 127.0.0.1)."""
    svar = [stack.hamta("/auth/login", fran="127.0.0.2")[0] for _ in range(12)]
    assert 429 not in svar[:5], svar  # the burst
    assert 429 in svar, svar
    assert stack.hamta("/auth/login", fran="127.0.0.3")[0] != 429


# --- The replicas -----------------------------------------------------------------------------


def test_replikerna_startas_som_make_run_med_driftmiljon(stack):
    repliker = stack.repliker()
    assert len(repliker) == 2 and all(r["klar"] for r in repliker)
    hemligheter = set()
    for r in repliker:
        p = psutil.Process(r["pid"])
        kommando = p.cmdline()
        assert kommando[1:5] == ["-m", "streamlit", "run", "webbserver.py"]
        assert kommando[kommando.index("--server.address") + 1] == "127.0.0.1"
        assert kommando[kommando.index("--server.port") + 1] == str(r["port"])
        assert kommando[-2:] == ["--server.disconnectedSessionTTL", "10"]  # after --
        miljo = p.environ()
        assert miljo["NYCKELTAL_DRIFT"] == "1" and miljo["NYCKELTAL_BAKOM_PROXY"] == "1"
        hemligheter.add(miljo["STREAMLIT_SERVER_COOKIE_SECRET"])
    assert len(hemligheter) == 1  # one XSRF/auth cookie secret for all replicas
    assert int((stack.katalog / "serve.pid").read_text()) == stack.process.pid


def test_klistriga_sessioner_med_kaka(stack):
    """A browser without the cookie gets one naming the replica that answered; with it, it
    keeps reaching that replica (which then sets no new cookie)."""
    _, rubriker, _ = stack.hamta("/")
    kaka = _kaka(rubriker)
    assert kaka and "HttpOnly" in kaka and "SameSite=Lax" in kaka and "Path=/" in kaka
    for r in stack.repliker():
        for stig in ("/", "/_stcore/health", "/ekonomi"):
            status, rubriker, _ = stack.hamta(stig, Cookie=f"nyckeltal_replik={r['nummer']}")
            assert status == 200 and _kaka(rubriker) is None, (r, stig)


def _oppna(chromium, url):
    kontext = chromium.new_context(
        viewport={"width": 1366, "height": 900}, locale="sv-SE", accept_downloads=True
    )
    kontext.add_init_script(CSP_LYSSNARE)
    sida = kontext.new_page()
    fel: list[str] = []
    sida.on("pageerror", lambda e: fel.append(f"pageerror: {e}"))
    sida.on(
        "console",
        lambda m: (
            fel.append(f"console: {m.text}")
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    sida.on(
        "response",
        lambda svar: (
            fel.append(f"{svar.status} {svar.url}")
            if svar.status >= 400 and not BASSOKNING.match(urlsplit(svar.url).path)
            else None
        ),
    )
    sida.goto(url)
    vanta_tills_klar(sida)
    return kontext, sida, fel


def test_varje_sida_genom_nginx_utan_csp_brott_eller_fel(stack, chromium):
    kontext, sida, fel = _oppna(chromium, stack.bas)
    ritade = {}
    try:
        for navsida in navigationen():
            # the period of the seed documents (a test above imports October)
            sida.goto(f"{stack.bas}/{navsida.vag}?ar=2022&manad=september")
            vanta_tills_klar(sida)
            if navsida.vag == "rapport":  # a download built on click: /media/ through nginx
                with sida.expect_download(timeout=30_000) as nedladdning:
                    sida.get_by_role("button", name="Ladda ned tabellerna (Excel)").click()
                assert nedladdning.value.suggested_filename.endswith(".xlsx")
            if navsida.vag == "presentation":  # the component's keys (blob: module)
                sida.keyboard.press("ArrowRight")
                vanta_tills_klar(sida)
            assert sida.locator('[data-testid="stException"]').count() == 0, navsida
            diagram = sida.locator('[data-testid="stPlotlyChart"]').count()
            assert sida.locator('[data-testid="stPlotlyChart"]:has(.main-svg)').count() == diagram
            ritade[navsida.vag] = diagram
            assert sida.evaluate("window.__cspBrott") == [], navsida
            assert fel == [], (navsida, fel)
    finally:
        kontext.close()
    # the area pages' charts were there, and drawn (checked above)
    assert all(ritade[vag] for vag in ("ekonomiskt_bistand", "arbetsmarknad", "ekonomi")), ritade


# --- Failure and restart ----------------------------------------------------------------------


def _betrakta_tertial_1(chromium, stack):
    """A viewer on the overview with the period Tertial 1 chosen in the sidebar."""
    kontext, sida, fel = _oppna(chromium, stack.bas)
    sida.get_by_text("Tertial 1", exact=True).click()
    sida.wait_for_function("() => location.search.includes('period=')")
    vanta_tills_klar(sida)
    assert "718" in _hushall(sida)  # households, April 2022
    return kontext, sida, fel


def _hushall(sida) -> str:
    return sida.locator('[data-testid="stMetric"]').filter(has_text="Hushåll med").inner_text()


def _replik_for(kontext, stack) -> dict:
    nummer = next(c["value"] for c in kontext.cookies() if c["name"] == "nyckeltal_replik")
    return next(r for r in stack.repliker() if str(r["nummer"]) == nummer)


def test_dod_replik_ersatts_och_besokaren_far_sidan_tillbaka(stack, chromium):
    kontext, sida, fel = _betrakta_tertial_1(chromium, stack)
    try:
        offer = _replik_for(kontext, stack)
        # the viewer's WebSocket: nginx's connection into that replica
        anslutningar = psutil.Process(offer["pid"]).net_connections(kind="tcp")
        assert any(
            a.status == "ESTABLISHED" and a.laddr.port == offer["port"] for a in anslutningar
        )
        os.kill(offer["pid"], signal.SIGKILL)
        # new visitors, and visitors whose cookie names the dead replica, are answered
        for kaka in ("", f"nyckeltal_replik={offer['nummer']}") * 5:
            status, _, _ = stack.hamta("/", Cookie=kaka)
            assert status == 200
        # the viewer's page reconnects to the other replica, same period, cookie moved there
        _vanta(
            lambda: _replik_for(kontext, stack)["nummer"] != offer["nummer"], 20, "kakan flyttar"
        )
        vanta_tills_klar(sida)
        assert "period=" in sida.url
        assert "718" in _hushall(sida)
        assert sida.locator('[data-testid="stException"]').count() == 0
        # the supervisor starts the killed one again on its port
        ny = _vanta(
            lambda: next(
                (
                    r
                    for r in stack.repliker()
                    if r["nummer"] == offer["nummer"] and r["klar"] and r["pid"] != offer["pid"]
                ),
                None,
            ),
            60,
            "repliken startas om",
        )
        assert ny["port"] == offer["port"]
        assert "avslutades oväntat (signal 9)" in stack.logg()
        status, _, kropp = stack.hamta("/_stcore/health", Cookie=f"nyckeltal_replik={ny['nummer']}")
        assert (status, kropp) == (200, b"ok")
        assert fel == []
    finally:
        kontext.close()


def test_rullande_omstart_utan_ett_enda_fel(stack, chromium):
    kontext, sida, fel = _betrakta_tertial_1(chromium, stack)
    fore = {r["nummer"]: r["pid"] for r in stack.repliker()}
    svar: list[tuple[str, str, int]] = []
    sluta = threading.Event()

    def fraga_hela_tiden() -> None:
        kakor = ["", *(f"nyckeltal_replik={n}" for n in fore)]
        while not sluta.is_set():
            for stig in ("/", "/_stcore/health"):
                kaka = kakor[len(svar) % len(kakor)]
                try:
                    status = stack.hamta(stig, Cookie=kaka)[0]
                except OSError as undantag:
                    status = repr(undantag)
                svar.append((stig, kaka, status))
            time.sleep(0.1)

    fragare = threading.Thread(target=fraga_hela_tiden)
    fragare.start()
    try:
        time.sleep(0.5)
        antal_klara = stack.logg().count("Den rullande omstarten är klar")
        os.kill(int((stack.katalog / "serve.pid").read_text()), signal.SIGHUP)
        _vanta(
            lambda: stack.logg().count("Den rullande omstarten är klar") > antal_klara,
            90,
            "den rullande omstarten blir klar",
        )
        time.sleep(0.5)
    finally:
        sluta.set()
        fragare.join()
    assert len(svar) > 30
    assert [s for s in svar if s[2] != 200] == []
    efter = stack.repliker()
    assert all(r["klar"] and r["pid"] != fore[r["nummer"]] for r in efter), (fore, efter)
    for r in efter:
        status, _, kropp = stack.hamta("/_stcore/health", Cookie=f"nyckeltal_replik={r['nummer']}")
        assert (status, kropp) == (200, b"ok")
    # the viewer's page still works: same period, and a new choice is answered
    try:
        vanta_tills_klar(sida)
        assert "718" in _hushall(sida)
        sida.get_by_text("Tertial 2", exact=True).click()
        _vanta(lambda: re.search(r"period=Tertial(\+|%20)2", sida.url), 20, "Tertial 2 i adressen")
        vanta_tills_klar(sida)
        assert "718" not in _hushall(sida)
        assert sida.locator('[data-testid="stException"]').count() == 0
        assert fel == []
    finally:
        kontext.close()


# --- The template -----------------------------------------------------------------------------


def test_mallens_villkorsrader_och_platshallare():
    mall = "a @@X@@;\n    #tls# listen 443 ssl;\n#rot# user www-data;\n"
    assert serve.rendera(mall, {"X": "1"}, {"tls"}) == (
        "a 1;\n     listen 443 ssl;\n# user www-data;\n"
    )
    with pytest.raises(KeyError):
        serve.rendera(mall, {}, set())


def test_tls_konfigurationen_godtas_av_nginx(tmp_path):
    """The TLS lines (not used by the stack above) render to a configuration nginx accepts:
    HTTPS with HTTP/2 and HSTS, the cookie only over HTTPS, port 80 redirecting."""
    cert, nyckel = tmp_path / "cert.pem", tmp_path / "nyckel.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=localhost", "-keyout", str(nyckel), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    katalog = tmp_path / "drift"
    (katalog / "tmp").mkdir(parents=True)
    tillsyn = serve.Tillsyn(
        serve.tolka(
            [
                *("--katalog", str(katalog), "--port", "443", "--http-port", "80"),
                *("--tls-cert", str(cert), "--tls-nyckel", str(nyckel)),
            ]
        )
    )
    tillsyn.repliker = [serve.Replik(1, 8601), serve.Replik(2, 8602)]
    tillsyn._skriv_nginx()
    konfiguration = (katalog / "nginx.conf").read_text()
    aktiva = [rad.strip() for rad in konfiguration.splitlines() if not rad.lstrip().startswith("#")]
    assert "listen 0.0.0.0:443 ssl http2;" in aktiva
    assert f"ssl_certificate {cert};" in aktiva
    assert "listen 0.0.0.0:443;" not in aktiva
    assert any(rad.startswith("add_header Strict-Transport-Security") for rad in aktiva)
    assert "return 301 https://$host:443$request_uri;" in aktiva
    assert "SameSite=Lax; Secure" in konfiguration
    prov = subprocess.run(
        [
            *(serve.nginx_program(), "-t", "-q", "-e", "stderr"),
            *("-p", f"{katalog}/", "-c", str(katalog / "nginx.conf")),
        ],
        capture_output=True,
        text=True,
    )
    assert prov.returncode == 0, prov.stderr
