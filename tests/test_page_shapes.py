"""The reader-first page shapes, on the built site in both languages: each character page opens
with a short summary, the home page shows the eight characters before anything else, and every
news source carries its address.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import VALUE_SLUGS, nav_section_pages
from handbook import page_shapes as shapes

LANGS = {"id": "", "en": "en/"}
CEREMONY = re.compile(r"30\s+(Juni|June)\s+2025")
MAX_SUMMARY_WORDS = 120


def _soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")


def _targets(page_path: str, links) -> set[str]:
    """Where links point, as site paths ("karakter/integritas/"), resolved from the page's address."""
    base = "/" + page_path.removesuffix("index.html")
    return {urljoin(base, a["href"]).split("#")[0].lstrip("/") for a in links if a.get("href") and "://" not in a["href"] and not a["href"].startswith("mailto:")}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", VALUE_SLUGS)
def test_character_summary_is_short_and_complete(built_site, lang, slug):
    path = f"{LANGS[lang]}karakter/{slug}/index.html"
    section = shapes.section(_soup(built_site, path), "ringkasan")
    assert section, f"{path}: no #ringkasan section"
    assert section[0].name == "p" and "pedoman-ringkas" in section[0].get("class", []), f"{path}: #ringkasan does not open with its lead sentence"
    lists = [element for element in section if element.name in ("ul", "ol")]
    assert len(lists) == 1 and 3 <= len(lists[0].find_all("li", recursive=False)) <= 5, f"{path}: #ringkasan needs one list of 3-5 key behaviours"
    assert any(element.name == "p" and "pedoman-waktu-baca" in element.get("class", []) for element in section), f"{path}: no reading time"
    count = shapes.words(section)
    assert count <= MAX_SUMMARY_WORDS, f"{path}: #ringkasan has {count} words (at most {MAX_SUMMARY_WORDS})"
    text = " ".join(element.get_text(" ") for element in section)
    assert not CEREMONY.search(text), f"{path}: #ringkasan tells the ceremony date; that belongs on the characters overview"


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_opens_with_the_eight_characters(built_site, lang):
    path = f"{LANGS[lang]}index.html"
    article = _soup(built_site, path).select_one("article")
    before_first_h2 = []
    for element in article.find_all(recursive=False):
        if element.name == "h2":
            break
        before_first_h2.append(element)
    cards = [li for element in before_first_h2 for li in element.select(".cards li")]
    characters = {f"{LANGS[lang]}karakter/{slug}/" for slug in VALUE_SLUGS}
    assert len(cards) == len(VALUE_SLUGS), f"{path}: {len(cards)} character cards before the first section"
    linked = [_targets(path, card.find_all("a")) & characters for card in cards]
    assert all(len(found) == 1 for found in linked) and set().union(*linked) == characters, f"{path}: cards link to {linked}"
    everywhere = _targets(path, article.find_all("a"))
    assert f"{LANGS[lang]}pelatih/" in everywhere, f"{path}: no link to the trainer guide"
    assert f"{LANGS[lang]}unduhan/" in everywhere, f"{path}: no link to the downloads"


def test_news_sources_carry_their_address(built_site, site_pages):
    problems, news = [], 0
    for path in [*site_pages["id"], *site_pages["en"]]:
        section = shapes.section(_soup(built_site, path), "sumber")
        text = " ".join(element.get_text(" ") for element in section)
        if re.search(r"pemberitaan\s+media", text, re.I):
            problems.append(f"{path}: #sumber says 'Pemberitaan media' instead of naming the report")
        for item in shapes.news_items(section):
            news += 1
            if not any(re.match(r"https?://", a.get("href", "")) for a in item.find_all("a")):
                problems.append(f"{path}: news item without its address: {item.get_text(' ', strip=True)[:100]}")
    # Every value page cites the source event (a news report, facts.md S1): at least one item each.
    assert news >= 2 * len(nav_section_pages("karakter")), f"{news} news items: fewer than the value pages alone cite"
    assert not problems, "\n".join(problems)
