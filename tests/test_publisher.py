"""Who issues the handbook, its status and a contact (mkdocs.yml plugins > handbook: publisher,
status, approval; handbook/publisher.py): in every page's footer, in a banner at the top of every
page while the edition is a draft, on every PDF cover and at the foot of every page of the books.

Expectations come from mkdocs.yml and the interface tables read here as YAML, never from the code
under test. Bad settings fail the build with the key named and no traceback.
"""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from conftest import I18N_LANGUAGES, ROOT, TEST_CONTACT, mkdocs_build, write_fixture_config
from handbook import publisher
from test_edition import html_pages as theme_pages  # pages with the theme's footer

with open(ROOT / "mkdocs.yml", encoding="utf-8") as _file:
    CONFIG = yaml_load(_file)
# The handbook plugin's options as mkdocs.yml writes them.
EXTRA = next(p["handbook"] for p in CONFIG["plugins"] if isinstance(p, dict) and "handbook" in p)
TEXT = {lang: yaml.safe_load((ROOT / "scripts" / "handbook" / "interface_text" / f"{lang}.yml").read_text(encoding="utf-8"))["publisher"] for lang in ("id", "en")}
NAMES = EXTRA["publisher"]["name"]
PDFS = [f"{name}-{lang}.pdf" for name in ("pedoman-asn-malra", "kartu-kasus-peserta", "kartu-kasus-pelatih", "kartu-karakter") for lang in ("id", "en")]


def expected(lang: str) -> tuple[str, str]:
    by = TEXT[lang]["by"].format(name=NAMES[lang])
    status = TEXT[lang]["draft"] if EXTRA["status"] == "draft" else TEXT[lang]["approved"].format(approval=EXTRA["approval"])
    return by, status


def squash(text: str) -> str:
    return " ".join(text.split())


def test_this_edition_is_a_draft_by_its_drafting_team_with_no_approval():
    # No source names an issuer or an approval (facts.md): the handbook must not claim one.
    assert EXTRA["status"] == "draft" and not EXTRA.get("approval")
    assert all("Tim Penyusun" in NAMES["id"] or "drafting team" in name for name in NAMES.values())
    assert "Pemerintah" not in NAMES["id"] and "Government" not in NAMES["en"]


def test_every_page_footer_names_publisher_status_and_contact_and_says_draft_at_its_top(built_site):
    count = 0
    for path, soup in theme_pages(built_site):
        lang = soup.html["lang"]
        by, status = expected(lang)
        footer = soup.select_one("footer .pedoman-penerbit")
        assert footer is not None, path
        text = squash(footer.get_text(" "))
        assert by in text and status in text, (path, text)
        contact = footer.find("a")
        assert contact is not None and contact["href"] == f"mailto:{TEST_CONTACT}" and TEST_CONTACT in contact.get_text(), path
        banner = soup.select_one(".md-banner .pedoman-draf")
        if EXTRA["status"] == "draft":
            assert banner is not None and status in squash(banner.get_text(" ")), path
        count += 1
    assert count > 2 * len([p for p in CONFIG["nav"]])  # every page of both languages, 404s included


def copyright_of(lang: str) -> str:
    """The footer's licence line for ``lang``: the i18n language's own, else the site's."""
    language = next(entry for entry in I18N_LANGUAGES if entry["locale"] == lang)
    return squash(language.get("copyright") or CONFIG["copyright"])


def test_every_page_footer_carries_the_licence_line_of_its_language(built_site):
    for path, soup in theme_pages(built_site):
        line = soup.select_one("footer .md-copyright__highlight")
        assert line is not None and squash(line.get_text(" ")) == copyright_of(soup.html["lang"]), path


def test_every_pdf_cover_names_publisher_and_status(pdf_text):
    for name in PDFS:
        lang = name.rsplit("-", 1)[1].removesuffix(".pdf")
        by, status = expected(lang)
        text = pdf_text(name)
        first = squash(text[0])
        if name.startswith(("pedoman-asn-malra", "kartu-kasus-pelatih")):  # the files with a cover
            assert squash(by) in first and status in first and TEST_CONTACT in first, (name, first[:400])
        if EXTRA["status"] == "draft":
            # Every page of the books, every card and handout: no printed page passes for approved.
            pages = [squash(page) for page in text]
            without = [number for number, text in enumerate(pages, start=1) if status not in text and text]
            if name.startswith(("kartu-kasus-peserta", "kartu-karakter")):
                # The cards carry it in each card's header line; the printed test after them too
                # would crowd its page, so only pages that start a card are held to it.
                starts = [number for number, text in enumerate(pages, start=1) if "QR" in text or "://" in text]
                without = [number for number in without if number in starts]
            assert not without, f"{name}: pages without the draft notice: {without[:10]}"


def _fixture(tmp_path, extra_lines: str):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.id.md").write_text("# Beranda\n\nTeks.\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Home\n\nText.\n", encoding="utf-8")
    config = write_fixture_config(tmp_path, ["index.md"])
    if extra_lines:
        config.write_text(config.read_text(encoding="utf-8") + extra_lines, encoding="utf-8")
    return config


def test_without_a_contact_no_contact_and_no_report_link_are_shown(tmp_path):
    config = _fixture(tmp_path, "")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    for page in ("index.html", "en/index.html"):
        soup = BeautifulSoup((tmp_path / "site" / page).read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one("footer .pedoman-penerbit") is not None
        assert not soup.select("a[href^='mailto:']"), page
        assert "example.org" not in soup.select_one("footer").get_text(), page


@pytest.mark.parametrize(
    "setting, words",
    [
        ("    status: final\n", "option 'status'"),
        ("    status: approved\n", "plugins > handbook > status is approved but approval is empty"),
        ("    approval: Keputusan Bupati Nomor 1 Tahun 2026\n", "plugins > handbook > approval is set while status is draft"),
        ("    publisher: {name: '', contact: ''}\n", "plugins > handbook > publisher.name is empty"),
        ("    publisher: {name: Tim, contact: 'call the office'}\n", "neither an e-mail address nor an http(s) address"),
        ("    edition: ''\n", "plugins > handbook > edition is missing or empty"),
    ],
)
def test_unusable_settings_fail_the_build_naming_the_key(tmp_path, setting, words):
    # A child mkdocs.yml that names a plugin's options replaces the inherited ones: give them all.
    usable = "    edition: '1'\n    download_prefix: contoh\n    publisher: {name: Tim}\n"
    config = _fixture(tmp_path, "plugins:\n  handbook:\n" + usable + setting)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0 and words in result.stderr and "Traceback" not in result.stderr, result.stderr[-1500:]


def test_approved_status_names_its_document_and_drops_the_draft_banner():
    labels = TEXT["id"]
    found = publisher.lines(publisher.load({"publisher": {"name": "Tim"}, "status": "approved", "approval": "Keputusan <Bupati> Nomor 1"}), "id", labels)
    assert found["status"] == labels["approved"].format(approval="Keputusan <Bupati> Nomor 1") and not found["draft"]
