"""Time of `make site` (site plus every download) against a plain strict MkDocs build of the same docs.

Both run in the same session on the same machine (median of 3 runs after a warm-up, see
timing.py), so the ratio says what the downloads cost.
Goal (issue 7): `make site` under 90 s on the 2-core machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from handbook.benchmarks import timing
from handbook import mkdocs_run

GOAL_SECONDS = 90


def main(root: Path, runs: int = timing.DEFAULT_RUNS) -> None:
    print(f"make site (wall time, median of {runs} runs after a warm-up; lower is better)")
    env = {k: v for k, v in os.environ.items() if k != "OFFLINE"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        plain, _ = timing.measure(mkdocs_run.command(work / "plain"), runs, cwd=root, env=mkdocs_run.environment())
        full, _ = timing.measure([sys.executable, "-m", "handbook", "build", "--site-dir", str(work / "site"), "--work-dir", str(work / "build")], runs, cwd=root, env=env)
        downloads = work / "site" / "unduhan"
        sizes = {p.name: p.stat().st_size for p in downloads.iterdir() if p.suffix in (".pdf", ".zip")} if downloads.is_dir() else {}
    print(f"  {'mkdocs build --strict (baseline)':40} {plain.shown()}")
    met = full.median is not None and full.median < GOAL_SECONDS
    print(f"  {'make site (site + PDFs + zip)':40} {full.shown()}  {full.ratio_to(plain)} baseline  goal < {GOAL_SECONDS} s: {'met' if met else 'MISSED'}")
    for name, size in sorted(sizes.items()):
        print(f"    {name:38} {size / 1024:8.0f} KB")
