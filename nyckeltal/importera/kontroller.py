"""What no single row shows: a row repeated, and parts that do not add up to their total. The
file's values are laid over the stored ones, so a file may bring only the parts, or only the
total, of a month."""

from decimal import Decimal

from nyckeltal.importera.filformat import PROCENT_AVRUNDNING, Nyckel
from nyckeltal.importera.meddelanden import visa_tal
from nyckeltal.importera.rader import ImportRad
from nyckeltal.importera.referens import Referens
from nyckeltal.inlasning import Fel
from nyckeltal.perioder import beskriv_period

Grupp = tuple[str, int, str, int]  # indikator_id, ar, periodtyp, manad: a total and its parts


def kontrollera_helheten(rader: list[ImportRad], ref: Referens, filnamn: str) -> list[Fel]:
    """Duplicates; then, once there are none, parts against their total for every indicator,
    year, period type and month in the file."""
    return _dubbletter(rader, filnamn) or _delar_mot_totaler(rader, ref, filnamn)


def _dubbletter(rader: list[ImportRad], filnamn: str) -> list[Fel]:
    fel = []
    forsta: dict[Nyckel, int] = {}
    for rad in rader:
        if rad.nyckel in forsta:
            fel.append(
                Fel(
                    filnamn,
                    rad.rad,
                    None,
                    f"samma indikator, år, månad, periodtyp och dimension som rad "
                    f"{forsta[rad.nyckel]} (dubblett).",
                )
            )
        else:
            forsta[rad.nyckel] = rad.rad
    return fel


def _delar_mot_totaler(rader: list[ImportRad], ref: Referens, filnamn: str) -> list[Fel]:
    grupper: dict[Grupp, dict[str, ImportRad]] = {}
    for rad in rader:
        if ref.indikatorer[rad.indikator_id].dimension is not None:
            grupper.setdefault(rad.nyckel[:4], {})[rad.dimension] = rad
    lagrade: dict[Grupp, dict[str, Decimal]] = {}
    for nyckel, lagrat in ref.varden.items():  # one pass, however many groups
        if nyckel[:4] in grupper:
            lagrade.setdefault(nyckel[:4], {})[nyckel[4]] = lagrat.varde
    fel = []
    for grupp, ifil in grupper.items():
        samlat = lagrade.get(grupp, {}) | {dimension: rad.varde for dimension, rad in ifil.items()}
        gruppens_fel = _grupp_fel(grupp, ifil, samlat, ref, filnamn)
        if gruppens_fel is not None:
            fel.append(gruppens_fel)
    return fel


def _grupp_fel(
    grupp: Grupp,
    ifil: dict[str, ImportRad],
    samlat: dict[str, Decimal],
    ref: Referens,
    filnamn: str,
) -> Fel | None:
    """Shares of a whole add up to at most 100 %, and to 100 % when every part is there.
    Other parts add up to their total, or differ from it by a documented disagreement."""
    indikator_id, ar, periodtyp, manad = grupp
    indikator = ref.indikatorer[indikator_id]
    delar = {d: v for d, v in samlat.items() if d != ""}
    if not delar:
        return None
    summa = sum(delar.values(), Decimal(0))
    period = beskriv_period(periodtyp, manad, ar)
    forsta = min(ifil.values(), key=lambda r: r.rad)
    if indikator.enhet == "procent":
        alla = set(delar) == set(indikator.dimensionsvarden)
        if summa > 100 + PROCENT_AVRUNDNING or (alla and summa < 100 - PROCENT_AVRUNDNING):
            return Fel(
                filnamn,
                forsta.rad,
                "varde",
                f"andelarna för {indikator_id} {period} summerar till {visa_tal(summa)} % men "
                "ska tillsammans bli 100 % (±1 för avrundning).",
            )
        return None
    if "" not in samlat:
        return None
    total = samlat[""]
    if summa == total or frozenset((summa, total)) in ref.konflikter:
        return None
    skillnad = summa - total
    if "" in ifil:
        rad, var = ifil[""], f"totalen på rad {ifil[''].rad}"
    else:
        rad, var = forsta, "totalen i databasen"
    return Fel(
        filnamn,
        rad.rad,
        "varde",
        f"delarna för {indikator_id} {period} ({len(delar)} st, med de "
        f"lagrade) summerar till {visa_tal(summa)} men {var} är {visa_tal(total)} "
        f"(skillnad {visa_tal(skillnad)}).",
    )
