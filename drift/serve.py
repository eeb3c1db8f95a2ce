"""`make serve`: the dashboard in production, nginx in front of REPLICAS Streamlit processes.

    python -m drift.serve [--port 8080] [--repliker 2] [--katalog db/drift] [-- streamlit args]

`make run` (one Streamlit process) stays the way to develop. This supervisor

* starts the replicas on loopback exactly as `make run` starts the app (`streamlit run
  webbserver.py ...`, extra Streamlit arguments after `--`), with NYCKELTAL_DRIFT=1 (no
  development password), NYCKELTAL_BAKOM_PROXY=1 (the app trusts nginx's X-Real-IP) and one
  STREAMLIT_SERVER_COOKIE_SECRET for all of them (Streamlit signs its XSRF cookie and st.login's
  cookies with it, and after a failover a browser's requests reach another replica);
* waits for each replica's /_stcore/health, renders drift/nginx.conf.mall into the runtime
  directory (config, pid, logs and nginx's temp paths all there) and runs nginx in the
  foreground, its error log on stderr;
* restarts a replica that dies (with a growing pause if it keeps dying) and stops everything
  with exit code 1 if nginx dies;
* on SIGHUP (`make serve-omstart`) restarts the replicas one at a time: nginx is told to leave
  the replica alone (reload with it marked down), the replica is stopped and started again on
  the same port, and only when it answers its health check is the next one taken; nginx keeps
  serving from the others, and its configuration is read again;
* on SIGTERM or Ctrl-C stops nginx (gracefully, then killed) and the replicas (SIGTERM, then
  SIGKILL) and exits 0.

State for operators and tests: <katalog>/serve.pid (this process) and <katalog>/repliker.json
(each replica's number, port, pid and whether it answers), kept current; each replica's output
goes to <katalog>/replik-<n>.log.
"""

from __future__ import annotations

import argparse
import base64
import ctypes
import hashlib
import importlib.util
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROT = Path(__file__).resolve().parent.parent
MALL = Path(__file__).with_name("nginx.conf.mall")
MODULKATALOG = Path("/usr/lib/nginx/modules")
BROTLIMODUL = "ngx_http_brotli_filter_module.so"
NGINX_ANVANDARE = "www-data"  # Debian's nginx workers, when the master starts as root
STANDARD_KATALOG = ROT / "db" / "drift"
EXEMPEL_CERT = "/etc/ssl/nyckeltal/fullchain.pem"
EXEMPEL_NYCKEL = "/etc/ssl/nyckeltal/privkey.pem"

STARTTID = 120.0  # s for a replica to answer its health check (the first start builds caches)
STOPPTID = 15.0  # s between SIGTERM and SIGKILL
KORTASTE_PAUS, LANGSTA_PAUS = 1.0, 30.0  # before restarting a replica that died
STABIL_EFTER = 30.0  # s up before a death no longer counts as a crash loop


def nginx_program() -> str:
    """nginx's program: on PATH, else where Debian's package puts it (/usr/sbin is not on a
    normal user's PATH). It may not exist: make nginx installs it."""
    return shutil.which("nginx") or "/usr/sbin/nginx"


class Avbruten(Exception):
    """SIGTERM or SIGINT arrived while the supervisor was waiting for something."""


class NginxDog(Exception):
    """nginx exited: nothing is served any more."""


def logg(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} drift: {text}", file=sys.stderr, flush=True)


# --- Rendering the nginx configuration ------------------------------------------------------


def rendera(mall: str, varden: dict[str, str], villkor: set[str]) -> str:
    """The template with its @@NAMN@@ placeholders filled in, and each line that starts with
    `#villkor#` switched on (the prefix removed) when the condition is in `villkor`, else left
    as a comment. A placeholder without a value is an error, not an empty string."""
    rader = []
    for rad in mall.splitlines():
        traff = re.match(r"(\s*)#([a-z-]+)#(.*)$", rad)
        if traff:
            rad = traff[1] + ("" if traff[2] in villkor else "#") + traff[3]
        rader.append(rad)
    text = "\n".join(rader) + "\n"

    def varde(traff: re.Match) -> str:
        if traff[1] not in varden:
            raise KeyError(f"platshållaren @@{traff[1]}@@ saknar värde")
        return varden[traff[1]]

    return re.sub(r"@@([A-Z_]+)@@", varde, text)


def streamlit_statisk() -> Path:
    """Streamlit's built front end (index.html and the hashed bundles under static/), found
    without importing Streamlit into the supervisor."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("Streamlit saknas i den här Python-miljön (make serve installerar den).")
    return Path(spec.submodule_search_locations[0]) / "static"


def inline_skripthashar(index_html: str) -> list[str]:
    """CSP hashes of the inline <script> elements of Streamlit's index.html, so script-src
    needs no 'unsafe-inline'. Read from the installed Streamlit at every start: an upgrade that
    changes the script gets the right hash without anyone editing the template."""
    hashar = []
    for kropp in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", index_html, re.S):
        digest = hashlib.sha256(kropp.encode("utf-8")).digest()
        hashar.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashar


def innehallspolicy(skripthashar: list[str]) -> str:
    """The Content-Security-Policy; why each source is there: drift/nginx.conf.mall."""
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *skripthashar, "'wasm-unsafe-eval'", "blob:"]),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def lasbar_for_alla(sokvag: Path) -> bool:
    """Whether any user (nginx's www-data workers) may read the directory: every directory
    above it searchable by others, the directory itself readable by others."""
    for katalog in [sokvag, *sokvag.parents]:
        lage = katalog.stat().st_mode
        if not lage & stat.S_IXOTH or (katalog == sokvag and not lage & stat.S_IROTH):
            return False
    return True


# --- The replicas ---------------------------------------------------------------------------


@dataclass
class Replik:
    nummer: int  # 1, 2, ...: also the value of nginx's sticky cookie
    port: int
    process: subprocess.Popen | None = None
    # startar: waiting for its health check; klar: serving; vantar: dead, restart pending;
    # stoppad: being restarted on purpose (rolling restart) or stopping for good
    tillstand: str = "stoppad"
    startad: float = 0.0
    nasta_start: float = 0.0
    paus: float = KORTASTE_PAUS
    starter: int = 0

    def halsosam(self) -> bool:
        try:
            url = f"http://127.0.0.1:{self.port}/_stcore/health"
            with urllib.request.urlopen(url, timeout=1) as svar:
                return svar.status == 200 and svar.read() == b"ok"
        except OSError:
            return False


def _do_med_foraldern() -> None:
    """In the child before exec: die with the supervisor even if it is killed with SIGKILL, so
    no replica or nginx outlives it (Linux prctl PR_SET_PDEATHSIG)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
    except OSError:
        pass


def _signalera_grupp(process: subprocess.Popen, signalen: int) -> None:
    """A signal to the child's process group (it has its own: a replica's helpers, such as the
    Chromium kaleido starts for chart images, go with it)."""
    try:
        os.killpg(process.pid, signalen)
    except ProcessLookupError:
        pass


def lediga_portar(antal: int) -> list[int]:
    """Free loopback ports, all held open at once so none is handed out twice."""
    uttag = []
    try:
        for _ in range(antal):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            uttag.append(s)
        return [s.getsockname()[1] for s in uttag]
    finally:
        for s in uttag:
            s.close()


@dataclass
class Installningar:
    port: int
    adress: str
    repliker: int
    katalog: Path
    forsta_replikport: int | None
    tls_cert: str | None
    tls_nyckel: str | None
    http_port: int
    streamlit_args: list[str] = field(default_factory=list)


class Tillsyn:
    """The supervisor: one nginx and the replicas behind it."""

    def __init__(self, inst: Installningar) -> None:
        self.inst = inst
        self.katalog = inst.katalog
        self.nginx: subprocess.Popen | None = None
        self.nginx_bin = nginx_program()
        self.repliker: list[Replik] = []
        self.avsluta = False
        self.omstart_begard = False
        self.rot = os.geteuid() == 0
        self.cookiehemlighet = os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or (
            secrets.token_urlsafe(32)
        )

    # --- signals ---

    def _vid_stopp(self, signum, _frame) -> None:
        self.avsluta = True

    def _vid_omstart(self, signum, _frame) -> None:
        self.omstart_begard = True

    # --- state files ---

    def _skriv_tillstand(self) -> None:
        rader = [
            {
                "nummer": r.nummer,
                "port": r.port,
                "pid": r.process.pid if r.process and r.process.poll() is None else None,
                "klar": r.tillstand == "klar",
            }
            for r in self.repliker
        ]
        tillfallig = self.katalog / "repliker.json.ny"
        tillfallig.write_text(json.dumps(rader, indent=2) + "\n", encoding="utf-8")
        tillfallig.replace(self.katalog / "repliker.json")

    # --- replicas ---

    def _starta_replik(self, replik: Replik) -> None:
        kommando = [
            *(sys.executable, "-m", "streamlit", "run", "webbserver.py"),
            *("--server.headless", "true", "--browser.gatherUsageStats", "false"),
            *("--server.fileWatcherType", "none"),
            *("--server.address", "127.0.0.1", "--server.port", str(replik.port)),
            *self.inst.streamlit_args,
        ]
        miljo = dict(
            os.environ,
            NYCKELTAL_DRIFT="1",
            NYCKELTAL_BAKOM_PROXY="1",
            STREAMLIT_SERVER_COOKIE_SECRET=self.cookiehemlighet,
        )
        with open(self.katalog / f"replik-{replik.nummer}.log", "ab") as loggfil:
            loggfil.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} start ---\n".encode())
            loggfil.flush()
            replik.process = subprocess.Popen(
                kommando,
                cwd=ROT,
                env=miljo,
                stdin=subprocess.DEVNULL,
                stdout=loggfil,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_do_med_foraldern,
            )
        replik.tillstand = "startar"
        replik.startad = time.monotonic()
        replik.starter += 1
        self._skriv_tillstand()

    def _loggslut(self, replik: Replik, rader: int = 15) -> str:
        try:
            text = (self.katalog / f"replik-{replik.nummer}.log").read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join("    " + r for r in text.splitlines()[-rader:])

    def _stoppa_processer(self, processer: list[subprocess.Popen], forst: int) -> None:
        """`forst` (SIGTERM, SIGQUIT) to each process group, SIGKILL to what is left after
        STOPPTID; waits for all."""
        for process in processer:
            if process.poll() is None:
                _signalera_grupp(process, forst)
        grans = time.monotonic() + STOPPTID
        for process in processer:
            try:
                process.wait(timeout=max(0.1, grans - time.monotonic()))
            except subprocess.TimeoutExpired:
                logg(f"pid {process.pid} stannade inte inom {STOPPTID:.0f} s; dödas.")
                _signalera_grupp(process, signal.SIGKILL)
                process.wait()
            # anything left in the group (a helper that ignored the signal)
            _signalera_grupp(process, signal.SIGKILL)

    def _bevaka(self) -> None:
        """One round of supervision: nginx alive, dead replicas restarted, starting replicas
        checked. Raises NginxDog or Avbruten."""
        if self.avsluta:
            raise Avbruten
        if self.nginx is not None and self.nginx.poll() is not None:
            raise NginxDog(f"nginx avslutades oväntat (kod {self.nginx.returncode})")
        nu = time.monotonic()
        for r in self.repliker:
            if r.tillstand in ("startar", "klar") and r.process.poll() is not None:
                _signalera_grupp(r.process, signal.SIGKILL)  # helpers it left behind
                kod = r.process.returncode
                orsak = f"signal {-kod}" if kod < 0 else f"kod {kod}"
                r.paus = (
                    KORTASTE_PAUS
                    if nu - r.startad > STABIL_EFTER
                    else min(r.paus * 2, LANGSTA_PAUS)
                )
                logg(
                    f"Replik {r.nummer} (port {r.port}, pid {r.process.pid}) avslutades "
                    f"oväntat ({orsak}); startas om om {r.paus:.0f} s. Slutet av loggen:\n"
                    + self._loggslut(r)
                )
                r.tillstand, r.nasta_start = "vantar", nu + r.paus
                self._skriv_tillstand()
            elif r.tillstand == "vantar" and nu >= r.nasta_start:
                self._starta_replik(r)
            elif r.tillstand == "startar":
                if r.halsosam():
                    r.tillstand = "klar"
                    self._skriv_tillstand()
                    if r.starter > 1:
                        logg(f"Replik {r.nummer} (port {r.port}, pid {r.process.pid}) är igång.")
                elif nu - r.startad > STARTTID:
                    logg(f"Replik {r.nummer} svarade inte inom {STARTTID:.0f} s; startas om.")
                    self._stoppa_processer([r.process], signal.SIGKILL)
                    # the next round sees it dead and schedules the restart

    def _vanta_tills(self, villkor, tidsgrans: float) -> bool:
        """Supervise until villkor() holds (True) or tidsgrans seconds have passed (False)."""
        grans = time.monotonic() + tidsgrans
        while True:
            self._bevaka()
            if villkor():
                return True
            if time.monotonic() > grans:
                return False
            time.sleep(0.1)

    # --- nginx ---

    def _skriv_nginx(self, nere: frozenset[int] = frozenset()) -> None:
        """Render the template; the replicas in `nere` are marked down (rolling restart)."""
        adresser = {r.nummer: f"127.0.0.1:{r.port}" for r in self.repliker}

        def server(nummer: int, *tillagg: str) -> str:
            delar = [adresser[nummer], *tillagg]
            if nummer in nere:
                delar.append("down")
            return f"        server {' '.join(delar)};"

        grupper = []
        for r in self.repliker:
            rader = [f"    upstream replik{r.nummer} {{", server(r.nummer, *_FELGRANS)]
            rader += [server(o.nummer, "backup") for o in self.repliker if o is not r]
            grupper.append("\n".join([*rader, "    }"]))
        rader = ["    upstream repliker {", "        least_conn;"]
        rader += [server(r.nummer, *_FELGRANS) for r in self.repliker]
        grupper.append("\n".join([*rader, "    }"]))

        statiskt = streamlit_statisk()
        if not self.rot or lasbar_for_alla(statiskt / "static"):
            statiska_rader = f"            alias {statiskt / 'static'}/;"
        else:
            # www-data cannot reach the installed Streamlit: the replicas serve the bundles
            statiska_rader = (
                "            proxy_pass http://$replik_grupp;\n"
                "            proxy_hide_header Cache-Control;"
            )
        tls = bool(self.inst.tls_cert)
        villkor = {"tls" if tls else "utan-tls"}
        if self.rot:
            villkor.add("rot")
        if (MODULKATALOG / BROTLIMODUL).exists():
            villkor.add("brotli")
        varden = {
            "KATALOG": str(self.katalog),
            "TEMPKATALOG": str(self.katalog / "tmp"),
            "MODULKATALOG": str(MODULKATALOG),
            "ADRESS": f"[{self.inst.adress}]" if ":" in self.inst.adress else self.inst.adress,
            "PORT": str(self.inst.port),
            "HTTP_PORT": str(self.inst.http_port),
            "TLS_CERT": self.inst.tls_cert or EXEMPEL_CERT,
            "TLS_NYCKEL": self.inst.tls_nyckel or EXEMPEL_NYCKEL,
            "KAKA_SECURE": "; Secure" if tls else "",
            "GRUPPVAL": "\n".join(f'        "{r.nummer}" replik{r.nummer};' for r in self.repliker),
            "SVARVAL": "\n".join(
                f'        "~(^|\\s){re.escape(adresser[r.nummer])}$" "{r.nummer}";'
                for r in self.repliker
            ),
            "UPSTREAMS": "\n\n".join(grupper),
            "STATISKT": statiska_rader,
            "CSP": innehallspolicy(
                inline_skripthashar((statiskt / "index.html").read_text(encoding="utf-8"))
            ),
        }
        text = rendera(MALL.read_text(encoding="utf-8"), varden, villkor)
        tillfallig = self.katalog / "nginx.conf.ny"
        tillfallig.write_text(text, encoding="utf-8")
        tillfallig.replace(self.katalog / "nginx.conf")

    def _nginx_args(self) -> list[str]:
        return [self.nginx_bin, "-p", f"{self.katalog}/", "-c", str(self.katalog / "nginx.conf")]

    def _ladda_om_nginx(self) -> None:
        """nginx reads its configuration again: new workers take new connections at once, the
        old ones finish what they have (WebSockets: at most worker_shutdown_timeout)."""
        svar = subprocess.run(
            [*self._nginx_args(), "-e", "stderr", "-s", "reload"], capture_output=True, text=True
        )
        if svar.returncode != 0:
            raise NginxDog(f"nginx -s reload misslyckades: {svar.stderr.strip()}")

    def _starta_nginx(self) -> None:
        (self.katalog / "tmp").mkdir(exist_ok=True)
        if self.rot:
            # the master creates the temp directories and gives them to the workers' user;
            # the directory above them must be reachable for that user
            anvandare = pwd.getpwnam(NGINX_ANVANDARE)
            os.chown(self.katalog / "tmp", anvandare.pw_uid, anvandare.pw_gid)
        self._skriv_nginx()
        self.nginx = subprocess.Popen(
            [*self._nginx_args(), "-e", "stderr", "-g", "daemon off;"],
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=_do_med_foraldern,
        )
        vard = self._vard()

        def lyssnar() -> bool:
            try:
                socket.create_connection((vard, self.inst.port), timeout=1).close()
                return True
            except OSError:
                return False

        if not self._vanta_tills(lyssnar, 20):
            raise NginxDog("nginx tog inte emot anslutningar inom 20 s")

    def _vard(self) -> str:
        """Where this machine reaches nginx (and what the printed address says)."""
        return {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(self.inst.adress, self.inst.adress)

    # --- the whole ---

    def _forbered_katalog(self) -> None:
        self.katalog.mkdir(parents=True, exist_ok=True)
        pidfil = self.katalog / "serve.pid"
        if pidfil.exists():
            try:
                gammal = int(pidfil.read_text().strip())
                os.kill(gammal, 0)
            except (ValueError, ProcessLookupError):
                pass
            except PermissionError:
                raise SystemExit(f"make serve körs redan (pid {gammal}, {pidfil}).") from None
            else:
                if gammal != os.getpid():
                    raise SystemExit(f"make serve körs redan (pid {gammal}, {pidfil}).")
        pidfil.write_text(f"{os.getpid()}\n")

    def _portar(self) -> list[int]:
        if self.inst.forsta_replikport:
            return [self.inst.forsta_replikport + i for i in range(self.inst.repliker)]
        return lediga_portar(self.inst.repliker)

    def starta(self) -> None:
        if not Path(self.nginx_bin).exists():
            raise SystemExit("nginx saknas: installera det med make nginx.")
        self._forbered_katalog()
        self.repliker = [Replik(i + 1, port) for i, port in enumerate(self._portar())]
        if self.inst.port in [r.port for r in self.repliker]:
            raise SystemExit(f"Port {self.inst.port} är också en repliks port.")
        # nginx would retry a taken port for seconds and then exit: say it plainly instead
        familj = socket.AF_INET6 if ":" in self.inst.adress else socket.AF_INET
        for port in [self.inst.port, *([self.inst.http_port] if self.inst.tls_cert else [])]:
            try:
                with socket.socket(familj) as s:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    s.bind((self.inst.adress, port))
            except OSError as fel:
                raise SystemExit(
                    f"nginx kan inte lyssna på {self.inst.adress}:{port}: {fel.strerror}."
                ) from None
        for r in self.repliker:
            self._starta_replik(r)

        def alla_klara() -> bool:
            for r in self.repliker:
                if r.tillstand == "vantar":
                    raise SystemExit(
                        f"Replik {r.nummer} (port {r.port}) startade inte. Slutet av loggen:\n"
                        + self._loggslut(r, 40)
                    )
            return all(r.tillstand == "klar" for r in self.repliker)

        if not self._vanta_tills(alla_klara, STARTTID):
            raise SystemExit(f"Replikerna svarade inte inom {STARTTID:.0f} s.")
        self._starta_nginx()
        schema = "https" if self.inst.tls_cert else "http"
        vard = f"[{self._vard()}]" if ":" in self._vard() else self._vard()
        antal = len(self.repliker)
        print(
            f"Instrumentpanelen: {schema}://{vard}:{self.inst.port} "
            f"({antal} {'replik' if antal == 1 else 'repliker'})",
            flush=True,
        )

    def rullande_omstart(self) -> None:
        """One replica at a time: out of nginx, stopped, started, healthy, back in."""
        logg(f"Rullande omstart av {len(self.repliker)} repliker.")
        if len(self.repliker) == 1:
            logg("Med en enda replik svarar instrumentpanelen inte medan den startar om.")
        for r in self.repliker:
            ovriga = [o for o in self.repliker if o is not r]
            # never take one down while another is not serving
            if not self._vanta_tills(lambda: all(o.tillstand == "klar" for o in ovriga), STARTTID):
                logg("Den rullande omstarten avbryts: alla andra repliker svarar inte.")
                break
            self._skriv_nginx(nere=frozenset({r.nummer}))
            self._ladda_om_nginx()
            self._vanta_tills(lambda: False, 0.5)  # the new workers take over
            r.tillstand = "stoppad"
            self._stoppa_processer([r.process], signal.SIGTERM)
            self._starta_replik(r)
            if not self._vanta_tills(lambda: r.tillstand == "klar", STARTTID):
                logg(f"Replik {r.nummer} kom inte tillbaka; den rullande omstarten avbryts.")
                break
        self._skriv_nginx()
        self._ladda_om_nginx()
        logg("Den rullande omstarten är klar.")

    def kor(self) -> int:
        signal.signal(signal.SIGTERM, self._vid_stopp)
        signal.signal(signal.SIGINT, self._vid_stopp)
        signal.signal(signal.SIGHUP, self._vid_omstart)
        kod = 0
        try:
            self.starta()
            while True:
                if self.omstart_begard:
                    self.omstart_begard = False
                    self.rullande_omstart()
                self._vanta_tills(lambda: self.omstart_begard, 3600)
        except Avbruten:
            logg("Stoppar.")
        except NginxDog as fel:
            logg(f"{fel}; stoppar replikerna.")
            kod = 1
        except SystemExit as fel:
            if fel.code not in (None, 0):
                print(fel.code, file=sys.stderr, flush=True)
                kod = 1
        finally:
            self.stoppa()
        return kod

    def stoppa(self) -> None:
        """nginx first (it stops taking connections at once and finishes the ones it has),
        the replicas at the same time (closing their WebSockets lets nginx finish)."""
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if self.nginx is not None and self.nginx.poll() is None:
            _signalera_grupp(self.nginx, signal.SIGQUIT)
        for r in self.repliker:
            r.tillstand = "stoppad"
        levande = [r.process for r in self.repliker if r.process is not None]
        self._stoppa_processer(levande, signal.SIGTERM)
        if self.nginx is not None:
            self._stoppa_processer([self.nginx], signal.SIGQUIT)
        for namn in ("repliker.json", "serve.pid"):
            fil = self.katalog / namn
            if namn != "serve.pid" or _pid_i(fil) == os.getpid():
                fil.unlink(missing_ok=True)


# A replica that fails once (connection refused, 502/503) is skipped for 3 s; its visitors go
# to the backups meanwhile.
_FELGRANS = ("max_fails=1", "fail_timeout=3s")


def _pid_i(fil: Path) -> int | None:
    try:
        return int(fil.read_text().strip())
    except (OSError, ValueError):
        return None


def tolka(argv: list[str]) -> Installningar:
    egna, streamlit_args = argv, []
    if "--" in argv:
        delning = argv.index("--")
        egna, streamlit_args = argv[:delning], argv[delning + 1 :]
    tolk = argparse.ArgumentParser(
        prog="python -m drift.serve",
        description="Instrumentpanelen i drift: nginx framför flera Streamlit-repliker. "
        "Argument efter -- går till varje replik (streamlit run).",
    )
    tolk.add_argument("--port", type=int, default=8080, help="nginx port (8080)")
    tolk.add_argument(
        "--adress", default="0.0.0.0", help="adressen nginx lyssnar på (0.0.0.0: alla)"
    )
    tolk.add_argument("--repliker", type=int, default=2, help="antal Streamlit-processer (2)")
    tolk.add_argument(
        "--katalog",
        type=Path,
        default=STANDARD_KATALOG,
        help="körkatalog för nginx.conf, pid-filer, loggar (db/drift)",
    )
    tolk.add_argument(
        "--forsta-replikport",
        type=int,
        help="replikernas portar blir N, N+1, ... (annars lediga portar)",
    )
    tolk.add_argument("--tls-cert", default=os.environ.get("TLS_CERT"), help="certifikatkedja")
    tolk.add_argument("--tls-nyckel", default=os.environ.get("TLS_NYCKEL"), help="privat nyckel")
    tolk.add_argument(
        "--http-port", type=int, default=80, help="med TLS: port som omdirigerar till https (80)"
    )
    a = tolk.parse_args(egna)
    if a.repliker < 1:
        tolk.error("--repliker måste vara minst 1")
    if bool(a.tls_cert) != bool(a.tls_nyckel):
        tolk.error("--tls-cert och --tls-nyckel anges tillsammans")
    return Installningar(
        port=a.port,
        adress=a.adress,
        repliker=a.repliker,
        katalog=a.katalog.resolve(),
        forsta_replikport=a.forsta_replikport,
        tls_cert=a.tls_cert,
        tls_nyckel=a.tls_nyckel,
        http_port=a.http_port,
        streamlit_args=streamlit_args,
    )


def main(argv: list[str] | None = None) -> int:
    return Tillsyn(tolka(sys.argv[1:] if argv is None else argv)).kor()


if __name__ == "__main__":
    sys.exit(main())
