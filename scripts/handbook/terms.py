"""The terms that stay untranslated (includes/terms.yml), read the same way by every tool.

``check_translations.py`` reports a term of an Indonesian section that is missing from the English
one (TERM_TRANSLATED) and leaves terms out when it identifies a paragraph's language;
``check_content.py`` does not take the two-capital names here (BerAKHLAK, WhatsApp) for acronyms.
``term_usage.py`` (run by check_content.py) holds every page to one gloss per term: an avoided
variant of a term or of a ``wording:`` entry is TERM_GLOSS, an italic term in roman TERM_ITALIC.
A malformed file raises ``ContentError`` naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from handbook.project import INCLUDES

import yaml

from .pages import SAFE_LOADER, ContentError

DEFAULT_PATH = INCLUDES / "terms.yml"


@dataclass(frozen=True)
class Term:
    term: str
    kind: str  # kei, asn, place, name
    required: bool  # False: the English text may translate it in places (still not a language cue)
    pattern: re.Pattern  # whole words; exact case when the term has a capital, else any case
    gloss: dict = field(default_factory=dict, compare=False)  # language -> the one gloss ("satu memiliki satu")
    italic: bool | tuple = ()  # True: italics in every language; else the languages that write it in italics
    avoid: dict = field(default_factory=dict, compare=False)  # language -> variants never to write

    def italic_in(self, lang: str) -> bool:
        return self.italic is True or lang in self.italic


@dataclass(frozen=True)
class Quote:
    """A quote every page renders the same way: its one text per language (``quotes:``)."""

    name: str
    text: dict = field(default_factory=dict, compare=False)  # language -> the one rendering


@dataclass(frozen=True)
class Wording:
    """Wording that must be the same everywhere though it is no kept term (CPNS formasi: "intake")."""

    name: str
    gloss: dict = field(default_factory=dict, compare=False)
    avoid: dict = field(default_factory=dict, compare=False)


# A language key of gloss:, avoid: or italic: when the caller does not name the handbook's languages.
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")


def _is_language(key, languages: tuple[str, ...] | None) -> bool:
    return isinstance(key, str) and (key in languages if languages else bool(LANGUAGE_CODE.match(key)))


def load_terms(path: Path = DEFAULT_PATH, shown: str | None = None, languages: tuple[str, ...] | None = None) -> list[Term]:
    """Every term of the file, in order; ContentError naming the line on any problem. Per-language
    keys must be among ``languages`` (the handbook's) when given."""
    shown = shown or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(shown, 1, f"cannot read the terms file ({error.__class__.__name__}); restore includes/terms.yml from git") from None
    try:
        data = yaml.load(text, Loader=SAFE_LOADER) or {}
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
        gloss, avoid = _per_language(entry, shown, text, languages)
        italic = entry.get("italic", False)
        if italic is False:
            italic = ()
        elif isinstance(italic, list) and all(_is_language(lang, languages) for lang in italic):
            italic = tuple(italic)
        elif italic is not True:
            raise ContentError(shown, _line_of(text, entry), f"'{word}': italic is true, false or a list of {_languages_named(languages)} (found {italic!r})")
        terms.append(Term(word, str(entry.get("kind", "")), entry.get("required", True) is not False, re.compile(rf"(?<!\w){body}(?!\w)", flags), gloss, italic, avoid))
    return terms


def load_wording(path: Path = DEFAULT_PATH, shown: str | None = None, languages: tuple[str, ...] | None = None) -> list[Wording]:
    """The ``wording:`` entries: ``{name, gloss: {<lang>: ...}, avoid: {<lang>: [...]}}``; ContentError on a problem."""
    shown = shown or str(path)
    load_terms(path, shown, languages)  # the same file: its errors first
    text = Path(path).read_text(encoding="utf-8")
    entries = (yaml.load(text, Loader=SAFE_LOADER) or {}).get("wording") or []
    if not isinstance(entries, list):
        raise ContentError(shown, 1, "expected 'wording:' to be a list of '{name: ..., avoid: {en: [...]}}' entries")
    found = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ContentError(shown, _line_of(text, entry), f"each wording entry needs 'name: <text>' (found {entry!r})")
        gloss, avoid = _per_language(entry, shown, text, languages)
        if not avoid:
            raise ContentError(shown, _line_of(text, entry), f"wording '{entry['name']}' needs 'avoid: {{<language>: [...]}}': the variants a page must not use")
        found.append(Wording(entry["name"], gloss, avoid))
    return found


def _languages_named(languages: tuple[str, ...] | None) -> str:
    return f"languages (the handbook's: {', '.join(languages)})" if languages else "languages (codes such as id)"


def _per_language(entry: dict, shown: str, text: str, languages: tuple[str, ...] | None) -> tuple[dict, dict]:
    """An entry's ``gloss: {<lang>: ...}`` and ``avoid: {<lang>: [...]}``, keyed by the handbook's languages."""
    gloss, avoid = entry.get("gloss") or {}, entry.get("avoid") or {}
    name = entry.get("term") or entry.get("name")
    if not isinstance(gloss, dict) or not all(_is_language(k, languages) and isinstance(v, str) for k, v in gloss.items()):
        raise ContentError(shown, _line_of(text, entry), f"'{name}': gloss is '{{<language>: <text>, ...}}' keyed by {_languages_named(languages)} (found {gloss!r})")
    if not isinstance(avoid, dict) or not all(_is_language(k, languages) and isinstance(v, list) and all(isinstance(i, str) for i in v) for k, v in avoid.items()):
        raise ContentError(shown, _line_of(text, entry), f"'{name}': avoid is '{{<language>: [<variant>, ...]}}' keyed by {_languages_named(languages)} (found {avoid!r})")
    return dict(gloss), {lang: tuple(items) for lang, items in avoid.items()}


def _line_of(text: str, entry) -> int:
    """The line of a bad entry: the first line that mentions its text, else 1."""
    needle = str((entry.get("term") or entry.get("name")) if isinstance(entry, dict) else entry)
    for number, line in enumerate(text.splitlines(), start=1):
        if needle and needle in line and not line.lstrip().startswith("#"):
            return number
    return 1


def load_quotes(path: Path = DEFAULT_PATH, shown: str | None = None, languages: tuple[str, ...] | None = None) -> tuple[list[Quote], dict[str, tuple[str, ...]]]:
    """The ``quotes:`` entries ({name, text: {id: ..., en: ...}}) and ``never_quoted:`` ({id: [...]}):
    words a source paraphrases, which no page may put in quotation marks. ContentError on a problem."""
    shown = shown or str(path)
    load_terms(path, shown, languages)  # the same file: its errors first
    text = Path(path).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=SAFE_LOADER) or {}
    entries = data.get("quotes") or []
    if not isinstance(entries, list):
        raise ContentError(shown, 1, "expected 'quotes:' to be a list of '{name: ..., text: {<language>: ..., ...}}' entries")
    quotes = []
    for entry in entries:
        rendering = entry.get("text") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not isinstance(rendering, dict) \
                or not rendering or not all(_is_language(k, languages) and isinstance(v, str) and v.strip() for k, v in rendering.items()):
            raise ContentError(shown, _line_of(text, entry), f"each quote needs 'name: <text>' and 'text: {{<language>: <the quote>, ...}}' keyed by {_languages_named(languages)} (found {entry!r})")
        quotes.append(Quote(entry["name"], {lang: " ".join(value.split()) for lang, value in rendering.items()}))
    never = data.get("never_quoted") or {}
    if not isinstance(never, dict) or not all(_is_language(k, languages) and isinstance(v, list) and all(isinstance(i, str) for i in v) for k, v in never.items()):
        raise ContentError(shown, _line_of(text, "never_quoted"), f"never_quoted is '{{<language>: [<words>, ...]}}' keyed by {_languages_named(languages)} (found {never!r})")
    return quotes, {lang: tuple(items) for lang, items in never.items()}
