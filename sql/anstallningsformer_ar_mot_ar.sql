-- Question: how many people were in each form of labour-market employment in a month,
-- against the same month of the comparison year?
-- Grain: one row per anställningsform in the table's order, then the stated total ('Totalt').
-- Parameters: $ar and $jamforelsear (years), $manad (month, 1-12).
-- forandring = varde - jamforelsevarde (computed); null where either year lacks a figure.
-- jamforelse_anmarkning carries the source's caveat on the comparison column.

with

varden as (
    select * from varden
    where
        indikator_id = 'anstallningsform_antal'
        and periodtyp = 'manad'
        and manad = $manad
        and ar in ($ar, $jamforelsear)
),

dimensioner as (
    select
        dimensionsvarde,
        ordning
    from dimensioner
    where dimension = 'anstallningsform'
),

kallor as (
    select
        kalla_id,
        dokument,
        datum,
        diarienummer
    from kallor
),

per_form as (
    select
        varden.dimension,
        max(varden.varde) filter (where varden.ar = $ar) as varde,
        max(varden.varde) filter (where varden.ar = $jamforelsear) as jamforelsevarde,
        max(varden.anmarkning) filter (where varden.ar = $jamforelsear) as jamforelse_anmarkning,
        -- the source of the chosen year's figure, else of the comparison year's
        coalesce(
            max(varden.kalla_id) filter (where varden.ar = $ar),
            max(varden.kalla_id) filter (where varden.ar = $jamforelsear)
        ) as kalla_id,
        coalesce(
            max(varden.avsnitt) filter (where varden.ar = $ar),
            max(varden.avsnitt) filter (where varden.ar = $jamforelsear)
        ) as avsnitt
    from varden
    group by varden.dimension
),

final as (
    select
        case when per_form.dimension = '' then 'Totalt' else per_form.dimension end
            as anstallningsform,
        per_form.dimension = '' as ar_total,
        per_form.varde,
        per_form.jamforelsevarde,
        per_form.varde - per_form.jamforelsevarde as forandring,
        per_form.jamforelse_anmarkning,
        kallor.dokument,
        kallor.datum,
        kallor.diarienummer,
        per_form.avsnitt,
        coalesce(dimensioner.ordning, 1000) as ordning
    from per_form
    inner join kallor on per_form.kalla_id = kallor.kalla_id
    left join dimensioner on per_form.dimension = dimensioner.dimensionsvarde
)

select * exclude (ordning) from final
order by ordning
