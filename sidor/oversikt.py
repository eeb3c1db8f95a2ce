"""Översikt: the committee's key figures for the chosen period, against targets and last year."""

from dataclasses import replace

import streamlit as st

from nyckeltal.format import formatera
from nyckeltal.kpi import Kpi, bygg_kpier, sparkline
from nyckeltal.perioder import Period
from sidor._delat import fraga, per_version, vald_period, visa_kpier

KORT = (
    "hushall_forsorjningsstod",
    "mottagna_flyktingar",
    "personer_arbetsmarknadsinsatser",
    "vaxla_bidrag_mot_lon",
    "bistand_kostnad",
    "namnd_resultat",
)
# The cards' figures, and the budget that the cost card is noted against.
VARDEN = [*KORT, "bistand_budget"]


@per_version
def berakna(period: Period) -> list[Kpi]:
    """The KPI cards for the period, with their sparklines and notes, built once per database
    version and period (six series filtered per card were most of a rerun)."""
    indikatorer = fraga("indikatorer_med_mal", ar=period.ar, indikatorer=list(KORT))
    varden = fraga("nyckeltal_for_period", **period.som_parametrar(), indikatorer=VARDEN)
    jamforelse = fraga(
        "nyckeltal_for_period", **period.jamforelse.som_parametrar(), indikatorer=VARDEN
    )
    sparklines = {
        indikator: sparkline(fraga("serie_per_manad", indikator=indikator), period)
        for indikator in KORT
    }
    prognoser = fraga("prognos_for_period", ar=period.ar, till_manad=period.till_manad)
    prognos = dict(zip(prognoser["indikator_id"].to_list(), prognoser["varde"].to_list()))
    periodvarden = dict(zip(varden["indikator_id"].to_list(), varden["varde"].to_list()))
    return [
        replace(kpi, notering=notering(kpi.indikator_id, period, periodvarden, prognos))
        for kpi in bygg_kpier(list(KORT), indikatorer, varden, jamforelse, period, sparklines)
    ]


def notering(indikator: str, period: Period, periodvarden: dict, prognos: dict) -> str:
    """The budget beside the cost, and the forecast beside the result, when they exist.

    The budget judgement is said in words with its icon (over budget is worse), so that the
    card's "bättre" (the cost against last year) is never read as all good."""
    if indikator == "bistand_kostnad" and {indikator, "bistand_budget"} <= periodvarden.keys():
        budget = periodvarden["bistand_budget"]
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


period = vald_period()
kort = berakna(period)

st.title("Arbetslivsnämndens nyckeltal")
st.caption(f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}.")
visa_kpier(kort)  # with the staff's comments on these figures for the period, if any
st.caption(
    "Pilen efter namnet visar önskad riktning (↗ högre är bättre, ↘ lägre är bättre). "
    "Frågetecknet vid varje nyckeltal visar definition, mål och källa (klicka, tryck eller "
    "tabba dit)."
)
