"""Two builds of the same commit are byte-identical; dates follow SOURCE_DATE_EPOCH."""

from __future__ import annotations

import hashlib

import pytest


def _digest_tree(folder):
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.second_build
def test_a_second_build_is_byte_identical(built_site, second_build):
    """Site, PDFs and zip: `make site` twice on one commit gives the same bytes.

    The second build runs in the background beside the session's own from the start of the run
    (conftest: second_build).
    """
    first, second = _digest_tree(built_site), _digest_tree(second_build / "site")
    assert {"unduhan/pedoman-asn-malra-id.pdf", "unduhan/kartu-kasus-peserta-en.pdf", "unduhan/kartu-kasus-pelatih-id.pdf", "unduhan/kartu-karakter-en.pdf", "unduhan/pedoman-asn-malra-html.zip"} <= first.keys()
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_sitemap_dates_follow_source_date_epoch(built_site):
    sitemap = (built_site / "sitemap.xml").read_text()
    # conftest builds with SOURCE_DATE_EPOCH=1750000000, i.e. 2025-06-15.
    assert "<lastmod>2025-06-15</lastmod>" in sitemap
