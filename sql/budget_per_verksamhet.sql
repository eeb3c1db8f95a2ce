-- Question: how does each verksamhet stand against its budget after a month of a year?
-- Grain: one row per verksamhet in the budget table, then the row Summa (the stated total).
-- Parameters: $ar (year), $manad (month of the follow-up).
-- Amounts in tkr with the table's signs: minus is a cost, avvikelse plus is a surplus.

with

varden as (
    select * from varden
    where indikator_id in (
        'nettokostnad_utfall',
        'nettokostnad_budget',
        'nettokostnad_prognos',
        'budgetavvikelse',
        'budgetavvikelse_text'
    )
),

dimensioner as (
    select
        dimensionsvarde,
        ordning
    from dimensioner
    where dimension = 'verksamhet'
),

rader as (
    select distinct dimension
    from varden
    where indikator_id = 'nettokostnad_budget' and ar = $ar
),

final as (
    select
        case when rader.dimension = '' then 'Summa' else rader.dimension end as verksamhet,
        rader.dimension = '' as ar_summa,
        max(varden.varde) filter (
            where varden.indikator_id = 'nettokostnad_utfall' and varden.ar = $ar - 1
            and varden.periodtyp = 'ack' and varden.manad = $manad
        ) as utfall_fg_ar,
        max(varden.varde) filter (
            where varden.indikator_id = 'nettokostnad_budget' and varden.ar = $ar
            and varden.periodtyp = 'helar'
        ) as budget_helar,
        max(varden.varde) filter (
            where varden.indikator_id = 'nettokostnad_budget' and varden.ar = $ar
            and varden.periodtyp = 'ack' and varden.manad = $manad
        ) as budget_hittills,
        max(varden.varde) filter (
            where varden.indikator_id = 'nettokostnad_utfall' and varden.ar = $ar
            and varden.periodtyp = 'ack' and varden.manad = $manad
        ) as utfall,
        max(varden.varde) filter (
            where varden.indikator_id = 'nettokostnad_prognos' and varden.ar = $ar
            and varden.periodtyp = 'prognos' and varden.manad = $manad
        ) as prognos,
        max(varden.varde) filter (
            where varden.indikator_id = 'budgetavvikelse' and varden.ar = $ar
            and varden.periodtyp = 'prognos' and varden.manad = $manad
        ) as avvikelse,
        max(varden.varde) filter (
            where varden.indikator_id = 'budgetavvikelse_text' and varden.ar = $ar
            and varden.periodtyp = 'prognos' and varden.manad = $manad
        ) as avvikelse_enligt_text,
        coalesce(min(dimensioner.ordning), 1000) as ordning
    from rader
    left join varden on rader.dimension = varden.dimension
    left join dimensioner on rader.dimension = dimensioner.dimensionsvarde
    group by rader.dimension
)

select * exclude (ordning) from final
order by ordning
