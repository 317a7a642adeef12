"""Start a handbook for another agency: `handbook new DIR` writes a starter project that builds.

    handbook new DIR [--languages id] [--name "Pedoman ASN ..."] [--engine SPEC]

DIR gets: mkdocs.yml (the handbook plugin with its sections and options), requirements.txt (this
engine, from where it comes: --engine SPEC, by default the running engine's source), includes/
(abbreviations and terms), and pages: a home page, one value with its self-check, one case with
its timings, a trainer guide with one session, a glossary and a downloads page. Indonesian only by
default (file names without a language: nilai/integritas.md); --languages id,en writes both
languages (nilai/integritas.id.md and .en.md) with the i18n plugin. Its addresses are registered in
permalinks.txt (and, with two languages, its translations recorded in translations.lock). `mkdocs build --strict` and
`handbook check` pass in it at once; the pages say what to replace.

Exit status: 0 written, 2 unusable input (DIR not empty, a language with no starter text).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from handbook import interface
from handbook.commands import starter_pages

DISTRIBUTION = "pedoman-handbook-tools"


def engine_spec() -> str:
    """Where the running engine comes from, as a requirements line: its source folder when it is
    installed from one (an editable or local install), else its name and exact version."""
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return f"{DISTRIBUTION}"
    direct = dist.read_text("direct_url.json")
    if direct:
        url = json.loads(direct).get("url", "")
        if url.startswith("file://"):
            return url[len("file://"):]
    return f"{DISTRIBUTION}=={dist.version}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "pedoman"


def config_text(name: str, languages: list[str]) -> str:
    """The starter's mkdocs.yml."""
    default = languages[0]
    i18n = ""
    if len(languages) > 1:
        entries = "".join(
            f"        - locale: {lang}\n" + ("          default: true\n" if lang == default else "")
            + f"          name: {json.dumps(interface.table(lang)['language']['native_name'])}\n          build: true\n"
            + ("" if lang == default else f"          site_name: {json.dumps(starter_pages.TEXT[lang]['site_name'])}\n"
               f"          nav_translations: {json.dumps(starter_pages.TEXT[lang]['nav'], ensure_ascii=False)}\n")
            for lang in languages
        )
        i18n = (
            "  - i18n:\n      docs_structure: suffix\n      fallback_to_default: true\n"
            "      reconfigure_material: true\n      reconfigure_search: true\n      languages:\n" + entries
        )
    nav = starter_pages.TEXT[default]["nav_titles"]
    return f"""# {name}: the MkDocs configuration of a handbook made with the handbook engine.
# Build: mkdocs build --strict (pages), handbook build (pages and downloads). Check: handbook check.
site_name: {json.dumps(name)}
site_description: {json.dumps(starter_pages.TEXT[default]['description'])}
# Where the handbook is published (the QR codes on printed cards point here).
site_url: !ENV [SITE_URL, "https://pedoman.example.org/"]

theme:
  name: material
  language: {default}
  font: false  # no Google Fonts: nothing is fetched from a third party

plugins:
  - search
{i18n}  # The offline copy (handbook build makes it): OFFLINE=true.
  - offline:
      enabled: !ENV [OFFLINE, false]
  - handbook:
      edition: "1"
      download_prefix: {slug(name)}
      status: draft   # draft until the handbook is approved; then approved, with approval:
      approval: ""
      publisher:
        name: {json.dumps(starter_pages.TEXT[default]['publisher'])}
        contact: !ENV [FEEDBACK_EMAIL, ""]
      sections:       # folders of docs/; leave one out and the handbook has no such pages
        values: nilai
        cases: kasus
        trainer_guide: pelatih
        glossary: glosarium
        downloads: unduhan
      minimums:       # what handbook check holds the pages to (0: no minimum)
        value_words: 0
        cases_per_value: 1

markdown_extensions:
  - abbr
  - admonition
  - def_list
  - attr_list
  - md_in_html
  - tables
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.snippets:
      base_path: [includes]
      auto_append: [abbreviations.md]
      check_paths: true
  - toc:
      permalink: true

nav:
  - {nav['home']}: index.md
  - {nav['values']}:
      - nilai/index.md
      - nilai/integritas.md
  - {nav['cases']}:
      - kasus/index.md
      - kasus/hadiah-di-loket.md
  - {nav['trainer_guide']}: pelatih/index.md
  - {nav['glossary']}: glosarium/index.md
  - {nav['downloads']}: unduhan/index.md
"""


def write(folder: Path, name: str, languages: list[str], engine: str) -> list[Path]:
    written = []

    def put(relative: str, text: str) -> None:
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    put("mkdocs.yml", config_text(name, languages))
    put("requirements.txt", f"# The handbook engine and, through it, MkDocs and everything else, pinned.\n{engine}\n")
    put("includes/abbreviations.md", starter_pages.ABBREVIATIONS)
    put("includes/terms.yml", starter_pages.TERMS)
    put(".gitignore", "site/\nbuild/\n.venv/\n")
    for lang in languages:
        suffix = ".md" if len(languages) == 1 else f".{lang}.md"
        for page, text in starter_pages.pages(lang, name).items():
            put(f"docs/{page}{suffix}", text)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the new handbook (a new or empty folder)")
    parser.add_argument("--languages", default="id", help="comma-separated, the source language first (default: id)")
    parser.add_argument("--name", default=None, help="the handbook's title (default: the starter's)")
    parser.add_argument("--engine", default=None, help="the requirements line that installs this engine (default: where it comes from now)")
    args = parser.parse_args(argv)
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    if not languages or len(set(languages)) != len(languages):
        print(f"handbook new: --languages {args.languages!r}: give each language once, the source language first (e.g. id or id,en)", file=sys.stderr)
        return 2
    missing = [lang for lang in languages if lang not in starter_pages.TEXT or lang not in interface.ENGINE_LANGUAGES]
    if missing:
        print(f"handbook new: no starter text for {', '.join(missing)}; the engine has it for {', '.join(sorted(starter_pages.TEXT))} "
              "(start with those and translate, or add the language's interface table and starter text)", file=sys.stderr)
        return 2
    folder = args.folder
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(f"handbook new: {folder} exists and is not an empty folder; name a new folder", file=sys.stderr)
        return 2
    name = args.name or starter_pages.TEXT[languages[0]]["site_name"]
    written = write(folder, name, languages, args.engine or engine_spec())
    steps = []
    if len(languages) > 1:
        # The translations start in sync: record each page's sections (translations.lock).
        steps.append([sys.executable, "-m", "handbook", "sync", "--all"])
    with tempfile.TemporaryDirectory() as built:
        # Its addresses start registered (permalinks.txt): the printed QR codes point only at those.
        steps.append([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", built])
        steps.append([sys.executable, "-m", "handbook", "permalinks", "add", "--site", built])
        for step in steps:
            done = subprocess.run(step, cwd=folder, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
            if done.returncode != 0:
                problems = [line for line in done.stderr.splitlines() if not line.startswith("INFO")]
                print(f"handbook new: {' '.join(step[2:4])} failed in {folder}:\n" + "\n".join(problems[-20:]), file=sys.stderr)
                return 1
    print(f"handbook new: wrote {len(written)} files into {folder}. Next, in that folder:")
    print("  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt")
    print("  .venv/bin/mkdocs serve            # read it at http://127.0.0.1:8000/")
    print("  .venv/bin/handbook check          # the pages follow their templates")
    print("  .venv/bin/handbook build          # the site with its PDFs and offline copy, into site/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
