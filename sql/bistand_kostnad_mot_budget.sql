-- Question: what budget to date, and what deviation of the net cost from it and from the
-- year before, do the papers state for ekonomiskt bistånd in a year?
-- Grain: one row per month of $ar for which a budget to date (januari–manad) is stated.
-- Parameters: $ar (year). Amounts in tkr; kostnad_mot_budget > 0 means above budget,
-- kostnad_mot_fg_ar < 0 means lower than the same months of the year before.

with

varden as (
    select * from varden_med_kallor
    where
        indikator_id in (
            'bistand_budget', 'bistand_kostnad_mot_budget', 'bistand_kostnad_mot_fg_ar'
        )
        and periodtyp = 'ack'
        and dimension = ''
        and ar = $ar
),

budget as (
    select
        ar,
        manad,
        varde,
        dokument,
        datum,
        diarienummer,
        avsnitt
    from varden
    where indikator_id = 'bistand_budget'
),

mot_budget as (
    select
        ar,
        manad,
        varde
    from varden
    where indikator_id = 'bistand_kostnad_mot_budget'
),

mot_fg_ar as (
    select
        ar,
        manad,
        varde
    from varden
    where indikator_id = 'bistand_kostnad_mot_fg_ar'
),

final as (
    select
        budget.ar,
        budget.manad,
        budget.varde as budget_hittills,
        mot_budget.varde as kostnad_mot_budget,
        mot_fg_ar.varde as kostnad_mot_fg_ar,
        budget.dokument,
        budget.datum,
        budget.diarienummer,
        budget.avsnitt
    from budget
    left join mot_budget on budget.ar = mot_budget.ar and budget.manad = mot_budget.manad
    left join mot_fg_ar on budget.ar = mot_fg_ar.ar and budget.manad = mot_fg_ar.manad
)

select * from final
order by manad
