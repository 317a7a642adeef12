"""Where a link stands in its Markdown source: link targets with their line numbers.

The link checker reads the built HTML, where MkDocs has already rewritten ``integritas.md#perilaku``
into ``../integritas/#perilaku``. To point the author at the right line, each Markdown target is
turned into the same site path the HTML link resolves to, and the two are matched.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from handbook.addresses import canonical_page

INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
RAW = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""")
MARKER = re.compile(r"^<!--\s*auto:")


@dataclass(frozen=True)
class SourceLink:
    line: int
    raw: str  # as written
    site_path: str | None  # canonical page path within the language, e.g. "karakter/integritas/"
    fragment: str


def links_in(markdown_file: Path, docs: Path) -> tuple[list[SourceLink], int | None]:
    """Every link target in a Markdown file, and the line of its first generated-list marker."""
    folder = markdown_file.parent.relative_to(docs).as_posix()
    folder = "" if folder == "." else folder
    found, marker = [], None
    for number, line in enumerate(markdown_file.read_text(encoding="utf-8").splitlines(), start=1):
        if marker is None and MARKER.match(line):
            marker = number
        targets = INLINE.findall(line) + RAW.findall(line)
        reference = REFERENCE.match(line)
        if reference:
            targets.append(reference.group(1))
        for raw in targets:
            parts = urlsplit(raw)
            site_path = None
            if not parts.scheme and parts.path.endswith(".md"):
                site_path = canonical_page(posixpath.normpath(posixpath.join(folder, unquote(parts.path))))
            found.append(SourceLink(number, raw, site_path, unquote(parts.fragment)))
    return found, marker


def find_line(links: list[SourceLink], raw_url: str, site_path: str | None, fragment: str) -> int | None:
    """The line of the Markdown link that produced a built link, or None."""
    for link in links:
        if link.raw == raw_url:
            return link.line
    if site_path is not None:
        for link in links:
            if link.site_path == site_path and link.fragment == fragment:
                return link.line
    return None
