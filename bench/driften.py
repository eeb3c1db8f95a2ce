"""`make serve`'s stack for the benchmark: nginx in front of N Streamlit replicas, started by
the project's own supervisor (`python -m drift.serve`, see drift/serve.py) on a free loopback
port with the benchmark's database.

The supervisor writes the replicas' ports and process ids to `repliker.json` in its directory;
the benchmark reads them to measure each replica (memory, threads, CPU, sessions) and to warm
each one up directly, bypassing nginx. Stopped with SIGTERM as an operator stops it; whatever
is left after the time limit (the supervisor, nginx, a replica) is killed by its process id.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
from _gemensamt import ROT, halsosam, ledig_port

from drift.serve import nginx_program

# nginx's error log format: "2026/11/27 20:40:01 [error] 12#12: *5 ..."
NGINX_FEL = re.compile(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[(warn|error|crit|alert|emerg)\]")
SUPERVISOR_FEL = re.compile(r"oväntat|startas om|svarade inte|stannade inte|dödas")
# the status after the request line in nginx's combined log format
STATUS = re.compile(r'" (\d{3}) ')


@dataclass(frozen=True)
class Replik:
    port: int
    pid: int
    nummer: int = 0  # drift.serve's number, also the value of nginx's cookie nyckeltal_replik

    @property
    def bas(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def saknas() -> str | None:
    """Why the stack cannot run here (None if it can)."""
    if not Path(nginx_program()).exists():
        return "nginx saknas (make nginx installerar det)"
    return None


class Drift:
    """One run of the stack: `with Drift(databas, katalog, 2, ...) as drift: drift.bas`."""

    def __init__(self, databas: Path, katalog: Path, repliker: int, *extra: str):
        self.databas = databas
        self.katalog = katalog
        self.antal = repliker
        self.extra = extra
        self.port = ledig_port()
        self.bas = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.repliker: list[Replik] = []
        self._sedda: set[int] = set()  # every pid seen under the supervisor, to clean up
        self.kvarlamnade = 0  # processes still alive when the supervisor had exited

    def __enter__(self) -> Drift:
        self.starta()
        try:
            self.vanta()
        except BaseException:
            self.stoppa()
            raise
        return self

    def __exit__(self, *_) -> None:
        self.stoppa()

    @property
    def logg(self) -> Path:
        return self.katalog / "serve.log"

    def starta(self) -> None:
        self.katalog.mkdir(parents=True, exist_ok=True)
        (self.katalog / "repliker.json").unlink(missing_ok=True)
        sokvag = os.pathsep.join(filter(None, [str(ROT), os.environ.get("PYTHONPATH")]))
        miljo = dict(os.environ, NYCKELTAL_DB=str(self.databas), PYTHONPATH=sokvag)
        with open(self.logg, "wb") as logg:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "drift.serve",
                    "--port",
                    str(self.port),
                    "--adress",
                    "127.0.0.1",
                    "--repliker",
                    str(self.antal),
                    "--katalog",
                    str(self.katalog),
                    *(["--", *self.extra] if self.extra else []),
                ],
                cwd=ROT,
                env=miljo,
                stdout=logg,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: nothing else is hit by a kill
            )

    def _las_repliker(self) -> list[Replik]:
        """The replicas drift.serve reports serving (number, port, pid, klar)."""
        try:
            poster = json.loads((self.katalog / "repliker.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [
            Replik(int(p["port"]), int(p["pid"]), int(p.get("nummer", 0)))
            for p in poster
            if p.get("pid") and p.get("klar", True)
        ]

    def vanta(self, grans_s: float = 120.0) -> None:
        """Until repliker.json lists N live replicas, each healthy, and nginx answers."""
        slut = time.monotonic() + grans_s
        while time.monotonic() < slut:
            if self.process.poll() is not None:
                raise RuntimeError("drift.serve avslutades: " + self.logg_slut())
            repliker = self._las_repliker()
            if (
                len(repliker) == self.antal
                and all(psutil.pid_exists(r.pid) for r in repliker)
                and all(halsosam(r.bas, timeout=2) for r in repliker)
                and halsosam(self.bas, timeout=2)
            ):
                self.repliker = repliker
                self._minns()
                return
            time.sleep(0.2)
        raise RuntimeError(f"drift.serve blev inte klar inom {grans_s:.0f} s: " + self.logg_slut())

    def _minns(self) -> None:
        try:
            barn = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.Error:
            return
        self._sedda.update(p.pid for p in barn)
        self._sedda.update(r.pid for r in self.repliker)

    def nginx(self) -> list[psutil.Process]:
        """nginx's master and workers (the supervisor's descendants named nginx)."""
        try:
            barn = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.Error:
            return []
        ut = []
        for p in barn:
            try:
                if p.name().startswith("nginx"):
                    ut.append(p)
            except psutil.Error:
                pass
        return ut

    def nginxfel(self) -> list[str]:
        """nginx's warnings and errors (its error log goes to the supervisor's stderr, which is
        our log file) and the supervisor's own reports of a replica that died or was restarted."""
        rader = []
        for rad in self.logg_slut(10**7).splitlines():
            if NGINX_FEL.match(rad) or ("drift:" in rad and SUPERVISOR_FEL.search(rad)):
                rader.append(rad)
        return rader

    def atkomst(self) -> dict:
        """nginx's access log: requests in all, those answered with 4xx and 5xx, and which
        (request line without the query, status: count)."""
        ut: dict = {"anrop": 0, "4xx": 0, "5xx": 0, "exempel": {}}
        try:
            text = (self.katalog / "access.log").read_text(errors="replace")
        except OSError:
            return ut
        for rad in text.splitlines():
            traff = STATUS.search(rad)
            if not traff:
                continue
            ut["anrop"] += 1
            if traff[1][0] in "45":
                ut[traff[1][0] + "xx"] += 1
                anrop = rad.split('"')[1] if rad.count('"') >= 2 else rad
                nyckel = f"{anrop.split('?')[0]} {traff[1]}"
                ut["exempel"][nyckel] = ut["exempel"].get(nyckel, 0) + 1
        return ut

    def logg_slut(self, tecken: int = 2000) -> str:
        try:
            return self.logg.read_text(errors="replace")[-tecken:]
        except OSError:
            return ""

    def stoppa(self, grans_s: float = 40.0) -> None:
        """SIGTERM to the supervisor, as an operator stops it; after the limit, kill what is left
        of what it started (by process id)."""
        if self.process is None:
            return
        self._minns()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=grans_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        kvar = []
        for pid in self._sedda:
            try:
                p = psutil.Process(pid)
                if p.status() != psutil.STATUS_ZOMBIE:
                    kvar.append(p)
            except psutil.Error:
                pass
        if kvar:
            _, levande = psutil.wait_procs(kvar, timeout=10)
            for p in levande:
                try:
                    p.kill()
                except psutil.Error:
                    pass
        self.kvarlamnade = len(kvar)
