"""A notice at the top of translated pages that lag behind their source (no JavaScript).

The source is the default language's page (Indonesian here), the translation any other
language's (English here); the notice is in the translation's language, from its interface table.

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
from handbook.build import current_language, default_language

LABELS = interface.labels("translation_banners")  # in the language of the translated page

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


def _notice(title: str, body: str, lang: str) -> str:
    return (
        f'<div class="admonition warning pedoman-terjemahan" lang="{lang}">\n'
        f'<p class="admonition-title">{title}</p>\n<p>{body}</p>\n</div>\n'
    )


def _original_link(page, lang: str, source_lang: str) -> str | None:
    alternates = getattr(page.file, "alternates", {}) or {}
    original = alternates.get(source_lang)
    if original is None:
        return None
    href = get_relative_url(original.url or "./", page.url or "./")
    return f'<a href="{html.escape(href)}" hreflang="{source_lang}">{LABELS[lang]["original"]}</a>'


def fallback_notice(lang: str) -> str:
    return _notice(LABELS[lang]["fallback_title"], LABELS[lang]["fallback_text"], lang)


def stale_notice(stale: list[tr.Stale], english: tr.ParsedPage, source: tr.ParsedPage, original: str | None, lang: str, source_lang: str) -> str:
    """The notice on a page in ``lang`` whose source (in ``source_lang``) changed in ``stale``."""
    t = LABELS[lang]
    names = []
    for entry in stale:
        if entry.ident == tr.INTRO:
            names.append(t["intro"])
            continue
        ours = english.section(entry.ident)
        if ours is not None:
            names.append(f'<a href="#{html.escape(entry.ident)}">{html.escape(ours.title)}</a>')
        else:  # a section the English page does not have yet
            theirs = source.section(entry.ident)
            names.append(f'{t["new_section"]}, <span lang="{source_lang}">“{html.escape(theirs.title if theirs else entry.ident)}”</span>')
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {t['and']} " + names[-1]
    plural = t["one"] if len(names) == 1 else t["many"]
    read = t["read"].format(original=original) if original else ""
    return _notice(t["stale_title"], t["stale_text"].format(plural=plural, listed=listed, read=read), lang)


def on_page_content(content, page, config, files, state):
    language, source_lang = current_language(config), default_language(config)
    if language == source_lang:
        return content
    source_uri = page.file.src_uri
    if source_uri.endswith(f".{source_lang}.md"):
        return fallback_notice(language) + content
    if not source_uri.endswith(f".{language}.md"):
        return content
    docs_dir = Path(config.docs_dir)
    lock = _lock(docs_dir, state)
    key = source_uri
    source_file = docs_dir / tr.counterpart(source_uri, source_lang)
    if lock is None or key not in lock or not source_file.exists():
        return content
    try:
        source = tr.parse(source_file, f"docs/{tr.counterpart(source_uri, source_lang)}")
        stale = tr.stale_sections(source, lock[key])
        if not stale:
            return content
        english = tr.parse(Path(page.file.abs_src_path), f"docs/{source_uri}")
    except ContentError as error:
        raise PluginError(f"translation_banners: {error}") from None
    return stale_notice(stale, english, source, _original_link(page, language, source_lang), language, source_lang) + content
