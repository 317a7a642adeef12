"""Who issues the handbook, its status and a contact (handbook/publisher.py) on every page.

Templates get ``pedoman_penerbit``, the lines in the page's language: the footer prints them
(partials/copyright.html), and while the status is draft every page also says so in the banner at
its top (main.html). Also 404 pages (template context). Unusable settings fail the build, naming
the key in mkdocs.yml.
"""

from __future__ import annotations


from handbook import interface, publisher
from handbook.build import current_language
from handbook.build import instance

LABELS = interface.labels("publisher")  # interface text: handbook/interface_text/<lang>.yml


def _lines(config) -> dict:
    language = current_language(config)
    return publisher.lines(instance(config).publisher, language, LABELS.get(language) or next(iter(LABELS.values())))


def on_page_context(context, page, config, nav):
    context["pedoman_penerbit"] = _lines(config)
    return context


def on_template_context(context, template_name, config):
    context["pedoman_penerbit"] = _lines(config)
    return context
