-- Question: after which months of which years is there a budget follow-up, and where is its table?
-- Grain: one row per year and month with a stated budget for the period (the table's Summa).
-- Parameters: none. The source columns point at the follow-up's budget table.

with

budget_hittills as (
    select
        ar,
        manad,
        kalla_id,
        avsnitt
    from varden
    where indikator_id = 'nettokostnad_budget' and periodtyp = 'ack' and dimension = ''
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
        budget_hittills.ar,
        budget_hittills.manad,
        kallor.dokument,
        kallor.datum,
        kallor.diarienummer,
        budget_hittills.avsnitt
    from budget_hittills
    inner join kallor on budget_hittills.kalla_id = kallor.kalla_id
)

select * from final
order by ar, manad
