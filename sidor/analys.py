"""Analys och prognos: what the months so far say about the year-end, what it takes to reach
each target, how this year's months sit against earlier years, and how much of a cost change
comes from the number of households and how much from the amount per household."""

import polars as pl
import streamlit as st

from nyckeltal import excel, framskrivning, maltakt, sasong, totaler, volymanalys
from nyckeltal.figurer import analys as figurer
from nyckeltal.format import (
    UPPGIFT_SAKNAS,
    formatera,
    formatera_forandring,
    formatera_per_rad,
    formatera_tabell,
    manadsnamn,
    tal,
)
from nyckeltal.kalla import kalltext
from nyckeltal.katalog import egna_indikatorer
from nyckeltal.perioder import Period
from nyckeltal.sammanfattning import som_markdown
from sidor._delat import (
    KORTBREDD,
    fraga,
    per_version,
    vald_period,
    visa_diagram,
    visa_flikar,
    visa_tabell,
)

VISNINGSENHETER = ("tkr", "kr", "antal", "procent", "manad")


def diagram(fig, tabell: pl.DataFrame, *, namn: str, kalla: str, nyckel: str, enheter, rubriker):
    """A chart with its table, and the name and units the page's Excel file gives the table."""
    return dict(
        fig=fig,
        tabell=tabell,
        namn=namn,
        kalla=kalla,
        nyckel=nyckel,
        enheter=enheter,
        rubriker=rubriker,
    )


# --- The computing part: built once per database version and choice (per_version) -----------


@per_version
def grund(ar: int) -> tuple[totaler.Totaler, list[str]]:
    """Every indicator's totals up to the year, and the series with monthly values."""
    tot = totaler.Totaler(
        fraga("analys_totaler_till_och_med_ar", ar=ar, indikatorer=egna_indikatorer())
    )
    return tot, totaler.manadsserier(tot, ar)


@per_version
def prognosdel(period: Period, serie_id: str) -> dict:
    ar, till = period.ar, period.till_manad
    tot, _ = grund(ar)
    prognos = framskrivning.helarsprognos(tot, serie_id, ar, till)
    enhet = prognos.enhet
    med_budget = [serie_id] + (
        [totaler.BUDGET_FOR[serie_id]] if serie_id in totaler.BUDGET_FOR else []
    )
    kalla = kalltext(tot.df.filter(pl.col("indikator_id").is_in(med_budget)))
    ut: dict = {"prognos": prognos, "diagram": []}
    if prognos.prognos is None:
        return ut
    serie = totaler.diagramserie(tot, serie_id, ar)
    tabell = serie.pivot(on="ar", index="manad", values="varde", sort_columns=True).sort("manad")
    ut["diagram"].append(
        diagram(
            figurer.prognosdiagram(serie, prognos, period),
            tabell,
            namn="Ackumulerat per månad",
            kalla=kalla,
            nyckel="analys_prognos",
            enheter={"manad": "manad", **{k: enhet for k in tabell.columns if k != "manad"}},
            # short headers: a data grid cuts long ones; the caption above the chart says
            # that a sum is computed where the papers give none
            rubriker={
                "manad": "Månad",
                **{k: f"{k}, ackumulerat ({enhet})" for k in tabell.columns if k != "manad"},
            },
        )
    )
    jamforelse = (
        framskrivning.prognostabell([prognos])
        .unpivot(
            index="serie",
            on=["prognos", "lag", "hog", "forvaltningens", "budget"],
            variable_name="uppgift",
            value_name="varde",
        )
        .select("uppgift", "varde")
    )
    etiketter = {
        "prognos": "Framskrivning (beräknad)",
        "lag": "Spann, lägsta (beräknat)",
        "hog": "Spann, högsta (beräknat)",
        "forvaltningens": "Förvaltningens prognos",
        "budget": f"Budget {ar}",
    }
    jamforelse = jamforelse.with_columns(pl.col("uppgift").replace_strict(etiketter))
    ut["diagram"].append(
        diagram(
            figurer.helarsjamforelse(prognos),
            jamforelse,
            namn="Helår jämfört",
            kalla=kalla,
            nyckel="analys_helar",
            enheter={"varde": enhet},
            rubriker={"uppgift": "Uppgift", "varde": f"Helår ({enhet})"},
        )
    )

    prov = framskrivning.aterprovningar(tot, serie_id, ar)
    if prov:
        sista = next((p for p in prov if p.prognos.till_manad == till), prov[-1])
        ut["prov_text"] = som_markdown(
            f"Framskrivningen av {sista.prognos.ar} från "
            f"{sista.prognos.hittills.beskrivning.split(', ')[-1]} och "
            f"{', '.join(str(k.ar) for k in sista.prognos.kvoter)} års mönster gav "
            f"{formatera(sista.prognos.prognos.varde, enhet)}; utfallet blev "
            f"{formatera(sista.utfall.varde, enhet)}. Felet var "
            f"{formatera(sista.fel, enhet)} ({tal(sista.relativt_fel, 1)} %), beräknat. "
            "Tabellen visar felet för en prognos gjord efter varje månad: ju tidigare på "
            "året, desto större fel."
        )
        provtabell = framskrivning.aterprovningstabell(prov)
        rubriker = {
            "ar": "År",
            "manad": "Prognos efter månad",
            "hittills": f"Utfall hittills ({enhet})",
            "monster_ar": "Mönster från år",
            "prognos": f"Framskrivning ({enhet}, beräknad)",
            "utfall": f"Helårsutfall ({enhet})",
            "fel": f"Fel ({enhet}, beräknat)",
            "fel_procent": "Fel (%, beräknat)",
        }
        enheter = {
            "manad": "manad",
            "hittills": enhet,
            "prognos": enhet,
            "utfall": enhet,
            "fel": enhet,
        }
        ut["prov_visning"] = (
            formatera_tabell(provtabell, enheter, None)
            .with_columns(
                pl.col("ar").cast(pl.String),
                pl.Series(
                    "fel_procent",
                    [formatera(v, "procent", 1) for v in provtabell["fel_procent"]],
                ),
            )
            .rename(rubriker)
        )
        ut["prov_export"] = excel.Tabell(
            "Återprövning", provtabell, {**enheter, "fel_procent": "procent"}, rubriker, kalla
        )
    return ut


ALLA_RUBRIKER = {
    "serie": "Serie",
    "enhet": "Enhet",
    "hittills": "Hittills / senaste",
    "prognos": "Framskrivning (beräknad)",
    "lag": "Spann lägsta",
    "hog": "Spann högsta",
    "forvaltningens": "Förvaltningens prognos",
    "budget": "Budget",
    "kommentar": "Kommentar",
}


@per_version
def alla_serier(period: Period) -> tuple[pl.DataFrame, pl.DataFrame, str]:
    """Every monthly series written forward: raw for Excel, as text for the table, source."""
    tot, serier = grund(period.ar)
    prognoser = [framskrivning.helarsprognos(tot, i, period.ar, period.till_manad) for i in serier]
    alla = framskrivning.prognostabell(prognoser)
    visning = (
        formatera_per_rad(
            alla,
            dict.fromkeys(("hittills", "prognos", "lag", "hog", "forvaltningens", "budget"), 0),
        )
        .drop("enhet")  # each value carries its unit
        .rename({k: v for k, v in ALLA_RUBRIKER.items() if k != "enhet"})
    )
    return alla, visning, kalltext(tot.df)


@per_version
def maldel(period: Period) -> dict:
    ar = period.ar
    tot, _ = grund(ar)
    takter = maltakt.maltakter(
        tot, fraga("indikatorer_med_mal", ar=ar, indikatorer=tot.indikatorer()), period
    )
    ut: dict = {"takter": []}
    for takt in takter:
        d = None
        if takt.punkter and (takt.vid_arets_slut is not None or len(takt.punkter) > 1):
            tabell = pl.DataFrame(
                {
                    "manad": [m for m, _ in takt.punkter],
                    "varde": [float(v) for _, v in takt.punkter],
                },
                schema={"manad": pl.Int32, "varde": pl.Float64},
            )
            d = diagram(
                figurer.maltaktdiagram(takt),
                tabell,
                namn=f"Mål {takt.namn}"[:31],
                kalla=kalltext(tot.df.filter(pl.col("indikator_id") == takt.indikator_id)),
                nyckel=f"analys_takt_{takt.indikator_id}",
                enheter={"manad": "manad", "varde": takt.enhet},
                rubriker={"manad": "Månad", "varde": f"{takt.namn} {ar}"},
            )
        ut["takter"].append((takt, som_markdown(takt.text), d))
    if takter:
        takttabell = maltakt.maltakttabell(takter)
        # figures as the cards' text writes them: the value and the year end without decimals,
        # the changes per month with one decimal, a sign, and percentage points for a share
        andringar = {
            kolumn: pl.Series(
                kolumn,
                [
                    formatera_forandring(v, e, 1) or UPPGIFT_SAKNAS
                    for v, e in zip(takttabell[kolumn], takttabell["enhet"])
                ],
                dtype=pl.String,
            )
            for kolumn in ("behovd_per_manad", "takt_per_manad")
        }
        ut["visning"] = formatera_tabell(
            formatera_per_rad(takttabell, {"nuvarande": 0, "vid_arets_slut": 0}).with_columns(
                *andringar.values()
            ),
            {"manad": "manad"},
            maltakt.MALTAKT_RUBRIKER,
        ).drop("Enhet")
        ut["export"] = excel.Tabell(
            "Vad krävs",
            takttabell,
            maltakt.MALTAKT_ENHETER,
            maltakt.MALTAKT_RUBRIKER,
            kalltext(tot.df),
        )
    return ut


@per_version
def sasongsdel(ar: int, serie_id: str) -> dict:
    tot, _ = grund(ar)
    meta = tot.meta(serie_id)
    band = sasong.sasongsband(tot, serie_id, ar)
    if band.filter(pl.col("lagst").is_not_null()).is_empty():
        return {
            "info": f"{meta['namn']}: inga tidigare år med samma månader, så inget spann att "
            f"jämföra {ar} med ({UPPGIFT_SAKNAS})."
        }
    return {
        "text": som_markdown(sasong.sasongstext(band, ar, meta["enhet"])),
        "diagram": diagram(
            figurer.sasongsdiagram(band, ar, meta["enhet"], meta["namn"][:40]),
            band,
            namn="Säsongsmönster",
            kalla=kalltext(tot.df.filter(pl.col("indikator_id") == serie_id)),
            nyckel="analys_sasong",
            enheter={
                "manad": "manad",
                "lagst": meta["enhet"],
                "hogst": meta["enhet"],
                "varde": meta["enhet"],
            },
            rubriker={
                "manad": "Månad",
                "lagst": "Lägsta tidigare år",
                "hogst": "Högsta tidigare år",
                "antal_ar": "Antal tidigare år",
                "tidigare_ar": "Tidigare år",
                "varde": str(ar),
                "lage": "Läge",
            },
        ),
    }


@per_version
def volymdel(period: Period) -> tuple[volymanalys.Volymanalys, list[tuple]]:
    tot, _ = grund(period.ar)
    volym = volymanalys.volym_och_belopp(tot, period)
    kalla = kalltext(
        tot.df.filter(pl.col("indikator_id").is_in([totaler.KOSTNAD, totaler.HUSHALL]))
    )
    delar = [
        (
            u,
            som_markdown(u.text),
            diagram(
                figurer.volymdiagram(u),
                volymanalys.volymtabell(volymanalys.Volymanalys((u,), ())),
                namn=f"Volym och belopp {u.manader}",
                kalla=kalla,
                nyckel=f"analys_volym_{u.manader}",
                enheter={"varde": "antal"},  # the unit is the column Enhet
                rubriker={
                    "period": "Period",
                    "uppgift": "Uppgift",
                    "varde": "Värde",
                    "enhet": "Enhet",
                    "harledning": "Härledning",
                },
            ),
        )
        for u in volym.uppdelningar
    ]
    return volym, delar


# --- The page ------------------------------------------------------------------------------

period = vald_period()
ar, till = period.ar, period.till_manad


def tabell_for_excel(d: dict) -> excel.Tabell:
    return excel.Tabell(d["namn"], d["tabell"], d["enheter"], d["rubriker"], d["kalla"])


def visa(d: dict) -> None:
    """A chart with its table (visa_diagram); tables show the units Swedish text knows."""
    visningsenheter = {k: v for k, v in d["enheter"].items() if v in VISNINGSENHETER}
    visa_diagram(
        d["fig"],
        d["tabell"],
        kalla=d["kalla"],
        nyckel=d["nyckel"],
        enheter=visningsenheter,
        rubriker=d["rubriker"],
    )


def sidans_tabeller(serie_id: str | None) -> list[excel.Tabell]:
    """Every table of the page, whichever tab is open, for the page's Excel file (on click)."""
    tabeller = []
    if serie_id is not None:
        del_ = prognosdel(period, serie_id)
        tabeller += [tabell_for_excel(d) for d in del_["diagram"]]
        if "prov_export" in del_:
            tabeller.append(del_["prov_export"])
    alla, _, kalla = alla_serier(period)
    tabeller.append(excel.Tabell("Alla serier", alla, {}, ALLA_RUBRIKER, kalla))
    mal = maldel(period)
    tabeller += [tabell_for_excel(d) for _, _, d in mal["takter"] if d is not None]
    if "export" in mal:
        tabeller.append(mal["export"])
    if serie_id is not None and "diagram" in (sasong := sasongsdel(ar, serie_id)):
        tabeller.append(tabell_for_excel(sasong["diagram"]))
    tabeller += [tabell_for_excel(d) for _, _, d in volymdel(period)[1]]
    return tabeller


st.title("Analys och prognos")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. Alla siffror som "
    "inte står i handlingarna är beräknade här och märkta så."
)

tot, serier = grund(ar)
serie_id = None  # no monthly values for the year: the tabs say so
if serier:
    serie_id = st.selectbox(
        "Serie",
        serier,
        format_func=lambda i: tot.meta(i)["namn"],
        key="analys_serie",
        help="Alla mått med månadsvärden för året. Nettokostnaden för ekonomiskt bistånd är "
        "den enda med tidigare års helårsutfall, och därmed ett känt säsongsmönster. Gäller "
        "helårsprognosen och säsongsmönstret.",
    )


def helarsprognos() -> None:
    st.subheader("Helårsprognos")
    if serie_id is None:
        st.info(f"Inga månadsvärden för {ar}: {UPPGIFT_SAKNAS}.")
        return
    del_ = prognosdel(period, serie_id)
    prognos = del_["prognos"]
    enhet = prognos.enhet
    # cards of a fixed width that wrap, like the KPI cards: three columns cut the figures
    # ("60 48…") on a tablet
    kort = st.container(horizontal=True, wrap=True, gap="small")
    with kort, st.container(border=True, width=KORTBREDD):
        st.metric(
            "Framskrivning helår",
            formatera(prognos.prognos.varde if prognos.prognos else None, enhet),
            help="Årets utfall hittills gånger tidigare års kvot helår / samma månader. "
            "Beräkningen står under diagrammen.",
        )
        st.caption(
            f"Beräknad; spann {tal(prognos.lag.varde)}–{formatera(prognos.hog.varde, enhet)}."
            if prognos.lag and prognos.hog
            else "Beräknad; spann: uppgift saknas (för få tidigare år)."
            if prognos.prognos
            else "Kan inte beräknas."
        )
    with kort, st.container(border=True, width=KORTBREDD):
        st.metric(
            "Förvaltningens prognos",
            formatera(prognos.forvaltningens.varde if prognos.forvaltningens else None, enhet),
            help=prognos.forvaltningens.underlag if prognos.forvaltningens else None,
        )
        st.caption(
            prognos.forvaltningens.beskrivning.split(": ")[-1].capitalize() + "."
            if prognos.forvaltningens
            else "Ingen prognos i handlingarna för perioden."
        )
    with kort, st.container(border=True, width=KORTBREDD):
        st.metric(
            f"Budget {ar}",
            formatera(prognos.budget.varde if prognos.budget else None, enhet),
            help=prognos.budget.underlag if prognos.budget else None,
        )
        st.caption(
            "Enligt budgetuppföljningens text." if prognos.budget else "Ingen budget för serien."
        )
    if prognos.prognos is None:
        st.info(prognos.orsak)
    else:
        ackumulerat, helar = del_["diagram"]
        st.caption(
            "Linjerna är årens värden ackumulerade januari–månad; där handlingarna inte anger "
            "summan är den beräknad ur månadsvärdena."
        )
        visa(ackumulerat)
        # The cards above and the line's end already give these figures; the bars are one
        # click away and cost nothing on a period change while closed.
        with st.expander(
            "Helåret som stapeldiagram: framskrivning, spann, förvaltningens prognos och budget",
            key="analys_helar_staplar",
            on_change="rerun",
        ) as utfallbar:
            if utfallbar.open:
                visa(helar)
        st.markdown(f"**Så räknas framskrivningen.** {som_markdown(prognos.metodtext)}")
        if prognos.enkel is not None:
            st.caption(
                f"Som jämförelse: snittet hittills gånger tolv ger "
                f"{formatera(prognos.enkel.varde, enhet)} (beräknat: {prognos.enkel.underlag}); "
                "det bortser från att hösten brukar kosta mer eller mindre än våren."
            )
        if "prov_text" in del_:
            st.markdown("**Metoden prövad på ett år med känt utfall**")
            st.markdown(del_["prov_text"])
            # built when opened, and static: less to draw again on every period change
            with st.expander(
                "Felet för en prognos gjord efter varje månad (tabell)",
                key="analys_provtabell",
                on_change="rerun",
            ) as utfallbar:
                if utfallbar.open:
                    visa_tabell(del_["prov_visning"], statisk=True, border="horizontal")

    # Built only while open (a forecast for every series); the page's Excel file has it too.
    with st.expander(
        "Alla månadsserier: kan året skrivas fram?", key="analys_alla_serier", on_change="rerun"
    ) as utfallbar:
        if utfallbar.open:
            visa_tabell(alla_serier(period)[1], width="stretch")


def malen() -> None:
    st.subheader("Vad krävs för att nå målet?")
    st.caption(
        f"Från {manadsnamn(till)} till december: förändringen per månad som precis når målet, "
        "mot takten hittills. Nettokostnaden mäts mot budgeten som tak."
    )
    mal = maldel(period)
    if not mal["takter"]:
        st.info(f"Inga mål för {ar} i handlingarna.")
    for i in range(0, len(mal["takter"]), 2):
        for kolumn, (takt, text, _) in zip(st.columns(2), mal["takter"][i : i + 2]):
            with kolumn, st.container(border=True):
                st.markdown(f"**{takt.namn}** · {takt.mal_text}  \n{takt.status_text}")
                st.markdown(text)
                for notering in takt.noteringar:
                    st.caption(f"ℹ️ {notering}")
    if "visning" in mal:
        with st.expander("Alla mål som tabell"):
            visa_tabell(mal["visning"], statisk=True, border="horizontal")
    # One target's path in a chart at a time, chosen here (and in the URL): every chart drawn
    # costs the browser about as much as a one-chart page on each period change.
    diagram = {takt.namn: d for takt, _, d in mal["takter"] if d is not None}
    if diagram:
        st.markdown("**Takten i ett diagram**")
        valt = st.segmented_control(
            "Mål i diagrammet",
            list(diagram),
            default=next(iter(diagram)),
            required=True,
            key="analys_maldiagram",
            bind="query-params",
            label_visibility="collapsed",
        )
        visa(diagram[valt or next(iter(diagram))])


def sasongsmonster() -> None:
    st.subheader("Säsongsmönster")
    if serie_id is None:
        st.info(f"Inga månadsvärden för {ar}: {UPPGIFT_SAKNAS}.")
        return
    sasong = sasongsdel(ar, serie_id)
    if "info" in sasong:
        st.info(sasong["info"])
    else:
        st.markdown(sasong["text"])
        visa(sasong["diagram"])


def volym_och_belopp() -> None:
    st.subheader("Volym och belopp: hushåll eller kostnad per hushåll?")
    volym, delar = volymdel(period)
    if delar:
        for kolumn, (u, text, d) in zip(st.columns(len(delar)), delar):
            with kolumn:
                st.markdown(f"**{u.rubrik.capitalize()}, {ar} mot {u.jamforelsear}**")
                st.markdown(text)
                st.caption(u.forbehall)
                visa(d)
        st.caption(
            "Uppdelningen använder mittpunktsmetoden: förändringen av antalet hushåll värderas "
            "till medelkostnaden per hushåll för de två åren, och förändringen av kostnaden per "
            "hushåll till medelantalet hushåll; delarna summerar exakt till förändringen."
        )
    if volym.saknas:
        st.info(
            "Uppdelningen kräver både kostnaden och antalet hushåll för båda åren, och "
            "handlingarna anger antalet hushåll bara för några månader och aldrig kostnaden per "
            "hushåll. Det saknas här: " + " ".join(volym.saknas),
            icon="ℹ️",
        )


visa_flikar(
    "analys_flik",
    {
        "Helårsprognos": helarsprognos,
        "Vad krävs för målen": malen,
        "Säsongsmönster": sasongsmonster,
        "Volym och belopp": volym_och_belopp,
    },
)

# --- Downloads -------------------------------------------------------------------------------
st.divider()
st.download_button(
    "Ladda ned sidans tabeller (Excel)",
    data=lambda: excel.excel(
        sidans_tabeller(serie_id), titel=f"Analys och prognos, {period.etikett}"
    ),
    file_name=f"analys_{period.ar}_{period.fran_manad:02d}-{period.till_manad:02d}.xlsx",
    mime=excel.XLSX_MIME,
    key="analys_excel",
    icon=":material/download:",
    on_click="ignore",
)
st.caption(
    "Varje diagram har sina siffror som tabell under ”Visa siffrorna som tabell”, med "
    "nedladdning som CSV och Excel. Rapporten på sidan Rapport (PDF och Word) har de viktigaste "
    "diagrammen som bilder; med mus kan ett diagram också sparas som PNG med kameraikonen i "
    "diagrammets verktygsrad."
)
