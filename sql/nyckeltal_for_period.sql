-- Question: what is each indicator's value for one period of one year?
-- Grain: one row per indicator with a value for the period; no row means "uppgift saknas".
-- Each row carries its source (document, date, diarienummer, section).
-- Parameters: $ar (year), $fran_manad and $till_manad (first and last month, 1-12),
-- $indikatorer (VARCHAR[], the indicators a page shows; null = every indicator).
-- A state ('lage') is the month value at $till_manad. A flow ('flode') is the stated
-- cumulative (or full-year) figure when the period starts in January, otherwise the sum of
-- the monthly values, and only when every month of the period has one.

with

indikatorer as (
    select
        indikator_id,
        matt_typ
    from indikatorer
    where ($indikatorer::varchar[] is null or indikator_id = any($indikatorer::varchar[]))
),

totaler as (
    select
        varden.*,
        indikatorer.matt_typ
    from varden
    inner join indikatorer on varden.indikator_id = indikatorer.indikator_id
    where
        varden.dimension = ''
        and varden.ar = $ar
        and ($indikatorer::varchar[] is null or varden.indikator_id = any($indikatorer::varchar[]))
),

lage as (
    select
        indikator_id,
        varde,
        kalla_id,
        avsnitt,
        'angivet' as harledning
    from totaler
    where matt_typ = 'lage' and periodtyp = 'manad' and manad = $till_manad
),

flode_angivet as (
    select
        indikator_id,
        varde,
        kalla_id,
        avsnitt,
        'angivet' as harledning
    from totaler
    where
        matt_typ = 'flode'
        and $fran_manad = 1
        and (
            (periodtyp = 'ack' and manad = $till_manad)
            or (periodtyp = 'helar' and $till_manad = 12)
        )
),

flode_summerat as (
    select
        indikator_id,
        sum(varde) as varde,
        min(kalla_id) as kalla_id,
        min(avsnitt) as avsnitt,
        'summa av månadsvärden' as harledning
    from totaler
    where
        matt_typ = 'flode'
        and periodtyp = 'manad'
        and manad between $fran_manad and $till_manad
    group by indikator_id
    having count(*) = $till_manad - $fran_manad + 1
),

perioden as (
    select * from lage
    union all
    select * from flode_angivet
    union all
    select * from flode_summerat
    where flode_summerat.indikator_id not in (select flode_angivet.indikator_id from flode_angivet)
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
        perioden.indikator_id,
        perioden.varde,
        perioden.harledning,
        kallor.dokument,
        kallor.datum,
        kallor.diarienummer,
        perioden.avsnitt
    from perioden
    inner join kallor on perioden.kalla_id = kallor.kalla_id
)

select * from final
order by indikator_id
