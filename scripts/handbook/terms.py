"""The terms that stay untranslated (includes/terms.yml), read the same way by every tool.

``check_translations.py`` reports a term of an Indonesian section that is missing from the English
one (TERM_TRANSLATED) and leaves terms out when it identifies a paragraph's language;
``check_content.py`` does not take the two-capital names here (BerAKHLAK, WhatsApp) for acronyms.
A malformed file raises ``ContentError`` naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handbook.project import INCLUDES

import yaml

from .pages import ContentError

DEFAULT_PATH = INCLUDES / "terms.yml"


@dataclass(frozen=True)
class Term:
    term: str
    kind: str  # kei, asn, place, name
    required: bool  # False: the English text may translate it in places (still not a language cue)
    pattern: re.Pattern  # whole words; exact case when the term has a capital, else any case


def load_terms(path: Path = DEFAULT_PATH, shown: str | None = None) -> list[Term]:
    """Every term of the file, in order; ContentError naming the line on any problem."""
    shown = shown or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(shown, 1, f"cannot read the terms file ({error.__class__.__name__}); restore includes/terms.yml from git") from None
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ContentError(shown, (mark.line + 1) if mark else 1, f"not valid YAML ({problem}); fix that line") from None
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ContentError(shown, 1, "expected a 'terms:' list of '{term: ..., kind: ...}' entries")
    terms = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) or not entry["term"].strip():
            raise ContentError(shown, _line_of(text, entry), f"each entry needs 'term: <text>' (found {entry!r})")
        word = " ".join(entry["term"].split())
        flags = 0 if word != word.lower() else re.I
        body = r"\s+".join(re.escape(part) for part in word.split())
        terms.append(Term(word, str(entry.get("kind", "")), entry.get("required", True) is not False, re.compile(rf"(?<!\w){body}(?!\w)", flags)))
    return terms


def _line_of(text: str, entry) -> int:
    """The line of a bad entry: the first line that mentions its text, else 1."""
    needle = str(entry.get("term") if isinstance(entry, dict) else entry)
    for number, line in enumerate(text.splitlines(), start=1):
        if needle and needle in line and not line.lstrip().startswith("#"):
            return number
    return 1
