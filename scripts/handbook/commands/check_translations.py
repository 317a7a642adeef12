"""Check that every translated page keeps up with its source, section for section.

The languages are the handbook's (mkdocs.yml: the i18n plugin's ``languages``): the default
language's page (`<page>.<source>.md`, Indonesian in this handbook) is the source, every other
language's (`<page>.<lang>.md`, English here) a faithful translation. For every page it reports:
  MISSING_TRANSLATION  one file of the pair is missing (the translation or the source)
  FALLBACK_PUBLISHED   a translated site shows the source text (no translation, and the i18n plugin's
                       fallback_to_default is on; with --site, read from the built pages)
  SECTION_IDS          the heading ids differ: missing, extra, renamed, out of order or at another level
  STRUCTURE            a section has a different number of tables, table rows, list items,
                       admonitions or images, or links to different targets
  FRONT_MATTER         different front-matter keys, or a value that must be identical (slugs,
                       numbers: everything but title and ringkas) differs
  UNTRANSLATED         a paragraph of a translation is in another language, or one of the source is
  TERM_TRANSLATED      a term of includes/terms.yml in a source section is missing from the
                       translated section (it must stay untranslated)
  STALE                a source section changed (or is new) since the translation was last synced
                       in translations.lock; a warning, an error with --strict

Output: one line per problem, `docs/<file>.md:<line>: <CODE>: <message>`; --format json for tools,
--report for a summary of completeness per site section. Exit status: 0 clean (warnings allowed),
1 problems found, 2 bad usage or input (unreadable page, bad front matter, missing lock file).

After translating or updating a page, mark it synced:
  handbook sync docs/karakter/integritas.en.md [--section perilaku]
  handbook sync --all      (every page pair: only to create the lock)

Usage: handbook check translations [--strict] [--report] [--format text|json]
       [--site site] [--docs docs] [--lock translations.lock] [--terms includes/terms.yml]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from handbook import interface
from handbook import translations as tr
from handbook.addresses import source_of
from handbook.builtsite import SiteError, list_files
from handbook.pages import ContentError, as_slug_list

from handbook.project import ROOT
COMMANDS = ("check", "sync")
WARNING_CODES = ("STALE",)
CODE_ORDER = (
    "MISSING_TRANSLATION", "FALLBACK_PUBLISHED", "FRONT_MATTER", "SECTION_IDS", "STRUCTURE",
    "UNTRANSLATED", "TERM_TRANSLATED", "STALE",
)
SYNC_HINT = "handbook sync"


@dataclass(frozen=True)
class Problem:
    file: str  # docs/<file>.md
    line: int
    code: str
    message: str
    severity: str = "error"
    section: str | None = None  # the source section it belongs to (a stale one makes it a warning)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code}: {self.message}"


class BadInput(Exception):
    """Exit 2: the message says which file, which line and how to fix it."""


# --------------------------------------------------------------------------------------------
# Finding page pairs


def page_pairs(docs: Path, languages) -> dict[str, dict[str, Path]]:
    """'karakter/integritas' -> {'id': path, 'en': path}: a page's file in each of the handbook's
    languages (a language is absent when its file is)."""
    pairs: dict[str, dict[str, Path]] = defaultdict(dict)
    for path in sorted(docs.rglob("*.md")):
        key, _, lang = path.relative_to(docs).as_posix()[: -len(".md")].rpartition(".")
        if key and lang in languages.codes:
            pairs[key][lang] = path
    return dict(sorted(pairs.items()))


def shown(path: Path, docs: Path) -> str:
    return f"docs/{path.relative_to(docs).as_posix()}"


def load_languages(config: Path):
    """(the handbook's languages, whether the i18n plugin's fallback_to_default is on), from its
    mkdocs.yml loaded through MkDocs (the project's own is loaded once per run)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from handbook import project
    from handbook.languages import of_config

    try:
        loaded = project.load_config() if config.resolve() == project.CONFIG else load_config(str(config))
    except ConfigurationError as error:
        raise BadInput(f"{config}: {error}; fix mkdocs.yml (mkdocs build --strict shows where)") from None
    i18n = loaded.plugins.get("i18n")
    return of_config(loaded), bool(i18n and i18n.config.fallback_to_default)


def site_section(key: str) -> str:
    return key.split("/")[0] if "/" in key else "(beranda)"


# --------------------------------------------------------------------------------------------
# The checks of one pair


def check_front_matter(source: tr.ParsedPage, target: tr.ParsedPage) -> list[Problem]:
    problems = []
    ours, theirs = target.page.meta, source.page.meta
    for key in theirs:
        if key not in ours:
            problems.append(Problem(target.shown, 1, "FRONT_MATTER", f"no '{key}' key; the source page has it ({source.shown}:{source.page.line_of(key)}); add '{key}:' to the front matter", section=tr.INTRO))
        elif key not in tr.TRANSLATED_KEYS and _comparable(ours[key]) != _comparable(theirs[key]):
            problems.append(Problem(
                target.shown, target.page.line_of(key), "FRONT_MATTER",
                f"'{key}' is {ours[key]!r} but {theirs[key]!r} in {source.shown}:{source.page.line_of(key)}; "
                "slugs and numbers are identical in both languages (only the words are translated: " + ", ".join(tr.TRANSLATED_KEYS) + ")",
                section=tr.INTRO,
            ))
    for key in ours:
        if key not in theirs:
            problems.append(Problem(target.shown, target.page.line_of(key), "FRONT_MATTER", f"'{key}' is not in the source page's front matter ({source.shown}); remove it or add it there", section=tr.INTRO))
    return problems


def _comparable(value):
    return [str(v) for v in as_slug_list(value)] if isinstance(value, (list, tuple)) else value


def check_section_ids(source: tr.ParsedPage, target: tr.ParsedPage) -> list[Problem]:
    theirs = source.page.heading_ids()
    ours = target.page.heading_ids()
    a, b = [i for i, _, _ in theirs], [i for i, _, _ in ours]
    problems = [
        Problem(parsed.shown, line, "SECTION_IDS", f"'{text}' has no explicit id; add one, the same in both languages: '{text} {{#id}}' (CONTRIBUTING.md)", section=parsed.section_at(line))
        for parsed in (source, target)
        for line, text in parsed.unnamed
    ]
    last_line = len(target.lines) or 1
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            for (ident, level, line), (_, source_level, source_line) in zip(ours[j1:j2], theirs[i1:i2]):
                if level != source_level:
                    problems.append(Problem(target.shown, line, "SECTION_IDS", f"'{ident}' is a level-{level} heading here but level {source_level} in {source.shown}:{source_line}; use {'#' * source_level}", section=source.section_at(source_line)))
            continue
        missing = theirs[i1:i2] if tag in ("delete", "replace") else []
        extra = ours[j1:j2] if tag in ("insert", "replace") else []
        if tag == "replace" and len(missing) == len(extra) and not any(i in b for i, _, _ in missing) and not any(i in a for i, _, _ in extra):
            for (ident, _, line), (wanted, _, source_line) in zip(extra, missing):
                problems.append(Problem(target.shown, line, "SECTION_IDS", f"id '{ident}' where {source.shown}:{source_line} has '{wanted}'; use the source page's id (ids are identical in every language)", section=source.section_at(source_line)))
            continue
        here = ours[j1][2] if j1 < len(ours) else last_line
        for ident, _, source_line in missing:
            if ident in b:
                continue  # reported where it stands, as out of order
            problems.append(Problem(target.shown, here, "SECTION_IDS", f"no heading with id '{ident}' here; {source.shown}:{source_line} has it (same ids, same order in both languages)", section=source.section_at(source_line)))
        for ident, _, line in extra:
            if ident in a:
                problems.append(Problem(target.shown, line, "SECTION_IDS", f"'{ident}' is out of order; the source page's order is: {', '.join(a)}", section=source.section_at(dict((i, n) for i, _, n in theirs)[ident])))
            else:
                problems.append(Problem(target.shown, line, "SECTION_IDS", f"id '{ident}' is not in {source.shown}; use the source page's ids: {', '.join(a)}", section=target.section_at(line)))
    return problems


STRUCTURE_KINDS = (
    ("tables", "table(s)"),
    ("rows", "table row(s)"),
    ("items", "list item(s)"),
    ("admonitions", "admonition(s)"),
)


def check_structure(source: tr.ParsedPage, target: tr.ParsedPage) -> list[Problem]:
    problems = []
    for ours in target.sections:
        theirs = source.section(ours.ident)
        if theirs is None:
            continue
        name = "the opening" if ours.ident == tr.INTRO else f"section '{ours.ident}'"
        for kind, label in STRUCTURE_KINDS:
            a, b = getattr(theirs, kind), getattr(ours, kind)
            if len(a) != len(b):
                line = _first_difference(a, b, ours.line)
                problems.append(Problem(target.shown, line, "STRUCTURE", f"{name} has {len(b)} {label}, the source {len(a)} ({source.shown}:{a[0] if a else theirs.line})", section=ours.ident))
        for kind, label in (("images", "image"), ("links", "link")):
            a, b = getattr(theirs, kind), getattr(ours, kind)
            wanted, found = Counter(t for _, t in a), Counter(t for _, t in b)
            for target_url, count in (found - wanted).items():
                line = next(n for n, t in b if t == target_url)
                problems.append(Problem(target.shown, line, "STRUCTURE", f"{label} to '{target_url}' in {name} is not in the source section ({source.shown}:{theirs.line}); link the same targets in every language", section=ours.ident))
            for target_url, count in (wanted - found).items():
                source_line = next(n for n, t in a if t == target_url)
                problems.append(Problem(target.shown, ours.line if ours.ident != tr.INTRO else target.page.body_start, "STRUCTURE", f"{name} lacks the {label} to '{target_url}' of {source.shown}:{source_line}", section=ours.ident))
    return problems


def _first_difference(a: list[int], b: list[int], fallback: int) -> int:
    """The line of the translation's element where the counts start to differ (or of its last one)."""
    if not b:
        return fallback
    return b[min(len(a), len(b) - 1)] if len(b) > len(a) else b[-1]


def language_names(languages) -> dict[str, str]:
    """Each language's name in these (English) messages, from its interface table."""
    return {lang: str(interface.table(lang)["language"]["english_name"]) for lang in languages.codes}


def check_language(parsed: tr.ParsedPage, expected: str, terms, words: dict, names: dict) -> list[Problem]:
    problems = []
    for section in parsed.sections:
        for block in section.blocks:
            found, counts = tr.identify_block(tr.plain_text(block.text, terms), words)
            if found is not None and found != expected:
                counted = " and ".join(f"{counts[lang]} {names[lang]}" for lang in counts)
                problems.append(Problem(
                    parsed.shown, block.line, "UNTRANSLATED",
                    f"this {block.kind} reads as {names[found]}, not {names[expected]} "
                    f"({counted} function words); translate it",
                ))
    return problems


def check_terms(source: tr.ParsedPage, target: tr.ParsedPage, terms) -> list[Problem]:
    problems = []
    for theirs in source.sections:
        ours = target.section(theirs.ident)
        if ours is None:
            continue
        source_text, target_text = _term_text(theirs.raw), _term_text(ours.raw)
        for term in terms:
            if not term.required:
                continue
            found = term.pattern.search(source_text)
            if found and not term.pattern.search(target_text):
                name = "the opening" if ours.ident == tr.INTRO else f"section '{ours.ident}'"
                line = theirs.line + source_text[: found.start()].count("\n")
                problems.append(Problem(
                    target.shown, ours.line if ours.ident != tr.INTRO else 1, "TERM_TRANSLATED",
                    f"'{term.term}' ({source.shown}:{line}) is missing from {name}; keep it untranslated, "
                    "in italics for a Kei term, with a gloss if needed (includes/terms.yml)",
                    section=ours.ident,
                ))
    return problems


def _term_text(raw: str) -> str:
    """A section's text without link targets, slugs lists or code, line breaks kept."""
    text = re.sub(r"\]\([^)\n]*\)", "]", raw)
    text = re.sub(r"`[^`\n]*`", " ", text)
    return re.sub(r"\{[^}\n]*\}", " ", text)


def check_stale(source: tr.ParsedPage, target: tr.ParsedPage, entry_name: str, lock: dict, strict: bool) -> list[Problem]:
    severity = "error" if strict else "warning"
    recorded = lock.get(entry_name)
    stale = tr.stale_sections(source, recorded)
    command = f"{SYNC_HINT} {target.shown}"
    if stale is None:
        return [Problem(target.shown, 1, "STALE", f"not recorded in translations.lock; once it is a full translation of {source.shown}, run: {command}", severity)]
    problems = []
    for entry in stale:
        ours, theirs = target.section(entry.ident), source.section(entry.ident)
        name = "the opening (title, summary and text before the first section)" if entry.ident == tr.INTRO else f"section '{entry.ident}'"
        what = "is new in" if entry.reason == "new" else "changed in"
        line = ours.line if ours is not None else _insertion_line(source, target, entry.ident)
        section_option = f" --section {entry.ident}"
        problems.append(Problem(
            target.shown, line, "STALE",
            f"{name} {what} {source.shown}:{theirs.line} since this page was last synced; "
            f"update the translation (git diff or git log -p {source.shown}), then run: {command}{section_option}",
            severity,
            entry.ident,
        ))
    return problems


def _insertion_line(source: tr.ParsedPage, target: tr.ParsedPage, ident: str) -> int:
    """Where a section the translation lacks belongs: the next shared section's heading, or the end."""
    idents = [s.ident for s in source.sections]
    for later in idents[idents.index(ident) + 1 :]:
        ours = target.section(later)
        if ours is not None:
            return ours.line
    return len(target.lines) or 1


def soften(problems: list[Problem], stale: list[Problem], strict: bool) -> list[Problem]:
    """Parity problems inside a stale section are warnings: the source text moved first."""
    stale_ids = {p.section for p in stale if p.section}
    if strict or not stale_ids:
        return problems
    return [
        replace(p, severity="warning", message=p.message + " (a warning while the section is stale)") if p.section in stale_ids else p
        for p in problems
    ]


# --------------------------------------------------------------------------------------------
# The whole docs tree


@dataclass
class Result:
    problems: list[Problem]
    sections: dict[str, dict]  # site section -> counts, for the report


def check_docs(docs: Path, lock: dict, terms, strict: bool, fallback: bool, site: Path | None, languages) -> Result:
    problems: list[Problem] = []
    report: dict[str, dict] = defaultdict(lambda: Counter())
    source_lang, names = languages.default, language_names(languages)
    words = tr.function_words(languages.codes)
    pairs = page_pairs(docs, languages)
    published_fallback = {lang: _fallback_pages(site, docs, lang, languages) for lang in languages.others} if site else None
    for key, files in pairs.items():
        counts = report[site_section(key)]
        counts["pages"] += 1
        if source_lang not in files:
            first = shown(next(iter(files.values())), docs)
            problems.append(Problem(first, 1, "MISSING_TRANSLATION", f"no {names[source_lang]} source docs/{key}.{source_lang}.md; {names[source_lang]} is written first: add it, or remove this page"))
            continue
        source = _parse(files[source_lang], docs)
        counts["sections"] += len(source.sections)
        problems += check_language(source, source_lang, terms, words, names)
        for lang in languages.others:
            problems += _check_translation(key, files, lang, source, docs, lock, terms, strict, fallback, published_fallback, words, names, languages, counts)
    problems.sort(key=lambda p: (p.file, p.line, CODE_ORDER.index(p.code), p.message))
    return Result(problems, {k: dict(v) for k, v in sorted(report.items())})


def _check_translation(key, files, lang, source, docs, lock, terms, strict, fallback, published_fallback, words, names, languages, counts) -> list[Problem]:
    """The problems of one page's translation into one language (counted into ``counts``)."""
    if lang not in files:
        problems = [Problem(source.shown, 1, "MISSING_TRANSLATION", f"no {names[lang]} translation docs/{key}.{lang}.md; translate this page into it")]
        address = "/" + languages.prefix(lang) + ("" if key == "index" else key.removesuffix("/index") + "/")
        if published_fallback is not None:
            if key in published_fallback[lang]:
                problems.append(Problem(source.shown, 1, "FALLBACK_PUBLISHED", f"the built site shows this {names[languages.default]} text at {address}; {names[lang]} readers see an untranslated page until docs/{key}.{lang}.md exists"))
        elif fallback:
            problems.append(Problem(source.shown, 1, "FALLBACK_PUBLISHED", f"with fallback_to_default the site publishes this {names[languages.default]} text at {address}; add docs/{key}.{lang}.md"))
        return problems
    target = _parse(files[lang], docs)
    counts["translated"] += 1
    found = (
        check_front_matter(source, target)
        + check_section_ids(source, target)
        + check_structure(source, target)
        + check_language(target, lang, terms, words, names)
        + check_terms(source, target, terms)
    )
    entry = f"{key}.{lang}.md"
    stale = check_stale(source, target, entry, lock, strict)
    unrecorded = entry not in lock
    stale_count = len(source.sections) if unrecorded else len(stale)
    counts["stale"] += stale_count
    counts["synced"] += len(source.sections) - stale_count
    counts["pages_in_sync"] += int(not stale)
    return soften(found, stale, strict) + stale


def _parse(path: Path, docs: Path) -> tr.ParsedPage:
    try:
        return tr.parse(path, shown(path, docs))
    except ContentError as error:
        raise BadInput(str(error)) from None


def _fallback_pages(site: Path, docs: Path, lang: str, languages) -> set[str]:
    """Page keys whose page in ``lang`` the built site made from a source-language file."""
    if not (site / "index.html").exists():
        raise BadInput(f"{site}: no index.html; build the site first (mkdocs build) or leave out --site")
    found, folder, source_suffix = set(), languages.prefix(lang), f".{languages.default}.md"
    for path in list_files(site):
        if not (path.startswith(folder) and path.endswith("index.html")) or path == f"{folder}404.html":
            continue
        source = source_of(path, docs)
        if source is not None and source.name.endswith(source_suffix):
            found.add(source.relative_to(docs).as_posix().removesuffix(source_suffix))
    return found


# --------------------------------------------------------------------------------------------
# Output


def format_report(result: Result) -> str:
    lines = ["Translation completeness per site section (sections: the opening and each ## section):", ""]
    header = f"{'site section':<16} {'pages':>5} {'translated':>10} {'in sync':>7} {'sections':>8} {'stale':>5} {'complete':>8}"
    lines += [header, "-" * len(header)]
    total = Counter()
    for name, counts in result.sections.items():
        total.update(counts)
        lines.append(_report_row(name, counts))
    lines += ["-" * len(header), _report_row("all", total), ""]
    by_code = Counter(p.code for p in result.problems)
    if by_code:
        lines.append("Problems: " + ", ".join(f"{code} {by_code[code]}" for code in CODE_ORDER if by_code[code]))
    else:
        lines.append("Problems: none")
    lines.append("'complete' counts source sections whose translation exists and is in sync with the lock (per language).")
    return "\n".join(lines)


def _report_row(name: str, counts) -> str:
    sections = counts.get("sections", 0)
    synced = counts.get("synced", 0)
    percent = f"{100 * synced / sections:.0f}%" if sections else "-"
    return (
        f"{name:<16} {counts.get('pages', 0):>5} {counts.get('translated', 0):>10} {counts.get('pages_in_sync', 0):>7} "
        f"{sections:>8} {counts.get('stale', 0):>5} {percent:>8}"
    )


def format_json(result: Result, exit_code: int) -> str:
    return json.dumps(
        {
            "exit": exit_code,
            "problems": [asdict(p) for p in result.problems],
            "site_sections": result.sections,
        },
        indent=2,
        ensure_ascii=False,
    )


# --------------------------------------------------------------------------------------------
# sync


def resolve_page(argument: str, docs: Path, languages) -> list[tuple[str, str]]:
    """(page key, translation language) pairs a sync argument names: 'docs/karakter/integritas.en.md'
    names one translation; the source file or the page without suffix names every translation."""
    candidate = Path(argument)
    relative = argument.removeprefix("./").removeprefix("docs/")
    for path in (candidate, docs / candidate, docs.parent / candidate):
        if path.exists() and path.resolve().is_relative_to(docs.resolve()):
            relative = path.resolve().relative_to(docs.resolve()).as_posix()
            break
    key = relative.strip("/").removesuffix(".md")
    stem, _, suffix = key.rpartition(".")
    if stem and suffix in languages.codes:
        key, named = stem, [suffix] if suffix != languages.default else list(languages.others)
    else:
        named = list(languages.others)
    source = docs / f"{key}.{languages.default}.md"
    found = [(key, lang) for lang in named if (docs / f"{key}.{lang}.md").exists()]
    if not source.exists() or not found:
        wanted = " and ".join(f"docs/{key}.{lang}.md" for lang in (languages.default, *named))
        raise BadInput(f"'{argument}': {wanted} must exist to sync a page; write the translation first")
    return found


def sync(docs: Path, lock_file: Path, pages: list[str], sections: list[str], everything: bool, languages) -> list[str]:
    lock = tr.read_lock(lock_file) if lock_file.exists() else {}
    messages = []
    if everything:
        pairs = [(key, lang) for key, files in page_pairs(docs, languages).items() if languages.default in files for lang in languages.others if lang in files]
        lock = {}
    else:
        pairs = [pair for page in pages for pair in resolve_page(page, docs, languages)]
    for key, lang in pairs:
        source_name = f"{key}.{languages.default}.md"
        source = _parse(docs / source_name, docs)
        hashes = tr.section_hashes(source)
        entry = f"{key}.{lang}.md"
        if sections:
            unknown = [s for s in sections if s not in hashes]
            if unknown:
                raise BadInput(f"docs/{source_name} has no section {', '.join(repr(s) for s in unknown)}; its sections are: {', '.join(hashes)}")
            if entry not in lock:
                raise BadInput(f"docs/{entry} is not in {lock_file.name} yet; sync the whole page first (leave out --section)")
            recorded = dict(lock[entry])
            recorded.update({s: hashes[s] for s in sections})
            lock[entry] = {ident: recorded[ident] for ident in hashes if ident in recorded}
            messages.append(f"check_translations: docs/{entry}: marked in sync: {', '.join(sections)}")
        else:
            lock[entry] = hashes
            messages.append(f"check_translations: docs/{entry}: marked in sync ({len(hashes)} sections)")
    tr.write_lock(lock_file, lock)
    if everything:
        messages = [f"check_translations: recorded {len(pairs)} page(s) in {lock_file}"]
    return messages


# --------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--docs", type=Path, default=ROOT / "docs", help="the Markdown sources (default: docs/)")
    common.add_argument("--lock", type=Path, help="the lock file (default: translations.lock beside the docs folder)")
    common.add_argument("--terms", type=Path, default=ROOT / "includes" / "terms.yml", help="the untranslated terms (default: includes/terms.yml)")
    common.add_argument("--config", type=Path, help="mkdocs.yml: the languages and fallback_to_default (default: beside docs/, else the project's)")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0], epilog="Run 'check' (the default) or 'sync'; see CONTRIBUTING.md, Translating.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", parents=[common], help="report problems (the default command)")
    check.add_argument("--strict", action="store_true", help="stale sections are errors, not warnings")
    check.add_argument("--report", action="store_true", help="also print completeness per site section")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--site", type=Path, help="a built site: find pages published by fallback there")
    syncing = commands.add_parser("sync", parents=[common], help="mark translated pages (or sections) as in line with the current source text")
    syncing.add_argument("pages", nargs="*", help="docs/<section>/<page>.<lang>.md (the source's path or the page without suffix: all its translations)")
    syncing.add_argument("--section", action="append", default=[], metavar="ID", help="only this section id (repeatable); _intro is the part before the first ## heading")
    syncing.add_argument("--all", action="store_true", help="every page pair (creates the lock; it hides stale sections, so only for a first lock)")
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS + ("-h", "--help"):
        argv.insert(0, "check")
    args = build_parser().parse_args(argv)
    docs: Path = args.docs
    lock_file = args.lock or tr.lock_path(docs)
    if not docs.is_dir():
        print(f"check_translations: {docs} is not a folder; pass --docs", file=sys.stderr)
        return 2
    config = args.config or next((c for c in (docs.resolve().parent / "mkdocs.yml", ROOT / "mkdocs.yml") if c.exists()), None)
    if config is None:
        print(f"check_translations: no mkdocs.yml beside {docs} or in {ROOT}; run it in the handbook's folder or pass --config", file=sys.stderr)
        return 2
    try:
        languages, fallback = load_languages(config)
    except BadInput as error:
        print(f"check_translations: {error}", file=sys.stderr)
        return 2
    if not languages.others:
        print(f"check_translations: {config} builds one language ({languages.default}); there are no translations to check")
        return 0
    if not page_pairs(docs, languages):
        suffixes = " or ".join(f"<page>.{lang}.md" for lang in languages.codes)
        print(f"check_translations: {docs} holds no {suffixes} files; pass --docs with the docs folder", file=sys.stderr)
        return 2
    try:
        if args.command == "sync":
            if bool(args.pages) == args.all:
                print("check_translations: sync needs either page paths or --all (not both)", file=sys.stderr)
                return 2
            if args.all and args.section:
                print("check_translations: --section goes with one page, not with --all", file=sys.stderr)
                return 2
            for message in sync(docs.resolve(), lock_file, args.pages, args.section, args.all, languages):
                print(message)
            return 0
        terms = tr.load_terms(args.terms, _display(args.terms), languages.codes)
        lock = tr.read_lock(lock_file)
        result = check_docs(docs.resolve(), lock, terms, args.strict, fallback, args.site.resolve() if args.site else None, languages)
    except (ContentError, BadInput, SiteError, interface.InterfaceError) as error:
        print(f"check_translations: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"check_translations: {error.filename or ''}: {error.strerror or error}; check that the file can be read and written", file=sys.stderr)
        return 2
    errors = [p for p in result.problems if p.severity == "error"]
    warnings = [p for p in result.problems if p.severity == "warning"]
    code = 1 if errors else 0
    if args.format == "json":
        print(format_json(result, code))
        return code
    for problem in result.problems:
        print(problem)
    if args.report:
        print(("\n" if result.problems else "") + format_report(result))
    if warnings:
        stale = sum(p.code == "STALE" for p in warnings)
        print(f"check_translations: {len(warnings)} warning(s), {stale} of them stale section(s); they fail only with --strict. See CONTRIBUTING.md, Translating.", file=sys.stderr)
    return code


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
