"""Tables a phone can read: every data cell carries its column's name, and the Do/Avoid tables
stack under 600 px (handbook/theme/assets/stylesheets/pedoman.css shows the name above each cell).

For each table in a page, every ``<td>`` gets ``data-label="<its column heading>"`` (escaped), and
a table whose headings are a Do/Avoid pair (LABELS, per language) gets ``data-pedoman-tumpuk``
("stacked"). An attribute, not a class: Material styles only tables without a class.
Only the ``<table>`` elements are re-serialised; the rest of the page is left byte for byte.
Check: tests/test_phone_layout.py.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from handbook import interface

# The column headings of the "Lakukan / Hindari" tables (templates.md, section perilaku).
LABELS = interface.labels("table_labels")  # interface text: handbook/interface_text/<lang>.yml
TABLE = re.compile(r"<table\b.*?</table>", re.S)


def _label(match: re.Match) -> str:
    soup = BeautifulSoup(match.group(0), "html.parser")
    table = soup.table
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    if not headings:
        return match.group(0)
    if tuple(h.lower() for h in headings) in {tuple(word.lower() for word in pair) for pair in LABELS.values()}:
        table["data-pedoman-tumpuk"] = ""
    for row in table.select("tbody tr"):
        for heading, cell in zip(headings, row.find_all("td", recursive=False)):
            cell["data-label"] = heading
    return str(soup)


def on_page_content(html, page, config, files):
    return TABLE.sub(_label, html) if "<table" in html else html
