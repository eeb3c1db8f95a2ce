-- Question: do the figures agree with each other the way the papers say they do: the parts
-- of a split figure with its stated total, the months with the stated cumulative figure, the
-- shares of a percentage distribution with 100?
-- Grain: one row per check (kontroll, indicator, year, period type, month); differens =
-- beraknat - angivet, 0 means it reconciles. The checks are computed on every build
-- (sql/bygg/avstamningar.sql), so this only reads them.
-- Parameters: $indikatorer (VARCHAR[], the indicators a page shows; null = every indicator).

with

avstamningar as (
    select * from avstamningar
    where ($indikatorer::varchar[] is null or indikator_id = any($indikatorer::varchar[]))
),

indikatorer as (
    select
        indikator_id,
        namn,
        enhet,
        omrade
    from indikatorer
),

final as (
    select
        avstamningar.kontroll,
        avstamningar.indikator_id,
        indikatorer.namn,
        indikatorer.enhet,
        indikatorer.omrade,
        avstamningar.ar,
        avstamningar.periodtyp,
        avstamningar.manad,
        avstamningar.antal,
        avstamningar.angivet,
        avstamningar.beraknat,
        avstamningar.beraknat - avstamningar.angivet as differens
    from avstamningar
    inner join indikatorer on avstamningar.indikator_id = indikatorer.indikator_id
)

-- The page's order: parts by indicator, then months and shares by area and indicator.
select * from final
order by
    case kontroll
        when 'delar_mot_total' then 1
        when 'manader_mot_ack' then 2
        else 3
    end,
    case when kontroll = 'delar_mot_total' then '' else omrade end,
    indikator_id,
    ar,
    periodtyp,
    manad
