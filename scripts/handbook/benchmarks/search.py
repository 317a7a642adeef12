"""Search benchmark: the share of realistic queries whose expected page is in the top 3, per language.

The queries are tests/search_queries.yml (what new CPNS and trainers type, each with the page(s)
it should find). Each query runs through the built site's own search: Material's worker with its
lunr, our language file and our ranking worker, in Node (scripts/handbook/benchmarks/search_rank.js), the
same code a reader's browser runs. Goal: at least 95 % per language.

Run: make bench, or .venv/bin/handbook bench --only search
     (python -m handbook.benchmarks.search [--site DIR] [--show-misses])
     Without --site it builds the site (mkdocs build --strict) into a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from handbook.project import ROOT
from handbook import mkdocs_run
QUERIES = ROOT / "tests" / "search_queries.yml"
RUNNER = Path(__file__).resolve().parent / "search_rank.js"
TOP = 3
GOAL = 0.95


def load_queries(path: Path = QUERIES) -> dict[str, list[dict]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(lang): [{"q": str(item["q"]), "expect": [str(p) for p in item["expect"]]} for item in items] for lang, items in data.items()}


def node() -> str:
    found = shutil.which("node") or "/usr/bin/node"
    if not Path(found).exists():
        sys.exit("node is needed for the search benchmark: apt-get install nodejs")
    return found


def rank(site: Path, lang: str, queries: list[str]) -> list[list[str]]:
    """Result pages per query, in the order the search box shows them."""
    result = subprocess.run([node(), str(RUNNER), str(site), lang], input=json.dumps(queries), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"search_rank.js failed: {result.stderr.strip()}")
    return json.loads(result.stdout)


def evaluate(site: Path, queries: dict[str, list[dict]]) -> dict[str, list[tuple[dict, list[str]]]]:
    """Per language: (query item, result pages) for every query."""
    return {lang: list(zip(items, rank(site, lang, [item["q"] for item in items]))) for lang, items in queries.items()}


def hit(item: dict, pages: list[str]) -> bool:
    return any(page in pages[:TOP] for page in item["expect"])


def build(folder: Path) -> Path:
    site = folder / "site"
    result = mkdocs_run.build(site)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stderr[-3000:]}")
    return site


def report(site: Path, show_misses: bool) -> None:
    results = evaluate(site, load_queries())
    print(f"== Search: expected page in the top {TOP} (tests/search_queries.yml, Material's lunr in Node) ==")
    print(f"{'language':<10} {'queries':>7} {'top 3':>6} {'share':>7}  goal {GOAL:.0%}")
    for lang, rows in results.items():
        hits = sum(hit(item, pages) for item, pages in rows)
        print(f"{lang:<10} {len(rows):>7} {hits:>6} {hits / len(rows):>7.1%}")
    if show_misses:
        for lang, rows in results.items():
            for item, pages in rows:
                if not hit(item, pages):
                    print(f"  miss [{lang}] {item['q']!r}: expected {item['expect'][0] or '(home)'}, got {pages[:TOP]}")


def main(root: Path = ROOT, site: Path | None = None, show_misses: bool = True) -> None:
    if site is not None:
        report(site, show_misses)
        return
    with tempfile.TemporaryDirectory(prefix="search-bench-") as folder:
        report(build(Path(folder)), show_misses)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    main(site=args.site, show_misses=args.show_misses)
