"""Lists that the build writes from front matter, so they can never drift from the pages.

A page asks for a list with a marker line, ``<!-- auto: NAME -->`` (see CONTRIBUTING.md):

- ``gambar-karakter``: an SVG picture of the values, its words from the page's ``gambar`` front matter;
- ``kartu-karakter``: the eight character cards (number, title, one-line summary);
- ``peta-berakhlak``: the character x BerAKHLAK table;
- ``studi-kasus``: on a character page, the cases that use that character;
- ``karakter-terkait``: on a local-context page, its characters and the cases that use it;
- ``daftar-kasus``: the table of every case study;
- ``singkatan``: the acronyms of ``includes/abbreviations.md``;
- ``ringkas``: this page's one-line ``ringkas`` from its front matter, as the lead sentence;
- ``waktu-baca``: this page's reading time, counted from its words.

An unknown marker, an unknown slug or a missing front-matter key fails the build with the file,
the line and the fix.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook import pages as content
from handbook.build import current_language, default_language
from handbook.settings import from_config
from handbook import vocabulary
from handbook import interface

MARKER = re.compile(r"^<!--\s*auto:\s*([a-z-]+)\s*-->[ \t]*$", re.M)  # [ \t]: never eat the blank line after
ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")

LABELS = interface.labels("generated_lists")  # interface text: handbook/interface_text/<lang>.yml


def _text(value) -> str:
    """Front-matter text for Markdown: shown as written, never read as a tag or a table cell end."""
    return html.escape(str(value), quote=False).replace("|", "&#124;")


def _load(docs_dir: Path, section: str, lang: str, settings, slugs: dict) -> dict[str, content.Page]:
    """The pages of a folder in ``lang``, by slug, in their front matter's order (``nomor``)."""
    pages = {}
    for page in content.section_pages(docs_dir, section, lang, settings):
        shown = f"docs/{section}/{page.path.name}"
        errors = content.front_matter_errors(page, shown, slugs)
        if errors:
            raise PluginError("\n".join(str(e) for e in errors))
        pages[page.slug] = page
    return pages


def _folder(ctx, kind: str) -> str:
    """The docs folder of a kind a marker lists; a handbook without it cannot have that list."""
    folder = ctx["settings"].folder(kind)
    if folder is None:
        raise PluginError(
            f"docs/{ctx['page'].file.src_uri}: '<!-- auto: {ctx['marker']} -->' lists the {kind} pages, but mkdocs.yml "
            f"names no folder for them; add plugins > handbook > sections > {kind}, or remove the marker"
        )
    return folder


def _pages(ctx, kind: str) -> dict[str, content.Page]:
    """The pages of a kind in the page's language (read once per page), by slug, in order."""
    loaded = ctx["loaded"]  # the plugin's state for this step: read once per build and language
    if (kind, ctx["lang"]) not in loaded:
        settings = ctx["settings"]
        try:
            if "slugs" not in loaded:
                loaded["slugs"] = content.kind_slugs(ctx["docs"], settings)
            loaded[(kind, ctx["lang"])] = _load(ctx["docs"], _folder(ctx, kind), ctx["lang"], settings, loaded["slugs"])
        except content.ContentError as error:
            raise PluginError(str(error)) from None
    return loaded[(kind, ctx["lang"])]


def _link(from_section: str, section: str, slug: str, anchor: str = "") -> str:
    if from_section == section:
        prefix = ""
    elif from_section == "":
        prefix = f"{section}/"
    else:
        prefix = f"../{section}/"
    return f"{prefix}{slug}.md{anchor}"


def _character_cards(ctx) -> str:
    items = []
    for slug, page in _pages(ctx, "values").items():
        items.append(
            f"-   **{page.meta['nomor']}** · [**{_text(page.meta['title'])}**]"
            f"({_link(ctx['here'], _folder(ctx, 'values'), slug)})\n\n    ---\n\n    {_text(page.meta['ringkas'])}\n"
        )
    return '<div class="grid cards" markdown>\n\n' + "\n".join(items) + "\n</div>"


def _value_name(slug: str, lang: str, default: str) -> str:
    """A core value's name; in a language other than the default, with its gloss."""
    name, gloss = vocabulary.BERAKHLAK[slug]
    return name if lang == default else f"{name} (*{gloss}*)"


def _berakhlak_map(ctx) -> str:
    t, lang = ctx["t"], ctx["lang"]
    rows = [f"| {t['character']} | {t['values']} |", "|---|---|"]
    for slug, page in _pages(ctx, "values").items():
        values = ", ".join(_value_name(v, lang, ctx["default"]) for v in content.as_slug_list(page.meta["berakhlak"]))
        rows.append(
            f"| {page.meta['nomor']}. [{_text(page.meta['title'])}]({_link(ctx['here'], _folder(ctx, 'values'), slug)}) | {values} |"
        )
    return "\n".join(rows)


def _case_line(ctx, case, main: bool) -> str:
    mark = f" ({ctx['t']['main_mark']})" if main else ""
    return (
        f"- [{_text(case.meta['title'])}]({_link(ctx['here'], _folder(ctx, 'cases'), case.slug)}){mark}: "
        f"{_text(case.meta['ringkas'])} ({case.meta['durasi']} {ctx['t']['min']})"
    )


def _cases_for_character(ctx) -> str:
    slug = ctx["page"].file.src_uri.split("/")[-1].split(".")[0]
    cases = [c for c in _pages(ctx, "cases").values() if slug in content.as_slug_list(c.meta["karakter"])]
    cases.sort(key=lambda c: (content.as_slug_list(c.meta["karakter"])[0] != slug, c.meta["title"]))
    if not cases:
        return ctx["t"]["none"]
    return "\n".join(_case_line(ctx, c, content.as_slug_list(c.meta["karakter"])[0] == slug) for c in cases)


def _related_characters(ctx) -> str:
    slug = ctx["page"].file.src_uri.split("/")[-1].split(".")[0]
    here = _pages(ctx, "context")[slug]
    lines = []
    for character in content.as_slug_list(here.meta["karakter"]):
        page = _pages(ctx, "values").get(character)
        title = _text(page.meta["title"]) if page else character
        summary = f": {_text(page.meta['ringkas'])}" if page else ""
        lines.append(f"- [{title}]({_link(ctx['here'], _folder(ctx, 'values'), character)}){summary}")
    cases = sorted(
        (c for c in _pages(ctx, "cases").values() if slug in content.as_slug_list(c.meta["konteks"])),
        key=lambda c: c.meta["title"],
    )
    if cases:
        lines += ["", ctx["t"]["cases_here"], ""]
        lines += [_case_line(ctx, c, False) for c in cases]
    return "\n".join(lines)


def _case_table(ctx) -> str:
    t = ctx["t"]
    values = _pages(ctx, "values")
    has_context = bool(ctx["settings"].folder("context"))  # a handbook may have none: then no such column
    contexts = _pages(ctx, "context") if has_context else {}
    rows = [
        f"| {t['title']} | {t['main']} | {t['others']} |" + (f" {t['context']} |" if has_context else "") + f" {t['minutes']} |",
        "|---|---|---|" + ("---|" if has_context else "") + "--:|",
    ]

    def character(slug):
        page = values.get(slug)
        return f"[{_text(page.meta['title']) if page else slug}]({_link(ctx['here'], _folder(ctx, 'values'), slug)})"

    def context(slug):
        page = contexts.get(slug)
        return f"[{_text(page.meta['title']) if page else slug}]({_link(ctx['here'], _folder(ctx, 'context'), slug)})"

    order = list(values)
    cases = sorted(
        _pages(ctx, "cases").values(),
        key=lambda c: (order.index(content.as_slug_list(c.meta["karakter"])[0]), c.meta["title"]),
    )
    for case in cases:
        characters = content.as_slug_list(case.meta["karakter"])
        rows.append(
            f"| [{_text(case.meta['title'])}]({_link(ctx['here'], _folder(ctx, 'cases'), case.slug)}) "
            f"| {character(characters[0])} | {', '.join(character(s) for s in characters[1:])} "
            + (f"| {', '.join(context(s) for s in content.as_slug_list(case.meta.get('konteks')))} " if has_context else "")
            + f"| {case.meta['durasi']} |"
        )
    return "\n".join(rows)


def _acronyms(ctx) -> str:
    t = ctx["t"]
    rows = [f"| {t['acronym']} | {t['meaning']} |", "|---|---|"]
    source = ctx["root"] / "includes" / "abbreviations.md"
    entries = []
    for line in source.read_text(encoding="utf-8").splitlines():
        match = ABBREVIATION.match(line)
        if match:
            entries.append((match.group(1), match.group(2)))
    for name, meaning in sorted(entries, key=lambda e: e[0].lower()):
        rows.append(f"| {name} | {meaning} |")
    return "\n".join(rows)


def _wrap(title: str, width: int = 13) -> list[str]:
    """Split a title into at most two lines of about `width` characters."""
    words, lines = title.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width and len(lines) < 2:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _character_picture(ctx) -> str:
    """An inline SVG of the eight characters: two columns of numbered tiles, legible at 360 px."""
    tiles, names = [], []
    for index, page in enumerate(_pages(ctx, "values").values()):
        title = str(page.meta["title"])
        names.append(f"{page.meta['nomor']}. {title}")
        x, y = 8 + (index % 2) * 176, 52 + (index // 2) * 84
        lines = _wrap(title)
        text_y = y + (44 if len(lines) == 1 else 35)
        label = "".join(
            f'<tspan x="{x + 58}" y="{text_y + i * 20}">{html.escape(line)}</tspan>' for i, line in enumerate(lines)
        )
        tiles.append(
            f'<g><rect class="tile" x="{x}" y="{y}" width="168" height="74" rx="12"/>'
            f'<circle class="badge" cx="{x + 28}" cy="{y + 37}" r="19"/>'
            f'<text class="number" x="{x + 28}" y="{y + 44}" text-anchor="middle">{html.escape(str(page.meta["nomor"]))}</text>'
            f'<text class="label">{label}</text></g>'
        )
    words = ctx["page"].meta.get("gambar")
    if not isinstance(words, dict) or not all(isinstance(words.get(key), str) and words[key].strip() for key in ("judul", "uraian", "keterangan")):
        raise PluginError(
            f"docs/{ctx['page'].file.src_uri}: '<!-- auto: gambar-karakter -->' needs the picture's words in the front matter: "
            "gambar: {judul: <heading>, uraian: <what it shows, for screen readers>, keterangan: <caption>}"
        )
    title, caption = html.escape(words["judul"].strip()), html.escape(words["keterangan"].strip())
    description = f"{words['uraian'].strip()}: " + "; ".join(names) + "."
    height = 52 + 84 * ((len(tiles) + 1) // 2)
    return (
        '<figure class="pedoman-karakter">\n'
        f'<svg viewBox="0 0 360 {height}" role="img" aria-labelledby="gambar-karakter-judul gambar-karakter-isi" '
        'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="gambar-karakter-judul">{title}</title>'
        f'<desc id="gambar-karakter-isi">{html.escape(description)}</desc>'
        f'<text class="heading" x="180" y="32" text-anchor="middle">{title}</text>'
        + "".join(tiles)
        + "</svg>\n"
        f"<figcaption>{caption}</figcaption>\n</figure>"
    )


# Words a reader gets through in a minute on a phone; a round figure for plain prose in either
# language, so both pages of a pair show the same time.
WORDS_PER_MINUTE = 200
WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _lead(ctx) -> str:
    """The page's own ``ringkas``: the one line a reader should take away."""
    summary = ctx["page"].meta.get("ringkas")
    if not summary:
        raise PluginError(f"docs/{ctx['page'].file.src_uri}: '<!-- auto: ringkas -->' needs a 'ringkas' line in the front matter")
    # Escaped: front matter is text, so a '<' or '&' in it shows as written and opens no tag.
    return f'<p class="pedoman-ringkas" markdown>**{_text(str(summary).strip())}**</p>'


def _reading_time(ctx) -> str:
    body = MARKER.sub(" ", ctx["markdown"])
    body = re.sub(r"<!--.*?-->|<[^>]+>|\{[^}]*\}|\]\([^)]*\)", " ", body, flags=re.S)
    minutes = max(1, round(len(WORD.findall(body)) / WORDS_PER_MINUTE))
    return f'<p class="pedoman-waktu-baca">{ctx["t"]["reading_time"].format(minutes=minutes)}</p>'


GENERATORS = {
    "gambar-karakter": _character_picture,
    "kartu-karakter": _character_cards,
    "peta-berakhlak": _berakhlak_map,
    "studi-kasus": _cases_for_character,
    "karakter-terkait": _related_characters,
    "daftar-kasus": _case_table,
    "singkatan": _acronyms,
    "ringkas": _lead,
    "waktu-baca": _reading_time,
}


def on_page_markdown(markdown, page, config, files, state):
    if "<!--" not in markdown or not MARKER.search(markdown):
        return markdown
    docs_dir = Path(config.docs_dir)
    lang = current_language(config)
    settings = from_config(config)
    ctx = {
        "page": page,
        "settings": settings,
        "docs": docs_dir,
        "loaded": state,
        "lang": lang,
        "default": default_language(config),
        "t": LABELS[lang],
        "here": page.file.src_uri.split("/")[0] if "/" in page.file.src_uri else "",
        "root": Path(config.config_file_path).parent,
        "markdown": markdown,
    }
    def replace(match):
        name = match.group(1)
        ctx["marker"] = name
        if name not in GENERATORS:
            line = markdown[: match.start()].count("\n") + 1
            raise PluginError(
                f"docs/{page.file.src_uri}: marker line {line} (after front matter): unknown list "
                f"'<!-- auto: {name} -->'; use one of: {', '.join(GENERATORS)}"
            )
        return GENERATORS[name](ctx)

    return MARKER.sub(replace, markdown)
