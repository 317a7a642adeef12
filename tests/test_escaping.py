"""Front-matter text with ", <, > and & reaches the built HTML escaped: shown as written, no tag opened.

A tiny site inherits the real mkdocs.yml and its templates and hooks. Its pages put the four
characters in every front-matter field the templates and hooks print (title, ringkas, kata_kunci)
and the page is read back with a real HTML parser: the attribute and text values must equal the
front matter exactly, and no element or attribute may come from the front matter.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import TEST_CONTACT, mkdocs_build, write_fixture_config

TITLE = 'Judul "kutip" <b>tebal</b> & <i>lain</i>'
SUMMARY = 'Jujur" onfocus="alert(1)" <img src=x onerror=alert(2)> & teguh'
KEYWORD = '"amplop" <script>alert(3)</script>'


def page_source(body_heading: str) -> str:
    def quoted(text):
        return "'" + text.replace("'", "''") + "'"

    return (
        f"---\ntitle: {quoted(TITLE)}\nringkas: {quoted(SUMMARY)}\nkata_kunci: [{quoted(KEYWORD)}]\n---\n\n"
        f"<!-- auto: ringkas -->\n\n## {body_heading} {{#isi}}\n\nTeks.\n"
    )


@pytest.fixture(scope="module")
def escaped_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("escaping")
    docs = folder / "docs"
    docs.mkdir()
    (docs / "index.id.md").write_text(page_source("Isi"), encoding="utf-8")
    (docs / "index.en.md").write_text(page_source("Content"), encoding="utf-8")
    (docs / "halaman.id.md").write_text(page_source("Isi"), encoding="utf-8")
    (docs / "halaman.en.md").write_text(page_source("Content"), encoding="utf-8")
    config = write_fixture_config(folder, ["index.md", "halaman.md"])
    result = mkdocs_build(config, folder / "site", site_url="https://example.org/pedoman/", FEEDBACK_EMAIL=TEST_CONTACT)
    assert result.returncode == 0, result.stderr[-3000:]
    return folder / "site"


@pytest.mark.parametrize("path", ["halaman/index.html", "en/halaman/index.html"])
def test_front_matter_values_are_text_not_markup(escaped_site, path):
    html = (escaped_site / path).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    # Nothing from the front matter became an element or an attribute.
    assert soup.find("img", src="x") is None
    assert not soup.find_all(attrs={"onfocus": True}) and not soup.find_all(attrs={"onerror": True})
    assert all("alert(3)" not in (script.string or "") for script in soup.find_all("script"))
    assert soup.find("b", string="tebal") is None
    # Every value reads back exactly as written.
    meta = {tag.get("property") or tag.get("name"): tag.get("content") for tag in soup.find_all("meta")}
    assert meta["og:description"] == SUMMARY
    assert meta["twitter:description"] == SUMMARY
    assert meta["og:title"].startswith(TITLE + " · ")
    assert soup.find("p", class_="pedoman-ringkas").get_text() == SUMMARY
    nav_titles = [link.get_text(" ", strip=True) for link in soup.select(".md-nav__link")]
    assert any(TITLE in title for title in nav_titles), nav_titles
    mail = soup.find("a", href=lambda href: href and href.startswith("mailto:"))
    subject = parse_qs(urlsplit(mail["href"]).query)["subject"][0]
    assert subject.endswith(": " + TITLE), subject


def test_markup_of_the_page_still_renders(escaped_site):
    """Control: the escaping touches front matter only; the page body's own HTML still renders."""
    soup = BeautifulSoup((escaped_site / "halaman/index.html").read_text(encoding="utf-8"), "lxml")
    assert soup.find(id="isi") is not None and soup.find(id="isi").name == "h2"
