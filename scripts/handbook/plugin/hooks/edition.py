"""The handbook's edition (mkdocs.yml ``plugins > handbook > edition``) on every page, in the page's language.

Templates get ``pedoman_edisi``:
- ``text``: the footer line ("Edisi 2026.1" / "Edition 2026.1"), linking to ``href``, the
  changes page of that language (plugins > handbook > sections > changes), if there is one;
- ``cite``: the "cite this section" text for handbook/theme/assets/javascripts/pedoman.js, with the
  handbook's title (site_name of the language) and the edition filled in, and ``{section}`` and
  ``{address}`` left for the script.
Also 404 pages (template context). A missing or empty edition fails the build.
"""

from __future__ import annotations



from handbook.build import current_language, language_prefix, section
from handbook import interface
from handbook.build import instance

LABELS = interface.labels("edition")  # interface text: handbook/interface_text/<lang>.yml


def _edition(config) -> dict:
    language = current_language(config)
    labels = LABELS[language]
    edition = instance(config).config.edition.strip()
    prefix = language_prefix(config)
    changes = section(config, "changes")  # the footer links the changes page, if the handbook has one
    page = "" if changes is None else f"{changes}/" if config.use_directory_urls else f"{changes}/index.html"
    return {
        "edition": edition,
        "text": labels["edition"].format(edition=edition),
        "changes": labels["changes"],
        "href": prefix + page if page else "",
        "cite": labels["cite"].format(title=config.site_name, edition=edition, section="{section}", address="{address}"),
    }


def on_page_context(context, page, config, nav):
    context["pedoman_edisi"] = _edition(config)
    return context


def on_template_context(context, template_name, config):
    context["pedoman_edisi"] = _edition(config)
    return context
