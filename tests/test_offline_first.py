"""Offline-first reading on a phone, in headless Chromium over http://127.0.0.1 (a secure context).

The service worker and the manifests of both languages; a read page opens with no network (with
its images); an unread page shows the offline page in its language; the save control saves every
page of its language and search then works offline; a new build replaces the old caches and tells
the reader; the file:// offline copy has no worker and no manifest.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import importlib.util
import json
import re
import struct
import threading
import urllib.parse
import urllib.request

import pytest
from bs4 import BeautifulSoup

from conftest import CONFIG, I18N_LANGUAGES, mkdocs_build, search_results, tiny_handbook

offline_first = importlib.import_module("handbook.plugin.hooks.offline_first")
LABELS = offline_first.LABELS

# url -> SHA-256 (hex) of what the worker's caches hold for it, or None.
KEPT_DIGESTS = """async urls => {
    const kept = {};
    for (const url of urls) {
        const found = await caches.match(url);
        kept[url] = found ? [...new Uint8Array(await crypto.subtle.digest("SHA-256", await found.arrayBuffer()))]
            .map(byte => byte.toString(16).padStart(2, "0")).join("") : null;
    }
    return kept;
}"""

CACHED = """() => caches.keys().then(names => Promise.all(names.map(name =>
    caches.open(name).then(cache => cache.keys()).then(keys => [name, keys.map(r => r.url)])))).then(Object.fromEntries)"""


def build_facts(site) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^self\.PEDOMAN = (.*);$", text, re.M).group(1))


def controlled(page) -> None:
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20000)


def cached(page) -> dict[str, list[str]]:
    return page.evaluate(CACHED)


def wait_until_kept(page, url: str) -> None:
    page.wait_for_function(f"() => caches.match({json.dumps(url)}).then(found => Boolean(found))", timeout=20000)


def h1(path) -> str:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article h1").get_text(strip=True)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_manifest_of_each_language(page, served_site, lang):
    prefix = "en/" if lang == "en" else ""
    page.goto(served_site + prefix + "karakter/integritas/")
    href = page.locator('link[rel="manifest"]').evaluate("link => link.href")
    assert href == served_site + prefix + "manifest.webmanifest"
    manifest = json.loads(urllib.request.urlopen(href).read())
    # The app's name and description are the language's site_name and site_description (mkdocs.yml).
    own = next(language for language in I18N_LANGUAGES if language["locale"] == lang)
    name = " ".join(str(own.get("site_name") or CONFIG["site_name"]).split())
    description = " ".join(str(own.get("site_description") or CONFIG["site_description"]).split())
    assert (manifest["name"], manifest["description"]) == (name, description)
    assert manifest["short_name"] == LABELS[lang]["short_name"] and manifest["lang"] == lang
    assert manifest["display"] == "standalone" and manifest["theme_color"].startswith("#")
    assert urllib.parse.urljoin(href, manifest["start_url"]) == served_site + prefix
    sizes = {}
    for icon in manifest["icons"]:
        data = urllib.request.urlopen(urllib.parse.urljoin(href, icon["src"])).read()
        sizes[icon["sizes"]] = png_size(data)
    assert sizes == {"192x192": (192, 192), "512x512": (512, 512)}
    assert page.locator('meta[name="theme-color"]').count() == 1


def test_first_visit_precaches_only_what_every_page_needs(page, served_site, built_site):
    page.goto(served_site + "karakter/integritas/")
    controlled(page)
    wait_until_kept(page, served_site + "karakter/integritas/")
    caches_now = cached(page)
    facts = build_facts(built_site)
    assert sorted(caches_now) == sorted([f"pedoman-{facts['version']}-pages", f"pedoman-{facts['version']}-shell"])
    shell = caches_now[f"pedoman-{facts['version']}-shell"]
    # Everything the page links (stylesheets, scripts, icon, images) is precached, plus the offline pages...
    linked = BeautifulSoup((built_site / "karakter/integritas/index.linked.html").read_text(encoding="utf-8"), "lxml")
    wanted = {urllib.parse.urljoin(served_site + "karakter/integritas/", tag.get("href") or tag.get("src"))
              for tag in linked.select('link[rel="stylesheet"], link[rel="icon"], script[src], img[src]')}
    assert wanted | {served_site + "offline.html", served_site + "en/offline.html"} == set(shell)
    # ...and no other page: only the one being read is kept.
    pages = [url for url in caches_now[f"pedoman-{facts['version']}-pages"] if not url.startswith(served_site + "assets/")]
    assert pages == [served_site + "karakter/integritas/"]


def test_read_page_opens_offline_with_its_images(page, served_site):
    page.goto(served_site + "karakter/")
    controlled(page)
    page.goto(served_site + "karakter/integritas/")
    wait_until_kept(page, served_site + "karakter/integritas/")
    page.context.set_offline(True)
    page.goto(served_site + "karakter/integritas/")
    assert page.locator("article h1").inner_text() == "Integritas"
    images = page.evaluate("() => [...document.images].map(i => [i.currentSrc, i.complete && i.naturalWidth > 0])")
    assert images and all(ok for _, ok in images), images
    # Styled from the cached stylesheets (the linked form has no inline styles).
    assert page.locator("style[data-href]").count() == 0
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_unread_page_offline_shows_the_offline_page_in_its_language(page, served_site, lang):
    prefix = "en/" if lang == "en" else ""
    page.goto(served_site + prefix + "karakter/integritas/")
    controlled(page)
    wait_until_kept(page, served_site + prefix + "karakter/integritas/")
    page.context.set_offline(True)
    response = page.goto(served_site + prefix + "studi-kasus/")
    assert response is not None and response.ok
    assert page.url == served_site + prefix + "studi-kasus/"
    assert page.evaluate("() => document.documentElement.lang") == lang
    assert page.locator("h1").inner_text() == LABELS[lang]["offline_title"]
    saved = page.locator("[data-offline-saved] a")
    saved.first.wait_for()
    assert served_site + prefix + "karakter/integritas/" in saved.evaluate_all("links => links.map(a => a.href)")
    downloads = page.get_by_role("link", name=LABELS[lang]["downloads"])
    assert downloads.evaluate("a => a.href") == served_site + prefix + "unduhan/"


@pytest.mark.parametrize("lang, query, expected", [("id", "integritas", "karakter/integritas/"), ("en", "integrity", "en/karakter/integritas/")])
def test_save_control_saves_the_whole_language_and_search(page, served_site, built_site, site_pages, lang, query, expected):
    prefix = "en/" if lang == "en" else ""
    facts = build_facts(built_site)
    plan = facts["save"][lang]
    page.goto(served_site + prefix + "unduhan/")
    button = page.locator(f'[data-offline-save="{lang}"]')
    # The size it announces is the bytes of what it downloads (linked pages, search, images).
    files = [url + facts["linked"] for url in plan["pages"]] + plan["files"]
    assert int(button.get_attribute("data-offline-bytes")) == sum((built_site / f).stat().st_size for f in files)
    assert {f"{p.parent.as_posix()}/".removeprefix("./") for p in site_pages[lang]} == set(plan["pages"])
    controlled(page)
    button.click()
    page.wait_for_selector(f'[data-offline-save="{lang}"][data-offline-saved="yes"]', timeout=120000)
    assert page.locator("[data-offline-status]").inner_text() == LABELS[lang]["done"]

    page.context.set_offline(True)
    # Every page of the language is kept under the address a reader opens (what the worker answers
    # a navigation with when the network does not), byte for byte its linked form, or the page as
    # first served for a page the reader had open (here, the downloads page)...
    def digest(file: str) -> str:
        return hashlib.sha256((built_site / file).read_bytes()).hexdigest()

    kept = page.evaluate(KEPT_DIGESTS, [served_site + url for url in plan["pages"]])
    forms = {served_site + url: {digest(url + facts["linked"]), digest(url + "index.html")} for url in plan["pages"]}
    assert [url for url in forms if kept[url] not in forms[url]] == []
    # ...and a reader opens them offline: the first, one in the middle and the last.
    paths = site_pages[lang]
    for relative in {paths[0], paths[len(paths) // 2], paths[-1]}:
        page.goto(served_site + relative.as_posix().removesuffix("index.html"))
        assert page.locator("article h1").inner_text() == h1(built_site / relative), relative
    page.goto(served_site + prefix + "karakter/")
    hrefs = search_results(page, query)
    assert served_site + expected in [href.split("#")[0].split("?")[0] for href in hrefs]


def test_offline_copy_has_no_worker_or_manifest(offline_copy):
    assert not (offline_copy / "sw.js").exists()
    assert not (offline_copy / "manifest.webmanifest").exists()
    for path in offline_copy.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert 'rel="manifest"' not in text and "pedoman-offline.js" not in text and "serviceWorker" not in text, path


@pytest.fixture
def rebuildable_site(tmp_path):
    """An empty folder served at http://127.0.0.1/pedoman/ (a domain's sub-path), built into by the test."""
    (tmp_path / "pedoman").mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "no-cache")  # the worker script must be re-checked
            super().end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path / "pedoman", f"http://127.0.0.1:{server.server_port}/pedoman/"
    server.shutdown()


def test_new_build_replaces_old_caches_and_tells_the_reader(page, rebuildable_site, tmp_path_factory):
    folder, url = rebuildable_site
    # The old edition: a small handbook published here (the engine's behaviour, not this handbook's
    # content, is under test; two builds of the real one cost a minute), built on one day...
    config = tiny_handbook(tmp_path_factory.mktemp("edisi"))
    first = mkdocs_build(config, folder, site_url=url, epoch="1750000000")
    assert first.returncode == 0, first.stderr[-2000:]
    old = build_facts(folder)["version"]
    page.goto(url + "karakter/integritas/")
    controlled(page)
    wait_until_kept(page, url + "karakter/integritas/")
    assert all(old in name for name in cached(page))
    assert page.locator("[data-offline-notice]").is_hidden()

    # ...and the new one, the same handbook built on another day (other dates, another version).
    second = mkdocs_build(config, folder, site_url=url, epoch="1760000000")
    assert second.returncode == 0, second.stderr[-2000:]
    new = build_facts(folder)["version"]
    assert new != old
    page.reload()
    page.wait_for_function(f"() => caches.keys().then(names => names.length === 2 && names.every(n => n.includes({json.dumps(new)})))", timeout=30000)
    page.locator("[data-offline-notice]").wait_for(state="visible", timeout=10000)
    assert page.locator("[data-offline-notice]").inner_text().startswith(LABELS["id"]["notice"])
    # What the old edition had saved is kept in the new one, fetched again.
    assert url + "karakter/integritas/" in cached(page)[f"pedoman-{new}-pages"]
