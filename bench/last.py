"""Load: many concurrent sessions through nginx against `make serve`'s stack on 127.0.0.1, with
two replicas and with one (and, where drift/serve.py or nginx is missing, against one server).

Two kinds of real websocket sessions run at the same time. Every session first opens a page;
when all are open (so that all of them are connected at once), each changes period (two
actions in three) or page (every third) with 1–3 s to think in between:

- Protocol sessions (the many): a client that behaves as a browser behind nginx without
  drawing anything. It asks nginx for the page (nginx answers with the sticky cookie
  `nyckeltal_replik` that pins the browser to a replica) and for /_stcore/health (Streamlit's
  XSRF cookie), as the browser's page does, then opens the websocket through nginx with both
  cookies and the XSRF token, and speaks Streamlit's protocol (BackMsg rerun_script with the
  period widget's state or another page's hash), timed from sending the rerun to the
  server's script_finished. A hundred headless Chromiums do not fit beside the servers on two
  cores (thirty could not even load the app within two minutes), and a user's browser runs
  on the user's machine anyway; these sessions load the servers the way browsers would.
- Browser sessions (a few): Playwright contexts in Chromium under `nice -n 10`, through nginx,
  timed from the click to the settled page (see _gemensamt.KLAR): the redraw a user sees while
  the servers carry the load.

Errors: an action not finished within 30 s, an exception element (sent by the server, or on
the page), a JavaScript error, a websocket that closes while the session is open, an HTTP
error when opening.

Each replica is measured on its own (psutil on the process drift.serve lists in
repliker.json, and its /_stcore/metrics read directly on its loopback port): memory (RSS) and
threads when it has started, after warm-up (the baseline: imports loaded, caches filled, the
warm-up's sessions cleaned up), at the peak under load and after every session has closed and
been cleaned up; its CPU; and the sessions it got (connected at once when all were open, and in
all). The warm-up runs directly against each replica: one protocol session over every page
and period, one browser session over the pages. Before the load, a few fresh cookies each
open two websockets in turn, to check that a cookie keeps its replica. The replicas run with
server.disconnectedSessionTTL = 10 s (default 120 s) so that cleaning up happens within the
run; otherwise the stack runs as `make serve` runs it.

Bounded: a fixed number of sessions and actions, 30 s per action, 120 s to open, a total time
limit per run, and a time limit for the cleanup.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import driften
import psutil
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
    TOPPMENYNS_AVSNITT,
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
from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

TTL_S = 10
EXTRA = ("--server.disconnectedSessionTTL", str(TTL_S))
AKTION_MS = 30_000
OPPNA_MS = 120_000
TOTAL_S = 420
STARTINTERVALL_S = 0.2
TANKETID_S = (1.0, 3.0)
MAL_P95_S = 3.0
NARA_BASLINJEN = 1.15  # RSS after / RSS before
TRADAR_OVER = 2  # threads after - threads before (a pool worker may linger)
KLISTRIGA_KAKOR = 8  # fresh cookies in the check that a cookie keeps its replica
KAKA = "nyckeltal_replik"
XSRF_KAKA = "_streamlit_xsrf"


# --- the replicas, measured -----------------------------------------------------------------


def _metrik(bas: str) -> dict[str, int]:
    """A replica's session counters from its own /_stcore/metrics (loopback, not via nginx):
    {'aktiva': connected now, 'anslutna': connects since start}."""
    url = f"{bas}/_stcore/metrics?families=active_sessions&families=session_events"
    try:
        with urllib.request.urlopen(url, timeout=5) as svar:
            text = svar.read().decode()
    except OSError:
        return {"aktiva": -1, "anslutna": -1}  # not answering: shows as -1 in the report
    aktiva = re.search(r"^active_sessions (\d+)", text, re.M)
    anslutna = re.search(r'^session_events_total\{type="connect"\} (\d+)', text, re.M)
    return {
        "aktiva": int(aktiva.group(1)) if aktiva else -1,
        "anslutna": int(anslutna.group(1)) if anslutna else -1,
    }


async def metrik(repliker: list[driften.Replik]) -> dict[int, dict[str, int]]:
    svar = await asyncio.gather(*(asyncio.to_thread(_metrik, r.bas) for r in repliker))
    return {r.port: s for r, s in zip(repliker, svar, strict=True)}


class Matning:
    """Samples every replica (RSS, threads, CPU), nginx's CPU, this process and the machine."""

    def __init__(self, repliker: list[driften.Replik], nginx: list[psutil.Process]):
        self.repliker = repliker
        self.processer = {r.port: psutil.Process(r.pid) for r in repliker}
        self.nginx = nginx
        self.egen = psutil.Process()
        for p in [*self.processer.values(), *nginx, self.egen]:
            p.cpu_percent()
        psutil.cpu_percent()
        self.prov: dict[int, list[tuple[int, int, float]]] = {r.port: [] for r in repliker}
        self.nginx_cpu: list[float] = []
        self.maskin: list[float] = []
        self.klient: list[float] = []
        self.forsvunna: set[int] = set()  # replicas whose process exited during the run

    def las(self) -> dict[int, tuple[int, int]]:
        """Per replica port: (RSS, threads); (0, 0) for a replica whose process is gone."""
        ut = {}
        for port, p in self.processer.items():
            try:
                with p.oneshot():
                    ut[port] = (p.memory_info().rss, p.num_threads())
            except psutil.Error:
                self.forsvunna.add(port)
                ut[port] = (0, 0)
        return ut

    async def provtagning(self, stopp: asyncio.Event) -> None:
        while not stopp.is_set():
            for port, p in self.processer.items():
                try:
                    with p.oneshot():
                        prov = (p.memory_info().rss, p.num_threads(), p.cpu_percent())
                except psutil.Error:
                    self.forsvunna.add(port)
                    continue
                self.prov[port].append(prov)
            nginx = 0.0
            for p in self.nginx:
                try:
                    nginx += p.cpu_percent()
                except psutil.Error:
                    pass
            self.nginx_cpu.append(nginx)
            self.maskin.append(psutil.cpu_percent())
            self.klient.append(self.egen.cpu_percent())
            try:
                await asyncio.wait_for(stopp.wait(), 0.5)
            except TimeoutError:
                pass

    async def vanta_pa_stadning(
        self, baslinje: dict[int, tuple[int, int]] | None, grans_s: float
    ) -> float:
        """Seconds until every replica has no session connected, the TTL has passed, and its
        threads are back at the baseline and its RSS near it (or the limit). Without a
        baseline: until the thread counts stop falling."""
        start = time.monotonic()
        while time.monotonic() - start < grans_s:
            if all(m["aktiva"] == 0 for m in (await metrik(self.repliker)).values()):
                break
            await asyncio.sleep(0.5)
        await asyncio.sleep(TTL_S + 1)
        forra = None
        while time.monotonic() - start < grans_s:
            nu = self.las()
            if baslinje is None:
                if forra is not None and all(nu[p][1] >= forra[p][1] for p in nu):
                    break
                forra = nu
            elif all(
                nu[p][1] <= baslinje[p][1] + TRADAR_OVER
                and nu[p][0] <= baslinje[p][0] * NARA_BASLINJEN
                for p in nu
            ):
                break
            await asyncio.sleep(1)
        return time.monotonic() - start


# --- a session speaking Streamlit's protocol ------------------------------------------------


def _hamta(url: str, kakor: dict[str, str]) -> list[str]:
    """GET (as the browser's page does), sending the cookies; returns the Set-Cookie headers."""
    huvud = {"Accept-Encoding": "gzip, br"}
    if kakor:
        huvud["Cookie"] = "; ".join(f"{k}={v}" for k, v in kakor.items())
    with urllib.request.urlopen(urllib.request.Request(url, headers=huvud), timeout=30) as svar:
        svar.read()
        return svar.headers.get_all("Set-Cookie") or []


async def handslag(bas: str, vag: str) -> dict[str, str]:
    """The page and /_stcore/health, as a browser's first visit asks for them: collects the
    cookies (nginx's sticky cookie from the first answer, Streamlit's XSRF cookie from the
    health check) and sends them on, so every request after the first goes to one replica."""
    kakor: dict[str, str] = {}
    for url in (f"{bas}/{vag}", f"{bas}/_stcore/health"):
        for rad in await asyncio.to_thread(_hamta, url, kakor):
            namn, _, varde = rad.split(";", 1)[0].partition("=")
            kakor[namn.strip()] = varde.strip()
    return kakor


def websocket(bas: str, kakor: dict[str, str]):
    """The websocket as Streamlit's page opens it: subprotocols ['streamlit', XSRF token],
    the page's origin and cookies."""
    protokoll = ["streamlit"] + ([kakor[XSRF_KAKA]] if kakor.get(XSRF_KAKA) else [])
    huvud = {"Cookie": "; ".join(f"{k}={v}" for k, v in kakor.items())} if kakor else None
    return connect(
        bas.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=protokoll,
        origin=bas,
        additional_headers=huvud,
        max_size=None,
        open_timeout=AKTION_MS / 1000,
    )


class Protokollsession:
    """A Streamlit session over a websocket, without a browser."""

    def __init__(self, bas: str):
        self.bas = bas
        self.sidor: dict[str, str] = {}  # URL path -> page_script_hash
        self.period_id: str | None = None
        self.undantag = 0
        self.undantagstexter: list[str] = []

    async def kor_om(self, ws, sida: str, etikett: str | None) -> float:
        """One rerun: seconds from sending it to the server's script_finished."""
        meddelande = BackMsg()
        omkorning = meddelande.rerun_script
        omkorning.page_script_hash = self.sidor.get(sida, "")
        if etikett is not None and self.period_id:
            omkorning.query_string = urlencode({"period": etikett})
            widget = omkorning.widget_states.widgets.add()
            widget.id = self.period_id
            widget.string_array_value.data.append(etikett)
        omkorning.context_info.timezone = "Europe/Stockholm"
        omkorning.context_info.locale = "sv-SE"
        omkorning.context_info.url = f"{self.bas}/{sida}"
        omkorning.context_info.color_scheme = "light"
        start = time.perf_counter()
        await ws.send(meddelande.SerializeToString())
        async with asyncio.timeout(AKTION_MS / 1000):
            while True:
                svar = ForwardMsg.FromString(await ws.recv())
                typ = svar.WhichOneof("type")
                if typ == "script_finished":
                    return time.perf_counter() - start
                if typ == "navigation":
                    self.sidor = {
                        p.url_pathname: p.page_script_hash for p in svar.navigation.app_pages
                    }
                elif typ == "delta" and svar.delta.WhichOneof("type") == "new_element":
                    element = svar.delta.new_element
                    slag = element.WhichOneof("type")
                    if slag == "exception":
                        self.undantag += 1
                        undantag = element.exception
                        spar = " | ".join(r.strip() for r in undantag.stack_trace[-4:])
                        self.undantagstexter.append(
                            f"{sida or 'oversikt'}, {etikett}: {undantag.type}: {undantag.message}"[
                                :200
                            ]
                            + (f" [{spar[:600]}]" if spar else "")
                        )
                    elif slag == "button_group" and element.button_group.id.endswith("-period"):
                        self.period_id = element.button_group.id


class Startlinje:
    """Every session opens its page, then waits here until all are open (or the limit), so
    that all of them are connected at once while they act."""

    def __init__(self, antal: int):
        self.kvar = antal
        self.alla = asyncio.Event()
        if antal <= 0:
            self.alla.set()

    def oppnad(self) -> None:
        self.kvar -= 1
        if self.kvar <= 0:
            self.alla.set()

    async def vanta(self) -> None:
        try:
            await asyncio.wait_for(self.alla.wait(), OPPNA_MS / 1000)
        except TimeoutError:
            pass


async def _protokollsession(
    nr: int,
    bas: str,
    handlingar: int,
    slut: float,
    ut: dict,
    startfordrojning: float,
    startlinje: Startlinje,
) -> None:
    await asyncio.sleep(startfordrojning)
    slump = random.Random(nr)
    vagar = [vag for _, vag in SIDOR.values()]
    vag = vagar[nr % len(vagar)]
    val = 0
    session = Protokollsession(bas)
    oppnad = False
    try:
        kakor = await handslag(bas, vag)
        ut["kakor"].append(kakor.get(KAKA))
        async with websocket(bas, kakor) as ws:
            await session.kor_om(ws, "", None)  # opening: not timed
            if vag:
                await session.kor_om(ws, vag, None)
            startlinje.oppnad()
            oppnad = True
            await startlinje.vanta()
            for h in range(handlingar):
                if time.monotonic() > slut:
                    ut["fel"].append("total tidsgräns")
                    break
                await asyncio.sleep(slump.uniform(*TANKETID_S))
                if h % 3 == 2:
                    vag = vagar[
                        (vagar.index(vag) + 1 + slump.randrange(len(vagar) - 1)) % len(vagar)
                    ]
                    etikett = ETIKETTER[SNABBVAL[val]]
                else:
                    val = (val + 1) % len(SNABBVAL)
                    etikett = ETIKETTER[SNABBVAL[val]]
                try:
                    ut["svar"].append(await session.kor_om(ws, vag, etikett))
                except TimeoutError:
                    ut["fel"].append(f"svar inom {AKTION_MS // 1000} s saknas")
                    ut["diagnos"].append(f"protokollsession {nr}: {vag or 'oversikt'}, {etikett}")
    except TimeoutError:
        ut["fel"].append("sidan öppnades inte")
        ut["diagnos"].append(f"protokollsession {nr}: öppna {vag or 'oversikt'}")
    except urllib.error.HTTPError as fel:
        ut["fel"].append(f"http {fel.code}")
    except (OSError, ConnectionClosed, InvalidHandshake) as fel:
        ut["fel"].append(f"websocket: {type(fel).__name__}")
        ut["diagnos"].append(f"protokollsession {nr}: {fel}"[:200])
    finally:
        if not oppnad:
            startlinje.oppnad()
    if session.undantag:
        ut["fel"].extend(["undantag från servern"] * session.undantag)
        ut["diagnos"].extend(session.undantagstexter)


async def _uppvarmning_protokoll(bas: str, ut: dict) -> None:
    """Every page with every quick choice, without thinking: fills the caches one replica's
    pages build for each period."""
    session = Protokollsession(bas)
    try:
        kakor = await handslag(bas, "")
        async with websocket(bas, kakor) as ws:
            await session.kor_om(ws, "", None)
            for _, vag in SIDOR.values():
                await session.kor_om(ws, vag, None)
                for val in SNABBVAL:
                    await session.kor_om(ws, vag, ETIKETTER[val])
    except (TimeoutError, OSError, ConnectionClosed, InvalidHandshake) as fel:
        ut["fel"].append(f"uppvärmning: {type(fel).__name__}")
    if session.undantag:
        ut["fel"].extend(["undantag från servern under uppvärmningen"] * session.undantag)
        ut["diagnos"].extend(f"uppvärmning, {bas}: {t}" for t in session.undantagstexter)


async def _klistrighet(bas: str, repliker: list[driften.Replik], kakor_antal: int) -> dict:
    """Fresh cookies from nginx, each opening two websockets in turn, one after the other: does
    each websocket reach the replica the cookie names? Read from the replicas' own connect
    counters."""
    nummer = {r.port: r.nummer for r in repliker}
    fordelning = {r.nummer: 0 for r in repliker}
    ratt = 0
    for _ in range(kakor_antal):
        kakor = await handslag(bas, "")
        hamnade = []
        for _ in range(2):
            fore = await metrik(repliker)
            session = Protokollsession(bas)
            async with websocket(bas, kakor) as ws:
                await session.kor_om(ws, "", None)
            efter = await metrik(repliker)
            okade = [p for p in efter if efter[p]["anslutna"] > fore[p]["anslutna"]]
            hamnade.append(nummer[okade[0]] if len(okade) == 1 else None)
        if hamnade[0] is not None:
            fordelning[hamnade[0]] += 1
        ratt += hamnade[0] == hamnade[1] == _heltal(kakor.get(KAKA))
    return {"kakor": kakor_antal, "ratt": ratt, "fordelning": fordelning}


def _heltal(text: str | None) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


# --- a session in Chromium ------------------------------------------------------------------


NY_OMKORNING = """
() => {
  window.__korde = false;
  window.__skript_klart = 0;
  window.__ws_meddelanden = 0;
  window.__sist = performance.now();
}
"""


async def _klicka(sida, sort: str, text: str) -> bool:
    """KLICKA; first (not timed) open a folded sidebar or the top menu's section with the link."""
    if await sida.evaluate(KLICKA, [sort, text]):
        return True
    if sort == "period":
        if await sida.evaluate(OPPNA_PERIODFILTRET):
            await sida.wait_for_timeout(500)
            return await sida.evaluate(KLICKA, [sort, text])
        # Seen in the warm-up (no time to think, both replicas warming up at once): a page
        # that had settled redrew its sidebar just as the click came. Once more, after 0.5 s.
        await sida.wait_for_timeout(500)
        return await sida.evaluate(KLICKA, [sort, text])
    lamna = sida.get_by_text("Avsluta presentationen", exact=True)
    if await lamna.count():
        # the meeting view has no menu on the slide: leave it as a user does (not timed). The
        # page's marks are reset as KLICKA resets them, so that KLAR waits for this rerun and
        # not the last one (under load the server may take a second to answer the click).
        await sida.evaluate(NY_OMKORNING)
        await lamna.first.click(timeout=5_000)
        await sida.wait_for_function(KLAR, arg=TYST_MS, polling=100, timeout=AKTION_MS)
        if await sida.evaluate(KLICKA, [sort, text]):
            return True
    avsnitt = sida.locator(TOPPMENYNS_AVSNITT)
    for i in range(await avsnitt.count()):
        await avsnitt.nth(i).click(timeout=5_000)
        await sida.wait_for_timeout(200)
        if await sida.evaluate(KLICKA, [sort, text]):
            return True
        await sida.keyboard.press("Escape")
    return False


async def _session(
    nr: int,
    webblasare,
    bas: str,
    handlingar: int,
    slut: float,
    ut: dict,
    startfordrojning: float,
    startlinje: Startlinje | None = None,
    tanketid: tuple[float, float] = TANKETID_S,
) -> None:
    await asyncio.sleep(startfordrojning)
    slump = random.Random(nr)
    sidor = list(SIDOR.values())
    sida_nr = nr % len(sidor)
    kontext = await webblasare.new_context(viewport=LAPTOP, locale="sv-SE")
    await kontext.add_init_script(OBSERVATOR)
    sida = await kontext.new_page()
    js_fel: list[str] = []
    sida.on("pageerror", lambda fel: js_fel.append(str(fel)))
    oppnad = False
    try:
        # Opening is not measured: browsers loading the app's scripts while a hundred sessions
        # open take their time on two cores, so it gets longer than an action.
        await sida.goto(f"{bas}/{sidor[sida_nr][1]}", timeout=OPPNA_MS)
        await sida.wait_for_function(KLAR, arg=TYST_MS, polling=100, timeout=OPPNA_MS)
        if startlinje is not None:
            startlinje.oppnad()
            oppnad = True
            await startlinje.vanta()
        for h in range(handlingar):
            if time.monotonic() > slut:
                ut["fel"].append("total tidsgräns")
                break
            await asyncio.sleep(slump.uniform(*tanketid))
            if h % 3 == 2:
                sida_nr = (sida_nr + 1 + slump.randrange(len(sidor) - 1)) % len(sidor)
                sort, text = "sida", sidor[sida_nr][1]
            else:
                sort, text = "period", ""
            if not await _klicka(sida, sort, text):
                ut["fel"].append(f"hittar inte {sort} {text!r}")
                ut["diagnos"].append(
                    f"hittar inte {sort} {text!r} på "
                    f"{await sida.evaluate('location.pathname')}: " + await sida.evaluate(TILLSTAND)
                )
                continue
            try:
                await sida.wait_for_function(KLAR, arg=TYST_MS, polling=100, timeout=AKTION_MS)
            except PlaywrightTimeout:
                ut["fel"].append(f"ej klar inom {AKTION_MS // 1000} s")
                var = await sida.evaluate("location.pathname")
                tillstand = await sida.evaluate(TILLSTAND)
                ut["diagnos"].append(f"{sort} {text!r} på {var}: {tillstand}")
                continue
            ritad, skript = await sida.evaluate(MATT)
            ut["ritad"].append(ritad / 1000)
            if skript is not None:
                ut["skript"].append(skript / 1000)
            if await sida.evaluate(FEL_I_SIDAN):
                text = await sida.locator('[data-testid="stException"]').first.inner_text()
                ut["fel"].append(
                    f"undantag på sidan {sidor[sida_nr][1] or 'oversikt'}: "
                    + " ".join(text.split())[:120]
                )
        if await sida.evaluate("window.__ws_stangda"):
            ut["fel"].append("websocket stängd")
    except PlaywrightTimeout:
        ut["fel"].append("sidan öppnades inte")
        ut["diagnos"].append(f"öppna {sidor[sida_nr][1]!r}: " + await sida.evaluate(TILLSTAND))
    finally:
        if startlinje is not None and not oppnad:
            startlinje.oppnad()
        ut["fel"].extend(f"javascript: {fel[:80]}" for fel in js_fel)
        await kontext.close()


def _chromium_med_lagre_prioritet(tmp: Path) -> str:
    """Chromium under `nice -n 10`: the simulated users' browsers share the servers' two cores
    here, and should not starve the servers they are measuring (a user's browser runs on the
    user's machine)."""
    skript = tmp / "chromium-nice"
    skript.write_text(f'#!/bin/sh\nexec nice -n 10 {CHROMIUM} "$@"\n', encoding="utf-8")
    skript.chmod(0o755)
    return str(skript)


# --- one run: a stack (or one server), warm-up, load, cleanup ------------------------------


def _resultat() -> dict:
    return {"ritad": [], "skript": [], "svar": [], "fel": [], "diagnos": [], "kakor": []}


async def _mot(
    bas: str,
    repliker: list[driften.Replik],
    nginx: list[psutil.Process],
    webblasare,
    sessioner: int,
    webblasarsessioner: int,
    handlingar: int,
) -> dict:
    """Warm-up, the stickiness check, the load and the cleanup against a running stack."""
    matning = Matning(repliker, nginx)
    vid_start = matning.las()
    uppvarmning = _resultat()
    await asyncio.gather(
        *(_uppvarmning_protokoll(r.bas, uppvarmning) for r in repliker),
        *(
            _session(
                -1 - i,
                webblasare,
                r.bas,
                2 * len(SIDOR),
                time.monotonic() + 180,
                uppvarmning,
                0,
                tanketid=(0.0, 0.0),
            )
            for i, r in enumerate(repliker)
        ),
    )
    klistrig = None
    if len(repliker) > 1:
        try:
            klistrig = await _klistrighet(bas, repliker, KLISTRIGA_KAKOR)
        except (TimeoutError, OSError, ConnectionClosed, InvalidHandshake) as fel:
            uppvarmning["fel"].append(f"kontroll av kakan: {type(fel).__name__}")
    await matning.vanta_pa_stadning(None, 60)
    fore = matning.las()
    anslutna_fore = await metrik(repliker)

    ut = _resultat()
    startlinje = Startlinje(sessioner + webblasarsessioner)
    stopp = asyncio.Event()
    provare = asyncio.create_task(matning.provtagning(stopp))
    start = time.monotonic()

    async def vid_startlinjen() -> dict[int, dict[str, int]]:
        await startlinje.vanta()
        return await metrik(repliker)

    oppna, *_ = await asyncio.gather(
        vid_startlinjen(),
        *(
            _protokollsession(
                i, bas, handlingar, start + TOTAL_S, ut, STARTINTERVALL_S * i, startlinje
            )
            for i in range(sessioner)
        ),
        *(
            _session(
                1000 + i,
                webblasare,
                bas,
                handlingar * 2,
                start + TOTAL_S,
                ut,
                2.0 + i,
                startlinje,
            )
            for i in range(webblasarsessioner)
        ),
    )
    varaktighet = time.monotonic() - start
    anslutna_efter = await metrik(repliker)
    stopp.set()
    await provare
    stadtid = await matning.vanta_pa_stadning(fore, TTL_S + 60)
    efter = matning.las()
    aktiva_efter = await metrik(repliker)

    per_replik = []
    for r in repliker:
        prov = matning.prov[r.port]
        per_replik.append(
            {
                "port": r.port,
                "nummer": r.nummer,
                "kakor": sum(k == str(r.nummer) for k in ut["kakor"]),
                "rss": {
                    "start": vid_start[r.port][0],
                    "fore": fore[r.port][0],
                    "topp": max((x[0] for x in prov), default=fore[r.port][0]),
                    "efter": efter[r.port][0],
                },
                "tradar": {
                    "start": vid_start[r.port][1],
                    "fore": fore[r.port][1],
                    "topp": max((x[1] for x in prov), default=fore[r.port][1]),
                    "efter": efter[r.port][1],
                },
                "cpu_medel": sum(x[2] for x in prov) / max(len(prov), 1),
                "oppna_samtidigt": oppna[r.port]["aktiva"],
                "anslutna": anslutna_efter[r.port]["anslutna"] - anslutna_fore[r.port]["anslutna"],
                "aktiva_efter": aktiva_efter[r.port]["aktiva"],
                "forsvann": r.port in matning.forsvunna,
            }
        )
        if r.port in matning.forsvunna:
            ut["fel"].append(f"replik {r.nummer or r.port} avslutades under körningen")
    medel = lambda v: sum(v) / max(len(v), 1)  # noqa: E731
    return {
        "sessioner": sessioner,
        "webblasarsessioner": webblasarsessioner,
        "handlingar": handlingar,
        "varaktighet": varaktighet,
        "svar": ut["svar"],
        "ritad": ut["ritad"],
        "skript": ut["skript"],
        "fel": ut["fel"],
        "uppvarmningsfel": uppvarmning["fel"],
        "diagnos": uppvarmning["diagnos"] + ut["diagnos"],
        "kakor": ut["kakor"],
        "per_replik": per_replik,
        "klistrig": klistrig,
        "nginx_cpu_medel": medel(matning.nginx_cpu) if nginx else None,
        "maskin_cpu_medel": medel(matning.maskin),
        "klient_cpu_medel": medel(matning.klient),
        "stadtid": stadtid,
    }


async def _kor(
    databas: Path, repliker: int | None, sessioner: int, webblasarsessioner: int, handlingar: int
) -> dict:
    """One configuration: `repliker` replicas behind nginx (drift.serve), or None for one
    server started as `make run` starts it."""
    async with async_playwright() as p:
        webblasare = await p.chromium.launch(
            executable_path=_chromium_med_lagre_prioritet(databas.parent), args=CHROMIUM_ARGS
        )
        try:
            if repliker is None:
                process, bas = starta_server("webbserver.py", databas, *EXTRA)
                try:
                    vanta_pa_halsa(process, bas)
                    server = driften.Replik(int(bas.rsplit(":", 1)[1]), process.pid)
                    r = await _mot(
                        bas, [server], [], webblasare, sessioner, webblasarsessioner, handlingar
                    )
                    r["namn"] = "direkt, en server"
                    r["serverlogg"] = logg_slut(process, 1500)
                    r["nginxfel"] = []
                finally:
                    stoppa(process)
            else:
                katalog = databas.parent / f"drift-{repliker}"
                with driften.Drift(databas, katalog, repliker, *EXTRA) as drift:
                    r = await _mot(
                        drift.bas,
                        drift.repliker,
                        drift.nginx(),
                        webblasare,
                        sessioner,
                        webblasarsessioner,
                        handlingar,
                    )
                    r["namn"] = f"nginx, {repliker} {'repliker' if repliker > 1 else 'replik'}"
                    r["serverlogg"] = drift.logg_slut(1500)
                r["nginxfel"] = drift.nginxfel()
                r["atkomst"] = drift.atkomst()
                r["kvarlamnade"] = drift.kvarlamnade
        finally:
            await webblasare.close()
    r["repliker"] = repliker
    return r


def mat(
    databas: Path,
    sessioner: int,
    handlingar: int,
    webblasarsessioner: int = 2,
    repliker: tuple[int, ...] = (2, 1),
) -> dict:
    """One run per replica count through nginx; against one direct server if the stack cannot
    run here (the reason is kept)."""
    saknas = driften.saknas()
    konfigurationer = (None,) if saknas else repliker
    return {
        "saknas": saknas,
        "korningar": [
            asyncio.run(_kor(databas, n, sessioner, webblasarsessioner, handlingar))
            for n in konfigurationer
        ],
    }


# --- the report -----------------------------------------------------------------------------


def _mal(r: dict) -> dict[str, bool]:
    fel = r["fel"] + r["uppvarmningsfel"]
    return {
        "fel": not fel and not r.get("atkomst", {}).get("5xx"),
        "snabbt": p95(r["svar"]) <= MAL_P95_S and p95(r["ritad"]) <= MAL_P95_S,
        "minne": all(_nara(x) for x in r["per_replik"]),
        "klistrig": r["klistrig"] is None or r["klistrig"]["ratt"] == r["klistrig"]["kakor"],
    }


def _nara(x: dict) -> bool:
    return (
        not x["forsvann"]
        and x["rss"]["efter"] <= x["rss"]["fore"] * NARA_BASLINJEN
        and x["tradar"]["efter"] <= x["tradar"]["fore"] + TRADAR_OVER
    )


def _korningens_stycke(r: dict) -> str:
    """A run's paragraph under the tables: time, CPU, clean-up, cookies, nginx, errors."""
    text = ""
    cpu = [f"{x['cpu_medel']:.0f}" for x in r["per_replik"]]
    text += (
        f"\n\n{r['namn']}: {r['varaktighet']:.0f} s. CPU i medel: "
        f"{'repliken' if len(cpu) == 1 else 'replikerna'} {' + '.join(cpu)} % av en kärna"
    )
    if r["nginx_cpu_medel"] is not None:
        text += f", nginx {r['nginx_cpu_medel']:.0f} %"
    text += (
        f", lastklienten (detta skript) {r['klient_cpu_medel']:.0f} %, hela maskinen "
        f"{r['maskin_cpu_medel']:.0f} % av båda (med webbläsarna och allt annat som körde). "
        f"Städat {r['stadtid']:.0f} s efter att sessionerna stängts."
    )
    kvar = [x["aktiva_efter"] for x in r["per_replik"]]
    if any(kvar):
        text += f" **Sessioner kvar efter städningen: {' + '.join(map(str, kvar))}.**"
    if r["klistrig"]:
        k = r["klistrig"]
        text += (
            f" Kakan: för {k['ratt']} av {k['kakor']} nya kakor nådde två websocketar i "
            "följd båda repliken kakan anger (nya kakor fördelade "
            f"{' + '.join(str(n) for n in k['fordelning'].values())})."
        )
    if r["repliker"] is not None:
        a = r["atkomst"]
        exempel = ", ".join(
            f"{k} ({n})" for k, n in sorted(a["exempel"].items(), key=lambda kv: -kv[1])[:4]
        )
        text += (
            f" nginx: {a['anrop']} anrop i access.log, {a['4xx']} svar 4xx, {a['5xx']} 5xx"
            + (f" ({exempel})" if exempel else "")
            + "; "
            + (
                f"{len(r['nginxfel'])} varningar eller fel i nginx och drift.serve:"
                if r["nginxfel"]
                else "inga varningar eller fel från nginx eller drift.serve."
            )
        )
        for rad in r["nginxfel"][:8]:
            text += f"\n    {rad[:200]}"
        if r["kvarlamnade"]:
            text += f"\n{r['kvarlamnade']} processer var kvar när drift.serve hade stoppats."
    fel = r["fel"] + r["uppvarmningsfel"]
    if fel:
        antal: dict[str, int] = {}
        for f in fel:
            antal[f] = antal.get(f, 0) + 1
        text += "\nFel: " + "; ".join(f"{f} ({n})" for f, n in antal.items())
        for rad in r["diagnos"][:10]:
            text += f"\n- {rad}"
        if r["serverlogg"].strip():
            text += "\n\nLogg (slutet):\n\n```\n" + r["serverlogg"] + "\n```"
    return text


def rapport(resultat: dict) -> tuple[str, bool]:
    mb = lambda b: tal(b / 2**20, 0)  # noqa: E731
    korningar = resultat["korningar"]
    rader, per_replik = [], []
    ok = True
    for r in korningar:
        mal = _mal(r)
        ok &= all(mal.values())
        rader.append(
            [
                r["namn"],
                f"{r['sessioner']} + {r['webblasarsessioner']} i Chromium",
                f"{len(r['svar'])} + {len(r['ritad'])}",
                len(r["fel"] + r["uppvarmningsfel"]),
                ms(median(r["svar"])),
                ms(p95(r["svar"])),
                ms(median(r["ritad"])),
                ms(p95(r["ritad"])),
                " + ".join(str(x["oppna_samtidigt"]) for x in r["per_replik"]),
                "ja" if (mal["fel"] and mal["snabbt"]) else "**nej**",
            ]
        )
        for x in r["per_replik"]:
            per_replik.append(
                [
                    r["namn"],
                    x["nummer"] or "–",
                    x["kakor"] if r["repliker"] else "–",
                    x["oppna_samtidigt"],
                    x["anslutna"],
                    " → ".join(mb(x["rss"][k]) for k in ("start", "fore", "topp", "efter")),
                    " → ".join(str(x["tradar"][k]) for k in ("start", "fore", "topp", "efter")),
                    f"{x['cpu_medel']:.0f}",
                    "ja" if _nara(x) else "**nej**",
                ]
            )
    text = ""
    if resultat["saknas"]:
        text += f"Genom nginx gick inte att mäta ({resultat['saknas']}); mot en server direkt.\n\n"
    text += tabell(
        [
            "uppsättning",
            "sessioner",
            "byten",
            "fel",
            "servern svarar p50 (ms)",
            "p95 (ms)",
            "omritning i webbläsare p50 (ms)",
            "p95 (ms)",
            "sessioner per replik",
            f"p95 ≤ {MAL_P95_S:.0f} s och inga fel",
        ],
        rader,
    )
    text += "\n\n" + tabell(
        [
            "uppsättning",
            "replik",
            "kakor",
            "öppna samtidigt",
            "anslutna",
            "RSS (MB): start → baslinje → topp → efter",
            "trådar",
            "CPU medel (% av en kärna)",
            "nära baslinjen",
        ],
        per_replik,
    )
    r0 = korningar[0]
    text += (
        f"\n\n{r0['sessioner']} protokollsessioner × {r0['handlingar']} byten och "
        f"{r0['webblasarsessioner']} webbläsarsessioner × {2 * r0['handlingar']} byten per "
        "uppsättning; alla öppnar sin sida först och börjar byta när alla är öppna. Kakor: "
        "protokollsessioner vars kaka nyckeltal_replik (från nginx första svar) pekar på "
        "repliken. Öppna samtidigt: sessioner repliken själv räknade när alla var öppna, "
        "anslutna: websocketar den tog emot under lasten (/_stcore/metrics). Baslinjen är efter "
        f'uppvärmningen och städningen; "nära": RSS högst {tal(NARA_BASLINJEN, 2)} × '
        f"baslinjen, högst {TRADAR_OVER} trådar fler (disconnectedSessionTTL {TTL_S} s)."
    )
    for r in korningar:
        text += _korningens_stycke(r)
    return text, ok
