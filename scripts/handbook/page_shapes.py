"""What the reader-first page shapes look like in built HTML, read with BeautifulSoup.

Shared by tests/test_page_shapes.py: a section's elements (from its ``h2`` to the next one), the
words a reader sees, and which ``#sumber`` list items are news reports. A news item is an item that
does not cite a regulation (laws are cited by type, number and year, see CONTRIBUTING.md) and has a
month and year ("Juni 2025", "June 2025"), or names a news outlet ("Tualnews", "ANTARA",
"harianmaluku.com"), or calls itself a report ("Laporan ...", "Report ...").
"""

from __future__ import annotations

import re

MONTHS = (
    "januari februari maret april mei juni juli agustus september oktober november desember "
    "january february march april may june july august september october november december"
).split()
DATED = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+\d{4}\b", re.I)
REGULATION = re.compile(
    r"^\s*(undang-undang|uu|peraturan|pp|perpres|permen\w*|perda|surat edaran|se|keputusan|instruksi|"
    r"law|government regulation|regulation|presidential|circular|decree|instruction)\b",
    re.I,
)
OUTLET = re.compile(r"news\b|terkini|\bantara\b|\bharian\b|\bkompas|\bdetik|\btribun|\.co\.id\b|\.com\b|^\s*(laporan|berita|report)\b", re.I)
WORD = re.compile(r"[^\W\d_][\w'’-]*")


def section(soup, ident: str) -> list:
    """The elements after ``h2#ident`` up to the next ``h2`` (or the end of the article); what the
    build marks as no part of the text (``data-search-exclude``: a section's copy and cite buttons)
    left out."""
    heading = soup.find("h2", id=ident)
    if heading is None:
        return []
    found = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        if not element.has_attr("data-search-exclude"):
            found.append(element)
    return found


def words(elements) -> int:
    return sum(len(WORD.findall(element.get_text(" "))) for element in elements)


def news_items(elements) -> list:
    items = [li for element in elements if element.name in ("ul", "ol") for li in element.find_all("li", recursive=False)]
    return [li for li in items if not REGULATION.match(text := li.get_text(" ")) and (DATED.search(text) or OUTLET.search(text))]
