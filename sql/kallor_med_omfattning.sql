-- Question: which source documents does the dashboard rest on, and how much came from each?
-- Grain: one row per source document.
-- Parameters: none.

with

kallor as (
    select * from kallor
),

-- Counted per source before the join: one grouped pass over varden, not a join of every
-- value (bench/skala.py: 86 -> 17 ms at 10 000x the seed volume).
antal_varden as (
    select
        kalla_id,
        count(*) as antal
    from varden
    group by kalla_id
),

ovriga as (
    select
        kalla_id,
        count(*) as antal
    from (
        select kalla_id from mal
        union all
        select kalla_id from partnerskap
        union all
        select kalla_id from partnerskap_belopp
        union all
        select kalla_id from partnerskap_mal
    ) as ovriga_uppgifter
    group by kalla_id
),

final as (
    select
        kallor.kalla_id,
        kallor.dokument,
        kallor.datum,
        kallor.diarienummer,
        kallor.instans,
        kallor.fil,
        kallor.anmarkning,
        coalesce(antal_varden.antal, 0) as antal_varden,
        coalesce(ovriga.antal, 0) as antal_ovriga_uppgifter
    from kallor
    left join antal_varden on kallor.kalla_id = antal_varden.kalla_id
    left join ovriga on kallor.kalla_id = ovriga.kalla_id
)

select * from final
order by datum nulls last, kalla_id
