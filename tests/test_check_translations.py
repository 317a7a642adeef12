"""`handbook check translations` (and `handbook sync`) and the translation banners: one fixture per defect, and the real docs.

Each fixture in tests/fixtures/translations/<defect>/ overlays tests/fixtures/translations/_base/
(a home page, and a page with every kind of element: front matter, sections, a table, a list, an
admonition, an image, links and Kei terms; in both languages):

  docs/          the pages as the translator left them; the test records them as synced
                 (`check_translations.py sync --all` writes translations.lock beside docs/)
  changed/docs/  edits to the Indonesian source made after that sync (the stale fixtures)

The test runs the checker and asserts the exit code and every `docs/<file>.md:<line>: CODE` line.
One tiny site is built twice to show the banner appear on the English page when an Indonesian
section changes, and go when the page is synced.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import ROOT, mkdocs_build, run_script, write_fixture_config

FIXTURES = ROOT / "tests" / "fixtures" / "translations"
LINE = re.compile(r"^docs/\S+\.md:\d+: [A-Z_]+: \S.*$")

# defect -> (exit status, the `file:line: CODE` of every line printed, in order)
EXPECTED = {
    "clean": (0, []),
    "missing_english_translation": (1, ["docs/baru.id.md:1: MISSING_TRANSLATION", "docs/baru.id.md:1: FALLBACK_PUBLISHED"]),
    "missing_indonesian_source": (1, ["docs/baru.en.md:1: MISSING_TRANSLATION"]),
    "section_id_missing": (1, ["docs/halaman.en.md:16: SECTION_IDS"]),
    "heading_without_id": (1, ["docs/halaman.en.md:14: SECTION_IDS", "docs/halaman.en.md:18: SECTION_IDS"]),
    "section_id_renamed": (1, ["docs/halaman.en.md:14: SECTION_IDS"]),
    "section_id_level": (1, ["docs/halaman.en.md:14: SECTION_IDS"]),
    "section_order": (1, ["docs/halaman.en.md:10: SECTION_IDS"]),
    "table_rows": (1, ["docs/halaman.en.md:22: STRUCTURE"]),
    "list_items": (1, ["docs/halaman.en.md:26: STRUCTURE"]),
    "admonition": (1, ["docs/halaman.en.md:18: STRUCTURE"]),
    "image": (1, ["docs/halaman.en.md:18: STRUCTURE"]),
    "link_target": (1, ["docs/halaman.en.md:18: STRUCTURE", "docs/halaman.en.md:34: STRUCTURE"]),
    "front_matter_key": (1, ["docs/halaman.en.md:1: FRONT_MATTER"]),
    "front_matter_slug": (1, ["docs/halaman.en.md:5: FRONT_MATTER"]),
    "front_matter_number": (1, ["docs/halaman.en.md:3: FRONT_MATTER"]),
    "untranslated_english": (1, ["docs/halaman.en.md:16: UNTRANSLATED"]),
    "untranslated_indonesian": (1, ["docs/halaman.id.md:16: UNTRANSLATED"]),
    "term_translated": (1, ["docs/halaman.en.md:10: TERM_TRANSLATED"]),
    # Stale sections are warnings: printed, exit 0 (see test_strict_makes_stale_an_error).
    "stale_section": (0, ["docs/halaman.en.md:18: STALE"]),
    "stale_opening": (0, ["docs/halaman.en.md:1: STALE"]),
    # A new Indonesian section: the missing id is a warning too while the section is stale.
    "stale_new_section": (0, ["docs/halaman.en.md:38: SECTION_IDS", "docs/halaman.en.md:38: STALE"]),
    "page_not_in_lock": (0, ["docs/baru.en.md:1: STALE"]),
}


def make_fixture(name, folder):
    """The fixture's docs in folder/docs, synced, then its later Indonesian edits applied."""
    docs = folder / "docs"
    shutil.copytree(FIXTURES / "_base" / "docs", docs)
    if (FIXTURES / name / "docs").is_dir():
        shutil.copytree(FIXTURES / name / "docs", docs, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".gitkeep"))
    synced = run_script("check_translations.py", "sync", "--all", "--docs", str(docs))
    assert synced.returncode == 0, synced.stderr
    if (FIXTURES / name / "changed" / "docs").is_dir():
        shutil.copytree(FIXTURES / name / "changed" / "docs", docs, dirs_exist_ok=True)
    return docs


def check(docs, *extra):
    return run_script("check_translations.py", "--docs", str(docs), *extra)


def located(result):
    return [line.split(": ", 2)[0] + ": " + line.split(": ", 2)[1] for line in result.stdout.splitlines()]


def test_every_defect_class_has_a_fixture():
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name != "_base"}
    assert folders == set(EXPECTED)


@pytest.mark.parametrize("defect", sorted(EXPECTED))
def test_defect_is_reported_at_its_line(defect, tmp_path):
    status, lines = EXPECTED[defect]
    result = check(make_fixture(defect, tmp_path))
    assert result.returncode == status, result.stdout + result.stderr
    assert located(result) == lines, result.stdout
    assert all(LINE.match(line) for line in result.stdout.splitlines()), result.stdout
    assert "Traceback" not in result.stderr


def test_strict_makes_stale_an_error(tmp_path):
    docs = make_fixture("stale_section", tmp_path)
    result = check(docs, "--strict")
    assert result.returncode == 1
    assert located(result) == ["docs/halaman.en.md:18: STALE"]
    assert "sync docs/halaman.en.md --section perilaku" in result.stdout


def test_sync_of_one_section_leaves_the_others_stale(tmp_path):
    docs = make_fixture("stale_section", tmp_path)
    source = docs / "halaman.id.md"
    source.write_text(source.read_text().replace("semua orang di ohoi adalah saudara", "semua warga di ohoi adalah saudara"))
    assert located(check(docs)) == ["docs/halaman.en.md:10: STALE", "docs/halaman.en.md:18: STALE"]

    synced = run_script("check_translations.py", "sync", "docs/halaman.en.md", "--section", "perilaku", "--docs", str(docs))
    assert synced.returncode == 0, synced.stderr
    assert located(check(docs)) == ["docs/halaman.en.md:10: STALE"]

    synced = run_script("check_translations.py", "sync", str(docs / "halaman.en.md"), "--docs", str(docs))
    assert synced.returncode == 0, synced.stderr
    result = check(docs, "--strict")
    assert (result.returncode, result.stdout) == (0, "")


def test_fallback_is_not_reported_when_the_config_turns_it_off(tmp_path):
    docs = make_fixture("missing_english_translation", tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\ntheme: {name: material}\nplugins:\n  - i18n:\n      fallback_to_default: false\n"
        "      languages:\n        - {locale: id, default: true, name: Indonesia}\n        - {locale: en, name: English}\n"
    )
    assert located(check(docs, "--config", str(config))) == ["docs/baru.id.md:1: MISSING_TRANSLATION"]


def test_json_output(tmp_path):
    docs = make_fixture("stale_new_section", tmp_path)
    result = check(docs, "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["exit"] == 0
    assert [(p["file"], p["line"], p["code"], p["severity"], p["section"]) for p in data["problems"]] == [
        ("docs/halaman.en.md", 38, "SECTION_IDS", "warning", "refleksi"),
        ("docs/halaman.en.md", 38, "STALE", "warning", "refleksi"),
    ]
    assert data["site_sections"]["(beranda)"]["stale"] == 1


def test_report_gives_completeness_per_site_section(tmp_path):
    docs = make_fixture("missing_english_translation", tmp_path)
    (docs / "karakter").mkdir()
    shutil.copy(docs / "halaman.id.md", docs / "karakter" / "integritas.id.md")
    shutil.copy(docs / "halaman.en.md", docs / "karakter" / "integritas.en.md")
    synced = run_script("check_translations.py", "sync", "docs/karakter/integritas.en.md", "--docs", str(docs))
    assert synced.returncode == 0 and "marked in sync" in synced.stdout, synced.stderr
    result = check(docs, "--report")
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line.startswith(("(beranda)", "karakter", "all"))}

    # Expected figures from the fixture itself: sections are the opening plus each ## section of
    # the Indonesian page; a page counts as complete when its English page exists and is synced.
    from handbook import translations as tr

    def sections(path):
        return len(tr.parse(path, path.name).sections)

    top = sorted(docs.glob("*.id.md"))
    translated = [p for p in top if p.with_name(p.name.replace(".id.md", ".en.md")).exists()]
    top_sections = sum(sections(p) for p in top)
    top_synced = sum(sections(p) for p in translated)
    character_sections = sections(docs / "karakter" / "integritas.id.md")
    # site section, pages, translated, in sync, sections, stale, complete
    assert rows["karakter"] == ["karakter", "1", "1", "1", str(character_sections), "0", "100%"]
    assert rows["(beranda)"] == ["(beranda)", str(len(top)), str(len(translated)), str(len(translated)), str(top_sections), "0", f"{100 * top_synced / top_sections:.0f}%"]
    assert len(translated) < len(top)  # the fixture's point: one page has no English yet
    assert "Problems: MISSING_TRANSLATION 1, FALLBACK_PUBLISHED 1" in result.stdout


BAD_INPUT = {
    "front matter that is not YAML": (
        lambda docs: (docs / "halaman.id.md").write_text("---\ntitle: [Integritas\nnomor: 1\n---\n\nTeks.\n"),
        "docs/halaman.id.md:",
        "front matter is not valid YAML",
    ),
    "a page that is not UTF-8": (
        lambda docs: (docs / "halaman.en.md").write_bytes(b"---\ntitle: Integrity\n---\n\n\xff\xfe\n"),
        "docs/halaman.en.md:1",
        "UTF-8",
    ),
    "no lock file": (
        lambda docs: (docs.parent / "translations.lock").unlink(),
        "translations.lock does not exist",
        "sync --all",
    ),
    "a lock file that is not JSON": (
        lambda docs: (docs.parent / "translations.lock").write_text('{\n  "pages": {\n    "halaman.en.md": {"_intro": "x",}\n  }\n}\n'),
        "translations.lock:3:",
        "not valid JSON",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_exits_2_with_the_file_and_line(case, tmp_path):
    spoil, where, fix = BAD_INPUT[case]
    docs = make_fixture("clean", tmp_path)
    spoil(docs)
    result = check(docs)
    assert result.returncode == 2, result.stdout + result.stderr
    assert where in result.stderr and fix in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_bad_terms_file_and_bad_sync_requests_exit_2(tmp_path):
    docs = make_fixture("clean", tmp_path)
    terms = tmp_path / "terms.yml"
    terms.write_text("terms:\n  - {term: ohoi, kind: kei}\n  - {term: [sasi, kind: kei}\n")
    result = check(docs, "--terms", str(terms))
    assert result.returncode == 2 and "terms.yml:3" in result.stderr and "Traceback" not in result.stderr, result.stderr
    for args, says in (
        (["sync", "docs/halaman.en.md", "--section", "tidak-ada"], "has no section 'tidak-ada'"),
        (["sync", "docs/tidak-ada.en.md"], "must exist"),
        (["sync"], "either page paths or --all"),
    ):
        result = run_script("check_translations.py", *args, "--docs", str(docs))
        assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)


def test_language_identification_on_sample_sentences():
    from handbook import translations

    words = translations.function_words(("id", "en"))
    assert translations.identify_block("Tolak dengan hormat dan jelaskan alasannya kepada warga yang datang.", words)[0] == "id"
    assert translations.identify_block("Refuse respectfully and explain why to the resident who came in.", words)[0] == "en"
    assert translations.identify_block("Langgur, Kei Kecil.", words)[0] is None  # too short to judge
    # A cited title in the other language does not make the block that language.
    assert translations.identify_block('Australian Public Service Commission, "APS Values and Code of Conduct in practice" (model keputusan REFLECT).', words)[0] is None


def test_check_content_reads_the_terms_file(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.id.md").write_text("---\ntitle: Beranda\n---\n\nVideo pendek di TikTok dan pesan di WhatsApp.\n")
    terms = tmp_path / "terms.yml"
    terms.write_text("terms:\n  - {term: WhatsApp, kind: name}\n")
    known = run_script("check_content.py", "--docs", str(docs))
    assert (known.returncode, known.stdout) == (0, "")
    unknown = run_script("check_content.py", "--docs", str(docs), "--terms", str(terms))
    assert unknown.stdout.startswith("docs/index.id.md:5: NO_ABBREVIATION: 'TikTok'"), unknown.stdout


def test_real_docs_pass():
    result = run_script("check_translations.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_banner_appears_when_an_indonesian_section_changes_and_goes_after_sync(tmp_path):
    docs = make_fixture("missing_english_translation", tmp_path)  # baru.id.md: published by fallback
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    source = docs / "halaman.id.md"
    source.write_text(source.read_text().replace("Pakai perahu dinas", "Pakai perahu dan kendaraan dinas"))
    config = write_fixture_config(tmp_path, ["index.md", "halaman.md", "baru.md"])
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr

    english = (site / "en" / "halaman" / "index.html").read_text()
    notice = re.search(r'<div class="admonition warning pedoman-terjemahan".*?</div>', english, re.S)
    assert notice, "no notice on the English page"
    assert '<a href="#perilaku">Key behaviours</a>' in notice.group(0)
    assert 'href="../../halaman/" hreflang="id"' in notice.group(0)
    assert "Summary" not in notice.group(0)  # only the stale section is named
    assert english.index("pedoman-terjemahan") < english.index('id="ringkasan"')  # at the top
    assert "pedoman-terjemahan" not in (site / "halaman" / "index.html").read_text()
    assert "pedoman-terjemahan" not in (site / "en" / "index.html").read_text()
    assert "Not yet translated" in (site / "en" / "baru" / "index.html").read_text()

    links = run_script("check_links.py", "--site", str(site), "--docs", str(docs), "--root", str(tmp_path))
    assert (links.returncode, links.stdout) == (0, ""), links.stdout  # the link to the original is no LANG_LEAK
    built = check(docs, "--site", str(site))
    assert "docs/baru.id.md:1: FALLBACK_PUBLISHED: the built site shows" in built.stdout

    synced = run_script("check_translations.py", "sync", "docs/halaman.en.md", "--docs", str(docs))
    assert synced.returncode == 0, synced.stderr
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    assert "pedoman-terjemahan" not in (site / "en" / "halaman" / "index.html").read_text()
    assert "Not yet translated" in (site / "en" / "baru" / "index.html").read_text()


@pytest.mark.parametrize("command", [[], ["sync", "--all"]])
def test_empty_docs_folder_exits_2_and_writes_nothing(tmp_path, command):
    docs = tmp_path / "docs"
    docs.mkdir()
    result = run_script("check_translations.py", *command, "--docs", str(docs))
    assert result.returncode == 2 and "holds no" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "translations.lock").exists()


def test_the_languages_and_their_direction_come_from_mkdocs_yml(tmp_path):
    """A handbook written in English first and translated into Indonesian: the checker takes the
    source and the translation from mkdocs.yml's i18n languages, not from the file suffixes it
    knows, and names the languages in its messages from their interface tables."""
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ntheme: {name: material}\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, default: true, name: English}\n        - {locale: id, name: Indonesia}\n",
        encoding="utf-8",
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    english = "---\ntitle: Gifts\n---\n\n## Behaviour {#perilaku}\n\nRefuse every gift that comes with the job, and explain why to the person who offers it.\n"
    (docs / "hadiah.en.md").write_text(english, encoding="utf-8")
    (docs / "hadiah.id.md").write_text(english.replace("title: Gifts", "title: Hadiah").replace("Behaviour", "Perilaku"), encoding="utf-8")
    (docs / "baru.en.md").write_text("---\ntitle: New\n---\n\nA page that is not translated yet, and the checker says so.\n", encoding="utf-8")
    synced = run_script("check_translations.py", "sync", "docs/hadiah.id.md", "--docs", str(docs))
    assert synced.returncode == 0 and "docs/hadiah.id.md: marked in sync" in synced.stdout, synced.stdout + synced.stderr
    result = check(docs)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("docs/baru.en.md:1: MISSING_TRANSLATION: no Indonesian translation docs/baru.id.md") for line in lines), lines
    assert any(line.startswith("docs/hadiah.id.md:7: UNTRANSLATED: this paragraph reads as English, not Indonesian") for line in lines), lines
    assert not any(line.startswith("docs/hadiah.en.md") for line in lines), lines


def test_a_one_language_handbook_has_no_translations_to_check(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme: {name: material, language: id}\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Beranda\n", encoding="utf-8")
    result = check(tmp_path / "docs")
    assert (result.returncode, result.stderr) == (0, "") and "one language (id)" in result.stdout
