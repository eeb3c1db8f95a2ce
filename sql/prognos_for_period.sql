-- Question: what full-year forecast stood for each indicator at the end of a period?
-- Grain: one row per indicator with a forecast made in $ar at or before $till_manad (the latest).
-- Parameters: $ar (year), $till_manad (last month of the period).

with

prognoser as (
    select * from varden_med_kallor
    where periodtyp = 'prognos' and dimension = '' and ar = $ar and manad <= $till_manad
),

senaste as (
    select * from prognoser
    qualify row_number() over (partition by indikator_id order by manad desc) = 1
),

final as (
    select
        senaste.indikator_id,
        senaste.varde,
        senaste.manad as prognos_efter_manad,
        senaste.dokument,
        senaste.datum,
        senaste.diarienummer,
        senaste.avsnitt
    from senaste
)

select * from final
order by indikator_id
