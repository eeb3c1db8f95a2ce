-- Question: what do the papers say about feriearbete, ungdomsanställningar and Återbruk
-- for a period?
-- Grain: one row per indicator with a figure: the state at $till_manad, the cumulative
-- figure January–$till_manad (only when the period starts in January), or the year's own
-- statement (periodtyp 'helar': a budget, a position, places during the year), which holds
-- for any period of the year.
-- Parameters: $ar (year), $fran_manad and $till_manad (first and last month, 1-12).
-- ungefarligt marks figures the text gives as approximate ("cirka", "ett 30-tal").

with

indikatorer as (
    select
        indikator_id,
        namn,
        enhet,
        matt_typ,
        beskrivning
    from indikatorer
    where indikator_id in (
        'feriearbete_sokande',
        'feriearbete_tackat_ja',
        'feriearbete_stod_tjanst',
        'ungdomsanstallningar_budgetokning',
        'ungdomsanstallningar_platser',
        'aterbruk_personer',
        'aterbruk_arbetsterapeuter'
    )
),

varden as (
    select * from varden_med_kallor
    where ar = $ar and dimension = ''
),

perioden as (
    select
        varden.*,
        indikatorer.namn,
        indikatorer.enhet,
        indikatorer.beskrivning
    from varden
    inner join indikatorer on varden.indikator_id = indikatorer.indikator_id
    where
        varden.periodtyp = 'helar'
        or (
            indikatorer.matt_typ = 'lage'
            and varden.periodtyp = 'manad'
            and varden.manad = $till_manad
        )
        or (
            indikatorer.matt_typ = 'flode'
            and $fran_manad = 1
            and varden.periodtyp = 'ack'
            and varden.manad = $till_manad
        )
    -- a figure for the period itself before the year's statement
    qualify row_number() over (
        partition by varden.indikator_id order by varden.periodtyp = 'helar'
    ) = 1
),

final as (
    select
        perioden.indikator_id,
        perioden.namn,
        perioden.enhet,
        perioden.varde,
        perioden.periodtyp,
        perioden.manad,
        coalesce(perioden.anmarkning ilike '%ungefärligt%', false) as ungefarligt,
        perioden.anmarkning,
        perioden.beskrivning,
        perioden.dokument,
        perioden.datum,
        perioden.diarienummer,
        perioden.avsnitt
    from perioden
)

select * from final
order by indikator_id
