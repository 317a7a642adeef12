"""How the search index weighs a page: field boosts, and the reader's own words (``kata_kunci``).

Used by handbook/plugin/hooks/search_ranking.py on the index Material writes, before
handbook/plugin/hooks/search_by_language.py splits it per language. Query-side ranking (function words,
typos, phrases) lives in handbook/theme/assets/javascripts/workers/pedoman-search.js.

- ``title`` is a page title or a heading (Material makes one index entry per section); it weighs
  more than body text, but not so much that one title word outranks a page whose text is about the
  whole query (Material's default 1000 made "media sosial" find "Empati sosial" first).
- ``kata_kunci`` holds the everyday words and synonyms a page declares in its front matter
  (``kata_kunci: [stres, burnout, capek]``, or one comma-separated line); they go on the page's
  first entry (its title and introduction), with a boost close to the title's.
"""

from __future__ import annotations

KEYWORDS_KEY = "kata_kunci"
FIELDS = {
    "title": {"boost": 8.0},
    "text": {"boost": 1.0},
    KEYWORDS_KEY: {"boost": 10.0},
    "tags": {"boost": 1000000.0},  # Material's own field, unused here; kept as Material sets it
}


def keywords_of(meta: dict) -> list[str]:
    """The page's ``kata_kunci`` as a list of phrases; ValueError saying how to write it."""
    value = meta.get(KEYWORDS_KEY)
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) for item in value):
        raise ValueError(f"'{KEYWORDS_KEY}' must be a list of words or phrases, e.g. {KEYWORDS_KEY}: [stres, capek kerja]")
    return [" ".join(str(item).split()) for item in value if str(item).strip()]


def weigh(index: dict, keywords: dict[str, list[str]]) -> dict:
    """The index with our field boosts, and each page's keywords on its first entry (by location)."""
    docs = []
    for doc in index.get("docs", []):
        words = keywords.get(doc["location"]) if "#" not in doc["location"] else None
        docs.append({**doc, KEYWORDS_KEY: words} if words else doc)
    return {**index, "config": {**index.get("config", {}), "fields": FIELDS}, "docs": docs}
