"""Analys och prognos: what the months so far say about the year-end, what it takes to reach
each target, how this year's months sit against earlier years, and how much of a cost change
comes from the number of households and how much from the amount per household."""

import streamlit as st

from nyckeltal import excel
from nyckeltal.vyer import analys
from sidor._delat import KORTBREDD, vald_period, visa_diagram, visa_flikar, visa_tabell, vy

period = vald_period()
ar = period.ar
serier = vy(analys.serier, ar)

st.title("Analys och prognos")
st.caption(
    f"Period: {period.etikett}, jämfört med {period.jamforelseetikett}. Alla siffror som "
    "inte står i handlingarna är beräknade här och märkta så."
)

serie_id = None  # no monthly values for the year: the tabs say so
if serier.id:
    serie_id = st.selectbox(
        "Serie",
        serier.id,
        format_func=serier.namn.__getitem__,
        key="analys_serie",
        help="Alla mått med månadsvärden för året. Nettokostnaden för ekonomiskt bistånd är "
        "den enda med tidigare års helårsutfall, och därmed ett känt säsongsmönster. Gäller "
        "helårsprognosen och säsongsmönstret.",
    )


def helarsprognos() -> None:
    st.subheader("Helårsprognos")
    if serie_id is None:
        st.info(serier.saknas)
        return
    prognos = vy(analys.prognos, period, serie_id)
    # cards of a fixed width that wrap, like the KPI cards: three columns cut the figures
    # ("60 48…") on a tablet
    kort = st.container(horizontal=True, wrap=True, gap="small")
    for k in prognos.kort:
        with kort, st.container(border=True, width=KORTBREDD):
            st.metric(k.etikett, k.varde, help=k.hjalp)
            st.caption(k.text)
    if (framskriven := prognos.framskrivning) is None:
        st.info(prognos.orsak)
    else:
        st.caption(
            "Linjerna är årens värden ackumulerade januari–månad; där handlingarna inte anger "
            "summan är den beräknad ur månadsvärdena."
        )
        visa_diagram(framskriven.ackumulerat)
        # The cards above and the line's end already give these figures; the bars are one
        # click away and cost nothing on a period change while closed.
        with st.expander(
            "Helåret som stapeldiagram: framskrivning, spann, förvaltningens prognos och budget",
            key="analys_helar_staplar",
            on_change="rerun",
        ) as utfallbar:
            if utfallbar.open:
                visa_diagram(framskriven.helar)
        st.markdown(f"**Så räknas framskrivningen.** {framskriven.metod}")
        if framskriven.jamforelse is not None:
            st.caption(framskriven.jamforelse)
        if (prov := framskriven.aterprovning) is not None:
            st.markdown("**Metoden prövad på ett år med känt utfall**")
            st.markdown(prov.text)
            # built when opened, and static: less to draw again on every period change
            with st.expander(
                "Felet för en prognos gjord efter varje månad (tabell)",
                key="analys_provtabell",
                on_change="rerun",
            ) as utfallbar:
                if utfallbar.open:
                    visa_tabell(prov.tabell, statisk=True, border="horizontal")

    # Built only while open (a forecast for every series); the page's Excel file has it too.
    with st.expander(
        "Alla månadsserier: kan året skrivas fram?", key="analys_alla_serier", on_change="rerun"
    ) as utfallbar:
        if utfallbar.open:
            visa_tabell(vy(analys.alla_serier, period).tabell, width="stretch")


def malen() -> None:
    st.subheader("Vad krävs för att nå målet?")
    maldel = vy(analys.malen, period)
    st.caption(maldel.inledning)
    if maldel.saknas:
        st.info(maldel.saknas)
    for i in range(0, len(maldel.mal), 2):
        for kolumn, mal in zip(st.columns(2), maldel.mal[i : i + 2]):
            with kolumn, st.container(border=True):
                st.markdown(f"**{mal.namn}** · {mal.mal_text}  \n{mal.status_text}")
                st.markdown(mal.text)
                for notering in mal.noteringar:
                    st.caption(f"ℹ️ {notering}")
    if maldel.tabell is not None:
        with st.expander("Alla mål som tabell"):
            visa_tabell(maldel.tabell, statisk=True, border="horizontal")
    # One target's path in a chart at a time, chosen here (and in the URL): every chart drawn
    # costs the browser about as much as a one-chart page on each period change.
    if diagram := maldel.diagram:
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
        visa_diagram(diagram[valt or next(iter(diagram))])


def sasongsmonster() -> None:
    st.subheader("Säsongsmönster")
    if serie_id is None:
        st.info(serier.saknas)
        return
    sasong = vy(analys.sasongsmonster, ar, serie_id)
    if sasong.diagram is None:
        st.info(sasong.saknas)
    else:
        st.markdown(sasong.text)
        visa_diagram(sasong.diagram)


def volym_och_belopp() -> None:
    st.subheader("Volym och belopp: hushåll eller kostnad per hushåll?")
    volym = vy(analys.volym_och_belopp, period)
    if volym.delar:
        for kolumn, del_ in zip(st.columns(len(volym.delar)), volym.delar):
            with kolumn:
                st.markdown(f"**{del_.rubrik}**")
                st.markdown(del_.text)
                st.caption(del_.forbehall)
                visa_diagram(del_.diagram)
        st.caption(
            "Uppdelningen använder mittpunktsmetoden: förändringen av antalet hushåll värderas "
            "till medelkostnaden per hushåll för de två åren, och förändringen av kostnaden per "
            "hushåll till medelantalet hushåll; delarna summerar exakt till förändringen."
        )
    if volym.saknas:
        st.info(volym.saknas, icon="ℹ️")


visa_flikar(
    "analys_flik",
    {
        "Helårsprognos": helarsprognos,
        "Vad krävs för målen": malen,
        "Säsongsmönster": sasongsmonster,
        "Volym och belopp": volym_och_belopp,
    },
)


def sidans_tabeller() -> list[excel.Tabell]:
    """Every table of the page, whichever tab is open, for the page's Excel file (on click)."""
    delar = [vy(analys.alla_serier, period), vy(analys.malen, period)]
    if serie_id is not None:
        delar = [vy(analys.prognos, period, serie_id), *delar]
        delar.append(vy(analys.sasongsmonster, ar, serie_id))
    delar.append(vy(analys.volym_och_belopp, period))
    return [tabell for del_ in delar for tabell in del_.tabeller]


# --- Downloads -------------------------------------------------------------------------------
st.divider()
st.download_button(
    "Ladda ned sidans tabeller (Excel)",
    data=lambda: excel.excel(sidans_tabeller(), titel=f"Analys och prognos, {period.etikett}"),
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
