"""The generated summary against the seed figures: the sentences the follow-up report writes,
with every number traceable to a source or a computation, and missing figures said to be
missing. Expected figures are typed from the committee's papers of 27 October 2022."""

import polars as pl
import pytest

from nyckeltal.perioder import Period
from nyckeltal.sammanfattning import (
    FOTNOT,
    hamta_underlag,
    sammanfatta,
    som_markdown,
    uppgiftstabell,
)

NBSP = "\u00a0"
SEP_2022 = Period(2022, 1, 9, 2021)


def texter(db, period: Period) -> dict[str, object]:
    return {t.omrade: t for t in sammanfatta(hamta_underlag(db.fraga, period))}


def ren(text: str) -> str:
    return text.replace(NBSP, " ")


@pytest.fixture(scope="module")
def sep(db):
    return texter(db, SEP_2022)


def test_hushallsmeningen_som_rapporten_skriver_den(sep):
    # "Antal hushåll med ekonomiskt bistånd var 648 i september 2022 jämfört med 734 i
    # september 2021 …; målet om högst 700 hushåll nås."
    forsta = ren(sep["bistand"].meningar[0].text)
    assert forsta == (
        "Antal hushåll med ekonomiskt bistånd var 648 i september 2022 jämfört med 734 i "
        "september 2021, en minskning med 86 hushåll*; målet om högst 700 hushåll nås."
    )


def test_bistandstexten_bar_seedernas_siffror(sep):
    text = ren(sep["bistand"].text)
    assert "Medel för januari–september 2022 var 689 hushåll, jämfört med 742 hushåll" in text
    assert (
        "Nettokostnaden för ekonomiskt bistånd var 44 923 tkr i januari–september 2022 "
        "jämfört med 45 210 tkr i januari–september 2021, en minskning med 287 tkr*"
    ) in text
    # stated in the text of the papers, so no asterisk
    assert "Budgeten för samma period är 43 125 tkr; nettokostnaden är 1 798 tkr högre" in text
    assert "Förvaltningens prognos för helåret är 60 500 tkr mot budgeten 57 500 tkr" in text
    assert "3 000 tkr* över budget" in text  # 60 500 − 57 500, computed
    assert "ger 60 488 tkr* (spann 60 380–60 596 tkr*)" in text
    # volume and amount: this year's cost per household first, as every comparison reads, so
    # "högre" matches the order of the figures (44 923 / (689 × 9) against 45 210 / (742 × 9))
    assert (
        "högre kostnad per hushåll (7 244 kr* per hushåll och månad 2022 mot 6 770 kr* 2021) "
        "drog upp den med 3 055 tkr*"
    ) in text
    assert "435 i september 2022 jämfört med 432 i september 2021" in text
    assert (
        "99 % i september 2022 jämfört med 98 % i september 2021, en ökning med 1 procentenhet*"
    ) in text
    assert sep["bistand"].har_beraknade


def test_ovriga_omraden(sep):
    flykt = ren(sep["flykting"].text)
    assert flykt.startswith(
        "Antal mottagna flyktingar var 102 i januari–september 2022 jämfört med 88 i "
        "januari–september 2021, en ökning med 14 flyktingar*; målet om lägst 100 mottagna "
        "flyktingar under året är redan nått."
    )
    assert "Av de mottagna var 42 % kvinnor." in flykt
    arbete = ren(sep["arbetsmarknad"].text)
    assert "arbetsmarknadsanställningar var 409 i september 2022 jämfört med 451" in arbete
    assert "arbetsmarknadsinsatser var 346 i september 2022 jämfört med 401" in arbete
    assert "växlat bidrag mot lön var 63 i september 2022 jämfört med 50" in arbete
    assert "uppgift för september 2021 saknas; målet om lägst 100 % nås inte" in arbete  # KAA 99 %
    ekonomi = ren(sep["ekonomi"].text)
    assert "Nämndens resultat var 12 901 tkr i januari–september 2022" in ekonomi
    assert "för helåret är −6 000 tkr; den ordinarie verksamheten beräknas till 0 tkr" in ekonomi


def test_varje_tal_i_texten_kan_sparas(sep):
    tabell = uppgiftstabell(list(sep.values()))
    rad = {(r["uppgift"], r["varde"]): r for r in tabell.iter_rows(named=True)}
    angiven = rad[("Hushåll med försörjningsstöd, september 2022", 648.0)]
    assert angiven["harledning"] == "angivet"
    assert "Dnr ALN 2022-00100 1.2.4.1" in angiven["underlag"]
    beraknad = rad[("Minskning: Hushåll med försörjningsstöd", 86.0)]
    assert beraknad["harledning"] == "beräknat" and ren(beraknad["underlag"]) == "648 − 734"
    mal = rad[("Mål 2022: Hushåll med försörjningsstöd", 700.0)]
    assert "2.1 Ekonomiskt bistånd" in mal["underlag"]
    # every number written in the text is in the table, and every computed one says how
    for text in sep.values():
        for mening in text.meningar:
            for uppgift in mening.uppgifter:
                assert uppgift.underlag, uppgift
    assert tabell.filter(pl.col("harledning") == "beräknat")["underlag"].str.len_chars().min() > 0


def test_texten_ar_deterministisk(db):
    forsta = [t.text for t in sammanfatta(hamta_underlag(db.fraga, SEP_2022))]
    andra = [t.text for t in sammanfatta(hamta_underlag(db.fraga, SEP_2022))]
    assert forsta == andra


def test_tertial_2_sager_vad_som_saknas_och_markerar_summan(db):
    t2 = texter(db, Period(2022, 5, 8, 2021))
    bistand = ren(t2["bistand"].text)
    assert (
        "Antal hushåll med ekonomiskt bistånd var 667 i augusti 2022; uppgift för augusti "
        "2021 saknas; målet om högst 700 hushåll nås."
    ) in bistand
    # 4 986 + 6 025 + 5 211 + 3 499 and 5 548 + 6 615 + 5 101 + 3 018: sums, so marked
    assert (
        "var 19 721 tkr* i maj–augusti 2022 jämfört med 20 282 tkr* i maj–augusti 2021"
    ) in bistand
    assert "Förvaltningens prognos" not in bistand  # the papers forecast after September only
    assert ren(t2["flykting"].text) == (
        "Antal mottagna flyktingar för maj–augusti 2022: uppgift saknas."
    )
    assert " 0 " not in ren(t2["arbetsmarknad"].text)


def test_april_over_malet_nas_inte(db):
    t1 = texter(db, Period(2022, 1, 4, 2021))
    assert "718 i april 2022" in t1["bistand"].text
    assert "målet om högst 700 hushåll nås inte" in t1["bistand"].text


def test_markdown_visar_asterisken_som_den_star():
    assert som_markdown("86 hushåll*; 287 tkr*.") == "86 hushåll\\*; 287 tkr\\*."
    assert som_markdown("$5") == "\\$5"
    assert FOTNOT.startswith("* ")


def test_sparade_kommentarer_per_omrade(db, kommentarer):
    from dataclasses import replace

    from nyckeltal.sammanfattning import sparade_kommentarer

    underlag = replace(hamta_underlag(db.fraga, SEP_2022), kommentarer=kommentarer)
    assert sparade_kommentarer(underlag, "bistand") == (
        "Hushåll med försörjningsstöd, september 2022: Färre hushåll efter *sommarens* "
        "insatser. (Anna, 2022-10-20)",
    )
    assert sparade_kommentarer(underlag, "flykting") == (
        "Mottagna flyktingar, augusti 2022: Två familjer flyttade. (Bo, 2022-10-21)",
    )
    assert sparade_kommentarer(underlag, "ekonomi") == ()
    # the seeded database has no comments; hamta_underlag keeps only the period's months
    assert hamta_underlag(db.fraga, SEP_2022).kommentarer.is_empty()
