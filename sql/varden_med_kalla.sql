-- Question: every figure of some indicators with its full source, for reading and checking;
-- with no indicators given, every figure in the database (the download of all figures).
-- Grain: one row per value (indicator, year, period type, month, dimension).
-- Parameters: $indikatorer (VARCHAR[], the indicators asked for; null = every indicator).

with

-- The row ids of the values asked for first, then those rows: the ids come from the primary
-- key's index, and only the rows asked for are read whole, where filtering varden directly
-- reads every column of every row (bench/skala.py: 66 -> 21 ms at 10 000x the seeds; through
-- varden_med_kallor 17 ms by rowid, 27 ms filtered on indikator_id).
valda as (
    select rowid as rad from varden
    where indikator_id = any($indikatorer::varchar[])
),

varden as (
    select * from varden_med_kallor
    where $indikatorer::varchar[] is null or varden_rowid in (select valda.rad from valda)
),

indikatorer as (
    select
        indikator_id,
        namn,
        enhet,
        omrade
    from indikatorer
    where ($indikatorer::varchar[] is null or indikator_id = any($indikatorer::varchar[]))
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
        varden.dokument,
        varden.datum,
        varden.diarienummer,
        varden.avsnitt,
        varden.anmarkning
    from varden
    inner join indikatorer on varden.indikator_id = indikatorer.indikator_id
)

select * from final
order by omrade, indikator_id, ar, periodtyp, manad, dimension
