-- Question: which indicators may an import file name, with unit, dimension and the allowed
-- values of the dimension (in the documents' order)?
-- Grain: one row per indicator asked for.
-- Parameters: $indikatorer (VARCHAR[], the indicators to list; null = every indicator).
-- dimensionsvarden is an empty list for an indicator without dimension.

with

indikatorer as (
    select
        indikator_id,
        namn,
        enhet,
        matt_typ,
        dimension
    from indikatorer
    where ($indikatorer::varchar[] is null or indikator_id = any($indikatorer::varchar[]))
),

dimensioner as (
    select
        dimension,
        dimensionsvarde,
        ordning
    from dimensioner
),

varden_per_dimension as (
    select
        dimension,
        list(dimensionsvarde order by ordning) as dimensionsvarden
    from dimensioner
    group by dimension
),

final as (
    select
        indikatorer.indikator_id,
        indikatorer.namn,
        indikatorer.enhet,
        indikatorer.matt_typ,
        indikatorer.dimension,
        coalesce(varden_per_dimension.dimensionsvarden, []::varchar[]) as dimensionsvarden
    from indikatorer
    left join varden_per_dimension on indikatorer.dimension = varden_per_dimension.dimension
)

select * from final
order by indikator_id
