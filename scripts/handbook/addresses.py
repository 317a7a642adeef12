"""Page <-> address <-> language: the one place that knows how a page's path maps to its addresses.

A page is a Markdown source without its language suffix (``karakter/integritas.md``) in a
language (``id`` or ``en``). Its files and addresses:

- source file: ``docs/karakter/integritas.id.md`` / ``.en.md``;
- published address: ``/karakter/integritas/``, English under ``/en/`` (``/en/karakter/integritas/``);
- built file online: ``karakter/integritas/index.html``; in the offline copy (no directory
  URLs): ``karakter/integritas.html``.

The hooks, the checkers, the PDF builder, the QR codes and the permalink registry all go through
these functions.
"""

from __future__ import annotations

import re
from pathlib import Path

from handbook.vocabulary import DEFAULT_LANGUAGE, LANGUAGES

OTHER_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)
# The second form of every page (offline_first.py): the same page with its stylesheets linked, for
# the offline worker and the zip; beside the page's index.html.
LINKED_FORM = "index.linked.html"


def language_of(path: str, languages=OTHER_LANGUAGES) -> str:
    """The language of a built path or address (``en/...`` is English; everything else Indonesian)."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in languages else DEFAULT_LANGUAGE


def without_language(path: str, languages=OTHER_LANGUAGES) -> str:
    """``en/karakter/x/`` -> ``karakter/x/``; a path of the default language is returned as it is."""
    first, _, rest = path.partition("/")
    return rest if first in languages and rest else path


def with_language(path: str, lang: str) -> str:
    """``karakter/x/`` in ``en`` -> ``en/karakter/x/`` (site-relative, no leading slash)."""
    return path if lang == DEFAULT_LANGUAGE else f"{lang}/{path}"


def online_path(url: str) -> str:
    """``karakter/integritas.html`` -> ``karakter/integritas/``; ``en/index.html`` -> ``en/``."""
    if not url.endswith(".html"):
        return url
    if url == "index.html" or url.endswith("/index.html"):
        return url[: -len("index.html")]
    return url[: -len(".html")] + "/"


def canonical_page(path: str) -> str:
    """``karakter/integritas.en.md`` or ``karakter/integritas/index.html`` -> ``karakter/integritas/``."""
    path = re.sub(r"\.(id|en)\.md$", ".md", path)
    if path.endswith(".md"):
        path = path[: -len(".md")]
        path = path[: -len("index")] if path.endswith("index") else path + "/"
    elif path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path.lstrip("./") if path not in ("", "./") else ""


def offline_path(source: str, lang: str) -> str:
    """The page's file in the offline copy: ``karakter/integritas.md`` -> ``[en/]karakter/integritas.html``."""
    return with_language(source[: -len(".md")] + ".html", lang)


def page_address(source: str, lang: str) -> str:
    """The page's published address, as the permalink registry writes it: ``/en/karakter/integritas/``."""
    return "/" + online_path(offline_path(source, lang))


def source_of(page_path: str, docs: Path) -> Path | None:
    """The Markdown file a built page came from (falling back to the Indonesian file)."""
    lang = language_of(page_path)
    stem = without_language(page_path).removesuffix("index.html").rstrip("/")
    candidates = []
    for language in (lang, DEFAULT_LANGUAGE):
        if stem:
            candidates += [docs / f"{stem}.{language}.md", docs / stem / f"index.{language}.md"]
        else:
            candidates.append(docs / f"index.{language}.md")
    return next((c for c in candidates if c.exists()), None)
