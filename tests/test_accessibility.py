"""axe-core (bundled by axe-playwright-python) finds no violation on any page, in both languages,
in the light and the dark palette, in headless Chromium over http (the shared crawl, site_crawl.py)."""

from __future__ import annotations

import pytest

from conftest import NAV_PAGES

from site_crawl import PALETTE


@pytest.mark.parametrize("scheme", sorted(PALETTE))
def test_axe_finds_no_violations_on_any_page(site_crawl, scheme):
    problems, checked = [], 0
    for (lang, path), record in site_crawl.pages.items():
        assert record.scheme[scheme] == PALETTE[scheme], f"{path}: the {scheme} preference shows {record.scheme[scheme]}"
        for violation in record.axe[scheme]:
            problems.append(f"{path}: {violation['id']} ({violation['impact']}): {', '.join(violation['targets'])}")
        checked += 1
    assert checked == 2 * NAV_PAGES
    assert problems == [], "\n".join(problems)


def test_axe_reports_a_planted_violation(browser):
    """The crawl's axe call finds what axe finds: an image without text and a nameless button."""
    import site_crawl

    page = browser.new_page()
    page.set_content('<html lang="id"><body><main><img src="x.png"><button></button></main></body></html>')
    found = {violation["id"] for violation in site_crawl.axe_violations(page)}
    page.close()
    assert {"image-alt", "button-name"} <= found


def test_the_dark_palette_pass_reports_low_contrast(browser):
    """In the dark palette the crawl runs axe's colour rules: grey on grey text is found there."""
    import site_crawl

    page = browser.new_page(color_scheme="dark")
    page.set_content('<html lang="id"><body><main><p style="color:#555;background:#444">Teks redup</p><img src="x.png"></main></body></html>')
    found = {violation["id"] for violation in site_crawl.axe_violations(page, "dark")}
    page.close()
    assert found == {"color-contrast"}
