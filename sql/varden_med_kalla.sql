-- Question: every figure in the database with its full source, for reading and download.
-- Grain: one row per value (indicator, year, period type, month, dimension).
-- Parameters: none.

with

varden as (
    select * from varden
),

indikatorer as (
    select
        indikator_id,
        namn,
        enhet,
        omrade
    from indikatorer
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
        indikatorer.omrade,
        varden.indikator_id,
        indikatorer.namn,
        varden.ar,
        varden.periodtyp,
        varden.manad,
        varden.dimension,
        varden.varde,
        indikatorer.enhet,
        kallor.dokument,
        kallor.datum,
        kallor.diarienummer,
        varden.avsnitt,
        varden.anmarkning
    from varden
    inner join indikatorer on varden.indikator_id = indikatorer.indikator_id
    inner join kallor on varden.kalla_id = kallor.kalla_id
)

select * from final
order by omrade, indikator_id, ar, periodtyp, manad, dimension
