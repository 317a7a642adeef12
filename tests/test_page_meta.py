"""Every page carries link-preview meta, when it last changed, and a way to report a problem."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from bs4 import BeautifulSoup

from conftest import ROOT, SUBPATH_SITE_URL


def _html(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_open_graph_and_twitter_meta_with_absolute_urls(built_site, site_pages):
    assert (ROOT / "docs/assets/images/pratinjau.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for lang, pages in site_pages.items():
        for page in pages:
            html = _html(built_site / page)
            meta = {m.get("property") or m.get("name"): m["content"] for m in html.select("meta[content]")}
            for key in ("og:title", "og:description", "og:url", "og:image", "twitter:card", "twitter:title", "twitter:description", "twitter:image"):
                assert meta.get(key), f"{page}: no {key}"
            assert meta["og:url"] == SUBPATH_SITE_URL + page.as_posix().removesuffix("index.html"), page
            assert meta["og:image"] == SUBPATH_SITE_URL + "assets/images/pratinjau.png"
            assert (built_site / "assets/images/pratinjau.png").exists()
            assert meta["og:locale"] == ("en_GB" if lang == "en" else "id_ID")


def test_description_comes_from_front_matter(built_site):
    html = _html(built_site / "en" / "tentang" / "index.html")
    description = html.select_one('meta[property="og:description"]')["content"]
    assert description.startswith("Where the handbook comes from")


def test_last_changed_date_and_report_link_in_the_page_language(built_site, site_pages):
    for lang, pages in site_pages.items():
        for page in pages:
            aside = _html(built_site / page).select_one("aside.pedoman-halaman-info")
            assert aside is not None, page
            label = "Last changed" if lang == "en" else "Terakhir diubah"
            assert aside.get_text(" ", strip=True).startswith(label), page
            assert len(aside.time["datetime"]) == 10
            mail = next(a["href"] for a in aside.select("a") if a["href"].startswith("mailto:"))
            query = parse_qs(urlsplit(mail).query)
            assert SUBPATH_SITE_URL + page.as_posix().removesuffix("index.html") in unquote(query["body"][0])
            downloads = next(a["href"] for a in aside.select("a") if a.get_text(strip=True) in ("Unduhan", "Downloads"))
            assert ((built_site / page).parent / downloads / "index.html").resolve() == (built_site / ("en/" if lang == "en" else "") / "unduhan/index.html").resolve()


def test_english_dates_are_english(built_site):
    text = _html(built_site / "en" / "index.html").select_one("aside.pedoman-halaman-info time").get_text()
    month = text.split()[1] if text[0].isdigit() else text.split()[0]
    assert month in {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
