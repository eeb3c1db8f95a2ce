-- Question: which partnerships (IOP) and projects (ESF) does the committee have or decide on?
-- Grain: one row per partnership or project, with its yearly and total money in kronor.
-- Parameters: none.

with

partnerskap as (
    select * from partnerskap
),

belopp as (
    select
        partnerskap_id,
        sum(belopp_kr) filter (where per = 'år' and part <> 'Totalt') as belopp_per_ar_kr,
        sum(belopp_kr) filter (where per = 'projektet' and part = 'Totalt') as belopp_totalt_kr
    from partnerskap_belopp
    group by partnerskap_id
),

kallor as (
    select
        kalla_id,
        dokument,
        datum
    from kallor
),

final as (
    select
        partnerskap.partnerskap_id,
        partnerskap.namn,
        partnerskap.typ,
        partnerskap.motpart,
        partnerskap.diarienummer,
        partnerskap.beslut,
        partnerskap.beslutsdatum,
        partnerskap.status,
        partnerskap.period_start,
        partnerskap.period_slut,
        partnerskap.syfte,
        belopp.belopp_per_ar_kr,
        belopp.belopp_totalt_kr,
        kallor.dokument,
        kallor.datum as dokument_datum,
        partnerskap.avsnitt
    from partnerskap
    left join belopp on partnerskap.partnerskap_id = belopp.partnerskap_id
    inner join kallor on partnerskap.kalla_id = kallor.kalla_id
)

select * from final
order by period_start nulls last, partnerskap_id
