"""The fenced YAML blocks of the pages become a self-check, case timings and session plans.

- ```` ```uji-diri ````: a self-check (radio buttons, feedback for every option in a ``<details>``,
  and a live region ``handbook/theme/assets/javascripts/uji-diri.js`` fills). The HTML is a contract the PDF
  builder and the tests rely on; see ``_self_check``.
- ```` ```jadwal-kasus ````: two tables, the 20-minute and the full version of a case.
- ```` ```jadwal-sesi ````: one table for a session; a case row links the case and names its version.

Formats and rules: CONTRIBUTING.md, "Blocks for class", and ``scripts/handbook/blocks.py``. A block
the build cannot render (bad YAML, wrong shape, an unknown case in a session) fails the build with
the file and line; rules that do not stop rendering (sums, counts, parity) are left to
``scripts/handbook/commands/check_content.py``. Every text from a block is escaped before it reaches the HTML.
"""

from __future__ import annotations

import html
import posixpath
import re
import string
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook import blocks
from handbook import pages as content
from handbook.build import current_language, section
from handbook.settings import from_config
from handbook import interface

LABELS = interface.labels("content_blocks")  # interface text: handbook/interface_text/<lang>.yml

# Inline text of a self-check: escaped, then only *emphasis* and **strong** become tags. The quiz
# is one raw HTML block, which Python-Markdown leaves alone, so the page's Markdown rules never see
# its text; running Markdown on each text instead would also let links through that MkDocs neither
# rewrites nor validates inside raw HTML. Kei terms need italics and nothing more, so this small
# conversion (on already-escaped text, adding only fixed tags) is the safe choice.
STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")


def _inline(text) -> str:
    escaped = html.escape(" ".join(str(text or "").split()), quote=True)
    return EMPHASIS.sub(r"<em>\1</em>", STRONG.sub(r"<strong>\1</strong>", escaped))


def _cell(text) -> str:
    """Text for a Markdown table cell: one line, no raw HTML, no '|' that would end the cell."""
    return html.escape(" ".join(str(text).split()), quote=False).replace("|", "&#124;")


def _self_check(parsed, t) -> str:
    parts = ['<div class="uji-diri" data-uji-diri>']
    for number, question in enumerate(parsed.data, start=1):
        ident = html.escape(question["id"], quote=True)
        flag = "true" if question.get("pra_pasca") is True else "false"
        letters = string.ascii_lowercase
        choices = "".join(
            f'<label><input type="radio" name="uji-{ident}" value="{letter}"> <span>{_inline(option["teks"])}</span></label>'
            for letter, option in zip(letters, question["pilihan"])
        )
        feedback = "".join(
            f'<li data-pilihan="{letter}" data-benar="{"true" if option.get("benar") is True else "false"}">'
            + (f'<strong>{t["best"]}</strong> ' if option.get("benar") is True else "")
            + f'{_inline(option["umpan_balik"])}</li>'
            for letter, option in zip(letters, question["pilihan"])
        )
        parts.append(
            f'<fieldset class="uji-soal" id="uji-{ident}" data-pra-pasca="{flag}">'
            f'<legend>{number}. {_inline(question["soal"])}</legend>'
            f'<div class="uji-pilihan">{choices}</div>'
            f'<details class="uji-pembahasan"><summary>{t["feedback"]}</summary>'
            f'<ol class="uji-umpan-balik" type="a">{feedback}</ol></details>'
            '<p class="uji-hasil" aria-live="polite"></p></fieldset>'
        )
    parts.append("</div>")
    return "\n".join(parts)


def _table(rows: list[tuple], t) -> str:
    lines = [f"| {t['minutes']} | {t['activity']} |", "|--:|:--|"]
    lines += [f"| {minutes} | {activity} |" for minutes, activity in rows]
    lines.append(f"| **{sum(minutes for minutes, _ in rows)}** | **{t['total']}** |")
    return "\n".join(lines)


def _case_timing(parsed, t) -> str:
    short, full = parsed.data["singkat"], parsed.data["penuh"]
    return "\n\n".join(
        [
            f"**{t['short']}**",
            _table([(step["menit"], _cell(step["kegiatan"])) for step in short], t),
            f"**{t['full'].format(minutes=blocks.total(full))}**",
            _table([(step["menit"], _cell(step["kegiatan"])) for step in full], t),
        ]
    )


def _session(parsed, t, ctx) -> str:
    rows = []
    for number, item in enumerate(parsed.data["kegiatan"]):
        if "kasus" not in item:
            rows.append((item["menit"], _cell(item["kegiatan"])))
            continue
        case = ctx["cases"].get(item["kasus"])
        minutes = blocks.session_minutes(item, ctx["durations"]) if case else None
        if minutes is None:
            raise PluginError(
                f"{parsed.path}:{parsed.line('kegiatan', number)}: TIMING: no case '{item['kasus']}' with a durasi in "
                + (f"docs/{ctx['cases_folder']}; use one of: {', '.join(sorted(ctx['cases']))}" if ctx["cases_folder"]
                   else "this handbook: name its cases folder in mkdocs.yml (plugins > handbook > sections > cases)")
            )
        link = posixpath.relpath(f"{ctx['cases_folder']}/{item['kasus']}.md", ctx["folder"])
        version = t["short_version"] if item["versi"] == "singkat" else t["full_version"]
        rows.append((minutes, f"{t['case']}: [{_cell(case.meta.get('title', item['kasus']))}]({link}), {version}"))
    return _table(rows, t)


def _context(config, page, lang, state: dict) -> dict:
    docs = Path(config.docs_dir)
    folder = section(config, "cases")  # a session plan names cases of this section
    settings = from_config(config)

    def cases_in(code: str) -> dict:
        if code not in state:  # read once per build and language (the plugin's state)
            state[code] = {case.slug: case for case in content.section_pages(docs, folder, code, settings)}
        return state[code]

    cases = cases_in(lang) if folder else {}
    sources = cases_in(settings.languages.default) if cases else {}
    return {
        "cases_folder": folder,
        "cases": cases,
        "durations": {slug: case.meta.get("durasi") for slug, case in sources.items()},
        "folder": posixpath.dirname(page.file.src_uri) or ".",
    }


def on_page_markdown(markdown, page, config, files, state):
    if "```" not in markdown and "~~~" not in markdown:
        return markdown
    found = blocks.find_blocks(markdown)
    if not found:
        return markdown
    source = Path(page.file.abs_src_path)
    shown = f"docs/{source.relative_to(Path(config.docs_dir).resolve()).as_posix()}" if source.is_relative_to(Path(config.docs_dir).resolve()) else str(source)
    try:
        written = content.read_page(source, shown)
    except content.ContentError as error:
        raise PluginError(str(error)) from None
    # Line numbers come from the file as written (earlier hooks may have changed the Markdown);
    # the blocks are the same ones, in the same order.
    in_file = blocks.find_blocks(written.body, written.body_start)
    if [b.kind for b in in_file] != [b.kind for b in found]:
        in_file = found
    lang = current_language(config)
    t = LABELS[lang]
    ctx = None
    pieces, last = [], 0
    for block, located in zip(found, in_file):
        parsed, problems = blocks.read_block(located, shown)
        if problems:
            raise PluginError("\n".join(str(problem) for problem in problems))
        if block.kind == "uji-diri":
            rendered = _self_check(parsed, t)
        elif block.kind == "jadwal-kasus":
            rendered = _case_timing(parsed, t)
        else:
            ctx = ctx or _context(config, page, lang, state)
            rendered = _session(parsed, t, ctx)
        indented = "\n".join((block.indent + line) if line else "" for line in rendered.split("\n"))
        pieces += [markdown[last : block.start], f"\n{indented}\n\n"]
        last = block.end
    pieces.append(markdown[last:])
    return "".join(pieces)
