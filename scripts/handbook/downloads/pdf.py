"""Render an assembled book to PDF with WeasyPrint.

WeasyPrint needs Pango from the system (Debian: libpango-1.0-0, libpangoft2-1.0-0) and finds fonts
through fontconfig (Debian: fonts-dejavu-core); nothing is fetched at render time: any URL that is
not a local file is refused by the URL fetcher below, so a slip in a page cannot reach the network.
"""

from __future__ import annotations

from pathlib import Path


class RenderError(Exception):
    """WeasyPrint or its system libraries are missing, or rendering failed; the message says how to fix it."""


def _local_only():
    """WeasyPrint's fetcher limited to local files and data: URIs (WeasyPrint 70 takes a URLFetcher
    object; a plain function, as older versions took, fails as soon as anything is fetched)."""
    from weasyprint import URLFetcher

    return URLFetcher(allowed_protocols=("file", "data"))


def render(document: str, base: Path, target: Path) -> int:
    """Write ``document`` (HTML) to ``target`` as PDF; returns the number of pages."""
    rendered = layout(document, base)
    write(rendered, target)
    return len(rendered.pages)


def layout(document: str, base: Path):
    """Lay ``document`` (HTML) out into pages (a WeasyPrint Document) without writing it."""
    try:
        from weasyprint import HTML
    except OSError as error:  # Pango or its friends missing
        raise RenderError(
            f"WeasyPrint cannot load its system libraries ({error}). Run `make system-packages` "
            "(Debian packages libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core) and try again."
        ) from None
    except ImportError:
        raise RenderError("WeasyPrint is not installed; run `make site`, which installs requirements.txt.") from None
    return HTML(string=document, base_url=base.as_uri() + "/", url_fetcher=_local_only()).render()


def write(rendered, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    rendered.write_pdf(target)
