-- Question: every staff comment in the database, for the administration page.
-- Grain: one row per indicator, year and month with a comment; latest written first.
-- Parameters: none.

with

kommentarer as (
    select * from kommentarer
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
order by nar desc, indikator_id asc, ar asc, manad asc
