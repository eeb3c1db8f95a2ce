-- Question: do the parts of every split figure add up to its stated total?
-- Grain: one row per indicator, year, period type and month that has both parts and a total.
-- Parameters: none. differens = summa_delar - angiven_total; 0 means it reconciles.

with

varden as (
    select * from varden
),

indikatorer as (
    select
        indikator_id,
        namn,
        enhet
    from indikatorer
),

delar as (
    select
        indikator_id,
        ar,
        periodtyp,
        manad,
        sum(varde) as summa_delar,
        count(*) as antal_delar
    from varden
    where dimension <> ''
    group by indikator_id, ar, periodtyp, manad
),

totaler as (
    select
        indikator_id,
        ar,
        periodtyp,
        manad,
        varde as angiven_total
    from varden
    where dimension = ''
),

final as (
    select
        delar.indikator_id,
        indikatorer.namn,
        indikatorer.enhet,
        delar.ar,
        delar.periodtyp,
        delar.manad,
        delar.antal_delar,
        delar.summa_delar,
        totaler.angiven_total,
        delar.summa_delar - totaler.angiven_total as differens
    from delar
    inner join totaler
        on
            delar.indikator_id = totaler.indikator_id
            and delar.ar = totaler.ar
            and delar.periodtyp = totaler.periodtyp
            and delar.manad = totaler.manad
    inner join indikatorer on delar.indikator_id = indikatorer.indikator_id
)

select * from final
order by indikator_id, ar, periodtyp, manad
