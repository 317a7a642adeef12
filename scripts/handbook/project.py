"""Where the handbook project is: the folder holding mkdocs.yml, docs/ and includes/.

The toolkit is installed in editable mode from this repository, so by default that is the
repository (two folders above this file). ``HANDBOOK_ROOT`` points the toolkit at another
project that uses it (another regency's handbook with its own mkdocs.yml and docs/).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("HANDBOOK_ROOT") or Path(__file__).resolve().parents[2]).resolve()
DOCS = ROOT / "docs"
INCLUDES = ROOT / "includes"
CONFIG = ROOT / "mkdocs.yml"
