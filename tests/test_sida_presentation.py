"""The presentation mode, run from dashboard.py: key figures, text and one chart a slide,
stepped with the buttons, the slide and the period in the URL so a link opens the same view.
Expected figures are typed from the committee's papers of 27 October 2022. The keys, the
type size and the fit on a projector are checked in a browser in test_tillganglighet.py."""

SIDA = "sidor/presentation.py"
NBSP = "\u00a0"


def texter(at) -> str:
    delar = [*at.caption, *at.markdown, *at.info, *at.warning]
    return " ".join(d.value for d in delar).replace(NBSP, " ").replace("\\", "")


def kort(at):
    return {m.label: m.value for m in at.metric}


def rubrik(at) -> str:
    return at.title[0].value


def ga_till(at, rubriken: str):
    """Step with the Nästa button to the (first) slide with this heading; text that needs more
    than one slide has '(1 av 3)' after its heading."""
    for _ in range(60):
        if rubrik(at) == rubriken or rubrik(at).startswith(f"{rubriken} (1 av"):
            return at
        at.button(key="bild_nasta").click().run()
        assert not at.exception
    raise AssertionError(f"ingen bild med rubriken {rubriken}")


def test_forsta_bilden_visar_perioden_och_nyckeltalen(oppna_sida):
    at = oppna_sida(SIDA)
    assert not at.exception
    assert rubrik(at) == "Översikt – nyckeltal (1 av 2)"
    assert at.selectbox(key="bild").value == "Översikt – nyckeltal (1 av 2)"
    assert "januari–september 2022, jämfört med januari–september 2021" in texter(at)
    # the overview's cards in the page Översikt's order (data/kort.csv), four a slide
    m = kort(at)
    assert m["Hushåll med försörjningsstöd ↘"] == "648"
    assert m["Mottagna flyktingar ↗"] == "102"
    assert m["Växla bidrag mot lön ↗"] == "63"
    at.button(key="bild_nasta").click().run()
    assert rubrik(at) == "Översikt – nyckeltal (2 av 2)"
    assert kort(at)["Nettokostnad ekonomiskt bistånd ↘"] == "44\u00a0923\u00a0tkr"
    at.button(key="bild_nasta").click().run()
    assert rubrik(at) == "Målen"
    assert "✅ nås i nuvarande takt: Hushåll med försörjningsstöd" in texter(at)


def test_stegning_och_bilden_i_adressen(oppna_sida):
    at = oppna_sida(SIDA)
    at.button(key="bild_nasta").click().run()
    assert at.query_params["bild"] == "Översikt – nyckeltal (2 av 2)"
    ga_till(at, "Ekonomiskt bistånd – nyckeltal")
    assert kort(at)["Hushåll med försörjningsstöd ↘"] == "648"
    ga_till(at, "Ekonomiskt bistånd – läget")
    assert "var 648 i september 2022 jämfört med 734 i september 2021" in texter(at)
    # one chart a slide: cost per month, then households against the target
    ga_till(at, "Kostnad för ekonomiskt bistånd per månad")
    assert len(at.get("plotly_chart")) == 1
    at.button(key="bild_nasta").click().run()
    assert rubrik(at) == "Takten mot målet: Hushåll med försörjningsstöd"
    assert len(at.get("plotly_chart")) == 1
    at.button(key="bild_sista").click().run()
    sista = rubrik(at)
    assert sista.startswith("Takten mot målen")
    at.button(key="bild_nasta").click().run()  # the last slide stays the last
    assert rubrik(at) == sista
    at.button(key="bild_forsta").click().run()
    assert rubrik(at) == "Översikt – nyckeltal (1 av 2)"
    ga_till(at, "Helårsprognos")
    assert "skrivs fram till 60 488 tkr för helåret" in texter(at)


def test_lank_oppnar_bild_och_period(oppna_sida):
    # ?period=Tertial 2&bild=Flyktingmottagning – läget: the view a shared link opens
    at = oppna_sida(SIDA, period="Tertial 2", bild="Flyktingmottagning – läget")
    assert not at.exception
    assert rubrik(at) == "Flyktingmottagning – läget"
    assert "maj–augusti 2022, jämfört med maj–augusti 2021" in texter(at)
    assert "Antal mottagna flyktingar för maj–augusti 2022: uppgift saknas." in texter(at)


def test_diagrammen_har_en_beskrivning(oppna_sida):
    at = ga_till(oppna_sida(SIDA), "Kostnad för ekonomiskt bistånd per månad")
    alt = at.get("plotly_chart")[0].proto.alt
    assert "2022" in alt and "tkr" in alt, alt


def test_periodbyte_andrar_bilden(oppna_sida):
    at = ga_till(oppna_sida(SIDA), "Ekonomiskt bistånd – nyckeltal")
    assert kort(at)["Hushåll med försörjningsstöd ↘"] == "648"
    at.segmented_control(key="period").set_value("t1").run()
    assert not at.exception
    assert kort(at)["Hushåll med försörjningsstöd ↘"] == "718"  # april 2022
