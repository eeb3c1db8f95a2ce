-- Question: how are an indicator's values split over its dimension at the end of a period?
-- Grain: one row per dimension value (not the total) in the dimension's own order.
-- Parameters: $indikator (indikator_id), $ar (year), $till_manad (last month of the period).
-- Takes the month value or the cumulative value stated at $till_manad, whichever exists.

with

varden as (
    select * from varden_med_kallor
    where
        indikator_id = $indikator
        and ar = $ar
        and manad = $till_manad
        and periodtyp in ('manad', 'ack')
        and dimension <> ''
),

indikatorer as (
    select
        indikator_id,
        dimension
    from indikatorer
),

dimensioner as (
    select * from dimensioner
),

final as (
    select
        varden.dimension,
        dimensioner.ordning,
        varden.varde,
        varden.periodtyp,
        varden.dokument,
        varden.datum,
        varden.diarienummer,
        varden.avsnitt
    from varden
    inner join indikatorer on varden.indikator_id = indikatorer.indikator_id
    inner join dimensioner
        on
            indikatorer.dimension = dimensioner.dimension
            and varden.dimension = dimensioner.dimensionsvarde
)

select * from final
order by ordning
