"""Trainer-only parts of a page: what a participant must not read before class.

A page marks them in its Markdown as a block of its own, in any section:

    <div class="trainer-only" markdown>

    **Kartu peran (rahasia) — ...:** "..."

    </div>

The build leaves these blocks out of every public page (handbook/plugin/hooks/trainer_only.py, before
Markdown is rendered, so neither the HTML, the search index, the offline copy nor the participant
PDFs ever hold them); the trainer edition of the case cards reads them from the page's source and
prints them at the end of the section they were written in (downloads/cards.py).

The opening line must be exactly the one above (``markdown`` or ``markdown="1"``); the block ends at
the first ``</div>`` line at the same indentation, and a ``<div>`` opened inside it must be closed
inside it. A block that is never closed is an error naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = re.compile(r'^(?P<indent>[ \t]*)<div\s+class="trainer-only"\s+markdown(?:="1")?\s*>\s*$')
INNER_OPEN = re.compile(r"<div\b")
INNER_CLOSE = re.compile(r"</div\s*>")
CLOSE = re.compile(r"^(?P<indent>[ \t]*)</div>\s*$")
HEADING_ID = re.compile(r"^#{1,6}\s.*\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


class TrainerOnlyError(ValueError):
    """A trainer-only block the build cannot cut out (never closed). ``line`` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Part:
    """One trainer-only block: where it starts, the section (heading id) it belongs to, its Markdown."""

    line: int
    section: str | None
    markdown: str


def split(text: str, first_line: int = 1) -> tuple[str, list[Part]]:
    """The page without its trainer-only blocks, and the blocks. Fenced code is left alone, so a
    block shown as an example (CONTRIBUTING.md) is not cut."""
    lines = text.split("\n")
    public: list[str] = []
    parts: list[Part] = []
    section = None
    fence = None
    index = 0
    while index < len(lines):
        line = lines[index]
        marker = FENCE.match(line)
        if fence:
            fence = None if marker and marker.group(1) == fence else fence
            public.append(line)
            index += 1
            continue
        if marker:
            fence = marker.group(1)
        heading = HEADING_ID.match(line)
        if heading:
            section = heading.group("id")
        opening = OPEN.match(line)
        if not opening:
            public.append(line)
            index += 1
            continue
        start, depth, body = index, 0, []
        index += 1
        while True:
            if index >= len(lines):
                raise TrainerOnlyError(start + first_line, 'the trainer-only block opened here is never closed; end it with a line "</div>" at the same indentation')
            current = lines[index]
            closing = CLOSE.match(current)
            if closing and depth == 0 and closing.group("indent") == opening.group("indent"):
                break
            depth += len(INNER_OPEN.findall(current)) - len(INNER_CLOSE.findall(current))
            body.append(current)
            index += 1
        parts.append(Part(start + first_line, section, "\n".join(body).strip("\n")))
        index += 1  # past "</div>"
    return "\n".join(public), parts
