"""Every page of both languages, served over http, loads with no console error, no failed or 4xx/5xx
request and no request to another host (the hreflang alternates are absolute addresses under
SITE_URL, https://example.org/pedoman/, which is not where the test serves the site).

One browser context per language: its first page is a first visit (no worker yet), the others are
served through the service worker, so both paths are covered.
"""

from __future__ import annotations

import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, SUBPATH_SITE_URL
from handbook.downloads.book import nav_sources

with open(ROOT / "mkdocs.yml", encoding="utf-8") as _file:
    CONFIG = yaml_load(_file)
I18N = next(p["i18n"] for p in CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)
LANGUAGES = [language["locale"] for language in I18N["languages"]]
NAV_PAGES = len(nav_sources(CONFIG["nav"]))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_console_error_failed_request_or_other_host(browser, served_site, site_pages, lang):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{page.url}: exception: {e}"))
    # net::ERR_ABORTED is a request cancelled because the test moved on to the next page (Material
    # starts its search worker at load), not a failure of the site; every other failure counts.
    context.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and problems.append(f"{page.url}: failed: {r.url} {r.failure}"))
    context.on("response", lambda r: r.status >= 400 and problems.append(f"{page.url}: {r.status}: {r.url}"))
    context.on("request", lambda r: r.url.startswith(("http:", "https:")) and not r.url.startswith(served_site)
               and problems.append(f"{page.url}: other host: {r.url}"))
    pages = site_pages[lang]
    assert len(pages) == NAV_PAGES  # every page of the nav, in this language
    alternates = {}
    for relative in pages:
        # networkidle: a request cut short by the next navigation is not the site's failure.
        page.goto(served_site + relative.as_posix().removesuffix("index.html"), wait_until="networkidle")
        alternates[relative.as_posix()] = page.locator('link[rel="alternate"][hreflang]').evaluate_all(
            "links => links.map(l => [l.getAttribute('hreflang'), l.getAttribute('href')])")
    page.wait_for_timeout(500)
    context.close()
    for relative, links in alternates.items():
        # One alternate per language and x-default, every one an absolute address under SITE_URL.
        assert sorted(lang for lang, _ in links) == sorted([*LANGUAGES, "x-default"]), relative
        assert all(href.startswith(SUBPATH_SITE_URL) for _, href in links), (relative, links)
    assert problems == []
