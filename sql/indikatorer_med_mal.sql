-- Question: what does each indicator mean, and what is its target for a year?
-- Grain: one row per indicator asked for; target columns are null where the year has no
-- target.
-- Parameters: $ar (year of the target); $indikatorer (VARCHAR[], the indicators a page shows;
-- null = every indicator in the database).

with

indikatorer as (
    select * from indikatorer
    where ($indikatorer::varchar[] is null or indikator_id = any($indikatorer::varchar[]))
),

mal as (
    select * from mal
    where ar = $ar
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
        indikatorer.indikator_id,
        indikatorer.namn,
        indikatorer.enhet,
        indikatorer.omrade,
        indikatorer.onskad_riktning,
        indikatorer.matt_typ,
        indikatorer.dimension,
        indikatorer.beskrivning,
        mal.malvarde,
        mal.jamforelse,
        mal.galler,
        mal.beskrivning as mal_beskrivning,
        kallor.dokument as mal_dokument,
        kallor.datum as mal_datum,
        kallor.diarienummer as mal_diarienummer,
        mal.avsnitt as mal_avsnitt
    from indikatorer
    left join mal on indikatorer.indikator_id = mal.indikator_id
    left join kallor on mal.kalla_id = kallor.kalla_id
)

select * from final
order by indikator_id
