"""Reading handbook pages: front matter with line numbers, and checks against the vocabulary.

Errors are ``ContentError`` values that name the file and line and say how to fix the problem;
callers print them (scripts) or raise them as build errors (hooks). Nothing here prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import vocabulary

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
HEADING_ID = re.compile(r"^(#{2,6})\s+.*?\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.M)


@dataclass(frozen=True)
class ContentError(Exception):
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Page:
    path: Path  # as given, e.g. docs/karakter/integritas.id.md
    slug: str  # integritas
    section: str  # karakter
    lang: str  # id
    meta: dict
    meta_lines: dict = field(default_factory=dict)  # front-matter key -> line number
    body: str = ""
    body_start: int = 1  # line number of the body's first line

    def line_of(self, key: str) -> int:
        return self.meta_lines.get(key, 1)

    def heading_ids(self) -> list[tuple[str, int, int]]:
        """(id, level, line) of every heading with an explicit id, in order."""
        found = []
        in_fence = False
        for offset, line in enumerate(self.body.splitlines()):
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
                continue
            match = None if in_fence else HEADING_ID.match(line)
            if match:
                found.append((match.group(2), len(match.group(1)), self.body_start + offset))
        return found


def split_name(path: Path) -> tuple[str, str]:
    """'integritas.id.md' -> ('integritas', 'id')."""
    stem = path.name[: -len(".md")]
    slug, _, lang = stem.rpartition(".")
    return slug, lang


def read_page(path: Path, display: str | None = None) -> Page:
    """Parse one page; raise ContentError on unreadable front matter."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(shown, 1, f"cannot read the file ({error.__class__.__name__}: {error}); save it as UTF-8 text") from None
    slug, lang = split_name(path)
    if lang not in vocabulary.LANGUAGES:
        raise ContentError(
            shown, 1, f"the file name must end in .id.md or .en.md (found '.{lang}.md')"
        )
    match = FRONT_MATTER.match(text)
    if not match:
        return Page(path, slug, path.parent.name, lang, {}, {}, text, 1)
    raw = match.group(1)
    try:
        meta = yaml.safe_load(raw) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = (mark.line + 2) if mark else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ContentError(
            shown, line, f"front matter is not valid YAML ({problem}); fix the YAML between the '---' lines"
        ) from None
    if not isinstance(meta, dict):
        raise ContentError(shown, 2, "front matter must be a YAML mapping of 'key: value' lines")
    meta_lines = {}
    for number, line in enumerate(raw.splitlines(), start=2):
        key = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if key and key.group(1) not in meta_lines:
            meta_lines[key.group(1)] = number
    body_start = text[: match.end()].count("\n") + 1
    return Page(path, slug, path.parent.name, lang, meta, meta_lines, text[match.end():], body_start)


def as_slug_list(value) -> list:
    """A slug or a list of slugs as a list of strings; anything else is left to front_matter_errors."""
    if value is None:
        return []
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    return [item for item in items if isinstance(item, str)]


TEXT_KEYS = ("title", "ringkas")


def front_matter_errors(page: Page, shown: str) -> list[ContentError]:
    """Missing keys and unknown slugs for a template page."""
    errors = []
    for key in vocabulary.REQUIRED_FRONT_MATTER.get(page.section, ()):
        if key not in page.meta:
            errors.append(
                ContentError(shown, 1, f"front matter lacks '{key}'; add it (see CONTRIBUTING.md, Front matter)")
            )
    for key in TEXT_KEYS:
        if key in page.meta and not (isinstance(page.meta[key], str) and page.meta[key].strip()):
            errors.append(
                ContentError(shown, page.line_of(key), f"'{key}' must be one line of text (found {page.meta[key]!r}); quote it if it starts with a special character")
            )
    for key, allowed in vocabulary.SLUG_KEYS.items():
        if key not in page.meta or page.section not in vocabulary.REQUIRED_FRONT_MATTER:
            continue
        if key == "karakter" and page.section == "karakter":
            continue
        value = page.meta[key]
        items = list(value) if isinstance(value, (list, tuple)) else ([] if value is None else [value])
        if any(not isinstance(item, str) for item in items):
            errors.append(
                ContentError(shown, page.line_of(key), f"'{key}' must be a slug or a list of slugs, e.g. {key}: [{allowed[0]}] (found {value!r})")
            )
            continue
        for slug in as_slug_list(value):
            if slug not in allowed:
                errors.append(
                    ContentError(
                        shown,
                        page.line_of(key),
                        f"unknown slug '{slug}' in '{key}'; use one of: {', '.join(allowed)}",
                    )
                )
    return errors


def section_pages(docs_dir: Path, section: str, lang: str) -> list[Page]:
    """Every non-index page of a site section in one language (falls back to Indonesian)."""
    folder = Path(docs_dir) / section
    slugs = sorted({split_name(p)[0] for p in folder.glob("*.md")} - {"index"})
    pages = []
    for slug in slugs:
        path = folder / f"{slug}.{lang}.md"
        if not path.exists():
            path = folder / f"{slug}.{vocabulary.DEFAULT_LANGUAGE}.md"
        pages.append(read_page(path))
    return pages
