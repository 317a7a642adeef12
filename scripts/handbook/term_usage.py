"""One gloss per term: every page writes a term of includes/terms.yml the same way.

- TERM_GLOSS: a page writes a variant that terms.yml says to avoid in its language, for a kept term
  (``ain ni ain`` never "satu punya satu"; ``kecamatan`` never "sub-district") or for a ``wording:``
  entry (CPNS formasi is an "intake", never a "formation"). Checked in the text and in front matter
  values (titles and summaries are read too); not in code, link targets or HTML tags.
- TERM_ITALIC: a term that terms.yml marks italic (for the page's language) written in roman, outside
  code, links, heading ids and front matter. The term is matched in the case terms.yml writes it
  ("ohoi", not the name "Ohoi Ngilngof"); a term counts as italic inside ``*...*``, ``_..._``,
  ``***...***`` or ``<em>``/``<i>``.

Run by scripts/handbook/commands/check_content.py; reads the rules through handbook/terms.py only.
"""

from __future__ import annotations

import re
from pathlib import Path

from .pages import FRONT_MATTER
from .terms import Term, Wording

FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
COMMENT = re.compile(r"<!--.*?-->", re.S)
CODE = re.compile(r"`[^`\n]+`")
LINK_TARGET = re.compile(r"\]\([^)\n]*\)|^\s*\[[^\]\n]+\]:\s*\S+.*$", re.M)
LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")
ATTRIBUTES = re.compile(r"\{[:#.][^}\n]*\}")
TAG = re.compile(r"<[^>\n]+>")
URL = re.compile(r"https?://\S+")
ABBREVIATION = re.compile(r"^\*\[[^\]\n]+\]:.*$", re.M)
ITALIC = (
    re.compile(r"(?<![*\\\w])\*\*\*(?!\s)(?:(?!\n\s*\n).)+?(?<!\s)\*\*\*(?!\*)", re.S),
    re.compile(r"(?<![*\\\w])\*(?![*\s])(?:(?!\n\s*\n)[^*])+?(?<![\s*\\])\*(?![*\w])", re.S),
    re.compile(r"(?<![_\\\w])_(?![_\s])(?:(?!\n\s*\n)[^_])+?(?<![\s_\\])_(?![_\w])", re.S),
    re.compile(r"<(em|i)\b[^>]*>.*?</\1>", re.S),
)


def _blank(match: re.Match) -> str:
    """The match as spaces, keeping its line breaks, so offsets and line numbers stay true."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _masked(text: str, *patterns: re.Pattern) -> str:
    for pattern in patterns:
        text = pattern.sub(_blank, text)
    return text


def _line(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


def _variant_pattern(variant: str) -> re.Pattern:
    body = r"\s+".join(re.escape(part) for part in variant.split())
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)


def problems(path: Path, shown: str, lang: str, terms: list[Term], wording: list[Wording]) -> list[tuple[int, str, str]]:
    """(line, code, message) for every avoided variant and every roman italic term of one page."""
    text = path.read_text(encoding="utf-8")
    found: list[tuple[int, str, str]] = []
    front = FRONT_MATTER.match(text)
    body_offset = front.end() if front else 0
    # TERM_GLOSS: the whole file, front matter included, without code, link targets and tags.
    readable = _masked(text, FENCE, COMMENT, ABBREVIATION, CODE, LINK_TARGET, TAG, URL, ATTRIBUTES)
    rules = [(t.term, t.gloss, t.avoid) for t in terms] + [(w.name, w.gloss, w.avoid) for w in wording]
    for name, gloss, avoid in rules:
        for variant in avoid.get(lang, ()):
            for match in _variant_pattern(variant).finditer(readable):
                wanted = f"write '{gloss[lang]}'" if lang in gloss else "use the wording of includes/terms.yml"
                found.append((_line(text, match.start(), 1), "TERM_GLOSS", f"'{match.group(0)}' is a variant to avoid for '{name}' (includes/terms.yml); {wanted}"))
    # TERM_ITALIC: the body only, also without whole links and heading ids.
    body = " " * body_offset + _masked(text[body_offset:], FENCE, COMMENT, ABBREVIATION, CODE, LINK, URL, ATTRIBUTES)
    italic_spans = [m.span() for pattern in ITALIC for m in pattern.finditer(body)]
    body = _masked(body, TAG)
    for term in terms:
        if lang not in term.italic:
            continue
        exact = re.compile(term.pattern.pattern)  # the case terms.yml writes it
        for match in exact.finditer(body):
            start, end = match.span()
            if not any(a <= start and end <= b for a, b in italic_spans):
                found.append((_line(text, start, 1), "TERM_ITALIC", f"'{term.term}' must be in italics (includes/terms.yml): write *{match.group(0)}*"))
    return sorted(set(found))
