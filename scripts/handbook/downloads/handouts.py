"""Character handouts: one A4 page per character, then a pocket card of all eight on one page.

Each page shows the character's number and title, its one-line summary (``p.pedoman-ringkas``), the
key behaviours listed under ``#ringkasan``, the first reflection question of ``#refleksi`` with
room to write, the related BerAKHLAK values (front matter ``berakhlak``, named as the site names
them), and a QR code to the character page. The pocket card repeats number, title, summary and QR
code for all eight, to cut out. Text comes from the built offline copy; numbers and values from
the pages' front matter. A character whose page does not fit on one page fails the build.
Built by build_site.py via kit.py.
"""

from __future__ import annotations


from handbook import vocabulary
from handbook.pages import ContentError, as_slug_list, read_page

from . import book, pdf, qr
from .book import BookError, BookPage
from .cards import Context, document, esc, inner, page_starts, source_names
from .sections import section, unwrap_links

POCKET_ID = "kartu-saku"


def _front_matter(ctx: Context, page: BookPage) -> dict:
    for name in source_names(page.source, ctx.lang, ctx.default_lang):  # the site falls back to the default language
        path = ctx.docs / name
        if path.is_file():
            try:
                return read_page(path, f"docs/{name}").meta
            except ContentError as error:
                raise BookError(str(error)) from None
    stem = page.source[: -len(".md")]
    raise BookError(f"docs/{stem}.{ctx.lang}.md: no such page; the character handouts need it")


def value_names(slugs, lang: str, default: str) -> list[str]:
    """BerAKHLAK values in the page's language, as the site writes them (generated_lists.py)."""
    names = []
    for slug in slugs:
        name, gloss = vocabulary.BERAKHLAK[slug]
        names.append(esc(name) if lang == default else f"{esc(name)} (<em>{esc(gloss)}</em>)")
    return names


def _character(ctx: Context, page: BookPage, keys: dict) -> dict:
    where = ctx.where(page)
    soup, article = book.prepared_article(ctx.site, page, keys, ctx.site_url)
    summary = section(article, page.key, "ringkasan", where)
    unwrap_links(summary)
    one_line = next((e for e in summary if e.name == "p" and "pedoman-ringkas" in e.get("class", [])), None)
    behaviours = next((e for e in summary if e.name in ("ul", "ol")), None)
    reflection = section(article, page.key, "refleksi", where)
    unwrap_links(reflection)
    first_question = next((li for e in reflection if e.name in ("ol", "ul") for li in e.find_all("li", recursive=False)), None)
    missing = [name for name, found in (("the one-line summary (ringkas)", one_line), ("the list of key behaviours", behaviours),
                                         ("a reflection question (a list item)", first_question)) if found is None]
    if missing:
        raise BookError(f"{where}: the character handout needs {', '.join(missing)} under #ringkasan / #refleksi (see CONTRIBUTING.md)")
    meta = _front_matter(ctx, page)
    url = ctx.address(page)
    return {
        "key": page.key,
        "number": meta.get("nomor", ""),
        "title": article.h1.get_text(" ", strip=True),
        "one_line": one_line.decode_contents(),
        "one_line_text": one_line.get_text(" ", strip=True),
        "behaviours": inner(behaviours.find_all("li", recursive=False)),
        "question": first_question.decode_contents(),
        "values": value_names(as_slug_list(meta.get("berakhlak")), ctx.lang, ctx.default_lang),
        "url": url,
        "qr": qr.image(url, ctx.t["qr_alt"].format(url=url)),
        "qr_small": qr.image(url, ctx.t["qr_alt"].format(url=url), "qr qr-saku"),
    }


def _sheet(ctx: Context, c: dict) -> str:
    t = ctx.t
    lines = '<div class="garis-tulis"></div>' * 6
    return (
        f'<section class="lembar" id="{c["key"]}"><header class="lembar-kepala">{c["qr"]}'
        f'<p class="lembar-nomor">{esc(str(c["number"]))}</p><h1 class="lembar-judul">{esc(c["title"])}</h1>'
        f'<p class="alamat">{esc(c["url"])} · {esc(ctx.edition_text)}</p><p class="kartu-pindai">{esc(t["scan_character"])}</p></header>'
        f'<p class="lembar-ringkas">{c["one_line"]}</p>'
        f'<h2>{esc(t["behaviours"])}</h2><ul class="lembar-perilaku">{c["behaviours"]}</ul>'
        f'<h2>{esc(t["values"])}</h2><p class="lembar-nilai">{", ".join(c["values"])}</p>'
        f'<h2>{esc(t["reflection"])}</h2><p class="lembar-refleksi">{c["question"]}</p>'
        f'<p class="lembar-catatan">{esc(t["your_notes"])}</p>{lines}</section>'
    )


def _pocket(ctx: Context, characters: list[dict]) -> str:
    t = ctx.t
    cells = "".join(
        f'<div class="saku-sel">{c["qr_small"]}<p class="saku-nama"><span class="saku-nomor">{esc(str(c["number"]))}</span> '
        f'{esc(c["title"])}</p><p class="saku-ringkas">{esc(c["one_line_text"])}</p></div>'
        for c in characters
    )
    return (
        f'<section class="saku" id="{POCKET_ID}"><h1 class="saku-judul">{esc(t["pocket_title"].format(values=ctx.values_title))}</h1>'
        f'<p class="saku-petunjuk">{esc(t["pocket_hint"].format(url=ctx.site_url))}</p><div class="saku-kisi">{cells}</div></section>'
    )


def handouts(ctx: Context, characters: list[BookPage]):
    """The handouts, laid out (a WeasyPrint Document): one page per character, then the pocket card."""
    keys = {page.built: page.key for page in characters}
    data = [_character(ctx, page, keys) for page in characters]
    body = "".join(_sheet(ctx, c) for c in data) + _pocket(ctx, data)
    rendered = pdf.layout(document(ctx, ctx.t["handout_title"], body, "karakter", ctx.t["handout_header"].format(title=ctx.title)), ctx.site)
    starts = page_starts(rendered, [c["key"] for c in data] + [POCKET_ID])
    for number, c in enumerate(data):
        following = data[number + 1]["key"] if number + 1 < len(data) else POCKET_ID
        if starts.get(c["key"]) != number or starts.get(following) != number + 1:
            raise BookError(
                f"{ctx.where(characters[number])}: the character handout does not fit on one A4 page; "
                "shorten the key behaviours under #ringkasan or the first question of #refleksi"
            )
    if len(rendered.pages) != len(data) + 1:
        raise BookError(f"character handouts: the pocket card of all {len(data)} characters does not fit on one A4 page")
    return rendered
