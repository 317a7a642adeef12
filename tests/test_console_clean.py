"""Every page of both languages, served over http, loads with no console error, no failed or 4xx/5xx
request and no request to another host (the hreflang alternates are absolute addresses under
SITE_URL, https://example.org/pedoman/, which is not where the test serves the site).

Read from the shared crawl (site_crawl.py): one browser context per language, whose first page is
a first visit (no worker yet) and the others served through the service worker.
"""

from __future__ import annotations

import pytest

from conftest import I18N_LANGUAGES, NAV_PAGES, SUBPATH_SITE_URL

LANGUAGES = [language["locale"] for language in I18N_LANGUAGES]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_console_error_failed_request_or_other_host(site_crawl, lang):
    records = site_crawl.of(lang)
    assert len(records) == NAV_PAGES  # every page of the nav, in this language
    for path, record in records.items():
        # One alternate per language and x-default, every one an absolute address under SITE_URL.
        assert sorted(hreflang for hreflang, _ in record.alternates) == sorted([*LANGUAGES, "x-default"]), path
        assert all(href.startswith(SUBPATH_SITE_URL) for _, href in record.alternates), (path, record.alternates)
    assert site_crawl.problems[lang] == []
    assert site_crawl.problems[lang, "dark"] == []


def test_the_crawl_records_a_console_error_a_404_and_another_host(browser, served_site, tmp_path):
    """A page with each fault, crawled as the site is: each lands in the record."""
    import site_crawl

    page = browser.new_page()
    broken = served_site + "tidak-ada-halaman/"
    found = site_crawl.crawl_problems(page, served_site, f"""<html lang="id"><body>
        <script>console.error("rusak")</script><img src="{broken}gambar.png"><img src="https://evil-example.org/x.png">
        </body></html>""")
    page.close()
    assert any(": console: rusak" in line for line in found), found
    assert any(": 404: " in line for line in found), found
    assert any("other host: https://evil-example.org/x.png" in line for line in found), found
