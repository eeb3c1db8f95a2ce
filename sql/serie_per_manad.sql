-- Question: how did one indicator go month by month, every year we have?
-- Grain: one row per year, month and dimension value ('' is the total) of the indicator.
-- Parameters: $indikator (indikator_id).

with

varden as (
    select * from varden
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
        varden.ar,
        varden.manad,
        varden.dimension,
        coalesce(dimensioner.ordning, 0) as ordning,
        varden.varde,
        kallor.dokument,
        kallor.datum,
        kallor.diarienummer,
        varden.avsnitt
    from varden
    inner join kallor on varden.kalla_id = kallor.kalla_id
    inner join indikatorer on varden.indikator_id = indikatorer.indikator_id
    left join dimensioner
        on
            indikatorer.dimension = dimensioner.dimension
            and varden.dimension = dimensioner.dimensionsvarde
)

select * from final
order by ar, manad, ordning
