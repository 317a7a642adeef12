"""Search in the reader's language, with Indonesian root words, downloaded only when needed.

mkdocs-static-i18n puts both languages into one search index, so English readers get Indonesian
results and the reverse. After every language is built, this hook splits that index in two:

- ``search/search_index.json``: the Indonesian pages, ``config.lang = ["id"]``, which makes
  Material's search worker load ``assets/javascripts/lunr/min/lunr.id.min.js`` (ours: it indexes
  Indonesian words with their root words and expands query terms the same way);
- ``en/search/search_index.json``: the English pages, with locations relative to ``en/``.

English pages then point Material's ``base`` (in the ``__config`` JSON, used only to find the
search index and to resolve result links) at ``en/``. The storage scope ``__md_scope`` stays the
site root, so the reader's palette choice carries across languages. In the offline copy each
index is also written as ``search_index.js`` for ``file://``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path


from handbook.build import current_language, offline_copy_enabled

CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')
LANGUAGE_CONFIG = {
    # trimmer and stemmer are lunr.id's (the stemmer keeps each word and adds its root words).
    "id": {"lang": ["id"], "pipeline": ["trimmer", "stemmer"]},
    # English keeps Material's default here: its stemmer cannot run on "*" queries, so no stemming.
    "en": {"lang": ["en"], "pipeline": [" "]},
}


def _english_base(html: str) -> str:
    return CONFIG_BASE.sub(lambda m: m.group(1) + m.group(2).rstrip("/") + "/en/" + m.group(3), html, count=1)


def on_post_page(output, page, config):
    return _english_base(output) if current_language(config) == "en" else output


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
    english_404 = site / "en" / "404.html"  # made by not_found_pages.py, which MkDocs does not post-process
    if english_404.is_file():
        html = english_404.read_text(encoding="utf-8")
        base = CONFIG_BASE.search(html)
        if base and not base.group(2).endswith("/en/"):
            english_404.write_text(_english_base(html), encoding="utf-8")
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = index.get("docs", [])
    if not any(doc["location"].startswith("en/") for doc in docs):
        return  # already split, or a build without English
    english = [dict(doc, location=doc["location"][len("en/"):]) for doc in docs if doc["location"].startswith("en/")]
    indonesian = [doc for doc in docs if not doc["location"].startswith("en/")]
    offline = offline_copy_enabled(config)
    for lang, folder, entries in (("id", site / "search", indonesian), ("en", site / "en" / "search", english)):
        _write(folder, {**index, "config": {**index["config"], **LANGUAGE_CONFIG[lang]}, "docs": entries}, offline)
