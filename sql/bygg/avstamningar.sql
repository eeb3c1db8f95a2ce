-- Question: do the figures just built agree with each other the way the papers say they do?
-- Stores every period-independent reconciliation check in the table avstamningar (see
-- sql/schema.sql), which the query avstamningar reads for the page Källor och kvalitet.
-- Grain: one row per check: per indicator, year, period type and month, the parts against
-- the stated total; per stated cumulative total, its months; per percentage distribution,
-- its shares against 100.
-- Parameters: none. Run by nyckeltal.avstamning.lagra on every build (not a page query).

insert into avstamningar (
    kontroll, indikator_id, ar, periodtyp, manad, antal, angivet, beraknat
)

with

totaler as (
    select
        indikator_id,
        ar,
        periodtyp,
        manad,
        varde
    from varden
    where dimension = ''
),

delar as (
    select
        indikator_id,
        ar,
        periodtyp,
        manad,
        sum(varde) as summa,
        count(*) as antal
    from varden
    where dimension <> ''
    group by indikator_id, ar, periodtyp, manad
),

procentindikatorer as (
    select indikator_id from indikatorer
    where enhet = 'procent'
),

delar_mot_total as (
    select
        'delar_mot_total' as kontroll,
        delar.indikator_id,
        delar.ar,
        delar.periodtyp,
        delar.manad,
        delar.antal,
        totaler.varde as angivet,
        delar.summa as beraknat
    from delar
    inner join totaler
        on
            delar.indikator_id = totaler.indikator_id
            and delar.ar = totaler.ar
            and delar.periodtyp = totaler.periodtyp
            and delar.manad = totaler.manad
),

-- A cumulative figure is only checked when every month January..manad has a value.
manader_mot_ack as (
    select
        'manader_mot_ack' as kontroll,
        ack.indikator_id,
        ack.ar,
        ack.periodtyp,
        ack.manad,
        count(*) as antal,
        ack.varde as angivet,
        sum(manader.varde) as beraknat
    from totaler as ack
    inner join totaler as manader
        on
            ack.indikator_id = manader.indikator_id
            and ack.ar = manader.ar
            and manader.periodtyp = 'manad'
            and ack.manad >= manader.manad
    where ack.periodtyp = 'ack'
    group by ack.indikator_id, ack.ar, ack.periodtyp, ack.manad, ack.varde
    having count(*) = ack.manad
),

procent_mot_hundra as (
    select
        'procent_mot_hundra' as kontroll,
        delar.indikator_id,
        delar.ar,
        delar.periodtyp,
        delar.manad,
        delar.antal,
        100 as angivet,
        delar.summa as beraknat
    from delar
    inner join procentindikatorer on delar.indikator_id = procentindikatorer.indikator_id
)

select * from delar_mot_total
union all
select * from manader_mot_ack
union all
select * from procent_mot_hundra
