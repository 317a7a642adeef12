"""The templates' interface text: ``teks``, the table of the language being built.

overrides/main.html and 404.html print labels as ``{{ teks.templates.last_changed }}``; the
text comes from overrides/interface/<lang>.yml (scripts/handbook/interface.py), never from
``if english`` branches in the templates.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from handbook import interface
from handbook.build import current_language


def _teks(config) -> dict:
    try:
        return interface.table(current_language(config))
    except interface.InterfaceError as error:
        raise PluginError(str(error)) from None


def on_page_context(context, page, config, nav):
    context["teks"] = _teks(config)
    return context


def on_template_context(context, template_name, config):
    context["teks"] = _teks(config)
    return context
