"""QR codes on the printed cards: only to registered permalinks, drawn as vector SVG.

``Addresses`` turns a site path (``/studi-kasus/hadiah-upacara-adat/``) into the full online
address under the site's address (mkdocs ``site_url``, or ``SITE_URL``), and refuses a path that
``permalinks.txt`` does not register as a live page: a printed code must keep working, and the
registry is the project's promise of addresses that do (see CONTRIBUTING.md, permalinks).

``image`` draws the code with segno (pure Python, no network) as an SVG ``data:`` URI for an
``<img>``: WeasyPrint renders an SVG image as vectors, so the code stays sharp at any print size,
and an image needs no CSS (WeasyPrint applies none inside an inline ``<svg>``).

Used by the card builders (kit.py); try it with
``python -c "from handbook.downloads import qr; print(qr.image('https://example.org/'))"``.
"""

from __future__ import annotations

import html
from pathlib import Path

import segno

from handbook import registry


class AddressError(Exception):
    """A card would point at an address that is not a registered permalink; the message says how to fix it."""


class Addresses:
    """The live page addresses of ``permalinks.txt``, under the site's address."""

    def __init__(self, site_url: str, registry_file: Path):
        self.site_url = site_url.rstrip("/") + "/"
        self.registry_file = registry_file
        try:
            entries = registry.read(registry_file)
        except registry.RegistryError as error:
            raise AddressError(str(error)) from None
        self.live = {entry.address for entry in entries if entry.moved_to is None}

    def url(self, path: str) -> str:
        """``/studi-kasus/x/`` -> ``https://.../studi-kasus/x/``; AddressError if it is not registered."""
        if path not in self.live:
            raise AddressError(
                f"{self.registry_file}: '{path}' is not a registered permalink, so a printed QR code cannot point "
                "at it; build the site and run `make permalinks` (or `handbook permalinks add`) to register "
                "the page, then build again"
            )
        return self.site_url + path.lstrip("/")


def image(url: str, label: str, css_class: str = "qr") -> str:
    """An ``<img>`` with the QR code of ``url`` (error correction M, the standard 4-module quiet zone)."""
    code = segno.make(url, error="m", micro=False)
    source = code.svg_data_uri(scale=1, border=4, dark="#000", light="#fff")
    return f'<img class="{css_class}" src="{html.escape(source, quote=True)}" alt="{html.escape(label, quote=True)}">'
