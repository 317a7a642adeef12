"""Print the handbook's performance figures (make bench). Figures, not pass/fail: see the goals in
each section's output.

Usage: handbook bench [--only site|page-weight|lighthouse|links|language-id|search|suite] [--baseline REF] [--pages N] [--runs N]   (make bench)
"""

from __future__ import annotations

import argparse
import sys

from handbook.benchmarks import language_id, lighthouse, links, page_weight, search, site_build, suite, timing
from handbook.project import ROOT

SECTIONS = {"site": site_build.main, "page-weight": page_weight.main, "links": links.main, "language-id": language_id.main, "search": search.main, "suite": suite.main, "lighthouse": lighthouse.main}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(SECTIONS), action="append", help="run only these sections")
    parser.add_argument("--pages", type=int, default=links.DEFAULT_PAGES, help="pages per language of the generated link-check site (a multiple of 20)")
    parser.add_argument("--runs", type=int, default=timing.DEFAULT_RUNS, help="timed runs per tool after one warm-up (median and spread are printed)")
    parser.add_argument("--baseline", metavar="REF", help="suite: also time the suite of this git commit, first, in the same run")
    args = parser.parse_args(argv)
    for name in args.only or SECTIONS:
        if name == "links":
            links.main(ROOT, args.pages, args.runs)
        elif name == "suite":
            suite.main(ROOT, args.baseline)
        elif name == "site":
            site_build.main(ROOT, args.runs)
        elif name == "lighthouse":
            lighthouse.main(ROOT, args.runs if args.runs != timing.DEFAULT_RUNS else lighthouse.RUNS)
        else:
            SECTIONS[name](ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
