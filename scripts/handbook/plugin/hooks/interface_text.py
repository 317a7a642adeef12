"""The templates' interface text: ``teks``, the table of the language being built.

handbook/theme/main.html and 404.html print labels as ``{{ teks.templates.last_changed }}``; the
text comes from handbook/interface_text/<lang>.yml (scripts/handbook/interface.py), never from
``if english`` branches in the templates. ``pedoman_unduhan`` is the address of the downloads page in
that language (from the site root; empty when the handbook has no downloads section).
``pedoman_beranda`` is that language's home page from the site root (``""`` or ``en/``);
``bahasa_lain`` lists the handbook's other languages (code, home from the site root, their table):
the 404 page offers each one's home page in that language; a one-language handbook has none.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from handbook import interface
from handbook.build import current_language, language_prefix, languages, section


def _teks(config) -> dict:
    try:
        return interface.table(current_language(config))
    except interface.InterfaceError as error:
        raise PluginError(str(error)) from None


def _downloads(config) -> str:
    """The downloads page of the language being built, from the site root ("" if there is none)."""
    folder = section(config, "downloads")
    if folder is None:
        return ""
    return f"{language_prefix(config)}{folder}/" + ("" if config.use_directory_urls else "index.html")


def _other_languages(config) -> list[dict]:
    """The handbook's languages other than the one being built: code, home path, interface table."""
    langs, here = languages(config), current_language(config)
    try:
        return [{"code": lang, "home": langs.prefix(lang), "teks": interface.table(lang)} for lang in langs.codes if lang != here]
    except interface.InterfaceError as error:
        raise PluginError(str(error)) from None


def _context(context, config):
    context["teks"] = _teks(config)
    context["pedoman_unduhan"] = _downloads(config)
    context["bahasa_lain"] = _other_languages(config)
    context["pedoman_beranda"] = language_prefix(config)  # this language's home, from the site root
    return context


def on_page_context(context, page, config, nav):
    return _context(context, config)


def on_template_context(context, template_name, config):
    return _context(context, config)
