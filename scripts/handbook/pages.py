"""Reading handbook pages: front matter with line numbers, and checks against the page formats.

A page's language comes from its file name (``integritas.id.md``) when the handbook has several
languages, and is the one language of a one-language handbook (``integritas.md``); its kind
(values, cases, context) from the folder mkdocs.yml names for that kind (handbook/settings.py).

Errors are ``ContentError`` values that name the file and line and say how to fix the problem;
callers print them (scripts) or raise them as build errors (hooks). Nothing here prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import vocabulary

# PyYAML's libyaml loader (in its wheels) reads the same YAML with the same line marks about ten
# times faster than its pure-Python one, which stays the fallback where libyaml is missing.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
    section: str  # karakter: the folder
    lang: str  # id
    kind: str | None  # values: what the folder holds (plugins > handbook > sections), None if nothing known
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


def page_language(path: Path, languages) -> tuple[str, str] | None:
    """(slug, language) of a page file, or None if its name does not fit the handbook's languages."""
    slug, lang = split_name(path)
    if len(languages.codes) == 1:
        stem = path.name[: -len(".md")]
        return (stem, languages.default) if "." not in stem else ((slug, lang) if lang == languages.default else None)
    return (slug, lang) if lang in languages.codes else None


def page_file(folder: Path, slug: str, lang: str, languages) -> Path:
    """The file of a page in a language (``slug.lang.md``, or ``slug.md`` in a one-language handbook)."""
    return folder / (f"{slug}.md" if len(languages.codes) == 1 else f"{slug}.{lang}.md")


def read_page(path: Path, display: str | None = None, *, settings=None) -> Page:
    """Parse one page; raise ContentError on unreadable front matter or a name of no language.

    Without ``settings`` (readers that need only the text) the language is the file name's
    suffix and the kind is unknown."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(shown, 1, f"cannot read the file ({error.__class__.__name__}: {error}); save it as UTF-8 text") from None
    named = page_language(path, settings.languages) if settings else split_name(path)
    if named is None:
        codes = settings.languages.codes
        wanted = "end in .md (a one-language handbook)" if len(codes) == 1 else "end in " + " or ".join(f".{code}.md" for code in codes)
        raise ContentError(shown, 1, f"the file name must {wanted} (found '{path.name}'); rename it")
    slug, lang = named
    kind = settings.kind(path.parent.name) if settings else None
    match = FRONT_MATTER.match(text)
    if not match:
        return Page(path, slug, path.parent.name, lang, kind, {}, {}, text, 1)
    raw = match.group(1)
    try:
        meta = yaml.load(raw, Loader=SAFE_LOADER) or {}
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
    return Page(path, slug, path.parent.name, lang, kind, meta, meta_lines, text[match.end():], body_start)


def as_slug_list(value) -> list:
    """A slug or a list of slugs as a list of strings; anything else is left to front_matter_errors."""
    if value is None:
        return []
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    return [item for item in items if isinstance(item, str)]


TEXT_KEYS = ("title", "ringkas")


def front_matter_errors(page: Page, shown: str, slugs: dict[str, tuple]) -> list[ContentError]:
    """Missing keys and unknown slugs for a template page (``slugs``: kind -> the slugs of its pages)."""
    errors = []
    for key in vocabulary.REQUIRED_FRONT_MATTER.get(page.kind, ()):
        names_kind = vocabulary.SLUG_KEYS.get(key)
        if isinstance(names_kind, str) and names_kind not in slugs:
            continue  # it names pages of a kind this handbook does not have (e.g. no local context)
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
        if key not in page.meta or page.kind not in vocabulary.REQUIRED_FRONT_MATTER:
            continue
        if isinstance(allowed, str):  # the slugs of the handbook's own pages of that kind
            if allowed == page.kind:
                continue
            if allowed not in slugs:
                errors.append(ContentError(shown, page.line_of(key), f"'{key}' names {allowed} pages, but this handbook has none (mkdocs.yml: plugins > handbook > sections > {allowed}); remove the line or add the section"))
                continue
            allowed = slugs[allowed]
        value = page.meta[key]
        items = list(value) if isinstance(value, (list, tuple)) else ([] if value is None else [value])
        if any(not isinstance(item, str) for item in items):
            errors.append(
                ContentError(shown, page.line_of(key), f"'{key}' must be a slug or a list of slugs, e.g. {key}: [{allowed[0] if allowed else 'slug'}] (found {value!r})")
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


def section_pages(docs_dir: Path, section: str, lang: str, settings) -> list[Page]:
    """Every non-index page of a folder in one language (falling back to the default language's),
    in the order of their front matter's ``nomor`` (then their slugs)."""
    folder = Path(docs_dir) / section
    named = (page_language(p, settings.languages) for p in folder.glob("*.md"))
    slugs = sorted({found[0] for found in named if found} - {"index"})
    pages = []
    for slug in slugs:
        path = page_file(folder, slug, lang, settings.languages)
        if not path.exists():
            path = page_file(folder, slug, settings.languages.default, settings.languages)
        pages.append(read_page(path, f"docs/{section}/{path.name}", settings=settings))
    return sorted(pages, key=lambda page: (_order(page.meta.get("nomor")), page.slug))


def _order(number) -> int:
    return number if isinstance(number, int) and not isinstance(number, bool) else 10**6


def kind_slugs(docs_dir: Path, settings) -> dict[str, tuple[str, ...]]:
    """kind -> the slugs of its pages, from their file names (default language), in their ``nomor``
    order; a page whose front matter cannot be read still counts (its reader reports it), last."""
    found = {}
    for kind, folder in settings.sections.items():
        path = Path(docs_dir) / folder
        if not path.is_dir():
            continue
        order = []
        for file in path.glob("*.md"):
            named = page_language(file, settings.languages)
            if not named or named[0] == "index" or named[1] != settings.languages.default:
                continue
            try:
                number = _order(read_page(file, settings=settings).meta.get("nomor"))
            except ContentError:
                number = 10**6
            order.append((number, named[0]))
        found[kind] = tuple(slug for _, slug in sorted(order))
    return found
