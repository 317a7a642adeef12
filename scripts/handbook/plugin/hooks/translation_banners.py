"""A notice at the top of English pages that lag behind their Indonesian source (no JavaScript).

Two cases, both decided at build time from the files, so the notice is in the HTML itself:

- an English page whose Indonesian source changed since it was last translated: the sections that
  changed (or are new) are named, linked to their anchors, with a link to the Indonesian original.
  "Changed" is what ``scripts/handbook/commands/check_translations.py`` calls STALE: the section's hash differs from
  the one recorded in ``translations.lock`` (beside ``docs/``). A page the lock does not list yet
  gets no notice; marking a page synced (``check_translations.py sync``) removes its notice.
- a page published under ``/en/`` by the i18n plugin's ``fallback_to_default`` (there is no
  ``.en.md``, so readers get the Indonesian text): a "not yet translated" notice.

The notice is a Material admonition (``admonition warning``, class ``pedoman-terjemahan``). The
link to the Indonesian original carries ``hreflang="id"``, which marks it as a deliberate
cross-language link for ``scripts/handbook/commands/check_links.py`` (like the language switcher).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from handbook import translations as tr
from handbook.pages import ContentError
from handbook import interface

# The banners appear on English pages only, so they read the English table.
LABELS = interface.labels("translation_banners")[tr.TARGET]

log = logging.getLogger("mkdocs.hooks.translation_banners")

def _lock(docs_dir: Path, locks: dict) -> dict | None:
    """The translation lock file, read once per build (``locks``: the plugin's state for this step)."""
    path = tr.lock_path(docs_dir)
    if not path.exists():
        log.info("translation_banners: no %s; English pages get no stale-section notices", path)
        return None
    key = (str(path), path.stat().st_mtime)
    if key not in locks:
        try:
            locks.clear()
            locks[key] = tr.read_lock(path)
        except ContentError as error:
            raise PluginError(f"translation_banners: {error}") from None
    return locks[key]


def _notice(title: str, body: str) -> str:
    return (
        '<div class="admonition warning pedoman-terjemahan" lang="en">\n'
        f'<p class="admonition-title">{title}</p>\n<p>{body}</p>\n</div>\n'
    )


def _original_link(page) -> str | None:
    alternates = getattr(page.file, "alternates", {}) or {}
    original = alternates.get(tr.SOURCE)
    if original is None:
        return None
    href = get_relative_url(original.url or "./", page.url or "./")
    return f'<a href="{html.escape(href)}" hreflang="{tr.SOURCE}">{LABELS["original"]}</a>'


def fallback_notice() -> str:
    return _notice(
        LABELS["fallback_title"],
        LABELS["fallback_text"],
    )


def stale_notice(stale: list[tr.Stale], english: tr.ParsedPage, source: tr.ParsedPage, original: str | None) -> str:
    names = []
    for entry in stale:
        if entry.ident == tr.INTRO:
            names.append(LABELS["intro"])
            continue
        ours = english.section(entry.ident)
        if ours is not None:
            names.append(f'<a href="#{html.escape(entry.ident)}">{html.escape(ours.title)}</a>')
        else:  # a section the English page does not have yet
            theirs = source.section(entry.ident)
            names.append(f'{LABELS["new_section"]}, <span lang="{tr.SOURCE}">“{html.escape(theirs.title if theirs else entry.ident)}”</span>')
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {LABELS['and']} " + names[-1]
    plural = LABELS["one"] if len(names) == 1 else LABELS["many"]
    read = LABELS["read"].format(original=original) if original else ""
    return _notice(LABELS["stale_title"], LABELS["stale_text"].format(plural=plural, listed=listed, read=read))


def on_page_content(content, page, config, files, state):
    i18n = config.plugins.get("i18n")
    language = i18n.current_language if i18n else config.theme.get("language")
    if language != tr.TARGET:
        return content
    source_uri = page.file.src_uri
    if source_uri.endswith(f".{tr.SOURCE}.md"):
        return fallback_notice() + content
    if not source_uri.endswith(f".{tr.TARGET}.md"):
        return content
    docs_dir = Path(config.docs_dir)
    lock = _lock(docs_dir, state)
    key = source_uri
    source_file = docs_dir / tr.counterpart(source_uri, tr.SOURCE)
    if lock is None or key not in lock or not source_file.exists():
        return content
    try:
        source = tr.parse(source_file, f"docs/{tr.counterpart(source_uri, tr.SOURCE)}")
        stale = tr.stale_sections(source, lock[key])
        if not stale:
            return content
        english = tr.parse(Path(page.file.abs_src_path), f"docs/{source_uri}")
    except ContentError as error:
        raise PluginError(f"translation_banners: {error}") from None
    return stale_notice(stale, english, source, _original_link(page)) + content
