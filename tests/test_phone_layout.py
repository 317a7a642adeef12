"""Readable on a phone: at 360 px no page scrolls sideways and no table is wider than its column;
the Do/Avoid tables stack, each cell under its column's name. Every built page, both languages,
read from the shared crawl (site_crawl.py, headless Chromium).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import NAV_PAGES, nav_section_pages
from site_crawl import MEASURE, PHONE, WIDE_TABLE_VIEW

LANGUAGES = ["id", "en"]
DO_AVOID_HEADINGS = {"id": ["Lakukan", "Hindari"], "en": ["Do", "Avoid"]}


def overflow(path, found) -> list[str]:
    problems = []
    if found["scroll"] > PHONE["width"]:
        problems.append(f"{path}: page is {found['scroll']} px wide")
    for table in found["tables"]:
        if table["width"] > table["container"] + 0.5:
            problems.append(f"{path}: table '{table['head']}' is {table['width']:.0f} px in a {table['container']:.0f} px column")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_at_360px(site_crawl, lang):
    records = site_crawl.of(lang)
    assert len(records) == NAV_PAGES
    problems = [problem for path, record in records.items() for problem in overflow(path, record.phone)]
    assert not problems, "\n".join(problems)


def test_a_wide_table_and_a_wide_page_are_caught(browser):
    """The measurement the crawl records finds a planted overflow."""
    page = browser.new_page(viewport=PHONE)
    page.set_content('<article class="md-typeset"><div style="width:340px"><table style="width:900px"><tr><th>Lebar</th></tr></table></div></article>'
                     '<div style="width:800px">lebar</div>')
    found = page.evaluate(MEASURE)
    page.close()
    problems = overflow("planted", found)
    assert any("page is" in p for p in problems) and any("table 'Lebar'" in p for p in problems), problems


def _do_avoid_pages(built_site, site_pages, lang):
    found = []
    for path in site_pages[lang]:
        soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "lxml")
        for table in soup.select("article table"):
            headings = [th.get_text(strip=True) for th in table.select("thead th")]
            if headings == DO_AVOID_HEADINGS[lang]:
                found.append((path, headings))
                break
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_do_avoid_tables_stack_with_column_names(site_crawl, built_site, site_pages, lang):
    pages = _do_avoid_pages(built_site, site_pages, lang)
    values = nav_section_pages("karakter")
    assert len(pages) >= len(values), "every character page has a Do/Avoid table"
    for path, headings in pages:
        record = site_crawl.pages[lang, path]
        static = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser").select("article table[data-pedoman-tumpuk] tbody td")
        for width, stacked in ((PHONE["width"], True), (WIDE_TABLE_VIEW["width"], False)):
            cells = record.do_avoid.get(width, [])
            assert static and len(cells) == len(static), f"{path} at {width} px: {len(cells)} Do/Avoid cells in the browser, {len(static)} in the HTML"
            for index, cell in enumerate(cells):
                if stacked:
                    assert cell["display"] == "block", path
                    assert cell["label"] == f'"{headings[index % 2]}"', f"{path}: cell {index} shows {cell['label']}"
                    assert cell["width"] <= cell["column"], path
                else:
                    assert cell["display"] == "table-cell" and cell["label"] in ("none", "normal"), path
