"""The engine as another agency gets it: built into a wheel, installed into a fresh venv outside
this repository, it checks and builds two handbooks that are not this one (the example of
examples/teluk-damar, and a scaffold fresh from `handbook new`). Their PDFs render, their QR codes
decode to their own registered addresses, their offline worker and their Indonesian search work in
Chromium, and nothing they publish holds this handbook's names, slugs, folders or languages.

Run by .ci/run after `make test` (it needs a fresh venv and a wheel, which the suite does not make):
    .venv/bin/python -m pytest -p no:cacheprovider -n 0 .ci/test_example_handbooks.py
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import browser, page, search_results  # noqa: E402,F401  (the suite's browser fixtures)

CONFIG_TEXT = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
OPTIONS = re.search(r"download_prefix: (\S+)", CONFIG_TEXT).group(1)
FOLDERS = dict(re.findall(r"^        (values|context|cases): (\S+)$", CONFIG_TEXT, re.M))
# This handbook's own: names, download prefix, the folders of its values, cases and local context
# as addresses, its value, case and context slugs, its places and its second language.
OWN_WORDS = ["Maluku", "Malra", "Tual", "Langgur", "ohoi", OPTIONS, "Pedoman ASN Maluku Tenggara", *(f"/{folder}/" for folder in FOLDERS.values())]
OWN_SLUGS = sorted({path.name.split(".")[0] for folder in FOLDERS.values() for path in (ROOT / "docs" / folder).glob("*.md")} - {"index"})
TEXT_SUFFIXES = (".html", ".js", ".css", ".json", ".webmanifest", ".xml", ".txt", ".conf", ".md", ".yml")


def run(*args, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "OFFLINE", "FEEDBACK_EMAIL", "VIRTUAL_ENV")}
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1750000000", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=env)
    if check:
        assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("outside")


@pytest.fixture(scope="module")
def engine(work) -> Path:
    """A fresh venv with the locked dependencies and the engine from its wheel (no source tree)."""
    wheels = work / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", wheels, ROOT, cwd=work)
    (wheel,) = wheels.glob("*.whl")
    venv = work / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=work)
    pip = [venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run(*pip, "--require-hashes", "-r", ROOT / "requirements.lock", cwd=work)
    run(*pip, "--no-deps", wheel, cwd=work)
    where = run(venv / "bin" / "python", "-c", "import handbook; print(handbook.__file__)", cwd=work).stdout.strip()
    assert Path(where).is_relative_to(venv), f"the engine came from {where}, not from its wheel"
    return venv / "bin"


def _made(engine: Path, folder: Path) -> Path:
    checked = run(engine / "handbook", "check", cwd=folder)
    assert checked.stdout == "", checked.stdout
    run(engine / "mkdocs", "build", "--strict", "--site-dir", folder / "strict-site", cwd=folder)
    run(engine / "handbook", "build", cwd=folder)
    return folder


@pytest.fixture(scope="module", params=["example", "scaffold"])
def handbook(request, engine, work) -> Path:
    folder = work / request.param
    if request.param == "example":
        shutil.copytree(ROOT / "examples" / "teluk-damar", folder)
    else:
        run(engine / "handbook", "new", folder, "--name", "Pedoman Pegawai Dinas Contoh", cwd=work)
    return _made(engine, folder)


def _config(folder: Path) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    return yaml.load((folder / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def _options(folder: Path) -> dict:
    return next(p["handbook"] for p in _config(folder)["plugins"] if isinstance(p, dict) and "handbook" in p)


def test_the_example_is_the_small_one_language_handbook_it_claims_to_be():
    folder = ROOT / "examples" / "teluk-damar"
    config, options = _config(folder), _options(folder)
    assert config["theme"]["language"] == "id" and not any(isinstance(p, dict) and "i18n" in p for p in config["plugins"])
    sections = options["sections"]
    values = [p for p in (folder / "docs" / sections["values"]).glob("*.md") if p.stem != "index"]
    cases = [p for p in (folder / "docs" / sections["cases"]).glob("*.md") if p.stem != "index"]
    assert (len(values), len(cases)) == (3, 2)
    assert not set(sections.values()) & set(re.findall(r"^        \w+: (\S+)$", CONFIG_TEXT, re.M))  # folders of its own


def test_its_pdfs_render_with_codes_to_its_own_addresses(handbook, tmp_path):
    options, site_url = _options(handbook), _config(handbook)["site_url"].rstrip("/")
    downloads = handbook / "site" / options["sections"]["downloads"]
    pdfs = sorted(downloads.glob("*.pdf"))
    assert len(pdfs) == 4 and all(p.name.startswith(options["download_prefix"]) for p in pdfs), pdfs
    registered = {line.split()[0] for line in (handbook / "permalinks.txt").read_text(encoding="utf-8").splitlines() if line.startswith("/")}
    codes = set()
    for pdf in pdfs:
        text = run("pdftotext", pdf, "-", cwd=tmp_path).stdout
        assert len(text.split()) > 100, f"{pdf.name}: hardly any text"
        run("pdftoppm", "-r", "120", "-gray", pdf, tmp_path / pdf.stem, cwd=tmp_path)
        for image in tmp_path.glob(f"{pdf.stem}*.pgm"):
            codes.update(run("zbarimg", "-q", "--raw", image, cwd=tmp_path, check=False).stdout.split())
    assert codes, "no QR code decoded"
    assert all(code.startswith(site_url + "/") and code[len(site_url):].split("#")[0] in registered for code in codes), sorted(codes)


@pytest.fixture
def served(handbook):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(handbook / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_its_offline_worker_and_indonesian_search_work_in_chromium(handbook, served, page):
    sections = _options(handbook)["sections"]
    value = sorted(p.stem for p in (handbook / "docs" / sections["values"]).glob("*.md") if p.stem != "index")[0]
    address = f"{served}{sections['values']}/{value}/"
    page.goto(address)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20000)
    title = page.locator("article h1").inner_text()
    # An Indonesian search: an affixed form finds the pages of its root word (lunr.id).
    query, root = ("penimbangan", "timbang") if (handbook / "docs" / sections["values"] / "cermat.md").exists() else ("pelayanan", "layan")
    results = search_results(page, query)
    assert results and all(url.startswith(served) for url in results), results
    hits = [url for url in results if root in page.context.request.get(url).text().lower()]
    assert hits, f"no result for {query!r} holds {root!r}"
    page.context.set_offline(True)
    page.reload()
    assert page.locator("article h1").inner_text() == title  # served by the worker


def test_it_publishes_nothing_of_this_handbook(handbook):
    found = {}
    # A slug of several words is this handbook's wherever it appears; a one-word slug (komunikasi)
    # is a common word, so only as an address.
    slugs = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(s) for s in OWN_SLUGS if "-" in s) + r")(?![\w-])"
        r"|/(" + "|".join(re.escape(s) for s in OWN_SLUGS if "-" not in s) + r")/"
    )
    own = {p.stem for p in (handbook / "docs").rglob("*.md")}
    for path in sorted((handbook / "site").rglob("*")) + sorted((handbook / "build").rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES + (".pdf",):
            continue
        if path.suffix == ".pdf":
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
        hits = [word for word in OWN_WORDS if word in text]
        hits += [s for pair in set(slugs.findall(text)) for s in pair if s and s not in own]
        hits += re.findall(r"\bKei\b", text)
        hits += [f"lang {m}" for m in re.findall(r'(?:lang|hreflang)="(?!id"|x-default")([^"]+)"', text)]
        if hits:
            found[str(path.relative_to(handbook))] = sorted(set(hits))
    assert not found, json.dumps(found, indent=1)[:4000]
    assert not (handbook / "site" / "en").exists()
    index = json.loads((handbook / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["id"]


def test_its_pages_say_what_the_handbook_calls_its_values(handbook):
    """The example words its labels its own way (interface_text): its case table says "Nilai
    utama"; with no local-context section, the table has no column for one."""
    sections = _options(handbook)["sections"]
    table = BeautifulSoup((handbook / "site" / sections["cases"] / "index.html").read_text(encoding="utf-8"), "lxml").select_one("article table")
    headings = [th.get_text(strip=True) for th in table.select("thead th")]
    assert len(headings) == 4 and "Konteks" not in headings
    if _options(handbook).get("interface_text"):
        assert headings[1] == "Nilai utama", headings
