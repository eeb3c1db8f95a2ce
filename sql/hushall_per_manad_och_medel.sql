-- Question: how many households had försörjningsstöd in the months the papers give, and
-- what mean over januari–manad do they state?
-- Grain: one row per year, month and kind: periodtyp 'manad' (the month's count) or
-- 'medel' (the mean of januari–manad). Months the papers do not give have no row.
-- Parameters: none.

with

varden as (
    select * from varden_med_kallor
    where
        indikator_id = 'hushall_forsorjningsstod'
        and periodtyp in ('manad', 'medel')
        and dimension = ''
),

final as (
    select
        varden.ar,
        varden.manad,
        varden.periodtyp,
        varden.varde,
        varden.dokument,
        varden.datum,
        varden.diarienummer,
        varden.avsnitt
    from varden
)

select * from final
order by periodtyp, ar, manad
