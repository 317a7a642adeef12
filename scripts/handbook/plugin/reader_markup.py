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
- Under every ``##`` and ``###`` heading with an id, a "Salin tautan" / "Copy link" button and a
  "Kutip" / "Cite" button (interface text ``scripts``, the page's language), named for their
  section. They are in the HTML from the start, so nothing moves when the page's script gives them
  their work (``handbook/theme/assets/javascripts/pedoman.js``); ``data-search-exclude`` keeps their
  words out of the search index, and print (the site's and the PDFs') leaves them out.

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


def _text(element: etree.Element, md, leave_out: str = "") -> str:
    """An element's words as a reader sees them: stashed inline HTML reduced to its text, children
    of class ``leave_out`` (a heading's permalink) left out."""
    raw = "".join(_words(element, leave_out))
    raw = STASHED.sub(lambda m: " " + TAG.sub(" ", str(md.htmlStash.rawHtmlBlocks[int(m.group(1))])) + " ", raw)
    return " ".join(html.unescape(raw).split())


def _words(element: etree.Element, leave_out: str):
    yield element.text or ""
    for child in element:
        if not (leave_out and leave_out in (child.get("class") or "").split()):
            yield from _words(child, leave_out)
        yield child.tail or ""


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


class SectionButtons(Treeprocessor):
    """A copy-link and a cite button after each section heading (h2, h3) that has an id."""

    HEADINGS = ("h2", "h3")

    def __init__(self, md, language):
        super().__init__(md)
        self.language = language

    def run(self, root: etree.Element) -> None:
        words = interface.table(self.language())["scripts"]
        for parent in list(root.iter()):
            for heading in [child for child in parent if child.tag in self.HEADINGS and child.get("id")]:
                name = _text(heading, self.md, leave_out="headerlink")
                at = list(parent).index(heading)
                for offset, (kind, shown, label) in enumerate((("salin", "copy", "label"), ("kutip", "cite", "cite_label")), start=1):
                    button = etree.Element("button", {"type": "button", "class": f"pedoman-{kind}", "aria-label": words[label] + name, "data-search-exclude": ""})
                    button.text = words[shown]
                    button.tail = heading.tail if offset == 2 else None
                    parent.insert(at + offset, button)
                heading.tail = "\n"


class ReaderMarkup(Extension):
    """``language``: a function that returns the code of the language being built."""

    def __init__(self, language, **kwargs):
        self.language = language
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # After the inline patterns (20) and pymdownx.tasklist (25), before the prettifier (10).
        md.treeprocessors.register(TableLabels(md), "handbook-table-labels", 15)
        md.treeprocessors.register(ChecklistLabels(md), "handbook-checklist-labels", 14)
        # After attr_list (8) and toc (5) gave every heading its id and permalink.
        md.treeprocessors.register(SectionButtons(md, self.language), "handbook-section-buttons", 4)
