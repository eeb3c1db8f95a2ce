-- Question: what goals does each partnership or project set?
-- Grain: one row per partnership and goal.
-- Parameters: none.

with

mal as (
    select * from partnerskap_mal
),

kallor as (
    select
        kalla_id,
        dokument
    from kallor
),

final as (
    select
        mal.partnerskap_id,
        mal.mal,
        mal.jamforelse,
        mal.malvarde_min,
        mal.malvarde_max,
        mal.enhet,
        mal.per,
        kallor.dokument,
        mal.avsnitt
    from mal
    inner join kallor on mal.kalla_id = kallor.kalla_id
)

select * from final
order by partnerskap_id, mal
