"""The templates' interface text: ``teks``, the table of the language being built.

handbook/theme/main.html and 404.html print labels as ``{{ teks.templates.last_changed }}``; the
text comes from handbook/interface_text/<lang>.yml (scripts/handbook/interface.py), never from
``if english`` branches in the templates. ``pedoman_unduhan`` is the address of the downloads page in
that language (from the site root; empty when the handbook has no downloads section).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from handbook import interface
from handbook.build import current_language, language_prefix, section


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


def on_page_context(context, page, config, nav):
    context["teks"] = _teks(config)
    context["pedoman_unduhan"] = _downloads(config)
    return context


def on_template_context(context, template_name, config):
    context["teks"] = _teks(config)
    context["pedoman_unduhan"] = _downloads(config)
    return context
