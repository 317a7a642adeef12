"""Search ranking: field boosts and page keywords in the index, and our worker in every page.

- Records each page's ``kata_kunci`` (front matter) and, once the index is written, puts them and
  the field boosts of scripts/handbook/search_ranking.py into it (before search_by_language.py
  splits it per language, so both languages get them).
- Points Material's ``__config`` "search" (the worker script) at
  ``assets/javascripts/workers/pedoman-search.js?material=<Material's worker>``, which loads
  Material's worker and adjusts the ranking at query time (function words, typos, phrases); on
  every page, the 404 pages included.
Check: tests/test_search_queries.py; figures: ``make bench`` (section ``search``).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path


from handbook.build import languages
from handbook.search_ranking import keywords_of, weigh

log = logging.getLogger("mkdocs.hooks.search_ranking")
WORKER = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"search": ")([^"]*/workers/)(search\.[0-9a-f]+\.min\.js)(")')


def _our_worker(html: str) -> str:
    return WORKER.sub(lambda m: f"{m.group(1)}{m.group(2)}pedoman-search.js?material={m.group(3)}{m.group(4)}", html, count=1)


def on_page_context(context, page, config, nav, state):
    try:
        words = keywords_of(page.meta)
    except ValueError as error:
        log.warning(f"docs/{page.file.src_uri}: {error}")
        words = []
    if words:
        state[page.url] = words  # the page's search keywords
    return context


def on_post_page(output, page, config):
    return _our_worker(output)


def on_post_build(config, state):
    site = Path(config.site_dir)
    for error_page in (site / languages(config).prefix(lang) / "404.html" for lang in languages(config).codes):
        if error_page.is_file():
            html = error_page.read_text(encoding="utf-8")
            if WORKER.search(html):
                error_page.write_text(_our_worker(html), encoding="utf-8")
    path = site / "search" / "search_index.json"
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(weigh(index, state), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
