"""Server side: each page's rerun time after a period change, next to an empty page's.

streamlit.testing.v1.AppTest runs the entry script as the server does. Every app (the empty
page bench/tom_sida.py and each page, reached from dashboard.py with switch_page) keeps its own
AppTest; one round gives each app a period change and a timed rerun, in a rotating order, so
they share the machine's state over the run (interleaved, same process).

One correction makes AppTest time what the server spends: AppTest compiles the scripts again
on every run (a new ScriptCache per run), a server compiles them once. The benchmark hands
AppTest one shared ScriptCache, as the server has.

Warm: the query results (st.cache_data) and the pages' built content (sidor._delat.vy)
are cached as after any earlier visit to the period; one cycle through the periods runs first,
untimed. Cold: both cleared before the rerun, so every query runs and every figure is built (the
first visitor of a period after a start or an import).
"""

from __future__ import annotations

import time

import streamlit as st
import streamlit.testing.v1.app_test as _app_test
import streamlit.testing.v1.local_script_runner as _local_script_runner
from _gemensamt import BENCH, ROT, SIDOR, SNABBVAL, median, ms, p95, tabell, tal
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest

from sidor._delat import _vy

_DELAD = ScriptCache()
_app_test.ScriptCache = lambda: _DELAD
_local_script_runner.ScriptCache = lambda: _DELAD

TOM = "tom sida"
MAL_GANGER = 10.0


def _appar() -> dict[str, AppTest]:
    appar = {TOM: AppTest.from_file(str(BENCH / "tom_sida.py"), default_timeout=120).run()}
    for namn, (fil, _) in SIDOR.items():
        at = AppTest.from_file(str(ROT / "dashboard.py"), default_timeout=120).run()
        appar[namn] = at.switch_page(fil).run()
    for namn, at in appar.items():
        if at.exception:
            raise RuntimeError(f"{namn}: {at.exception[0].message}")
    return appar


def _kor_om(at: AppTest, val: str) -> float:
    at.segmented_control(key="period").set_value(val)
    start = time.perf_counter()
    at.run()
    tid = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return tid


def mat(varv: int, kalla_varv: int) -> dict:
    appar = _appar()
    namn = list(appar)
    varm: dict[str, list[float]] = {n: [] for n in namn}
    kall: dict[str, list[float]] = {n: [] for n in namn}
    for i in range(len(SNABBVAL)):  # warm-up: every period once, untimed
        for n in namn:
            _kor_om(appar[n], SNABBVAL[(i + 1) % len(SNABBVAL)])
    steg = len(SNABBVAL)
    for i in range(varv):
        ordning = namn[i % len(namn) :] + namn[: i % len(namn)]
        for n in ordning:
            varm[n].append(_kor_om(appar[n], SNABBVAL[(steg + 1) % len(SNABBVAL)]))
        steg += 1
    for i in range(kalla_varv):
        ordning = namn[i % len(namn) :] + namn[: i % len(namn)]
        for n in ordning:
            st.cache_data.clear()
            _vy.clear()
            kall[n].append(_kor_om(appar[n], SNABBVAL[(steg + 1) % len(SNABBVAL)]))
        steg += 1
    return {"varm": varm, "kall": kall}


def rapport(resultat: dict) -> tuple[str, bool]:
    varm, kall = resultat["varm"], resultat["kall"]
    bas = median(varm[TOM])
    rader, alla_ok = [], True
    for namn in varm:
        kvot = median(varm[namn]) / bas
        ok = namn == TOM or kvot <= MAL_GANGER
        alla_ok &= ok
        rader.append(
            [
                namn,
                ms(median(varm[namn])),
                ms(p95(varm[namn])),
                "1,0" if namn == TOM else tal(kvot),
                ms(median(kall[namn])),
                "" if namn == TOM else ("ja" if ok else "**nej**"),
            ]
        )
    text = tabell(
        [
            "sida",
            "omkörning median (ms)",
            "p95 (ms)",
            "× tom sida",
            "kall cache median (ms)",
            f"≤ {MAL_GANGER:.0f}×",
        ],
        rader,
    )
    n = len(varm[TOM])
    text += f"\n\n{n} omkörningar per sida (varm), {len(kall[TOM])} med tömd cache."
    return text, alla_ok
