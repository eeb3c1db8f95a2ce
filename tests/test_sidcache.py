"""The pages' built content (sidor._delat.per_version) is shared between reruns and sessions:
it must follow the database file, so an import shows at once and an undo takes it away, also
for a period a viewer had open before the import."""

import datetime as dt

import pytest
from import_filer import OKTOBER

from nyckeltal import importera

OKTOBER_TKR = "5012"  # October 2022's cost in the import file (tkr), not in the papers
BISTAND = "sidor/ekonomiskt_bistand.py"


@pytest.fixture
def fil(dbkopia, monkeypatch):
    monkeypatch.setenv("NYCKELTAL_DB", str(dbkopia))
    return dbkopia


def diagrammen(at) -> str:
    assert not at.exception
    return " ".join(d.proto.spec for d in at.get("plotly_chart"))


def test_byggt_innehall_foljer_import_och_angring(fil, oppna_sida):
    tittare = oppna_sida(BISTAND, ar="2022", manad="oktober")
    fore = diagrammen(tittare)
    assert OKTOBER_TKR not in fore
    assert diagrammen(tittare.run()) == fore  # the same content again from the cache

    importera.importera(OKTOBER, "oktober.csv", "Anna Andersson", fil=fil, dag=dt.date(2022, 12, 1))
    assert OKTOBER_TKR in diagrammen(tittare.run())  # same viewer, same period, next run
    # another session
    assert OKTOBER_TKR in diagrammen(oppna_sida(BISTAND, ar="2022", manad="oktober"))

    importera.angra_senaste("Anna Andersson", fil=fil)
    assert diagrammen(tittare.run()) == fore


def test_en_fryst_figur_ger_plotlys_dict_en_gang():
    import plotly.graph_objects as go

    from sidor._delat import fryst

    fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[4814.0, 5203.0, 5891.0], name="2022"))
    vantat = go.Figure(fig).to_dict()
    fryst_fig = fryst(fig)
    assert fryst_fig.to_dict() == vantat
    assert fryst_fig.to_dict() is fryst_fig.to_dict()  # built once, then the same object
    assert fryst(fryst_fig) is fryst_fig
