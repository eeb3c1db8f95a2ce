"""One row of a file to an ImportRad, or the errors of its cells: first whether every cell is
safe text, then column by column against the format and the indicators."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from nyckeltal.format import MANADSNUMMER, manadsnamn
from nyckeltal.importera.filformat import (
    FORMELTECKEN,
    KRAVS,
    MAX_TECKEN,
    MAX_TECKEN_KOMMENTAR,
    PERIODTYPER,
    STYRTECKEN,
    Kallnyckel,
    Nyckel,
)
from nyckeltal.importera.meddelanden import forkorta, forslag
from nyckeltal.importera.referens import Indikator, Referens
from nyckeltal.inlasning import Fel, tolka_svenskt_tal
from nyckeltal.perioder import beskriv_period

# Records an error in a column of the row being read (None: the row as a whole).
Felet = Callable[[str | None, str], None]


@dataclass(frozen=True)
class ImportRad:
    rad: int  # as a spreadsheet shows it: the header is row 1
    indikator_id: str
    ar: int
    periodtyp: str
    manad: int
    dimension: str  # '' = the total
    varde: Decimal
    kalla_dokument: str
    kalla_datum: dt.date | None
    kalla_diarienummer: str | None
    kalla_avsnitt: str
    anmarkning: str | None

    @property
    def nyckel(self) -> Nyckel:
        return (self.indikator_id, self.ar, self.periodtyp, self.manad, self.dimension)

    @property
    def kalla(self) -> Kallnyckel:
        return (self.kalla_dokument, self.kalla_datum, self.kalla_diarienummer)

    @property
    def period(self) -> str:
        return beskriv_period(self.periodtyp, self.manad, self.ar)


def tolka_rad(
    radnr: int,
    celler: list[str],
    index: dict[str, int],
    ref: Referens,
    dag: dt.date,
    filnamn: str,
) -> tuple[ImportRad | None, list[Fel]]:
    """One row to an ImportRad, or the errors of its cells."""
    fel: list[Fel] = []

    def felet(kolumn: str | None, meddelande: str) -> None:
        fel.append(Fel(filnamn, radnr, kolumn, meddelande))

    _celler_utan_rubrik(celler, set(index.values()), felet)
    text = {k: (celler[i].strip() if i < len(celler) else "") for k, i in index.items()}
    for kolumn, varde in text.items():
        _sakerhet(kolumn, varde, felet)
    if fel:  # a row that is not even safe text is not read further
        return None, fel
    for kolumn in KRAVS:
        if text.get(kolumn, "") == "":
            felet(kolumn, "värde saknas.")
    indikator = _indikator(text["indikator_id"], ref, felet)
    ar = _ar(text["ar"], felet)
    periodtyp = _periodtyp(text["periodtyp"], felet)
    manad = _manad(text["manad"], periodtyp, felet)
    if ar is not None and manad is not None and periodtyp is not None:
        _inte_i_framtiden(ar, manad, periodtyp, dag, felet)
    _dimension(text["dimension"], indikator, felet)
    varde = _varde(text["varde"], indikator, periodtyp, felet)
    datum = _kalla_datum(text["kalla_datum"], dag, felet)
    if fel:
        return None, fel
    return ImportRad(
        rad=radnr,
        indikator_id=text["indikator_id"],
        ar=ar,
        periodtyp=periodtyp,
        manad=manad,
        dimension=text["dimension"],
        varde=varde,
        kalla_dokument=text["kalla_dokument"],
        kalla_datum=datum,
        kalla_diarienummer=text["kalla_diarienummer"] or None,
        kalla_avsnitt=text["kalla_avsnitt"],
        anmarkning=text.get("anmarkning") or None,
    ), []


def _celler_utan_rubrik(celler: list[str], kanda: set[int], felet: Felet) -> None:
    for position, cell in enumerate(celler):
        if position not in kanda and cell.strip():
            felet(
                None,
                f"cell {position + 1} ('{forkorta(cell.strip())}') har ingen kolumnrubrik; "
                "ett decimalkomma i en kommaseparerad fil måste stå inom citattecken.",
            )


def _ar_ett_tal(text: str) -> bool:
    return tolka_svenskt_tal(text)[1] is None


def _sakerhet(kolumn: str, varde: str, felet: Felet) -> None:
    """A formula, an overlong text or a control character: text that is unsafe to store."""
    if varde[:1] in FORMELTECKEN and not (
        kolumn == "varde" and varde[0] == "-" and _ar_ett_tal(varde)
    ):
        felet(
            kolumn,
            f"'{forkorta(varde)}' börjar med '{varde[0]}' och kan köras som en formel "
            "när filen öppnas i Excel (formelinjektion); ta bort tecknet.",
        )
    elif len(varde) > (MAX_TECKEN_KOMMENTAR if kolumn == "anmarkning" else MAX_TECKEN):
        felet(kolumn, f"texten har {len(varde)} tecken; det är för långt.")
    elif STYRTECKEN.search(varde):
        felet(kolumn, "cellen innehåller ett osynligt styrtecken (t.ex. NUL); skriv om den.")


def _indikator(text: str, ref: Referens, felet: Felet) -> Indikator | None:
    indikator = ref.indikatorer.get(text)
    if text and indikator is None:
        felet(
            "indikator_id",
            f"okänd indikator '{forkorta(text)}'{forslag(text, ref.indikatorer)}; se fliken "
            "Indikatorer i Excel-mallen.",
        )
    return indikator


def _ar(text: str, felet: Felet) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        felet("ar", f"'{forkorta(text)}' är inget årtal (skriv t.ex. 2022).")
    elif not 2000 <= int(text) <= 2100:
        felet("ar", f"året {text} ligger utanför 2000–2100.")
    else:
        return int(text)
    return None


def _periodtyp(text: str, felet: Felet) -> str | None:
    if not text:
        return None
    periodtyp = PERIODTYPER.get(text.lower())
    if periodtyp is None:
        felet(
            "periodtyp",
            f"'{forkorta(text)}' är ingen periodtyp; tillåtna: manad, ack, medel, helar, prognos.",
        )
    return periodtyp


def _manad(text: str, periodtyp: str | None, felet: Felet) -> int | None:
    """A month as 1–12 or its Swedish name; a whole-year value is month 12, or an empty cell."""
    manad = None
    manadstext = text.lower()
    if manadstext == "":
        if periodtyp == "helar":
            manad = 12
        elif periodtyp is not None:
            felet("manad", "värde saknas (1–12 eller januari–december).")
    elif re.fullmatch(r"\d{1,2}", manadstext) and 1 <= int(manadstext) <= 12:
        manad = int(manadstext)
    elif manadstext in MANADSNUMMER:
        manad = MANADSNUMMER[manadstext]
    else:
        felet("manad", f"'{forkorta(text)}' är ingen månad (1–12 eller januari–december).")
    if periodtyp == "helar" and manad is not None and manad != 12:
        felet("manad", "ett helårsvärde har månad 12 (eller en tom cell).")
        manad = None
    return manad


def _inte_i_framtiden(ar: int, manad: int, periodtyp: str, dag: dt.date, felet: Felet) -> None:
    # a budget for the whole year is known before the year ends; other figures are not
    if periodtyp == "helar" and ar > dag.year:
        felet("ar", f"helåret {ar} ligger i framtiden.")
    elif periodtyp != "helar" and (ar, manad) > (dag.year, dag.month):
        felet(
            "ar" if ar > dag.year else "manad",
            f"perioden {manadsnamn(manad)} {ar} ligger i framtiden (senast tillåtna "
            f"månad är {manadsnamn(dag.month)} {dag.year}).",
        )


def _dimension(dimension: str, indikator: Indikator | None, felet: Felet) -> None:
    if indikator is None:
        return
    if indikator.dimension is None and dimension:
        felet(
            "dimension",
            f"indikatorn {indikator.indikator_id} har ingen dimension; lämna cellen tom.",
        )
    elif dimension and dimension not in indikator.dimensionsvarden:
        tillatna = ", ".join(indikator.dimensionsvarden)
        felet(
            "dimension",
            f"'{forkorta(dimension)}' är inget värde för dimensionen "
            f"{indikator.dimension}{forslag(dimension, indikator.dimensionsvarden)}; "
            f"tillåtna: {tillatna} (tom cell = totalen).",
        )


def _varde(
    text: str, indikator: Indikator | None, periodtyp: str | None, felet: Felet
) -> Decimal | None:
    """The value as a Swedish number (a percentage may end in %), then whether the
    indicator's unit allows it."""
    if not text:
        return None
    vardetext = text
    if indikator is not None and indikator.enhet == "procent":
        vardetext = re.sub(r"\s*%$", "", vardetext)
    varde, meddelande = tolka_svenskt_tal(vardetext)
    if meddelande:
        felet("varde", meddelande)
    elif indikator is not None:
        if indikator.enhet == "antal" and varde < 0:
            felet("varde", f"ett antal kan inte vara negativt ({text}).")
        elif (
            indikator.enhet == "antal"
            and periodtyp not in (None, "medel")
            and varde != varde.to_integral_value()
        ):
            felet(
                "varde",
                f"ett antal är ett heltal ({text}); bara periodtypen medel får ha decimaler.",
            )
        elif indikator.enhet == "procent" and not 0 <= varde <= 100:
            felet("varde", f"andelen {vardetext} % ligger utanför 0–100.")
    return varde


def _kalla_datum(text: str, dag: dt.date, felet: Felet) -> dt.date | None:
    if not text:
        return None
    try:
        datum = dt.date.fromisoformat(text)
    except ValueError:
        felet(
            "kalla_datum",
            f"'{forkorta(text)}' är inget datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2022-10-27).",
        )
        return None
    if datum > dag:
        felet("kalla_datum", f"källans datum {datum} ligger i framtiden.")
    return datum
