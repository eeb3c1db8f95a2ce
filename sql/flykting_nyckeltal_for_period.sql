-- Question: what are the refugee reception's own key figures for a period: the share of women
-- among those received, the number received over 19, and the money transferred to the
-- committees for newly arrived refugees?
-- Grain: one row per figure with a value, shaped like nyckeltal_for_period (indikator_id,
-- varde, harledning, source columns); no row means "uppgift saknas".
-- Parameters: $ar (year), $fran_manad and $till_manad (first and last month, 1-12).
-- The papers state these figures for January–$till_manad only, so a period that does not
-- start in January has none. The transferred total is computed (the papers give only the
-- four categories): their sum, and only when every category has a figure.

with

varden as (
    select * from varden_med_kallor
    where
        ar = $ar
        and periodtyp = 'ack'
        and manad = $till_manad
        and $fran_manad = 1
),

kategorier as (
    select count(*) as antal from dimensioner
    where dimension = 'flyktingkategori'
),

andel_kvinnor as (
    select
        indikator_id,
        varde,
        dokument,
        datum,
        diarienummer,
        avsnitt,
        'angivet' as harledning
    from varden
    where indikator_id = 'mottagna_flyktingar_kon' and dimension = 'Kvinnor'
),

over_19 as (
    select
        indikator_id,
        varde,
        dokument,
        datum,
        diarienummer,
        avsnitt,
        'angivet' as harledning
    from varden
    where indikator_id = 'flyktingar_over_19' and dimension = ''
),

overfort_per_kategori as (
    select
        indikator_id,
        varde,
        kalla_id,
        dokument,
        datum,
        diarienummer,
        avsnitt
    from varden
    where indikator_id = 'flyktingar_overfort_belopp' and dimension <> ''
),

overfort_summa as (
    select
        overfort_per_kategori.indikator_id,
        sum(overfort_per_kategori.varde) as varde,
        -- a sum of categories names one source, the categories' lowest kalla_id;
        -- arg_min_null keeps that source's missing date or diarienummer
        arg_min_null(overfort_per_kategori.dokument, overfort_per_kategori.kalla_id) as dokument,
        arg_min_null(overfort_per_kategori.datum, overfort_per_kategori.kalla_id) as datum,
        arg_min_null(overfort_per_kategori.diarienummer, overfort_per_kategori.kalla_id)
            as diarienummer,
        min(overfort_per_kategori.avsnitt) as avsnitt,
        'beräknat som summan av kategorierna' as harledning
    from overfort_per_kategori
    cross join kategorier
    group by overfort_per_kategori.indikator_id, kategorier.antal
    having count(*) = kategorier.antal
),

perioden as (
    select * from andel_kvinnor
    union all
    select * from over_19
    union all
    select * from overfort_summa
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
