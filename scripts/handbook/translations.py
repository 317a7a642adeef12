"""Translation parity of page pairs: sections, structure, terms, language, and the stale-section lock.

Used by ``handbook check translations`` (the checker and its ``sync`` command), by the build hook
``handbook/plugin/hooks/translation_banners.py`` (the notices on English pages) and by
``handbook/benchmarks/language_id.py``. Nothing here prints; errors are ``ContentError`` values that
name the file and line and say how to fix the problem.

A page is cut into *sections* at its ``##`` headings, keyed by their explicit ids; the part before
the first ``##`` heading (front matter included) is the section ``_intro``. ``###`` headings stay
inside their ``##`` section.

The lock (``translations.lock``, JSON, beside ``docs/``) holds, for each translated page
(``<page>.<lang>.md``), a hash of each section of its source (the default language's page) as it
was when the translation was last brought in line.
A section whose hash differs now (or that is new) is *stale*.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .pages import ContentError, Page, read_page
from .terms import Term, load_terms  # noqa: F401  (re-exported for the checker and the hook)

INTRO = "_intro"
LOCK_NAME = "translations.lock"
LOCK_VERSION = 1
LOCK_ABOUT = (
    "For each translated page (<page>.<lang>.md), a hash of each section of its source page when it "
    "was last translated. Do not edit by hand: after translating, run "
    "`handbook sync docs/<page>.<lang>.md [--section ID]`."
)
HASH_LENGTH = 16

# Front-matter keys whose values are translated; every other key must be identical in both files.
TRANSLATED_KEYS = ("title", "ringkas", "description", "kata_kunci", "gambar")

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ATTRS = re.compile(r"\s*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
TABLE_LINE = re.compile(r"^\s*\|")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(?=\S)")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[A-Za-z][\w-]*")
DEFINITION = re.compile(r"^\s*:\s{1,4}(?=\S)")
# [text](target "title") and ![alt](src): group 1 is "!" for an image.
INLINE_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
RAW_IMAGE = re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.I)
RAW_LINK = re.compile(r"<a\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"']", re.I)
COMMENT = re.compile(r"<!--.*?-->", re.S)


# --------------------------------------------------------------------------------------------
# Reading a page into sections and blocks


@dataclass
class Block:
    """A run of prose: a paragraph, a list item, a table row, a definition or an admonition title."""

    line: int
    kind: str
    text: str


@dataclass
class Section:
    ident: str  # heading id, or INTRO
    title: str  # heading text as written (without the {#id}); "" for the intro
    line: int  # line of the heading (the intro: the first line of the file)
    end: int  # last line
    raw: str  # the section's lines, heading included (the intro: front matter included)
    tables: list[int] = field(default_factory=list)  # line of each table's header row
    rows: list[int] = field(default_factory=list)  # line of each table row (separator excluded)
    items: list[int] = field(default_factory=list)  # list items
    admonitions: list[int] = field(default_factory=list)
    images: list[tuple[int, str]] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


@dataclass
class ParsedPage:
    page: Page
    shown: str  # docs/<file>.md
    lines: list[str]  # every line of the file
    sections: list[Section]
    unnamed: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of ## / ### headings without an id

    def section(self, ident: str) -> Section | None:
        return next((s for s in self.sections if s.ident == ident), None)

    def section_at(self, line: int) -> str:
        """The id of the section that holds a line."""
        return next((s.ident for s in reversed(self.sections) if s.line <= line), INTRO)


def heading_text(raw: str) -> str:
    """'Perilaku kunci {#perilaku}' -> 'Perilaku kunci'; emphasis marks removed."""
    text = HEADING_ATTRS.sub("", raw)
    return re.sub(r"[*_`]", "", text).strip()


def parse(path: Path, shown: str) -> ParsedPage:
    """Read a page (ContentError on bad front matter or an unreadable file) and cut it up."""
    try:
        page = read_page(path, shown)
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(shown, 1, f"cannot read the file ({error.__class__.__name__}: {error}); save it as UTF-8 text") from None
    lines = path.read_text(encoding="utf-8").splitlines()
    sections = [Section(INTRO, "", 1, len(lines), "")]
    in_fence, in_comment, in_table = False, False, False
    unnamed: list[tuple[int, str]] = []
    block: Block | None = None

    def close():
        nonlocal block
        if block is not None and block.text.strip():
            sections[-1].blocks.append(block)
        block = None

    for number in range(page.body_start, len(lines) + 1):
        line = lines[number - 1]
        current = sections[-1]
        if FENCE.match(line):
            close()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if in_comment or line.lstrip().startswith("<!--"):
            close()
            in_comment = "-->" not in line
            continue
        heading = HEADING.match(line)
        if heading:
            close()
            in_table = False
            ident = HEADING_ATTRS.search(heading.group(2))
            level = len(heading.group(1))
            if level in (2, 3) and not ident:
                unnamed.append((number, line.strip()))
            if level == 2 and ident:  # a heading without an id stays in the section before it
                current.end = number - 1
                sections.append(Section(ident.group(1), heading_text(heading.group(2)), number, len(lines), ""))
            continue
        if not line.strip():
            close()
            in_table = False
            continue
        if TABLE_LINE.match(line):
            close()
            if TABLE_SEPARATOR.match(line):
                if not in_table and current.rows:
                    current.tables.append(current.rows[-1])
                in_table = True
                continue
            current.rows.append(number)
            block = Block(number, "row", _cells(line))
            close()
            continue
        for image in INLINE_LINK.finditer(line):
            (current.images if image.group(1) else current.links).append((number, image.group(2)))
        current.images += [(number, src) for src in RAW_IMAGE.findall(line)]
        current.links += [(number, href) for href in RAW_LINK.findall(line)]
        reference = REFERENCE_DEFINITION.match(line)
        if reference:
            close()
            current.links.append((number, reference.group(1)))
            continue
        if ADMONITION.match(line):
            close()
            current.admonitions.append(number)
            title = re.search(r"\"([^\"]*)\"", line)
            if title:
                sections[-1].blocks.append(Block(number, "admonition", title.group(1)))
            continue
        item = LIST_ITEM.match(line)
        definition = DEFINITION.match(line)
        if item or definition:
            close()
            if item:
                current.items.append(number)
            block = Block(number, "item" if item else "definition", line[(item or definition).end():])
            continue
        if block is None:
            block = Block(number, "paragraph", line.strip())
        else:
            block.text += " " + line.strip()
    close()
    sections[-1].end = len(lines)
    for section in sections:
        section.raw = "\n".join(lines[section.line - 1 : section.end])
    return ParsedPage(page, shown, lines, sections, unnamed)


def _cells(line: str) -> str:
    return " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))


# --------------------------------------------------------------------------------------------
# Section hashes and the lock


def normalise(text: str) -> str:
    """A section's text with every run of whitespace made one space: re-wrapping is no change."""
    return " ".join(text.split())


def section_hashes(parsed: ParsedPage) -> dict[str, str]:
    """Section id -> short SHA-256 of its normalised text, in page order."""
    return {
        s.ident: hashlib.sha256(normalise(s.raw).encode("utf-8")).hexdigest()[:HASH_LENGTH]
        for s in parsed.sections
        if s.ident == INTRO or s.raw.strip()
    }


class LockError(ContentError):
    """A lock file that is missing or malformed."""


def read_lock(path: Path) -> dict[str, dict[str, str]]:
    """Translated page (docs-relative, e.g. 'karakter/integritas.en.md') -> section id -> hash."""
    shown = path.name
    if not path.exists():
        raise LockError(
            shown, 1,
            f"{path} does not exist; create it with: handbook sync --all",
        )
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise LockError(shown, 1, f"cannot read it ({error}); restore it from git") from None
    except json.JSONDecodeError as error:
        raise LockError(
            shown, error.lineno,
            f"not valid JSON ({error.msg}, column {error.colno}); restore it from git "
            "(git checkout translations.lock) and run the sync command again",
        ) from None
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict) or not all(
        isinstance(sections, dict) and all(isinstance(v, str) for v in sections.values()) for sections in pages.values()
    ):
        raise LockError(shown, 1, "expected {\"pages\": {\"<page>.<lang>.md\": {\"<section id>\": \"<hash>\"}}}; restore it from git")
    return pages


def write_lock(path: Path, pages: dict[str, dict[str, str]]) -> None:
    data = {"about": LOCK_ABOUT, "version": LOCK_VERSION, "pages": {key: pages[key] for key in sorted(pages)}}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def lock_path(docs: Path) -> Path:
    """The lock that belongs to a docs folder: translations.lock beside it."""
    return Path(docs).resolve().parent / LOCK_NAME


def counterpart(relative: str, lang: str) -> str:
    """'karakter/integritas.id.md' -> 'karakter/integritas.en.md' (lang='en')."""
    return re.sub(r"\.[^./]+\.md$", f".{lang}.md", relative)


@dataclass(frozen=True)
class Stale:
    ident: str
    reason: str  # "changed" or "new"


def stale_sections(source: ParsedPage, recorded: dict[str, str] | None) -> list[Stale] | None:
    """Sections of the Indonesian source changed or added since the lock entry; None: no entry."""
    if recorded is None:
        return None
    found = []
    for ident, digest in section_hashes(source).items():
        if ident not in recorded:
            found.append(Stale(ident, "new"))
        elif recorded[ident] != digest:
            found.append(Stale(ident, "changed"))
    return found


# --------------------------------------------------------------------------------------------
# Language identification: function-word counts (measured in handbook/benchmarks/language_id.py).
# Each language's function words are data: ``language.function_words`` in its interface table.

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_FUNCTION_WORDS = 3  # fewer function words than this: too little text to judge
DOMINANCE = 2.0  # one language's count must be at least this multiple of any other's


def plain_text(text: str, terms: list[Term] = ()) -> str:
    """Prose only: no code, links' targets, HTML, attribute lists, italics (foreign words) or terms."""
    text = COMMENT.sub(" ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"https?://\S+|\S+\.(?:com|id|org|go\.id)\b", " ", text)
    text = re.sub(r"(?<![*\w])\*(?!\*)[^*\n]+?\*(?!\*)|(?<!\w)_[^_\n]+?_(?!\w)", " ", text)
    for term in terms:
        text = term.pattern.sub(" ", text)
    return text


QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”]*”")


def function_words(languages: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each language's function words, from its interface table."""
    from handbook import interface

    return {lang: frozenset(str(interface.table(lang)["language"]["function_words"]).split()) for lang in languages}


def identify_block(text: str, words: dict[str, frozenset[str]]) -> tuple[str | None, dict[str, int]]:
    """Like identify(), but quotations (titles, quoted speech) are set aside: a page may cite a
    title in its original language. A block that is mostly quotation is judged whole."""
    unquoted = QUOTED.sub(" ", text)
    verdict = identify(unquoted, words)
    if verdict[0] is None:
        quoted_words = len(WORD.findall(text)) - len(WORD.findall(unquoted))
        if quoted_words >= 2 * len(WORD.findall(unquoted)):
            return identify(text, words)
    return verdict


def identify(text: str, words: dict[str, frozenset[str]]) -> tuple[str | None, dict[str, int]]:
    """(the language of a plain text or None, function words counted per language) among the
    languages of ``words`` (``function_words(languages)``)."""
    found = [w.lower() for w in WORD.findall(text)]
    counts = {lang: sum(w in known for w in found) for lang, known in words.items()}
    ranked = sorted(counts, key=counts.get, reverse=True)
    if not ranked or sum(counts.values()) < MIN_FUNCTION_WORDS:
        return None, counts
    best = counts[ranked[0]]
    runner_up = counts[ranked[1]] if len(ranked) > 1 else 0
    if best >= MIN_FUNCTION_WORDS and best >= DOMINANCE * runner_up:
        return ranked[0], counts
    return None, counts
