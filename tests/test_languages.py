"""Languages come from the configuration: a one-language handbook (Indonesian only, or English
only, without the i18n plugin) has no language folder, no switcher, nothing in another language in
its pages, offline page, manifest, 404 page, worker or search; a language without interface text
is refused with a message that says how to add it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CONFIG, ROOT, mkdocs_build

PUBLISHER = next(p["handbook"] for p in CONFIG["plugins"] if isinstance(p, dict) and "handbook" in p)["publisher"]["name"]


def one_language_site(folder: Path, lang: str, plugins: str = "") -> Path:
    """A small handbook in one language, written as another agency would (no INHERIT)."""
    docs = folder / "docs"
    (docs / "bantuan").mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: Beranda\n---\n\n# Beranda\n\nSelamat datang. [Bantuan](bantuan/index.md)\n", encoding="utf-8")
    (docs / "bantuan" / "index.md").write_text("---\ntitle: Bantuan\n---\n\n# Bantuan\n\nPetugas melayani warga dengan ramah.\n", encoding="utf-8")
    name = PUBLISHER[lang] if isinstance(PUBLISHER, dict) and lang in PUBLISHER else "Tim Contoh"
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Contoh\nsite_url: https://contoh.example.org/\n"
        f"theme:\n  name: material\n  language: {lang}\n  font: false\n"
        "plugins:\n  - search\n" + plugins
        + f"  - handbook:\n      edition: '1'\n      download_prefix: contoh\n      publisher: {{name: {json.dumps(name)}}}\n"
        "      sections: {downloads: bantuan}\n"
        "nav:\n  - index.md\n  - bantuan/index.md\n",
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="module", params=["id", "en"])
def one_language(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"one-language-{request.param}")
    result = mkdocs_build(one_language_site(folder, request.param), folder / "site", site_url=None)
    assert result.returncode == 0, result.stderr[-3000:]
    return request.param, folder / "site"


def test_every_file_is_in_the_one_language(one_language):
    lang, site = one_language
    others = [p.stem for p in (ROOT / "scripts" / "handbook" / "interface_text").glob("*.yml") if p.stem != lang]
    assert not any((site / other).exists() for other in others), "a folder of another language"
    for page in ("index.html", "bantuan/index.html", "404.html", "offline.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")
        assert soup.html["lang"] == lang, page
        assert not soup.select('link[rel="alternate"][hreflang]'), page  # no other language to point to
        assert not soup.select(".md-select"), page  # no language switcher
        assert not soup.select("[hreflang]"), page  # no link to another language (the 404 page offered one)
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == lang


def test_search_and_worker_use_the_language(one_language):
    lang, site = one_language
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    table = (ROOT / "scripts" / "handbook" / "interface_text" / f"{lang}.yml").read_text(encoding="utf-8")
    expected_lang = re.search(r"^  search: \{lang: \[(\w+)\]", table, re.M).group(1)
    assert index["config"]["lang"] == [expected_lang]
    assert {doc["location"].split("#")[0] for doc in index["docs"]} == {"", "bantuan/"}
    worker = (site / "sw.js").read_text(encoding="utf-8")
    facts = json.loads(re.search(r"self\.PEDOMAN = (\{.*?\});\n", worker).group(1))
    assert facts["offline"] == {lang: "offline.html"} and set(facts["save"]) == {lang}
    page = (site / "bantuan" / "index.html").read_text(encoding="utf-8")
    assert "data-offline-save=\"%s\"" % lang in page  # the downloads section gets the save control


def test_a_language_without_interface_text_is_refused_with_how_to_add_it(tmp_path):
    i18n = "  - i18n:\n      docs_structure: suffix\n      languages:\n        - {locale: id, default: true, name: Bahasa Indonesia, build: true}\n        - {locale: ms, name: Bahasa Melayu, build: true}\n"
    config = one_language_site(tmp_path, "id", plugins=i18n)
    result = mkdocs_build(config, tmp_path / "site", site_url=None)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no interface text for 'ms'" in result.stderr and "ms.yml" not in result.stderr.split("add ")[0]
    assert "<code>.yml" in result.stderr and str(config) in result.stderr


def _own_wording(folder: Path, tables: dict[str, str]) -> None:
    wording = folder / "teks"
    wording.mkdir()
    for lang, text in tables.items():
        (wording / f"{lang}.yml").write_text(text, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      sections:", "      interface_text: teks\n      sections:"), encoding="utf-8")


def test_a_handbook_adds_a_language_and_its_own_wording_without_code(tmp_path):
    """id + ms, where the engine has no table for ms: the handbook's own ms.yml (a whole table) and
    an id.yml that changes one label. Every file of the ms build is in ms, with its hreflang, its
    search settings and its interface text; the id pages show the handbook's wording."""
    i18n = "  - i18n:\n      docs_structure: suffix\n      languages:\n        - {locale: id, default: true, name: Bahasa Indonesia, build: true}\n        - {locale: ms, name: Bahasa Melayu, build: true}\n"
    config = one_language_site(tmp_path, "id", plugins=i18n)
    docs = tmp_path / "docs"
    for page in (docs / "index.md", docs / "bantuan" / "index.md"):
        text = page.read_text(encoding="utf-8")
        page.with_suffix(".id.md").write_text(text, encoding="utf-8")
        page.with_suffix(".ms.md").write_text(text.replace("Petugas melayani warga", "Pegawai melayan rakyat"), encoding="utf-8")
        page.unlink()
    malay = (ROOT / "scripts" / "handbook" / "interface_text" / "id.yml").read_text(encoding="utf-8")
    malay = malay.replace('title: "Halaman tidak ditemukan"', 'title: "Halaman tidak dijumpai"').replace("  locale: id\n", "  locale: ms\n")
    malay = malay.replace("native_name: Bahasa Indonesia", "native_name: Bahasa Melayu").replace("english_name: Indonesian", "english_name: Malay")
    _own_wording(tmp_path, {"ms": malay, "id": 'not_found:\n  title: "Alamat ini tidak ada"\n'})
    result = mkdocs_build(config, tmp_path / "site", site_url=None)
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    for page in ("ms/index.html", "ms/bantuan/index.html", "ms/404.html", "ms/offline.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")
        assert soup.html["lang"] == "ms", page
    home = BeautifulSoup((site / "ms" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert {link["hreflang"] for link in home.select('link[rel="alternate"][hreflang]')} == {"id", "ms", "x-default"}
    assert BeautifulSoup((site / "ms" / "404.html").read_text(encoding="utf-8"), "lxml").h1.get_text(strip=True) == "Halaman tidak dijumpai"
    assert BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml").h1.get_text(strip=True) == "Alamat ini tidak ada"
    assert json.loads((site / "ms" / "manifest.webmanifest").read_text(encoding="utf-8"))["lang"] == "ms"
    index = json.loads((site / "ms" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "bantuan/" in {doc["location"].split("#")[0] for doc in index["docs"]} and "melayan" in json.dumps(index)
    assert "melayani" not in json.dumps(index)  # the ms index holds the ms pages only


def test_a_wording_key_the_engine_lacks_stops_the_build_at_its_line(tmp_path):
    config = one_language_site(tmp_path, "id")
    _own_wording(tmp_path, {"id": "not_found:\n  title: Tidak ada\n  judul_lain: Salah ketik\n"})
    result = mkdocs_build(config, tmp_path / "site", site_url=None)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"{tmp_path / 'teks' / 'id.yml'}:3: the engine has no interface text 'not_found.judul_lain'" in result.stderr
