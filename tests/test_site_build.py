"""The real handbook builds strict, in both languages, with the same pages in each."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from conftest import NAV_PAGES, SUBPATH_SITE_URL


def _read(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_strict_build_has_no_warnings(handbook_build):
    """Both builds (offline copy and site) ran strict and printed no warning (build_site.py echoes them)."""
    log = handbook_build.joinpath("build-log.txt").read_text()
    assert "offline copy built" in log and "site built into" in log, log
    assert not re.search(r"^(WARNING|ERROR)", log, re.M), log


def test_both_languages_publish_the_same_page_paths(site_pages):
    indonesian = {p.as_posix() for p in site_pages["id"]}
    english = {p.as_posix().removeprefix("en/") for p in site_pages["en"]}
    assert len(indonesian) == NAV_PAGES  # every page of the nav
    assert indonesian == english


def test_every_page_declares_its_language(built_site, site_pages):
    for lang, pages in site_pages.items():
        for page in pages:
            html = _read(built_site / page)
            assert html.html.get("lang") == lang, f"{page}: <html lang> is {html.html.get('lang')}"


def test_every_page_has_hreflang_alternates_that_resolve(built_site, site_pages):
    for lang, pages in site_pages.items():
        other = "en" if lang == "id" else "id"
        for page in pages:
            html = _read(built_site / page)
            links = {l["hreflang"]: l["href"] for l in html.select('link[rel="alternate"][hreflang]')}
            assert set(links) == {"id", "en", "x-default"}, f"{page}: hreflang alternates {links}"
            assert links["x-default"] == links["id"], f"{page}: x-default is not the Indonesian page"
            # Absolute addresses under SITE_URL (offline_first.py), of pages that exist.
            assert links[lang] == SUBPATH_SITE_URL + page.as_posix().removesuffix("index.html"), f"{page}: {links[lang]}"
            assert links[other].startswith(SUBPATH_SITE_URL), f"{page}: {links[other]}"
            target = built_site / links[other].removeprefix(SUBPATH_SITE_URL)
            assert (target / "index.html").is_file(), f"{page}: {links[other]} does not resolve"


def test_404_page_in_each_language(built_site):
    indonesian = _read(built_site / "404.html")
    english = _read(built_site / "en" / "404.html")
    assert indonesian.html["lang"] == "id"
    assert indonesian.h1.get_text(strip=True) == "Halaman tidak ditemukan"
    assert english.html["lang"] == "en"
    assert english.h1.get_text(strip=True) == "Page not found"
    # A 404 is served at any address: its links must be absolute from site_url.
    assert english.select_one('a[href="/pedoman/en/"]') is not None
    # Each offers the other language's home page, in that language.
    assert [(a["hreflang"], a["href"], a.parent["lang"]) for a in indonesian.select("article a[hreflang]")] == [("en", SUBPATH_SITE_URL + "en/", "en")]
    assert [(a["hreflang"], a["href"], a.parent["lang"]) for a in english.select("article a[hreflang]")] == [("id", SUBPATH_SITE_URL, "id")]


def test_acronyms_show_as_tooltips(built_site):
    html = _read(built_site / "karakter" / "index.html")
    titles = {abbr.get_text(): abbr.get("title") for abbr in html.select("article abbr")}
    assert titles.get("ASN", "").startswith("Aparatur Sipil Negara")


def test_section_headings_have_permalinks(built_site):
    html = _read(built_site / "tentang" / "index.html")
    heading = html.select_one("h2#aturan")
    assert heading is not None and heading.select_one('a.headerlink[href="#aturan"]') is not None


def test_pages_inline_their_stylesheets_and_the_offline_copy_links_them(built_site, offline_copy):
    """One round trip fewer before the first paint online; small, linked files in the offline zip."""
    page = _read(built_site / "karakter/integritas/index.html")
    assert not page.select('link[rel="stylesheet"]')
    styles = "".join(block.get_text() for block in page.find_all("style"))
    assert ".md-header" in styles and "--md-primary-fg-color: #00695c" in styles and "sourceMappingURL" not in styles
    offline = _read(offline_copy / "karakter/integritas.html")
    # Material's main and palette stylesheets, then the engine's two (the handbook plugin adds them;
    # mkdocs.yml lists no extra_css of its own), each linked.
    extra_css = ["assets/stylesheets/pedoman.css", "assets/stylesheets/uji-diri.css"]
    linked = [link["href"] for link in offline.select('link[rel="stylesheet"]')]
    assert len(linked) == 2 + len(extra_css) and [href.split("../")[-1] for href in linked[2:]] == extra_css
    assert not offline.find_all("style", string=re.compile(r"\.md-header"))
