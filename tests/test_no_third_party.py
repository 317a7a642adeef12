"""No built file makes the reader's browser ask a third-party host for anything.

Checked statically on every built file: HTML attributes that load something, CSS ``url()`` and
``@import``, and quoted URLs in JavaScript. The headless-browser tests check the same at runtime.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import SUBPATH_SITE_URL

SITE_HOST = urlsplit(SUBPATH_SITE_URL).hostname  # the shared build's site_url host

# Quoted URLs in Material's JavaScript bundle that never load on this site, and why.
NEVER_LOADED = {
    # Polyfill fetched only by browsers without ResizeObserver (none released since 2020 lacks it).
    "https://unpkg.com/resize-observer-polyfill",
    # Loaded only on pages with a Mermaid diagram; the handbook has none (checked below).
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
    # Repository facts, fetched only when repo_url points at GitHub or GitLab; the handbook sets none.
    "https://${e}/api/v4/projects/${encodeURIComponent(t)}",
    "https://api.github.com/users/${e}",
    "https://api.github.com/repos/${e}/${t}",
}

LOADING_ATTRIBUTES = ("src", "srcset", "data", "poster", "action", "formaction")
LOADING_LINK_RELS = {"stylesheet", "preconnect", "dns-prefetch", "preload", "prefetch", "icon", "manifest", "modulepreload"}


def _third_party(url: str) -> bool:
    """A URL another host serves: the site's own host, exactly, is first party (a look-alike such
    as evil-example.org or example.org.evil.net is not)."""
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https", "") and bool(parts.netloc) and (parts.hostname or "").lower() != SITE_HOST


@pytest.mark.parametrize(
    "url, third",
    [
        (f"https://{SITE_HOST}/pedoman/x.css", False),
        (f"//{SITE_HOST}/x.js", False),
        (f"https://{SITE_HOST}:443/x.js", False),
        ("assets/x.css", False),
        (f"https://evil-{SITE_HOST}/x.js", True),
        (f"https://{SITE_HOST}.evil.net/x.js", True),
        (f"https://user@cdn.{SITE_HOST}/x.js", True),
        ("https://fonts.googleapis.com/css", True),
    ],
)
def test_first_party_is_the_site_host_only(url, third):
    assert _third_party(url) is third


def test_html_loads_nothing_from_third_parties(built_site):
    offenders = []
    for path in built_site.rglob("*.html"):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for element in html.find_all(True):
            for attribute in LOADING_ATTRIBUTES:
                for value in str(element.get(attribute, "")).split(","):
                    if value and _third_party(value.split()[0] if value.split() else ""):
                        offenders.append(f"{path.relative_to(built_site)}: <{element.name} {attribute}={value}>")
            if element.name == "link" and LOADING_LINK_RELS & set(element.get("rel", [])):
                if _third_party(element.get("href", "")):
                    offenders.append(f"{path.relative_to(built_site)}: <link href={element['href']}>")
        assert 'class="mermaid"' not in str(html)
    assert not offenders, "\n".join(offenders)


def _stylesheets(built_site):
    """Every stylesheet's text: the CSS files, and the <style> blocks inlined into pages."""
    for path in built_site.rglob("*.css"):
        yield path, path.read_text(encoding="utf-8")
    for path in built_site.rglob("*.html"):
        for block in BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").find_all("style"):
            yield path, block.get_text()


def test_css_loads_nothing_from_third_parties(built_site):
    offenders = []
    for path, text in _stylesheets(built_site):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text):
            if _third_party(url):
                offenders.append(f"{path.relative_to(built_site)}: {url}")
    assert not offenders, "\n".join(offenders)


def test_javascript_names_no_third_party_url_except_known_dormant_ones(built_site):
    found = set()
    for path in built_site.rglob("*.js"):
        for url in re.findall(r"[\"'`](https?://[^\"'`\s]+)[\"'`]", path.read_text(encoding="utf-8")):
            if _third_party(url):
                found.add(url)
    assert found <= NEVER_LOADED, sorted(found - NEVER_LOADED)


def test_no_google_fonts(built_site):
    for path in built_site.rglob("*.html"):
        assert "fonts.googleapis.com" not in path.read_text(encoding="utf-8"), path
