-- Question: who imported which file when, what did it add and change, and is it still in
-- effect (the audit log)?
-- Grain: one row per import, newest first.
-- Parameters: none. status 'aktiv' = in effect, 'angrad' = undone (by angrad_av at angrad_nar).

with

importer as (
    select * from importer
),

final as (
    select
        import_id,
        nar,
        vem,
        filnamn,
        sha256,
        rader_nya,
        rader_andrade,
        rader_oforandrade,
        status,
        angrad_av,
        angrad_nar
    from importer
)

select * from final
order by import_id desc
