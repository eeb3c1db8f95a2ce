-- Question: how did one indicator go month by month, every year we have?
-- Grain: one row per year, month and dimension value ('' is the total) of the indicator.
-- Parameters: $indikator (indikator_id).

with

varden as (
    select * from varden_med_kallor
    where indikator_id = $indikator and periodtyp = 'manad'
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
        varden.ar,
        varden.manad,
        varden.dimension,
        coalesce(dimensioner.ordning, 0) as ordning,
        varden.varde,
        varden.dokument,
        varden.datum,
        varden.diarienummer,
        varden.avsnitt
    from varden
    inner join indikatorer on varden.indikator_id = indikatorer.indikator_id
    left join dimensioner
        on
            indikatorer.dimension = dimensioner.dimension
            and varden.dimension = dimensioner.dimensionsvarde
)

select * from final
order by ar, manad, ordning
