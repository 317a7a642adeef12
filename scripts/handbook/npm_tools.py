"""The npm tools used by the tests and the benchmarks, pinned, installed once into ``.tools/``.

- vnu-jar (the Nu HTML Checker, run on Debian's Java at /usr/bin/java): tests/test_html_valid.py;
- lighthouse (run on Debian's Chromium): scripts/handbook/benchmarks/page_weight.py (``make bench``).

``.tools/`` (ignored by git) is a plain ``npm install --prefix`` folder; nothing is installed
globally and nothing is fetched at run time once it is there. ``make tools`` installs both; the
test and the benchmark call :func:`ensure` themselves, so they also work on their own.
Usage: ``python -m handbook.npm_tools`` (``make tools``) installs every tool.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handbook.project import ROOT

FOLDER = ROOT / ".tools"
JAVA = "/usr/bin/java"
PINS = {"vnu-jar": "26.9.27", "lighthouse": "12.2.3"}
ENTRY = {"vnu-jar": "node_modules/vnu-jar/build/dist/vnu.jar", "lighthouse": "node_modules/lighthouse/cli/index.js"}


class ToolMissing(RuntimeError):
    """npm could not install a tool; the message says which and how to do it by hand."""


def _installed_version(name: str) -> str | None:
    package = FOLDER / "node_modules" / name / "package.json"
    if not package.is_file():
        return None
    import json

    return json.loads(package.read_text(encoding="utf-8")).get("version")


def ensure(name: str) -> Path:
    """The tool's entry file (vnu.jar, lighthouse's cli), installed at its pinned version if needed."""
    version = PINS[name]
    if _installed_version(name) != version:
        command = ["npm", "install", "--prefix", str(FOLDER), "--no-audit", "--no-fund", "--no-save", f"{name}@{version}"]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0 or _installed_version(name) != version:
            raise ToolMissing(f"could not install {name}@{version} into {FOLDER}: run `{' '.join(command)}`\n{result.stderr[-2000:]}")
    return FOLDER / ENTRY[name]


if __name__ == "__main__":
    for tool in PINS:
        print(ensure(tool))
    sys.exit(0)
