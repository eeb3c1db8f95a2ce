"""Property-based tests of the import parser (hypothesis): generated valid files in every
format Excel may save are read back exactly; a generated file with one fault in one cell is
refused with that row and column; arbitrary bytes never crash the parser.

The parser is tested against a small hand-made reference (no database), so hypothesis can
run many examples quickly."""

import csv
import datetime as dt
import io
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nyckeltal.format import MANADER
from nyckeltal.importera import (
    KOLUMNER,
    ImportFel,
    Indikator,
    Referens,
    tolka,
)

DAG = dt.date(2022, 11, 30)
REFERENS = Referens(
    indikatorer={
        "antal_a": Indikator("antal_a", "Antal A", "antal", None, ()),
        "tkr_b": Indikator("tkr_b", "Kronor B", "tkr", None, ()),
        "procent_c": Indikator("procent_c", "Andel C", "procent", None, ()),
        "antal_d": Indikator(
            "antal_d", "Antal D", "antal", "grupp", ("Grupp 1", "Grupp 2", "Grupp 3")
        ),
    },
    varden={},
    kallor={},
)
# cp1252 can encode these, so every generated text survives every encoding
BOKSTAVER = "abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789 .,:()/–"
TEXT = (
    st.text(alphabet=BOKSTAVER, min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda t: t and t[0] not in "=+-@")
)
# database=None: no .hypothesis/ folder in the repository; the examples are generated anew
SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def varden(draw, indikator):
    enhet = REFERENS.indikatorer[indikator].enhet
    if enhet == "antal":
        return Decimal(draw(st.integers(0, 10_000_000)))
    if enhet == "procent":
        return Decimal(draw(st.integers(0, 10_000))) / 100
    return Decimal(draw(st.integers(-(10**11), 10**11))) / 100


@st.composite
def talformat(draw, varde: Decimal, kodning: str):
    """The value as a person or Excel may write it."""
    tecken = "-" if varde < 0 else ""
    if tecken and kodning != "cp1252":
        tecken = draw(st.sampled_from(["-", "\u2212"]))
    heltal, _, decimaler = f"{abs(varde):f}".partition(".")
    decimaler = decimaler.rstrip("0")
    tusental = draw(st.sampled_from(["", " ", "\u00a0"]))
    grupper = []
    while len(heltal) > 3:
        grupper.insert(0, heltal[-3:])
        heltal = heltal[:-3]
    grupper.insert(0, heltal)
    text = tecken + tusental.join(grupper)
    if decimaler:
        text += draw(st.sampled_from([",", "."])) + decimaler
    return text


@st.composite
def filer(draw):
    """(bytes, rows as generated, cell texts per row, column order)."""
    kodning = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    separator = draw(st.sampled_from([";", ",", "\t"]))
    ordning = draw(st.permutations(KOLUMNER))
    antal = draw(st.integers(1, 8))
    nycklar, rader, celler = set(), [], []
    for _ in range(antal):
        indikator = draw(st.sampled_from(sorted(REFERENS.indikatorer)))
        dimension = (
            draw(st.sampled_from(["Grupp 1", "Grupp 2", "Grupp 3"]))
            if indikator == "antal_d"
            else ""
        )
        ar = draw(st.integers(2000, 2022))
        periodtyp = draw(st.sampled_from(["manad", "ack", "medel", "prognos", "helar"]))
        manad = 12 if periodtyp == "helar" else draw(st.integers(1, 11 if ar == 2022 else 12))
        if periodtyp == "helar" and ar == 2022:
            ar = 2021
        nyckel = (indikator, ar, periodtyp, manad, dimension)
        if nyckel in nycklar:
            continue
        nycklar.add(nyckel)
        varde = draw(varden(indikator))
        kalla = (
            draw(TEXT),
            draw(st.dates(dt.date(2000, 1, 1), DAG) | st.none()),
            draw(TEXT | st.none()),
            draw(TEXT),
        )
        rader.append((*nyckel, varde, *kalla))
        manadstext = (
            draw(
                st.sampled_from(
                    [
                        str(manad),
                        f"{manad:02d}",
                        MANADER[manad - 1],
                        MANADER[manad - 1].capitalize(),
                    ]
                )
            )
            if periodtyp != "helar"
            else draw(st.sampled_from(["", "12"]))
        )
        celler.append(
            {
                "indikator_id": indikator,
                "ar": str(ar),
                "manad": manadstext,
                "periodtyp": periodtyp,
                "dimension": dimension,
                "varde": draw(talformat(varde, kodning)),
                "kalla_dokument": kalla[0],
                "kalla_datum": kalla[1].isoformat() if kalla[1] else "",
                "kalla_diarienummer": kalla[2] or "",
                "kalla_avsnitt": kalla[3],
            }
        )
    return kodning, separator, ordning, rader, celler


def skriv(kodning, separator, ordning, celler) -> bytes:
    utdata = io.StringIO()
    skrivare = csv.writer(utdata, delimiter=separator, lineterminator="\r\n")
    skrivare.writerow(ordning)
    for rad in celler:
        skrivare.writerow([rad[k] for k in ordning])
    return utdata.getvalue().encode(kodning)


@SETTINGS
@given(filer())
def test_giltiga_filer_lases_exakt(fil):
    kodning, separator, ordning, rader, celler = fil
    lasta = tolka(skriv(kodning, separator, ordning, celler), "genererad.csv", REFERENS, DAG)
    assert [
        (
            r.indikator_id,
            r.ar,
            r.periodtyp,
            r.manad,
            r.dimension,
            r.varde,
            r.kalla_dokument,
            r.kalla_datum,
            r.kalla_diarienummer,
            r.kalla_avsnitt,
        )
        for r in lasta
    ] == rader
    assert [r.rad for r in lasta] == list(range(2, len(rader) + 2))


# One fault in one cell: (column, new text, column the error must name). A callable gets the
# row's cells and returns the new text.
FEL = [
    ("indikator_id", "okand_indikator", "indikator_id"),
    ("ar", "20x2", "ar"),
    ("ar", "1999", "ar"),
    ("ar", "2031", "ar"),  # in the future (DAG is in 2022)
    ("manad", "13", "manad"),
    ("periodtyp", "vecka", "periodtyp"),
    ("varde", "12x", "varde"),
    ("varde", "1,234", "varde"),
    ("varde", "=1+2", "varde"),
    ("varde", "", "varde"),
    ("kalla_dokument", '=HYPERLINK("x")', "kalla_dokument"),
    ("kalla_avsnitt", "@SUMMA", "kalla_avsnitt"),
    ("kalla_diarienummer", "+46", "kalla_diarienummer"),
    ("kalla_datum", "2022-02-30", "kalla_datum"),
    ("kalla_datum", "2030-01-01", "kalla_datum"),
    ("dimension", "-Grupp", "dimension"),
]


@SETTINGS
@given(filer(), st.sampled_from(FEL), st.data())
def test_ett_fel_i_en_cell_namnger_raden_och_kolumnen(fil, fel, data):
    kodning, separator, ordning, rader, celler = fil
    kolumn, text, vantad_kolumn = fel
    index = data.draw(st.integers(0, len(celler) - 1))
    celler = [dict(rad) for rad in celler]
    celler[index][kolumn] = text
    innehall = skriv(kodning, separator, ordning, celler)
    try:
        tolka(innehall, "genererad.csv", REFERENS, DAG)
    except ImportFel as exc:
        assert (index + 2, vantad_kolumn) in [(f.rad, f.kolumn) for f in exc.fel], str(exc)
    else:
        raise AssertionError("filen godtogs")


@SETTINGS
@given(filer(), st.data())
def test_negativa_antal_och_procent_over_100_avvisas(fil, data):
    kodning, separator, ordning, rader, celler = fil
    index = data.draw(st.integers(0, len(celler) - 1))
    celler = [dict(rad) for rad in celler]
    indikator = celler[index]["indikator_id"]
    if indikator in ("antal_a", "antal_d"):
        celler[index]["varde"] = str(-data.draw(st.integers(1, 10_000)))
    elif indikator == "procent_c":
        celler[index]["varde"] = f"{data.draw(st.integers(101, 10_000))} %"
    else:
        return  # amounts in tkr may be negative
    try:
        tolka(skriv(kodning, separator, ordning, celler), "genererad.csv", REFERENS, DAG)
    except ImportFel as exc:
        assert (index + 2, "varde") in [(f.rad, f.kolumn) for f in exc.fel]
    else:
        raise AssertionError("filen godtogs")


@SETTINGS
@given(filer(), st.data())
def test_dubbletter_avvisas_pa_den_senare_raden(fil, data):
    kodning, separator, ordning, rader, celler = fil
    index = data.draw(st.integers(0, len(celler) - 1))
    celler = [*celler, dict(celler[index])]
    try:
        tolka(skriv(kodning, separator, ordning, celler), "genererad.csv", REFERENS, DAG)
    except ImportFel as exc:
        assert any(f.rad == len(celler) + 1 and "dubblett" in f.meddelande for f in exc.fel)
    else:
        raise AssertionError("filen godtogs")


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=2000) | st.text(max_size=500).map(str.encode))
def test_godtyckliga_bytes_ger_bara_svenska_importfel(innehall):
    # never a traceback: either rows or ImportFel with a message
    try:
        tolka(innehall, "vad_som_helst.csv", REFERENS, DAG)
    except ImportFel as exc:
        assert exc.fel and all(f.meddelande for f in exc.fel)
