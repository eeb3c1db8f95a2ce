"""Guards against the deadlock the load test found (bench/README.md, "Last").

With many sessions, one script thread was in Polars' to_pandas (Streamlit converting a Polars
frame for st.dataframe), holding the GIL while it waited for Polars' thread pool, while the
pool's threads waited for the GIL to run a map_elements lambda of another session: the whole
server stopped. Either half is enough to break the cycle; the code keeps out of both."""

import re
from pathlib import Path

import pytest

RAKNA = Path(__file__).resolve().parent.parent
KOD = sorted([*RAKNA.glob("sidor/*.py"), *RAKNA.glob("nyckeltal/**/*.py"), RAKNA / "dashboard.py"])


@pytest.mark.parametrize("fil", KOD, ids=lambda f: str(f.relative_to(RAKNA)))
def test_ingen_python_i_polars_trad(fil):
    """No Python callbacks inside Polars expressions (they run on Polars' thread pool)."""
    text = fil.read_text(encoding="utf-8")
    assert not re.search(r"\.(map_elements|map_batches|map_rows|map_groups)\(", text)


@pytest.mark.parametrize("fil", KOD, ids=lambda f: str(f.relative_to(RAKNA)))
def test_tabeller_bara_via_visa_tabell(fil):
    """Frames reach Streamlit only through sidor._delat.visa_tabell (no to_pandas)."""
    text = fil.read_text(encoding="utf-8")
    anrop = re.findall(r"st\.(?:dataframe|table|data_editor)\(|\.to_pandas\(", text)
    if fil.name == "_delat.py":
        assert anrop == [], "visa_tabell passes st.table/st.dataframe by name, not by call"
    else:
        assert anrop == []
