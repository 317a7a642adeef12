"""Shared fixtures: one real build of the handbook per test session, in a temporary folder.

The real site is built once with a sub-path ``site_url`` (``https://example.org/pedoman/``), the
hardest case for relative links, and every test that reads built HTML shares it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from mkdocs.utils.yaml import yaml_load

from handbook import mkdocs_run
from handbook.downloads.book import nav_sources

ROOT = Path(__file__).resolve().parents[1]
SUBPATH_SITE_URL = "https://example.org/pedoman/"
TEST_CONTACT = "pedoman@example.org"  # FEEDBACK_EMAIL of the session's build

# Hypothesis: a small profile while working, the full count in CI (CI=true, as .ci/run runs).
settings.register_profile("dev", max_examples=15, deadline=None)
settings.register_profile("ci", max_examples=120, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Counts the tests expect come from the configuration, never from today's content.
with open(Path(__file__).resolve().parents[1] / "mkdocs.yml", encoding="utf-8") as _file:
    CONFIG = yaml_load(_file)
NAV_SOURCES = nav_sources(CONFIG["nav"])
NAV_PAGES = len(NAV_SOURCES)  # pages per language


def nav_section_pages(section: str) -> list[str]:
    """The nav's pages of one section (``studi-kasus``), its index page left out."""
    return [source for source in NAV_SOURCES if source.startswith(section + "/") and not source.endswith("index.md")]

# The handbook's command for each former script name, so tests read as the commands people run.
COMMANDS = {
    "check_content.py": ["check", "content"],
    "check_links.py": ["check", "links"],
    "check_translations.py": ["check", "translations"],
    "permalinks.py": ["permalinks"],
    "build_site.py": ["build"],
    "bench.py": ["bench"],
    "deploy.py": [],
    "compat.py": ["compat"],
    "nginx_site.py": ["nginx"],
}


def mkdocs_build(config: Path, site_dir: Path, site_url: str | None = None, epoch: str = "1750000000", strict: bool = True, **settings: str):
    """Run ``mkdocs build --strict`` (never with -q/-v: they stop warnings counting).

    strict=False is for fixtures whose defects must reach the HTML for a checker to find.
    """
    return mkdocs_run.build(site_dir, config, strict=strict, SOURCE_DATE_EPOCH=epoch, SITE_URL=site_url, **settings)


def build_handbook(folder: Path, epoch: str = "1750000000") -> subprocess.CompletedProcess:
    """What `make site` does (`handbook build`): offline copy, PDFs, zip, then the site.

    The site goes to ``folder/site``, the offline copy and the downloads to ``folder/work``.
    """
    # A contact as a publishing agency would give one (mkdocs.yml extra.publisher.contact); the
    # default, no contact, is built by test_publisher.py.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=epoch, SITE_URL=SUBPATH_SITE_URL, FEEDBACK_EMAIL=TEST_CONTACT)
    env.pop("PEDOMAN_DOWNLOADS", None)
    return subprocess.run(
        [sys.executable, "-m", "handbook", "build", "--site-dir", str(folder / "site"), "--work-dir", str(folder / "work")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def handbook_build(request, tmp_path_factory) -> Path:
    """The real handbook and its downloads, built once per session exactly as `make site` builds them.

    When the session holds tests that read the shared browser crawl, the crawl starts here.
    """
    reuse = os.environ.get("PEDOMAN_TEST_REUSE_BUILD")
    if reuse:
        # A developer's shortcut while editing tests only: a `handbook build` folder made from this
        # very commit with the same settings. CI and `make test` never set it.
        folder = Path(reuse)
    else:
        folder = tmp_path_factory.mktemp("handbook")
        result = build_handbook(folder)
        if result.returncode != 0:
            pytest.fail(f"handbook build failed:\n{result.stderr[-4000:]}")
        (folder / "build-log.txt").write_text(result.stderr)
    if any("site_crawl" in item.fixturenames for item in request.session.items):
        _start_crawl(folder / "site", tmp_path_factory.mktemp("crawl"))
    return folder


@pytest.fixture(scope="session")
def built_site(handbook_build) -> Path:
    """The built site (strict, sub-path site_url https://example.org/pedoman/), downloads included."""
    return handbook_build / "site"


@pytest.fixture(scope="session")
def offline_copy(handbook_build) -> Path:
    """The offline copy (Material's offline plugin) that the zip is made from."""
    return handbook_build / "work" / "offline"


@pytest.fixture(scope="session")
def downloads(handbook_build) -> Path:
    """The download files as rendered: PDFs, the zip and manifest.json."""
    return handbook_build / "work" / "downloads"


@pytest.fixture(scope="session")
def pdf_text(downloads):
    """The text of each page of a download (pdftotext, once per file and crop), shared by the session.

    ``crop`` is pdftotext's -x/-y/-W/-H in points, e.g. the page without its running heads.
    """
    cache = {}

    def read(file: str, crop: tuple[str, ...] = ()) -> list[str]:
        if (file, crop) not in cache:
            result = subprocess.run(["pdftotext", *crop, str(downloads / file), "-"], capture_output=True, text=True, check=True)
            pages = result.stdout.split("\f")
            cache[file, crop] = pages[:-1] if pages and pages[-1] == "" else pages  # a form feed ends every page
        return cache[file, crop]

    return read


def pages_of(site: Path) -> dict[str, list[Path]]:
    """Built HTML pages per language (404 pages and redirects excluded), as paths relative to the site."""
    pages = {"id": [], "en": []}
    for path in sorted(site.rglob("index.html")):
        if b'name="pedoman-redirect"' in path.read_bytes():
            continue  # a redirect left by a moved page (see permalinks.txt)
        relative = path.relative_to(site)
        lang = "en" if relative.parts[0] == "en" else "id"
        pages[lang].append(relative)
    return pages


@pytest.fixture(scope="session")
def site_pages(built_site) -> dict[str, list[Path]]:
    """Built HTML pages per language (404 pages excluded), as paths relative to the site."""
    return pages_of(built_site)


def write_fixture_config(folder: Path, nav: list[str], hooks=("language_switcher.py", "not_found_pages.py")) -> Path:
    """A tiny site's mkdocs.yml that inherits the real one, with its own nav and hooks."""
    shutil.copytree(ROOT / "includes", folder / "includes", dirs_exist_ok=True)
    # The theme's templates read their labels from the interface tables: every fixture needs that hook.
    hooks = (*hooks, "interface_text.py") if "interface_text.py" not in hooks else hooks
    hook_lines = "".join(f"\n  - {ROOT / 'overrides' / 'hooks' / hook}" for hook in hooks)
    nav_lines = "".join(f"\n  - {page}" for page in nav)
    config = folder / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            INHERIT: {ROOT / 'mkdocs.yml'}
            docs_dir: docs
            theme:
              custom_dir: {ROOT / 'overrides'}
            """
        )
        + f"hooks:{hook_lines}\nnav:{nav_lines}\n"
    )
    return config


# The checkers run in this process (their main(argv), as `handbook` calls it): a new Python per
# call cost more than the check itself. The commands that build, serve or publish keep their own
# process; test_cli.py runs each checker once as a real command line.
IN_PROCESS = {"check_content.py", "check_links.py", "check_translations.py", "permalinks.py"}


def run_script(name: str, *args: str):
    """Run a handbook command (named by its module, e.g. "check_content.py") and return the finished process.

    check_translations.py without a first word runs `handbook check translations`; with "sync" it
    runs `handbook sync`, as people type them. A checker runs in-process, from the repository like
    the command would; an exception it lets out becomes a traceback on stderr and exit code 1, as
    Python would print it.
    """
    command = list(COMMANDS[name])
    if name == "check_translations.py" and args and args[0] in ("check", "sync"):
        command = ["sync"] if args[0] == "sync" else command
        args = args[1:]
    if name not in IN_PROCESS:
        return subprocess.run(
            [sys.executable, "-m", "handbook", *command, *args], capture_output=True, text=True, cwd=ROOT
        )
    return run_in_process([*command, *args])


def run_in_process(argv: list[str]) -> subprocess.CompletedProcess:
    import contextlib
    import io
    import traceback

    from handbook import cli

    out, err = io.StringIO(), io.StringIO()
    here, program = os.getcwd(), sys.argv[0]
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as stop:  # argparse's usage errors, a command's sys.exit
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
                if isinstance(stop.code, str):
                    print(stop.code, file=sys.stderr)
            except Exception:  # noqa: BLE001 - shown as the command line would show it
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(here)
        sys.argv[0] = program
    return subprocess.CompletedProcess(["handbook", *argv], code or 0, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (no browser download: executable_path)."""
    from playwright.sync_api import sync_playwright

    from handbook import chromium

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium.find_executable(), args=chromium.ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab that records every request it makes."""
    context = browser.new_context()
    tab = context.new_page()
    tab.requested = []
    tab.on("request", lambda request: tab.requested.append(request.url))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def served_site(built_site, tmp_path_factory):
    """The built site over http://127.0.0.1 under the sub-path /pedoman/, as it is published."""
    import site_crawl

    with site_crawl.serving(built_site, tmp_path_factory.mktemp("served")) as address:
        yield address


# The shared browser crawl (site_crawl.py) starts in its own thread as soon as the site is built,
# and the tests that read it run last: it uses the second core while the others run.
_CRAWL = {}


def _start_crawl(site: Path, folder: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    import site_crawl

    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="site-crawl")
    _CRAWL["future"] = executor.submit(site_crawl.crawl_site, site, folder, pages_of(site))
    executor.shutdown(wait=False)


def pytest_collection_modifyitems(items):
    """Tests that read the shared crawl go last, so the crawl has run beside the others."""
    items.sort(key=lambda item: "site_crawl" in getattr(item, "fixturenames", ()))


def pytest_sessionfinish(session):
    import site_crawl

    site_crawl.STOP.set()


@pytest.fixture(scope="session")
def site_crawl(built_site, tmp_path_factory):
    """Every page of both languages visited once in Chromium; see site_crawl.py for what is recorded."""
    if "future" not in _CRAWL:
        _start_crawl(built_site, tmp_path_factory.mktemp("crawl"))
    return _CRAWL["future"].result()


def search_results(page, query: str) -> list[str]:
    """Type ``query`` in Material's search box and return every result link (absolute URLs).

    Material shows 10 results, then 4 more each time the list is scrolled to its end again.
    """
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=15)  # Material reads key events
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    count, stable = -1, 0
    while stable < 3:
        page.evaluate("() => { document.querySelector('.md-search__scrollwrap').scrollTop = 0; }")
        page.wait_for_timeout(60)
        page.evaluate("() => { const wrap = document.querySelector('.md-search__scrollwrap'); wrap.scrollTop = wrap.scrollHeight; }")
        page.wait_for_timeout(60)
        now = page.locator(".md-search-result__item").count()
        stable, count = (stable + 1, now) if now == count else (0, now)
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
