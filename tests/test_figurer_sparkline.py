"""The KPI card's month line: an SVG image whose name says what it shows and its last value,
with every text escaped."""

import base64

from nyckeltal.figurer.sparkline import sparkline_img, sparkline_svg

NBSP = "\u00a0"


def test_namnet_sager_vad_linjen_visar_och_senaste_vardet():
    # January–September 2022 net cost per month as data/varden.csv has it from the follow-up (tkr)
    manader = (4814.0, 5203.0, 5167.0, 5203.0, 4986.0, 6025.0, 5211.0, 3499.0, 4815.0)
    svg = sparkline_svg(manader, "Nettokostnad ekonomiskt bistånd", "tkr", 2022)
    namn = f"per månad jan–sep 2022. September 2022: 4{NBSP}815{NBSP}tkr."
    assert 'role="img"' in svg
    assert namn in svg.split('aria-label="')[1].split('"')[0]
    assert f"<title>Linjediagram: nettokostnad ekonomiskt bistånd {namn}</title>" in svg
    # nine months: nine points, the highest (June) at the top edge, the lowest (August) at
    # the bottom
    punkter = [
        tuple(map(float, p.split(","))) for p in svg.split('points="')[1].split('"')[0].split()
    ]
    assert len(punkter) == 9
    assert min(punkter, key=lambda p: p[1]) == punkter[5]
    assert max(punkter, key=lambda p: p[1]) == punkter[7]


def test_text_blir_aldrig_html():
    svg = sparkline_svg((1.0, 2.0), 'Namn <script>alert("x")</script> & "citat"', "antal", 2022)
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg and "&quot;" in svg


def test_bilden_har_texten_som_alternativtext_och_linjen_som_bild():
    img = sparkline_img((4814.0, 4815.0), "Nettokostnad ekonomiskt bistånd", "tkr", 2022)
    assert 'alt="Linjediagram: nettokostnad ekonomiskt bistånd per månad jan–feb 2022. ' in img
    data = img.split("base64,")[1].split('"')[0]
    assert base64.b64decode(data).decode().startswith("<svg ")
    assert 'src="data:image/svg+xml;base64,' in img  # nothing fetched from elsewhere
