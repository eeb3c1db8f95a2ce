-- Question: what are the committee's budget conditions for a year: kommunbidrag, buffert,
-- förstärkningar of the kommunbidrag and the cost increases the budget allows for?
-- Grain: one row per indicator and dimension value ('' for kommunbidrag and buffert).
-- Parameters: $ar (year). Amounts in tkr as stated (positive).

with

varden as (
    select * from varden_med_kallor
    where
        indikator_id in (
            'kommunbidrag', 'buffert', 'kommunbidrag_forstarkning', 'budget_kostnadsokning'
        )
        and ar = $ar
        and periodtyp = 'helar'
),

indikatorer as (
    select
        indikator_id,
        namn,
        dimension
    from indikatorer
),

dimensioner as (
    select * from dimensioner
),

final as (
    select
        varden.indikator_id,
        indikatorer.namn,
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
order by indikator_id, ordning
