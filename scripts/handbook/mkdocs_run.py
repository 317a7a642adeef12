"""The one way the toolkit runs a MkDocs build: `make site`, the benchmarks and the tests call this.

Always a separate process (MkDocs and its plugins keep state between builds in one process),
always `--strict` unless a caller asks otherwise (fixtures whose defects must reach the HTML),
never with -q/-v (they stop warnings counting). The environment is cleaned of the switches that
change what is built (OFFLINE) unless the caller sets them. (``handbook build`` runs its own two
builds in its process, with the rendered downloads on the plugin instance: build_site.py.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from handbook.project import CONFIG

# Switches that change what is built and must not leak in from the caller's shell; SITE_URL is
# passed on (make site publishes under it), and a caller can still remove it with SITE_URL=None.
SWITCHES = ("OFFLINE",)


def command(site_dir: Path, config: Path = CONFIG, strict: bool = True) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", str(config), "--site-dir", str(site_dir)]


def environment(**settings: str | None) -> dict[str, str]:
    """os.environ without the build switches, plus ``settings`` (a None value removes a variable)."""
    env = {key: value for key, value in os.environ.items() if key not in SWITCHES}
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material 9.8's end-of-life notice is not a warning about the site
    for key, value in settings.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def build(site_dir: Path, config: Path = CONFIG, strict: bool = True, check: bool = False, **settings: str | None) -> subprocess.CompletedProcess:
    """Build ``config`` into ``site_dir``; ``settings`` are environment variables (SITE_URL=..., OFFLINE="true")."""
    return subprocess.run(
        command(site_dir, config, strict), cwd=Path(config).parent, env=environment(**settings),
        capture_output=True, text=True, check=check,
    )
