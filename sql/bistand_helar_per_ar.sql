-- Question: what were the full-year net cost (bokslut) and the full-year budget of
-- ekonomiskt bistånd, year by year?
-- Grain: one row per year and kind ('bokslut' or 'budget') that the papers state; no row
-- means "uppgift saknas". Amounts in tkr, a cost as a positive number.
-- Parameters: none. The full-year forecast is in prognos_for_period.

with

varden as (
    select * from varden_med_kallor
    where
        indikator_id in ('bistand_kostnad', 'bistand_budget')
        and periodtyp = 'helar'
        and dimension = ''
),

final as (
    select
        varden.ar,
        case varden.indikator_id
            when 'bistand_kostnad' then 'bokslut'
            else 'budget'
        end as slag,
        varden.varde,
        varden.dokument,
        varden.datum,
        varden.diarienummer,
        varden.avsnitt
    from varden
)

select * from final
order by ar, slag
