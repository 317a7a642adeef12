"""Page weight: what a reader's phone downloads, ours against a default Material build of the same docs.

Both sites are built in this run and served from 127.0.0.1 with gzip and cache headers (a small
server below: Python's own sends neither). Headless Chromium (Playwright, via the DevTools
protocol) measures:

- a reading session: ten pages read one after the other in one browser (cache on), as a new
  civil servant reads (home, characters overview, two characters, a local-context page, the case
  index, two cases, the trainer guide, the glossary); bytes counted by the server, so what the
  service worker downloads (its precache, the pages it fetches) is counted too. First visit: the
  first of those pages, with everything it sets off (our worker's install included);
- Lighthouse 12 (npm, pinned in scripts/handbook/npm_tools.py) in mobile mode on the home page and
  a character page: accessibility, best practices, SEO (performance too, for reference). Each site
  is built with its SITE_URL set to where it is served, as it would be published;

and per page (home, a character page, a case-study page):

- first visit: bytes on the wire (compressed, headers included) of every request until load, empty cache;
- repeat visit: the same page again with the warm cache;
- after home: the page read next, after the home page (what one more page of reading costs);
- whether the search index was downloaded;
- first contentful paint under Chromium DevTools' "Slow 3G" profile (2,000 ms latency, 50 KB/s).

The baseline is Material's defaults over the same Markdown: search as Material ships it, none of
this site's plugin, templates, CSS or JavaScript, and no web fonts (``font: false`` like ours: this
machine has no internet, so Google Fonts would only fail and count nothing).

Goals: the session at most 0.6 of the baseline's, the first visit at most half; no search index
until search opens; first contentful paint of a character page under 3 s on Slow 3G; Lighthouse
accessibility, best practices and SEO at 100.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from handbook import chromium, npm_tools
from handbook import mkdocs_run
from handbook.benchmarks.lighthouse import free_port, lighthouse_report, through_nginx

PAGES = {"home": "", "character": "karakter/integritas/", "case study": "studi-kasus/hoaks-di-grup-whatsapp/"}
SESSION = [
    "", "karakter/", "karakter/integritas/", "karakter/komunikasi/", "konteks-lokal/wilayah-kepulauan/",
    "studi-kasus/", "studi-kasus/hoaks-di-grup-whatsapp/", "studi-kasus/kunjungan-kei-besar-batal/",
    "pelatih/", "glosarium/",
]
LIGHTHOUSE_PAGES = {"home": "", "character": "karakter/integritas/"}
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text and a cache policy like a typical static host's."""

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        self.wfile = _Counting(self.wfile, self.server)

    def end_headers(self):
        cacheable = "/assets/" in self.path
        self.send_header("Cache-Control", "public, max-age=86400" if cacheable else "no-cache")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.suffix in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        stamp = self.date_time_string(int(path.stat().st_mtime))
        if self.headers.get("If-Modified-Since") == stamp:
            self.send_response(304)
            self.end_headers()
            return None
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", stamp)
        self.end_headers()
        self.wfile.write(body)
        return None


class _Counting:
    """The response stream, counting every byte (status line, headers, body) on the server."""

    def __init__(self, stream, server):
        self._stream, self._server = stream, server

    def write(self, data):
        with self._server.lock:
            self._server.sent += len(data)
        return self._stream.write(data)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    folder.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    server.sent, server.lock = 0, threading.Lock()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


def quiet(server, seconds: float = 0.8, limit: float = 60) -> None:
    """Wait until the server has sent nothing for ``seconds`` (workers finish their downloads)."""
    start, last, since = time.monotonic(), server.sent, time.monotonic()
    while time.monotonic() - start < limit:
        time.sleep(0.1)
        if server.sent != last:
            last, since = server.sent, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return


def session(browser, base: str, server) -> dict:
    """Bytes the server sent for the reading session, and for its first page alone."""
    context = browser.new_context()
    page = context.new_page()
    server.sent, first = 0, None
    for path in SESSION:
        page.goto(base + path, wait_until="load", timeout=120_000)
        quiet(server)
        if first is None:
            first = server.sent
    total = server.sent
    context.close()
    return {"first": first, "session": total}


def lighthouse(url: str) -> dict:
    """Lighthouse 12 scores (0-100) in its default mobile mode, on Debian's Chromium."""
    report = lighthouse_report(url, LIGHTHOUSE_CATEGORIES)
    failing = sorted(
        audit_id for category in report["categories"].values() if category["id"] != "performance"
        for ref in category["auditRefs"] if ref["weight"] > 0
        for audit_id in [ref["id"]] if (report["audits"][audit_id].get("score") or 0) < 1 and report["audits"][audit_id].get("scoreDisplayMode") == "binary"
    )
    return {"scores": {key: round(report["categories"][key]["score"] * 100) for key in LIGHTHOUSE_CATEGORIES}, "failing": failing}


def build(config: Path, site: Path, root: Path, site_url: str | None = None) -> None:
    """A build from the project folder (the snippets' base_path is relative to it)."""
    subprocess.run(mkdocs_run.command(site, config, strict=False), cwd=root, check=True, capture_output=True,
                   env=mkdocs_run.environment(SITE_URL=site_url))


def baseline_config(root: Path, folder: Path) -> Path:
    """Material's defaults over our docs: no handbook plugin, templates or extras (lighthouse.py)."""
    from handbook import project
    from handbook.benchmarks.lighthouse import default_material_config

    return default_material_config(root, folder, project.load_config())


class Tab:
    """A fresh browser context (empty cache) whose page loads report their bytes over the wire."""

    def __init__(self, browser, network: dict | None = None):
        self.context = browser.new_context()
        self.page = self.context.new_page()
        cdp = self.context.new_cdp_session(self.page)
        cdp.send("Network.enable")
        if network:
            cdp.send("Network.emulateNetworkConditions", network)
        self.urls, self._sizes = [], {}
        cdp.on("Network.requestWillBeSent", lambda e: self.urls.append(e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: self._sizes.__setitem__(e["requestId"], e["encodedDataLength"]))

    def load(self, url: str) -> int:
        """Open ``url``; the compressed bytes of every request until load (and a moment after)."""
        self._sizes.clear()
        self.page.goto(url, wait_until="load", timeout=120_000)
        self.page.wait_for_timeout(300)
        return sum(self._sizes.values())

    def close(self) -> None:
        self.context.close()


def measure(browser, base: str, path: str) -> dict:
    tab = Tab(browser)
    first = tab.load(base + path)
    search_index = any("search_index" in url for url in tab.urls)
    third_party = sorted({url.split("/")[2] for url in tab.urls if not url.startswith(base) and url.startswith("http")})
    repeat = tab.load(base + path)
    tab.close()

    # The page as the next one read: the home page first (warm cache), then this page.
    tab = Tab(browser)
    tab.load(base)
    following = tab.load(base + path + "?next")
    tab.close()

    tab = Tab(browser, SLOW_3G)
    tab.load(base + path)
    fcp = tab.page.evaluate("() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    tab.close()
    return {"first": first, "repeat": repeat, "following": following, "search_index": search_index, "third_party": third_party, "fcp": fcp}


def main(root: Path) -> None:
    from playwright.sync_api import sync_playwright

    print("Page weight (bytes over the wire, compressed; lower is better)")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        ours_url, ours_server = serve(work / "ours")
        base_url, base_server = serve(work / "baseline")
        build(root / "mkdocs.yml", work / "ours", root, ours_url)
        build(baseline_config(root, work), work / "baseline", root, base_url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium.find_executable(), args=chromium.ARGS)
            ours, baseline = session(browser, ours_url, ours_server), session(browser, base_url, base_server)
            print(f"  reading session, {len(SESSION)} pages (cache on; server-counted, service worker included):")
            for label, result in (("ours", ours), ("baseline", baseline)):
                print(f"    {label:9} first visit {result['first'] / 1024:8.1f} KB   session {result['session'] / 1024:8.1f} KB")
            first, whole = ours["first"] / baseline["first"], ours["session"] / baseline["session"]
            print(f"    ours / baseline: first visit {first:.2f} (goal <= 0.50: {'met' if first <= 0.5 else 'MISSED'}), "
                  f"session {whole:.2f} (goal <= 0.60: {'met' if whole <= 0.6 else 'MISSED'})")

            print(f"  {'page':12} {'site':9} {'first visit':>12} {'repeat':>9} {'after home':>11} {'search index':>13} {'FCP slow 3G':>12}")
            for name, path in PAGES.items():
                ours, baseline = measure(browser, ours_url, path), measure(browser, base_url, path)
                for label, result in (("ours", ours), ("baseline", baseline)):
                    fcp = f"{result['fcp'] / 1000:.2f} s" if result["fcp"] else "-"
                    print(f"  {name:12} {label:9} {result['first'] / 1024:9.1f} KB {result['repeat'] / 1024:6.1f} KB {result['following'] / 1024:8.1f} KB {'yes' if result['search_index'] else 'no':>13} {fcp:>12}")
                ratio = ours["first"] / baseline["first"]
                print(f"  {'':12} first visit (page only, before the worker): ours / baseline = {ratio:.2f}"
                      + (f"; FCP goal <= 3 s: {'met' if ours['fcp'] and ours['fcp'] <= 3000 else 'MISSED'}" if name == "character" else "")
                      + (f"; baseline also asked {', '.join(baseline['third_party'])} (not counted)" if baseline["third_party"] else ""))
            browser.close()

        print("  Lighthouse 12 (mobile), scores out of 100: " + ", ".join(LIGHTHOUSE_CATEGORIES))
        for name, path in LIGHTHOUSE_PAGES.items():
            for label, url in (("ours", ours_url), ("baseline", base_url)):
                print_lighthouse(name, label, url + path)
        ours_server.shutdown()
        base_server.shutdown()
        lighthouse_through_nginx(root, work)


def print_lighthouse(name: str, label: str, url: str) -> None:
    """One row of Lighthouse scores, or why it was not measured."""
    try:
        result = lighthouse(url)
    except (RuntimeError, npm_tools.ToolMissing, subprocess.TimeoutExpired) as error:
        print(f"    {name:10} {label:9} not measured: {str(error).splitlines()[0]}")
        return
    scores = "  ".join(f"{key} {value:3d}" for key, value in result["scores"].items())
    print(f"    {name:10} {label:9} {scores}" + (f"  (failing: {', '.join(result['failing'])})" if result["failing"] else ""))


def lighthouse_through_nginx(root: Path, work: Path) -> None:
    """The same Lighthouse run on the site served as published: `handbook preview` (make preview), nginx."""
    port = free_port()
    build(root / "mkdocs.yml", work / "nginx-site", root, f"http://127.0.0.1:{port}/")
    try:
        with through_nginx(work / "nginx-site", work / "preview", port) as url:
            print("  Lighthouse 12 (mobile) through make preview (nginx: gzip, caching, security headers): " + ", ".join(LIGHTHOUSE_CATEGORIES))
            for name, path in LIGHTHOUSE_PAGES.items():
                print_lighthouse(name, "ours", url + path)
    except RuntimeError as error:
        print(f"  Lighthouse through nginx: not measured: {error}")
