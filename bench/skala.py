"""Scale: the project's own named queries (Databas.fraga) on synthetic databases at 1x, 100x and
10 000x the seed volume: time per query and memory.

The synthetic files are built in a temporary directory from sql/schema.sql and the seeded
database, never from or into data/. Municipalities are modelled as extra indicators: copy k of
every indicator gets the id '<indikator>_k0001' … with the same unit, area, direction, type and
dimension (municipality 0 keeps the real ids: it is Borås). Years are modelled as earlier blocks
of the seed's years (2020–2022, then 2017–2019, … back to 2008). So factor = municipalities x
year blocks: 1x = 1 x 1, 100x = 20 x 5, 10 000x = 2 000 x 5 (2.56 million values). For scale:
290 municipalities x 20 years of every indicator is about 2 000x.

Why not municipalities as dimension values: in varden the dimension '' is the indicator's total
and part of the primary key, and a dimension value must belong to the indicator's own dimension
(kön, verksamhet …; indicators without one take only ''). A municipality's total cannot be
written as a dimension value without breaking both. As extra indicators every row satisfies the
schema's constraints, and every query about Borås's indicators must return exactly what it
returns on the seed: the benchmark checks that. Queries over the whole database (every value,
every indicator, every source) return more rows as the database grows, as they would.

Rows are inserted in the order data would arrive: the oldest year block first, every
municipality within it, so Borås's latest values are not conveniently first on disk. What the
build derives from the values (the reconciliation checks) is derived the same way here, for
every municipality.

A query that could answer for every indicator takes the list $indikatorer; the pages pass the
ones they show, and the benchmark passes the most any page asks for: all of Borås's own
(nyckeltal.katalog). The calls that still ask for every indicator (a download on click, the
check of an uploaded file) are measured too, in a table of their own (HELA_DATABASEN).
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import duckdb
import polars as pl
import psutil
from _gemensamt import median, ms, tabell, tal

from nyckeltal import avstamning, sokvagar
from nyckeltal import db as nyckeltal_db
from nyckeltal.katalog import egna_indikatorer

FAKTORER = {1: (1, 1), 100: (20, 5), 10_000: (2_000, 5)}  # factor: (municipalities, year blocks)
MAL_MS = 100.0
# Parameters as the pages pass them: the latest follow-up, januari–september 2022.
PARAMETRAR = {
    "ar": 2022,
    "jamforelsear": 2021,
    "manad": 9,
    "fran_manad": 1,
    "till_manad": 9,
    "indikator": "hushall_forsorjningsstod",
    # The most a page asks for: all of Borås's own indicators (Källor och kvalitet, the
    # report); the other pages pass fewer.
    "indikatorer": egna_indikatorer(),
}
SARSKILDA = {"fordelning": {"indikator": "mottagna_flyktingar_kon"}}
# Calls made with indikatorer=None (every indicator in the database): query -> (who calls it,
# and whether on every rerun of a page, which counts against the target).
HELA_DATABASEN = {
    "varden_med_kalla": ("nedladdningen av alla siffror (Källor och kvalitet), vid klick", False),
    "import_indikatorer": ("kontrollen av en importfil (Administration), vid uppladdning", False),
}


def parametrar(namn: str) -> dict[str, object]:
    sql = nyckeltal_db.las_fraga(namn)
    anvanda = set(re.findall(r"\$([a-z_]+)", sql))
    return {k: v for k, v in {**PARAMETRAR, **SARSKILDA.get(namn, {})}.items() if k in anvanda}


def bygg_syntetisk(fro: Path, mal: Path, kommuner: int, arsblock: int) -> dict[str, int]:
    """A database with the schema's constraints checked on every row (DuckDB does)."""
    mal.unlink(missing_ok=True)
    con = duckdb.connect(str(mal))
    try:
        con.execute(sokvagar.SCHEMA.read_text(encoding="utf-8"))
        con.execute(f"attach '{fro}' as fro (read_only)")
        spann = con.execute(
            "select max(ar) - min(ar) + 1 from (select ar from fro.varden union all "
            "select ar from fro.mal)"
        ).fetchall()[0][0]
        ny_id = (
            "case when k = 0 then indikator_id "
            "else indikator_id || '_k' || lpad(k::varchar, 4, '0') end"
        )
        con.execute("insert into kallor select * from fro.kallor")
        con.execute(
            f"insert into indikatorer select i.* replace ({ny_id} as indikator_id) "
            "from fro.indikatorer as i, range($k) as r(k) order by k",
            {"k": kommuner},
        )
        con.execute("insert into dimensioner select * from fro.dimensioner")
        for tabell_ in ("varden", "mal"):
            con.execute(
                f"insert into {tabell_} select t.* replace ({ny_id} as indikator_id, "
                f"t.ar - $spann * b as ar) from fro.{tabell_} as t, range($k) as r(k), "
                "range($b) as s(b) order by b desc, k",
                {"k": kommuner, "b": arsblock, "spann": spann},
            )
        for tabell_ in ("kallkonflikter", "partnerskap", "partnerskap_belopp", "partnerskap_mal"):
            con.execute(f"insert into {tabell_} select * from fro.{tabell_}")
        avstamning.lagra(con)  # as nyckeltal.bygg derives it, over every municipality
        con.execute("checkpoint")
        return {
            t: con.execute(f"select count(*) from {t}").fetchall()[0][0]
            for t in ("varden", "indikatorer", "mal")
        }
    finally:
        con.close()


class Toppminne:
    """The process's peak RSS while a block runs, sampled every 2 ms."""

    def __init__(self):
        self.process = psutil.Process()

    def __enter__(self):
        self.fore = self.topp = self.process.memory_info().rss
        self._stopp = threading.Event()
        self._trad = threading.Thread(target=self._mat, daemon=True)
        self._trad.start()
        return self

    def _mat(self):
        while not self._stopp.wait(0.002):
            self.topp = max(self.topp, self.process.memory_info().rss)

    def __exit__(self, *_):
        self._stopp.set()
        self._trad.join()
        self.topp = max(self.topp, self.process.memory_info().rss)


def _samma(a: pl.DataFrame, b: pl.DataFrame) -> bool:
    return a.schema == b.schema and a.equals(b)


def mat(seedad: Path, tmp: Path, upprepningar: int) -> dict:
    """Per volume: build, then each query once (its first run, with peak memory), then
    `upprepningar` rounds over all queries (interleaved, so a noisy moment hits them alike)."""
    resultat: dict = {"fragor": {}, "databaser": {}, "hoppade": {}, "hela": {}}
    facit: dict[str, pl.DataFrame] = {}
    fragor = {}
    for namn in sorted(nyckeltal_db.fragor()):
        sql = nyckeltal_db.las_fraga(namn)
        okanda = set(re.findall(r"\$([a-z_]+)", sql)) - set(PARAMETRAR)
        if okanda:
            resultat["hoppade"][namn] = f"okänd parameter {', '.join(sorted(okanda))}"
        else:
            fragor[namn] = parametrar(namn)
    for faktor, (kommuner, arsblock) in FAKTORER.items():
        fil = tmp / f"skala_{faktor}.duckdb"
        start = time.perf_counter()
        rader = bygg_syntetisk(seedad, fil, kommuner, arsblock)
        byggtid = time.perf_counter() - start
        process = psutil.Process()
        rss_fore = process.memory_info().rss
        databas = nyckeltal_db.Databas(fil)
        try:
            forsta, minne, svar = {}, {}, {}
            omfattning = {namn: "Borås" for namn in fragor}
            for namn, p in fragor.items():
                with Toppminne() as topp:
                    start = time.perf_counter()
                    df = databas.fraga(namn, **p)
                    forsta[namn] = time.perf_counter() - start
                minne[namn] = (topp.topp - topp.fore) / 2**20, df.height, df.estimated_size()
                if faktor == 1:
                    facit[namn] = df
                    svar[namn] = "facit"
                elif _samma(df, facit[namn]):
                    svar[namn] = "samma"
                else:
                    kvot = df.height / max(facit[namn].height, 1)
                    svar[namn] = f"{kvot:,.0f}× rader".replace(",", "\u202f")
                    omfattning[namn] = "fler år" if round(kvot) == arsblock else "alla kommuner"
                del df
            tider: dict[str, list[float]] = {namn: [] for namn in fragor}
            for _ in range(upprepningar):
                for namn, p in fragor.items():
                    start = time.perf_counter()
                    databas.fraga(namn, **p)
                    tider[namn].append(time.perf_counter() - start)
            for namn in HELA_DATABASEN.keys() & fragor.keys():
                p = {**fragor[namn], "indikatorer": None}
                with Toppminne() as topp:
                    start = time.perf_counter()
                    antal = databas.fraga(namn, **p).height
                    hela_forsta = time.perf_counter() - start
                hela_tider = []
                for _ in range(min(upprepningar, 3)):  # seconds each at 10 000x
                    start = time.perf_counter()
                    databas.fraga(namn, **p)
                    hela_tider.append(time.perf_counter() - start)
                resultat["hela"].setdefault(namn, {})[faktor] = {
                    "forsta": hela_forsta,
                    "median": median(hela_tider),
                    "rader": antal,
                    "minne_mb": (topp.topp - topp.fore) / 2**20,
                }
            for namn in fragor:
                topp_mb, antal, storlek = minne[namn]
                resultat["fragor"].setdefault(namn, {})[faktor] = {
                    "forsta": forsta[namn],
                    "median": median(tider[namn]),
                    "max": max(tider[namn]),
                    "rader": antal,
                    "resultat_mb": storlek / 2**20,
                    "minne_mb": topp_mb,
                    "svar": svar[namn],
                    "omfattning": omfattning[namn],
                }
            resultat["databaser"][faktor] = {
                "varden": rader["varden"],
                "indikatorer": rader["indikatorer"],
                "fil_mb": fil.stat().st_size / 2**20,
                "byggtid": byggtid,
                "rss_okning_mb": (process.memory_info().rss - rss_fore) / 2**20,
            }
        finally:
            databas.stang()
            fil.unlink(missing_ok=True)
    return resultat


def rapport(resultat: dict) -> tuple[str, bool]:
    storst = max(FAKTORER)
    db_rader = [
        [
            f"{f:,}×".replace(",", "\u202f"),
            f"{d['varden']:,}".replace(",", "\u202f"),
            f"{d['indikatorer']:,}".replace(",", "\u202f"),
            tal(d["fil_mb"]),
            tal(d["byggtid"]),
            tal(d["rss_okning_mb"]),
        ]
        for f, d in resultat["databaser"].items()
    ]
    text = tabell(
        ["volym", "värden", "indikatorer", "fil (MB)", "byggtid (s)", "RSS efter frågorna (+MB)"],
        db_rader,
    )
    rader, alla_ok = [], True
    for namn, per_faktor in resultat["fragor"].items():
        stor = per_faktor[storst]
        ok = stor["median"] * 1000 <= MAL_MS
        alla_ok &= ok
        rader.append(
            [
                namn,
                stor["omfattning"],
                *(ms(per_faktor[f]["median"]) for f in FAKTORER),
                ms(stor["forsta"]),
                ms(stor["max"]),
                f"{stor['rader']:,}".replace(",", "\u202f"),
                tal(stor["resultat_mb"]),
                tal(stor["minne_mb"]),
                stor["svar"],
                "ja" if ok else "**nej**",
            ]
        )
    namn_f = [f"{f:,}×".replace(",", "\u202f") for f in FAKTORER]
    text += "\n\n" + tabell(
        [
            "fråga",
            "svarar om",
            *(f"{n} median (ms)" for n in namn_f),
            f"{namn_f[-1]} första (ms)",
            f"{namn_f[-1]} max (ms)",
            "rader",
            "resultat (MB)",
            "topp-RSS (+MB)",
            f"svar vid {namn_f[-1]}",
            f"≤ {MAL_MS:.0f} ms",
        ],
        rader,
    )
    ja = {o: [r[-1] == "ja" for r in rader if r[1] == o] for o in {r[1] for r in rader}}
    text += (
        f'\n\nSvarar om: "Borås" = samma svar vid {namn_f[-1]} som på seedens data; '
        '"fler år" = raderna växer med årsblocken; "alla kommuner" = alla '
        f"indikatorer eller värden. Inom {MAL_MS:.0f} ms: "
        + "; ".join(f"{o} {sum(v)} av {len(v)}" for o, v in sorted(ja.items()))
        + "."
    )
    hela_rader = []
    for namn, per_faktor in sorted(resultat["hela"].items()):
        vem, varje_omkorning = HELA_DATABASEN[namn]
        ok = per_faktor[storst]["median"] * 1000 <= MAL_MS
        if varje_omkorning:
            alla_ok &= ok
        hela_rader.append(
            [
                namn,
                vem,
                *(ms(per_faktor[f]["median"]) for f in FAKTORER),
                f"{per_faktor[storst]['rader']:,}".replace(",", "\u202f"),
                tal(per_faktor[storst]["minne_mb"]),
                ("ja" if ok else "**nej**")
                if varje_omkorning
                else "räknas inte (inte varje omkörning)",
            ]
        )
    if hela_rader:
        text += "\n\nAnrop med indikatorer=None (hela databasen):\n\n" + tabell(
            [
                "fråga",
                "anropas av",
                *(f"{n} median (ms)" for n in namn_f),
                "rader",
                "topp-RSS (+MB)",
                f"≤ {MAL_MS:.0f} ms",
            ],
            hela_rader,
        )
    for namn, orsak in resultat["hoppade"].items():
        text += f"\nHoppade över {namn}: {orsak}."
    return text, alla_ok
