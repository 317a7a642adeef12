"""One browser crawl of every built page, recorded once and read by many tests.

Four tests used to visit every page each (console, axe light, axe dark, 360 px). This crawl visits
each page of each language once, over http under /pedoman/ as it is published, and records what
those tests assert on:

- ``problems``: console errors, uncaught exceptions, failed requests, 4xx/5xx answers and requests
  to another host, each as ``<page>: <kind>: <detail>``;
- ``alternates``: the page's hreflang links as ``[hreflang, href]``;
- ``scheme`` and ``axe``: per palette (``light``, ``dark``), the ``data-md-color-scheme`` the page
  shows and axe-core's violations (rule, impact, first targets): every rule in the light palette,
  the colour rules in the dark one (AXE_OPTIONS). The dark palette is reached as a reader reaches
  it, by the system preference (``prefers-color-scheme``) in a second context;
- ``phone``: at 360 px, the page's scroll width and every visible table's width against its column;
- ``do_avoid``: the Do/Avoid cells' computed style at 360 px and at 1024 px.

One browser context per language and palette, so its first page is a first visit (no service worker yet) and
the others are served through the worker: both paths are crawled. axe runs at the default desktop
viewport (1280 x 720), as a reader on a laptop sees the page.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 720}
WIDE_TABLE_VIEW = {"width": 1024, "height": 800}

MEASURE = """() => {
  const column = document.querySelector("article.md-typeset") || document.querySelector(".md-content");
  const limit = column ? column.getBoundingClientRect().width : innerWidth;
  const tables = [...document.querySelectorAll("table")].filter(t => t.getClientRects().length).map(t => ({
    width: t.getBoundingClientRect().width,
    container: Math.min(t.parentElement.getBoundingClientRect().width, limit),
    head: (t.querySelector("th") || {}).textContent || "",
  }));
  return {scroll: document.documentElement.scrollWidth, tables};
}"""

DO_AVOID_CELLS = """() => [...document.querySelectorAll("article table[data-pedoman-tumpuk] tbody td")].map(td => ({
    display: getComputedStyle(td).display,
    label: getComputedStyle(td, "::before").content,
    width: td.getBoundingClientRect().width,
    column: td.closest("article").getBoundingClientRect().width,
}))"""

PALETTE = {"light": "default", "dark": "slate"}  # Material's data-md-color-scheme per preference

ALTERNATES = "links => links.map(l => [l.getAttribute('hreflang'), l.getAttribute('href')])"

# axe-core's own entry point; axe-playwright-python ships the script (no download at test time).
# The run is started in the page and collected later, so the light and the dark tab check at once,
# each in its own renderer process (one per core).
# (axe.run works synchronously for most of its run: it starts from a timer so evaluate returns.)
AXE_START = "options => { window.__pedomanAxe = new Promise(go => setTimeout(go, 0)).then(() => axe.run(document, options)); }"
AXE_ALL = {"resultTypes": ["violations"]}
# The dark palette changes colours only: the page's structure, names and roles are the light
# palette's, which every rule checks. In the dark palette, axe runs the rules about colour.
AXE_COLOUR = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
AXE_OPTIONS = {"light": AXE_ALL, "dark": AXE_COLOUR}
AXE_RESULT = "async () => (await window.__pedomanAxe).violations.map(v => ({id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map(n => String(n.target[0]))}))"


@dataclass
class PageRecord:
    url: str
    alternates: list = field(default_factory=list)
    scheme: dict = field(default_factory=dict)
    axe: dict = field(default_factory=dict)
    phone: dict = field(default_factory=dict)
    do_avoid: dict = field(default_factory=dict)


@dataclass
class Crawl:
    pages: dict = field(default_factory=dict)  # (lang, relative index.html path) -> PageRecord
    # lang (the light crawl) or (lang, "dark") -> list of "<page>: <kind>: <detail>"
    problems: dict = field(default_factory=dict)

    def of(self, lang: str) -> dict:
        return {path: record for (language, path), record in self.pages.items() if language == lang}


def _axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def watch(page, served_site: str) -> list[str]:
    """Start recording the page's faults; returns the list the faults are appended to."""
    problems = []
    context = page.context
    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{page.url}: exception: {e}"))
    # net::ERR_ABORTED is a request cancelled because the crawl moved on to the next page
    # (Material starts its search worker at load), not a failure of the site.
    context.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and problems.append(f"{page.url}: failed: {r.url} {r.failure}"))
    context.on("response", lambda r: r.status >= 400 and problems.append(f"{page.url}: {r.status}: {r.url}"))
    context.on("request", lambda r: r.url.startswith(("http:", "https:")) and not r.url.startswith(served_site)
               and problems.append(f"{page.url}: other host: {r.url}"))
    return problems


def axe_violations(page, scheme: str = "light") -> list[dict]:
    """axe-core's violations on the page as it stands, as the crawl records them in ``scheme``."""
    page.evaluate(_axe_script())
    page.evaluate(AXE_START, AXE_OPTIONS[scheme])
    return page.evaluate(AXE_RESULT)


def crawl_problems(page, served_site: str, html: str) -> list[str]:
    """The faults recorded for one page of ``html`` on the served site (the tests' planted case)."""
    page.goto(served_site)
    problems = watch(page, served_site)
    page.set_content(html, wait_until="load")
    page.wait_for_timeout(500)
    return problems


# Set when the test session ends early (-x, Ctrl-C): a background crawl stops at its next page.
STOP = threading.Event()


def crawl(browser, served_site: str, site_pages: dict) -> Crawl:
    """Visit every page of ``site_pages`` (language -> relative paths) and record it."""
    script = _axe_script()
    found = Crawl()
    for lang, paths in site_pages.items():
        # Material picks the palette from the preference when a page loads (and remembers it), so
        # each palette has its own context, as two readers with two phone settings would.
        light = browser.new_context(viewport=DESKTOP, color_scheme="light").new_page()
        dark = browser.new_context(viewport=DESKTOP, color_scheme="dark").new_page()
        found.problems[lang] = watch(light, served_site)
        found.problems[lang, "dark"] = watch(dark, served_site)
        for relative in paths:
            if STOP.is_set():
                raise RuntimeError("the test session ended before the crawl did")
            record = PageRecord(served_site + relative.as_posix().removesuffix("index.html"))
            found.pages[lang, relative] = record
            tabs = {"light": light, "dark": dark}
            for scheme, page in tabs.items():
                page.goto(record.url)
                record.scheme[scheme] = page.locator("body").get_attribute("data-md-color-scheme")
                page.evaluate(script)
                page.evaluate(AXE_START, AXE_OPTIONS[scheme])
            for scheme, page in tabs.items():
                record.axe[scheme] = page.evaluate(AXE_RESULT)
            record.alternates = light.locator('link[rel="alternate"][hreflang]').evaluate_all(ALTERNATES)
            light.set_viewport_size(PHONE)
            record.phone = light.evaluate(MEASURE)
            record.do_avoid[PHONE["width"]] = light.evaluate(DO_AVOID_CELLS)
            if record.do_avoid[PHONE["width"]]:
                light.set_viewport_size(WIDE_TABLE_VIEW)
                record.do_avoid[WIDE_TABLE_VIEW["width"]] = light.evaluate(DO_AVOID_CELLS)
            light.set_viewport_size(DESKTOP)
        for page in (light, dark):
            page.wait_for_timeout(500)  # a late failure of the last page still counts
            page.context.close()
    return found


@contextlib.contextmanager
def serving(site: Path, folder: Path):
    """``site`` over http://127.0.0.1 under the sub-path /pedoman/, as it is published; yields its address."""
    (folder / "pedoman").symlink_to(site, target_is_directory=True)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/pedoman/"
    finally:
        server.shutdown()


def crawl_site(site: Path, folder: Path, site_pages: dict) -> Crawl:
    """Serve ``site`` and crawl it in a browser of its own (the crawl runs beside the other tests,
    in its own thread, and Playwright wants one instance per thread)."""
    from playwright.sync_api import sync_playwright

    from handbook import chromium

    with serving(site, folder) as address, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.find_executable(), args=chromium.ARGS)
        try:
            return crawl(browser, address, site_pages)
        finally:
            browser.close()


def crawl_to_file(site: Path, folder: Path, site_pages: dict, target: Path) -> None:
    """Crawl and write the record to ``target`` (JSON), or ``target`` + ".error" with the traceback."""
    try:
        found = crawl_site(site, folder, site_pages)
    except BaseException:
        write_whole(target.with_suffix(".error"), traceback.format_exc())
        raise
    pages = [{"lang": lang, "path": path.as_posix(), **record.__dict__} for (lang, path), record in found.pages.items()]
    problems = {"|".join(key) if isinstance(key, tuple) else key: lines for key, lines in found.problems.items()}
    write_whole(target, json.dumps({"pages": pages, "problems": problems}))


def write_whole(target: Path, text: str) -> None:
    partial = target.with_name(target.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)  # readers see the whole file or none


def wait_for(target: Path, minutes: float = 20) -> Crawl:
    """The crawl another thread or worker writes to ``target``, once it is there."""
    error = target.with_suffix(".error")
    deadline = time.monotonic() + minutes * 60
    while not target.exists():
        if error.exists():
            raise RuntimeError(f"the shared browser crawl failed:\n{error.read_text(encoding='utf-8')}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"the shared browser crawl wrote nothing to {target} in {minutes} minutes")
        time.sleep(0.5)
    data = json.loads(target.read_text(encoding="utf-8"))
    found = Crawl()
    for entry in data["pages"]:
        lang, path = entry.pop("lang"), Path(entry.pop("path"))
        entry["do_avoid"] = {int(width): cells for width, cells in entry["do_avoid"].items()}
        found.pages[lang, path] = PageRecord(**entry)
    found.problems = {tuple(key.split("|")) if "|" in key else key: lines for key, lines in data["problems"].items()}
    return found
