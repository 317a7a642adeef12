"""Print the handbook's performance figures (make bench). Figures, not pass/fail: see the goals in
each section's output.

Usage: python scripts/bench.py [--only links|language-id] [--pages N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks import language_id, links, page_weight, site_build, timing  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = {"site": site_build.main, "page-weight": page_weight.main, "links": links.main, "language-id": language_id.main}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(SECTIONS), action="append", help="run only these sections")
    parser.add_argument("--pages", type=int, default=links.DEFAULT_PAGES, help="pages per language of the generated link-check site (a multiple of 20)")
    parser.add_argument("--runs", type=int, default=timing.DEFAULT_RUNS, help="timed runs per tool after one warm-up (median and spread are printed)")
    args = parser.parse_args(argv)
    for name in args.only or SECTIONS:
        if name == "links":
            links.main(ROOT, args.pages, args.runs)
        elif name == "site":
            site_build.main(ROOT, args.runs)
        else:
            SECTIONS[name](ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
