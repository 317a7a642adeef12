"""Front matter is text: every string value reaches the templates escaped, once.

MkDocs' Jinja environment does not autoescape, and Material writes ``page.title`` and other
values straight into the navigation, the tab title and meta tags. A title or ``ringkas`` holding
``"``, ``<``, ``>`` or ``&`` would otherwise open a tag or end an attribute. This hook turns every
string of the front matter into ``markupsafe.Markup`` of its escaped text before any template
sees it: Jinja prints Markup as it is (shown as written, no tag opened), the ``|e`` filter in our
templates leaves it alone (no double escaping), and ``|striptags`` gives back plain text that the
next ``|e`` escapes again. The Markdown body is not touched.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def _escaped(value):
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    return value


def on_page_markdown(markdown, page, config, files):
    for key, value in list(page.meta.items()):
        page.meta[key] = _escaped(value)
    return markdown
