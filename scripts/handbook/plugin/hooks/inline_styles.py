"""Stylesheets inline in every page, so the first paint waits for one download, not two.

Readers mostly arrive from a link in a chat group, on island internet where every request costs a
long round trip (Chromium's "Slow 3G" profile: 2,000 ms). With Material's stylesheets linked, the
browser paints only after the HTML *and then* the CSS arrive: about 5.2 s for a character page.
Inlined, the first paint comes with the HTML: about 2.6 s (`make bench`, page weight). The price:
each further page carries the styles again (about 26 KB compressed) instead of reusing a cached
file; `make bench` prints that figure too.

Local ``<link rel="stylesheet">`` tags become ``<style>`` blocks with the file's text (source-map
comments dropped; the stylesheets hold no relative ``url()``). The offline copy keeps its links:
from ``file://`` there is no round trip to save, and the zip stays small.
"""

from __future__ import annotations

import posixpath
import re

from handbook.build import offline_copy_enabled

LINK = re.compile(r'<link rel="stylesheet" href="([^"]+\.css)">')
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
def on_env(env, config, files, state):
    state["files"] = files  # by now it holds the theme's files too
    state["cache"] = {}
    return env


def _stylesheet(path: str, state: dict) -> str | None:
    cache = state["cache"]
    if path not in cache:
        found = state["files"].get_file_from_path(path)
        cache[path] = SOURCE_MAP.sub("", found.content_string) if found else None
    return cache[path]


def on_post_page(output, page, config, state):
    if offline_copy_enabled(config):
        return output
    folder = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)

    def inline(match: re.Match) -> str:
        href = match.group(1)
        if "://" in href or href.startswith("//"):
            return match.group(0)
        text = _stylesheet(posixpath.normpath(posixpath.join(folder, href)), state)
        # data-href names the file, so offline_first.py can write the linked form of the page.
        return match.group(0) if text is None else f'<style data-href="{href}">{text}</style>'

    return LINK.sub(inline, output)
