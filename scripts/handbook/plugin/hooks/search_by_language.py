"""Search in the reader's language, with its own root words where lunr has them.

mkdocs-static-i18n puts every language into one search index, so English readers get Indonesian
results and the reverse. After every language is built, this step splits that index, one per
language, each with the search settings of that language's interface table (``language.search``):

- ``search/search_index.json``: the default language's pages (for Indonesian ``config.lang =
  ["id"]``, which makes Material's search worker load ``assets/javascripts/lunr/min/lunr.id.min.js``,
  ours: it indexes Indonesian words with their root words and expands query terms the same way);
- ``<lang>/search/search_index.json``: each other language's pages, locations relative to ``<lang>/``.

A one-language handbook keeps its one index, with its language's settings. Pages of another
language then point Material's ``base`` (in the ``__config`` JSON, used only to find the
search index and to resolve result links) at ``<lang>/``. The storage scope ``__md_scope`` stays the
site root, so the reader's palette choice carries across languages. In the offline copy each
index is also written as ``search_index.js`` for ``file://``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from handbook import interface
from handbook.build import current_language, languages, offline_copy_enabled

CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')
LANGUAGE = interface.labels("language")  # each language's search settings: language.search


def _language_base(html: str, prefix: str) -> str:
    """Material's base pointed at a language's folder (``.../en/``)."""
    return CONFIG_BASE.sub(lambda m: m.group(1) + m.group(2).rstrip("/") + "/" + prefix + m.group(3), html, count=1)


def on_post_page(output, page, config):
    prefix = languages(config).prefix(current_language(config))
    return _language_base(output, prefix) if prefix else output


def _write(folder: Path, index: dict, offline: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    if offline:
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


def on_post_build(config):
    site = Path(config.site_dir)
    path = site / "search" / "search_index.json"
    if not path.is_file():
        return
    langs = languages(config)
    for lang in langs.others:
        error_page = site / lang / "404.html"  # made by not_found_pages.py, which MkDocs does not post-process
        if error_page.is_file():
            html = error_page.read_text(encoding="utf-8")
            base = CONFIG_BASE.search(html)
            if base and not base.group(2).endswith("/" + langs.prefix(lang)):
                error_page.write_text(_language_base(html, langs.prefix(lang)), encoding="utf-8")
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = index.get("docs", [])
    settings = {lang: LANGUAGE[lang]["search"] for lang in langs.codes}
    if langs.others and not any(doc["location"].startswith(langs.prefix(lang)) for lang in langs.others for doc in docs):
        return  # one language's own build inside the i18n plugin's, or an index already split
    offline = offline_copy_enabled(config)
    for lang in langs.codes:
        prefix = langs.prefix(lang)
        if prefix:
            entries = [dict(doc, location=doc["location"][len(prefix):]) for doc in docs if doc["location"].startswith(prefix)]
        else:
            entries = [doc for doc in docs if langs.of_path(doc["location"]) == lang]
        _write(site / prefix / "search", {**index, "config": {**index["config"], **settings[lang]}, "docs": entries}, offline)
