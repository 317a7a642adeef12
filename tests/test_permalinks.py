"""The permalink registry: published links keep working after pages and sections move."""

from __future__ import annotations

import re

from conftest import NAV_PAGES, ROOT, mkdocs_build, run_script, write_fixture_config



def _site(folder, page_name="halaman", section_id="bagian"):
    """A two-page bilingual site; returns its mkdocs.yml."""
    docs = folder / "docs"
    docs.mkdir(exist_ok=True)
    for old in docs.glob("*.md"):
        old.unlink()
    for lang in ("id", "en"):
        docs.joinpath(f"index.{lang}.md").write_text(f"---\ntitle: Beranda {lang}\n---\n\nTeks.\n")
        docs.joinpath(f"{page_name}.{lang}.md").write_text(
            f"---\ntitle: Halaman {lang}\n---\n\n## Bagian {{#{section_id}}}\n\nTeks.\n\n## Lain {{#lain}}\n\nTeks.\n"
        )
    return write_fixture_config(folder, ["index.md", f"{page_name}.md"])


def _build(config):
    result = mkdocs_build(config, config.parent / "site")
    assert result.returncode == 0, result.stderr
    return config.parent / "site"


def _registry(*args, folder):
    return run_script("permalinks.py", "--file", str(folder / "permalinks.txt"), *args)


def test_add_registers_every_page_and_section_in_both_languages(tmp_path):
    site = _build(_site(tmp_path))
    result = _registry("add", "--site", str(site), folder=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = {l for l in (tmp_path / "permalinks.txt").read_text().splitlines() if l and not l.startswith("#")}
    assert lines == {
        "/", "/en/", "/halaman/", "/halaman/#bagian", "/halaman/#lain",
        "/en/halaman/", "/en/halaman/#bagian", "/en/halaman/#lain",
    }
    assert _registry("check", "--site", str(site), "--strict", folder=tmp_path).returncode == 0


def test_removed_section_fails_with_registry_line(tmp_path):
    _registry("add", "--site", str(_build(_site(tmp_path))), folder=tmp_path)
    site = _build(_site(tmp_path, section_id="bagian-baru"))
    result = _registry("check", "--site", str(site), folder=tmp_path)
    assert result.returncode == 1
    registry_lines = (tmp_path / "permalinks.txt").read_text().splitlines()
    number = registry_lines.index("/halaman/#bagian") + 1
    assert f"permalinks.txt:{number}: PERMALINK_GONE: /halaman/#bagian no longer resolves" in result.stdout
    assert "/en/halaman/#bagian no longer resolves" in result.stdout


def test_moved_page_redirects_in_both_languages_and_keeps_the_fragment(tmp_path):
    _registry("add", "--site", str(_build(_site(tmp_path))), folder=tmp_path)
    assert _registry("move", "/halaman/", "/halaman-baru/", folder=tmp_path).returncode == 0
    site = _build(_site(tmp_path, page_name="halaman-baru"))
    assert _registry("check", "--site", str(site), folder=tmp_path).returncode == 0
    for prefix in ("", "en/"):
        redirect = (site / prefix / "halaman" / "index.html").read_text()
        target = re.search(r'url=([^"]+)"', redirect).group(1)
        assert (site / prefix / "halaman" / target / "index.html").resolve() == (site / prefix / "halaman-baru" / "index.html").resolve()
        assert "location.hash" in redirect


def test_renamed_section_keeps_answering_as_an_alias(tmp_path):
    _registry("add", "--site", str(_build(_site(tmp_path))), folder=tmp_path)
    assert _registry("move", "/halaman/#bagian", "/halaman/#bagian-baru", folder=tmp_path).returncode == 0
    site = _build(_site(tmp_path, section_id="bagian-baru"))
    assert _registry("check", "--site", str(site), folder=tmp_path).returncode == 0
    for prefix in ("", "en/"):
        html = (site / prefix / "halaman" / "index.html").read_text()
        assert re.search(r'<span id="bagian" class="pedoman-alias"[^>]*></span><h2 id="bagian-baru"', html), prefix


def test_malformed_registry_line_fails_the_build_with_its_line(tmp_path):
    config = _site(tmp_path)
    (tmp_path / "permalinks.txt").write_text("# header\n/halaman/\nhalaman-tanpa-garis\n")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "permalinks.txt:3: 'halaman-tanpa-garis' is not a permalink" in result.stderr
    checked = _registry("check", "--site", str(tmp_path), folder=tmp_path)
    assert checked.returncode == 2 and "Traceback" not in checked.stderr


def test_real_registry_is_complete_and_every_permalink_resolves(built_site):
    result = run_script("permalinks.py", "check", "--site", str(built_site), "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    # Every page of the nav is registered in both languages (and its sections besides).
    assert (ROOT / "permalinks.txt").read_text().count("\n") >= 2 * NAV_PAGES


def test_missing_registry_is_unusable_input(tmp_path):
    site = _build(_site(tmp_path))
    result = run_script("permalinks.py", "--file", str(tmp_path / "nowhere.txt"), "check", "--site", str(site))
    assert result.returncode == 2 and "nowhere.txt" in result.stderr and "does not exist" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
