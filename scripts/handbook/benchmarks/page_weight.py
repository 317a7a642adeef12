"""Page weight: what a reader's phone downloads, ours against a default Material build of the same docs.

Both sites are built in this run and served from 127.0.0.1 with gzip and cache headers (a small
server below: Python's own sends neither). Headless Chromium (Playwright, via the DevTools
protocol) loads the home page, a character page and a case-study page and counts, per page:

- first visit: bytes on the wire (compressed, headers included) of every request until load, empty cache;
- repeat visit: the same page again with the warm cache;
- after home: the page read next, after the home page (what one more page of reading costs);
- whether the search index was downloaded;
- first contentful paint under Chromium DevTools' "Slow 3G" profile (2,000 ms latency, 50 KB/s).

The baseline is Material's defaults over the same Markdown: theme fonts from Google Fonts, search
as Material ships it, none of this site's hooks, templates, CSS or JavaScript. This machine has no
internet, so the baseline's Google Fonts requests fail and their bytes are not counted: the
baseline figures are a lower bound and our ratio is conservative.

Goals (issue 8): first visit at most half the baseline's; no search index until search opens;
first contentful paint of a character page under 3 s on Slow 3G.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

from handbook import chromium

PAGES = {"home": "", "character": "karakter/integritas/", "case study": "studi-kasus/hoaks-di-grup-whatsapp/"}
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text and a cache policy like a typical static host's."""

    def log_message(self, *args):
        pass

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


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


def build(config: Path, site: Path, root: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PEDOMAN_DOWNLOADS", "OFFLINE")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)], cwd=root, env=env, check=True, capture_output=True)  # cwd: snippets' base_path is relative


def baseline_config(root: Path, folder: Path) -> Path:
    """Material's defaults over our docs: Google Fonts, default search, no hooks, overrides or extras."""
    config = folder / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        INHERIT: {root / 'mkdocs.yml'}
        docs_dir: {root / 'docs'}
        theme:
          name: material
          custom_dir: {folder / 'no-overrides'}
          font:
            text: Roboto
            code: Roboto Mono
        hooks: []
        extra_css: []
        extra_javascript: []
        validation:
          links:
            not_found: info
            anchors: info
            unrecognized_links: info
        """))
    (folder / "no-overrides").mkdir(exist_ok=True)
    return config


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
        build(root / "mkdocs.yml", work / "ours", root)
        build(baseline_config(root, work), work / "baseline", root)
        ours_url, ours_server = serve(work / "ours")
        base_url, base_server = serve(work / "baseline")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium.find_executable(), args=chromium.ARGS)
            print(f"  {'page':12} {'site':9} {'first visit':>12} {'repeat':>9} {'after home':>11} {'search index':>13} {'FCP slow 3G':>12}")
            for name, path in PAGES.items():
                ours, baseline = measure(browser, ours_url, path), measure(browser, base_url, path)
                for label, result in (("ours", ours), ("baseline", baseline)):
                    fcp = f"{result['fcp'] / 1000:.2f} s" if result["fcp"] else "-"
                    print(f"  {name:12} {label:9} {result['first'] / 1024:9.1f} KB {result['repeat'] / 1024:6.1f} KB {result['following'] / 1024:8.1f} KB {'yes' if result['search_index'] else 'no':>13} {fcp:>12}")
                ratio = ours["first"] / baseline["first"]
                print(f"  {'':12} first visit: ours / baseline = {ratio:.2f} (goal <= 0.50: {'met' if ratio <= 0.5 else 'MISSED'})"
                      + (f"; baseline also asked {', '.join(baseline['third_party'])} (not counted)" if baseline["third_party"] else ""))
            browser.close()
        ours_server.shutdown()
        base_server.shutdown()
