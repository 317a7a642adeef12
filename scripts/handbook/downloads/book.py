"""One printable HTML document made from the built offline copy, pages in nav order.

Each page's ``<article>`` is taken from the offline build, so the PDF shows exactly what the site
shows (generated lists, tooltips' words, SVG pictures), then made self-contained:

- every id is prefixed with the page's key, so ``#perilaku`` on two pages stays two targets;
- a link to another page of the book becomes an internal link (``#karakter-integritas--perilaku``);
  a link to anything else becomes its absolute online address, which the print CSS prints;
- images point at files on disk; permalink marks and the page-info line are dropped;
- under each title, the page's online address, so a printed page leads back to the site.

BeautifulSoup (with lxml) does the HTML work: this runs once per download, not per page view.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from handbook.addresses import online_path
from handbook import interface
from handbook import addresses

# The picture of the eight characters is coloured on the site by CSS classes that use Material's
# CSS variables. WeasyPrint applies neither the page's stylesheets nor a <style> inside an inline
# SVG (tried: the tiles render black), so the book writes the same look as SVG attributes.
PICTURE_ATTRIBUTES = {
    "heading": {"fill": "#111111", "font-size": "20", "font-weight": "bold", "font-family": "DejaVu Sans"},
    "tile": {"fill": "#e0f2f1", "stroke": "#00695c", "stroke-width": "1.5"},
    "badge": {"fill": "#00695c"},
    "number": {"fill": "#ffffff", "font-size": "20", "font-weight": "bold", "font-family": "DejaVu Sans"},
    "label": {"fill": "#111111", "font-size": "11", "font-weight": "normal", "font-family": "DejaVu Sans"},
}
LABELS = interface.labels("book")  # interface text: handbook/interface_text/<lang>.yml


class BookError(Exception):
    """A page the book needs is missing or has no content; the message names it."""


@dataclass(frozen=True)
class BookPage:
    source: str  # docs path without language suffix, e.g. karakter/integritas.md
    lang: str

    @property
    def built(self) -> str:
        """Path of the page in the offline build (use_directory_urls: false)."""
        return addresses.offline_path(self.source, self.lang)

    @property
    def key(self) -> str:
        stem = self.source[: -len(".md")]
        return stem.replace("/", "-") or "index"

    def online_url(self, site_url: str) -> str:
        return site_url.rstrip("/") + "/" + online_path(self.built)


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    version: str
    date: str  # ISO date of the commit, for the PDF metadata
    date_text: str  # the same date written out in the book's language
    edition: str = ""  # mkdocs.yml plugins > handbook > edition, e.g. 2026.1
    publisher: tuple = ()  # who issues it, its status, a contact (handbook/publisher.py lines), in order


def nav_sources(nav: list) -> list[str]:
    """The Markdown paths of a MkDocs ``nav`` list, in order, depth first."""
    found: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found.extend(nav_sources(value))
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def _article(site: Path, page: BookPage):
    path = site / page.built
    try:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    except OSError as error:
        raise BookError(f"{path}: cannot read the built page ({error.strerror}); build the offline copy first.") from None
    article = soup.select_one("article.md-content__inner")
    if article is None or article.h1 is None:
        raise BookError(f"{path}: no <article> with a title; is this a page of the handbook?")
    return soup, article


def prepared_article(site: Path, page: BookPage, keys: dict[str, str], site_url: str):
    """A built page's ``<article>`` made ready for print as the book does it (ids prefixed with the
    page's key, links to ``keys`` pages internal, other links absolute); returns (soup, article)."""
    soup, article = _article(site, page)
    _rewrite(soup, article, page, keys, site, site_url)
    return soup, article


def _rewrite(soup, article, page: BookPage, keys: dict[str, str], site: Path, site_url: str) -> None:
    # What works only on screen: permalinks, buttons (a section's copy and cite, the save control), scripts.
    for mark in article.select("a.headerlink, button, aside.pedoman-halaman-info, .md-source-file, script"):
        mark.decompose()
    for box in article.select("input[type=checkbox]"):
        box.replace_with(soup.new_string("☑ " if box.has_attr("checked") else "☐ "))
    for element in article.find_all(id=True):
        element["id"] = f"{page.key}--{element['id']}"
    for element in article.find_all(attrs={"aria-labelledby": True}):
        element["aria-labelledby"] = " ".join(f"{page.key}--{i}" for i in element["aria-labelledby"].split())
    for picture in article.select(".pedoman-karakter svg"):
        for element in picture.find_all(class_=True):
            for name in element["class"]:
                element.attrs.update(PICTURE_ATTRIBUTES.get(name, {}))
    here = posixpath.dirname(page.built)
    for link in article.find_all("a", href=True):
        link["href"] = _target(link["href"], here, page, keys, site_url)
    for image in article.find_all("img", src=True):
        parts = urlsplit(image["src"])
        if not parts.scheme:
            image["src"] = (site / posixpath.normpath(posixpath.join(here, unquote(parts.path)))).as_uri()


def _in_book(address: str, keys: dict[str, str]) -> str | None:
    """The built page an online address (``karakter/integritas/``) names, if it is in the book."""
    for candidate in (address + "index.html", address.rstrip("/") + ".html"):
        if candidate in keys:
            return candidate
    return None


def _target(href: str, here: str, page: BookPage, keys: dict[str, str], site_url: str) -> str:
    parts = urlsplit(href)
    base = site_url.rstrip("/") + "/"
    built = _in_book(urlsplit(href[len(base):]).path, keys) if href.startswith(base) else None
    if built:
        return f"#{keys[built]}--{parts.fragment}" if parts.fragment else f"#{keys[built]}"
    if parts.scheme or href.startswith("//"):
        return href
    if not parts.path:
        return f"#{page.key}--{parts.fragment}" if parts.fragment else f"#{page.key}"
    target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
    if target in keys:
        return f"#{keys[target]}--{parts.fragment}" if parts.fragment else f"#{keys[target]}"
    online = site_url.rstrip("/") + "/" + (target[: -len("index.html")] if target.endswith("index.html") else target)
    return online + (f"#{parts.fragment}" if parts.fragment else "")


def assemble(site: Path, pages: list[BookPage], lang: str, cover: Cover, site_url: str, css: str) -> str:
    """The whole book as one HTML string for WeasyPrint."""
    keys = {page.built: page.key for page in pages}
    t = LABELS[lang]
    body, contents = [], []
    for page in pages:
        soup, article = _article(site, page)
        _rewrite(soup, article, page, keys, site, site_url)
        title = article.h1
        title["id"] = page.key
        address = soup.new_tag("p", attrs={"class": "alamat"})
        address.string = page.online_url(site_url)
        title.insert_after(address)
        depth = "sub" if page.source.count("/") and not page.source.endswith("index.md") else "top"
        contents.append(f'<li class="{depth}"><a href="#{page.key}">{html.escape(title.get_text(strip=True))}</a></li>')
        inner = "".join(str(child) for child in article.children)
        body.append(f'<section class="halaman" lang="{lang}">{inner}</section>')
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(cover.title)}</title>
<meta name="dcterms.created" content="{cover.date}"><meta name="dcterms.modified" content="{cover.date}">
<meta name="author" content="{html.escape(cover.title)}"><meta name="generator" content="WeasyPrint">
<style>{css}</style></head><body>
<section class="sampul">
<p class="sampul-bahasa">{t['language']}</p>
<h1 class="sampul-judul">{html.escape(cover.title)}</h1>
<p class="sampul-sub">{html.escape(cover.subtitle)}</p>
{f'<p class="sampul-edisi">{t["edition"]} {html.escape(cover.edition)}</p>' if cover.edition else ""}
<p class="sampul-versi">{t['version']} {html.escape(cover.version)} · {t['date']} {html.escape(cover.date_text)}</p>
<p class="alamat">{html.escape(site_url)}</p>
{"".join(f'<p class="{kind}">{html.escape(line)}</p>' for kind, line in zip(("sampul-penerbit", "sampul-status", "sampul-penerbit"), cover.publisher) if line)}
</section>
<nav class="daftar-isi"><h1 class="daftar-isi-judul">{t['contents']}</h1><ol>{''.join(contents)}</ol></nav>
{''.join(body)}
</body></html>"""
