-- Question: where do the source documents disagree, and which figure does the dashboard show?
-- Grain: one row per recorded disagreement.
-- Parameters: none.

with

kallkonflikter as (
    select * from kallkonflikter
),

kallor as (
    select
        kalla_id,
        dokument,
        diarienummer
    from kallor
),

final as (
    select
        kallkonflikter.konflikt_id,
        kallkonflikter.beskrivning,
        kallkonflikter.uppgift_a,
        kallkonflikter.varde_a,
        kalla_a.dokument as dokument_a,
        kallkonflikter.avsnitt_a,
        kallkonflikter.uppgift_b,
        kallkonflikter.varde_b,
        kalla_b.dokument as dokument_b,
        kallkonflikter.avsnitt_b,
        kallkonflikter.enhet,
        kallkonflikter.visas,
        kallkonflikter.motivering
    from kallkonflikter
    inner join kallor as kalla_a on kallkonflikter.kalla_a = kalla_a.kalla_id
    inner join kallor as kalla_b on kallkonflikter.kalla_b = kalla_b.kalla_id
)

select * from final
order by konflikt_id
