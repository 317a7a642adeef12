"""The language switcher keeps the reader on the same page, from any base URL.

Material builds the home pages' switcher links as absolute paths from site_url; the
language_switcher hook makes every link relative. The shared build uses a sub-path site_url, so
an absolute link would point outside the built tree and fail here.
"""

from __future__ import annotations

from bs4 import BeautifulSoup


def _switcher_links(path):
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    return {a["hreflang"]: a["href"] for a in html.select("a.md-select__link")}


def test_switcher_links_are_relative_and_reach_the_same_page(built_site, site_pages):
    checked = 0
    for lang, pages in site_pages.items():
        for page in pages:
            links = _switcher_links(built_site / page)
            assert set(links) == {"id", "en"}, f"{page}: {links}"
            for target_lang, href in links.items():
                assert not href.startswith(("/", "http")), f"{page}: switcher link {href} is absolute"
                target = ((built_site / page).parent / href / "index.html").resolve()
                same_page = page.as_posix().removeprefix("en/")
                expected = built_site / ("en/" if target_lang == "en" else "") / same_page
                assert target == expected.resolve(), f"{page}: {target_lang} link {href} goes to {target}"
                checked += 1
    assert checked >= 4 * len(site_pages["id"])


def test_home_pages_switch_to_each_other(built_site):
    assert _switcher_links(built_site / "index.html") == {"id": "./", "en": "en/"}
    assert _switcher_links(built_site / "en" / "index.html") == {"id": "../", "en": "./"}
