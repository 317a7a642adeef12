"""What a reader does in a real browser: copy a section's link, switch language, skip to content.

Headless Chromium against the built site served over http under /pedoman/ (conftest's served_site).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import SUBPATH_SITE_URL


@pytest.mark.parametrize(
    "path, section, button, announced",
    [
        ("karakter/integritas/", "perilaku", "Salin tautan", "Tautan disalin"),
        ("en/karakter/integritas/", "perilaku", "Copy link", "Link copied"),
    ],
)
def test_copy_link_copies_the_absolute_section_url_from_the_keyboard(browser, served_site, path, section, button, announced):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served_site + path)
    control = page.locator(f"h2#{section} + button.pedoman-salin")
    assert control.inner_text() == button
    control.focus()
    page.keyboard.press("Enter")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{SUBPATH_SITE_URL}{path}#{section}"
    assert page.locator(".pedoman-status[role=status]").inner_text().startswith(announced)
    context.close()


def test_every_section_heading_has_a_copy_link_button(page, served_site, built_site):
    path = "studi-kasus/hoaks-di-grup-whatsapp/"
    page.goto(served_site + path)
    headings = page.locator("article h2[id], article h3[id]").count()
    # As many as the built page has (the browser sees them all), and every one gets its button.
    written = BeautifulSoup((built_site / path / "index.html").read_text(encoding="utf-8"), "lxml").select("article h2[id], article h3[id]")
    assert headings == len(written) > 0
    assert page.locator("article button.pedoman-salin").count() == headings


@pytest.mark.parametrize(
    "start, other, target",
    [
        ("karakter/integritas/#perilaku", "en", "en/karakter/integritas/#perilaku"),
        ("en/karakter/integritas/#refleksi", "id", "karakter/integritas/#refleksi"),
        ("", "en", "en/"),
    ],
)
def test_language_switcher_keeps_the_section(page, served_site, start, other, target):
    page.goto(served_site + start)
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{other}"]').click()
    page.wait_for_load_state()
    assert page.url == served_site + target


def test_skip_link_is_first_and_visibly_focused(page, served_site):
    page.goto(served_site + "karakter/integritas/")
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {cls: el.className, href: el.getAttribute('href'), outline: style.outlineStyle,
                visible: box.width > 0 && box.height > 0 && box.top >= 0};
    }""")
    assert "md-skip" in focused["cls"] and focused["href"].startswith("#")
    assert focused["visible"] and focused["outline"] != "none", focused


@pytest.mark.parametrize(
    "path, changed, report",
    [("karakter/integritas/", "Terakhir diubah", "Laporkan masalah"), ("en/karakter/integritas/", "Last changed", "Report a problem")],
)
def test_page_shows_freshness_report_link_and_link_preview_meta(page, served_site, path, changed, report):
    page.goto(served_site + path)
    info = page.locator("aside.pedoman-halaman-info")
    assert info.is_visible() and info.inner_text().startswith(changed)
    assert page.locator("aside.pedoman-halaman-info time").get_attribute("datetime")
    mail = page.get_by_role("link", name=report).get_attribute("href")
    assert mail.startswith("mailto:") and "integritas" in mail
    meta = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')]
        .map(m => [m.getAttribute('property') || m.getAttribute('name'), m.content]))""")
    assert meta["og:url"] == SUBPATH_SITE_URL + path
    assert meta["og:image"].startswith("https://") and meta["twitter:card"] == "summary_large_image"
    assert meta["og:description"] and meta["og:title"].startswith(("Integritas", "Integrity"))


def test_printed_page_has_no_section_buttons_and_no_page_info(page, served_site):
    """A trainer prints a case for class: the copy and cite buttons and the page footer's info do
    not print (pedoman.css, @media print)."""
    page.goto(served_site + "studi-kasus/hadiah-upacara-adat/")
    shown = "els => els.filter(e => getComputedStyle(e).display !== 'none').length"
    selector = "article button.pedoman-salin, article button.pedoman-kutip, .pedoman-halaman-info"
    assert page.locator(selector).evaluate_all(shown) > 0  # on screen they are there
    page.emulate_media(media="print")
    assert page.locator(selector).evaluate_all(shown) == 0
