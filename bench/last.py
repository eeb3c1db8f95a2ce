"""Load: many concurrent sessions against one dashboard server on 127.0.0.1.

Two kinds of real websocket sessions run at the same time, each opening a page and then
changing period (two actions in three) or page (every third) with 1–3 s to think in between:

- Protocol sessions (the many): a websocket client speaking Streamlit's own protocol, as the
  browser does (BackMsg rerun_script with the period widget's state or another page's hash),
  timed from sending the rerun to the server's script_finished. Thirty headless Chromiums do
  not fit beside the server on two cores (tried: most could not even load the app within two
  minutes while the server idled at 7 % of a core), and a user's browser runs on the user's
  machine anyway; these sessions load the server the way thirty browsers would.
- Browser sessions (a few): Playwright contexts in Chromium under `nice -n 10`, timed from
  the click to the settled page (see _gemensamt.KLAR): the redraw a user sees while the
  server carries the load.

Errors: an action not finished within 30 s, an exception element (sent by the server, or on
the page), a JavaScript error, a websocket that closes while the session is open.

The server's memory (RSS) and threads are read with psutil: when it has started, after one
warm-up browser session has visited every page and been cleaned up (the baseline: imports
loaded, caches filled), at the peak under load, and after every session has closed and been
cleaned up. The server is started with server.disconnectedSessionTTL = 10 s (default 120 s)
so that cleaning up happens within the run; otherwise it is started as `make run` starts it.

Bounded: a fixed number of sessions and actions, 30 s per action, a total time limit, and a
time limit for the cleanup.
"""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path
from urllib.parse import urlencode

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
from websockets.exceptions import ConnectionClosed

TTL_S = 10
AKTION_MS = 30_000
OPPNA_MS = 120_000
TOTAL_S = 420
MAL_P95_S = 3.0
NARA_BASLINJEN = 1.15  # RSS after / RSS before
TRADAR_OVER = 2  # threads after - threads before (a pool worker may linger)


class Server:
    def __init__(self, process):
        self.process = psutil.Process(process.pid)
        self.process.cpu_percent()
        self.prov: list[tuple[float, int, int, float]] = []
        self.maskin: list[float] = []
        self.klient: list[float] = []
        self.egen = psutil.Process()
        self.egen.cpu_percent()
        psutil.cpu_percent()

    def las(self) -> tuple[int, int]:
        return self.process.memory_info().rss, self.process.num_threads()

    async def provtagning(self, stopp: asyncio.Event) -> None:
        while not stopp.is_set():
            rss, tradar = self.las()
            self.prov.append((time.monotonic(), rss, tradar, self.process.cpu_percent()))
            self.maskin.append(psutil.cpu_percent())
            self.klient.append(self.egen.cpu_percent())
            try:
                await asyncio.wait_for(stopp.wait(), 0.5)
            except asyncio.TimeoutError:
                pass

    async def vanta_pa_stadning(self, baslinje: tuple[int, int], grans_s: float) -> float:
        """Seconds until threads are back at the baseline and RSS near it (or the limit)."""
        start = time.monotonic()
        await asyncio.sleep(TTL_S)
        while time.monotonic() - start < grans_s:
            rss, tradar = self.las()
            if tradar <= baslinje[1] + TRADAR_OVER and rss <= baslinje[0] * NARA_BASLINJEN:
                break
            await asyncio.sleep(1)
        return time.monotonic() - start


class Protokollsession:
    """A Streamlit session over a websocket, without a browser."""

    def __init__(self, bas: str):
        self.bas = bas
        self.sidor: dict[str, str] = {}  # URL path -> page_script_hash
        self.period_id: str | None = None
        self.undantag = 0

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
                    elif slag == "button_group" and element.button_group.id.endswith("-period"):
                        self.period_id = element.button_group.id


async def _protokollsession(
    nr: int, bas: str, handlingar: int, slut: float, ut: dict, startfordrojning: float
) -> None:
    await asyncio.sleep(startfordrojning)
    slump = random.Random(nr)
    vagar = [vag for _, vag in SIDOR.values()]
    vag = vagar[nr % len(vagar)]
    val = 0
    session = Protokollsession(bas)
    adress = bas.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with connect(
            adress,
            subprotocols=["streamlit"],
            origin=bas,
            max_size=None,
            open_timeout=AKTION_MS / 1000,
        ) as ws:
            await session.kor_om(ws, "", None)  # opening: not timed
            if vag:
                await session.kor_om(ws, vag, None)
            for h in range(handlingar):
                if time.monotonic() > slut:
                    ut["fel"].append("total tidsgräns")
                    break
                await asyncio.sleep(slump.uniform(1.0, 3.0))
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
    except (OSError, ConnectionClosed) as fel:
        ut["fel"].append(f"websocket: {type(fel).__name__}")
    if session.undantag:
        ut["fel"].extend(["undantag från servern"] * session.undantag)


async def _klicka(sida, sort: str, text: str) -> bool:
    """KLICKA; first (not timed) open a folded sidebar or the top menu's section with the link."""
    if await sida.evaluate(KLICKA, [sort, text]):
        return True
    if sort == "period":
        if await sida.evaluate(OPPNA_PERIODFILTRET):
            await sida.wait_for_timeout(500)
            return await sida.evaluate(KLICKA, [sort, text])
        return False
    lamna = sida.get_by_text("Avsluta presentationen", exact=True)
    if await lamna.count():
        # the meeting view has no menu on the slide: leave it as a user does (not timed)
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
    nr: int, webblasare, bas: str, handlingar: int, slut: float, ut: dict, startfordrojning: float
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
    try:
        # Opening is not measured: 30 browsers loading the app's scripts at once on two cores
        # take their time, so it gets longer than an action.
        await sida.goto(f"{bas}/{sidor[sida_nr][1]}", timeout=OPPNA_MS)
        await sida.wait_for_function(KLAR, arg=TYST_MS, polling=100, timeout=OPPNA_MS)
        for h in range(handlingar):
            if time.monotonic() > slut:
                ut["fel"].append("total tidsgräns")
                break
            await asyncio.sleep(slump.uniform(1.0, 3.0))
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
        ut["fel"].extend(f"javascript: {fel[:80]}" for fel in js_fel)
        await kontext.close()


def _chromium_med_lagre_prioritet(tmp: Path) -> str:
    """Chromium under `nice -n 10`: the simulated users' browsers share the server's two cores
    here, and should not starve the server they are measuring (a user's browser runs on the
    user's machine)."""
    skript = tmp / "chromium-nice"
    skript.write_text(f'#!/bin/sh\nexec nice -n 10 {CHROMIUM} "$@"\n', encoding="utf-8")
    skript.chmod(0o755)
    return str(skript)


async def _kor(databas: Path, sessioner: int, webblasarsessioner: int, handlingar: int) -> dict:
    process, bas = starta_server(
        "webbserver.py", databas, "--server.disconnectedSessionTTL", str(TTL_S)
    )
    try:
        vanta_pa_halsa(process, bas)
        server = Server(process)
        vid_start = server.las()
        async with async_playwright() as p:
            webblasare = await p.chromium.launch(
                executable_path=_chromium_med_lagre_prioritet(databas.parent),
                args=CHROMIUM_ARGS,
            )
            # warm-up: one session over every page, then cleaned up -> the baseline
            uppvarmning = {"ritad": [], "skript": [], "fel": [], "diagnos": []}
            await _session(
                -1, webblasare, bas, 3 * len(SIDOR), time.monotonic() + 120, uppvarmning, 0
            )
            await server.vanta_pa_stadning(vid_start, 30)
            fore = server.las()

            ut = {"ritad": [], "skript": [], "svar": [], "fel": [], "diagnos": []}
            stopp = asyncio.Event()
            provare = asyncio.create_task(server.provtagning(stopp))
            start = time.monotonic()
            await asyncio.gather(
                *(
                    _protokollsession(i, bas, handlingar, start + TOTAL_S, ut, 0.2 * i)
                    for i in range(sessioner)
                ),
                *(
                    _session(
                        1000 + i, webblasare, bas, handlingar * 2, start + TOTAL_S, ut, 2.0 + i
                    )
                    for i in range(webblasarsessioner)
                ),
            )
            varaktighet = time.monotonic() - start
            stopp.set()
            await provare
            stadtid = await server.vanta_pa_stadning(fore, TTL_S + 40)
            efter = server.las()
            await webblasare.close()
        prov = server.prov
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
            "rss": {
                "start": vid_start[0],
                "fore": fore[0],
                "topp": max((r for _, r, _, _ in prov), default=fore[0]),
                "efter": efter[0],
            },
            "tradar": {
                "start": vid_start[1],
                "fore": fore[1],
                "topp": max((t for _, _, t, _ in prov), default=fore[1]),
                "efter": efter[1],
            },
            "cpu_medel": sum(c for *_, c in prov) / max(len(prov), 1),
            "maskin_cpu_medel": sum(server.maskin) / max(len(server.maskin), 1),
            "klient_cpu_medel": sum(server.klient) / max(len(server.klient), 1),
            "stadtid": stadtid,
            "serverlogg": logg_slut(process, 1500),
        }
    finally:
        stoppa(process)


def mat(databas: Path, sessioner: int, handlingar: int, webblasarsessioner: int = 2) -> dict:
    return asyncio.run(_kor(databas, sessioner, webblasarsessioner, handlingar))


def rapport(r: dict) -> tuple[str, bool]:
    mb = lambda b: tal(b / 2**20, 0)  # noqa: E731
    fel = r["fel"] + r["uppvarmningsfel"]
    p95_svar, p95_ritad = p95(r["svar"]), p95(r["ritad"])
    snabbt = p95_svar <= MAL_P95_S and p95_ritad <= MAL_P95_S
    nara = r["rss"]["efter"] <= r["rss"]["fore"] * NARA_BASLINJEN
    tradar_ok = r["tradar"]["efter"] <= r["tradar"]["fore"] + TRADAR_OVER
    ok = not fel and snabbt and nara and tradar_ok
    text = tabell(
        [
            "sessioner",
            "byten",
            "fel",
            "servern svarar p50 (ms)",
            "p95 (ms)",
            "omritning i webbläsare p50 (ms)",
            "p95 (ms)",
            f"p95 ≤ {MAL_P95_S:.0f} s och inga fel",
        ],
        [
            [
                f"{r['sessioner']} + {r['webblasarsessioner']} i Chromium",
                f"{len(r['svar'])} + {len(r['ritad'])}",
                len(fel),
                ms(median(r["svar"])),
                ms(p95_svar),
                ms(median(r["ritad"])),
                ms(p95_ritad),
                "ja" if (not fel and snabbt) else "**nej**",
            ]
        ],
    )
    text += "\n\n" + tabell(
        [
            "server",
            "vid start",
            "baslinje (efter uppvärmning)",
            "topp under last",
            "efter sessionerna",
            "nära baslinjen",
        ],
        [
            [
                "minne RSS (MB)",
                mb(r["rss"]["start"]),
                mb(r["rss"]["fore"]),
                mb(r["rss"]["topp"]),
                mb(r["rss"]["efter"]),
                "ja" if nara else "**nej**",
            ],
            [
                "trådar",
                r["tradar"]["start"],
                r["tradar"]["fore"],
                r["tradar"]["topp"],
                r["tradar"]["efter"],
                "ja" if tradar_ok else "**nej**",
            ],
        ],
    )
    text += (
        f"\n\n{r['sessioner']} protokollsessioner × {r['handlingar']} byten och "
        f"{r['webblasarsessioner']} webbläsarsessioner × {2 * r['handlingar']} byten på "
        f"{r['varaktighet']:.0f} s. CPU i medel: servern {r['cpu_medel']:.0f} % av en kärna, "
        f"lastklienten (detta skript) {r['klient_cpu_medel']:.0f} %, hela maskinen "
        f"{r['maskin_cpu_medel']:.0f} % av båda (med webbläsarna och allt annat som körde). "
        f"Städat {r['stadtid']:.0f} s efter att sessionerna stängts "
        f'(disconnectedSessionTTL {TTL_S} s). "Nära": RSS högst '
        f"{tal(NARA_BASLINJEN, 2)} × baslinjen, högst {TRADAR_OVER} trådar fler."
    )
    if fel:
        antal: dict[str, int] = {}
        for f in fel:
            antal[f] = antal.get(f, 0) + 1
        text += "\nFel: " + "; ".join(f"{f} ({n})" for f, n in antal.items())
        for rad in r["diagnos"][:10]:
            text += f"\n- {rad}"
        if r["serverlogg"].strip():
            text += "\n\nServerns logg (slutet):\n\n```\n" + r["serverlogg"] + "\n```"
    return text, ok
