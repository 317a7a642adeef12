"""When each page last changed, in the page's language, from git history.

Sets ``page.meta["diubah"]`` (ISO date) and ``page.meta["diubah_teks"]`` (e.g. "28 November 2026")
from the last commit that touched the page's source file. Without git history (a tarball, an
uncommitted new page) it falls back to SOURCE_DATE_EPOCH, then to the build date, so the line is
never empty and two builds of one commit stay identical. Dates are formatted with Babel, which
mkdocs-material already depends on.
"""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from functools import lru_cache

from babel.dates import format_date
from mkdocs.utils import get_build_datetime

from handbook import interface
from handbook.build import current_language

LANGUAGE = interface.labels("language")  # each language's Babel locale


@lru_cache(maxsize=None)
def _last_commit(path: str) -> int | None:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", path], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return int(result.stdout.strip()) if result.stdout.strip().isdigit() else None


def on_page_context(context, page, config, nav):
    seconds = _last_commit(page.file.abs_src_path)
    when = datetime.fromtimestamp(seconds, timezone.utc) if seconds else get_build_datetime()
    locale = LANGUAGE[current_language(config)]["locale"]  # Babel's, from the interface table
    page.meta["diubah"] = when.date().isoformat()
    page.meta["diubah_teks"] = format_date(when.date(), format="long", locale=locale)
    return context
