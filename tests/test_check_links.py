"""`handbook check links`: two tiny fixture sites, and the real site.

tests/fixtures/links/clean/ is a home page and one page in both languages, with no problem.
tests/fixtures/links/defects/ is the same site with one page per defect class (most defects stand
on line 7 of their page; the duplicate id is on line 9 of halaman.id.md). Each site is built once
per module (not strict: the defects must reach the HTML); the checker must print exactly the
expected set of `file:line: CODE` lines.
"""

from __future__ import annotations

import http.server
import json
import re
import shutil
import threading

import pytest

from conftest import ROOT, mkdocs_build, run_script, write_fixture_config

FIXTURES = ROOT / "tests" / "fixtures" / "links"

# Every line the checker must print for the defects site, and nothing else.
EXPECTED = {
    "docs/halaman-hilang.id.md:7: MISSING_PAGE",
    "docs/jangkar-hilang.id.md:7: MISSING_ANCHOR",
    "docs/jangkar-inggris.en.md:7: MISSING_ANCHOR",
    "docs/bocor-ke-inggris.id.md:7: LANG_LEAK",
    "docs/bocor-ke-indonesia.en.md:7: LANG_LEAK",
    "docs/aset-hilang.id.md:7: MISSING_ASSET",
    "docs/halaman.id.md:9: DUPLICATE_ID",
    "docs/tautan-javascript.id.md:7: JS_URL",
    "docs/skrip.id.md:7: SCRIPT_IN_CONTENT",
    "docs/penangan-kejadian.id.md:7: EVENT_HANDLER",
}


def _build(name, folder):
    docs = folder / "docs"
    shutil.copytree(FIXTURES / name / "docs", docs)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    pages = sorted({path.name.split(".")[0] + ".md" for path in docs.glob("*.md")}, key=lambda page: page != "index.md")
    config = write_fixture_config(folder, pages)
    result = mkdocs_build(config, folder / "site", strict=False)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def defects_site(tmp_path_factory):
    return _build("defects", tmp_path_factory.mktemp("links-defects"))


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory):
    return _build("clean", tmp_path_factory.mktemp("links-clean"))


def private_copy(clean_site, tmp_path):
    """A private copy of the clean site (built once per module), for a test that edits its HTML."""
    shutil.copytree(clean_site, tmp_path, dirs_exist_ok=True)
    return tmp_path


def check(tmp_path):
    return run_script("check_links.py", "--site", str(tmp_path / "site"), "--docs", str(tmp_path / "docs"), "--root", str(tmp_path))


def test_every_problem_code_has_a_fixture():
    """Each code the checker documents is seeded in the defects site (EXTERNAL_BROKEN: its own test)."""
    doc = (ROOT / "scripts" / "handbook" / "commands" / "check_links.py").read_text(encoding="utf-8").split('"""')[1]
    documented = set(re.findall(r"^  ([A-Z][A-Z_]+) ", doc, re.M))
    seeded = {expected.split(": ")[1] for expected in EXPECTED}
    assert documented - seeded == {"EXTERNAL_BROKEN"}
    pages = {path.name.split(".")[0] for path in (FIXTURES / "defects" / "docs").glob("*.md")} - {"index"}
    assert pages == {line.split("/")[1].split(".")[0] for line in EXPECTED}, "every defect page needs an EXPECTED line, and the reverse"


def test_clean_fixture_passes(clean_site):
    result = check(clean_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_every_defect_is_reported_at_its_markdown_line_and_nothing_else(defects_site):
    result = check(defects_site)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert all(re.match(r"^docs/\S+\.md:\d+: [A-Z_]+: \S", line) for line in lines), lines
    assert sorted(line.split(": ")[0] + ": " + line.split(": ")[1] for line in lines) == sorted(EXPECTED)


def test_missing_site_is_bad_input(tmp_path):
    result = run_script("check_links.py", "--site", str(tmp_path / "nothing"))
    assert result.returncode == 2
    assert "build the site first" in result.stderr
    assert "Traceback" not in result.stderr


def test_page_that_is_not_utf8_is_bad_input(tmp_path, clean_site):
    private_copy(clean_site, tmp_path)
    (tmp_path / "site" / "halaman" / "index.html").write_bytes(b"<html>\xff\xfe</html>")
    result = check(tmp_path)
    assert result.returncode == 2
    assert "halaman/index.html: not UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_external_links_are_listed_not_checked_by_default(tmp_path, clean_site):
    private_copy(clean_site, tmp_path)
    page = tmp_path / "site" / "halaman" / "index.html"
    page.write_text(page.read_text().replace("<p>Teks.</p>", '<p><a href="https://example.net/x">x</a></p>'))
    result = check(tmp_path)
    assert result.returncode == 0
    assert "1 external link(s) not checked" in result.stderr
    listed = run_script("check_links.py", "--site", str(tmp_path / "site"), "--docs", str(tmp_path / "docs"), "--root", str(tmp_path), "--list-external")
    assert "EXTERNAL: https://example.net/x" in listed.stdout


def test_real_site_has_no_link_problems(built_site):
    result = run_script("check_links.py", "--site", str(built_site))
    assert result.returncode == 0, result.stdout + result.stderr


def _with_external_link(tmp_path, url, clean_site):
    private_copy(clean_site, tmp_path)
    page = tmp_path / "site" / "halaman" / "index.html"
    page.write_text(page.read_text().replace("<p>Teks.</p>", f'<p><a href="{url}">x</a></p>'))


def test_broken_external_link_is_reported_with_external(tmp_path, clean_site):
    """A local server answers 404: with --external the link is EXTERNAL_BROKEN, and cached."""

    class NotFound(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotFound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/hilang"
        _with_external_link(tmp_path, url, clean_site)
        cache = tmp_path / "cache.json"
        result = run_script("check_links.py", "--site", str(tmp_path / "site"), "--docs", str(tmp_path / "docs"), "--root", str(tmp_path), "--external", "--cache", str(cache))
    finally:
        server.shutdown()
    assert result.returncode == 1, result.stdout + result.stderr
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == ["EXTERNAL_BROKEN"]
    assert url in result.stdout and json.loads(cache.read_text())[url]["ok"] is False


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"https://x.org/": {"ok": "yes"}}'])
def test_unreadable_external_cache_is_unusable_input(tmp_path, content, clean_site):
    _with_external_link(tmp_path, "https://example.net/x", clean_site)
    cache = tmp_path / "cache.json"
    cache.write_text(content)
    result = run_script("check_links.py", "--site", str(tmp_path / "site"), "--docs", str(tmp_path / "docs"), "--root", str(tmp_path), "--external", "--cache", str(cache))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "cache.json" in result.stderr and "delete it" in result.stderr and "Traceback" not in result.stderr
