"""axe-core (via axe-playwright-python, which bundles it) finds no violation on any page, in both
languages, in the light and the dark palette, in headless Chromium over http."""

from __future__ import annotations

import pytest

from conftest import NAV_PAGES


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(browser, served_site, site_pages, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(color_scheme=scheme)  # the palette follows prefers-color-scheme
    page = context.new_page()
    problems, checked = [], 0
    for lang in ("id", "en"):
        for path in site_pages[lang]:
            url = served_site + path.as_posix().removesuffix("index.html")
            page.goto(url)
            expected = "slate" if scheme == "dark" else "default"
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected
            for violation in axe.run(page).response["violations"]:
                targets = ", ".join(str(node["target"][0]) for node in violation["nodes"][:3])
                problems.append(f"{path}: {violation['id']} ({violation['impact']}): {targets}")
            checked += 1
    context.close()
    assert checked == len(site_pages["id"]) + len(site_pages["en"]) == 2 * NAV_PAGES
    assert problems == [], "\n".join(problems)
