"""Where the handbook project is: the folder of the mkdocs.yml a command works on.

As with ``mkdocs``, that is ``mkdocs.yml`` in the folder where the command runs, or the file given
with ``handbook -f FILE ...`` (``use``, called by the command line before any command loads).
Nothing is derived from where the engine is installed: one installed ``handbook`` serves every
checkout and every agency's project.
"""

from __future__ import annotations

from pathlib import Path

CONFIG = (Path.cwd() / "mkdocs.yml").resolve()
ROOT = CONFIG.parent
DOCS = ROOT / "docs"
INCLUDES = ROOT / "includes"


def use(config_file: str | Path) -> None:
    """Work on the project of ``config_file`` (before the command's modules are imported)."""
    global CONFIG, ROOT, DOCS, INCLUDES
    CONFIG = Path(config_file).resolve()
    ROOT = CONFIG.parent
    DOCS = ROOT / "docs"
    INCLUDES = ROOT / "includes"


def load_config():
    """mkdocs.yml as MkDocs loads it (its !ENV values, defaults and plugins), loaded once per run:
    the build command and its PDF jobs read the same facts as the plugin does in a build."""
    global _loaded
    if _loaded is None or _loaded[0] != CONFIG:
        from mkdocs.config import load_config as mkdocs_load

        _loaded = (CONFIG, mkdocs_load(str(CONFIG)))
    return _loaded[1]


_loaded = None
