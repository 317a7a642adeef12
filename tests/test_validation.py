"""mkdocs.yml's validation makes every kind of broken link fail the strict build, in both languages.

Each case builds a tiny site that inherits the real mkdocs.yml (INHERIT) and seeds one defect into
one language's page. A control build without the defect passes.
"""

from __future__ import annotations

import pytest

from conftest import mkdocs_build, write_fixture_config

DEFECTS = {
    "missing_page": ("[x](tidak-ada.md)", "not found among documentation files"),
    "unrecognized_link": ("[x](halaman/)", "unrecognized relative link"),
    "absolute_link": ("[x](/halaman/)", "absolute link"),
    "missing_anchor": ("[x](halaman.md#tidak-ada)", "does not contain an anchor"),
}


def _tiny_site(folder, defect_lang=None, defect_link=""):
    config = write_fixture_config(folder, ["index.md", "halaman.md"])
    docs = folder / "docs"
    docs.mkdir()
    for lang in ("id", "en"):
        link = defect_link if lang == defect_lang else "[ok](halaman.md#bagian)"
        docs.joinpath(f"index.{lang}.md").write_text(f"---\ntitle: Beranda {lang}\n---\n\n{link}\n")
        docs.joinpath(f"halaman.{lang}.md").write_text(
            f"---\ntitle: Halaman {lang}\n---\n\n## Bagian {{#bagian}}\n\nTeks.\n"
        )
    return config


def test_control_site_without_defects_builds(tmp_path):
    result = mkdocs_build(_tiny_site(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_broken_link_fails_strict_build(tmp_path, defect, lang):
    link, message = DEFECTS[defect]
    result = mkdocs_build(_tiny_site(tmp_path, lang, link), tmp_path / "site")
    assert result.returncode != 0, f"{defect} in {lang} did not fail the build"
    assert message in result.stderr, result.stderr
    assert f"index.{lang}.md" in result.stderr
