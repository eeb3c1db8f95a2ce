-- Question: which source documents does the dashboard rest on, and how much came from each?
-- Grain: one row per source document.
-- Parameters: none.

with

kallor as (
    select * from kallor
),

anvandning as (
    select kalla_id, 'varden' as tabell from varden
    union all select kalla_id, 'mal' from mal
    union all select kalla_id, 'partnerskap' from partnerskap
    union all select kalla_id, 'partnerskap_belopp' from partnerskap_belopp
    union all select kalla_id, 'partnerskap_mal' from partnerskap_mal
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
        count(anvandning.kalla_id) filter (where anvandning.tabell = 'varden') as antal_varden,
        count(anvandning.kalla_id) filter (where anvandning.tabell <> 'varden')
            as antal_ovriga_uppgifter
    from kallor
    left join anvandning on kallor.kalla_id = anvandning.kalla_id
    group by all
)

select * from final
order by datum nulls last, kalla_id
