"""Time of `make site` (site plus every download) against a plain strict MkDocs build of the same docs.

Both run in the same session on the same machine, so the ratio says what the downloads cost.
Goal (issue 7): `make site` under 90 s on the 2-core machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_SECONDS = 90


def _timed(command: list[str], cwd: Path) -> float:
    env = {k: v for k, v in os.environ.items() if k not in ("PEDOMAN_DOWNLOADS", "OFFLINE")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main(root: Path) -> None:
    print("make site (wall time; lower is better)")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        plain = _timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(work / "plain")], root)
        full = _timed([sys.executable, "scripts/build_site.py", "--site-dir", str(work / "site"), "--work-dir", str(work / "build")], root)
        sizes = {p.name: p.stat().st_size for p in (work / "site" / "unduhan").iterdir() if p.suffix in (".pdf", ".zip")}
    print(f"  {'mkdocs build --strict (baseline)':40} {plain:8.1f} s")
    print(f"  {'make site (site + PDFs + zip)':40} {full:8.1f} s  {full / plain:5.1f}x baseline  goal < {GOAL_SECONDS} s: {'met' if full < GOAL_SECONDS else 'MISSED'}")
    for name, size in sorted(sizes.items()):
        print(f"    {name:38} {size / 1024:8.0f} KB")
