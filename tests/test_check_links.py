"""`handbook check links`: one tiny fixture site per defect class, and the real site.

Each fixture in tests/fixtures/links/<defect>/ overlays tests/fixtures/links/_base/ (a home page
and one page, in both languages) with the file that holds the defect. The test builds it (not
strict: the defect must reach the HTML), runs the checker, and asserts the exit code and the exact
`file:line: CODE` of the one problem.
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

EXPECTED = {
    "missing_page": "docs/index.id.md:7: MISSING_PAGE",
    "missing_anchor": "docs/index.id.md:7: MISSING_ANCHOR",
    "missing_anchor_in_english": "docs/index.en.md:7: MISSING_ANCHOR",
    "lang_leak_english_to_indonesian": "docs/index.en.md:7: LANG_LEAK",
    "lang_leak_indonesian_to_english": "docs/index.id.md:7: LANG_LEAK",
    "missing_asset": "docs/index.id.md:7: MISSING_ASSET",
    "duplicate_id": "docs/halaman.id.md:9: DUPLICATE_ID",
    "javascript_url": "docs/index.id.md:7: JS_URL",
    "script_in_content": "docs/index.id.md:7: SCRIPT_IN_CONTENT",
    "event_handler": "docs/index.id.md:7: EVENT_HANDLER",
}


def build_fixture(name, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "_base" / "docs", docs)
    shutil.copytree(FIXTURES / name / "docs", docs, dirs_exist_ok=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    config = write_fixture_config(tmp_path, ["index.md", "halaman.md"])
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    return tmp_path


def check(tmp_path):
    return run_script("check_links.py", "--site", str(tmp_path / "site"), "--docs", str(tmp_path / "docs"), "--root", str(tmp_path))


def test_every_problem_code_has_a_fixture():
    """Each code the checker documents is seeded by a fixture (EXTERNAL_BROKEN: see its own test)."""
    doc = (ROOT / "scripts" / "handbook" / "commands" / "check_links.py").read_text(encoding="utf-8").split('"""')[1]
    documented = set(re.findall(r"^  ([A-Z][A-Z_]+) ", doc, re.M))
    seeded = {expected.split(": ")[1] for expected in EXPECTED.values()}
    assert documented - seeded == {"EXTERNAL_BROKEN"}
    folders = {path.name for path in FIXTURES.iterdir() if path.is_dir()} - {"_base", "clean"}
    assert folders == set(EXPECTED), "every fixture folder needs an EXPECTED entry, and the reverse"


def test_clean_fixture_passes(tmp_path):
    result = check(build_fixture("clean", tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("defect", sorted(EXPECTED))
def test_defect_is_reported_at_its_markdown_line(defect, tmp_path):
    result = check(build_fixture(defect, tmp_path))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith(EXPECTED[defect] + ": "), lines[0]


def test_missing_site_is_bad_input(tmp_path):
    result = run_script("check_links.py", "--site", str(tmp_path / "nothing"))
    assert result.returncode == 2
    assert "build the site first" in result.stderr
    assert "Traceback" not in result.stderr


def test_page_that_is_not_utf8_is_bad_input(tmp_path):
    build_fixture("clean", tmp_path)
    (tmp_path / "site" / "halaman" / "index.html").write_bytes(b"<html>\xff\xfe</html>")
    result = check(tmp_path)
    assert result.returncode == 2
    assert "halaman/index.html: not UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_external_links_are_listed_not_checked_by_default(tmp_path):
    build_fixture("clean", tmp_path)
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


def _with_external_link(tmp_path, url):
    build_fixture("clean", tmp_path)
    page = tmp_path / "site" / "halaman" / "index.html"
    page.write_text(page.read_text().replace("<p>Teks.</p>", f'<p><a href="{url}">x</a></p>'))


def test_broken_external_link_is_reported_with_external(tmp_path):
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
        _with_external_link(tmp_path, url)
        cache = tmp_path / "cache.json"
        result = run_script("check_links.py", "--site", str(tmp_path / "site"), "--docs", str(tmp_path / "docs"), "--root", str(tmp_path), "--external", "--cache", str(cache))
    finally:
        server.shutdown()
    assert result.returncode == 1, result.stdout + result.stderr
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == ["EXTERNAL_BROKEN"]
    assert url in result.stdout and json.loads(cache.read_text())[url]["ok"] is False


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"https://x.org/": {"ok": "yes"}}'])
def test_unreadable_external_cache_is_unusable_input(tmp_path, content):
    _with_external_link(tmp_path, "https://example.net/x")
    cache = tmp_path / "cache.json"
    cache.write_text(content)
    result = run_script("check_links.py", "--site", str(tmp_path / "site"), "--docs", str(tmp_path / "docs"), "--root", str(tmp_path), "--external", "--cache", str(cache))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "cache.json" in result.stderr and "delete it" in result.stderr and "Traceback" not in result.stderr
