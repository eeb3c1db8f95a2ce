"""A chart's accessible name in Swedish: what it shows and its key figure, for screen readers.

Each figure builder records what its chart shows with beskriv(fig, ...), in fig.layout.meta
(plain data that travels with the figure, through for_projektor and into the page's cache).
alt_text(fig) composes the kind of chart, that description, the series the legend names and
the key figure read from the figure's own data, so the text says what is drawn:

    Linjediagram: nettokostnad för ekonomiskt bistånd per månad, 2020–2022.
    September 2022: 4 815 tkr.

Series other than years follow as 'Teckenförklaring: …' (the legend in words).

Pages pass it on: st.plotly_chart(fig, ..., alt=alt_text(fig)).
"""

from __future__ import annotations

import html
import re
from numbers import Number

import plotly.graph_objects as go

from nyckeltal.format import MANADER, NBSP, UPPGIFT_SAKNAS, formatera

SISTA, STORSTA = "sista", "storsta"
_AR = re.compile(r"(?:19|20)\d\d")
_TAGG = re.compile(r"<[^>]+>")
_MELLANRUM = re.compile(r"[ \t\r\n]+")


def beskriv(
    fig: go.Figure,
    beskrivning: str,
    *,
    enhet: str = "antal",
    enhetsord: str | None = None,
    nyckelserie: str | None = None,
    nyckelpunkt: str = SISTA,
    nyckelx: object = None,
    manader: bool = False,
    ar: int | None = None,
    decimaler: int = 0,
    diagramtyp: str | None = None,
    nyckeltal: str | None = None,
) -> go.Figure:
    """Record what the chart shows, for alt_text.

    beskrivning: what the chart shows, lower case ('nettokostnad för ekonomiskt bistånd per
    månad'). The key figure is a point of the trace named nyckelserie (the period's year, the
    forecast, the result): the point at x = nyckelx if it has a value, else the last value
    (SISTA) or the largest (STORSTA). Without nyckelserie and with several series, the value
    of each at the same x. enhet: a unit of nyckeltal.format.formatera; enhetsord follows a
    count ('648 hushåll'). manader: x is the month 1–12 of year ar (or of the series' year).
    nyckeltal: the key figure in words, where it is not one point (a timeline).
    """
    meta = {
        "beskrivning": beskrivning,
        "enhet": enhet,
        "nyckelpunkt": nyckelpunkt,
        "manader": manader,
        "decimaler": decimaler,
    }
    for namn, varde in (
        ("enhetsord", enhetsord),
        ("nyckelserie", nyckelserie),
        ("nyckelx", nyckelx),
        ("ar", ar),
        ("diagramtyp", diagramtyp),
        ("nyckeltal", nyckeltal),
    ):
        if varde is not None:
            meta[namn] = varde
    # set directly: satt_layout would read the keys' underscores as nesting
    fig.layout.meta = meta
    return fig


def alt_text(fig: go.Figure) -> str:
    """'Linjediagram: nettokostnad för ekonomiskt bistånd per månad, 2020–2022. September
    2022: 4 815 tkr.' A figure without beskriv gets its kind and series only."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    spar = [t for t in fig.data if t.visible is not False]
    typ = meta.get("diagramtyp") or _diagramtyp(spar)
    text = typ
    if meta.get("beskrivning"):
        text += ": " + meta["beskrivning"]
    ar, ovriga = _serier(spar)
    if ar and ar not in meta.get("beskrivning", ""):
        text += (", " if meta.get("beskrivning") else ": ") + ar
    text += "."
    if not spar:
        return f"{text} {_versal(meta.get('nyckeltal') or UPPGIFT_SAKNAS)}."
    nyckel = meta.get("nyckeltal") or _nyckeltal(spar, meta)
    # the legend in words, unless the key figure names every series already
    if ovriga and not all(namn in nyckel for namn in ovriga):
        text += f" Teckenförklaring: {_uppraknat(ovriga)}."
    if nyckel:
        text += f" {_versal(nyckel)}."
    return text


# --- kind and series -------------------------------------------------------------------------


def _diagramtyp(spar: list) -> str:
    typer = {t.type for t in spar}
    if "waterfall" in typer:
        return "Vattenfallsdiagram"
    if typer == {"bar"}:
        liggande = all(t.orientation == "h" for t in spar)
        return "Liggande stapeldiagram" if liggande else "Stapeldiagram"
    linjer = any(t.type == "scatter" and "lines" in (t.mode or "lines") for t in spar)
    if "bar" in typer:
        return "Stapel- och linjediagram" if linjer else "Stapeldiagram"
    if linjer:
        return "Linjediagram"
    return "Punktdiagram" if typer == {"scatter"} else "Diagram"


def _namn(text) -> str:
    """A name or label as plain words: no HTML tags, line breaks as spaces."""
    text = html.unescape(_TAGG.sub(" ", str(text)))
    # ordinary spaces only: the no-break spaces inside '60 488 tkr' stay
    return _MELLANRUM.sub(" ", text).strip()


def _uppraknat(delar: list[str]) -> str:
    if len(delar) <= 1:
        return "".join(delar)
    skiljetecken = "; " if any("," in d or ":" in d for d in delar) else ", "
    return skiljetecken.join(delar[:-1]) + " och " + delar[-1]


def _arsspann(ar: list[int]) -> str:
    ar = sorted(set(ar))
    if len(ar) >= 3 and ar == list(range(ar[0], ar[-1] + 1)):
        return f"{ar[0]}–{ar[-1]}"
    return _uppraknat([str(a) for a in ar])


def _serier(spar: list) -> tuple[str, list[str]]:
    """The series the legend names: the years as a span ('2020–2022') and the rest in order
    ('Budget … och Mål …'). A single series is named only by its year, or by the years along
    its axis."""
    if len(spar) == 1:
        namn = [_namn(spar[0].name)] if spar[0].name else []
        if spar[0].type == "bar":
            namn = _kategorier(spar[0])
        namn = [n for n in namn if _AR.fullmatch(n)]
    else:
        namn = list(
            dict.fromkeys(_namn(t.name) for t in spar if t.name and t.showlegend is not False)
        )
    ar = [int(n) for n in namn if _AR.fullmatch(n)]
    ovriga = [n for n in namn if not _AR.fullmatch(n)]
    return (_arsspann(ar) if ar else ""), ovriga


def _kategorier(spar) -> list[str]:
    axel = spar.y if spar.orientation == "h" else spar.x
    return [_namn(k) for k in (axel or ())]


# --- the key figure --------------------------------------------------------------------------


def _punkter(spar) -> list[tuple[object, object]]:
    """(position, value) of each point: the value on the axis that measures."""
    x, y = list(spar.x or ()), list(spar.y or ())
    liggande = spar.orientation == "h" or (
        spar.type == "scatter" and y and all(isinstance(v, str) for v in y)
    )
    return list(zip(y, x)) if liggande else list(zip(x, y))


def _valj(punkter: list, meta: dict) -> tuple[object, object] | None:
    med_varde = [(x, v) for x, v in punkter if isinstance(v, Number)]
    if not med_varde:
        return None
    onskad = meta.get("nyckelx")
    if onskad is not None:
        for x, v in punkter:
            if x == onskad:
                if isinstance(v, Number):
                    return x, v
                # no value there: the last value before it, if the axis is ordered
                fore = [(px, pv) for px, pv in med_varde if _fore(px, onskad)]
                return fore[-1] if fore else (x, None)
    if meta.get("nyckelpunkt") == STORSTA:
        return max(med_varde, key=lambda p: p[1])
    return med_varde[-1]


def _fore(x, grans) -> bool:
    """x comes before grans on a numeric axis (months); categories have no 'before'."""
    return isinstance(x, Number) and isinstance(grans, Number) and x < grans


def _varde(varde, meta: dict) -> str:
    if varde is None:
        return UPPGIFT_SAKNAS
    text = formatera(varde, meta.get("enhet", "antal"), meta.get("decimaler", 0))
    if meta.get("enhetsord"):
        text += NBSP + meta["enhetsord"]
    return text


def _seriens_ar(namn: str, meta: dict) -> str:
    traff = _AR.match(namn)
    if traff:
        return traff.group(0)
    return str(meta["ar"]) if meta.get("ar") is not None else ""


def _etikett(x, serienamn: str, meta: dict) -> str:
    if meta.get("manader") and isinstance(x, Number) and 1 <= x <= 12:
        return f"{MANADER[int(x) - 1]} {_seriens_ar(serienamn, meta)}".strip()
    return _namn(x)


def _nyckeltal(spar: list, meta: dict) -> str:
    onskad = meta.get("nyckelserie")
    if onskad is not None:
        valda = [t for t in spar if t.name == onskad][:1]
    elif len(spar) == 1:
        valda = spar
    else:
        valda = [t for t in spar if t.name and t.showlegend is not False]
    if not valda:
        return ""
    if len(valda) == 1:
        return _en_serie(valda[0], meta)
    return _flera_serier(valda, meta)


def _en_serie(spar, meta: dict) -> str:
    punkt = _valj(_punkter(spar), meta)
    if punkt is None:
        return ""
    x, varde = punkt
    namn = _namn(spar.name or "")
    etikett = _etikett(x, namn, meta)
    if meta.get("nyckelpunkt") == STORSTA and meta.get("nyckelx") is None:
        ar = _seriens_ar(namn, meta)
        return f"störst{' ' + ar if ar else ''}: {etikett}, {_varde(varde, meta)}"
    return f"{etikett}: {_varde(varde, meta)}"


def _flera_serier(valda: list, meta: dict) -> str:
    """Every series' value at the same x (the key x, else the last x any of them has)."""
    punkter = {id(t): dict(_punkter(t)) for t in valda}
    x = meta.get("nyckelx")
    if x is None:
        med_varde = [px for t in valda for px, v in _punkter(t) if isinstance(v, Number)]
        if not med_varde:
            return ""
        x = max(med_varde)
    varden = [f"{_namn(t.name)} {_varde(punkter[id(t)].get(x), meta)}" for t in valda]
    return f"{_etikett(x, '', meta)}: {_uppraknat(varden)}"


def _versal(text: str) -> str:
    return text[:1].upper() + text[1:]
