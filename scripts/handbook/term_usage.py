"""One gloss per term: every page writes a term of includes/terms.yml the same way.

- TERM_GLOSS: a page writes a variant that terms.yml says to avoid in its language, for a kept term
  (``ain ni ain`` never "satu punya satu"; ``kecamatan`` never "sub-district") or for a ``wording:``
  entry (CPNS formasi is an "intake", never a "formation"). Checked in the text and in front matter
  values (titles and summaries are read too); not in code, link targets or HTML tags.
- TERM_ITALIC: a term that terms.yml marks italic (for the page's language) written in roman, outside
  code, links, heading ids and front matter. The term is matched in the case terms.yml writes it
  ("ohoi", not the name "Ohoi Ngilngof"); a term counts as italic inside ``*...*``, ``_..._``,
  ``***...***`` or ``<em>``/``<i>``.

- TERM_GLOSS also when a term with a gloss is explained in brackets right after it with other words
  (``*maren* (kerja bakti)`` where terms.yml says ``gotong royong sukarela``).
- QUOTE_VARIANT: a quotation that renders a quote of terms.yml ``quotes:`` in other words (a
  stretch of text close to one rendering, but not any rendering and not a part of one).
- QUOTE_PARAPHRASE: words of ``never_quoted:`` (a reporter's paraphrase) inside quotation marks.

Run by scripts/handbook/commands/check_content.py; reads the rules through handbook/terms.py only.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from pathlib import Path

from .pages import FRONT_MATTER
from .terms import Quote, Term, Wording

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


TOKEN = re.compile(r"[^\W_][\w'’-]*")
QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»\n]{3,}?)[\"“”„«»]")
QUOTE_SIMILARITY = 0.6  # difflib ratio over words: "within limits" for "within limitations" is a variant


def _bracket_gloss_problems(text: str, readable: str, lang: str, terms: list[Term]) -> list[tuple[int, str, str]]:
    """A term with a gloss, followed by other words in brackets: ``*maren* (kerja bakti)``."""
    found = []
    for term in terms:
        gloss = term.gloss.get(lang)
        if not gloss:
            continue
        after = re.compile(term.pattern.pattern + r"[*_]{0,3}\s*\(([^()\n]{2,80})\)", term.pattern.flags)
        for match in after.finditer(readable):
            written = " ".join(re.sub(r"[*_]", "", match.group(1)).split())
            first = re.split(r"[;,]| atau | or ", written)[0].strip()
            if _same_gloss(written, gloss) or _same_gloss(first, gloss) or written.isupper() or not _shares_a_word(written, gloss):
                continue  # the gloss (or its plural), an acronym, or words that explain something else
            if True:
                found.append((_line(text, match.start(), 1), "TERM_GLOSS", f"'{term.term}' is glossed as '{written}'; the one gloss (includes/terms.yml) is '{gloss}'"))
    return found


def _same_gloss(written: str, gloss: str) -> bool:
    def core(text: str) -> str:  # without quotation marks and a leading article ("a", "the")
        words = text.casefold().strip("“”\"' ").split()
        return " ".join(words[1:] if len(words) > 1 and len(words[0]) <= 3 and words[0].isalpha() else words)

    written, gloss = core(written), core(gloss)
    return written in (gloss, gloss + "s", gloss + "es")


def _shares_a_word(written: str, gloss: str) -> bool:
    """Whether the bracket tries to explain the term: a word in common (by its first 5 letters)."""
    stems = lambda text: {w[:5] for w in TOKEN.findall(text.casefold()) if len(w) >= 4}  # noqa: E731
    return bool(stems(written) & stems(gloss))


def _tokens_with_offsets(text: str) -> list[tuple[str, int]]:
    return [(m.group(0).casefold(), m.start()) for m in TOKEN.finditer(text)]


def _is_part(words: list[str], renderings: list[list[str]]) -> bool:
    """True when ``words`` are a rendering or a contiguous part of one."""
    size = len(words)
    return any(words == r[i : i + size] for r in renderings for i in range(len(r) - size + 1))


def _ceiling(counted: Counter, rendering: list[str], size: int) -> float:
    """The highest SequenceMatcher ratio any stretch of ``rendering`` can have with a quotation of
    ``size`` words counted in ``counted``."""
    shared = sum((counted & Counter(rendering)).values())
    return 2 * shared / (size + shared) if shared else 0.0


def _quote_problems(text: str, readable: str, quotes: list[Quote]) -> list[tuple[int, str, str]]:
    """Every quotation (between quotation marks) of four words or more that is close to a stretch
    of a quote's rendering but is neither a rendering nor a part of one."""
    found = []
    renderings = [(quote, [[w.casefold() for w in TOKEN.findall(value)] for value in quote.text.values()]) for quote in quotes]
    for match in QUOTED.finditer(readable):
        words = [w.casefold() for w in TOKEN.findall(match.group(1))]
        if len(words) < 4:
            continue
        counted = Counter(words)
        for quote, rendered in renderings:
            if _is_part(words, rendered):
                break
            # A stretch of r is no closer than 2·m/(n + m), m the words the quotation shares with
            # all of r (n its own): the renderings that cannot reach the threshold are not compared.
            near = [r for r in rendered if _ceiling(counted, r, len(words)) >= QUOTE_SIMILARITY]
            best = max(
                (difflib.SequenceMatcher(None, words, r[j : j + len(words) + extra], autojunk=False).ratio()
                 for r in near for extra in (-1, 0, 1) for j in range(max(1, len(r) - len(words) + 1))),
                default=0.0,
            )
            if best >= QUOTE_SIMILARITY:
                wanted = " / ".join(f"{lang}: “{value}”" for lang, value in quote.text.items())
                found.append((_line(text, match.start(), 1), "QUOTE_VARIANT", f"this renders the quote '{quote.name}' in other words; write it as includes/terms.yml does ({wanted})"))
                break
    return found


def _paraphrase_problems(text: str, readable: str, lang: str, never_quoted: dict) -> list[tuple[int, str, str]]:
    found = []
    for phrase in never_quoted.get(lang, ()):
        pattern = _variant_pattern(phrase)
        for match in QUOTED.finditer(readable):
            if pattern.search(match.group(1)):
                found.append((_line(text, match.start(), 1), "QUOTE_PARAPHRASE", f"'{phrase}' is a reporter's paraphrase (includes/terms.yml never_quoted), not the speaker's words; take it out of quotation marks"))
    return found


def problems(path: Path, shown: str, lang: str, terms: list[Term], wording: list[Wording], quotes: list[Quote] = (), never_quoted: dict | None = None) -> list[tuple[int, str, str]]:
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
    found += _bracket_gloss_problems(text, readable, lang, terms)
    quotable = _masked(text, FENCE, COMMENT, ABBREVIATION, CODE, LINK_TARGET, URL, ATTRIBUTES)
    found += _quote_problems(text, quotable, list(quotes)) + _paraphrase_problems(text, quotable, lang, never_quoted or {})
    # TERM_ITALIC: the body only, also without whole links and heading ids.
    body = " " * body_offset + _masked(text[body_offset:], FENCE, COMMENT, ABBREVIATION, CODE, LINK, URL, ATTRIBUTES)
    italic_spans = [m.span() for pattern in ITALIC for m in pattern.finditer(body)]
    body = _masked(body, TAG)
    for term in terms:
        if not term.italic_in(lang):
            continue
        exact = re.compile(term.pattern.pattern)  # the case terms.yml writes it
        for match in exact.finditer(body):
            start, end = match.span()
            if not any(a <= start and end <= b for a, b in italic_spans):
                found.append((_line(text, start, 1), "TERM_ITALIC", f"'{term.term}' must be in italics (includes/terms.yml): write *{match.group(0)}*"))
    return sorted(set(found))
