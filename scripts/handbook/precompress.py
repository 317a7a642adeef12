"""Precompressed copies for the web server: a ``.gz`` beside every text file of the built site.

nginx's ``gzip_static on`` (scripts/handbook/nginx_templates/rules.conf) then sends ``page.html.gz`` to a browser that
accepts gzip instead of compressing on every request. Level 9, no file name and mtime 0 in the
gzip header, so the same site always gives the same bytes. A file whose gzip would not be smaller
gets none. Called by scripts/handbook/commands/build_site.py after the site is built.
"""

from __future__ import annotations

import gzip
from pathlib import Path

EXTENSIONS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest")


def compress(data: bytes) -> bytes:
    """gzip -9 -n: no name, mtime 0 (gzip.compress writes no file name)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def precompress(site: Path) -> tuple[int, int, int]:
    """Write ``<file>.gz`` for every text file of ``site``; return (files, bytes before, bytes after)."""
    count = before = after = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in EXTENSIONS:
            continue
        data = path.read_bytes()
        packed = compress(data)
        target = path.with_name(path.name + ".gz")
        if len(packed) >= len(data):
            target.unlink(missing_ok=True)
            continue
        target.write_bytes(packed)
        count, before, after = count + 1, before + len(data), after + len(packed)
    return count, before, after
