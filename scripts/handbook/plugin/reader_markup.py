"""Markup a reader on a phone or with a screen reader needs, added while Python-Markdown builds the
page (treeprocessors), not by rewriting its HTML afterwards. The plugin adds the extension to
``markdown_extensions`` (``plugin.py``, on_config).

- Tables a phone can read: every data cell carries its column's name (``data-label``), and a table
  whose headings are a Do/Avoid pair (interface text ``table_labels``, any language) gets
  ``data-pedoman-tumpuk`` ("stacked"): under 600 px, ``handbook/theme/assets/stylesheets/pedoman.css``
  stacks its rows and shows the name above each cell. An attribute, not a class: Material styles
  only tables without a class.
- Checklist boxes carry their item's words as their accessible name. pymdownx.tasklist
  (custom_checkbox) puts the box in a label with no words, so a screen reader announces "checkbox,
  not checked" with nothing to say what it is for (axe rule ``label``); each box gets ``aria-label``
  with its item's text, so it works without JavaScript and in the PDFs' source alike. The box is
  raw HTML that tasklist keeps in Markdown's stash; this step edits that stashed string.

Checks: tests/test_phone_layout.py, tests/test_accessibility.py, tests/test_renderers.py.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from handbook import interface

STASHED = HTML_PLACEHOLDER_RE  # Python-Markdown's placeholder for a stashed piece of raw HTML
TAG = re.compile(r"<[^>]+>")
BOX = '<input type="checkbox"'


def _text(element: etree.Element, md) -> str:
    """An element's words as a reader sees them: stashed inline HTML reduced to its text."""
    raw = "".join(element.itertext())
    raw = STASHED.sub(lambda m: " " + TAG.sub(" ", str(md.htmlStash.rawHtmlBlocks[int(m.group(1))])) + " ", raw)
    return " ".join(html.unescape(raw).split())


class TableLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        stacked = {tuple(word.lower() for word in pair) for pair in interface.labels("table_labels").values()}
        for table in root.iter("table"):
            headings = [_text(th, self.md) for th in table.findall("./thead/tr/th")]
            if not headings:
                continue
            if tuple(h.lower() for h in headings) in stacked:
                table.set("data-pedoman-tumpuk", "")
            for row in table.findall("./tbody/tr"):
                for heading, cell in zip(headings, row.findall("td")):
                    cell.set("data-label", heading)


class ChecklistLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for item in root.iter("li"):
            if "task-list-item" not in (item.get("class") or "").split():
                continue
            holder = item if STASHED.match(item.text or "") else next(iter(item), None)  # the box: in the li, or its first <p>
            found = STASHED.match((holder.text or "") if holder is not None else "")
            if found is None:
                continue
            index = int(found.group(1))
            box = str(self.md.htmlStash.rawHtmlBlocks[index])
            words = _text(item, self.md)[:200]
            if BOX in box and "aria-label=" not in box:
                self.md.htmlStash.rawHtmlBlocks[index] = box.replace(BOX, f'{BOX} aria-label="{html.escape(words, quote=True)}"', 1)


class ReaderMarkup(Extension):
    def extendMarkdown(self, md) -> None:
        # After the inline patterns (20) and pymdownx.tasklist (25), before the prettifier (10).
        md.treeprocessors.register(TableLabels(md), "handbook-table-labels", 15)
        md.treeprocessors.register(ChecklistLabels(md), "handbook-checklist-labels", 14)
