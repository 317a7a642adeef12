"""Two builds of the same commit are byte-identical; dates follow SOURCE_DATE_EPOCH."""

from __future__ import annotations

import hashlib

from conftest import build_handbook


def _digest_tree(folder):
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_second_build_is_byte_identical(request, tmp_path):
    """Site, PDFs and zip: `make site` twice on one commit gives the same bytes.

    This build comes first and asks for the session's build only after it: with two workers it
    runs while the other worker makes the session's build (conftest.LONG_FIRST puts it first).
    """
    result = build_handbook(tmp_path)
    assert result.returncode == 0, result.stderr
    built_site = request.getfixturevalue("built_site")
    first, second = _digest_tree(built_site), _digest_tree(tmp_path / "site")
    assert {"unduhan/pedoman-asn-malra-id.pdf", "unduhan/kartu-kasus-peserta-en.pdf", "unduhan/kartu-kasus-pelatih-id.pdf", "unduhan/kartu-karakter-en.pdf", "unduhan/pedoman-asn-malra-html.zip"} <= first.keys()
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_sitemap_dates_follow_source_date_epoch(built_site):
    sitemap = (built_site / "sitemap.xml").read_text()
    # conftest builds with SOURCE_DATE_EPOCH=1750000000, i.e. 2025-06-15.
    assert "<lastmod>2025-06-15</lastmod>" in sitemap
