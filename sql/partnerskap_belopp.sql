-- Question: what money does each partnership or project involve, item by item?
-- Grain: one row per partnership, item and paying party ('Totalt' is the stated total).
-- Parameters: none.

with

belopp as (
    select * from partnerskap_belopp
),

kallor as (
    select
        kalla_id,
        dokument
    from kallor
),

final as (
    select
        belopp.partnerskap_id,
        belopp.post,
        belopp.part,
        belopp.belopp_kr,
        belopp.per,
        belopp.anmarkning,
        kallor.dokument,
        belopp.avsnitt
    from belopp
    inner join kallor on belopp.kalla_id = kallor.kalla_id
)

select * from final
order by partnerskap_id asc, post asc, part = 'Totalt' desc, part asc
