"""The served dashboard: dashboard.py as a Streamlit ASGI app with a Swedish page.

`make run` starts this file (`streamlit run webbserver.py`); Streamlit finds `app` and serves
dashboard.py through it, with every flag and config option as before. AppTest and the pages
still start from dashboard.py.

Streamlit's own index.html says `<html lang="en">` and has no setting for it
(streamlit/streamlit#15726), so a screen reader would read the Swedish pages with English
pronunciation (WCAG 3.1.1). The middleware below rewrites the page Streamlit serves before it
leaves the process, so the language is right from the first byte, in `make run` and behind any
proxy alike, without patching the installed package.
"""

from __future__ import annotations

# Imported here, in the server's main thread before any session runs: Plotly looks pandas up in
# sys.modules without importing it, so while the first session's thread was still importing
# pandas, a second session's chart failed with "partially initialized module 'pandas' has no
# attribute 'Series'" (found by the load test on a fresh replica; tests/test_webblasare.py).
import pandas  # noqa: F401
import streamlit as st
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from nyckeltal import APPNAMN

_ENGELSK_SIDA = b'<html lang="en">'
_SVENSK_SIDA = b'<html lang="sv">'
_STREAMLIT_TITEL = b"<title>Streamlit</title>"
_TITEL = f"<title>{APPNAMN}</title>".encode()
# Paths whose answers are never the index page: left untouched and unbuffered.
_INTE_SIDOR = ("/_stcore/", "/static/", "/media/", "/component/", "/app/static/")


class SvenskSida:
    """ASGI middleware: the HTML page Streamlit serves for every page path gets lang="sv" and
    the dashboard's name as its first title (the script then sets each page's own title).

    Only GET requests for page paths are touched; the page is about 3 kB, so it is asked for
    uncompressed and rewritten whole."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"].startswith(_INTE_SIDOR)
        ):
            await self.app(scope, receive, send)
            return
        scope = dict(scope)
        scope["headers"] = [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]
        start: Message | None = None
        delar: list[bytes] = []

        async def skicka(meddelande: Message) -> None:
            nonlocal start
            if meddelande["type"] == "http.response.start":
                start = meddelande
                return
            if meddelande["type"] != "http.response.body" or start is None:
                await send(meddelande)
                return
            delar.append(meddelande.get("body", b""))
            if meddelande.get("more_body", False):
                return
            kropp = b"".join(delar)
            rubriker = MutableHeaders(raw=start["headers"])
            if rubriker.get("content-type", "").startswith("text/html"):
                kropp = kropp.replace(_ENGELSK_SIDA, _SVENSK_SIDA, 1).replace(
                    _STREAMLIT_TITEL, _TITEL, 1
                )
                rubriker["content-length"] = str(len(kropp))
            await send(start)
            await send({"type": "http.response.body", "body": kropp})

        await self.app(scope, receive, skicka)


app = st.App("dashboard.py", middleware=[Middleware(SvenskSida)])
