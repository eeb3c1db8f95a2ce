-- Question: which years have values, and up to which month?
-- Grain: one row per year with any month or cumulative value.
-- Parameters: none. The latest row is the dashboard's default period.

with

varden as (
    select
        ar,
        manad
    from varden
    where periodtyp in ('manad', 'ack')
),

final as (
    select
        ar,
        max(manad) as senaste_manad,
        count(*) as antal_varden
    from varden
    group by ar
)

select * from final
order by ar
