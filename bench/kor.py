"""The dashboard's benchmark: speed, scale and load, printed as tables (make bench).

    .venv/bin/python bench/kor.py            # the whole run, a few minutes
    .venv/bin/python bench/kor.py --snabb    # fewer repetitions, about a minute
    .venv/bin/python bench/kor.py --delar server skala

Parts: server (AppTest reruns against an empty page), webblasare (period change to settled
page in Chromium against a one-chart page), kallstart (start command to first page drawn, and
the first and second visit directly and through nginx), skala (the named queries on synthetic
data at 1x, 100x, 10 000x), last (concurrent sessions through nginx against `make serve`'s
stack with two replicas and with one). Everything runs on 127.0.0.1 and in a temporary
directory; the developer's db/ and data/ are not touched. A figure is not a test: the exit code
is 0 whether or not a target is met; the tables say which are.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

HAR = Path(__file__).resolve().parent
sys.path[:0] = [str(HAR), str(HAR.parent)]
# Streamlit's notes on AppTest's missing runtime are expected; errors still show.
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")

DELAR = ("server", "webblasare", "kallstart", "skala", "last")


def maskin() -> str:
    import psutil

    cpu = platform.processor() or platform.machine()
    try:
        for rad in Path("/proc/cpuinfo").read_text().splitlines():
            if rad.startswith("model name"):
                cpu = rad.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    minne = psutil.virtual_memory().total / 2**30
    return (
        f"{cpu}, {os.cpu_count()} kärnor, {minne:.0f} GiB, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def belastning() -> str:
    """Load average over 1 and 5 minutes: other work on the machine shows in every figure."""
    en, fem, _ = os.getloadavg()
    return f"load average {en:.1f} (1 min), {fem:.1f} (5 min) på {os.cpu_count()} kärnor"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snabb", action="store_true", help="färre upprepningar")
    parser.add_argument("--delar", nargs="+", choices=DELAR, default=list(DELAR))
    parser.add_argument(
        "--sessioner",
        type=int,
        default=None,
        help="samtidiga sessioner i lasttestet (100; 20 med --snabb)",
    )
    parser.add_argument("--json", type=Path, help="spara mätvärdena här")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="nyckeltal-bench-") as tmp:
        tmp = Path(tmp)
        databas = tmp / "nyckeltal.duckdb"
        os.environ["NYCKELTAL_DB"] = str(databas)  # AppTest and servers use their own build
        import logging

        logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
            logging.ERROR
        )
        from nyckeltal import bygg

        bygg.sakerstall(databas)
        start = time.monotonic()
        print(
            f"# Prestanda {datetime.date.today().isoformat()}"
            f"{' (--snabb)' if args.snabb else ''}\n\nMaskin: {maskin()}\n",
            flush=True,
        )
        print(f"Maskinens belastning före: {belastning()}\n", flush=True)
        resultat, mal = {}, {}

        if "server" in args.delar:
            import serversidan

            print("## Serversidan: omkörning efter periodbyte (AppTest)\n", flush=True)
            r = serversidan.mat(varv=8 if args.snabb else 20, kalla_varv=2 if args.snabb else 3)
            text, mal["server"] = serversidan.rapport(r)
            print(text + f"\nBelastning: {belastning()}.\n", flush=True)
            resultat["server"] = r

        if "webblasare" in args.delar or "kallstart" in args.delar:
            import webblasaren

            if "webblasare" in args.delar:
                print("## Webbläsaren: periodbyte till färdigritad sida (Chromium)\n", flush=True)
                r = webblasaren.mat_periodbyte(databas, varv=3 if args.snabb else 8)
                text, mal["webblasare"] = webblasaren.rapport_periodbyte(r)
                print(text + f"\nBelastning: {belastning()}.\n", flush=True)
                resultat["webblasare"] = r
            if "kallstart" in args.delar:
                print("## Kallstart: startkommando till första ritade sida\n", flush=True)
                r = webblasaren.mat_kallstart(tmp, ganger=1 if args.snabb else 2)
                print(
                    webblasaren.rapport_kallstart(r) + f"\nBelastning: {belastning()}.\n",
                    flush=True,
                )
                resultat["kallstart"] = r
                print("## Första besöket: direkt och genom nginx\n", flush=True)
                r = webblasaren.mat_forsta_besok(databas, tmp, ganger=2 if args.snabb else 5)
                print(
                    webblasaren.rapport_forsta_besok(r) + f"\nBelastning: {belastning()}.\n",
                    flush=True,
                )
                resultat["forsta_besok"] = r

        if "skala" in args.delar:
            import skala

            print("## Skala: frågorna på syntetiska data\n", flush=True)
            r = skala.mat(databas, tmp, upprepningar=3 if args.snabb else 10)
            text, mal["skala"] = skala.rapport(r)
            print(text + f"\nBelastning: {belastning()}.\n", flush=True)
            resultat["skala"] = r

        if "last" in args.delar:
            import last

            sessioner = args.sessioner or (20 if args.snabb else 100)
            mot = "mot en server" if last.driften.saknas() else "genom nginx, 2 repliker och 1"
            print(f"## Last: {sessioner} samtidiga sessioner och 2 i Chromium {mot}\n", flush=True)
            r = last.mat(databas, sessioner=sessioner, handlingar=4 if args.snabb else 10)
            text, mal["last"] = last.rapport(r)
            print(text + f"\nBelastning: {belastning()}.\n", flush=True)
            resultat["last"] = r

        print("## Mål\n")
        for del_, ok in mal.items():
            print(f"- {del_}: {'nått' if ok else 'INTE nått'}")
        print(f"\nTotal tid {time.monotonic() - start:.0f} s.")
        if args.json:
            args.json.write_text(json.dumps(resultat, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
