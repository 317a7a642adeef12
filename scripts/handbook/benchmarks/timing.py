"""Wall-time measurement for the benchmarks: one warm-up run, then hyperfine's median of N runs.

hyperfine (Debian package ``hyperfine``) does the repeated runs and the statistics; it has no
time-out of its own, so the warm-up run goes first under a time-out: a tool that does not finish
in time is reported as a time-out, never as a figure. The warm-up run's output is what the
benchmarks read (found defects, problem counts), so the tool's answer is judged once and its speed
over ``runs`` further runs.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

DEFAULT_RUNS = 3


@dataclass
class Timing:
    median: float | None = None  # seconds; None when timed out
    low: float | None = None
    high: float | None = None
    runs: int = 0
    timed_out_after: float | None = None

    def shown(self) -> str:
        if self.timed_out_after is not None:
            return f"timeout (> {self.timed_out_after:.0f} s)"
        return f"{self.median:8.2f} s  [{self.low:.2f}-{self.high:.2f}, n={self.runs}]"

    def ratio_to(self, other: "Timing") -> str:
        if self.median is None or other.median is None or other.median == 0:
            return "-"
        return f"{self.median / other.median:.1f}x"


def hyperfine() -> str:
    found = shutil.which("hyperfine")
    if not found:
        raise SystemExit("bench: hyperfine is missing; install it (Debian: apt-get install hyperfine, or make system-packages)")
    return found


def measure(command: list[str], runs: int = DEFAULT_RUNS, timeout: float = 600, cwd: Path | None = None, env: dict | None = None) -> tuple[Timing, str]:
    """(timing, output of the warm-up run). Non-zero exits count: checkers exit 1 on problems."""
    try:
        warm = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Timing(timed_out_after=timeout), ""
    output = warm.stdout + "\n" + warm.stderr
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "times.json"
        subprocess.run(
            [hyperfine(), "--runs", str(runs), "--ignore-failure", "--style", "none", "--shell=none",
             "--export-json", str(report), shlex.join(command)],
            cwd=cwd, env=env, capture_output=True, text=True, check=True,
        )
        result = json.loads(report.read_text())["results"][0]
    times = result["times"]
    return Timing(result["median"], min(times), max(times), len(times)), output
