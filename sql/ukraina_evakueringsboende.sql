-- Question: what makes up the forecast result for the evacuation housing for refugees from
-- Ukraine, and what result do the papers state?
-- Grain: one row per item (income plus, cost minus) in the papers' order, then the stated
-- result (ar_resultat = true). The items need not add up to the stated result.
-- Parameters: $ar (year), $manad (month of the follow-up). Amounts in tkr.

with

varden as (
    select * from varden_med_kallor
    where
        indikator_id = 'evakuering_ukraina'
        and ar = $ar
        and periodtyp = 'prognos'
        and manad = $manad
),

dimensioner as (
    select
        dimensionsvarde,
        ordning
    from dimensioner
    where dimension = 'ukraina_post'
),

final as (
    select
        case
            when varden.dimension = '' then 'Prognostiserat resultat' else varden.dimension
        end as post,
        varden.dimension = '' as ar_resultat,
        varden.varde,
        coalesce(dimensioner.ordning, 1000) as ordning,
        varden.dokument,
        varden.datum,
        varden.diarienummer,
        varden.avsnitt
    from varden
    left join dimensioner on varden.dimension = dimensioner.dimensionsvarde
)

select * exclude (ordning) from final
order by ordning
