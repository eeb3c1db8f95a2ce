"""Charts as PNG through kaleido, which drives the system Chromium (BROWSER_PATH, default
/usr/bin/chromium); its own download cannot work here. The report can be built without images
when no browser is available, and then says so.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from pathlib import Path

PNG_MIME = "image/png"

CHROMIUM = "/usr/bin/chromium"


class BildFel(RuntimeError):
    """A chart could not be drawn as an image (no browser, or the browser failed)."""


def _webblasare() -> None:
    # kaleido finds the browser through BROWSER_PATH; its own download cannot work here.
    if not os.environ.get("BROWSER_PATH") and Path(CHROMIUM).exists():
        os.environ["BROWSER_PATH"] = CHROMIUM


def pngs(
    figurer: Sequence,
    bredd: int = 1000,
    skala: float = 2,
    framsteg: Callable[[int, int], None] | None = None,
) -> list[bytes]:
    """Every figure as PNG bytes, in one browser session (starting Chromium costs seconds;
    each further chart a fraction of one). framsteg(klara, totalt) is called after each chart,
    in the calling thread. Raises BildFel with a Swedish message when drawing fails."""
    import kaleido

    _webblasare()
    figurer = list(figurer)

    async def rita() -> list[bytes]:
        ut = []
        async with kaleido.Kaleido(n=1, mathjax=False) as k:
            for i, fig in enumerate(figurer, start=1):
                hojd = fig.layout.height or 450
                ut.append(
                    await k.calc_fig(
                        fig, opts={"format": "png", "width": bredd, "height": hojd, "scale": skala}
                    )
                )
                if framsteg is not None:
                    framsteg(i, len(figurer))
        return ut

    if not figurer:
        return []
    try:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(rita())
        # inside a running event loop: draw in a thread of its own, without progress calls
        from concurrent.futures import ThreadPoolExecutor

        framsteg = None
        with ThreadPoolExecutor(1) as tradar:
            return tradar.submit(asyncio.run, rita()).result()
    except Exception as fel:  # kaleido raises several kinds; the page needs one
        raise BildFel(
            f"Diagrammen kunde inte ritas som bilder ({type(fel).__name__}: {fel}). "
            f"Kontrollera att Chromium finns ({os.environ.get('BROWSER_PATH', CHROMIUM)})."
        ) from fel


def png(fig, bredd: int = 1000, skala: float = 2) -> bytes:
    return pngs([fig], bredd, skala)[0]
