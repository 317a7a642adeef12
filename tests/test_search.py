"""Search serves Indonesian readers: their language only, root words find affixed forms, and the
index downloads only when the reader opens search.

The affixed-form queries run through the built site's own search worker in Node (the benchmark's
ranker; test_search_queries.py proves it ranks as the search box does); the language of the results
and the lazy index are checked with real searches in headless Chromium over http.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from conftest import search_results
from handbook.benchmarks import search as ranker

# (query, a page that never uses the query word itself, only affixed forms of it).
# test_pairs_are_real_affix_cases checks that claim against the built index, so a content change
# that breaks it names the pair instead of passing on a page that says the word plainly.
AFFIX_PAIRS = [
    ("layanan", "glosarium/"),
    ("integritas", "studi-kasus/tugas-baru-tanpa-mentor/"),
    ("kerja", "konteks-lokal/"),
    ("sadar", "karakter/"),
    ("percaya", "karakter/empati-sosial/"),
    ("batas", "karakter/empati-sosial/"),
    ("baca", "tentang/"),
    ("dengar", "karakter/semangat-pembelajar/"),
    ("tanya", "karakter/"),
    ("kirim", "karakter/ketahanan-mental/"),
    ("jelas", "glosarium/"),
    ("bantu", "tentang/"),
    ("atur", "konteks-lokal/wilayah-kepulauan/"),
    ("lapor", "studi-kasus/rapat-ohoi-yang-memanas/"),
    ("simpan", "studi-kasus/lelah-di-musim-barat/"),
    ("hormat", "karakter/jiwa-wirausaha/"),
    ("putus", "glosarium/"),
    ("hubung", "karakter/kesadaran-digital/"),
    ("periksa", "studi-kasus/unggahan-media-sosial-pelayanan/"),
    ("pakai", "konteks-lokal/adat-dan-keberagaman/"),
    ("rencana", "konteks-lokal/keterbatasan-infrastruktur/"),
    ("selamat", "konteks-lokal/wilayah-kepulauan/"),
    ("ingat", "karakter/komunikasi/"),
    ("tunggu", "studi-kasus/lelah-di-musim-barat/"),
]
# The issue's own examples: the root finds the page of the affixed form (the page may also say the root).
NAMED_PAIRS = [("layanan", "konteks-lokal/pelayanan-fleksibel/"), ("integritas", "karakter/integritas/"), ("komunikasi", "karakter/komunikasi/")]


def _page_words(index_path) -> dict[str, set[str]]:
    words = defaultdict(set)
    for doc in json.loads(index_path.read_text(encoding="utf-8"))["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).lower()
        words[doc["location"].split("#")[0]].update(re.findall(r"[a-z]+", text))
    return words


def _results(page, served_site, start: str, query: str) -> list[str]:
    """Every result link of a search typed on ``start``, as paths under the site."""
    page.goto(served_site + start)
    hrefs = search_results(page, query)
    return [re.sub(r"[?#].*$", "", href).removeprefix(served_site) for href in hrefs]


def test_each_language_has_its_own_index(built_site):
    indonesian = json.loads((built_site / "search/search_index.json").read_text())
    english = json.loads((built_site / "en/search/search_index.json").read_text())
    assert indonesian["config"]["lang"] == ["id"] and english["config"]["lang"] == ["en"]
    assert indonesian["docs"] and not [d for d in indonesian["docs"] if d["location"].startswith("en/")]
    assert {d["location"] for d in english["docs"]} == {d["location"] for d in indonesian["docs"]}, "same pages and ids"
    assert (built_site / "assets/javascripts/lunr/min/lunr.id.min.js").is_file()


def test_pairs_are_real_affix_cases(built_site):
    words = _page_words(built_site / "search/search_index.json")
    for query, expected in AFFIX_PAIRS:
        assert expected in words, f"{expected} is not a page"
        assert not any(w.startswith(query) for w in words[expected]), f"{expected} says '{query}…' itself: pick another page"
        assert any(query in w for w in words[expected]), f"{expected} has no affixed form of '{query}'"


@pytest.fixture(scope="module")
def indonesian_results(built_site) -> dict[str, list[str]]:
    queries = sorted({query for query, _ in AFFIX_PAIRS + NAMED_PAIRS})
    return dict(zip(queries, ranker.rank(built_site, "id", queries)))


@pytest.mark.parametrize("query, expected", AFFIX_PAIRS + NAMED_PAIRS)
def test_root_word_finds_affixed_forms(indonesian_results, query, expected):
    found = indonesian_results[query]
    assert expected in found, f"'{query}' did not find {expected}: {sorted(set(found))}"


def test_indonesian_search_box_finds_affixed_forms_in_indonesian_only(page, served_site):
    query, expected = NAMED_PAIRS[0]
    found = _results(page, served_site, "karakter/", query)
    assert expected in found, f"'{query}' did not find {expected}: {sorted(set(found))}"
    assert not [path for path in found if path.startswith("en/")], "Indonesian search returned English pages"


def test_english_search_returns_english_pages_only(page, served_site):
    found = _results(page, served_site, "en/karakter/", "integrity")
    assert "en/karakter/integritas/" in found
    assert all(path.startswith("en/") for path in found), found


def test_search_index_downloads_only_when_search_opens(page, served_site):
    page.goto(served_site + "karakter/integritas/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.requested if "search_index" in url], "index fetched before search was opened"
    page.locator("input.md-search__input").click()
    page.wait_for_load_state("networkidle")
    assert [url for url in page.requested if url.endswith("search/search_index.json")]


def test_english_pages_search_the_english_index(built_site):
    """English pages, the English 404 included, point Material's base (where it finds the index) at en/."""
    pattern = re.compile(r'<script id="__config" type="application/json">\{[^<]*?"base": "([^"]*)"')
    for path in ("en/karakter/integritas/index.html", "en/index.html", "en/404.html"):
        assert pattern.search((built_site / path).read_text(encoding="utf-8"))[1].endswith("en/"), path
    for path in ("karakter/integritas/index.html", "404.html"):
        assert not pattern.search((built_site / path).read_text(encoding="utf-8"))[1].endswith("en/"), path
