"""Moved pages and renamed sections keep answering, as recorded in permalinks.txt.

- A page move (``/karakter/lama/ -> /karakter/baru/``) gets a small redirect page at the old
  address, in each language the registry lists, that keeps the ``#fragment`` (script) and still
  redirects without script (meta refresh) and shows a plain link.
- A section rename (``/karakter/x/#lama -> /karakter/x/#baru``) gets an empty element with the old
  id just before the new heading, so ``#lama`` still scrolls to the section.

A malformed registry line fails the build with the file and line.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from mkdocs import utils
from mkdocs.exceptions import PluginError

from handbook import interface, registry
from handbook.addresses import language_of
from handbook.build import languages

LABELS = interface.labels("permalink_redirects")  # interface text: handbook/interface_text/<lang>.yml

def on_config(config, state):
    path = Path(config.config_file_path).parent / "permalinks.txt"
    try:
        entries = registry.read(path, missing_ok=True)  # a site with no registry has moved nothing
    except registry.RegistryError as error:
        raise PluginError(str(error)) from None
    state["moves"] = registry.moves(entries)
    return config


def _page_address(page) -> str:
    return "/" + page.url if page.url else "/"


def on_page_content(content, page, config, files, state):
    address = _page_address(page)  # English pages' URLs already start with en/
    for old, new in state["moves"].items():
        old_page, old_id = registry.split(old)
        new_page, new_id = registry.split(new)
        if old_page != address or not old_id or new_page != address or not new_id:
            continue
        heading = re.search(rf'<h[1-6][^>]* id="{re.escape(new_id)}"', content)
        if heading is None:
            raise PluginError(f"permalinks.txt: {old} -> {new}: the page has no id '{new_id}'; fix the line")
        alias = f'<span id="{html.escape(old_id)}" class="pedoman-alias" aria-hidden="true"></span>'
        content = content[: heading.start()] + alias + content[heading.start():]
    return content


def _redirect_page(target: str, canonical: str, lang: str) -> str:
    """The stub at an old address, in that address's language."""
    labels = LABELS.get(lang) or next(iter(LABELS.values()))
    target = html.escape(target, quote=True)
    return (
        f"<!doctype html>\n<html lang=\"{html.escape(lang)}\"><head><meta charset=\"utf-8\">\n"
        '<meta name="pedoman-redirect" content="moved">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
        f"<script>location.replace({target!r} + location.hash)</script>\n"
        f'<title>{html.escape(labels["title"])}</title></head>\n<body><p><a href="{target}">{html.escape(labels["link"])}</a></p></body></html>\n'
    )


def on_post_build(config, state):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language != i18n.default_language:
        return
    site = Path(config.site_dir)
    for old, new in state["moves"].items():
        old_page, old_id = registry.split(old)
        if old_id:
            continue
        new_page, new_id = registry.split(new)
        relative = posixpath.relpath(new_page, old_page) + "/"
        relative = relative.replace("//", "/") + (f"#{new_id}" if new_id else "")
        canonical = (config.site_url or "/").rstrip("/") + new_page
        utils.write_file(_redirect_page(relative, canonical, language_of(old_page, languages(config))).encode("utf-8"), str(site / old_page.lstrip("/") / "index.html"))
