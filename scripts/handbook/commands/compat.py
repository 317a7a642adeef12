"""Build the handbook with ProperDocs as well as MkDocs, and compare the two sites file by file.

ProperDocs is the maintained drop-in fork of MkDocs 1.x (same configuration, plugins and
themes); `make compat` installs it in its own virtualenv (.venv-compat, requirements-compat.txt)
and runs this. Both builds are strict, from the same commit, with the same SOURCE_DATE_EPOCH and
SITE_URL, into build/compat/{mkdocs,properdocs}. Ignored: the generator tag (<meta
name="generator">, which names the engine) and the gzip header of sitemap.xml.gz (compared
unpacked). Every other difference, a file only one engine writes or different bytes, is printed
with the first differing line, and is unexpected unless KNOWN lists it with a reason.

The offline save's sizes and the worker's version hash are blanked too: they are computed from the
pages' bytes, so the generator tag alone changes them.

Usage: handbook compat --mkdocs-python .venv/bin/python --properdocs-python .venv-compat/bin/python
Exit status: 0 same site, 1 an unexpected difference (or a build failed), 2 an engine is missing.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from handbook.project import ROOT
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
# Figures made from the pages' bytes, which differ by the generator tag alone: the offline save's
# size on the downloads pages, and the worker's version hash and byte counts (offline_first.py).
DERIVED = (
    (re.compile(rb'data-offline-bytes="\d+" data-offline-bytes-compressed="\d+"'), b'data-offline-bytes="" data-offline-bytes-compressed=""'),
    (re.compile(rb"<span data-offline-size>[^<]*</span>"), b"<span data-offline-size></span>"),
    (re.compile(rb'"version":"[0-9a-f]+"'), b'"version":""'),
    (re.compile(rb'"bytes":\d+'), b'"bytes":0'),
)
# Differences that are expected, as {site path: reason}. Empty: none are known today.
KNOWN: dict[str, str] = {}


def build(python: str, engine: str, out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1750000000"))
    result = subprocess.run([python, "-m", engine, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        problems = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
        raise RuntimeError(f"{engine} build --strict failed:\n" + ("\n".join(problems) or result.stderr[-3000:]))


def normalised(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    if path.suffix in (".html", ".gz"):
        data = GENERATOR.sub(b'<meta name="generator" content="">', data)
    if path.suffix in (".html", ".js"):
        for pattern, blank in DERIVED:
            data = pattern.sub(blank, data)
    return data


def first_difference(a: bytes, b: bytes) -> str:
    try:
        left, right = a.decode().splitlines(), b.decode().splitlines()
    except UnicodeDecodeError:
        return f"binary files differ ({len(a)} and {len(b)} bytes)"
    for line in difflib.unified_diff(left, right, "mkdocs", "properdocs", n=0, lineterm=""):
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++")):
            return line[:200]
    return "line endings differ"


def compare(first: Path, second: Path) -> list[tuple[str, str]]:
    """(site path, what differs) for every difference between two built sites."""
    files = lambda root: {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    left, right = files(first), files(second)
    differences = [(p, "only in the MkDocs build") for p in sorted(left - right)]
    differences += [(p, "only in the ProperDocs build") for p in sorted(right - left)]
    for path in sorted(left & right):
        a, b = normalised(first / path), normalised(second / path)
        if a != b:
            differences.append((path, first_difference(a, b)))
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mkdocs-python", default=sys.executable, help="a Python with mkdocs installed")
    parser.add_argument("--properdocs-python", default=str(ROOT / ".venv-compat" / "bin" / "python"), help="a Python with properdocs installed")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "compat")
    args = parser.parse_args(argv)
    for python, engine in ((args.mkdocs_python, "mkdocs"), (args.properdocs_python, "properdocs")):
        if subprocess.run([python, "-c", f"import {engine}"], capture_output=True).returncode != 0:
            print(f"compat: {python} has no {engine}; run make compat (it installs it)", file=sys.stderr)
            return 2
    try:
        build(args.mkdocs_python, "mkdocs", args.out / "mkdocs")
        build(args.properdocs_python, "properdocs", args.out / "properdocs")
    except RuntimeError as error:
        print(f"compat: {error}", file=sys.stderr)
        return 1
    differences = compare(args.out / "mkdocs", args.out / "properdocs")
    unexpected = [(path, what) for path, what in differences if path not in KNOWN]
    for path, what in differences:
        print(f"{path}: {'known: ' + KNOWN[path] if path in KNOWN else what}")
    count = sum(1 for p in (args.out / "mkdocs").rglob("*") if p.is_file())
    print(f"compat: {count} files compared, {len(differences)} differ, {len(unexpected)} unexpected")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
