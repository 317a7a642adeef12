"""No built file makes the reader's browser ask a third-party host for anything.

Checked statically on every built file: HTML attributes that load something, CSS ``url()`` and
``@import``, and quoted URLs in JavaScript. The headless-browser tests check the same at runtime.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest

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


def html_offenders(text: str) -> tuple[list[str], list[str]]:
    """What an HTML file loads from a third party, and the text of its <style> blocks.

    lxml directly, not BeautifulSoup: every page inlines its stylesheets, and lxml reads the 230
    built pages several times faster.
    """
    offenders = []
    root = lxml.html.document_fromstring(text)
    for element in root.iter(tag=lxml.etree.Element):
        for attribute in LOADING_ATTRIBUTES:
            for value in (element.get(attribute) or "").split(","):
                if value.split() and _third_party(value.split()[0]):
                    offenders.append(f"<{element.tag} {attribute}={value.strip()}>")
        if element.tag == "link" and LOADING_LINK_RELS & set((element.get("rel") or "").lower().split()):
            if _third_party(element.get("href") or ""):
                offenders.append(f"<link href={element.get('href')}>")
    return offenders, [style.text_content() for style in root.iter("style")]


def css_offenders(text: str) -> list[str]:
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+(?:url\(\s*)?['\"]?([^'\")\s;]+)", text)
    return [url for url in urls if _third_party(url)]


def test_planted_third_party_loads_are_found():
    found, styles = html_offenders(
        '<html><head><link rel="preconnect" href="https://fonts.gstatic.com"><link rel="Stylesheet" href="//cdn.example.net/a.css">'
        '<style>@import "https://fonts.googleapis.com/css";</style></head>'
        '<body><img srcset="a.png 1x, https://cdn.example.net/b.png 2x"><iframe src="https://evil-example.org/"></iframe>'
        '<a href="https://example.net/">a link loads nothing</a></body></html>'
    )
    assert found == [
        "<link href=https://fonts.gstatic.com>",
        "<link href=//cdn.example.net/a.css>",
        "<img srcset=https://cdn.example.net/b.png 2x>",
        "<iframe src=https://evil-example.org/>",
    ]
    assert css_offenders(styles[0] + " .x{background:url( '//cdn.example.net/x.png')} .y{background:url(assets/y.png)}") == [
        "//cdn.example.net/x.png", "https://fonts.googleapis.com/css",
    ]


@pytest.fixture(scope="module")
def html_files(built_site) -> dict:
    """Per built HTML file: its third-party loads and its <style> blocks, read once."""
    return {path: html_offenders(path.read_text(encoding="utf-8")) for path in built_site.rglob("*.html")}


def test_html_loads_nothing_from_third_parties(built_site, html_files):
    offenders = [f"{path.relative_to(built_site)}: {found}" for path, (each, _) in html_files.items() for found in each]
    assert not [path for path in html_files if 'class="mermaid"' in path.read_text(encoding="utf-8")]
    assert not offenders, "\n".join(offenders)


def test_css_loads_nothing_from_third_parties(built_site, html_files):
    offenders = []
    stylesheets = [(path, path.read_text(encoding="utf-8")) for path in built_site.rglob("*.css")]
    stylesheets += [(path, style) for path, (_, styles) in html_files.items() for style in styles]
    for path, text in stylesheets:
        offenders += [f"{path.relative_to(built_site)}: {url}" for url in css_offenders(text)]
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
