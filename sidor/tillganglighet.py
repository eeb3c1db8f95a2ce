"""Tillgänglighet: the accessibility statement (tillgänglighetsredogörelse) that lagen
(2018:1937) om tillgänglighet till digital offentlig service (DOS-lagen) requires, in the
order of DIGG's model statement. Reachable from every page (the menu, the sidebar and the
meeting view's controls). What it says is checked: tests/test_tillganglighet.py runs axe-core,
the keyboard, the screen sizes and the PDF's tags that the sections below describe."""

import streamlit as st

from nyckeltal import APPNAMN

GRANSKAD = "27 november 2026"
# Borås Stad's contact centre takes questions for every administration.
KONTAKT_EPOST = "boras.stad@boras.se"
KONTAKT_TELEFON = "033-35 70 00"
DIGG_ANMALAN = "https://www.digg.se/tdosanmalan"

st.title("Tillgänglighetsredogörelse", anchor=False)
st.markdown(
    f"Arbetslivsnämnden i Borås Stad står bakom webbplatsen {APPNAMN}. Vi vill att så många "
    "som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om "
    "tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du "
    "kan rapportera brister till oss så att vi kan åtgärda dem."
)

st.header("Hur tillgänglig är webbplatsen?", anchor=False)
st.markdown(
    "Webbplatsen är delvis förenlig med lagen. Sidornas eget innehåll uppfyller "
    "WCAG 2.1 nivå AA så långt vi har kunnat pröva, men delar av det ramverk och de "
    "diagram som webbplatsen byggs med har engelska texter och begränsningar som vi inte "
    "kan ändra. De står under *Innehåll som inte är tillgängligt* nedan."
)
st.markdown(
    "- Alla sidor går att använda med tangentbordet. Fokus syns alltid.\n"
    "- Texten har minst kontrasten 4,5:1 mot bakgrunden och linjer, staplar och andra "
    "diagramdelar som bär information minst 3:1.\n"
    "- Status visas med ikon och ord, inte bara med färg. Året du valt är alltid den "
    "tydligaste linjen i ett diagram.\n"
    "- Varje diagram har en beskrivning för skärmläsare och alla sina siffror som tabell "
    "under *Visa siffrorna som tabell*, och siffrorna går att ladda ned som CSV och Excel.\n"
    "- Sidorna fungerar på mobil och med 200 % förstoring. Sidopanelen med perioden är "
    "stängd på små skärmar och öppnas med knappen uppe till vänster.\n"
    "- Presentationsläget styrs med en presentationsklickare eller med tangentbordet: "
    "→, PageDown och mellanslag för nästa bild, ←, PageUp för föregående, Home och End för "
    "första och sista bilden. All text på en bild är minst 24 pixlar hög.\n"
    "- Rapporten som PDF är taggad (PDF/UA) med rubriker, tabeller och bildbeskrivningar, "
    "och Word-filens bilder har alternativtext."
)

st.header("Vad kan du göra om du inte kan använda delar av webbplatsen?", anchor=False)
st.markdown(
    "Om du behöver innehållet i en annan form, till exempel siffrorna som tabell i ett "
    "e-postmeddelande, rapporten som vanlig text eller uppläst, kontakta Arbetslivs"
    f"förvaltningen via Borås Stads kontaktcenter: e-post {KONTAKT_EPOST}, telefon "
    f"{KONTAKT_TELEFON}. Vi svarar inom fem arbetsdagar. Alla siffror finns också att ladda "
    "ned på sidan Källor och kvalitet."
)

st.header("Rapportera brister i webbplatsens tillgänglighet", anchor=False)
st.markdown(
    "Vi strävar efter att uppfylla lagen. Om du upptäcker problem som inte beskrivs på den "
    "här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi "
    f"vet att problemet finns: e-post {KONTAKT_EPOST}, telefon {KONTAKT_TELEFON}. Skriv "
    "gärna vilken sida det gäller och vad du försökte göra."
)

st.header("Tillsyn", anchor=False)
st.markdown(
    "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om "
    "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar "
    "dina synpunkter kan du kontakta DIGG och påtala det: "
    f"[anmäl bristande tillgänglighet till DIGG]({DIGG_ANMALAN})."
)

st.header("Teknisk information om webbplatsens tillgänglighet", anchor=False)
st.markdown(
    "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig "
    "service, på grund av de brister som beskrivs nedan. Kraven är EN 301 549 och WCAG 2.1 "
    "nivå AA."
)

st.subheader("Innehåll som inte är tillgängligt", anchor=False)
st.markdown(
    "Ramverket Streamlit, som sidorna byggs med, har egna texter och delar som vi inte kan "
    "ändra:\n"
    "- Några knappar och menyer i ramverket har engelska namn för skärmläsare och verktygstips, "
    "till exempel ”Help for …” på frågetecknen vid nyckeltalen, knappen som öppnar och stänger "
    "sidopanelen, menyn med tre punkter uppe till höger och texten ”Running…” medan sidan "
    "räknas om (WCAG 3.1.2 Språk för delar).\n"
    "- Filuppladdningen på sidan Administration har engelska texter (”Drag and drop file "
    "here”, ”Browse files”) (3.1.2).\n"
    "- Tabellerna med sökning och sortering (på sidorna Källor och kvalitet och "
    "Administration) ritas som en bild i webbläsaren. De går att använda med tangentbordet "
    "men skärmläsare läser dem ofullständigt, och verktygsraden är på engelska (1.3.1, 3.1.2). "
    "Samma siffror går att ladda ned som CSV och Excel.\n"
    "- Sidans språk sätts till svenska av webbservern när sidan skickas; ramverket självt "
    "säger engelska (streamlit/streamlit#15726). Körs webbplatsen utan den webbserver som "
    "hör till den blir språket fel (3.1.1).\n\n"
    "Diagrammen ritas med Plotly:\n"
    "- Punkterna i ett diagram går inte att nå en och en med tangentbordet eller skärmläsare, "
    "och värdena visas när muspekaren är över dem (1.1.1, 2.1.1). Varje diagram har därför en "
    "beskrivning med det viktigaste talet och alla sina siffror som tabell under diagrammet.\n"
    "- Verktygsraden i diagrammen (zooma, ladda ned som bild) syns bara när muspekaren är "
    "över diagrammet. Bilden av ett diagram finns också i rapporten på sidan Rapport."
)

st.subheader("Hur vi har testat webbplatsen", anchor=False)
st.markdown(
    "Vi har gjort en självskattning (intern testning). Varje gång webbplatsen ändras körs "
    "automatiska tester i en riktig webbläsare (Chromium) som\n"
    "- granskar varje sida och varje flik med axe-core (WCAG 2.0 och 2.1, nivå A och AA) "
    "i laptop- och mobilstorlek och kräver att inga allvarliga eller kritiska fel finns,\n"
    "- mäter att ingen text i nyckeltalens kort klipps av i fem skärmbredder (390–1920 "
    "pixlar),\n"
    "- kontrollerar sidans språk och en egen sidtitel per sida, att siffror står i svenskt "
    "format i alla tabeller och texter, och att presentationsläget kan stegas med "
    "tangenterna och att dess text är minst 24 pixlar vid 1280 × 720 och 1920 × 1080,\n"
    "- läser tillbaka rapportens PDF och kontrollerar dess taggar (rubriker, tabeller, "
    "bildbeskrivningar och språk).\n\n"
    "Färgernas kontrast är uträknad enligt WCAG:s definition, inte bedömd med ögat. Vi har "
    "också använt sidorna med bara tangentbordet."
)
st.markdown(
    f"Senaste bedömningen gjordes den {GRANSKAD}. Redogörelsen uppdaterades senast den {GRANSKAD}."
)
