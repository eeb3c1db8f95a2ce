-- Question: what are the committee's economic key figures in the follow-up after a month?
-- Grain: one row per indicator and period type with a value: kommunbidrag and buffert for
-- the year ('helar'), the result so far ('ack'), the full-year forecasts ('prognos').
-- Parameters: $ar (year), $manad (month of the follow-up). No row means "uppgift saknas".
-- The year's kommunbidrag and buffert do not depend on the month; the rest does.

with

varden as (
    select * from varden_med_kallor
    where
        indikator_id in (
            'kommunbidrag', 'buffert', 'namnd_resultat', 'namnd_resultat_ordinarie'
        )
        and dimension = ''
        and ar = $ar
        and (periodtyp = 'helar' or (periodtyp in ('ack', 'prognos') and manad = $manad))
),

final as (
    select
        varden.indikator_id,
        varden.periodtyp,
        varden.varde,
        'angivet' as harledning,
        varden.dokument,
        varden.datum,
        varden.diarienummer,
        varden.avsnitt
    from varden
)

select * from final
order by indikator_id, periodtyp
