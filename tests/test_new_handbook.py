"""`handbook new DIR`: another agency's starter handbook builds strict and passes `handbook check`
at once, in one language or two, outside this repository, and carries nothing of this handbook.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CONFIG, ROOT, SECTIONS

# What is this handbook's own: its names, its download prefix, its folders as addresses.
HANDBOOK = next(p["handbook"] for p in CONFIG["plugins"] if isinstance(p, dict) and "handbook" in p)
OURS = ["Maluku", "Malra", HANDBOOK["download_prefix"], CONFIG["site_name"], *(f"/{SECTIONS[kind]}/" for kind in ("values", "cases", "context"))]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "OFFLINE", "FEEDBACK_EMAIL")}
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1750000000")  # the starter's own site_url
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def one_language_starter(tmp_path_factory):
    """`handbook new` as most agencies run it (the default language only), then `handbook build`:
    the site (strict) and its downloads."""
    folder = tmp_path_factory.mktemp("agency") / "pedoman"
    made = run("handbook", "new", str(folder), cwd=folder.parent)
    assert made.returncode == 0, made.stderr
    built = run("handbook", "build", cwd=folder)
    assert built.returncode == 0, built.stderr[-3000:]
    return folder


@pytest.fixture(scope="module", params=["id", "id,en"])
def starter(request, tmp_path_factory):
    if request.param == "id":
        return ["id"], request.getfixturevalue("one_language_starter")
    folder = tmp_path_factory.mktemp("agency") / "pedoman"
    made = run("handbook", "new", str(folder), "--languages", request.param, cwd=folder.parent)
    assert made.returncode == 0, made.stderr
    built = run("mkdocs", "build", "--strict", "--site-dir", "site", cwd=folder)
    assert built.returncode == 0, built.stderr[-3000:]
    return request.param.split(","), folder


def test_the_starter_passes_its_checks(starter):
    languages, folder = starter
    checked = run("handbook", "check", cwd=folder)
    assert (checked.returncode, checked.stdout) == (0, ""), checked.stdout + checked.stderr
    # Its built site links nothing it lacks: no other language's home on the 404 page, the engine's icons.
    links = run("handbook", "check", "links", "--site", "site", cwd=folder)
    assert links.returncode == 0, links.stdout + links.stderr


def test_the_starter_site_is_in_its_languages_only(starter):
    languages, folder = starter
    site = folder / "site"
    assert (site / "en").is_dir() == ("en" in languages)
    for page in ("index.html", "nilai/integritas/index.html", "kasus/hadiah-di-loket/index.html", "pelatih/index.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")
        assert soup.html["lang"] == languages[0], page
    value = BeautifulSoup((site / "nilai" / "integritas" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert len(value.select(".uji-soal")) == 5  # its self-check, rendered
    # The session plan links its case; the case list and the value's case list come from front matter.
    guide = (site / "pelatih" / "index.html").read_text(encoding="utf-8")
    assert 'href="../kasus/hadiah-di-loket/"' in guide
    assert "hadiah-di-loket" in (site / "nilai" / "integritas" / "index.html").read_text(encoding="utf-8")
    # Without a local-context section the case table has no column for one.
    cases = BeautifulSoup((site / "kasus" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert len(cases.select("article table thead th")) == 4 and len(cases.select("article table tbody tr:first-child td")) == 4
    glossary = BeautifulSoup((site / "glosarium" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert glossary.select("article dl dt") and glossary.select("article dl dd")  # its terms, as a definition list


def test_the_starter_carries_nothing_of_this_handbook(starter):
    _, folder = starter
    found = {}
    for path in [*folder.rglob("*")]:
        if path.is_file() and path.suffix in (".html", ".js", ".css", ".json", ".webmanifest", ".md", ".yml", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            hits = [word for word in OURS if word in text]
            if hits:
                found[str(path.relative_to(folder))] = hits
    assert not found, found


def test_the_starter_installs_this_engine_from_its_source(starter):
    _, folder = starter
    lines = [line for line in (folder / "requirements.txt").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(lines) == 1 and (Path(lines[0]) / "pyproject.toml").is_file() and Path(lines[0]).resolve() == ROOT.resolve()


def test_new_refuses_a_folder_in_use_and_a_language_without_text(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("x", encoding="utf-8")
    used = run("handbook", "new", str(tmp_path / "used"), cwd=tmp_path)
    assert used.returncode == 2 and "not an empty folder" in used.stderr and "Traceback" not in used.stderr
    malay = run("handbook", "new", str(tmp_path / "ms"), "--languages", "ms", cwd=tmp_path)
    assert malay.returncode == 2 and "no starter text for ms" in malay.stderr and not (tmp_path / "ms").exists()


def test_the_starter_builds_its_downloads_with_codes_to_its_own_address(one_language_starter, tmp_path):
    """`handbook build` in a one-language starter: its PDFs render, every QR code is one of its own
    registered addresses, nothing printed names this handbook, and its site has the offline
    worker and an Indonesian search index."""
    folder = one_language_starter
    downloads = folder / "site" / "unduhan"
    pdfs = sorted(path.name for path in downloads.glob("*.pdf"))
    # The default names of plugins > handbook > files, each after the starter's download_prefix.
    assert pdfs == ["pedoman-asn-id.pdf", "pedoman-asn-kartu-nilai-id.pdf", "pedoman-asn-kasus-pelatih-id.pdf", "pedoman-asn-kasus-peserta-id.pdf"]
    assert (downloads / "pedoman-asn-html.zip").is_file()
    registered = {line.split()[0] for line in (folder / "permalinks.txt").read_text(encoding="utf-8").splitlines() if line.startswith("/")}
    codes = set()
    for name in pdfs:
        text = subprocess.run(["pdftotext", str(downloads / name), "-"], capture_output=True, text=True, check=True).stdout
        assert not [word for word in OURS if word in text], name
        pages = tmp_path / name
        subprocess.run(["pdftoppm", "-r", "150", "-gray", str(downloads / name), str(pages)], check=True)
        for image in sorted(tmp_path.glob(f"{name}*.pgm")):
            found = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True).stdout.split()
            codes.update(found)
    assert codes, "no QR code on the printed cards"
    site_url = "https://pedoman.example.org"
    assert all(code.startswith(site_url + "/") and code[len(site_url):].split("#")[0] in registered for code in codes), codes
    worker = (folder / "site" / "sw.js").read_text(encoding="utf-8")
    assert '"offline":{"id":"offline.html"}' in worker
    index = json.loads((folder / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["id"] and (folder / "site" / "assets/javascripts/lunr/min/lunr.id.min.js").is_file()
