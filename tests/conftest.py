"""Shared fixtures: one real build of the handbook per test session, in a temporary folder.

The real site is built once with a sub-path ``site_url`` (``https://example.org/pedoman/``), the
hardest case for relative links, and every test that reads built HTML shares it.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import settings
from mkdocs.utils.yaml import yaml_load

from handbook import mkdocs_run
from handbook.downloads.book import nav_sources
from site_crawl import write_whole

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
# The i18n plugin's languages as mkdocs.yml lists them (locale, name, per-language overrides).
I18N_LANGUAGES = next(p["i18n"] for p in CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)["languages"]
LANGUAGES = tuple(language["locale"] for language in I18N_LANGUAGES)
SECTIONS = next(p["handbook"] for p in CONFIG["plugins"] if isinstance(p, dict) and "handbook" in p)["sections"]


def _slugs_in_order(folder: str) -> tuple[str, ...]:
    """The pages of a docs folder (default language), ordered by their front matter's nomor, then
    slug: read here with PyYAML, not through the engine the tests check."""
    import yaml

    found = []
    for path in sorted((ROOT / "docs" / folder).glob(f"*.{LANGUAGES[0]}.md")):
        slug = path.name.split(".")[0]
        if slug != "index":
            meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]) or {}
            found.append((meta.get("nomor", 10**6), slug))
    return tuple(slug for _, slug in sorted(found))


VALUE_SLUGS = _slugs_in_order(SECTIONS["values"])  # the handbook's characters, in their order
CONTEXT_SLUGS = _slugs_in_order(SECTIONS["context"])
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


def start_handbook_build(folder: Path, epoch: str = "1750000000") -> subprocess.Popen:
    """What `make site` does (`handbook build`: offline copy, PDFs, zip, then the site), started.

    The site goes to ``folder/site``, the offline copy and the downloads to ``folder/work``; the
    process's stderr (text) holds what it printed.
    """
    # A contact as a publishing agency would give one (mkdocs.yml plugins > handbook > publisher > contact); the
    # default, no contact, is built by test_publisher.py.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=epoch, SITE_URL=SUBPATH_SITE_URL, FEEDBACK_EMAIL=TEST_CONTACT)
    return subprocess.Popen(
        [sys.executable, "-m", "handbook", "build", "--site-dir", str(folder / "site"), "--work-dir", str(folder / "work")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def shared_folder(tmp_path_factory) -> Path:
    """A folder every pytest-xdist worker of this run shares (the run's base temp folder)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


# The run's builds of the real handbook start in the background as soon as the run is collected
# (pytest_collection_modifyitems below), one after the other, each `handbook build` in its own
# process, driven by a thread of the first worker: the shared build every test reads (folder
# "handbook") and then, when the run holds test_reproducible's test, the second build it compares
# with the first ("second-build"). Meanwhile the workers run the tests that need no build (they come
# first); a test that reads a build waits for it. When the shared build is done, the same thread
# starts the shared browser crawl if the run holds tests that read it.
SHARED_BUILD, SECOND_BUILD = "handbook", "second-build"
_THREADS: list = []  # the thread that runs the builds, in the worker that started them
_BUILDING: list = []  # their processes
_STOPPED = threading.Event()  # set when the run stops early: no build starts any more


def _failed_marker(folder: Path) -> Path:
    return folder.with_name(folder.name + "-failed.txt")


def _build_in_background(jobs: list[tuple[Path, object]]) -> None:
    """`handbook build` into each folder in turn, from a thread of this worker, then the folder's
    follow-up (a function or None): build-log.txt when a build is done, or ``<folder>-failed.txt``
    with the end of what it printed. One build at a time: with the PDFs' two processes it fills
    both cores beside the workers."""

    def run():
        for folder, then in jobs:
            if _STOPPED.is_set():
                write_whole(_failed_marker(folder), "the test run stopped before this build")
                continue
            try:
                folder.mkdir(exist_ok=True)
                _BUILDING.append(start_handbook_build(folder))
                printed = _BUILDING[-1].communicate()[1]
            except BaseException as error:  # noqa: BLE001 - whatever stops the build, the tests that wait must hear of it
                write_whole(_failed_marker(folder), f"the build did not run: {error!r}")
                raise
            if _BUILDING[-1].returncode != 0:
                write_whole(_failed_marker(folder), printed[-4000:] or f"stopped (exit status {_BUILDING[-1].returncode})")
                continue
            write_whole(folder / "build-log.txt", printed)
            if then is not None:
                then()

    thread = threading.Thread(target=run, name="handbook-builds")
    thread.start()
    _THREADS.append(thread)


def wait_for_build(folder: Path, minutes: float = 30) -> Path:
    """The build folder once its background build is done; the test fails with its errors if it failed."""
    deadline = time.monotonic() + minutes * 60
    while not (folder / "build-log.txt").exists():
        if _failed_marker(folder).exists():
            pytest.fail(f"handbook build into {folder} failed:\n{_failed_marker(folder).read_text(encoding='utf-8')}")
        if time.monotonic() > deadline:
            pytest.fail(f"handbook build into {folder} did not finish in {minutes} minutes")
        time.sleep(0.5)
    return folder


def _start_builds(config, items) -> None:
    """Start the builds the collected tests read, once per run (the first worker to get here)."""
    from filelock import FileLock

    if config.option.collectonly:
        return
    shared = shared_folder(config._tmp_path_factory)  # the tmp_path_factory fixture's own object
    wanted = {SHARED_BUILD: any(_reads_build(item) for item in items),
              SECOND_BUILD: any(item.get_closest_marker("second_build") for item in items)}
    crawl = any("site_crawl" in getattr(item, "fixturenames", ()) for item in items)
    with FileLock(str(shared / "builds.lock")):
        if (shared / "builds.started").exists():
            return
        (shared / "builds.started").touch()
        jobs = []
        if wanted[SHARED_BUILD] and not os.environ.get("PEDOMAN_TEST_REUSE_BUILD"):
            jobs.append((shared / SHARED_BUILD, (lambda: _start_crawl(shared / SHARED_BUILD / "site", shared)) if crawl else None))
        if wanted[SECOND_BUILD]:
            jobs.append((shared / SECOND_BUILD, None))
        _build_in_background(jobs)


def _reads_build(item) -> bool:
    return "handbook_build" in getattr(item, "fixturenames", ()) or item.get_closest_marker("second_build") is not None


@pytest.fixture(scope="session")
def handbook_build(tmp_path_factory) -> Path:
    """The real handbook and its downloads, built once per run exactly as `make site` builds them."""
    reuse = os.environ.get("PEDOMAN_TEST_REUSE_BUILD")
    if reuse:
        # A developer's shortcut while editing tests only: a `handbook build` folder made from this
        # very commit with the same settings. CI and `make test` never set it.
        return Path(reuse)
    return wait_for_build(shared_folder(tmp_path_factory) / SHARED_BUILD)


@pytest.fixture(scope="session")
def second_build(tmp_path_factory) -> Path:
    """A second `handbook build` of the same commit with the same settings (tests marked second_build)."""
    return wait_for_build(shared_folder(tmp_path_factory) / SECOND_BUILD)


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
def pdf_text(downloads, tmp_path_factory):
    """The text of each page of a download (pdftotext once per file and crop for the whole run,
    every worker included).

    ``crop`` is pdftotext's -x/-y/-W/-H in points, e.g. the page without its running heads.
    """
    from filelock import FileLock

    folder = shared_folder(tmp_path_factory) / "pdf-text"
    folder.mkdir(exist_ok=True)

    def read(file: str, crop: tuple[str, ...] = ()) -> list[str]:
        text = folder / f"{file}{'.' + '_'.join(crop) if crop else ''}.txt"
        with FileLock(str(text) + ".lock"):
            if not text.exists():
                result = subprocess.run(["pdftotext", *crop, str(downloads / file), "-"], capture_output=True, text=True, check=True)
                text.write_text(result.stdout, encoding="utf-8")
        pages = text.read_text(encoding="utf-8").split("\f")
        return pages[:-1] if pages and pages[-1] == "" else pages  # a form feed ends every page

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


@functools.lru_cache(maxsize=None)
def loaded_config():
    """The real mkdocs.yml as MkDocs loads it (the plugin's options with their defaults)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(autouse=True)
def handbook_wording():
    """Every test starts with this handbook's wording (its interface_text over the engine's tables),
    whatever fixture site an earlier test of the same worker built: the wording a build reads is
    the engine's process-wide choice (interface.use, made when MkDocs loads a config)."""
    from handbook import interface
    from handbook.build import instance

    folder = instance(loaded_config()).config.interface_text
    interface.use(ROOT / folder if folder else None)


def download_name(option: str, lang: str = "") -> str:
    """A download's file name as this handbook configures it (plugins > handbook > files)."""
    from handbook.build import instance
    from handbook.downloads import kit

    return kit.file_name(instance(loaded_config()).config, option, lang)


def write_fixture_config(folder: Path, nav: list[str], sections: dict[str, str] | None = None) -> Path:
    """A tiny site's mkdocs.yml that inherits the real one, with its own nav and its own handbook
    plugin options, as another agency's project would write them: this handbook's edition and
    publisher, and only the ``sections`` the tiny site has (folder names of its docs/)."""
    shutil.copytree(ROOT / "includes", folder / "includes", dirs_exist_ok=True)
    nav_lines = "".join(f"\n  - {page}" for page in nav)
    # A child mkdocs.yml that lists plugins replaces the inherited list: list them all again.
    i18n = next(p["i18n"] for p in CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)
    handbook = next(p["handbook"] for p in CONFIG["plugins"] if isinstance(p, dict) and "handbook" in p)
    options = {key: handbook[key] for key in ("edition", "download_prefix", "status", "approval")}
    options["sections"] = sections or {}
    config = folder / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\ntheme:\n  custom_dir: {ROOT / 'overrides'}\n"
        f"plugins:\n  - search\n  - i18n: {json.dumps(i18n)}\n  - offline:\n      enabled: !ENV [OFFLINE, false]\n"
        f"  - handbook:\n      publisher:\n        name: {json.dumps(handbook['publisher']['name'])}\n"
        f"        contact: !ENV [FEEDBACK_EMAIL, \"\"]\n"
        + "".join(f"      {key}: {json.dumps(value)}\n" for key, value in options.items())
        + f"nav:{nav_lines}\n"
    )
    return config


# A small bilingual handbook on the engine (tests/fixtures/blocks/<name>/docs over each other: home,
# a character, a local-context page, a case, the trainer guide), set up as another agency would.
TINY_NAV = ["index.md", "karakter/integritas.md", "konteks-lokal/wilayah-kepulauan.md", "studi-kasus/hadiah-upacara-adat.md", "pelatih/index.md"]


def tiny_handbook(folder: Path, docs_from=("_base",), nav=TINY_NAV) -> Path:
    """Its docs/ and mkdocs.yml in ``folder``; returns the mkdocs.yml."""
    docs = folder / "docs"
    for name in docs_from:
        shutil.copytree(ROOT / "tests" / "fixtures" / "blocks" / name / "docs", docs, dirs_exist_ok=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    return write_fixture_config(folder, nav, sections={"values": "karakter", "context": "konteks-lokal", "cases": "studi-kasus", "trainer_guide": "pelatih"})


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
# and the tests that read it run last: it uses the second core while the others run. It writes its
# record to crawl.json in the shared folder, which every worker reads.
_CRAWL = {}


def _crawl_lock(shared: Path):
    from filelock import FileLock

    return FileLock(str(shared / "crawl.lock"))


def _start_crawl(site: Path, shared: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    import site_crawl

    with _crawl_lock(shared):
        if (shared / "crawl.started").exists():
            return
        (shared / "crawl.started").touch()
    folder = shared / "crawl-root"
    folder.mkdir(exist_ok=True)
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="site-crawl")
    _CRAWL["future"] = executor.submit(site_crawl.crawl_to_file, site, folder, pages_of(site), shared / "crawl.json")
    executor.shutdown(wait=False)


# The order files start in (pytest-xdist, --dist loadfile, --no-loadscope-reorder: each file whole
# to one worker, in this order): first the files that need no build of the real handbook, while it
# builds in the background; then the files that read it; last the files that read the shared
# browser crawl, which runs beside the others. Within each group the longest files start first, so
# the two workers end together instead of one waiting for the other's last long file.
LONG_FIRST = (
    "test_new_handbook.py", "test_plugin.py", "test_check_blocks.py", "test_check_content.py", "test_self_check.py",
    "test_checkers_fuzz.py", "test_trainer_kit.py", "test_downloads.py", "test_offline_first.py", "test_search.py",
    "test_html_valid.py", "test_reproducible.py",
)


@pytest.hookimpl(trylast=True)  # after -k and -m deselected what this run leaves out
def pytest_collection_modifyitems(config, items):
    """Order the files (see LONG_FIRST) and start the builds they read."""
    reading = {item.path for item in items if _reads_build(item)}
    crawl = {item.path for item in items if "site_crawl" in getattr(item, "fixturenames", ())}

    def order(item):
        name = item.path.name
        group = 2 if item.path in crawl else 1 if item.path in reading else 0
        return (group, LONG_FIRST.index(name) if name in LONG_FIRST else len(LONG_FIRST), str(item.path))

    items.sort(key=order)  # stable: a file's tests keep their order
    _start_builds(config, items)


def pytest_sessionfinish(session, exitstatus):
    """A worker whose builds or crawl others may still wait for finishes them, unless the run was stopped."""
    import site_crawl

    stopped = session.shouldstop or session.shouldfail or exitstatus == pytest.ExitCode.INTERRUPTED
    if stopped:  # nobody waits for the builds: stop them
        _STOPPED.set()
        for process in _BUILDING:
            process.terminate()
    for thread in _THREADS:
        thread.join()  # a build the other worker may wait for; it ends on its own, so this is bounded
    future = _CRAWL.get("future")
    if future is None:
        return
    if stopped:
        site_crawl.STOP.set()
    future.exception()  # waits; a failure is reported by the tests that read the crawl


@pytest.fixture(scope="session")
def site_crawl(built_site, tmp_path_factory):
    """Every page of both languages visited once in Chromium; see site_crawl.py for what is recorded."""
    import site_crawl

    shared = shared_folder(tmp_path_factory)
    _start_crawl(built_site, shared)  # started already, unless this run built nothing (PEDOMAN_TEST_REUSE_BUILD)
    return site_crawl.wait_for(shared / "crawl.json")


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
