"""The pages' built content (sidor._delat.vy) is shared between reruns and sessions: it must
follow the database file, so an import shows at once and an undo takes it away, also for a
period a viewer had open before the import; and nothing in it can be changed by accident."""

import dataclasses
import datetime as dt
import importlib
import re
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

import plotly.graph_objects as go
import polars as pl
import pytest
from import_filer import OKTOBER

from nyckeltal import importera
from nyckeltal.perioder import Period
from nyckeltal.vyer.diagram import Diagram, FrystFigurFel, fryst

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
    fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[4814.0, 5203.0, 5891.0], name="2022"))
    vantat = go.Figure(fig).to_dict()
    fryst_fig = fryst(fig)
    assert fryst_fig.to_dict() == vantat
    assert fryst_fig.to_dict() is fryst_fig.to_dict()  # built once, then the same object
    assert fryst(fryst_fig) is fryst_fig


ANDRINGAR = {
    "update_layout": lambda f: f.update_layout(title_text="Ändrad"),
    "update_traces": lambda f: f.update_traces(name="2021"),
    "en egenskap i layouten": lambda f: setattr(f.layout.title, "text", "Ändrad"),
    "en egenskap i en serie": lambda f: setattr(f.data[0], "name", "2021"),
    "en nästlad egenskap": lambda f: setattr(f.data[0].marker, "color", "red"),
    "ta bort en egenskap": lambda f: setattr(f.layout.title, "text", None),
    "add_trace": lambda f: f.add_trace(go.Bar(x=[1], y=[1])),
    "add_hline": lambda f: f.add_hline(y=5000),
    "add_annotation": lambda f: f.add_annotation(text="Ändrad"),
    "fig[...] =": lambda f: f.__setitem__("layout.title.text", "Ändrad"),
    "fig.data =": lambda f: setattr(f, "data", []),
    "fig.layout =": lambda f: setattr(f, "layout", {}),
    "serie.update": lambda f: f.data[0].update(name="2021"),
    "update_yaxes": lambda f: f.update_yaxes(range=[0, 1]),
}


@pytest.mark.parametrize("andra", ANDRINGAR.values(), ids=ANDRINGAR.keys())
def test_en_fryst_figur_kan_inte_andras_och_ingenting_blir_kvar_av_forsoket(andra):
    fig = go.Figure(go.Scatter(x=[1, 2], y=[4814.0, 5203.0], name="2022"), layout_title_text="T")
    fore = go.Figure(fig).to_dict()
    fryst_fig = fryst(fig)
    with pytest.raises(FrystFigurFel):
        andra(fryst_fig)
    assert go.Figure(fryst_fig).to_dict() == fore
    kopia = go.Figure(fryst_fig)  # a copy is an ordinary figure
    kopia.update_layout(title_text="Kopian")
    assert (kopia.layout.title.text, fryst_fig.layout.title.text) == ("Kopian", "T")


def test_ett_diagram_fryser_sin_figur_och_sina_tabeller():
    diagram = Diagram(
        go.Figure(go.Bar(x=["2021", "2022"], y=[57500.0, 60500.0])),
        pl.DataFrame({"ar": [2021, 2022], "varde": [57500.0, 60500.0]}),
        kalla="Budgetuppföljning",
        nyckel="prov",
        enheter={"varde": "tkr"},
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        diagram.kalla = "annan"
    with pytest.raises(TypeError):
        diagram.enheter["varde"] = "kr"
    with pytest.raises(FrystFigurFel):
        diagram.fig.update_layout(title_text="Ändrad")
    assert dict(diagram.rubriker) == {}


def test_kopian_av_en_fryst_figur_ar_densamma_och_gar_att_andra():
    from nyckeltal.figurer import grundlayout, kopia

    fig = grundlayout(go.Figure(go.Scatter(x=[1, 2], y=[4814.0, 5203.0], name="2022")), "tkr")
    fryst_fig = fryst(fig)
    ny = kopia(fryst_fig)
    assert type(ny) is go.Figure
    assert ny.to_dict() == fryst_fig.to_dict()  # the template too
    ny.update_layout(height=430)
    assert (ny.layout.height, fryst_fig.layout.height) == (430, 360)


# Every function the pages build through vy(), called as the cache calls it. A page that starts
# calling a new one fails test_varje_vy_som_sidorna_anropar_provas until it is added here.
PERIOD = Period(2022, 1, 9, 2021)
VYER = {
    "analys.serier": (2022,),
    "analys.prognos": (PERIOD, "bistand_kostnad"),
    "analys.alla_serier": (PERIOD,),
    "analys.malen": (PERIOD,),
    "analys.sasongsmonster": (2022, "bistand_kostnad"),
    "analys.volym_och_belopp": (PERIOD,),
    "arbetsmarknad.bygg": (PERIOD,),
    "ekonomi.bygg": (PERIOD,),
    "ekonomiskt_bistand.bygg": (PERIOD,),
    "flyktingmottagning.bygg": (PERIOD,),
    "kallor.bygg": (),
    "oversikt.bygg": (PERIOD,),
    "partnerskap.bygg": (),
    "presentation.bygg": (PERIOD,),
    "rapport.bygg": (PERIOD,),
    "rapport.utkast": (PERIOD,),
    "kommentarer.kortens_kommentarer": ((("bistand_kostnad", PERIOD),),),
}
ENKLA = (str, int, float, bool, bytes, Decimal, dt.date)


def andringsbart(varde, vag: str) -> list[str]:
    """Where in a built result something could be changed in place (empty: nothing)."""
    if varde is None or isinstance(varde, ENKLA):
        return []
    if isinstance(varde, go.Figure):
        return [] if _fryst_klass(varde) else [f"{vag}: en figur som inte är fryst"]
    if isinstance(varde, pl.DataFrame):  # Polars' operations give new frames
        return []
    if isinstance(varde, tuple | frozenset):
        return [f for i, v in enumerate(varde) for f in andringsbart(v, f"{vag}[{i}]")]
    if isinstance(varde, MappingProxyType):
        return [f for k, v in varde.items() for f in andringsbart(v, f"{vag}[{k!r}]")]
    if dataclasses.is_dataclass(varde):
        if not type(varde).__dataclass_params__.frozen:
            return [f"{vag}: {type(varde).__name__} är inte fryst"]
        return [
            f
            for falt in dataclasses.fields(varde)
            for f in andringsbart(getattr(varde, falt.name), f"{vag}.{falt.name}")
        ]
    return [f"{vag}: {type(varde).__name__}"]


def _fryst_klass(fig: go.Figure) -> bool:
    try:
        fig.update_layout(title_text="Ändrad")
    except FrystFigurFel:
        return True
    return False


@pytest.mark.parametrize("namn", VYER)
def test_det_en_vy_delar_mellan_sessioner_kan_inte_andras(db, namn):
    modul, funktion = namn.split(".")
    bygg = getattr(importlib.import_module(f"nyckeltal.vyer.{modul}"), funktion)
    assert andringsbart(bygg(db.fraga, *VYER[namn]), namn) == []


def test_andringsbart_hittar_en_lista_en_ordlista_och_en_ofryst_figur():
    @dataclasses.dataclass(frozen=True)
    class Prov:
        rader: object

    assert andringsbart(Prov([1]), "p") == ["p.rader: list"]
    assert andringsbart(Prov((MappingProxyType({"a": {}}),)), "p") == ["p.rader[0]['a']: dict"]
    assert andringsbart(Prov(go.Figure()), "p") == ["p.rader: en figur som inte är fryst"]


def test_varje_vy_som_sidorna_anropar_provas():
    anropade = set()
    for skript in Path("sidor").glob("*.py"):
        anropade |= set(
            re.findall(r"\bvy\(\s*([a-z_]+\.[a-z_]+|kortens_kommentarer)", skript.read_text())
        )
    anropade = {
        "kommentarer.kortens_kommentarer" if a == "kortens_kommentarer" else a for a in anropade
    }
    assert anropade == set(VYER)
