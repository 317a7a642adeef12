"""Readable on a phone: at 360 px no page scrolls sideways and no table is wider than its column;
the Do/Avoid tables stack, each cell under its column's name. Every built page, both languages,
in headless Chromium.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import NAV_PAGES

PHONE = {"width": 360, "height": 740}

MEASURE = """() => {
  const column = document.querySelector("article.md-typeset") || document.querySelector(".md-content");
  const limit = column ? column.getBoundingClientRect().width : innerWidth;
  const tables = [...document.querySelectorAll("table")].filter(t => t.getClientRects().length).map(t => ({
    width: t.getBoundingClientRect().width,
    container: Math.min(t.parentElement.getBoundingClientRect().width, limit),
    head: (t.querySelector("th") || {}).textContent || "",
  }));
  return {scroll: document.documentElement.scrollWidth, tables};
}"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_page_scrolls_sideways_at_360px(phone, built_site, site_pages, lang):
    problems = []
    for path in site_pages[lang]:
        phone.goto((built_site / path).as_uri())
        found = phone.evaluate(MEASURE)
        if found["scroll"] > PHONE["width"]:
            problems.append(f"{path}: page is {found['scroll']} px wide")
        for table in found["tables"]:
            if table["width"] > table["container"] + 0.5:
                problems.append(f"{path}: table '{table['head']}' is {table['width']:.0f} px in a {table['container']:.0f} px column")
    assert len(site_pages[lang]) == NAV_PAGES
    assert not problems, "\n".join(problems)


def _do_avoid_pages(built_site, site_pages, lang):
    found = []
    for path in site_pages[lang]:
        soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "lxml")
        for table in soup.select("article table"):
            headings = [th.get_text(strip=True) for th in table.select("thead th")]
            if headings in (["Lakukan", "Hindari"], ["Do", "Avoid"]):
                found.append((path, headings))
                break
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_do_avoid_tables_stack_with_column_names(browser, built_site, site_pages, lang):
    pages = _do_avoid_pages(built_site, site_pages, lang)
    assert len(pages) >= 8, "every character page has a Do/Avoid table"
    for width, stacked in ((360, True), (1024, False)):
        context = browser.new_context(viewport={"width": width, "height": 800})
        tab = context.new_page()
        for path, headings in pages:
            tab.goto((built_site / path).as_uri())
            cells = tab.evaluate("""() => [...document.querySelectorAll("article table[data-pedoman-tumpuk] tbody td")].map(td => ({
                display: getComputedStyle(td).display,
                label: getComputedStyle(td, "::before").content,
                width: td.getBoundingClientRect().width,
                column: td.closest("article").getBoundingClientRect().width,
            }))""")
            static = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser").select("article table[data-pedoman-tumpuk] tbody td")
            assert static and len(cells) == len(static), f"{path}: {len(cells)} Do/Avoid cells in the browser, {len(static)} in the HTML"
            for index, cell in enumerate(cells):
                if stacked:
                    assert cell["display"] == "block", path
                    assert cell["label"] == f'"{headings[index % 2]}"', f"{path}: cell {index} shows {cell['label']}"
                    assert cell["width"] <= cell["column"], path
                else:
                    assert cell["display"] == "table-cell" and cell["label"] in ("none", "normal"), path
        context.close()
