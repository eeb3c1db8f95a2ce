-- Question: which values did one import add or change, from what to what, and on which source?
-- Grain: one row per new or changed value of the import, in the file's row order.
-- Parameters: $import_id. tidigare_varde is NULL for a new value.

with

importerade_varden as (
    select * from importerade_varden
    where import_id = $import_id
),

indikatorer as (
    select
        indikator_id,
        namn,
        enhet
    from indikatorer
),

-- an undone import's own new sources are no longer in kallor, so look in both
kallor as (
    select
        kalla_id,
        dokument,
        datum,
        diarienummer
    from kallor
    union
    select
        kalla_id,
        dokument,
        datum,
        diarienummer
    from importerade_kallor
    where import_id = $import_id
),

final as (
    select
        importerade_varden.rad,
        importerade_varden.indikator_id,
        indikatorer.namn,
        indikatorer.enhet,
        importerade_varden.ar,
        importerade_varden.periodtyp,
        importerade_varden.manad,
        importerade_varden.dimension,
        importerade_varden.andring,
        importerade_varden.tidigare_varde,
        importerade_varden.varde,
        kallor.dokument,
        kallor.datum,
        kallor.diarienummer,
        importerade_varden.avsnitt
    from importerade_varden
    inner join indikatorer on importerade_varden.indikator_id = indikatorer.indikator_id
    left join kallor on importerade_varden.kalla_id = kallor.kalla_id
)

select * from final
order by rad
