"""Check the handbook's template pages against the brief: front matter, section ids, length, coverage.

Checks every character, case-study and local-context page in both languages:
  MISSING_KEY       a required front-matter key is absent
  UNKNOWN_SLUG      a front-matter slug names no character, context or BerAKHLAK value
  BAD_VALUE         nomor is not 1-8 or repeats, durasi is not a number of minutes
  MISSING_SECTION   a template section id is absent
  SECTION_ORDER     the template section ids are out of order
  TOO_SHORT         an Indonesian character page has fewer than 700 words
  COVERAGE          a character is the main character of fewer than 2 cases, or a context is
                    used by fewer than 2 cases
  NO_NOTICE         a case study lacks the "illustrative composite" admonition under its title
  NO_ABBREVIATION   an acronym on a page has no line in includes/abbreviations.md
  DUPLICATE_ID      a heading id that the page already used (at the second heading)
  UNREADABLE        a page that cannot be read: not UTF-8, or front matter that is not valid
                    YAML or not a mapping (unusable input: exit 2)
  BAD_BLOCK         a trainer-only block (<div class="trainer-only" markdown>) is never closed; or
                    a ```uji-diri, ```jadwal-kasus or ```jadwal-sesi block is not valid YAML, has
                    the wrong shape (a missing or unknown key, text where a number belongs), is
                    never closed, repeated, or outside its section
  SELF_CHECK        a self-check breaks its rules: fewer than 5 questions, an id that is not
                    lowercase-with-hyphens or repeats, not 3-4 options, not exactly one 'benar:
                    true', empty text or feedback, not exactly 2 'pra_pasca: true'; or no block
  SELF_CHECK_PARITY the English self-check differs from the Indonesian one: question ids or their
                    order, number of options, position of the best answer, pra_pasca
  TIMING            a timing does not add up ('singkat' to 20, 'penuh' to the case's durasi, a
                    session to its durasi), names an unknown case, or a case has no ```jadwal-kasus
  NAME_REUSED       a name in a case's 'tokoh' is already a person in another case
                    (tokoh that is missing is MISSING_KEY; not a list of given names, not in the
                    text, or different between the languages is BAD_VALUE)
  The block formats are in CONTRIBUTING.md, "Blocks for class"; the rules in scripts/handbook/blocks.py.
  TERM_GLOSS        a page writes a variant includes/terms.yml says to avoid (kecamatan as
                    "sub-district", formasi as "formation"): use the one gloss of terms.yml
  QUOTE_VARIANT     a quote of terms.yml (quotes:) rendered in other words
  QUOTE_PARAPHRASE  a reporter's paraphrase (terms.yml never_quoted:) inside quotation marks
  SELF_CHECK_FORM   a best option more than 1.3 times the mean length of its distractors
  SELF_CHECK_GUESS  a simple strategy (longest, shortest, most words, most clauses, one position)
                    finds the best answer in more than 40 % of a language's questions
  TERM_ITALIC       a term terms.yml marks italic is written in roman (outside code, links,
                    heading ids and front matter)

Output: one line per problem, ``docs/<file>.md:<line>: <CODE>: <message>``.
Exit status: 0 clean, 1 problems found, 2 unusable input (a missing or empty docs folder, a
missing abbreviations or terms file, a page that cannot be read); problems are still printed.

Usage: handbook check content [--docs DIR] [--abbreviations FILE] [--terms FILE]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from handbook import blocks, vocabulary
from handbook.pages import ContentError, Page, as_slug_list, front_matter_errors, kind_slugs, read_page
from handbook import term_usage, trainer_only
from handbook.terms import load_quotes, load_terms, load_wording

from mkdocs.exceptions import MkDocsException

from handbook import project
from handbook.project import ROOT
from handbook.settings import Settings, load as load_settings
WORD = re.compile(r"[^\W\d_][\w'’-]*")
ACRONYM = re.compile(r"(?<![\w/#.-])([A-Z][A-Za-z]*[A-Z][A-Za-z]*)(?![\w/-])")
ABBREVIATION_LINE = re.compile(r"^\*\[([^\]]+)\]:")
# Capitalised words that are not acronyms (BerAKHLAK, WhatsApp): read from includes/terms.yml, the
# one list of names and terms that stay as written; see not_acronyms().
ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")


class Problem(ContentError):
    """A ContentError with a stable code."""

    def __init__(self, path, line, code, message):
        super().__init__(path, line, f"{code}: {message}")


def shown(path: Path, docs: Path) -> str:
    return f"docs/{path.relative_to(docs).as_posix()}"


def body_words(page: Page) -> int:
    text = re.sub(r"<!--.*?-->", " ", page.body, flags=re.S)
    text = re.sub(r"\{[^}]*#[^}]*\}", " ", text)  # heading ids
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    return len(WORD.findall(text))


def section_problems(page: Page, name: str) -> list[Problem]:
    expected = vocabulary.TEMPLATE_SECTIONS[page.kind]
    found = [(ident, line) for ident, level, line in page.heading_ids() if level == 2]
    found_ids = [ident for ident, _ in found]
    problems = [
        Problem(name, page.body_start, "MISSING_SECTION", f"no '## ... {{#{ident}}}' heading; the template needs: {', '.join(expected)}")
        for ident in expected
        if ident not in found_ids
    ]
    # Order is judged on the first heading of each template id; a repeated id is DUPLICATE_ID.
    first_line = {}
    for ident, line in found:
        first_line.setdefault(ident, line)
    present = [ident for ident in first_line if ident in expected]
    wanted = [ident for ident in expected if ident in present]
    first_bad = next((i for i, (a, b) in enumerate(zip(present, wanted)) if a != b), None)
    if first_bad is not None:
        problems.append(
            Problem(name, first_line[present[first_bad]], "SECTION_ORDER", f"section '{present[first_bad]}' is out of order; the order is: {', '.join(expected)}")
        )
    return problems


def duplicate_id_problems(page: Page, name: str) -> list[Problem]:
    """Every explicit heading id that a page uses twice, at the line of the second heading."""
    seen: dict[str, int] = {}
    problems = []
    for ident, _level, line in page.heading_ids():
        if ident in seen:
            problems.append(Problem(name, line, "DUPLICATE_ID", f"id '{ident}' is already used at line {seen[ident]}; give this heading an id of its own"))
        else:
            seen[ident] = line
    return problems


def value_problems(page: Page, name: str, values: int) -> list[Problem]:
    """Front-matter values out of range (``values``: how many value pages the handbook has)."""
    problems = []
    if page.kind == "values" and "nomor" in page.meta:
        if not _whole_number(page.meta["nomor"]) or page.meta["nomor"] not in range(1, values + 1):
            problems.append(Problem(name, page.line_of("nomor"), "BAD_VALUE", f"nomor is the value's place in the list, 1 to {values} (found {page.meta['nomor']!r})"))
    if page.kind == "cases" and "durasi" in page.meta:
        if not _whole_number(page.meta["durasi"]) or not 10 <= page.meta["durasi"] <= 180:
            problems.append(Problem(name, page.line_of("durasi"), "BAD_VALUE", f"durasi is minutes, a whole number from 10 to 180 (found {page.meta['durasi']!r})"))
    if page.kind == "cases" and not as_slug_list(page.meta.get("karakter")):
        problems.append(Problem(name, page.line_of("karakter"), "BAD_VALUE", "karakter needs at least the main character"))
    return problems


def notice_problems(page: Page, name: str) -> list[Problem]:
    first_block = page.body.lstrip().split("\n\n", 1)[0]
    if page.kind == "cases" and not first_block.startswith("!!! "):
        return [Problem(name, page.body_start, "NO_NOTICE", "start the page with the '!!! note' admonition saying the case is an illustrative composite with invented names")]
    return []


def not_acronyms(terms_file: Path) -> set[str]:
    """Every word of a term in terms.yml that looks like an acronym but is a name (BerAKHLAK)."""
    return {word for term in load_terms(terms_file, "includes/terms.yml") for word in term.term.split() if ACRONYM.fullmatch(word)}


def acronym_problems(page: Page, name: str, known: set[str]) -> list[Problem]:
    problems, seen = [], set()
    in_fence = False
    for offset, line in enumerate(page.body.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence or line.startswith("<!--"):
            continue
        text = re.sub(r"\]\([^)]*\)|\{[^}]*\}|`[^`]*`|<[^>]+>", " ", line)
        for acronym in ACRONYM.findall(text):
            if acronym in known or acronym in seen or ROMAN_NUMERAL.match(acronym):
                continue
            seen.add(acronym)
            problems.append(Problem(name, page.body_start + offset, "NO_ABBREVIATION", f"'{acronym}' has no line in includes/abbreviations.md; add '*[{acronym}]: <expansion>' and a glossary entry"))
    return problems


def coverage_problems(cases: list[Page], slugs: dict[str, tuple], minimum: int, folder: str) -> list[Problem]:
    """Each value (as a case's main value) and each context in at least ``minimum`` cases."""
    main = Counter(as_slug_list(c.meta.get("karakter"))[0] for c in cases if as_slug_list(c.meta.get("karakter")))
    used = Counter(slug for c in cases for slug in as_slug_list(c.meta.get("konteks")))
    index = f"docs/{folder}"
    problems = []
    for slug in slugs.get("values", ()):
        if main[slug] < minimum:
            problems.append(Problem(index, 1, "COVERAGE", f"'{slug}' is the main value (first in karakter) of {main[slug]} case(s); it needs at least {minimum}"))
    for slug in slugs.get("context", ()):
        if used[slug] < minimum:
            problems.append(Problem(index, 1, "COVERAGE", f"context '{slug}' is used by {used[slug]} case(s) (konteks); it needs at least {minimum}"))
    return problems


def known_abbreviations(path: Path) -> set[str]:
    """Every abbreviation, and each word of a multi-word one ("CC BY" -> CC, BY)."""
    names = {m.group(1) for line in path.read_text(encoding="utf-8").splitlines() if (m := ABBREVIATION_LINE.match(line))}
    return names | {word for name in names for word in name.split()}


# Codes that mean a page could not be read at all: the run is unusable input (exit 2).
UNUSABLE_CODES = ("UNREADABLE",)


def check(docs: Path, abbreviations: Path, terms: Path, settings: Settings) -> list[ContentError]:
    """Every problem of every page under docs; a page that cannot be read is an UNREADABLE problem."""
    problems: list[ContentError] = []
    terms_shown = str(terms.resolve().relative_to(ROOT)) if terms.resolve().is_relative_to(ROOT) else str(terms)
    codes = settings.languages.codes
    term_rules = load_terms(terms, terms_shown, codes)
    wording = load_wording(terms, terms_shown, codes)
    quotes, never_quoted = load_quotes(terms, terms_shown, codes)
    known = known_abbreviations(abbreviations) | not_acronyms(terms)
    numbers: dict[str, dict[int, str]] = {lang: {} for lang in settings.languages.codes}
    default = settings.languages.default
    slugs = kind_slugs(docs, settings)
    cases, read = [], []
    for path in sorted(docs.rglob("*.md")):
        name = shown(path, docs)
        try:
            page = read_page(path, name, settings=settings)
        except ContentError as error:
            problems.append(Problem(error.path, error.line, "UNREADABLE", error.message))
            continue
        read.append((name, page))
        problems += acronym_problems(page, name, known) + duplicate_id_problems(page, name) + trainer_only_problems(page, name)
        problems += [Problem(name, line, code, message) for line, code, message in term_usage.problems(path, name, page.lang, term_rules, wording, quotes, never_quoted)]
        if page.kind not in vocabulary.TEMPLATE_SECTIONS or page.slug == "index":
            continue
        problems += [Problem(e.path, e.line, "MISSING_KEY" if "lacks" in e.message else ("UNKNOWN_SLUG" if "unknown slug" in e.message else "BAD_VALUE"), e.message) for e in front_matter_errors(page, name, slugs)]
        problems += section_problems(page, name) + value_problems(page, name, len(slugs.get("values", ()))) + notice_problems(page, name)
        minimum = settings.value_words if page.kind == "values" else 0
        if minimum and page.lang == default and (count := body_words(page)) < minimum:
            problems.append(Problem(name, page.body_start, "TOO_SHORT", f"{count} words; a value page needs at least {minimum} in its source language (plugins > handbook > minimums > value_words)"))
        if page.kind == "values" and _whole_number(page.meta.get("nomor")):
            other = numbers.setdefault(page.lang, {}).setdefault(page.meta["nomor"], page.slug)
            if other != page.slug:
                problems.append(Problem(name, page.line_of("nomor"), "BAD_VALUE", f"nomor {page.meta['nomor']} is also used by '{other}'"))
        if page.kind == "cases" and page.lang == default:
            cases.append(page)
    if cases and settings.cases_per_value:
        problems += coverage_problems(cases, slugs, settings.cases_per_value, settings.folder("cases"))
    return problems + blocks.check_pages(read, settings)


def trainer_only_problems(page, name: str) -> list[ContentError]:
    """BAD_BLOCK for a trainer-only block that is never closed (the build would stop on it)."""
    try:
        trainer_only.split(page.body, first_line=page.body_start)
    except trainer_only.TrainerOnlyError as error:
        return [Problem(name, error.line, "BAD_BLOCK", str(error))]
    return []


def _whole_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: docs/)")
    parser.add_argument("--abbreviations", type=Path, default=ROOT / "includes" / "abbreviations.md")
    parser.add_argument("--terms", type=Path, default=ROOT / "includes" / "terms.yml", help="names and terms that are not acronyms (default: includes/terms.yml)")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        print(f"check_content: {args.docs} is not a folder; pass --docs with the docs folder, or run from the repository", file=sys.stderr)
        return 2
    if not any(args.docs.rglob("*.md")):
        print(f"check_content: {args.docs} holds no .md pages; pass --docs with the docs folder", file=sys.stderr)
        return 2
    for path in (args.abbreviations, args.terms):
        if not path.is_file():
            print(f"check_content: {path} is not a file; pass --abbreviations/--terms or run from the repository", file=sys.stderr)
            return 2
    try:
        settings = load_settings()
    except (MkDocsException, OSError) as error:  # MkDocs has logged what is wrong in mkdocs.yml
        print(f"check_content: {project.CONFIG}: cannot load it ({error}); fix mkdocs.yml", file=sys.stderr)
        return 2
    try:
        problems = check(args.docs, args.abbreviations, args.terms, settings)
    except ContentError as error:
        print(f"check_content: {error}", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError) as error:
        print(f"check_content: {getattr(error, 'filename', None) or ''}: cannot read ({error.__class__.__name__}); save it as UTF-8 text", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    if any(f": {code}: " in str(problem) for problem in problems for code in UNUSABLE_CODES):
        return 2
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
