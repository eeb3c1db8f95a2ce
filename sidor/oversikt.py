"""Översikt: the committee's key figures for the chosen period, against targets and last year."""

import streamlit as st

from nyckeltal.format import formatera
from nyckeltal.kpi import bygg_kpier, sparkline
from sidor._delat import fraga, vald_period, visa_kpi

KORT = (
    "hushall_forsorjningsstod",
    "mottagna_flyktingar",
    "personer_arbetsmarknadsinsatser",
    "vaxla_bidrag_mot_lon",
    "bistand_kostnad",
    "namnd_resultat",
)

period = vald_period()
st.title("Arbetslivsnämndens nyckeltal")
st.caption(f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}.")

indikatorer = fraga("indikatorer_med_mal", ar=period.ar)
varden = fraga("nyckeltal_for_period", **period.som_parametrar())
jamforelse = fraga("nyckeltal_for_period", **period.jamforelse.som_parametrar())
sparklines = {
    indikator: sparkline(fraga("serie_per_manad", indikator=indikator), period)
    for indikator in KORT
}
kort = bygg_kpier(list(KORT), indikatorer, varden, jamforelse, period, sparklines)

for rad in (kort[:3], kort[3:]):
    for kolumn, kpi in zip(st.columns(3), rad):
        with kolumn:
            visa_kpi(kpi)

prognoser = fraga("prognos_for_period", ar=period.ar, till_manad=period.till_manad)
prognos = dict(zip(prognoser["indikator_id"].to_list(), prognoser["varde"].to_list()))
if "namnd_resultat" in prognos:
    st.info(
        f"Helårsprognos för nämndens resultat {period.ar}: "
        f"**{formatera(prognos['namnd_resultat'], 'tkr')}**"
        + (
            f" (ordinarie verksamhet {formatera(prognos['namnd_resultat_ordinarie'], 'tkr')})."
            if "namnd_resultat_ordinarie" in prognos
            else "."
        ),
        icon="📈",
    )
