"""Print the handbook's performance figures (make bench). Figures, not pass/fail: see the goals in
each section's output.

Usage: python scripts/bench.py [--only links|language-id|search|...] [--pages N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks import language_id, links, page_weight, search, site_build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = {"site": site_build.main, "page-weight": page_weight.main, "links": links.main, "language-id": language_id.main, "search": search.main}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(SECTIONS), action="append", help="run only these sections")
    parser.add_argument("--pages", type=int, default=1000, help="pages per language of the generated site")
    args = parser.parse_args(argv)
    for name in args.only or SECTIONS:
        if name == "links":
            links.main(ROOT, args.pages)
        else:
            SECTIONS[name](ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
