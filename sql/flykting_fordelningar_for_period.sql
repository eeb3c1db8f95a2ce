-- Question: how were the refugees received in a period split by sex, country of origin, age
-- and years in school, and how was the money transferred to the committees split by category?
-- Grain: one row per indicator and dimension value, each indicator in its dimension's order.
-- Parameters: $ar (year), $fran_manad and $till_manad (first and last month, 1-12),
-- $indikatorer (VARCHAR[], the distributions a page shows; null = every indicator).
-- Only figures the papers state for January–$till_manad, so only a period starting in
-- January has rows. anmarkning carries the source's caveat (the tables on country of origin
-- and age give no period of their own).

with

varden as (
    select * from varden_med_kallor
    where
        ar = $ar
        and periodtyp = 'ack'
        and manad = $till_manad
        and $fran_manad = 1
        and dimension <> ''
        and ($indikatorer::varchar[] is null or indikator_id = any($indikatorer::varchar[]))
),

indikatorer as (
    select
        indikator_id,
        namn,
        enhet,
        dimension
    from indikatorer
    where
        omrade = 'flykting'
        and ($indikatorer::varchar[] is null or indikator_id = any($indikatorer::varchar[]))
),

dimensioner as (
    select * from dimensioner
),

final as (
    select
        varden.indikator_id,
        indikatorer.namn,
        indikatorer.enhet,
        varden.ar,
        varden.dimension,
        dimensioner.ordning,
        varden.varde,
        varden.anmarkning,
        varden.dokument,
        varden.datum,
        varden.diarienummer,
        varden.avsnitt
    from varden
    inner join indikatorer on varden.indikator_id = indikatorer.indikator_id
    inner join dimensioner
        on
            indikatorer.dimension = dimensioner.dimension
            and varden.dimension = dimensioner.dimensionsvarde
)

select * from final
order by indikator_id, ordning
