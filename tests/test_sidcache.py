"""The pages' built content (sidor._delat.per_version) is shared between reruns and sessions:
it must follow the database file, so an import shows at once and an undo takes it away, also
for a period a viewer had open before the import."""

import datetime as dt

import pytest
from import_filer import OKTOBER
from streamlit.testing.v1 import AppTest

from nyckeltal import importera

OKTOBER_TKR = "5012"  # October 2022's cost in the import file (tkr), not in the papers


@pytest.fixture
def fil(dbkopia, monkeypatch):
    monkeypatch.setenv("NYCKELTAL_DB", str(dbkopia))
    return dbkopia


def bistand_oktober() -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.query_params["ar"] = "2022"
    at.query_params["manad"] = "oktober"
    return at.run().switch_page("sidor/ekonomiskt_bistand.py").run()


def diagrammen(at: AppTest) -> str:
    assert not at.exception
    return " ".join(d.proto.spec for d in at.get("plotly_chart"))


def test_byggt_innehall_foljer_import_och_angring(fil):
    tittare = bistand_oktober()
    fore = diagrammen(tittare)
    assert OKTOBER_TKR not in fore
    assert diagrammen(tittare.run()) == fore  # the same content again from the cache

    importera.importera(OKTOBER, "oktober.csv", "Anna Andersson", fil=fil, dag=dt.date(2022, 12, 1))
    assert OKTOBER_TKR in diagrammen(tittare.run())  # same viewer, same period, next run
    assert OKTOBER_TKR in diagrammen(bistand_oktober())  # another session

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
