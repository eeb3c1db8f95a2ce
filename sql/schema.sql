-- Schema for the embedded dashboard database, built from data/*.csv by nyckeltal.bygg.
-- One table per CSV file, same column names and order. Amounts are exact decimals.
-- Conventions:
--   varden.periodtyp: 'manad'   value for the calendar month (or the state at its end),
--                     'ack'     cumulative January..manad,
--                     'medel'   mean of January..manad,
--                     'helar'   full-year outcome or budget (manad = 12),
--                     'prognos' full-year forecast made after month manad.
--   varden.dimension: '' is the indicator's total (or an indicator without dimension);
--                     otherwise a value of dimensioner for the indicator's dimension.

create table kallor (
    kalla_id varchar primary key,
    dokument varchar not null,
    datum date,
    diarienummer varchar,
    instans varchar not null,
    fil varchar not null,
    anmarkning varchar
);

create table indikatorer (
    indikator_id varchar primary key check (regexp_full_match(indikator_id, '[a-z0-9_]+')),
    namn varchar not null,
    enhet varchar not null check (enhet in ('antal', 'tkr', 'kr', 'procent')),
    omrade varchar not null check (omrade in ('bistand', 'flykting', 'arbetsmarknad', 'ekonomi')),
    onskad_riktning varchar not null check (onskad_riktning in ('upp', 'ner', 'ingen')),
    matt_typ varchar not null check (matt_typ in ('lage', 'flode')),
    dimension varchar,
    beskrivning varchar not null
);

create table dimensioner (
    dimension varchar not null,
    dimensionsvarde varchar not null check (dimensionsvarde <> ''),
    ordning integer not null,
    primary key (dimension, dimensionsvarde)
);

create table varden (
    indikator_id varchar not null references indikatorer (indikator_id),
    ar integer not null check (ar between 2000 and 2100),
    periodtyp varchar not null check (periodtyp in ('manad', 'ack', 'medel', 'helar', 'prognos')),
    manad integer not null check (manad between 1 and 12),
    dimension varchar not null,
    varde decimal(18, 2) not null,
    kalla_id varchar not null references kallor (kalla_id),
    avsnitt varchar not null,
    anmarkning varchar,
    primary key (indikator_id, ar, periodtyp, manad, dimension),
    check (periodtyp <> 'helar' or manad = 12)
);

-- A view, not a table: every value with the source it was read from (the document, its date
-- and diarienummer beside kalla_id and the section). The queries take a value's source from
-- here instead of each joining kallor. Every value has a source (varden.kalla_id references
-- kallor, an import adds its new sources first), so the inner join keeps every value.
-- varden_rowid is the value's rowid in varden: a query that picks rows by their rowids first
-- (varden_med_kalla) reads only those rows whole through the view.
create view varden_med_kallor as
select
    varden.indikator_id,
    varden.ar,
    varden.periodtyp,
    varden.manad,
    varden.dimension,
    varden.varde,
    varden.kalla_id,
    kallor.dokument,
    kallor.datum,
    kallor.diarienummer,
    varden.avsnitt,
    varden.anmarkning,
    varden.rowid as varden_rowid
from varden
inner join kallor on varden.kalla_id = kallor.kalla_id;

create table mal (
    indikator_id varchar not null references indikatorer (indikator_id),
    ar integer not null check (ar between 2000 and 2100),
    malvarde decimal(18, 2) not null,
    jamforelse varchar not null check (jamforelse in ('högst', 'lägst')),
    galler varchar not null check (galler in ('varje månad', 'helår')),
    kalla_id varchar not null references kallor (kalla_id),
    avsnitt varchar not null,
    beskrivning varchar not null,
    primary key (indikator_id, ar)
);

create table kallkonflikter (
    konflikt_id varchar primary key,
    beskrivning varchar not null,
    uppgift_a varchar not null,
    varde_a decimal(18, 2),
    kalla_a varchar not null references kallor (kalla_id),
    avsnitt_a varchar not null,
    uppgift_b varchar not null,
    varde_b decimal(18, 2),
    kalla_b varchar not null references kallor (kalla_id),
    avsnitt_b varchar not null,
    enhet varchar check (enhet in ('antal', 'tkr', 'kr', 'procent')),
    visas varchar not null check (visas in ('a', 'b', 'båda')),
    motivering varchar not null
);

create table partnerskap (
    partnerskap_id varchar primary key,
    namn varchar not null,
    typ varchar not null,
    motpart varchar not null,
    diarienummer varchar,
    beslut varchar,
    beslutsdatum date,
    status varchar not null,
    period_start date,
    period_slut date,
    syfte varchar not null,
    kalla_id varchar not null references kallor (kalla_id),
    avsnitt varchar not null,
    check (period_slut is null or period_start is null or period_start <= period_slut)
);

create table partnerskap_belopp (
    partnerskap_id varchar not null references partnerskap (partnerskap_id),
    post varchar not null,
    part varchar not null,
    belopp_kr decimal(18, 2) not null check (belopp_kr >= 0),
    per varchar not null check (per in ('år', 'projektet', 'ej angivet')),
    kalla_id varchar not null references kallor (kalla_id),
    avsnitt varchar not null,
    anmarkning varchar,
    primary key (partnerskap_id, post, part)
);

create table partnerskap_mal (
    partnerskap_id varchar not null references partnerskap (partnerskap_id),
    mal varchar not null,
    jamforelse varchar not null check (jamforelse in ('minst', 'cirka', 'exakt')),
    malvarde_min decimal(18, 2) not null,
    malvarde_max decimal(18, 2),
    enhet varchar not null,
    per varchar,
    kalla_id varchar not null references kallor (kalla_id),
    avsnitt varchar not null,
    primary key (partnerskap_id, mal),
    check (malvarde_max is null or malvarde_min <= malvarde_max)
);

-- Administration: imports of new figures and staff comments. They are not built from data/;
-- nyckeltal.bygg carries them over from the previous database file on every rebuild, then
-- lays the active imports over the seeds (later import wins). See README, "Import av nya
-- siffror".

create table importer (
    import_id integer primary key check (import_id > 0),
    vem varchar not null,
    nar timestamp not null,
    filnamn varchar not null,
    sha256 varchar not null check (regexp_full_match(sha256, '[0-9a-f]{64}')),
    rader_nya integer not null check (rader_nya >= 0),
    rader_andrade integer not null check (rader_andrade >= 0),
    rader_oforandrade integer not null check (rader_oforandrade >= 0),
    status varchar not null check (status in ('aktiv', 'angrad')),
    angrad_av varchar,
    angrad_nar timestamp,
    check ((status = 'angrad') = (angrad_nar is not null))
);

-- Sources an import created (a file's source that matched no row of kallor).
create table importerade_kallor (
    import_id integer not null references importer (import_id),
    kalla_id varchar not null,
    dokument varchar not null,
    datum date,
    diarienummer varchar,
    instans varchar not null,
    fil varchar not null,
    anmarkning varchar,
    primary key (import_id, kalla_id)
);

-- The new and changed values of an import, with the value each replaced (NULL = a new row):
-- the audit trail, and what a rebuild lays over the seeds. Unchanged rows are not stored.
create table importerade_varden (
    import_id integer not null references importer (import_id),
    rad integer not null,
    indikator_id varchar not null,
    ar integer not null,
    periodtyp varchar not null,
    manad integer not null,
    dimension varchar not null,
    varde decimal(18, 2) not null,
    kalla_id varchar not null,
    avsnitt varchar not null,
    anmarkning varchar,
    tidigare_varde decimal(18, 2),
    andring varchar not null check (andring in ('ny', 'ändrad')),
    primary key (import_id, indikator_id, ar, periodtyp, manad, dimension)
);

-- Staff comments on an indicator's month (why a figure dipped), shown beside the figure.
create table kommentarer (
    indikator_id varchar not null references indikatorer (indikator_id),
    ar integer not null check (ar between 2000 and 2100),
    manad integer not null check (manad between 1 and 12),
    text varchar not null check (length(trim(text)) > 0),
    vem varchar not null,
    nar timestamp not null,
    primary key (indikator_id, ar, manad)
);

-- Derived: the reconciliation checks that do not depend on a period (page Källor och
-- kvalitet), computed by nyckeltal.avstamning.lagra on every build after the imports are
-- laid over the seeds (sql/bygg/avstamningar.sql). Never from data/, never carried over.
-- kontroll: 'delar_mot_total'  the parts of a split figure against its stated total,
--           'manader_mot_ack'  the monthly totals January..manad against the stated
--                              cumulative figure (only when every month has one),
--           'procent_mot_hundra' the shares of a percentage distribution against 100.
-- antal is the number of parts or months summed into beraknat.
create table avstamningar (
    kontroll varchar not null check (
        kontroll in ('delar_mot_total', 'manader_mot_ack', 'procent_mot_hundra')
    ),
    indikator_id varchar not null references indikatorer (indikator_id),
    ar integer not null,
    periodtyp varchar not null,
    manad integer not null,
    antal integer not null check (antal > 0),
    angivet decimal(38, 2) not null,
    beraknat decimal(38, 2) not null,
    primary key (kontroll, indikator_id, ar, periodtyp, manad)
);
