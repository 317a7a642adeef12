"""The handbook through nginx (scripts/handbook/nginx_templates/, rendered by scripts/nginx_site.py, as `make preview`
runs it): headers, compression, caching, types, 404 pages per language, moved pages, and the
Content-Security-Policy holding in Chromium with search open.

The session build (SITE_URL https://example.org/pedoman/) is served under /pedoman/ on a free
port. The registry given to nginx is permalinks.txt plus two recorded moves, so the 301 is tested
whatever the real registry holds today.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import NAV_PAGES, ROOT, search_results
from nginx_server import fetch, serve

PREFIX = "/pedoman/"
MOVES = {  # old page -> where the registry line sends it (the second one through the first)
    "/karakter/integritas-lama/": "/karakter/integritas/",
    "/karakter/jujur/": "/karakter/integritas-lama/",
    "/en/karakter/integritas-lama/": "/en/karakter/integritas/",
}
FINAL = {"/karakter/integritas-lama/": "/karakter/integritas/", "/karakter/jujur/": "/karakter/integritas/",
         "/en/karakter/integritas-lama/": "/en/karakter/integritas/"}
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(js|css)$")
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml")


@pytest.fixture(scope="module")
def nginx_site(built_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("nginx")
    registry = folder / "permalinks.txt"
    registry.write_text((ROOT / "permalinks.txt").read_text(encoding="utf-8")
                        + "".join(f"{old} -> {new}\n" for old, new in MOVES.items()), encoding="utf-8")
    server = serve(built_site, PREFIX, folder / "run", registry)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def worker_site(tmp_path_factory):
    """A tiny site with the service worker files another branch adds (sw.js, a manifest)."""
    site = tmp_path_factory.mktemp("sw-site")
    (site / "en").mkdir()
    page = '<!doctype html><html lang="{0}"><head><link rel="canonical" href="https://example.org/"></head><body>{0}</body></html>'
    for folder, lang in ((site, "id"), (site / "en", "en")):
        (folder / "index.html").write_text(page.format(lang))
        (folder / "404.html").write_text(page.format(lang))
        (folder / "sw.js").write_text("self.addEventListener('fetch', () => {});\n")
    (site / "manifest.webmanifest").write_text('{"name": "Pedoman", "start_url": "./"}\n')
    server = serve(site, "/", tmp_path_factory.mktemp("sw-run"))
    yield server
    server.stop()


def sample_paths(site: Path) -> dict[str, str]:
    """One real file of each kind in the built site, as paths under the prefix."""
    def first(pattern, test=lambda p: True):
        return next(p.relative_to(site).as_posix() for p in sorted(site.glob(pattern)) if test(p))
    return {
        "html": "karakter/integritas/",
        "html_en": "en/karakter/integritas/",
        "bundle_js": first("assets/javascripts/bundle.*.min.js"),
        "main_css": first("assets/stylesheets/main.*.min.css"),
        "our_js": "assets/javascripts/pedoman.js",
        "search_index": "search/search_index.json",
        "sitemap": "sitemap.xml",
        "svg": first("assets/images/*.svg"),
        "pdf": first("unduhan/*.pdf"),
        "zip": first("unduhan/*.zip"),
    }


def csp_sources(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part}


def inline_script_hashes(site: Path) -> set[str]:
    """Hashes of every inline script a browser would run, read with BeautifulSoup (not our parser)."""
    found = set()
    for path in site.rglob("*.html"):
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            if script.get("src") or (script.get("type") or "text/javascript") not in ("text/javascript", "module"):
                continue
            found.add("'sha256-" + base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode() + "'")
    return found


def test_security_headers_on_every_kind_of_response(nginx_site, built_site):
    paths = list(sample_paths(built_site).values()) + ["", "en/", "tidak-ada/", "en/not-there/", "karakter/integritas-lama/", "karakter"]
    for path in paths:
        status, headers, _ = fetch(nginx_site, path)
        assert status in (200, 301, 404), (path, status)
        policy = csp_sources(headers.get("content-security-policy", ""))
        assert policy.get("frame-ancestors") == ["'none'"], (path, headers)
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], path
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], path
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("referrer-policy") == "strict-origin-when-cross-origin", path
        assert "camera=()" in headers.get("permissions-policy", ""), path


def test_script_src_allows_exactly_the_inline_scripts_of_the_build(nginx_site, built_site):
    _, headers, _ = fetch(nginx_site, "")
    policy = csp_sources(headers["content-security-policy"])
    expected = inline_script_hashes(built_site)
    assert expected, "the build writes inline scripts (Material's setup, search-on-demand)"
    assert set(policy["script-src"]) == {"'self'"} | expected
    # Styles only: the pages inline their CSS (see scripts/handbook/nginx_templates/headers.conf).
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]


def test_text_is_sent_gzipped_and_unpacks_to_the_file(nginx_site, built_site):
    for name, path in sample_paths(built_site).items():
        file = built_site / (path + "index.html" if path.endswith("/") else path)
        if file.suffix not in TEXT_TYPES:
            continue
        status, headers, body = fetch(nginx_site, path, {"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("content-encoding") == "gzip", (name, headers)
        assert "Accept-Encoding" in headers.get("vary", ""), name
        assert gzip.decompress(body) == file.read_bytes(), name
        if file.with_name(file.name + ".gz").exists():  # gzip_static: the precompressed file as is
            assert body == file.with_name(file.name + ".gz").read_bytes(), name
        status, headers, body = fetch(nginx_site, path)
        assert "content-encoding" not in headers and body == file.read_bytes(), name


def test_precompressed_files_are_reproducible_gzip_9(built_site):
    texts = [p for p in built_site.rglob("*") if p.is_file() and p.suffix in TEXT_TYPES]
    assert len([p for p in texts if p.name == "index.html"]) >= 2 * NAV_PAGES  # every page of both languages is among them
    for path in texts:
        packed = path.with_name(path.name + ".gz")
        if not packed.exists():
            assert len(gzip.compress(path.read_bytes(), 9, mtime=0)) >= path.stat().st_size, path
            continue
        data = packed.read_bytes()
        assert data[3] & 0x08 == 0, f"{packed}: a file name in the gzip header"
        assert data[4:8] == b"\0\0\0\0", f"{packed}: a time in the gzip header"
        assert gzip.decompress(data) == path.read_bytes(), packed
    assert all((p.parent / (p.name + ".gz")).exists() for p in built_site.rglob("*.html") if p.stat().st_size > 1024)


def test_cache_headers_per_kind(nginx_site, built_site):
    paths = sample_paths(built_site)
    expect = {
        "bundle_js": "public, max-age=31536000, immutable", "main_css": "public, max-age=31536000, immutable",
        "html": "no-cache", "html_en": "no-cache", "our_js": "no-cache", "search_index": "no-cache", "sitemap": "no-cache",
        "pdf": "public, max-age=86400", "zip": "public, max-age=86400", "svg": "public, max-age=86400",
    }
    for name, value in expect.items():
        assert FINGERPRINTED.search(paths[name]) or "immutable" not in value, name
        _, headers, _ = fetch(nginx_site, paths[name])
        assert headers.get("cache-control") == value, (name, headers.get("cache-control"))
    for path in ("tidak-ada/", "en/not-there/"):
        assert fetch(nginx_site, path)[1].get("cache-control") == "no-cache"


def test_content_types(nginx_site, built_site):
    paths = sample_paths(built_site)
    expect = {"html": "text/html; charset=utf-8", "our_js": "application/javascript; charset=utf-8",
              "main_css": "text/css; charset=utf-8", "search_index": "application/json; charset=utf-8",
              "svg": "image/svg+xml; charset=utf-8", "pdf": "application/pdf", "zip": "application/zip"}
    for name, value in expect.items():
        assert fetch(nginx_site, paths[name])[1]["content-type"] == value, name


def test_service_worker_and_manifest_are_revalidated(worker_site):
    for path in ("sw.js", "en/sw.js", "manifest.webmanifest"):
        status, headers, _ = fetch(worker_site, path)
        assert status == 200 and headers["cache-control"] == "no-cache", (path, headers)
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
    assert fetch(worker_site, "manifest.webmanifest")[1]["content-type"] == "application/manifest+json; charset=utf-8"
    assert fetch(worker_site, "sw.js")[1]["content-type"].startswith("application/javascript")


def test_404_page_in_the_readers_language(nginx_site, built_site):
    for path, page, lang in (("tidak-ada/", "404.html", "id"), ("karakter/tidak-ada.pdf", "404.html", "id"),
                             ("en/not-there/", "en/404.html", "en")):
        status, headers, body = fetch(nginx_site, path)
        assert status == 404, path
        assert body == (built_site / page).read_bytes(), path
        assert f'<html lang="{lang}"' in body.decode(), path


def test_moved_pages_answer_301_to_their_final_address(nginx_site):
    for old, final in FINAL.items():
        for address in (old, old + "index.html"):
            status, headers, _ = fetch(nginx_site, PREFIX + address.lstrip("/"))
            assert status == 301, address
            assert headers["location"] == PREFIX + final.lstrip("/"), address
        assert fetch(nginx_site, PREFIX + final.lstrip("/"))[0] == 200
    assert fetch(nginx_site, PREFIX.rstrip("/"))[1]["location"] == PREFIX
    # A folder without its slash: a relative redirect that keeps the reader's host and port.
    status, headers, _ = fetch(nginx_site, PREFIX + "karakter")
    assert status == 301 and headers["location"] == PREFIX + "karakter/"


RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || ""));
});
"""


def test_no_csp_violation_in_chromium_with_search_open(nginx_site, browser):
    # Service workers blocked: every navigation must come from nginx with its headers (the worker's
    # own caching is tested in tests/test_offline_first.py).
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type in ("error", "warning") else None)
    page.add_init_script(RECORD_VIOLATIONS)
    for path, query in (("", "integritas"), ("karakter/integritas/", None), ("en/karakter/empati-sosial/", "empathy"),
                        ("en/not-there/", None)):
        response = page.goto(nginx_site.url + path)
        assert "frame-ancestors" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        # Inline scripts ran (Material's setup defines __md_scope) and so did pedoman.js.
        assert page.evaluate("typeof __md_scope !== 'undefined'"), path
        assert page.locator("p.pedoman-status").count() == 1, path
        if query:
            assert search_results(page, query), (path, query)
        assert page.evaluate("window.__csp") == [], (path, page.evaluate("window.__csp"))
    assert not [m for m in console if "Content Security Policy" in m or "Refused to" in m], console
    # The listener does see a violation: an injected inline script is refused.
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.append(s); }")
    page.wait_for_timeout(200)
    assert any("script-src" in v for v in page.evaluate("window.__csp"))
    context.close()
