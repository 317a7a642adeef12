"""Who issues the handbook, its status and a contact (handbook/publisher.py) on every page.

Templates get ``pedoman_penerbit``, the lines in the page's language: the footer prints them
(partials/copyright.html), and while the status is draft every page also says so in the banner at
its top (main.html). Also 404 pages (template context). Unusable settings fail the build, naming
the key in mkdocs.yml.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from handbook import interface, publisher
from handbook.build import current_language

LABELS = interface.labels("publisher")  # interface text: overrides/interface/<lang>.yml


def on_config(config):
    try:
        publisher.load(config.extra)
    except publisher.PublisherError as error:
        raise PluginError(str(error)) from None
    return config


def _lines(config) -> dict:
    language = current_language(config)
    return publisher.lines(publisher.load(config.extra), language, LABELS.get(language) or next(iter(LABELS.values())))


def on_page_context(context, page, config, nav):
    context["pedoman_penerbit"] = _lines(config)
    return context


def on_template_context(context, template_name, config):
    context["pedoman_penerbit"] = _lines(config)
    return context
