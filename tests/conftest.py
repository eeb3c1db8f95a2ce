"""Shared fixtures: a database built from the real data/ (the seeded database), and a
scratch copy of data/ for tests that break the input on purpose."""

import os
import shutil
from pathlib import Path

import pytest

from nyckeltal import bygg, sokvagar
from nyckeltal.db import Databas


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
