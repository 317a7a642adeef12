"""The handbook's edition (mkdocs.yml ``extra.edition``) on every page, in the page's language.

Templates get ``pedoman_edisi``:
- ``text``: the footer line ("Edisi 2026.1" / "Edition 2026.1"), linking to ``href``, the
  changes page of that language (docs/riwayat/);
- ``cite``: the "cite this section" text for docs/assets/javascripts/pedoman.js, with the
  handbook's title (site_name of the language) and the edition filled in, and ``{section}`` and
  ``{address}`` left for the script.
Also 404 pages (template context). A missing or empty edition fails the build.
"""

from __future__ import annotations


from mkdocs.exceptions import PluginError

from handbook.build import current_language
from handbook import interface

LABELS = interface.labels("edition")  # interface text: overrides/interface/<lang>.yml
CHANGES_PAGE = "riwayat/"


def on_config(config):
    edition = str(config.extra.get("edition") or "").strip()
    if not edition:
        raise PluginError("mkdocs.yml: extra.edition is missing or empty; add it under extra:, e.g. edition: \"2026.1\"")
    return config


def _edition(config) -> dict:
    language = current_language(config)
    labels = LABELS.get(language, LABELS["id"])
    edition = str(config.extra["edition"]).strip()
    prefix = "" if language == "id" else f"{language}/"
    page = CHANGES_PAGE if config.use_directory_urls else CHANGES_PAGE + "index.html"
    return {
        "edition": edition,
        "text": labels["edition"].format(edition=edition),
        "changes": labels["changes"],
        "href": prefix + page,
        "cite": labels["cite"].format(title=config.site_name, edition=edition, section="{section}", address="{address}"),
    }


def on_page_context(context, page, config, nav):
    context["pedoman_edisi"] = _edition(config)
    return context


def on_template_context(context, template_name, config):
    context["pedoman_edisi"] = _edition(config)
    return context
