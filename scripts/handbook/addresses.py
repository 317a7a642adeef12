"""Page <-> address <-> language: the one place that knows how a page's path maps to its addresses.

A page is a Markdown source without its language suffix (``karakter/integritas.md``) in one of
the handbook's languages (handbook/languages.py; here ``id``, the default, and ``en``). Its files
and addresses:

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

from handbook.languages import Languages

# The second form of every page (offline_first.py): the same page with its stylesheets linked, for
# the offline worker and the zip; beside the page's index.html.
LINKED_FORM = "index.linked.html"


def project_languages() -> Languages:
    """The languages of the project where the command runs (its mkdocs.yml, loaded once)."""
    from handbook import settings

    return settings.load().languages


def language_of(path: str, languages: Languages | None = None) -> str:
    """The language of a built path or address (``en/...`` is English; everything else the default's)."""
    return (languages or project_languages()).of_path(path)


def without_language(path: str, languages: Languages | None = None) -> str:
    """``en/karakter/x/`` -> ``karakter/x/``; a path of the default language is returned as it is."""
    langs = languages or project_languages()
    first, _, rest = path.partition("/")
    return rest if first in langs.others and rest else path


def with_language(path: str, lang: str, languages: Languages | None = None) -> str:
    """``karakter/x/`` in ``en`` -> ``en/karakter/x/`` (site-relative, no leading slash)."""
    return (languages or project_languages()).prefix(lang) + path


def online_path(url: str) -> str:
    """``karakter/integritas.html`` -> ``karakter/integritas/``; ``en/index.html`` -> ``en/``."""
    if not url.endswith(".html"):
        return url
    if url == "index.html" or url.endswith("/index.html"):
        return url[: -len("index.html")]
    return url[: -len(".html")] + "/"


def canonical_page(path: str, languages: Languages | None = None) -> str:
    """``karakter/integritas.en.md`` or ``karakter/integritas/index.html`` -> ``karakter/integritas/``."""
    if path.endswith(".md"):
        codes = (languages or project_languages()).codes
        path = re.sub(r"\.(" + "|".join(map(re.escape, codes)) + r")\.md$", ".md", path)
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


def source_of(page_path: str, docs: Path, languages: Languages | None = None) -> Path | None:
    """The Markdown file a built page came from (falling back to the default language's file)."""
    langs = languages or project_languages()
    lang = langs.of_path(page_path)
    stem = without_language(page_path, langs).removesuffix("index.html").rstrip("/")
    suffix = (lambda language: ".md") if len(langs.codes) == 1 else (lambda language: f".{language}.md")
    candidates = []
    for language in (lang, langs.default):
        if stem:
            candidates += [docs / f"{stem}{suffix(language)}", docs / stem / f"index{suffix(language)}"]
        else:
            candidates.append(docs / f"index{suffix(language)}")
    return next((c for c in candidates if c.exists()), None)
