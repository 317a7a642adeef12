"""The edition (mkdocs.yml plugins > handbook > edition): on every page's footer, on every PDF cover, in the
"cite this section" control, and described on the changes page in both languages.

Expectations come from mkdocs.yml (edition, each language's site_name) and the interface tables
read as YAML here, never from the output or the hook.
"""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from pypdf import PdfReader

from conftest import ROOT, SUBPATH_SITE_URL
from handbook.downloads.book import nav_sources

# The interface tables as written, not as the hook reads them: the test must not share the code it checks.
LABELS = {lang: yaml.safe_load((ROOT / "scripts" / "handbook" / "interface_text" / f"{lang}.yml").read_text(encoding="utf-8"))["edition"] for lang in ("id", "en")}

with open(ROOT / "mkdocs.yml", encoding="utf-8") as _file:
    CONFIG = yaml_load(_file)
EDITION = str(next(p["handbook"] for p in CONFIG["plugins"] if isinstance(p, dict) and "handbook" in p)["edition"])
I18N = next(p["i18n"] for p in CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)
TITLES = {"id": CONFIG["site_name"], "en": next(l["site_name"] for l in I18N["languages"] if l["locale"] == "en")}
PDFS = [f"{name}-{lang}.pdf" for name in ("pedoman-asn-malra", "kartu-kasus-peserta", "kartu-kasus-pelatih", "kartu-karakter") for lang in ("id", "en")]


def html_pages(site):
    for path in sorted(site.rglob("*.html")):
        raw = path.read_text(encoding="utf-8")
        # Redirect stubs, and the worker's offline page (a standalone page, not the theme's), have no footer.
        # ... and index.linked.html, the same page with linked stylesheets that the worker serves.
        if 'name="pedoman-redirect"' not in raw and path.name not in ("offline.html", "index.linked.html"):
            yield path, BeautifulSoup(raw, "html.parser")


def test_edition_is_a_release_number():
    assert EDITION.count(".") == 1 and all(part.isdigit() for part in EDITION.split("."))


def test_every_page_shows_the_edition_in_its_language_and_links_the_changes_page(built_site):
    count = 0
    for path, soup in html_pages(built_site):
        lang = soup.html["lang"]
        link = soup.select_one("footer .pedoman-edisi a")
        assert link is not None, path
        assert link.get_text(strip=True) == LABELS[lang]["edition"].format(edition=EDITION), path
        target = (path.parent / link["href"]) if not link["href"].startswith("/") else built_site / link["href"].removeprefix("/pedoman/")
        assert (target / "index.html").resolve() == (built_site / ("en/" if lang == "en" else "") / "riwayat" / "index.html").resolve(), path
        count += 1
    assert count == 2 * len(nav_sources(CONFIG["nav"])) + 2  # every nav page in both languages, two 404 pages


def test_citation_template_names_the_handbook_and_edition(built_site):
    for path, soup in html_pages(built_site):
        lang = soup.html["lang"]
        expected = LABELS[lang]["cite"].format(title=TITLES[lang], edition=EDITION, section="{section}", address="{address}")
        assert soup.find("meta", attrs={"name": "pedoman:cite"})["content"] == expected, path


def test_changes_page_in_both_languages_with_the_same_section_ids(built_site):
    ids = {}
    for lang, folder in (("id", built_site), ("en", built_site / "en")):
        soup = BeautifulSoup((folder / "riwayat" / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        ids[lang] = [h["id"] for h in article.find_all(["h2", "h3"])]
        assert EDITION in article.get_text(), lang
    assert ids["id"] == ids["en"] and "edisi-" + EDITION.replace(".", "-") in ids["id"]


@pytest.mark.parametrize("name", PDFS)
def test_pdf_cover_shows_the_edition(downloads, name):
    lang = name.split("-")[-1].removesuffix(".pdf")
    cover = PdfReader(downloads / name).pages[0].extract_text().replace("\n", " ")
    word = {"id": "Edisi", "en": "Edition"}[lang]
    assert f"{word} {EDITION}" in cover, cover


@pytest.mark.parametrize("lang, path, section", [("id", "karakter/integritas/", "perilaku"), ("en", "en/karakter/integritas/", "perilaku")])
def test_cite_button_copies_the_citation_of_its_section(served_site, built_site, page, lang, path, section):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(served_site + path + f"#{section}")
    heading = page.locator(f"article h2#{section}")
    title = heading.evaluate("h => h.textContent.replace(/[¶#]\\s*$/, '').trim()")
    address = SUBPATH_SITE_URL + path + f"#{section}"
    expected = LABELS[lang]["cite"].format(title=TITLES[lang], edition=EDITION, section=title, address=address)
    button = page.locator(f"article h2#{section} ~ button.pedoman-kutip").first
    assert button.get_attribute("title") == expected
    assert button.inner_text() == {"id": "Kutip", "en": "Cite"}[lang]
    button.click()
    page.wait_for_timeout(200)
    assert page.evaluate("navigator.clipboard.readText()") == expected
