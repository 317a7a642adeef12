"""A 404 page in every language.

mkdocs-static-i18n builds every language into the same ``site_dir`` (English pages get an ``en/``
prefix), so MkDocs writes the theme's ``404.html`` only once, in the default language. This hook
renders ``404.html`` again at the end of every other language's build and writes it to that
language's folder (``site/en/404.html``), with the language's own interface text and navigation,
and puts back the default language's ``site/404.html``, which that build overwrote.
A host that maps errors under ``/en/`` to ``/en/404.html`` shows English readers an English page.

It uses MkDocs' own ``_build_template`` (private, but the exact function MkDocs uses for the
default language), so the page is made the same way in every language.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs import utils
from mkdocs.commands.build import _build_template

def on_env(env, config, files, state):
    state["env"] = env
    state["files"] = files
    return env


def on_nav(nav, config, files, state):
    state["nav"] = nav
    return nav


def on_post_build(config, state):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    default_page = Path(config.site_dir) / "404.html"
    if i18n.current_language == i18n.default_language:
        # Keep the default language's page: the next language's build overwrites it.
        state["default_404"] = default_page.read_bytes()
        return
    _set_switcher_to_home_pages(config, i18n)
    template = state["env"].get_template("404.html")
    output = _build_template("404.html", template, state["files"], config, state["nav"])
    target = Path(config.site_dir) / i18n.current_language / "404.html"
    utils.write_file(output.encode("utf-8"), str(target))
    utils.write_file(state["default_404"], str(default_page))


def _set_switcher_to_home_pages(config, i18n):
    """A 404 page is served at any address, so its switcher links go to the home pages."""
    root = urlsplit(config.site_url or "/").path or "/"
    for alternate in getattr(config.extra, "alternate", None) or []:
        lang = alternate["lang"]
        alternate["link"] = root if lang == i18n.default_language else f"{root}{lang}/"
