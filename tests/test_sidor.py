"""Every page of dashboard.py's menu opens from the entry script, for the default period,
without an exception and under its heading. The pages are read from the st.Page calls
(conftest.navigationen), so a page added to the menu is opened here without a change; what
each page shows is pinned in its own test_sida_*.py."""

from pathlib import Path

import pytest
from conftest import navigationen

# Pages whose heading is on purpose not their menu title: the overview carries the app's
# name, the meeting view its first slide's heading, the statement its name in law.
RUBRIK = {
    "sidor/oversikt.py": "Arbetslivsnämndens nyckeltal",
    "sidor/presentation.py": "Översikt – nyckeltal (1 av 2)",
    "sidor/tillganglighet.py": "Tillgänglighetsredogörelse",
}


@pytest.mark.parametrize("sida", navigationen(), ids=lambda sida: Path(sida.fil).stem)
def test_sidan_oppnas_fran_menyn_utan_fel_och_med_sin_rubrik(oppna_sida, sida):
    at = oppna_sida(sida.fil)
    assert not at.exception, [e.message for e in at.exception]
    # one h1 a page, its Swedish title as the menu gives it
    assert [t.value for t in at.title] == [RUBRIK.get(sida.fil, sida.titel)]
