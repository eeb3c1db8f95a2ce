-- Question: how many people were in each form of labour-market employment in a month,
-- against the same month of the comparison year?
-- Grain: one row per anställningsform in the table's order, then the stated total ('Totalt').
-- Parameters: $ar and $jamforelsear (years), $manad (month, 1-12).
-- forandring = varde - jamforelsevarde (computed); null where either year lacks a figure.
-- jamforelse_anmarkning carries the source's caveat on the comparison column.

with

varden as (
    select * from varden_med_kallor
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

per_form as (
    select
        varden.dimension,
        max(varden.varde) filter (where varden.ar = $ar) as varde,
        max(varden.varde) filter (where varden.ar = $jamforelsear) as jamforelsevarde,
        max(varden.anmarkning) filter (where varden.ar = $jamforelsear) as jamforelse_anmarkning,
        -- the source of the chosen year's figure, else of the comparison year's: of a form's
        -- (at most) two rows the one of $ar, with its missing date or diarienummer kept
        arg_max_null(varden.dokument, varden.ar = $ar) as dokument,
        arg_max_null(varden.datum, varden.ar = $ar) as datum,
        arg_max_null(varden.diarienummer, varden.ar = $ar) as diarienummer,
        arg_max_null(varden.avsnitt, varden.ar = $ar) as avsnitt
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
        per_form.dokument,
        per_form.datum,
        per_form.diarienummer,
        per_form.avsnitt,
        coalesce(dimensioner.ordning, 1000) as ordning
    from per_form
    left join dimensioner on per_form.dimension = dimensioner.dimensionsvarde
)

select * exclude (ordning) from final
order by ordning
