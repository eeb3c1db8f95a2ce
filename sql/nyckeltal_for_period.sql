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

varden as (
    select * from varden_med_kallor
    where
        dimension = ''
        and ar = $ar
        and ($indikatorer::varchar[] is null or indikator_id = any($indikatorer::varchar[]))
),

totaler as (
    select
        varden.*,
        indikatorer.matt_typ
    from varden
    inner join indikatorer on varden.indikator_id = indikatorer.indikator_id
),

lage as (
    select
        indikator_id,
        varde,
        dokument,
        datum,
        diarienummer,
        avsnitt,
        'angivet' as harledning
    from totaler
    where matt_typ = 'lage' and periodtyp = 'manad' and manad = $till_manad
),

flode_angivet as (
    select
        indikator_id,
        varde,
        dokument,
        datum,
        diarienummer,
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
        -- a sum of months names one source, the months' lowest kalla_id; arg_min_null keeps
        -- that source's missing date or diarienummer, where arg_min would take another's
        arg_min_null(dokument, kalla_id) as dokument,
        arg_min_null(datum, kalla_id) as datum,
        arg_min_null(diarienummer, kalla_id) as diarienummer,
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

final as (
    select
        perioden.indikator_id,
        perioden.varde,
        perioden.harledning,
        perioden.dokument,
        perioden.datum,
        perioden.diarienummer,
        perioden.avsnitt
    from perioden
)

select * from final
order by indikator_id
