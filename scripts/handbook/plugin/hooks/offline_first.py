"""Offline-first reading on a phone: a service worker, a web app manifest per language, an offline
page per language and a "save the whole handbook" control on the downloads pages.

Online build only (the ``file://`` offline copy, ``OFFLINE=true``, is left exactly as it was).

Per page (``on_post_page``, after every other hook, so the page is final):

- hreflang alternates become absolute addresses under ``site_url``, plus ``x-default`` (the
  Indonesian page); the 404 pages get the same (``on_post_template``);
- the head links the language's manifest (``manifest.webmanifest``, ``en/manifest.webmanifest``)
  (Material already names the theme colour); ``assets/javascripts/pedoman-offline.js`` (registers the worker,
  shows the "newer edition" notice, drives the save control) is added with ``defer``;
- the downloads page (plugins > handbook > sections > downloads) gets the save control, ``<button data-offline-save>``;
- beside every page's ``index.html`` (stylesheets inlined by inline_styles.py, for the first visit)
  the same page with its stylesheets linked again is written as ``index.linked.html``: once the
  worker runs, it fetches that form, and the stylesheets come from its cache (about 26 KB less per
  page on the wire).

After the build (``on_post_build``, last, and again after each language, so the final pass sees
both languages and the split search indexes), from the files on disk:

- ``offline.html`` and ``en/offline.html``: what is saved, how to save the rest;
- the manifests (icons: ``assets/images/icon-192.png`` and ``icon-512.png``: the engine's own, in its
  theme folder; a handbook replaces them with files of the same path in its docs/);
- the save control's size (bytes of everything the save downloads, not yet in the worker's cache);
- ``sw.js``: ``scripts/handbook/service_worker.js`` with the build's facts in front: the version
  (SHA-256 of every built file), the precache list (what every page links: stylesheets, scripts,
  logo; and the offline pages), the linked form's file name, and what "save" downloads per
  language (its pages, search index and search scripts, images).

Run: part of ``mkdocs build`` (listed in mkdocs.yml ``hooks``).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Template
from mkdocs import utils

from handbook.build import current_language, languages, offline_copy_enabled, section, site_names
from handbook import interface
from handbook.addresses import LINKED_FORM

WORKER_SOURCE = Path(__file__).resolve().parents[2] / "service_worker.js"  # package data
LINKED = LINKED_FORM  # a page's linked form: its folder + this name
OFFLINE_PAGE = "offline.html"
MANIFEST = "manifest.webmanifest"
ICONS = ("assets/images/icon-192.png", "assets/images/icon-512.png")
THEME_COLOR = "#00695c"  # --md-primary-fg-color in pedoman.css
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")  # what static hosts gzip

LABELS = interface.labels("offline_first")  # interface text: handbook/interface_text/<lang>.yml

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')
INLINED = re.compile(r'<style data-href="([^"]+)">.*?</style>', re.S)
SIZE_TEXT = re.compile(r'(<span data-offline-size>)[^<]*(</span>)')
SIZE_BYTES = re.compile(r'data-offline-bytes="\d+" data-offline-bytes-compressed="\d+"')
REFERENCE = re.compile(r'<(?:link rel="(?:stylesheet|icon)"|script\b|img\b)[^>]*?\s(?:href|src)="([^"#?]+)"')
IMAGE = re.compile(r'<img\b[^>]*?\ssrc="([^"#?]+)"')

OFFLINE_TEMPLATE = Template("""<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<meta name="theme-color" content="{{ theme_color }}">
<title>{{ t.offline_title | e }} - {{ t.name | e }}</title>
{% for href in stylesheets %}<link rel="stylesheet" href="{{ href | e }}">
{% endfor %}</head>
<body dir="ltr">
<header class="md-header" data-md-component="header"><nav class="md-header__inner md-grid" aria-label="{{ t.name | e }}">
<a href="{{ home | e }}" class="md-header__button md-logo" aria-label="{{ t.home | e }}">{{ logo_svg }}</a>
<div class="md-header__title"><span class="md-ellipsis">{{ t.name | e }}</span></div>
</nav></header>
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
<article class="md-content__inner md-typeset">
<h1>{{ t.offline_title | e }}</h1>
<p>{{ t.offline_intro | e }}</p>
<p><button type="button" class="md-button md-button--primary" data-offline-retry>{{ t.retry | e }}</button></p>
<h2 id="tersimpan">{{ t.offline_saved | e }}</h2>
<ul data-offline-saved></ul>
<p data-offline-none>{{ t.offline_none | e }}</p>
{% if downloads %}<h2 id="menyimpan">{{ t.offline_how_heading | e }}</h2>
<p>{{ t.offline_how | e }} <a href="{{ downloads | e }}">{{ t.downloads | e }}</a> {{ t.offline_how_end | e }}</p>
{% endif -%}
</article></div></div></main></div>
<script type="application/json" id="pedoman-pages">{{ pages_json }}</script>
<script>
/* Lists the pages of this language that the worker has saved (links relative to <base>, which
   the worker sets to this page's own address when it serves it for a page it does not have). */
(function () {
  "use strict";
  var root = new URL({{ root_json }}, document.baseURI);
  var pages = JSON.parse(document.getElementById("pedoman-pages").textContent);
  var list = document.querySelector("[data-offline-saved]");
  var none = document.querySelector("[data-offline-none]");
  document.querySelector("[data-offline-retry]").addEventListener("click", function () { location.reload(); });
  if (!window.caches) { return; }
  Promise.all(pages.map(function (page) {
    return caches.match(new URL(page.url, root).href).then(function (found) { return found ? page : null; });
  })).then(function (found) {
    found.filter(Boolean).forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(page.url, root).href;
      link.textContent = page.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    none.hidden = list.children.length > 0;
  });
})();
</script>
</body>
</html>
""")

SAVE_CONTROL = Template("""<div class="pedoman-simpan" id="simpan-di-ponsel">
<h2>{{ t.save_heading | e }}</h2>
<p>{{ t.save_intro | e }}</p>
<p><button type="button" class="md-button md-button--primary" data-offline-save="{{ lang }}" data-offline-bytes="0" data-offline-bytes-compressed="0" disabled
 data-text-progress="{{ t.progress | e }}" data-text-done="{{ t.done | e }}" data-text-failed="{{ t.failed | e }}" data-text-unsupported="{{ t.unsupported | e }}">{{ t.save | e }} (<span data-offline-size>0</span>)</button></p>
<progress data-offline-progress max="1" value="0" hidden aria-label="{{ t.progress_label | e }}"></progress>
<p data-offline-status role="status" aria-live="polite">{{ t.waiting | e }}</p>
</div>
""")

NOTICE = Template("""<div class="pedoman-edisi-baru" data-offline-notice role="status" hidden><p>{{ t.notice | e }} <button type="button" class="md-button" data-offline-notice-close>{{ t.close | e }}</button></p></div>""")


# --- per page ---------------------------------------------------------------------------------

def _absolute_alternates(output: str, page_url: str, site_url: str) -> str:
    """hreflang links as absolute addresses under site_url, plus x-default (the Indonesian page)."""
    base = urljoin(site_url, page_url)
    default = None

    def absolute(match: re.Match) -> str:
        nonlocal default
        href, lang = urljoin(base, html.unescape(match.group(1))), match.group(2)
        if default is None:
            default = href  # the first alternate is the default language (language_switcher.py)
        return f'<link rel="alternate" href="{html.escape(href)}" hreflang="{lang}">'

    output = ALTERNATE.sub(absolute, output)
    if default is not None and 'hreflang="x-default"' not in output:
        last = list(ALTERNATE.finditer(output))[-1]
        tag = f'\n    <link rel="alternate" href="{html.escape(default)}" hreflang="x-default">'
        output = output[: last.end()] + tag + output[last.end():]
    return output


def _relative_root(page_url: str) -> str:
    return utils.get_relative_url(".", page_url) + "/" if page_url else "./"


def _head_and_scripts(output: str, page_url: str, lang: str, prefix: str) -> str:
    root = _relative_root(page_url)
    manifest = root + prefix + MANIFEST
    head = (
        f'<link rel="manifest" href="{manifest}">\n'
        f'    <link rel="apple-touch-icon" href="{root}{ICONS[0]}">\n'
    )
    output = output.replace("</head>", head + "  </head>", 1)
    script = f'<script src="{root}assets/javascripts/pedoman-offline.js" data-root="{root}" defer></script>\n'
    notice = NOTICE.render(t=LABELS[lang])
    return output.replace("</body>", notice + script + "</body>", 1)


def _save_control(output: str, lang: str) -> str:
    """The save control after the downloads page's title (the page's Markdown is not touched)."""
    control = SAVE_CONTROL.render(t=LABELS[lang], lang=lang)
    heading = re.search(r"<h1\b[^>]*>.*?</h1>", output, re.S)
    if heading is None:
        raise ValueError("offline_first: the downloads page has no <h1>; cannot place the save control")
    # After the first paragraph under the title, when there is one.
    paragraph = re.compile(r"\s*<p>.*?</p>", re.S).match(output, heading.end())
    at = paragraph.end() if paragraph else heading.end()
    return output[:at] + "\n" + control + output[at:]


def linked_form(output: str) -> str:
    """The page with its inlined stylesheets (inline_styles.py marks them) linked again."""
    return INLINED.sub(lambda m: f'<link rel="stylesheet" href="{m.group(1)}">', output)


def on_post_page(output, page, config):
    if offline_copy_enabled(config):
        return output
    lang = current_language(config)
    output = _absolute_alternates(output, page.url, config.site_url or "/")
    prefix = languages(config).prefix(lang)
    output = _head_and_scripts(output, page.url, lang, prefix)
    downloads = section(config, "downloads")
    if downloads and page.url == f"{prefix}{downloads}/":
        output = _save_control(output, lang)
    dest = page.file.dest_uri
    if dest.endswith("index.html"):
        utils.write_file(linked_form(output).encode("utf-8"), str(Path(config.site_dir) / dest[: -len("index.html")] / LINKED))
    return output


def on_post_template(output, template_name, config):
    if template_name != "404.html" or offline_copy_enabled(config):
        return output
    # 404 pages link the home pages by absolute path (not_found_pages.py): make them addresses.
    return _absolute_alternates(output, "", config.site_url or "/")


# --- after the build --------------------------------------------------------------------------

def _site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def _references(site: Path, page_path: str, text: str, pattern: re.Pattern) -> set[str]:
    """Site files that a page refers to with ``pattern`` (relative URLs resolved, outside ones left out)."""
    folder = posixpath.dirname(page_path)
    found = set()
    for href in pattern.findall(text):
        if "://" in href or href.startswith(("/", "data:")):
            continue
        target = posixpath.normpath(posixpath.join(folder, html.unescape(href)))
        if (site / target).is_file():
            found.add(target)
    return found


def _human_size(n_bytes: int, lang: str) -> str:
    value, unit = (n_bytes / 1024, "KB") if n_bytes < 1024 * 1024 else (n_bytes / 1024 / 1024, "MB")
    return f"{value:.1f}".replace(".", LABELS[lang]["decimal"]) + f" {unit}"


def _compressed_size(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, compresslevel=6, mtime=0)) if path.suffix in COMPRESSED else len(data)


def _title(text: str) -> str:
    found = re.search(r"<h1\b[^>]*>(.*?)</h1>", text, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else ""


def _pages(site: Path, langs) -> dict[str, list[dict]]:
    """Every page that has a linked form, per language: address, linked file, title."""
    pages = {lang: [] for lang in langs.codes}
    for linked in sorted(site.rglob(LINKED)):
        relative = linked.relative_to(site).as_posix()
        url = relative[: -len(LINKED)]
        text = linked.read_text(encoding="utf-8")
        if 'name="pedoman-redirect"' in text:
            continue
        pages[langs.of_path(url)].append({"url": url, "linked": relative, "title": _title(text)})
    return pages


def _search_files(site: Path, prefix: str) -> list[str]:
    """The language's search index and the scripts Material's search worker loads for it."""
    index = f"{prefix}search/search_index.json"
    files = [index] if (site / index).is_file() else []
    files += sorted(p.relative_to(site).as_posix() for p in site.glob("assets/javascripts/workers/search.*.js"))
    if (site / index).is_file():
        # A language lunr knows by itself has no file of its own; every other one has lunr.<code>.min.js.
        codes = [code for code in json.loads((site / index).read_text(encoding="utf-8"))["config"]["lang"] if (site / f"assets/javascripts/lunr/min/lunr.{code}.min.js").is_file()]
        if codes:
            names = ["lunr.stemmer.support.min.js", *(f"lunr.{code}.min.js" for code in codes)]
            if len(codes) > 1:
                names.append("lunr.multi.min.js")
            files += [f"assets/javascripts/lunr/min/{name}" for name in names if (site / f"assets/javascripts/lunr/min/{name}").is_file()]
    return files


def _write_offline_pages(site: Path, langs, pages: dict, stylesheets: list[str], logo: str | None, downloads: str | None) -> None:
    # The site's own logo file, inlined so it takes the header's colour (not content: no escaping).
    logo_svg = re.sub(r"\s(role|aria-label)=\"[^\"]*\"", "", (site / logo).read_text(encoding="utf-8")) if logo else ""
    logo_svg = logo_svg.replace("<svg ", '<svg aria-hidden="true" ', 1)
    for lang in langs.codes:
        prefix, root = langs.prefix(lang), langs.up(lang)
        text = OFFLINE_TEMPLATE.render(
            lang=lang, t=LABELS[lang], theme_color=THEME_COLOR,
            stylesheets=[root + href for href in stylesheets], logo_svg=logo_svg,
            home="./", downloads=f"{downloads}/" if downloads else "", root_json=json.dumps(root or "./"),
            pages_json=json.dumps([{"url": p["url"], "title": p["title"]} for p in pages[lang]], ensure_ascii=False).replace("</", "<\\/"),
        )
        utils.write_file(text.encode("utf-8"), str(site / prefix / OFFLINE_PAGE))


def _write_manifests(site: Path, langs, names: dict) -> None:
    for lang in langs.codes:
        root = langs.up(lang)
        manifest = {
            "name": names[lang][0],  # the language's site_name and site_description
            "short_name": LABELS[lang]["short_name"],
            "description": names[lang][1],
            "lang": lang,
            "id": "./",
            "start_url": "./",
            "scope": root or "./",
            "display": "standalone",
            "theme_color": THEME_COLOR,
            "background_color": "#ffffff",
            "icons": [
                {"src": root + icon, "sizes": size, "type": "image/png", "purpose": "any"}
                for icon, size in zip(ICONS, ("192x192", "512x512"))
            ],
        }
        path = site / langs.prefix(lang) / MANIFEST
        utils.write_file((json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), str(path))


def _set_save_size(site: Path, lang: str, prefix: str, files: list[str], shell: set[str], downloads: str | None) -> int:
    """Write the save's size into the language's downloads page (both forms); return the bytes.

    Two figures: the files' bytes (the most it can cost), and the same gzipped (level 6, what a
    static host that compresses text sends; images are sent as they are).
    """
    if downloads is None:
        return 0
    page = site / prefix / downloads
    targets = [page / "index.html", page / LINKED]
    if not all(t.is_file() for t in targets):
        return 0
    total = -1
    for _ in range(5):  # the page is itself in the save: write the number until it stops changing
        new_total = sum((site / f).stat().st_size for f in files if f not in shell)
        if new_total == total:
            break
        total = new_total
        compressed = sum(_compressed_size(site / f) for f in files if f not in shell)
        label = LABELS[lang]["size"].format(size=_human_size(total, lang), compressed=_human_size(compressed, lang))
        for target in targets:
            text = target.read_text(encoding="utf-8")
            text = SIZE_BYTES.sub(f'data-offline-bytes="{total}" data-offline-bytes-compressed="{compressed}"', text, count=1)
            text = SIZE_TEXT.sub(lambda m: m.group(1) + html.escape(label) + m.group(2), text, count=1)
            target.write_text(text, encoding="utf-8")
    return total


def on_post_build(config):
    if offline_copy_enabled(config):
        return
    site = Path(config.site_dir)
    langs = languages(config)
    pages = _pages(site, langs)
    if not any(pages.values()):
        return
    # What every page needs: the files every page's linked form refers to.
    needs = None
    for page in (page for lang in langs.codes for page in pages[lang]):
        text = (site / page["linked"]).read_text(encoding="utf-8")
        found = _references(site, page["linked"], text, REFERENCE)
        needs = found if needs is None else needs & found
    needs = sorted(needs or ())
    stylesheets = [f for f in needs if f.endswith(".css")]
    logo = next((f for f in needs if f.endswith(".svg")), None)
    downloads = section(config, "downloads")
    _write_offline_pages(site, langs, pages, stylesheets, logo, downloads)
    _write_manifests(site, langs, site_names(config))
    shell = needs + [langs.prefix(lang) + OFFLINE_PAGE for lang in langs.codes]

    save = {}
    for lang in langs.codes:
        images = set()
        for page in pages[lang]:
            images |= _references(site, page["linked"], (site / page["linked"]).read_text(encoding="utf-8"), IMAGE)
        save[lang] = {
            "pages": [p["url"] for p in pages[lang]],
            "files": sorted(f for f in images | set(_search_files(site, langs.prefix(lang))) if f not in shell),
        }
    for lang in langs.codes:
        files = [p["linked"] for p in pages[lang]] + save[lang]["files"]
        save[lang]["bytes"] = _set_save_size(site, lang, langs.prefix(lang), files, set(shell), downloads)

    digest = hashlib.sha256()
    for name in _site_files(site):
        if name != "sw.js":
            digest.update(name.encode() + b"\0" + (site / name).read_bytes() + b"\0")
    facts = {
        "version": digest.hexdigest()[:16],
        "shell": shell,
        "linked": LINKED,  # a page's linked form: its address + this (see "save" for the pages)
        "offline": {lang: langs.prefix(lang) + OFFLINE_PAGE for lang in langs.codes},
        "save": save,
    }
    worker = (
        "/* Generated by the handbook plugin (handbook/plugin/hooks/offline_first.py) from handbook/service_worker.js: do not edit. */\n"
        f"self.PEDOMAN = {json.dumps(facts, ensure_ascii=False, separators=(',', ':'))};\n"
        + WORKER_SOURCE.read_text(encoding="utf-8")
    )
    (site / "sw.js").write_text(worker, encoding="utf-8")
