"""Check every link of the built handbook, in both languages.

Reads the built site (run `make site` or `mkdocs build` first) and reports:
  MISSING_PAGE       a link to a page or file that is not in the site
  MISSING_ANCHOR     a link to a #fragment that is not an id on the target page
  MISSING_ASSET      an image, stylesheet, script or download that is not in the site
  LANG_LEAK          an English page links to the Indonesian version of a page that exists in
                     English, or the reverse (the language switcher is exempt)
  DUPLICATE_ID       two elements of one page share an id
  JS_URL             a javascript: URL
  SCRIPT_IN_CONTENT  a <script> element in a page's Markdown content
  EVENT_HANDLER      an on...= attribute in a page's Markdown content
  EXTERNAL_BROKEN    an external link that failed (only with --external)

Output: one line per problem, `docs/<file>.md:<line>: <CODE>: <message>`, at the Markdown line that
holds the link, or at the template or mkdocs.yml line when the theme made it.
External links are listed with --list-external and checked only with --external (timeouts, and a
cache file so a second run asks again only after a week); never in the default run.
Exit status: 0 clean, 1 problems found, 2 bad usage or input.

Usage: handbook check links [--site site] [--docs docs] [--list-external] [--external]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from handbook.addresses import LINKED_FORM, canonical_page, language_of, source_of, with_language, without_language
from handbook.builtsite import SiteError, is_external, list_files, resolve, scan_page, site_address
from handbook.markdown_links import find_line, links_in

from handbook.project import ROOT

ENGINE_THEME = Path(__file__).resolve().parents[1] / "theme"  # the handbook plugin's templates
DOWNLOADS = (".pdf", ".zip", ".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".css", ".js", ".json", ".xml")
SKIPPED_SCHEMES = ("mailto:", "tel:", "data:", "blob:")
CACHE_TTL_SECONDS = 7 * 24 * 3600


class Locator:
    """Turns a built page and a link into the `file:line` an author should open."""

    def __init__(self, site: Path, docs: Path, root: Path):
        self.site, self.docs, self.root = site, docs, root
        self._sources: dict = {}
        config = root / "mkdocs.yml"
        self.config_lines = config.read_text(encoding="utf-8").splitlines() if config.exists() else []

    def _display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def source(self, page: str):
        if page not in self._sources:
            markdown = source_of(page, self.docs)
            self._sources[page] = (markdown, *(links_in(markdown, self.docs) if markdown else ([], None)))
        return self._sources[page]

    def page_line(self, page: str) -> str:
        markdown, _, _ = self.source(page)
        if markdown is not None:
            return f"{self._display(markdown)}:1"
        return f"{self._display(self.template(without_language(page)))}:1"

    def text_line(self, page: str, needle: str, occurrence: int = 1) -> str:
        """The line of the n-th Markdown line holding `needle` (the page's first line if none)."""
        markdown, _, _ = self.source(page)
        if markdown is None:
            return self.page_line(page)
        seen = 0
        for number, text in enumerate(markdown.read_text(encoding="utf-8").splitlines(), start=1):
            if needle in text:
                seen += 1
                if seen == occurrence:
                    return f"{self._display(markdown)}:{number}"
        return self.page_line(page)

    def link_line(self, page: str, link, target: str | None, fragment: str) -> str:
        markdown, links, marker = self.source(page)
        if link.in_content and markdown is not None:
            site_path = canonical_page(without_language(target)) if target else None
            line = find_line(links, link.url, site_path, fragment) or marker or 1
            return f"{self._display(markdown)}:{line}"
        if target:  # a navigation link: the nav entry in mkdocs.yml
            wanted = canonical_page(without_language(target))
            for number, text in enumerate(self.config_lines, start=1):
                entry = text.split(":")[-1].strip()
                if entry.endswith(".md") and canonical_page(entry) == wanted:
                    return f"mkdocs.yml:{number}"
        return f"{self._display(self.template('404.html' if page.endswith('404.html') else 'main.html'))}:1"

    def template(self, name: str) -> Path:
        """The template that made a page: the project's override (overrides/), else the engine's."""
        own = self.root / "overrides" / name
        return own if own.is_file() else ENGINE_THEME / name


_URL_STEPS: dict[str, tuple[int, str]] = {}


def _resolution_key(page_path: str, url: str) -> tuple[str, str]:
    """A cache key shared by every page whose link resolves the same way.

    '../x/' from a/b/c/index.html and from a/b/d/index.html both mean a/b/x/: strip the leading
    '../' steps from the URL and as many folders from the page's folder.
    """
    if url.startswith("#"):
        return page_path, url
    if url.startswith("/") or "://" in url:
        return "", url
    steps = _URL_STEPS.get(url)
    if steps is None:
        rest, up = url, 0
        while rest.startswith("../"):
            rest, up = rest[3:], up + 1
        steps = _URL_STEPS[url] = (up, rest)
    up, rest = steps
    parts = page_path.split("/")[:-1]
    if up > len(parts):  # leaves the site: no other page shares this outcome
        return page_path, url
    return "/".join(parts[: len(parts) - up]), rest


def check_site(site: Path, docs: Path, root: Path) -> tuple[list[str], list[str]]:
    """Problems, and external links (`location url`), for a built site."""
    files = list_files(site)
    pages = sorted(f for f in files if f.endswith(".html"))
    if "index.html" not in files:
        raise SiteError(f"{site}: no index.html; build the site first (make site) or pass --site")
    locate = Locator(site, docs, root)
    host, base = site_address(site)
    scanned = [scan_page(site, path) for path in pages]
    ids = {page.path: set(page.ids) for page in scanned}
    verdicts: dict = {}  # (resolution key, switcher, asset, language) -> None or (code, target, fragment, detail)
    problems, external = [], []

    def verdict(path, url, link, lang):
        target, fragment = resolve(path, url, files, base, host)
        if target is None:
            return "MISSING_PAGE", None, fragment, "points outside the site"
        if target not in files:
            code = "MISSING_ASSET" if link.loads_asset or target.lower().endswith(DOWNLOADS) else "MISSING_PAGE"
            return code, target, fragment, f"/{target} does not exist"
        if not target.endswith(".html"):
            return None
        if fragment and fragment not in ids.get(target, ()):
            return "MISSING_ANCHOR", target, fragment, f"/{target} has no id '{fragment}'"
        target_lang = language_of(target)
        if not link.is_switcher and target_lang != lang and not target.endswith("404.html"):
            counterpart = with_language(without_language(target), lang)
            if counterpart in files:
                return "LANG_LEAK", target, fragment, f"goes to the {target_lang} page /{target}; link /{counterpart} instead"
        return None

    # A page's linked form (offline_first.py: stylesheets linked, not inlined) repeats the page: only
    # what it alone holds is checked there, so a defect is reported once, at its Markdown line.
    urls_of = {page.path: {link.url for link in page.links} for page in scanned}
    for page in scanned:
        path = page.path
        lang = language_of(path)
        page_form = path.removesuffix(LINKED_FORM) + "index.html" if path.endswith(LINKED_FORM) else None
        if page_form in urls_of:
            for link in page.links:
                if link.url in urls_of[page_form]:
                    continue
                url = link.url.strip()
                found = verdict(path, url, link, lang) if url and ":" not in url[:11] else None
                if found is not None:
                    code, target, fragment, detail = found
                    problems.append(f"{locate.page_line(page_form)}: {code}: '{url}' on /{path}: {detail}")
            continue
        for ident, count in Counter(page.ids).items():
            if count > 1:
                problems.append(f"{locate.text_line(path, '#' + ident + '}', 2)}: DUPLICATE_ID: id '{ident}' appears {count} times on /{path}; give each heading its own id")
        if page.content_scripts:
            problems.append(f"{locate.text_line(path, '<script')}: SCRIPT_IN_CONTENT: {page.content_scripts} <script> element(s) in the content of /{path}; remove raw <script> from the Markdown")
        for handler in page.content_handlers:
            problems.append(f"{locate.text_line(path, handler + '=')}: EVENT_HANDLER: '{handler}=' attribute in the content of /{path}; remove it from the Markdown")
        for link in page.links:
            url = link.url.strip()
            if not url or url.startswith(SKIPPED_SCHEMES):
                continue
            if ":" in url[:11]:
                if url.lower().startswith("javascript:"):
                    problems.append(f"{locate.link_line(path, link, None, '')}: JS_URL: '{url[:60]}' on /{path}; use a real link")
                    continue
                if is_external(url, host):
                    external.append(f"{locate.link_line(path, link, None, '')} {url}")
                    continue
            key = (_resolution_key(path, url), link.is_switcher, link.loads_asset, lang)
            if key not in verdicts:
                verdicts[key] = verdict(path, url, link, lang)
            found = verdicts[key]
            if found is not None:
                code, target, fragment, detail = found
                problems.append(f"{locate.link_line(path, link, target, fragment)}: {code}: '{url}' on /{path}: {detail}")
    return problems, external


class CacheError(SiteError):
    """An external-link cache that cannot be used (exit 2)."""


def read_cache(cache_file: Path) -> dict:
    """The external-link cache: url -> {ok, status, checked}; missing is empty, unreadable is an error."""
    if not cache_file.exists():
        return {}
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CacheError(f"{cache_file}:1: cannot read the external-link cache ({error.__class__.__name__}); delete it and run again") from None
    except json.JSONDecodeError as error:
        raise CacheError(f"{cache_file}:{error.lineno}: the external-link cache is not valid JSON ({error.msg}); delete it and run again") from None
    valid = isinstance(cache, dict) and all(
        isinstance(entry, dict) and isinstance(entry.get("ok"), bool) and isinstance(entry.get("checked"), (int, float)) and "status" in entry
        for entry in cache.values()
    )
    if not valid:
        raise CacheError(f"{cache_file}:1: the external-link cache is not a map of url -> {{ok, status, checked}}; delete it and run again")
    return cache


def check_external(external: list[str], cache_file: Path, timeout: float) -> list[str]:
    import urllib.error  # imported here: only this opt-in check needs it, and it is slow to load
    import urllib.request

    cache = read_cache(cache_file)
    problems, now = [], time.time()
    for entry in external:
        location, url = entry.rsplit(" ", 1)
        cached = cache.get(url)
        if not cached or now - cached["checked"] > CACHE_TTL_SECONDS:
            try:
                request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "pedoman-link-check"})
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    cached = {"ok": response.status < 400, "status": str(response.status), "checked": now}
            except (urllib.error.URLError, OSError, ValueError) as error:
                cached = {"ok": False, "status": str(getattr(error, "code", None) or getattr(error, "reason", error)), "checked": now}
            cache[url] = cached
        if not cached["ok"]:
            problems.append(f"{location}: EXTERNAL_BROKEN: {url} answered {cached['status']}")
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True))
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the Markdown sources (default: docs/)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder holding mkdocs.yml and overrides/")
    parser.add_argument("--list-external", action="store_true", help="print every external link")
    parser.add_argument("--external", action="store_true", help="also check external links (needs internet)")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "external-links.json")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per external request")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"check_links: {args.site} is not a folder; build the site first (make site) or pass --site", file=sys.stderr)
        return 2
    if not args.docs.is_dir():
        print(f"check_links: {args.docs} is not a folder; pass --docs", file=sys.stderr)
        return 2
    try:
        problems, external = check_site(args.site.resolve(), args.docs.resolve(), args.root.resolve())
    except SiteError as error:
        print(f"check_links: {error}", file=sys.stderr)
        return 2
    if args.list_external:
        for entry in external:
            location, url = entry.rsplit(" ", 1)
            print(f"{location}: EXTERNAL: {url}")
    if args.external:
        try:
            problems += check_external(external, args.cache, args.timeout)
        except SiteError as error:
            print(f"check_links: {error}", file=sys.stderr)
            return 2
    elif external:
        print(f"check_links: {len(set(e.rsplit(' ', 1)[1] for e in external))} external link(s) not checked; use --external", file=sys.stderr)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
