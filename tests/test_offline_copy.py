"""The zipped offline copy works unzipped from file://, in headless Chromium.

Navigation, the language switcher (keeping the section) and search in both languages, with no
request leaving the unzipped folder.
"""

from __future__ import annotations

import zipfile

import pytest

from conftest import search_results


@pytest.fixture(scope="module")
def unzipped(downloads, tmp_path_factory):
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(downloads / "pedoman-asn-malra-html.zip") as archive:
        archive.extractall(folder)
    return folder / "pedoman-asn-malra"


def _uri(folder, relative: str) -> str:
    """file:// URI of a page of the copy, with its #section kept (Path.as_uri would escape the #)."""
    path, _, section = relative.partition("#")
    return (folder / path).as_uri() + (f"#{section}" if section else "")


def _only_local(page, folder):
    outside = [url for url in page.requested if not url.startswith((folder.as_uri(), "data:", "blob:", "about:"))]
    assert outside == [], f"requests outside the offline copy: {outside}"


def test_navigation_from_the_home_page(page, unzipped):
    page.goto(_uri(unzipped, "index.html"))
    page.locator('.md-nav a[href$="karakter/integritas.html"]').first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/karakter/integritas.html")
    assert page.locator("article h1").inner_text() == "Integritas"
    _only_local(page, unzipped)


@pytest.mark.parametrize(
    "start, target, title",
    [
        ("karakter/integritas.html#perilaku", "en/karakter/integritas.html#perilaku", "Integrity"),
        ("en/konteks-lokal/wilayah-kepulauan.html#praktik-baik", "konteks-lokal/wilayah-kepulauan.html#praktik-baik", None),
        ("index.html", "en/index.html", None),
    ],
)
def test_language_switcher_keeps_page_and_section(page, unzipped, start, target, title):
    page.goto(_uri(unzipped, start))
    other = "en" if not start.startswith("en/") else "id"
    link = page.locator(f'a.md-select__link[hreflang="{other}"]')
    page.locator(".md-header__option .md-select").hover()
    link.click()
    page.wait_for_load_state()
    assert page.url == _uri(unzipped, target)
    if title:
        assert page.locator("article h1").inner_text() == title
    _only_local(page, unzipped)


@pytest.mark.parametrize(
    "start, query, expected",
    [
        ("karakter/index.html", "integritas", "karakter/integritas.html"),
        ("en/karakter/index.html", "integrity", "en/karakter/integritas.html"),
        ("karakter/index.html", "layanan", "glosarium/index.html"),  # only says "pelayanan"
    ],
)
def test_search_works_offline_in_both_languages(page, unzipped, start, query, expected):
    page.goto(_uri(unzipped, start))
    hrefs = search_results(page, query)
    assert any(href.split("#")[0].split("?")[0] == (unzipped / expected).as_uri() for href in hrefs), hrefs[:10]
    english = [href for href in hrefs if href.startswith((unzipped / "en").as_uri() + "/")]
    assert english == (hrefs if start.startswith("en/") else []), "search results in the other language"
    _only_local(page, unzipped)
