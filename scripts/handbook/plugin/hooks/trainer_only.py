"""Trainer-only blocks (``<div class="trainer-only" markdown>``) never reach a public page.

They are cut from the Markdown before it is rendered (handbook/trainer_only.py says why there):
the trainer edition of the case cards prints them from the page's source. A block left open fails
the build with the file and line.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook.trainer_only import TrainerOnlyError, split


def on_page_markdown(markdown, page, config, files):
    try:
        public, _ = split(markdown, first_line=_body_line(page, markdown))
    except TrainerOnlyError as error:
        raise PluginError(f"docs/{page.file.src_uri}:{error.line}: {error}") from None
    return public


def _body_line(page, markdown: str) -> int:
    """The source line of the Markdown's first line (the body follows the front matter)."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    at = source.find(markdown) if markdown else -1
    return source[:at].count("\n") + 1 if at >= 0 else 1
