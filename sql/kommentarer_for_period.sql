-- Question: what have staff written about one indicator for the months of a period (why a
-- figure dipped)?
-- Grain: one row per commented month of the indicator within the period.
-- Parameters: $indikator (indikator_id), $ar, $fran_manad and $till_manad (1-12).

with

kommentarer as (
    select * from kommentarer
    where indikator_id = $indikator and ar = $ar and manad between $fran_manad and $till_manad
),

indikatorer as (
    select
        indikator_id,
        namn
    from indikatorer
),

final as (
    select
        kommentarer.indikator_id,
        indikatorer.namn,
        kommentarer.ar,
        kommentarer.manad,
        kommentarer.text,
        kommentarer.vem,
        kommentarer.nar
    from kommentarer
    inner join indikatorer on kommentarer.indikator_id = indikatorer.indikator_id
)

select * from final
order by manad
