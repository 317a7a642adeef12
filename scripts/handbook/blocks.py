"""Machine-readable blocks in handbook pages: find them, parse their YAML, check their rules.

Three kinds of fenced YAML block (formats in CONTRIBUTING.md, "Blocks for class"):

- ``uji-diri``: the self-check questions of a character page (section ``#uji-diri``);
- ``jadwal-kasus``: a case's 20-minute (``singkat``) and full (``penuh``) timings (``#catatan-pelatih``);
- ``jadwal-sesi``: a session plan in the trainer guide, made of activities and case versions;

and the ``tokoh`` list of invented given names in a case's front matter.

``read_block`` parses one block and checks its shape (what the build needs to render it); the
build hook ``handbook/plugin/hooks/content_blocks.py`` fails on those problems. ``check_pages`` applies
every rule across the docs folder for ``scripts/handbook/commands/check_content.py``. Problems are ``Problem``
values (a ``ContentError`` with a code) naming the file and line to fix; nothing here prints.

Line numbers point into the file: a block's YAML is parsed with PyYAML's composer, whose nodes
carry their position, so a problem names the line of the question, option or activity at fault.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .pages import SAFE_LOADER, ContentError, Page
from . import self_check_form as form

KINDS = ("uji-diri", "jadwal-kasus", "jadwal-sesi")
SHORT_MINUTES = 20  # the `singkat` version of every case
VERSIONS = ("singkat", "penuh")
MIN_QUESTIONS = 5
OPTIONS = range(3, 5)
PRE_POST = 2
QUESTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TITLES = re.compile(r"^(?:Bapak|Ibu|Pak|Bu|Mama|Nona|Om|Tanta)\b", re.I)
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
HOW_TO = "see CONTRIBUTING.md, Blocks for class"
# Where each kind of block belongs: kind of page -> (block kind, heading id, code if missing).
REQUIRED = {
    "values": ("uji-diri", "uji-diri", "SELF_CHECK"),
    "cases": ("jadwal-kasus", "catatan-pelatih", "TIMING"),
}


class Problem(ContentError):
    """A ContentError with a stable code, printed as ``file:line: CODE: message``."""

    def __init__(self, path, line, code, message):
        super().__init__(path, line, f"{code}: {message}")

    @property
    def code(self) -> str:
        return self.message.split(":", 1)[0]


@dataclass
class Block:
    kind: str
    line: int  # line of the opening fence in the file
    start: int  # offset of the opening fence in the text searched
    end: int  # offset just after the closing fence line
    source: str  # the YAML, dedented
    indent: str = ""  # the opening fence's indent (inside an admonition or list)
    closed: bool = True


@dataclass
class Parsed:
    """A block's data, and the file line of every node (key: path of keys and list indexes)."""

    block: Block
    data: Any
    lines: dict = field(default_factory=dict)
    path: str = ""  # the file, as shown in messages

    def line(self, *path) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, self.block.line)


# ------------------------------------------------------------------------------------------------
# Finding and parsing


def find_blocks(text: str, first_line: int = 1) -> list[Block]:
    """Every ``uji-diri`` / ``jadwal-kasus`` / ``jadwal-sesi`` fence of a page body, in order.

    Other fenced code is skipped whole, so an example block inside a ```` ```` ```` fence is not
    taken for a real one. ``first_line`` is the file line of the text's first line.
    """
    found = []
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    index = 0
    while index < len(lines):
        match = FENCE_OPEN.match(lines[index].rstrip("\r\n"))
        if not match:
            index += 1
            continue
        fence, indent = match.group("fence"), len(match.group("indent"))
        info = match.group("info").split()
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end].rstrip("\r\n")):
            end += 1
        if info and info[0] in KINDS:
            body = "".join(_dedent(line, indent) for line in lines[index + 1 : end])
            found.append(
                Block(
                    info[0], first_line + index, offsets[index], offsets[min(end + 1, len(lines))], body,
                    match.group("indent"), end < len(lines),
                )
            )
        index = end + 1
    return found


def _dedent(line: str, width: int) -> str:
    taken = 0
    while taken < width and taken < len(line) and line[taken] in " \t":
        taken += 1
    return line[taken:]


def _node_lines(node, path, first_line, out):
    out[path] = first_line + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            _node_lines(value, path + (name,), first_line, out)
            out[path + (name,)] = first_line + key.start_mark.line  # the key's line, not its block scalar's
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value):
            _node_lines(item, path + (number,), first_line, out)


def parse(block: Block, path: str) -> Parsed:
    """The block's YAML with the file line of each node; raises a BAD_BLOCK Problem if unreadable."""
    if not block.closed:
        raise Problem(path, block.line, "BAD_BLOCK", f"the ```{block.kind} block is never closed; end it with a line of ```")
    first = block.line + 1
    loader = None
    try:
        loader = SAFE_LOADER(block.source)  # the reader already rejects control characters
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise Problem(
            path, first + mark.line if mark else block.line, "BAD_BLOCK",
            f"the ```{block.kind} block is not valid YAML ({problem}); quote text that holds ': ' or starts with a quote, or use '>-' ({HOW_TO})",
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict = {}
    if node is not None:
        _node_lines(node, (), first, lines)
    return Parsed(block, data, lines, path)


# ------------------------------------------------------------------------------------------------
# Shape: what the build needs to render a block (BAD_BLOCK)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text_or_empty(value) -> bool:
    return value is None or isinstance(value, str)


def _keys(parsed, path, mapping, required, optional, what) -> list[Problem]:
    problems = []
    for key in required:
        if key not in mapping:
            line = parsed.line(*path) if path else parsed.block.line
            problems.append(Problem(parsed.path, line, "BAD_BLOCK", f"{what} lacks '{key}' ({HOW_TO})"))
    for key in mapping:
        if key not in required and key not in optional:
            allowed = ", ".join((*required, *optional))
            problems.append(Problem(parsed.path, parsed.line(*path, key), "BAD_BLOCK", f"{what} has an unknown key '{key}'; the keys are: {allowed} (keys stay in Indonesian in both languages)"))
    return problems


def _bad(parsed, path, message) -> Problem:
    return Problem(parsed.path, parsed.line(*path), "BAD_BLOCK", f"{message} ({HOW_TO})")


def _shape_self_check(parsed) -> list[Problem]:
    data = parsed.data
    if not isinstance(data, list) or not data:
        return [_bad(parsed, (), "a ```uji-diri block is a list of questions, each starting with '- id:'")]
    problems = []
    for number, question in enumerate(data):
        where = (number,)
        if not isinstance(question, dict):
            problems.append(_bad(parsed, where, f"question {number + 1} must be a mapping with id, soal and pilihan"))
            continue
        problems += _keys(parsed, where, question, ("id", "soal", "pilihan"), ("pra_pasca",), f"question {number + 1}")
        if "id" in question and not isinstance(question["id"], str):
            problems.append(_bad(parsed, (*where, "id"), f"question {number + 1}: id must be text such as 'amplop-di-loket'"))
        if "soal" in question and not _text_or_empty(question["soal"]):
            problems.append(_bad(parsed, (*where, "soal"), f"question {number + 1}: soal must be text"))
        if "pra_pasca" in question and not isinstance(question["pra_pasca"], bool):
            problems.append(_bad(parsed, (*where, "pra_pasca"), f"question {number + 1}: pra_pasca is true or false"))
        options = question.get("pilihan")
        if "pilihan" in question and (not isinstance(options, list) or not options):
            problems.append(_bad(parsed, (*where, "pilihan"), f"question {number + 1}: pilihan is a list of options, each starting with '- teks:'"))
            continue
        for letter, option in enumerate(options or []):
            at = (*where, "pilihan", letter)
            what = f"question {number + 1}, option {letter + 1}"
            if not isinstance(option, dict):
                problems.append(_bad(parsed, at, f"{what} must be a mapping with teks and umpan_balik"))
                continue
            problems += _keys(parsed, at, option, ("teks", "umpan_balik"), ("benar",), what)
            for key in ("teks", "umpan_balik"):
                if key in option and not _text_or_empty(option[key]):
                    problems.append(_bad(parsed, (*at, key), f"{what}: {key} must be text"))
            if "benar" in option and not isinstance(option["benar"], bool):
                problems.append(_bad(parsed, (*at, "benar"), f"{what}: benar is true or false"))
    return problems


def _shape_steps(parsed, path, steps, what) -> list[Problem]:
    if not isinstance(steps, list) or not steps:
        return [_bad(parsed, path, f"{what} is a list of '- {{menit: 10, kegiatan: \"...\"}}' lines")]
    problems = []
    for number, step in enumerate(steps):
        at = (*path, number)
        if not isinstance(step, dict):
            problems.append(_bad(parsed, at, f"{what}, item {number + 1} must be '{{menit: 10, kegiatan: \"...\"}}'"))
            continue
        problems += _keys(parsed, at, step, ("menit", "kegiatan"), (), f"{what}, item {number + 1}")
        problems += _minutes(parsed, at, step, f"{what}, item {number + 1}")
        if "kegiatan" in step and (not isinstance(step["kegiatan"], str) or not step["kegiatan"].strip()):
            problems.append(_bad(parsed, (*at, "kegiatan"), f"{what}, item {number + 1}: kegiatan is the activity, as text"))
    return problems


def _minutes(parsed, at, step, what) -> list[Problem]:
    if "menit" in step and (not _is_int(step["menit"]) or step["menit"] <= 0):
        return [_bad(parsed, (*at, "menit"), f"{what}: menit is a whole number of minutes above 0 (found {step['menit']!r})")]
    return []


def _shape_case_timing(parsed) -> list[Problem]:
    data = parsed.data
    if not isinstance(data, dict):
        return [_bad(parsed, (), "a ```jadwal-kasus block is a mapping with two lists, 'singkat:' and 'penuh:'")]
    problems = _keys(parsed, (), data, VERSIONS, (), "the ```jadwal-kasus block")
    for version in VERSIONS:
        if version in data:
            problems += _shape_steps(parsed, (version,), data[version], f"'{version}'")
    return problems


def _shape_session(parsed) -> list[Problem]:
    data = parsed.data
    if not isinstance(data, dict):
        return [_bad(parsed, (), "a ```jadwal-sesi block is a mapping with 'durasi:' and a 'kegiatan:' list")]
    problems = _keys(parsed, (), data, ("durasi", "kegiatan"), (), "the ```jadwal-sesi block")
    if "durasi" in data and (not _is_int(data["durasi"]) or data["durasi"] <= 0):
        problems.append(_bad(parsed, ("durasi",), f"durasi is the session's length, a whole number of minutes (found {data['durasi']!r})"))
    items = data.get("kegiatan")
    if "kegiatan" not in data:
        return problems
    if not isinstance(items, list) or not items:
        return problems + [_bad(parsed, ("kegiatan",), "kegiatan is a list of activities and cases")]
    for number, item in enumerate(items):
        at = ("kegiatan", number)
        what = f"activity {number + 1}"
        if not isinstance(item, dict):
            problems.append(_bad(parsed, at, f"{what} must be '{{menit: 10, kegiatan: \"...\"}}' or '{{kasus: <slug>, versi: singkat}}'"))
        elif "kasus" in item:
            problems += _keys(parsed, at, item, ("kasus", "versi"), ("menit",), what) + _minutes(parsed, at, item, what)
            if not isinstance(item["kasus"], str):
                problems.append(_bad(parsed, (*at, "kasus"), f"{what}: kasus is a case slug such as 'hadiah-upacara-adat'"))
            if "versi" in item and item["versi"] not in VERSIONS:
                problems.append(_bad(parsed, (*at, "versi"), f"{what}: versi is 'singkat' (20 minutes) or 'penuh' (the case's durasi), found {item['versi']!r}"))
        else:
            problems += _keys(parsed, at, item, ("menit", "kegiatan"), (), what) + _minutes(parsed, at, item, what)
            if "kegiatan" in item and (not isinstance(item["kegiatan"], str) or not item["kegiatan"].strip()):
                problems.append(_bad(parsed, (*at, "kegiatan"), f"{what}: kegiatan is the activity, as text"))
    return problems


SHAPES = {"uji-diri": _shape_self_check, "jadwal-kasus": _shape_case_timing, "jadwal-sesi": _shape_session}


def read_block(block: Block, path: str) -> tuple[Parsed | None, list[Problem]]:
    """Parse a block and check its shape: (parsed, []) when the build can render it."""
    try:
        parsed = parse(block, path)
    except Problem as problem:
        return None, [problem]
    problems = SHAPES[block.kind](parsed)
    return (None if problems else parsed), problems


# ------------------------------------------------------------------------------------------------
# Rules


def _self_check_rules(parsed, heading_ids=()) -> list[Problem]:
    questions, path, problems = parsed.data, parsed.path, []
    if len(questions) < MIN_QUESTIONS:
        problems.append(Problem(path, parsed.block.line, "SELF_CHECK", f"{len(questions)} question(s); a self-check needs at least {MIN_QUESTIONS}"))
    seen: dict[str, int] = {}
    for number, question in enumerate(questions):
        line = parsed.line(number)
        ident = question["id"]
        if not QUESTION_ID.match(ident):
            problems.append(Problem(path, line, "SELF_CHECK", f"question id '{ident}' must be lowercase words joined by '-', such as 'amplop-di-loket'"))
        elif ident in seen:
            problems.append(Problem(path, line, "SELF_CHECK", f"question id '{ident}' is also used at line {seen[ident]}; ids are unique on the page"))
        elif f"uji-{ident}" in heading_ids:
            problems.append(Problem(path, line, "SELF_CHECK", f"question id '{ident}' would give the address #uji-{ident}, which a heading already has; choose another id"))
        seen.setdefault(ident, line)
        if not (question["soal"] or "").strip():
            problems.append(Problem(path, parsed.line(number, "soal"), "SELF_CHECK", f"question '{ident}' has an empty soal"))
        options = question["pilihan"]
        if len(options) not in OPTIONS:
            problems.append(Problem(path, line, "SELF_CHECK", f"question '{ident}' has {len(options)} options; give 3 or 4"))
        best = [n for n, option in enumerate(options) if option.get("benar") is True]
        if len(best) != 1:
            problems.append(Problem(path, line, "SELF_CHECK", f"question '{ident}' has {len(best)} options with 'benar: true'; exactly one is the best answer"))
        for letter, option in enumerate(options):
            for key, what in (("teks", "text"), ("umpan_balik", "feedback")):
                if not (option[key] or "").strip():
                    problems.append(Problem(path, parsed.line(number, "pilihan", letter, key), "SELF_CHECK", f"question '{ident}', option {letter + 1} has an empty {key} ({what})"))
    flagged = sum(1 for question in questions if question.get("pra_pasca") is True)
    if flagged != PRE_POST:
        problems.append(Problem(path, parsed.block.line, "SELF_CHECK", f"{flagged} question(s) have 'pra_pasca: true'; exactly {PRE_POST} form the printed pre/post test"))
    return problems


def self_check_summary(parsed) -> list[tuple]:
    """(id, number of options, indexes of the best options, pra_pasca) per question."""
    return [
        (q["id"], len(q["pilihan"]), tuple(n for n, o in enumerate(q["pilihan"]) if o.get("benar") is True), q.get("pra_pasca") is True)
        for q in parsed.data
    ]


def self_check_parity(source: Parsed, target: Parsed) -> list[Problem]:
    """The English self-check against the Indonesian one: same questions, options and answers."""
    ours, theirs, path = self_check_summary(target), self_check_summary(source), target.path
    where = f"{source.path}:{source.block.line}"
    ours_ids, their_ids = [q[0] for q in ours], [q[0] for q in theirs]
    if ours_ids != their_ids:
        first = next((n for n, (a, b) in enumerate(zip(ours_ids, their_ids)) if a != b), min(len(ours_ids), len(their_ids)))
        line = target.line(first) if first < len(ours_ids) else target.block.line
        return [Problem(path, line, "SELF_CHECK_PARITY", f"question ids differ from {where}: there {their_ids}, here {ours_ids}; use the same ids in the same order")]
    problems = []
    for number, (mine, other) in enumerate(zip(ours, theirs)):
        ident, line = mine[0], target.line(number)
        where = f"{source.path}:{source.line(number)}"
        if mine[1] != other[1]:
            problems.append(Problem(path, line, "SELF_CHECK_PARITY", f"question '{ident}' has {mine[1]} options, {other[1]} in {where}; translate the same options in the same order"))
        elif mine[2] != other[2]:
            problems.append(Problem(path, line, "SELF_CHECK_PARITY", f"question '{ident}': the best answer is option(s) {[n + 1 for n in mine[2]]} here, {[n + 1 for n in other[2]]} in {where}; keep the order of the options"))
        if mine[3] != other[3]:
            problems.append(Problem(path, line, "SELF_CHECK_PARITY", f"question '{ident}': pra_pasca is {str(mine[3]).lower()} here, {str(other[3]).lower()} in {where}"))
    return problems


def total(steps) -> int:
    return sum(step["menit"] for step in steps)


def _case_timing_rules(parsed, duration) -> list[Problem]:
    data, problems = parsed.data, []
    if total(data["singkat"]) != SHORT_MINUTES:
        problems.append(Problem(parsed.path, parsed.line("singkat"), "TIMING", f"'singkat' adds up to {total(data['singkat'])} minutes; the short version is exactly {SHORT_MINUTES}"))
    if _is_int(duration) and total(data["penuh"]) != duration:
        problems.append(Problem(parsed.path, parsed.line("penuh"), "TIMING", f"'penuh' adds up to {total(data['penuh'])} minutes; the front matter's durasi is {duration}"))
    return problems


def version_minutes(version: str, duration) -> int | None:
    return SHORT_MINUTES if version == "singkat" else (duration if _is_int(duration) else None)


def session_minutes(item, durations) -> int | None:
    """An activity's minutes: its own, or those of the case version it names (None if unknown)."""
    if "kasus" not in item:
        return item["menit"]
    if item["kasus"] not in durations:
        return item.get("menit")
    return version_minutes(item["versi"], durations[item["kasus"]])


def _session_rules(parsed, durations: dict) -> list[Problem]:
    data, problems, known = parsed.data, [], True
    for number, item in enumerate(data["kegiatan"]):
        if "kasus" not in item:
            continue
        line = parsed.line("kegiatan", number)
        if item["kasus"] not in durations:
            close = difflib.get_close_matches(item["kasus"], sorted(durations), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "kasus is the slug of a page in docs/studi-kasus"
            problems.append(Problem(parsed.path, line, "TIMING", f"activity {number + 1}: there is no case '{item['kasus']}'; {hint}"))
            known = known and "menit" in item
            continue
        length = version_minutes(item["versi"], durations[item["kasus"]])
        if length is None:
            known = False
        elif "menit" in item and item["menit"] != length:
            problems.append(Problem(parsed.path, line, "TIMING", f"activity {number + 1}: menit is {item['menit']}, but the '{item['versi']}' version of '{item['kasus']}' takes {length}; remove menit or correct it"))
    if known:
        added = sum(session_minutes(item, durations) for item in data["kegiatan"])
        if added != data["durasi"]:
            problems.append(Problem(parsed.path, parsed.line("durasi"), "TIMING", f"the activities add up to {added} minutes, but durasi is {data['durasi']}"))
    return problems


# ------------------------------------------------------------------------------------------------
# Names in case studies


def _name_problems(pages: list[tuple[str, Page]], default: str) -> list[Problem]:
    """tokoh: the invented given names a case (or a page's self-check) uses: each in the page's
    text, the same in both languages, and never used on another page, listed there or not."""
    problems, owners, names = [], {}, {}
    for shown, page in pages:
        line = page.line_of("tokoh")
        if "tokoh" not in page.meta:
            what = "case" if page.kind == "cases" else "self-check"
            problems.append(Problem(shown, 1, "MISSING_KEY", f"front matter lacks 'tokoh', the invented given names the {what} uses: 'tokoh: [Kristina, Lukas]' ('tokoh: []' for none)"))
            continue
        listed = page.meta["tokoh"]
        empty_allowed = page.kind != "cases"
        if not isinstance(listed, list) or (not listed and not empty_allowed) or not all(isinstance(n, str) and n.strip() for n in listed):
            problems.append(Problem(shown, line, "BAD_VALUE", f"tokoh is a list of given names such as '[Kristina, Lukas]' (found {listed!r})"))
            continue
        names[(page.section, page.slug, page.lang)] = (shown, {n.strip() for n in listed})
        for name in listed:
            name = name.strip()
            if TITLES.match(name):
                problems.append(Problem(shown, line, "BAD_VALUE", f"tokoh '{name}': list the given name only, without Bapak/Ibu"))
            elif not _mentions(page.body, name):
                problems.append(Problem(shown, line, "BAD_VALUE", f"tokoh '{name}' does not appear in the page's text; list the names the page uses, as written"))
            other = owners.setdefault((page.lang, _name_key(name)), ((page.section, page.slug), shown))
            if other[0] != (page.section, page.slug):
                problems.append(Problem(shown, line, "NAME_REUSED", f"'{name}' is already a person in {other[1]}; give this person another name"))
    # A listed name written on another page that lists names (its self-check or case), unlisted there.
    for shown, page in pages:
        mine = names.get((page.section, page.slug, page.lang), (shown, set()))[1]
        folded = page.body.casefold()  # a name the text cannot hold is not searched for (the search is the slow part)
        for (lang, key), ((section, slug), owner) in sorted(owners.items()):
            if lang != page.lang or (section, slug) == (page.section, page.slug) or any(_name_key(n) == key for n in mine):
                continue
            if key not in folded:
                continue
            written = _mentions(page.body, key, fold=True)
            if written:
                line = page.body_start + page.body[: written.start()].count("\n")
                problems.append(Problem(shown, line, "NAME_REUSED", f"'{written.group(0)}' is already a person in {owner}; a name is used on one page only"))
    for (section, slug, lang), (shown, listed) in sorted(names.items()):
        source = names.get((section, slug, default))
        if lang != default and source and source[1] != listed:
            line = next(page.line_of("tokoh") for s, page in pages if s == shown)
            problems.append(Problem(shown, line, "BAD_VALUE", f"tokoh {sorted(listed)} differs from {source[0]} {sorted(source[1])}; the names are the same in both languages"))
    return problems


def _name_key(name: str) -> str:
    """Names that differ only by a final 'h' (Fatima, Fatimah) or case are one name."""
    folded = name.strip().casefold()
    return folded[:-1] if folded.endswith("h") and len(folded) > 3 else folded


def _mentions(text: str, name: str, fold: bool = False):
    """The first place ``text`` writes ``name`` as a word (with or without a final 'h' when fold)."""
    pattern = rf"(?<!\w){re.escape(name)}h?(?!\w)" if fold else rf"(?<!\w){re.escape(name)}(?!\w)"
    return re.search(pattern, text, re.I if fold else 0)


# ------------------------------------------------------------------------------------------------
# Every rule over a docs folder


def _section_at(page: Page, line: int) -> str | None:
    section = None
    for ident, level, heading_line in page.heading_ids():
        if level == 2 and heading_line < line:
            section = ident
    return section


def check_pages(pages: list[tuple[str, Page]], settings, rules: form.FormRules | None = None) -> list[Problem]:
    """Every block and name rule, for pages given as (shown path, Page), e.g. ('docs/x.id.md', page)."""
    problems: list[Problem] = []
    default = settings.languages.default
    durations = {
        page.slug: page.meta.get("durasi")
        for _, page in pages
        if page.kind == "cases" and page.slug != "index" and page.lang == default
    }
    self_checks: dict[tuple, Parsed] = {}
    for shown, page in pages:
        blocks = find_blocks(page.body, page.body_start)
        template = page.slug != "index" and page.kind in REQUIRED
        if template:
            problems += _placement(shown, page, blocks)
        for block in blocks:
            parsed, shape = read_block(block, shown)
            problems += shape
            if parsed is None:
                continue
            if block.kind == "uji-diri":
                problems += _self_check_rules(parsed, {ident for ident, _, _ in page.heading_ids()})
                self_checks.setdefault((page.section, page.slug, page.lang), parsed)
            elif block.kind == "jadwal-kasus":
                problems += _case_timing_rules(parsed, page.meta.get("durasi") if page.kind == "cases" else None)
            else:
                problems += _session_rules(parsed, durations)
    for (section, slug, lang), parsed in sorted(self_checks.items()):
        source = self_checks.get((section, slug, default))
        if lang != default and source is not None:
            problems += self_check_parity(source, parsed)
    problems += _form_problems(self_checks, rules or form.FormRules())
    named = [(s, p) for s, p in pages if p.slug != "index" and (p.kind == "cases" or (p.section, p.slug, p.lang) in self_checks)]
    problems += _name_problems(named, default)
    return problems


def _form_problems(self_checks: dict[tuple, Parsed], rules: form.FormRules) -> list[Problem]:
    """SELF_CHECK_FORM per question and SELF_CHECK_GUESS per language (self_check_form.py)."""
    from handbook import interface

    problems, per_language = [], {}
    for (_section, _slug, lang), parsed in sorted(self_checks.items()):
        for number, question in enumerate(parsed.data):
            best = [n for n, option in enumerate(question["pilihan"]) if option.get("benar") is True]
            if len(best) != 1:
                continue  # SELF_CHECK already says so
            seen = form.Question(parsed.path, parsed.line(number), question["id"], tuple(form.plain(o["teks"]) for o in question["pilihan"]), best[0])
            problems += [Problem(*found) for found in form.length_problems(seen, rules)]
            per_language.setdefault(lang, []).append(seen)
    words = interface.labels("language")
    for lang, questions in sorted(per_language.items()):
        conjunctions = frozenset(word.lower() for word in words[lang]["conjunctions"])
        problems += [Problem(*found) for found in form.guess_problems(questions, rules, conjunctions, lang)]
    return problems


def _placement(shown: str, page: Page, blocks: list[Block]) -> list[Problem]:
    """A character page has one ```uji-diri in #uji-diri; a case has one ```jadwal-kasus in #catatan-pelatih.

    Without the section heading there is nothing to add: MISSING_SECTION already names it.
    """
    kind, section, code = REQUIRED[page.kind]
    headings = {ident: line for ident, level, line in page.heading_ids() if level == 2}
    if section not in headings:
        return []
    mine = [block for block in blocks if block.kind == kind]
    if not mine:
        return [Problem(shown, headings[section], code, f"no ```{kind} block in this section; add one ({HOW_TO})")]
    problems = [Problem(shown, block.line, "BAD_BLOCK", f"a second ```{kind} block; a page has one") for block in mine[1:]]
    if _section_at(page, mine[0].line) != section:
        problems.append(Problem(shown, mine[0].line, "BAD_BLOCK", f"the ```{kind} block belongs in the '{{#{section}}}' section (line {headings[section]})"))
    return problems
