"""Wall time of the whole test suite (what `make test` runs), optionally against another commit.

    handbook bench --only suite                  # this checkout
    handbook bench --only suite --baseline REF   # REF's suite first, then this one, same run

With ``--baseline``, REF is checked out with ``git worktree`` under build/bench/suite-<REF>, given a
venv of its own from its own requirements (its Makefile's ``.venv/bin/.installed`` target), and its
suite is timed right before this checkout's, on the same machine, so the ratio compares like with
like. One run each: the suite takes minutes and its own spread is printed by pytest (--durations).
Goal (issue 19): at most 6 minutes on the 2-core machine with a warm venv.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

GOAL_SECONDS = 6 * 60
# The last line pytest prints: "474 passed in 560.72s (0:09:20)" (-q), framed by "=" otherwise.
SUMMARY = re.compile(r"^=* ?(\d+ (?:passed|failed|error).*?) in [\d.]+s", re.M)


def _run_suite(checkout: Path, python: str) -> tuple[float, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    started = time.monotonic()
    result = subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=checkout, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    found = SUMMARY.findall(result.stdout)
    return seconds, found[-1] if found else f"exit {result.returncode}, no summary"


def _baseline_checkout(root: Path, ref: str) -> Path:
    folder = root / "build" / "bench" / f"suite-{re.sub(r'[^A-Za-z0-9._-]', '-', ref)}"
    if not folder.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(folder), ref], cwd=root, check=True, capture_output=True)
    subprocess.run(["make", ".venv/bin/.installed", "tools"], cwd=folder, check=True, capture_output=True)
    return folder


def main(root: Path, baseline: str | None = None) -> None:
    print("test suite (wall time of `python -m pytest`, one run each; lower is better)")
    rows = []
    if baseline:
        folder = _baseline_checkout(root, baseline)
        rows.append((f"suite at {baseline} (baseline)", *_run_suite(folder, str(folder / ".venv" / "bin" / "python"))))
    rows.append(("suite of this checkout", *_run_suite(root, sys.executable)))
    base = rows[0][1] if baseline else None
    for name, seconds, summary in rows:
        ratio = f"  {seconds / base:.2f}x baseline" if base and name.startswith("suite of") else ""
        goal = f"  goal <= {GOAL_SECONDS // 60} min: {'met' if seconds <= GOAL_SECONDS else 'MISSED'}" if name.startswith("suite of") else ""
        print(f"  {name:40} {seconds / 60:5.1f} min ({summary}){ratio}{goal}")
