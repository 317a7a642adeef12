"""Language switcher links that work from any base URL.

Material (with mkdocs-static-i18n) builds the switcher links of the home pages as absolute paths
taken from ``site_url`` (``/pedoman/``, ``/pedoman/en/``); those 404 when the site is served from
another path or opened from ``file://``. This hook runs after the i18n plugin and sets every
switcher link to a site-relative path of the same page in the other language, which the theme's
``url`` filter turns into a link relative to the current page.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.language_switcher")


def _language_root(lang: str, default_lang: str) -> str:
    """Site-relative path of a language's home page."""
    return "./" if lang == default_lang else f"{lang}/"


def on_page_context(context, page, config, nav):
    if config.plugins.get("i18n") is None:
        return context  # a one-language handbook: no switcher
    # The i18n plugin sets ``config.extra.alternate`` as an attribute on every page (the theme
    # reads the attribute first), so read and write the attribute, not only the dict key.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if not alternates:
        raise PluginError(
            "language_switcher: config.extra.alternate is empty; the i18n plugin must be listed "
            "in mkdocs.yml plugins with reconfigure_material: true."
        )
    default_lang = alternates[0]["lang"]
    page_alternates = getattr(page.file, "alternates", {}) or {}
    for alternate in alternates:
        lang = alternate["lang"]
        target = page_alternates.get(lang)
        if target is not None:
            link = target.url or "./"
        else:
            link = _language_root(lang, default_lang)
        alternate["link"] = link
    config.extra.alternate = alternates
    config.extra["alternate"] = alternates
    return context
