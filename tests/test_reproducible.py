"""Two builds of the same commit are byte-identical; dates follow SOURCE_DATE_EPOCH."""

from __future__ import annotations

import hashlib

from conftest import ROOT, SUBPATH_SITE_URL, mkdocs_build


def _digest_tree(folder):
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".build-log"
    }


def test_a_second_build_is_byte_identical(built_site, tmp_path):
    result = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "again", SUBPATH_SITE_URL)
    assert result.returncode == 0, result.stderr
    first, second = _digest_tree(built_site), _digest_tree(tmp_path / "again")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_sitemap_dates_follow_source_date_epoch(built_site):
    sitemap = (built_site / "sitemap.xml").read_text()
    # conftest builds with SOURCE_DATE_EPOCH=1750000000, i.e. 2025-06-15.
    assert "<lastmod>2025-06-15</lastmod>" in sitemap
