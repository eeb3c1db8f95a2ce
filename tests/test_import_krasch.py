"""Crash test: the import process is killed (SIGKILL) at many points during an import. After
each kill the database opens and holds either the old state or the new one, never a mix; the
next import finds the lock free and cleans up what the killed one left.

Two kinds of kill points, each on its own copy of the database:
- at every named step of the write (nyckeltal.bygg calls a hook between steps), which pins
  the state exactly: old before the new file is moved into place, new after;
- at times spread from the start to past the end of an import, which also land inside the
  steps (while the new file is written, while the backup is copied, ...)."""

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from import_filer import DAG, OKTOBER, RATTELSE, innehall

from nyckeltal import bygg, importera
from nyckeltal.db import oppna_last

ROT = Path(__file__).resolve().parent.parent
STEG = ["kalldata", "overfort", "aterspelat", "andrat", "skrivet", "verifierat", "backup", "ersatt"]
TIDPUNKTER = 10

# The child: imports everything first, says so, waits for the go, then imports the file and
# kills itself at the named step (if any). The import is the same function the page and the
# command call.
BARN = """
import datetime as dt, os, signal, sys
from pathlib import Path
from nyckeltal import bygg, importera

steg, fil, data = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]).read_bytes()
def vid_steg(namn):
    if namn == steg:
        os.kill(os.getpid(), signal.SIGKILL)
bygg._vid_steg = vid_steg
print("redo", flush=True)
sys.stdin.readline()
importera.importera(data, "oktober.csv", "Krasch", fil=fil, dag=dt.date(2022, 11, 30))
print("klar", flush=True)
"""


def starta(steg, fil, indata):
    return subprocess.Popen(
        [sys.executable, "-c", BARN, steg, str(fil), str(indata)],
        cwd=ROT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kopia(grund, katalog: Path) -> Path:
    katalog.mkdir()
    fil = katalog / "nyckeltal.duckdb"
    shutil.copyfile(grund, fil)
    return fil


@pytest.fixture(scope="module")
def lagen(tmp_path_factory):
    """The old state (seeds + one earlier import) and the new one (+ October), as checksums."""
    rot = tmp_path_factory.mktemp("krasch")
    grund = bygg.bygg(rot / "grund" / "nyckeltal.duckdb")
    importera.importera(RATTELSE, "rattelse.csv", "Före", fil=grund, dag=DAG)
    gammalt = innehall(grund)
    facit = kopia(grund, rot / "facit")
    indata = rot / "oktober.csv"
    indata.write_bytes(OKTOBER)
    barn = starta("", facit, indata)
    assert barn.stdout.readline().strip() == "redo"
    start = time.monotonic()
    barn.stdin.write("\n")
    barn.stdin.flush()
    ut, fel = barn.communicate(timeout=60)
    langd = time.monotonic() - start
    assert barn.returncode == 0, fel
    return rot, grund, indata, gammalt, innehall(facit), langd


def kontrollera(fil, gammalt, nytt, namn) -> str:
    """The database opens, answers, and holds one whole state: 'gammalt' or 'nytt'."""
    con = oppna_last(fil)
    con.execute("select count(*) from varden").fetchall()
    con.close()
    lage = innehall(fil)
    assert lage in (gammalt, nytt), f"{namn}: en blandning av gammalt och nytt"
    return "nytt" if lage == nytt else "gammalt"


def test_import_som_dodas_i_varje_steg_lamnar_gamla_eller_nya_databasen(lagen):
    rot, grund, indata, gammalt, nytt, langd = lagen
    assert gammalt != nytt
    barn = {steg: starta(steg, kopia(grund, rot / f"steg_{steg}"), indata) for steg in STEG}
    for process in barn.values():
        assert process.stdout.readline().strip() == "redo"
    for process in barn.values():  # all at once: the outcome does not depend on timing
        process.stdin.write("\n")
        process.stdin.flush()
    for steg, process in barn.items():
        process.communicate(timeout=60)
        assert process.returncode == -signal.SIGKILL, steg
        lage = kontrollera(rot / f"steg_{steg}" / "nyckeltal.duckdb", gammalt, nytt, steg)
        # the new state counts only once the new file is in place
        assert lage == ("nytt" if steg == "ersatt" else "gammalt"), steg


def test_import_som_dodas_vid_godtyckliga_tidpunkter_lamnar_gamla_eller_nya(lagen):
    rot, grund, indata, gammalt, nytt, langd = lagen
    # kill times spread from the start to past the end of an import
    fordrojningar = [langd * 1.3 * (i + 0.5) / TIDPUNKTER for i in range(TIDPUNKTER)]
    barn = []
    for i, fordrojning in enumerate(fordrojningar):
        fil = kopia(grund, rot / f"tid_{i}")
        barn.append((starta("", fil, indata), fil, fordrojning))
    for process, _, _ in barn:
        assert process.stdout.readline().strip() == "redo"
    # two at a time, as many as the machine has cores for, so each runs at its own speed
    lagen_efter = []
    for par in (barn[i : i + 2] for i in range(0, len(barn), 2)):
        start = time.monotonic()
        for process, _, _ in par:
            process.stdin.write("\n")
            process.stdin.flush()
        for process, _, fordrojning in sorted(par, key=lambda b: b[2]):
            time.sleep(max(0.0, start + fordrojning - time.monotonic()))
            process.send_signal(signal.SIGKILL)
        for process, fil, fordrojning in par:
            process.communicate(timeout=60)
            lagen_efter.append(kontrollera(fil, gammalt, nytt, f"{fordrojning:.2f} s"))
    # the kills landed both before and after the new file went into place
    assert "gammalt" in lagen_efter


def test_nasta_import_efter_en_krasch_gar_igenom_och_stadar(lagen):
    rot, grund, indata, gammalt, nytt, langd = lagen
    for steg in ("skrivet", "backup"):  # a half-built file, and a backup taken
        fil = kopia(grund, rot / f"efter_{steg}")
        process = starta(steg, fil, indata)
        assert process.stdout.readline().strip() == "redo"
        process.communicate("\n", timeout=60)
        assert process.returncode == -signal.SIGKILL
        assert innehall(fil) == gammalt
        importera.importera(OKTOBER, "oktober.csv", "Krasch", fil=fil, dag=DAG)
        assert innehall(fil) == nytt
        # nothing left of the killed import but complete backups
        assert sorted(p.name for p in fil.parent.iterdir()) == ["backup", fil.name]
        assert not [p for p in (fil.parent / "backup").iterdir() if p.name.startswith(".")]
