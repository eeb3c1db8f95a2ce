-- Question: when does each partnership or project run, and why is one without a period
-- missing from the timeline?
-- Grain: one row per partnership or project; those with a period first, by start date.
-- Parameters: none. utan_period_orsak is null for rows on the timeline.

with

partnerskap as (
    select * from partnerskap
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
        partnerskap.partnerskap_id,
        partnerskap.namn,
        partnerskap.typ,
        partnerskap.status,
        partnerskap.period_start,
        partnerskap.period_slut,
        partnerskap.period_start is not null
        and partnerskap.period_slut is not null as pa_tidslinjen,
        case
            when partnerskap.period_start is not null and partnerskap.period_slut is not null
                then null
            when partnerskap.status = 'Avslagen'
                then 'Avslagen: nämnden beslutade att inte ingå överenskommelsen.'
            else 'Källan anger ingen period.'
        end as utan_period_orsak,
        kallor.dokument,
        kallor.datum,
        kallor.diarienummer,
        partnerskap.avsnitt
    from partnerskap
    inner join kallor on partnerskap.kalla_id = kallor.kalla_id
)

select * from final
order by pa_tidslinjen desc, period_start asc, partnerskap_id asc
