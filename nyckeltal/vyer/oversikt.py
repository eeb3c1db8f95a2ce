"""What the page Översikt shows: the committee's key figures for the period as KPI cards, with
their sparklines, against targets and the comparison year, and the budget beside the cost and
the forecast beside the result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from nyckeltal import katalog
from nyckeltal.format import formatera
from nyckeltal.kpi import Kpi, bygg_kpier, sparkline
from nyckeltal.perioder import Period
from nyckeltal.vyer import Fraga

BUDGET = "bistand_budget"  # what the cost card is noted against


def bygg(fraga: Fraga, period: Period) -> tuple[Kpi, ...]:
    """The KPI cards of the period, with their sparklines and notes (six series filtered per
    card were most of a rerun, hence built once and shared: sidor._delat.vy)."""
    kort = list(katalog.kort(katalog.OVERSIKT))
    med_budget = [*kort, BUDGET]  # the cards' figures, and the budget of the cost card
    indikatorer = fraga("indikatorer_med_mal", ar=period.ar, indikatorer=kort)
    varden = fraga("nyckeltal_for_period", **period.som_parametrar(), indikatorer=med_budget)
    jamforelse = fraga(
        "nyckeltal_for_period", **period.jamforelse.som_parametrar(), indikatorer=med_budget
    )
    sparklines = {
        indikator: sparkline(fraga("serie_per_manad", indikator=indikator), period)
        for indikator in kort
    }
    prognoser = fraga("prognos_for_period", ar=period.ar, till_manad=period.till_manad)
    prognos = dict(zip(prognoser["indikator_id"].to_list(), prognoser["varde"].to_list()))
    periodvarden = dict(zip(varden["indikator_id"].to_list(), varden["varde"].to_list()))
    return tuple(
        replace(kpi, notering=notering(kpi.indikator_id, period, periodvarden, prognos))
        for kpi in bygg_kpier(kort, indikatorer, varden, jamforelse, period, sparklines)
    )


def notering(
    indikator: str,
    period: Period,
    periodvarden: Mapping[str, Decimal],
    prognos: Mapping[str, Decimal],
) -> str:
    """The budget beside the cost, and the forecast beside the result, when they exist.

    The budget judgement is said in words with its icon (over budget is worse), so that the
    card's "bättre" (the cost against last year) is never read as all good."""
    if indikator == "bistand_kostnad" and {indikator, BUDGET} <= periodvarden.keys():
        budget = periodvarden[BUDGET]
        skillnad = periodvarden[indikator] - budget
        budgeten = (
            f"budgeten för {period.etikett} ({formatera(budget, 'tkr')} enligt "
            "budgetuppföljningens text)"
        )
        if skillnad > 0:
            return f"⚠️ Över budget: kostnaden är {formatera(skillnad, 'tkr')} högre än {budgeten}."
        if skillnad < 0:
            return (
                f"✅ Under budget: kostnaden är {formatera(-skillnad, 'tkr')} lägre än {budgeten}."
            )
        return f"✅ I nivå med budget: kostnaden är lika hög som {budgeten}."
    if indikator == "namnd_resultat" and indikator in prognos:
        varde = prognos[indikator]
        utfall = "ett underskott" if varde < 0 else "ett överskott" if varde > 0 else "i balans"
        text = f"Helårsprognos: {formatera(varde, 'tkr')}, {utfall}"
        if "namnd_resultat_ordinarie" in prognos:
            text += (
                f" (ordinarie verksamhet {formatera(prognos['namnd_resultat_ordinarie'], 'tkr')})"
            )
        return text + "."
    return ""
