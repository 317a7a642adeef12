"""Build the site and its offline downloads: what `make site` runs.

Steps, each announced with its elapsed time:
  1. the offline copy (Material's offline plugin, OFFLINE=true), strict, into <work>/offline;
  2. from that copy (WeasyPrint), per language: a PDF of the whole handbook, and the trainer's kit
     (downloads/kit.py): participant case cards, the trainer edition, character handouts;
  3. the offline copy zipped (both languages, works unzipped from file://);
  4. the site itself, strict, into --site-dir, with the files copied to unduhan/ and listed there
     with size, date and SHA-256 (handbook/plugin/hooks/downloads_page.py);
  5. a .gz beside each text file (handbook/precompress.py) and the nginx include rendered for it
     into <work>/nginx (handbook/nginx.py, scripts/handbook/nginx_templates/).
Same commit, same bytes: dates come from SOURCE_DATE_EPOCH (the Makefile sets it from the last commit).

Usage: handbook build [--site-dir site] [--work-dir build]   (make site)
Exit status: 0 built, 1 a build step failed (the message says which and why).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from handbook import interface, nginx, precompress, publisher
from handbook.downloads import archive, book, kit, pdf, qr

from handbook import project
from handbook.build import instance, site_names
from handbook.settings import from_config
from handbook.project import ROOT
CSS = Path(__file__).resolve().parents[1] / "downloads" / "print.css"
# What a reader sees of each download comes from the interface tables (handbook/interface_text/);
# the handbook's own names (title and subtitle per language, the file-name prefix) from mkdocs.yml.
LABELS = interface.labels("build_site")
PUBLISHER_LABELS = interface.labels("publisher")
LANGUAGE = interface.labels("language")  # each language's Babel locale


def handbook_names(config) -> dict:
    """Title and subtitle per language (site_name, site_description) and the downloads' file prefix."""
    names = {"title": {}, "subtitle": {}, "prefix": instance(config).config.download_prefix.strip()}
    for lang, (title, subtitle) in site_names(config).items():
        names["title"][lang], names["subtitle"][lang] = title, subtitle
    return names


class StepError(Exception):
    """A build step failed; the message says which and why."""


class Progress:
    def __init__(self, steps: int):
        self.steps, self.done, self.start = steps, 0, time.monotonic()

    def __call__(self, message: str) -> None:
        self.done += 1
        print(f"[{self.done}/{self.steps}] {message} ({time.monotonic() - self.start:.1f} s)", file=sys.stderr, flush=True)


class _Shown(logging.Handler):
    """MkDocs' warnings and errors of a build, printed as the mkdocs command prints them and kept."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        line = f"{record.levelname:<8}-  {record.getMessage()}"
        self.lines.append(line)
        print(line, file=sys.stderr)  # shown even on success, so nothing is silently dropped


def mkdocs_build(site_dir: Path, offline: bool = False, downloads: Path | None = None) -> None:
    """``mkdocs build --strict`` of the project, run here: the offline copy (Material's offline
    plugin on) or the site, whose handbook plugin gets the rendered downloads on its instance."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    shown, logger = _Shown(), logging.getLogger("mkdocs")
    logger.addHandler(shown)
    try:
        config = load_config(str(project.CONFIG), site_dir=str(site_dir), strict=True)
        offline_plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
        if offline_plugin is not None:
            offline_plugin.config.enabled = offline
        elif offline:
            raise StepError(f"{project.CONFIG}: the offline copy needs Material's offline plugin; add '- offline: {{enabled: !ENV [OFFLINE, false]}}' to plugins:")
        instance(config).downloads_dir = downloads
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, OSError) as error:
        detail = "\n".join(shown.lines) or str(error)
        raise StepError(f"mkdocs build --strict into {site_dir} failed:\n{detail}\n{error}") from None
    finally:
        logger.removeHandler(shown)


def remove_source_maps(site: Path) -> None:
    """Source maps help only developers; leaving them out roughly halves the offline copy."""
    for path in site.rglob("*.map"):
        path.unlink()
    for path in site.glob("assets/javascripts/**/*.js"):
        text = path.read_text(encoding="utf-8")
        if "sourceMappingURL=" in text:
            path.write_text("\n".join(l for l in text.split("\n") if not l.startswith("//# sourceMappingURL=")), encoding="utf-8")


def commit_version() -> str:
    result = subprocess.run(["git", "rev-parse", "--short=10", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else "lokal"


def commit_date() -> datetime:
    return datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH") or time.time()), timezone.utc)


def render_book(job: dict) -> tuple[str, int]:
    """One PDF (run in a worker process): assemble the pages, render, return name and page count."""
    if job["kind"] != "book":
        return kit.render(job)
    pages = [book.BookPage(source, job["lang"]) for source in job["sources"]]
    cover = book.Cover(**job["cover"])
    document = book.assemble(Path(job["site"]), pages, job["lang"], cover, job["site_url"], CSS.read_text())
    count = pdf.render(document, Path(job["site"]), Path(job["target"]))
    return job["name"], count


def publisher_lines(config, lang: str) -> tuple[str, ...]:
    """Who issues the handbook, its status and a contact, as a PDF cover prints them (in order)."""
    found = publisher.lines(publisher.load(instance(config).config, str(project.CONFIG)), lang, PUBLISHER_LABELS[lang])
    return (found["by"], found["status"], found["contact"])


def book_jobs(config, offline: Path, downloads: Path) -> list[dict]:
    from babel.dates import format_date

    sources = book.nav_sources(config["nav"])
    names = handbook_names(config)
    day, version = commit_date().date(), commit_version()
    jobs = []
    for lang in from_config(config).languages.codes:
        locale = LANGUAGE[lang]["locale"]
        name = kit.file_name(instance(config).config, "book", lang)
        jobs.append({
            "name": name, "kind": "book", "lang": lang, "sources": sources, "site": str(offline),
            "site_url": config["site_url"], "target": str(downloads / name),
            "cover": {
                "title": names["title"][lang], "subtitle": names["subtitle"][lang],
                "version": version, "date": day.isoformat(), "edition": instance(config).config.edition.strip(),
                "date_text": format_date(day, format="long", locale=locale),
                "publisher": publisher_lines(config, lang),
            },
        })
    return jobs + kit.jobs(config, offline, downloads, ROOT / "docs", ROOT / "permalinks.txt", version, day)


def build(site_dir: Path, work_dir: Path) -> None:
    progress = Progress(5)
    config = project.load_config()
    offline, downloads = work_dir / "offline", work_dir / "downloads"
    for folder in (offline, downloads):
        shutil.rmtree(folder, ignore_errors=True)
    mkdocs_build(offline, offline=True)  # the offline copy lists no files: it is built first
    remove_source_maps(offline)
    progress("offline copy built")

    jobs = book_jobs(config, offline, downloads)
    with ProcessPoolExecutor(max_workers=2) as pool:
        pages = dict(pool.map(render_book, jobs))
    progress("PDFs rendered: " + ", ".join(f"{name} {count} pp." for name, count in pages.items()))

    prefix = handbook_names(config)["prefix"]
    zip_name = kit.file_name(instance(config).config, "offline_zip")
    count = archive.zip_folder(offline, downloads / zip_name, prefix, int(commit_date().timestamp()))
    progress(f"offline copy zipped: {zip_name}, {count} files")

    langs = from_config(config).languages.codes
    manifest = [
        {"file": job["name"], "title": job.get("title") or {lang: f"{handbook_names(config)['title'][lang]} ({kit.language_name(job['lang'], lang)})" for lang in langs},
         **({"for": job["for"]} if "for" in job else {})}
        for job in jobs
    ]
    manifest.append({"file": zip_name, "title": {lang: LABELS[lang]["zip"] for lang in langs}})
    (downloads / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    mkdocs_build(site_dir, downloads=downloads.resolve())
    progress(f"site built into {site_dir} with {len(manifest)} downloads")

    count, before, after = precompress.precompress(site_dir)
    include = nginx.render(site_dir, work_dir / "nginx", nginx.prefix_of(config["site_url"]), ROOT / "permalinks.txt")
    progress(f"{count} files precompressed ({before // 1024} -> {after // 1024} KiB); nginx include: {include}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--work-dir", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    try:
        build(args.site_dir.resolve(), args.work_dir.resolve())
    except (StepError, book.BookError, pdf.RenderError, qr.AddressError, nginx.NginxError, publisher.PublisherError) as error:
        print(f"build_site: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
