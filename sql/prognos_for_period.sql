-- Question: what full-year forecast stood for each indicator at the end of a period?
-- Grain: one row per indicator with a forecast made in $ar at or before $till_manad (the latest).
-- Parameters: $ar (year), $till_manad (last month of the period).

with

prognoser as (
    select * from varden
    where periodtyp = 'prognos' and dimension = '' and ar = $ar and manad <= $till_manad
),

senaste as (
    select * from prognoser
    qualify row_number() over (partition by indikator_id order by manad desc) = 1
),

kallor as (
    select
        kalla_id,
        dokument,
        datum,
        diarienummer
    from kallor
),

final as (
    select
        senaste.indikator_id,
        senaste.varde,
        senaste.manad as prognos_efter_manad,
        kallor.dokument,
        kallor.datum,
        kallor.diarienummer,
        senaste.avsnitt
    from senaste
    inner join kallor on senaste.kalla_id = kallor.kalla_id
)

select * from final
order by indikator_id
