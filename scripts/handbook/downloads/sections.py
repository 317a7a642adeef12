"""Pieces of a built page that the printed cards reuse: sections and self-check questions.

Input is an ``<article>`` prepared by ``book.prepared_article`` (ids carry the page's key, so
``#situasi`` of a case is ``studi-kasus-x--situasi``). A section is its ``<h2>`` and everything
after it up to the next ``<h2>``, as MkDocs writes a page. Self-check questions are read from the
HTML the build hook writes (handbook/plugin/hooks/content_blocks.py):

    <fieldset class="uji-soal" id="uji-ID" data-pra-pasca="true|false"><legend>N. question</legend>
      <div class="uji-pilihan"><label><input type="radio" value="a"> <span>option</span></label>...</div>
      <details class="uji-pembahasan"><summary>...</summary>
        <ol class="uji-umpan-balik"><li data-pilihan="a" data-benar="false">feedback</li>...</ol></details>
      <p class="uji-hasil" aria-live="polite"></p></fieldset>

Problems raise ``book.BookError`` naming the built file and what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .book import BookError

NUMBER = re.compile(r"^\s*\d+\.\s*")


def section(article, key: str, ident: str, where: str, required: bool = True) -> list:
    """The ``<h2 id=ident>`` of the page and the elements after it, up to the next ``<h2>``."""
    heading = article.find("h2", id=f"{key}--{ident}")
    if heading is None:
        if required:
            raise BookError(f"{where}: no section '## ... {{#{ident}}}'; the printed cards need it (see CONTRIBUTING.md, templates).")
        return []
    found = [heading]
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        found.append(element)
    return found


def unwrap_links(elements: list) -> None:
    """Keep a link's words, drop the link: a card handed out on paper prints no addresses in its text."""
    for element in elements:
        for link in element.find_all("a"):
            link.unwrap()


@dataclass(frozen=True)
class Question:
    ident: str
    text: str  # the question as HTML, without its number
    options: tuple[tuple[str, str], ...]  # (letter, option as HTML)
    best: str  # letter of the best option
    feedback: str  # the best option's feedback as HTML, without the "best answer" label
    pre_post: bool


def _inner(tag) -> str:
    return "".join(str(child) for child in tag.children).strip()


def questions(article, where: str) -> list[Question]:
    """Every self-check question of the page, in order (none if the page has no self-check)."""
    found = []
    for fieldset in article.select("fieldset.uji-soal"):
        legend = fieldset.find("legend")
        ident = fieldset.get("id", "?").split("--", 1)[-1]
        options = tuple(
            (label.find("input")["value"], _inner(label.find("span")))
            for label in fieldset.select(".uji-pilihan label")
            if label.find("input") is not None and label.find("span") is not None
        )
        best = fieldset.select('.uji-umpan-balik li[data-benar="true"]')
        if legend is None or not options or len(best) != 1:
            raise BookError(
                f"{where}: self-check question '{ident}' is not in the shape the cards read (a legend, options, "
                "exactly one feedback item with data-benar=\"true\"); see handbook/plugin/hooks/content_blocks.py"
            )
        best = best[0]
        letter = best.get("data-pilihan", "")
        if letter not in {option for option, _ in options}:
            raise BookError(f"{where}: self-check question '{ident}': the best answer '{letter}' is not one of its options")
        label = best.find("strong")
        if label is not None and best.contents and best.contents[0] is label:
            label.extract()  # "Best answer." repeats what the key already says
        legend_html = NUMBER.sub("", _inner(legend), count=1)
        found.append(Question(ident, legend_html, options, letter, _inner(best), fieldset.get("data-pra-pasca") == "true"))
    return found
