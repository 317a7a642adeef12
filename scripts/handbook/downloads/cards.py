"""The case cards in two editions, made from the built offline copy (build_site.py runs them via kit.py).

- Participant edition (``participant``): per case only its situation, dilemma and discussion
  questions (``#situasi``, ``#dilema``, ``#pertanyaan``) under the illustrative-case notice, each
  case on a new page with its title, online address and QR code. A case must fit on two A4 pages:
  it is laid out in the largest type of ``TYPE_SIZES`` that fits, and the build fails, naming the
  case, if even the smallest does not. At the end, the printed pre/post test: the self-check
  questions marked ``data-pra-pasca="true"`` with their options and a box to tick; no feedback.
- Trainer edition (``trainer``): a cover, contents, each whole case (suggested approach, trainer
  notes and timing tables included), the trainer guide's answer keys (``#kunci-jawaban``), then
  the key of the pre/post test (question, best option, its feedback). Every page carries
  "For trainers" in its header (``@page`` in cards.css).

The cards show what the site shows, with one exception: the trainer edition also prints each
case's trainer-only blocks (handbook/trainer_only.py), which no public page holds, so they are read
from the case's Markdown source and rendered here. Problems raise ``book.BookError`` or
``qr.AddressError`` with the file named.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from handbook import trainer_only
from handbook.addresses import online_path
from handbook.pages import ContentError, read_page

from . import book, pdf, qr
from .book import BookError, BookPage
from .sections import Question, questions, section, unwrap_links

PARTICIPANT_SECTIONS = ("situasi", "dilema", "pertanyaan")
MAX_CARD_PAGES = 2
TYPE_SIZES = (10.5, 10, 9.5, 9, 8.5, 8)  # points, largest first; 8 pt is still readable on A4
PRE_POST_ID = "tes-awal-akhir"


@dataclass(frozen=True)
class Context:
    """What every printed kit document needs to know."""

    site: Path  # the offline copy
    docs: Path  # the docs folder (front matter)
    lang: str
    site_url: str
    addresses: qr.Addresses
    t: dict  # interface text in ``lang`` (kit.LABELS)
    css: str
    date: str  # ISO date of the commit, for the PDF metadata
    date_text: str
    version: str
    edition: str = ""  # mkdocs.yml plugins > handbook > edition, printed on every card and cover
    author: str = ""  # mkdocs.yml site_author, the PDFs' metadata
    publisher: dict = None  # handbook/publisher.py lines in ``lang``: who issues it, status, contact
    default_lang: str = ""  # the handbook's default language: a page missing in ``lang`` falls back to it
    title: str = ""  # the handbook's title in ``lang`` (site_name), in the printed headers
    values_title: str = ""  # the title of the values' section page in ``lang``, on the pocket card

    @property
    def edition_text(self) -> str:
        """The edition, and while the handbook is a draft, that it is one: every card prints it."""
        edition = self.t["edition"].format(edition=self.edition)
        if self.publisher and self.publisher.get("draft"):
            return f"{edition} · {self.publisher['status']}"
        return edition

    @property
    def publisher_html(self) -> str:
        """Who issues the handbook, its status and a contact, for a cover."""
        found = self.publisher or {}
        return "".join(f'<p class="sampul-penerbit">{esc(found[key])}</p>' for key in ("by", "status", "contact") if found.get(key))

    def address(self, page: BookPage) -> str:
        """The page's registered online address (the QR code's target)."""
        return self.addresses.url("/" + online_path(page.built))

    def where(self, page: BookPage) -> str:
        return str(self.site / page.built)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def document(ctx: Context, title: str, body: str, kind: str, header: str) -> str:
    """One HTML document for WeasyPrint. ``kind`` (a class on <body>) picks its pages in cards.css;
    ``header`` is the running header of every page (cards.css reads it from ``data-kopi``)."""
    if ctx.publisher and ctx.publisher.get("draft"):
        header = f"{header} · {ctx.publisher['status']}"  # every printed page says it is a draft
    return f"""<!doctype html>
<html lang="{ctx.lang}"><head><meta charset="utf-8">
<title>{esc(title)}</title>
<meta name="dcterms.created" content="{ctx.date}"><meta name="dcterms.modified" content="{ctx.date}">
<meta name="author" content="{esc(ctx.author)}"><meta name="generator" content="WeasyPrint">
<style>{ctx.css}</style></head><body class="{kind}" data-kopi="{esc(header)}">
{body}
</body></html>"""


def inner(elements) -> str:
    return "".join(str(element) for element in elements)


def _notice(article, key: str) -> str:
    """The illustrative-case notice written under a case's title, as one short paragraph."""
    first = article.find("h2", id=f"{key}--situasi")
    for box in first.find_previous_siblings(class_="admonition") if first else []:
        if "pedoman-terjemahan" in box.get("class", []):
            continue  # the "translation being updated" banner belongs to the site, not to a card
        title = box.find(class_="admonition-title")
        heading = title.extract().get_text(" ", strip=True) if title else ""
        text = " ".join(p.decode_contents() for p in box.find_all("p"))
        return f'<p class="kartu-catatan"><strong>{esc(heading)}.</strong> {text}</p>'
    return ""


# ------------------------------------------------------------------------------------------------
# Participant edition


def _card(ctx: Context, page: BookPage, keys: dict, number: int, total: int, size: float) -> str:
    soup, article = book.prepared_article(ctx.site, page, keys, ctx.site_url)
    parts = [section(article, page.key, ident, ctx.where(page)) for ident in PARTICIPANT_SECTIONS]
    for part in parts:
        unwrap_links(part)
    title = article.h1.get_text(" ", strip=True)
    url = ctx.address(page)
    t = ctx.t
    return (
        f'<section class="kartu" id="{page.key}" style="font-size: {size}pt">'
        f'<header class="kartu-kepala">{qr.image(url, t["qr_alt"].format(url=url))}'
        f'<p class="kartu-label">{esc(t["participant_label"].format(number=number, total=total))}</p>'
        f'<h1 class="kartu-judul">{esc(title)}</h1>'
        f'<p class="alamat">{esc(url)} · {esc(ctx.edition_text)}</p><p class="kartu-pindai">{esc(t["scan_case"])}</p></header>'
        f'{_notice(article, page.key)}{"".join(inner(part) for part in parts)}</section>'
    )


def _pre_post_questions(ctx: Context, characters: list[BookPage]) -> list[tuple[str, list[Question]]]:
    """(character title, its pre/post questions) for every character page, in order."""
    found = []
    keys = {page.built: page.key for page in characters}
    for page in characters:
        soup, article = book.prepared_article(ctx.site, page, keys, ctx.site_url)
        marked = [q for q in questions(article, ctx.where(page)) if q.pre_post]
        if marked:
            found.append((article.h1.get_text(" ", strip=True), marked))
    return found


def _pre_post_test(ctx: Context, groups) -> str:
    t = ctx.t
    if not groups:
        return ""
    body, number = [], 0
    for title, marked in groups:
        body.append(f'<h2 class="tes-karakter">{esc(title)}</h2>')
        for question in marked:
            number += 1
            options = "".join(
                f'<li><span class="kotak"></span><span class="huruf">{letter}.</span> {text}</li>'
                for letter, text in question.options
            )
            body.append(f'<div class="soal"><p class="soal-teks"><span class="nomor">{number}.</span> {question.text}</p>'
                        f'<ol class="pilihan">{options}</ol></div>')
    return (
        f'<section class="tes" id="{PRE_POST_ID}"><h1 class="tes-judul">{esc(t["test_title"])}</h1>'
        f'<p class="tes-isian">{esc(t["name"])}: <span class="garis"></span> {esc(t["date"])}: <span class="garis pendek"></span></p>'
        f'<p class="tes-isian"><span class="kotak"></span> {esc(t["pre"])} <span class="jarak"></span><span class="kotak"></span> {esc(t["post"])}</p>'
        f'<p class="tes-petunjuk">{esc(t["test_instructions"].format(count=number))}</p><div class="tes-soal">{"".join(body)}</div></section>'
    )


def page_starts(rendered, anchors: list[str]) -> dict[str, int]:
    """0-based page on which each anchor (an element id) is laid out."""
    found = {}
    for number, page in enumerate(rendered.pages):
        for anchor in anchors:
            if anchor in page.anchors and anchor not in found:
                found[anchor] = number
    return found


def _spans(rendered, anchors: list[str]) -> dict[str, int]:
    """Pages from each anchor to the next one (the last one to the end of the document)."""
    starts = page_starts(rendered, anchors)
    ordered = sorted(starts.values()) + [len(rendered.pages)]
    return {anchor: ordered[ordered.index(start) + 1] - start for anchor, start in starts.items()}


def participant(ctx: Context, cases: list[BookPage], characters: list[BookPage]):
    """The participant edition, laid out (a WeasyPrint Document): every card on at most two pages."""
    keys = {page.built: page.key for page in cases}
    test = _pre_post_test(ctx, _pre_post_questions(ctx, characters))
    sizes = {page.key: TYPE_SIZES[0] for page in cases}

    def lay_out(chosen: list[BookPage], with_test: bool):
        cards = "".join(_card(ctx, page, keys, cases.index(page) + 1, len(cases), sizes[page.key]) for page in chosen)
        return pdf.layout(document(ctx, ctx.t["participant_title"], cards + (test if with_test else ""), "peserta", ctx.t["participant_header"].format(title=ctx.title)), ctx.site)

    anchors = [page.key for page in cases] + ([PRE_POST_ID] if test else [])
    rendered = lay_out(cases, True)
    spans = _spans(rendered, anchors)
    too_long = [page for page in cases if spans[page.key] > MAX_CARD_PAGES]
    for page in too_long:  # smaller type for this card only, found on the card alone
        for size in TYPE_SIZES[1:]:
            sizes[page.key] = size
            if len(lay_out([page], False).pages) <= MAX_CARD_PAGES:
                break
        else:
            raise BookError(
                f"{ctx.where(page)}: the situation, dilemma and discussion questions of this case take more than "
                f"{MAX_CARD_PAGES} A4 pages even in {TYPE_SIZES[-1]} pt type; shorten them (the participant card must fit)"
            )
    if too_long:
        rendered = lay_out(cases, True)
        spans = _spans(rendered, anchors)
        if any(spans[page.key] > MAX_CARD_PAGES for page in cases):
            raise BookError(f"participant cards: a case still takes more than {MAX_CARD_PAGES} pages after fitting: {spans}")
    return rendered


# ------------------------------------------------------------------------------------------------
# Trainer edition


# The Markdown of a trainer-only block: what such a block holds (tables, lists, emphasis, admonitions).
TRAINER_ONLY_MARKDOWN = ["tables", "def_list", "sane_lists", "attr_list", "md_in_html", "admonition"]


def _trainer_only_parts(ctx: Context, page: BookPage) -> list:
    """The page's trainer-only blocks (handbook/trainer_only.py), read from its source: the public
    pages never hold them."""
    for name in source_names(page.source, ctx.lang, ctx.default_lang):  # the site falls back to the default language
        path = ctx.docs / name
        if path.is_file():
            try:
                body = read_page(path, f"docs/{name}")
                return trainer_only.split(body.body, first_line=body.body_start)[1]
            except (ContentError, trainer_only.TrainerOnlyError) as error:
                raise BookError(f"docs/{name}:{getattr(error, 'line', 1)}: {error}") from None
    return []


def source_names(source: str, lang: str, default: str) -> list[str]:
    """The files a page may come from, first choice first: in its language, in the default one,
    or without a language (a one-language handbook: ``nilai/integritas.md``)."""
    stem = source[: -len(".md")]
    return [f"{stem}.{code}.md" for code in dict.fromkeys((lang, default))] + [source]


def _trainer_only_link(ctx: Context, page: BookPage, href: str) -> str:
    """A link of a trainer-only block as the printed edition needs it: a section of the same page
    by its prefixed id (as book.py writes ids), another page of the handbook by its online address."""
    target, _, fragment = href.partition("#")
    if not target:
        return f"#{page.key}--{fragment}" if fragment else href
    if "://" in target or target.startswith(("mailto:", "/")) or not target.endswith(".md"):
        return href
    source = posixpath.normpath(posixpath.join(posixpath.dirname(page.source), target))
    return BookPage(source, ctx.lang).online_url(ctx.site_url) + (f"#{fragment}" if fragment else "")


def _add_trainer_only(ctx: Context, page: BookPage, article) -> None:
    """Each trainer-only block at the end of the section it was written in (or of the case)."""
    for part in _trainer_only_parts(ctx, page):
        rendered = markdown.markdown(part.markdown, extensions=TRAINER_ONLY_MARKDOWN)
        box = BeautifulSoup(f'<div class="hanya-pelatih">{rendered}</div>', "html.parser")
        for link in box.find_all("a", href=True):
            link["href"] = _trainer_only_link(ctx, page, link["href"])
        heading = article.find(["h2", "h3", "h4"], id=f"{page.key}--{part.section}") if part.section else None
        level = int(heading.name[1]) if heading else 0
        # The section ends at the next heading of its level or above (an h3 section at the next h3 or h2).
        following = next((e for e in heading.find_next_siblings() if e.name in {f"h{n}" for n in range(1, level + 1)}), None) if heading else None
        if following is not None:
            following.insert_before(box)
        else:
            article.append(box)


def _whole_case(ctx: Context, page: BookPage, keys: dict) -> tuple[str, str]:
    soup, article = book.prepared_article(ctx.site, page, keys, ctx.site_url)
    _add_trainer_only(ctx, page, article)
    title = article.h1
    title["id"] = page.key
    url = ctx.address(page)
    title.insert_before(BeautifulSoup(qr.image(url, ctx.t["qr_alt"].format(url=url), "qr qr-pelatih"), "html.parser"))
    title.insert_after(BeautifulSoup(f'<p class="alamat">{esc(url)}</p>', "html.parser"))
    text = title.get_text(" ", strip=True)
    return text, f'<section class="halaman kasus-pelatih" lang="{ctx.lang}">{inner(article.children)}</section>'


def _answer_keys(ctx: Context, guide: BookPage, keys: dict) -> tuple[str, str]:
    """The trainer guide's ``#kunci-jawaban`` as one part of the edition (empty if the guide has none)."""
    soup, article = book.prepared_article(ctx.site, guide, keys, ctx.site_url)
    _add_trainer_only(ctx, guide, article)  # the keys themselves are trainer-only on the public guide
    part = section(article, guide.key, "kunci-jawaban", ctx.where(guide), required=False)
    if not part:
        return "", ""
    heading = part[0]
    text = heading.get_text(" ", strip=True)
    heading.name = "h1"
    for element in part[1:]:
        for sub in [element] + element.find_all(["h3", "h4"]):
            if sub.name in ("h3", "h4"):
                sub.name = "h2" if sub.name == "h3" else "h3"
    url = guide.online_url(ctx.site_url) + "#kunci-jawaban"
    address = f'<p class="alamat">{esc(url)}</p>'
    return text, f'<section class="halaman kunci" lang="{ctx.lang}">{heading}{address}{inner(part[1:])}</section>'


def _pre_post_key(ctx: Context, groups) -> tuple[str, str]:
    t = ctx.t
    if not groups:
        return "", ""
    body, number = [], 0
    for title, marked in groups:
        body.append(f'<h2>{esc(title)}</h2>')
        for question in marked:
            number += 1
            best = dict(question.options)[question.best]
            body.append(
                f'<div class="kunci-soal"><p class="soal-teks"><span class="nomor">{number}.</span> {question.text}</p>'
                f'<p class="kunci-jawab"><strong>{esc(t["best_answer"])}: {question.best}.</strong> {best}</p>'
                f'<p class="kunci-alasan">{question.feedback}</p></div>'
            )
    return t["test_key_title"], (
        f'<section class="halaman kunci-tes" id="{PRE_POST_ID}-kunci"><h1>{esc(t["test_key_title"])}</h1>'
        f'<p class="tes-petunjuk">{esc(t["test_key_intro"].format(count=number))}</p>{"".join(body)}</section>'
    )


def _keep_links_inside(body: str, keys: dict, site_url: str) -> str:
    """A link to a part of a page that is not in this edition (e.g. ``#sesi-1`` of the trainer guide)
    becomes that part's online address, so no link in the PDF points nowhere."""
    soup = BeautifulSoup(body, "html.parser")
    ids = {element["id"] for element in soup.find_all(id=True)}
    pages = {key: built for built, key in keys.items()}
    for link in soup.find_all("a", href=True):
        href = link["href"]
        if not href.startswith("#") or href[1:] in ids:
            continue
        key, _, fragment = href[1:].partition("--")
        if key not in pages:
            raise BookError(f"trainer edition: link {href} points at no page of the edition")
        link["href"] = site_url.rstrip("/") + "/" + online_path(pages[key]) + (f"#{fragment}" if fragment else "")
    return str(soup)


def trainer(ctx: Context, cases: list[BookPage], characters: list[BookPage], guide: BookPage):
    """The trainer edition, laid out (a WeasyPrint Document)."""
    t = ctx.t
    keys = {page.built: page.key for page in [*cases, guide]}
    parts = [_whole_case(ctx, page, keys) for page in cases]
    key_title, key_part = _answer_keys(ctx, guide, keys)
    test_title, test_part = _pre_post_key(ctx, _pre_post_questions(ctx, characters))
    contents = [f'<li><a href="#{page.key}">{esc(title)}</a></li>' for page, (title, _) in zip(cases, parts)]
    if key_part:
        contents.append(f'<li class="top"><a href="#{guide.key}--kunci-jawaban">{esc(key_title)}</a></li>')
    if test_part:
        contents.append(f'<li class="top"><a href="#{PRE_POST_ID}-kunci">{esc(test_title)}</a></li>')
    body = (
        f'<section class="sampul-pelatih"><p class="sampul-bahasa">{esc(t["language"])}</p>'
        f'<h1 class="sampul-judul">{esc(t["trainer_title"])}</h1>'
        f'<p class="sampul-peringatan">{esc(t["trainer_warning"])}</p>'
        f'<p class="sampul-sub">{esc(t["trainer_subtitle"])}</p>'
        f'<p class="sampul-versi">{esc(ctx.edition_text)} · {esc(t["version"])} {esc(ctx.version)} · {esc(t["date_label"])} {esc(ctx.date_text)}</p>'
        f'<p class="alamat">{esc(ctx.site_url)}</p>{ctx.publisher_html}</section>'
        f'<nav class="daftar-isi"><h1 class="daftar-isi-judul">{esc(t["contents"])}</h1><ol>{"".join(contents)}</ol></nav>'
        + "".join(part for _, part in parts) + key_part + test_part
    )
    return pdf.layout(document(ctx, t["trainer_title"], _keep_links_inside(body, keys, ctx.site_url), "pelatih", t["trainer_header"]), ctx.site)
