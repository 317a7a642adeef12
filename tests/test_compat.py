"""scripts/compat.py (make compat) compares two built sites: the generator tag is ignored,
everything else that differs is reported. (The ProperDocs build itself needs .venv-compat; the
README records what `make compat` printed.)"""

from __future__ import annotations

import gzip

from conftest import run_script

from handbook.commands import compat

PAGE = '<html><head><meta name="generator" content="{}"></head><body>{}</body></html>'


def write(root, files):
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())


def test_only_the_generator_tag_and_gzip_headers_are_ignored(tmp_path):
    first, second = tmp_path / "mkdocs", tmp_path / "properdocs"
    write(first, {"index.html": PAGE.format("mkdocs-1.6.1", "Beranda"), "en/index.html": PAGE.format("mkdocs-1.6.1", "Home"),
                  "sitemap.xml.gz": gzip.compress(b"<urlset/>", mtime=1), "a.css": "a{}", "old.js": ""})
    write(second, {"index.html": PAGE.format("mkdocs-ProperDocs 1.6.7", "Beranda"), "en/index.html": PAGE.format("mkdocs-ProperDocs 1.6.7", "Hello"),
                   "sitemap.xml.gz": gzip.compress(b"<urlset/>", mtime=2), "a.css": "a{}", "new.js": ""})
    differences = dict(compat.compare(first, second))
    assert differences == {
        "old.js": "only in the MkDocs build",
        "new.js": "only in the ProperDocs build",
        "en/index.html": '-<html><head><meta name="generator" content=""></head><body>Home</body></html>',
    }


def test_a_missing_engine_is_reported_with_exit_2(tmp_path):
    result = run_script("compat.py", "--properdocs-python", "/bin/false", "--out", str(tmp_path))
    assert result.returncode == 2 and "no properdocs" in result.stderr
