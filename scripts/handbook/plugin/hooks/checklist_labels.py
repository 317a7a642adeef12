"""Checklist boxes carry their item's words as their accessible name.

pymdownx.tasklist (custom_checkbox) writes ``<label class="task-list-control"><input
type="checkbox" disabled/>...</label> item text``: the box sits in a label with no words, so a
screen reader announces "checkbox, not checked" with nothing to say what it is for (axe rule
``label``). This hook gives each box ``aria-label`` with its item's text, in the built HTML, so it
works without JavaScript and in the PDFs' source alike.
"""

from __future__ import annotations

import html
import re

ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox"( checked)?)'
    r"( disabled/>.*?</label>)(.*?)(?=<li|</ul>|</li>)",
    re.S,
)
TAG = re.compile(r"<[^>]+>")


def _with_label(match: re.Match) -> str:
    words = " ".join(html.unescape(TAG.sub(" ", match.group(4))).split())
    return f'{match.group(1)} aria-label="{html.escape(words[:200], quote=True)}"{match.group(3)}{match.group(4)}'


def on_page_content(content, page, config, files):
    if "task-list-item" not in content:
        return content
    return ITEM.sub(_with_label, content)
