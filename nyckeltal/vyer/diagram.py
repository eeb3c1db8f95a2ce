"""One chart as every view shows it: the figure, its numbers as a table (with Swedish units and
headings), its source and its text for screen readers. Pages draw it with its table and
downloads, the report as a picture with the alternative text, the presentation large."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

import plotly.graph_objects as go
import polars as pl

from nyckeltal.figurer.beskrivning import alt_text


def _las_endast(mapping: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, eq=False)
class Diagram:
    """A chart and its numbers. Built once and shared by every session that shows the same
    period (sidor._delat.vy), so the figure is frozen (fryst) and the mappings are read-only."""

    fig: go.Figure
    tabell: pl.DataFrame  # the raw numbers, one column per series; units and headings below
    kalla: str  # "Källa: …" under the chart and in the downloads
    nyckel: str  # names the widgets and the downloaded files
    enheter: Mapping[str, str] | None = None  # column -> unit (format.formatera_tabell)
    rubriker: Mapping[str, str] | None = None  # column -> Swedish heading
    rubrik: str = ""  # the chart's heading where a view names it (report, Excel sheet, slide)
    alt: str = ""  # a text written for this chart; otherwise one is read from the figure

    def __post_init__(self) -> None:
        object.__setattr__(self, "fig", fryst(self.fig))
        object.__setattr__(self, "enheter", _las_endast(self.enheter))
        object.__setattr__(self, "rubriker", _las_endast(self.rubriker))

    @cached_property
    def skarmlasartext(self) -> str:
        """What the chart shows and its key figures, for a reader who cannot see it (WCAG
        1.1.1): the chart's own text, or one read from the figure, worked out once."""
        return self.alt or alt_text(self.fig)


class FrystFigurFel(TypeError):
    """A shared figure was about to be changed."""


def _fryst(self, *args, **kwargs):
    raise FrystFigurFel(
        "Figuren är delad mellan sessioner och får inte ändras; gör en kopia med "
        "go.Figure(fig) och ändra den."
    )


class _FrystFigur(go.Figure):
    """A finished figure: it gives the same dict every time it is asked (st.plotly_chart asks on
    every rerun; to_dict deep-copies and base64-encodes the arrays each time), and every way of
    changing it raises FrystFigurFel (setting a property anywhere in it ends in _relayout_child
    or _restyle_child of the figure). go.Figure(fig) makes an ordinary copy to change."""

    def to_dict(self):
        if "_som_dict" not in self.__dict__:
            self.__dict__["_som_dict"] = super().to_dict()
        return self.__dict__["_som_dict"]

    def __setattr__(self, namn, varde):
        if namn.startswith("_"):  # plotly's own bookkeeping, e.g. while making a copy
            return super().__setattr__(namn, varde)
        _fryst(self)

    __setitem__ = _fryst
    update = _fryst
    add_traces = _fryst
    plotly_update = _fryst
    plotly_relayout = _fryst
    plotly_restyle = _fryst
    _relayout_child = _fryst
    _restyle_child = _fryst
    _perform_plotly_relayout = _fryst
    _perform_plotly_restyle = _fryst


def fryst(fig: go.Figure) -> go.Figure:
    """The figure, from now on read-only with its dict form kept (see _FrystFigur)."""
    if type(fig) is go.Figure:
        fig.__class__ = _FrystFigur
        # In "batch mode" the parts of a figure do not store a change themselves but pass it
        # to the figure (which refuses it), so a refused change leaves nothing behind.
        fig.__dict__["_in_batch_mode"] = True
    return fig
