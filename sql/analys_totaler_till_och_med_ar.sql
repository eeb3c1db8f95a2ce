-- Question: what does every indicator's total say, month by month, cumulatively, as a mean,
-- as a full-year outcome and as a forecast, in a year and the years before it (the ground
-- for forecasts, pace to target, seasonal bands and the volume/amount split)?
-- Grain: one row per indicator, year, period type and month of the indicator's total
-- (dimension ''); no row means "uppgift saknas".
-- Parameters: $ar (the year analysed; earlier years come along, later years do not),
-- $indikatorer (VARCHAR[], the indicators analysed; null = every indicator).

with

varden as (
    select * from varden_med_kallor
    where
        dimension = ''
        and ar <= $ar
        and ($indikatorer::varchar[] is null or indikator_id = any($indikatorer::varchar[]))
),

indikatorer as (
    select
        indikator_id,
        namn,
        enhet,
        omrade,
        onskad_riktning,
        matt_typ
    from indikatorer
    where ($indikatorer::varchar[] is null or indikator_id = any($indikatorer::varchar[]))
),

final as (
    select
        varden.indikator_id,
        indikatorer.namn,
        indikatorer.enhet,
        indikatorer.omrade,
        indikatorer.onskad_riktning,
        indikatorer.matt_typ,
        varden.ar,
        varden.periodtyp,
        varden.manad,
        varden.varde,
        varden.dokument,
        varden.datum,
        varden.diarienummer,
        varden.avsnitt
    from varden
    inner join indikatorer on varden.indikator_id = indikatorer.indikator_id
)

select * from final
order by indikator_id, ar, periodtyp, manad
