"""Reading a built site fast: pages, their ids and links, and where each link came from.

The link checker and the permalink registry both read the built HTML. Pages are scanned with
regular expressions rather than a full HTML parser: a Material page is machine-written, attribute
values are always double-quoted, and scanning is several times faster than parsing (the checker
reads thousands of pages per run). A page that is not UTF-8 raises ``SiteError``.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from dataclasses import dataclass, field
from typing import NamedTuple
from pathlib import Path
from urllib.parse import unquote, urlsplit

# 'id="' then a check of the byte before: a pattern that starts with a literal is about 20 times
# faster in Python's re than one that starts with \s, and this runs over every byte of the site.
ID = re.compile(rb'id="([^"]*)"')
# One match per tag with a URL: (tag, attributes before, attribute name, url, attributes after).
LINK = re.compile(
    rb"<(a|link|script|img|source|iframe|image|use|video|audio|embed|object)\b([^>]*?)\s"
    rb'(href|src|srcset|xlink:href|data|poster)="([^"]*)"([^>]*)>',
    re.I,
)
ARTICLE = re.compile(rb'<article class="md-content__inner[^"]*"[^>]*>(.*?)</article>', re.S)
ASSET_RELS = (b"stylesheet", b"icon", b"preload", b"manifest", b"modulepreload", b"prefetch")


class SiteError(Exception):
    """Bad input: the message says which file and how to fix it."""


class Link(NamedTuple):  # a tuple: a site has hundreds of thousands of links
    url: str
    tag: str
    in_content: bool
    is_switcher: bool  # the language switcher, or any link marked with hreflang
    loads_asset: bool  # fetched as part of the page (not a link to follow)


@dataclass
class ScannedPage:
    path: str  # site-relative, e.g. "en/karakter/integritas/index.html"
    ids: list[str]
    links: list[Link]
    content_scripts: int = 0
    content_handlers: list[str] = field(default_factory=list)


_TAGS = {t: t.decode() for t in (b"a", b"link", b"script", b"img", b"source", b"iframe", b"image", b"use", b"video", b"audio", b"embed", b"object")}


def _links(region: bytes, in_content: bool) -> list[Link]:
    links = []
    for tag, before, name, url, after in set(LINK.findall(region)):  # a repeated link is checked once
        tag = _TAGS.get(tag) or tag.decode().lower()
        if tag == "a":
            loads = False
        elif tag == "link":
            loads = any(rel in before or rel in after for rel in ASSET_RELS)
        else:
            loads = True
        switcher = b"hreflang=" in before or b"hreflang=" in after or b"md-select__link" in before or b"md-select__link" in after
        text = html.unescape(url.decode()) if b"&" in url else url.decode()
        if name == b"srcset":
            links += [Link(p.split()[0], tag, in_content, switcher, loads) for p in text.split(",") if p.split()]
        else:
            links.append(Link(text, tag, in_content, switcher, loads))
    return links


def list_files(site: Path) -> set[str]:
    """Every file of the site, as site-relative POSIX paths."""
    files = set()
    for folder, _, names in os.walk(site):
        relative = os.path.relpath(folder, site)
        for name in names:
            files.add(name if relative == "." else f"{relative.replace(os.sep, '/')}/{name}")
    return files


def scan_page(site: Path, path: str) -> ScannedPage:
    raw = (site / path).read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SiteError(f"{site / path}: not UTF-8 (byte {error.start}); rebuild the site") from None
    article = ARTICLE.search(raw)
    start, end = article.span(1) if article else (0, 0)
    content = raw[start:end]
    return ScannedPage(
        path=path,
        ids=element_ids(raw),
        links=_links(raw[:start], False) + _links(content, True) + _links(raw[end:], False),
        content_scripts=len(re.findall(rb"<script\b", content, re.I)),
        content_handlers=[h.decode() for h in re.findall(rb"<[a-zA-Z][^>]*\s(on[a-z]+)=", content)],
    )


def element_ids(raw: bytes) -> list[str]:
    """Every id="..." attribute value of a page, in order."""
    return [
        html.unescape(m.group(1).decode())
        for m in ID.finditer(raw)
        if raw[m.start() - 1 : m.start()] in (b" ", b"\n", b"\t")
    ]


def site_address(site: Path) -> tuple[str, str]:
    """Host and path of site_url ('example.org', '/pedoman/'), read from the sitemap."""
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        locations = [urlsplit(m.decode()) for m in re.findall(rb"<loc>([^<]+)</loc>", sitemap.read_bytes())]
        if locations:
            home = min(locations, key=lambda parts: len(parts.path))  # the site root is the shortest
            return home.netloc, home.path or "/"
    return "", "/"


def resolve(page_path: str, url: str, files: set[str], base: str = "/", host: str = "") -> tuple[str | None, str]:
    """Site-relative target file of a URL (None when outside the site) and its fragment.

    Relative URLs resolve from the page; root-relative ones ('/pedoman/x/') from site_url's path.
    Directory URLs resolve to their index.html. The target need not exist.
    """
    parts = urlsplit(url)
    fragment = unquote(parts.fragment)
    if parts.netloc and parts.netloc != host:
        return None, fragment
    if not parts.path and not parts.netloc:
        return page_path, fragment
    path = unquote(parts.path) or "/"
    if path.startswith("/"):
        if not path.startswith(base):
            return None, fragment
        target = posixpath.normpath(path[len(base):] or ".")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    if target.startswith("../") or target == "..":
        return None, fragment
    if target in ("", "."):
        return "index.html", fragment
    if path.endswith("/") or (target not in files and f"{target}/index.html" in files):
        target = f"{target}/index.html"
    return target, fragment


def is_external(url: str, host: str = "") -> bool:
    """True for a URL on another host (links to the site's own site_url are internal)."""
    parts = urlsplit(url)
    if parts.netloc and parts.netloc == host:
        return False
    return bool(parts.scheme and parts.scheme not in ("file",)) or url.startswith("//")
