"""Lists the build writes from front matter agree with the front matter, in both languages."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, VALUE_SLUGS, mkdocs_build, nav_section_pages, write_fixture_config
from handbook import vocabulary
from handbook.pages import as_slug_list, section_pages
from handbook.settings import load as load_settings

DOCS = ROOT / "docs"
LANGS = ["id", "en"]


def _html(site, lang, path):
    prefix = "en/" if lang == "en" else ""
    return BeautifulSoup((site / f"{prefix}{path}index.html").read_text(encoding="utf-8"), "lxml")


def _pages(section, lang):
    return {page.slug: page for page in section_pages(DOCS, section, lang, load_settings())}


def _text(element):
    return " ".join(element.get_text(" ", strip=True).split())


@pytest.mark.parametrize("lang", LANGS)
def test_character_cards_follow_front_matter(built_site, lang):
    html = _html(built_site, lang, "karakter/")
    cards = html.select("article .grid.cards > ul > li")
    characters = _pages("karakter", lang)
    assert len(cards) == len(VALUE_SLUGS) == len(characters)
    for card, slug in zip(cards, VALUE_SLUGS):
        meta = characters[slug].meta
        assert _text(card).startswith(f"{meta['nomor']} · {meta['title']}")
        assert " ".join(str(meta["ringkas"]).split()) in _text(card)
        assert card.select_one("a")["href"] == f"{slug}/"


@pytest.mark.parametrize("lang", LANGS)
def test_berakhlak_table_follows_front_matter(built_site, lang):
    html = _html(built_site, lang, "karakter/")
    rows = html.select_one("h2#peta-berakhlak").find_next("table").select("tbody tr")
    characters = _pages("karakter", lang)
    assert len(rows) == len(VALUE_SLUGS)
    for row, slug in zip(rows, VALUE_SLUGS):
        meta = characters[slug].meta
        first, values = row.find_all("td")
        assert _text(first) == f"{meta['nomor']}. {meta['title']}"
        names = [vocabulary.BERAKHLAK[v][0] for v in meta["berakhlak"]]
        assert [re.sub(r" \(.*\)$", "", part) for part in _text(values).split(", ")] == names


@pytest.mark.parametrize("lang", LANGS)
def test_character_picture_is_labelled_in_the_page_language(built_site, lang):
    svg = _html(built_site, lang, "karakter/").select_one("figure.pedoman-karakter svg")
    characters = _pages("karakter", lang)
    labels = [_text(text) for text in svg.select("text.label")]
    assert labels == [str(characters[s].meta["title"]) for s in VALUE_SLUGS]
    assert svg["role"] == "img" and all(str(characters[s].meta["title"]) in svg.desc.get_text() for s in VALUE_SLUGS)


@pytest.mark.parametrize("lang", LANGS)
def test_case_table_follows_front_matter(built_site, lang):
    rows = _html(built_site, lang, "studi-kasus/").select_one("h2#daftar").find_next("table").select("tbody tr")
    cases = _pages("studi-kasus", lang)
    characters, contexts = _pages("karakter", lang), _pages("konteks-lokal", lang)
    assert len(rows) == len(cases) == len(nav_section_pages("studi-kasus"))
    seen = set()
    for row in rows:
        cells = row.find_all("td")
        slug = cells[0].a["href"].strip("/").split("/")[-1]
        meta = cases[slug].meta
        seen.add(slug)
        chosen = as_slug_list(meta["karakter"])
        assert _text(cells[0]) == meta["title"]
        assert _text(cells[1]) == characters[chosen[0]].meta["title"]
        assert [a.get_text() for a in cells[2].find_all("a")] == [characters[s].meta["title"] for s in chosen[1:]]
        assert [a.get_text() for a in cells[3].find_all("a")] == [contexts[s].meta["title"] for s in as_slug_list(meta["konteks"])]
        assert _text(cells[4]) == str(meta["durasi"])
    assert seen == set(cases)


@pytest.mark.parametrize("lang", LANGS)
def test_each_character_page_lists_its_cases(built_site, lang):
    cases = _pages("studi-kasus", lang)
    for slug in VALUE_SLUGS:
        html = _html(built_site, lang, f"karakter/{slug}/")
        heading = html.select_one("h2#studi-kasus")
        listed = {a["href"].strip("/").split("/")[-1] for a in heading.find_next("ul").select("a")}
        expected = {c for c, page in cases.items() if slug in as_slug_list(page.meta["karakter"])}
        assert listed == expected and len(expected) >= 2, slug


@pytest.mark.parametrize("lang", LANGS)
def test_each_context_page_lists_its_characters_and_cases(built_site, lang):
    cases = _pages("studi-kasus", lang)
    for slug, page in _pages("konteks-lokal", lang).items():
        html = _html(built_site, lang, f"konteks-lokal/{slug}/")
        section = []
        for sibling in html.select_one("h2#karakter-terkait").find_next_siblings():
            if sibling.name == "h2":
                break
            section += [a["href"] for a in sibling.select("a")]
        characters = [h.strip("/").split("/")[-1] for h in section if "/karakter/" in h]
        listed_cases = {h.strip("/").split("/")[-1] for h in section if "/studi-kasus/" in h}
        assert characters == as_slug_list(page.meta["karakter"]), slug
        assert listed_cases == {c for c, p in cases.items() if slug in as_slug_list(p.meta["konteks"])}, slug


def _case_list_site(tmp_path, sections):
    """A site whose home page lists the cases; its one case names a value that has no page."""
    docs = tmp_path / "docs"
    (docs / "studi-kasus").mkdir(parents=True)
    (docs / "karakter").mkdir()
    for lang in LANGS:
        (docs / f"index.{lang}.md").write_text("---\ntitle: Beranda\n---\n\n<!-- auto: daftar-kasus -->\n")
        (docs / "karakter" / f"integritas.{lang}.md").write_text("---\ntitle: Integritas\nnomor: 1\nringkas: Jujur.\nberakhlak: [akuntabel]\n---\n\nTeks.\n")
        (docs / "studi-kasus" / f"kasus.{lang}.md").write_text(
            "---\ntitle: Kasus\nringkas: Satu.\nkarakter: [integritas, kejujuran]\ndurasi: 30\n---\n\nTeks.\n"
        )
    config = write_fixture_config(tmp_path, ["index.md", "karakter/integritas.md", "studi-kasus/kasus.md"], sections=sections)
    return mkdocs_build(config, tmp_path / "site")


def test_unknown_slug_in_front_matter_fails_the_build_naming_file_and_slug(tmp_path):
    result = _case_list_site(tmp_path, {"values": "karakter", "cases": "studi-kasus"})
    assert result.returncode != 0
    assert "docs/studi-kasus/kasus.id.md:4: unknown slug 'kejujuran' in 'karakter'; use one of: integritas" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_list_of_a_kind_the_handbook_does_not_have_fails_naming_the_option(tmp_path):
    result = _case_list_site(tmp_path, {"cases": "studi-kasus"})  # no values section
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/index.id.md: '<!-- auto: daftar-kasus -->' lists the values pages, but mkdocs.yml names no folder for them" in result.stderr
    assert "plugins > handbook > sections > values" in result.stderr


def test_unknown_marker_fails_the_build(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for lang in LANGS:
        (docs / f"index.{lang}.md").write_text("---\ntitle: Beranda\n---\n\nTeks.\n\n<!-- auto: daftar-salah -->\n")
    config = write_fixture_config(tmp_path, ["index.md"])
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "unknown list '<!-- auto: daftar-salah -->'" in result.stderr
