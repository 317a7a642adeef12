"""Shared fixtures: one real build of the handbook per test session, in a temporary folder.

The real site is built once with a sub-path ``site_url`` (``https://example.org/pedoman/``), the
hardest case for relative links, and every test that reads built HTML shares it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SUBPATH_SITE_URL = "https://example.org/pedoman/"

sys.path.insert(0, str(ROOT / "scripts"))


def mkdocs_build(config: Path, site_dir: Path, site_url: str | None = None, epoch: str = "1750000000", strict: bool = True):
    """Run ``mkdocs build --strict`` (never with -q/-v: they stop warnings counting).

    strict=False is for fixtures whose defects must reach the HTML for a checker to find.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=epoch)
    if site_url is not None:
        env["SITE_URL"] = site_url
    else:
        env.pop("SITE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook, built strict with a sub-path site_url; fails loudly if the build fails."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", site_dir, SUBPATH_SITE_URL)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-4000:]}")
    site_dir.joinpath(".build-log").write_text(result.stderr)
    return site_dir


@pytest.fixture(scope="session")
def site_pages(built_site) -> dict[str, list[Path]]:
    """Built HTML pages per language (404 pages excluded), as paths relative to the site."""
    pages = {"id": [], "en": []}
    for path in sorted(built_site.rglob("index.html")):
        if b'name="pedoman-redirect"' in path.read_bytes():
            continue  # a redirect left by a moved page (see permalinks.txt)
        relative = path.relative_to(built_site)
        lang = "en" if relative.parts[0] == "en" else "id"
        pages[lang].append(relative)
    return pages


def write_fixture_config(folder: Path, nav: list[str], hooks=("language_switcher.py", "not_found_pages.py")) -> Path:
    """A tiny site's mkdocs.yml that inherits the real one, with its own nav and hooks."""
    shutil.copytree(ROOT / "includes", folder / "includes", dirs_exist_ok=True)
    hook_lines = "".join(f"\n  - {ROOT / 'overrides' / 'hooks' / hook}" for hook in hooks)
    nav_lines = "".join(f"\n  - {page}" for page in nav)
    config = folder / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            INHERIT: {ROOT / 'mkdocs.yml'}
            docs_dir: docs
            theme:
              custom_dir: {ROOT / 'overrides'}
            """
        )
        + f"hooks:{hook_lines}\nnav:{nav_lines}\n"
    )
    return config


def run_script(name: str, *args: str):
    """Run one of scripts/*.py and return the finished process (stdout, stderr, returncode)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), *args], capture_output=True, text=True, cwd=ROOT
    )
