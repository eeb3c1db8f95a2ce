-- Question: after which months of which years is there a budget follow-up, and where is its table?
-- Grain: one row per year and month with a stated budget for the period (the table's Summa).
-- Parameters: none. The source columns point at the follow-up's budget table.

with

budget_hittills as (
    select
        ar,
        manad,
        dokument,
        datum,
        diarienummer,
        avsnitt
    from varden_med_kallor
    where indikator_id = 'nettokostnad_budget' and periodtyp = 'ack' and dimension = ''
),

final as (
    select
        budget_hittills.ar,
        budget_hittills.manad,
        budget_hittills.dokument,
        budget_hittills.datum,
        budget_hittills.diarienummer,
        budget_hittills.avsnitt
    from budget_hittills
)

select * from final
order by ar, manad
