"""Language identification benchmark: how well the UNTRANSLATED check tells the handbook's languages apart.

The labelled set is made from the handbook itself: every prose block (paragraph, list item, table
row, definition, admonition title) of every `<page>.<lang>.md` page is labelled with its file's
language (here: `.id.md` Indonesian, `.en.md` English). The classifier is handbook/translations.py `identify()`:
function-word counts after removing code, link targets, italics (foreign words) and the terms of
includes/terms.yml; it abstains ("unsure") on blocks with fewer than 3 function words or no clear
majority. Precision and recall are per language; an abstention counts against recall only, which
is what the checker needs (a wrong verdict is a false UNTRANSLATED report, an abstention is silence).

Caveat: the function-word lists are general ones, not fitted to these pages, but the thresholds
were chosen looking at them; a block the checker reports as UNTRANSLATED on the real site shows up
here as a wrong verdict, so precision below 100 % names real defects or false alarms to look at.

Run: make bench, or handbook bench --only language-id
     (python -m handbook.benchmarks.language_id [--docs docs])
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from handbook import translations as tr
from handbook.addresses import project_languages
from handbook.project import ROOT

LONG_BLOCK_WORDS = 12


def labelled_blocks(docs: Path, terms, languages: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(label, location, plain text) for every prose block of the site."""
    found = []
    for path in sorted(docs.rglob("*.md")):
        label = path.name.rsplit(".", 2)[-2] if path.name.count(".") >= 2 else None
        if label not in languages:
            continue
        shown = f"docs/{path.relative_to(docs).as_posix()}"
        parsed = tr.parse(path, shown)
        for section in parsed.sections:
            for block in section.blocks:
                found.append((label, f"{shown}:{block.line}", tr.plain_text(block.text, terms)))
    return found


def evaluate(blocks, languages: tuple[str, ...]) -> tuple[dict, list, float]:
    words = tr.function_words(languages)
    start = time.perf_counter()
    verdicts = [(label, location, tr.identify_block(text, words)[0]) for label, location, text in blocks]
    seconds = time.perf_counter() - start
    stats = {}
    for lang in languages:
        true_positive = sum(1 for label, _, found in verdicts if found == lang and label == lang)
        predicted = sum(1 for _, _, found in verdicts if found == lang)
        actual = sum(1 for label, _, _ in verdicts if label == lang)
        stats[lang] = {
            "blocks": actual,
            "precision": true_positive / predicted if predicted else float("nan"),
            "recall": true_positive / actual if actual else float("nan"),
            "unsure": sum(1 for label, _, found in verdicts if label == lang and found is None),
            "wrong": sum(1 for label, _, found in verdicts if label == lang and found not in (None, lang)),
        }
    errors = [(label, location, found) for label, location, found in verdicts if found not in (None, label)]
    return stats, errors, seconds


def main(root: Path, docs: Path | None = None, show_errors: bool = True) -> None:
    docs = docs or root / "docs"
    languages = project_languages().codes
    terms = tr.load_terms(root / "includes" / "terms.yml", languages=languages)
    blocks = labelled_blocks(docs, terms, languages)
    stats, errors, seconds = evaluate(blocks, languages)
    print("== Language identification (UNTRANSLATED check): function-word counts ==")
    print(f"labelled set: {len(blocks)} prose blocks of {docs} (each <page>.<lang>.md page's blocks -> <lang>)")
    print(f"{'language':<10} {'blocks':>6} {'precision':>9} {'recall':>7} {'unsure':>6} {'wrong':>5}")
    for lang, row in stats.items():
        print(f"{lang:<10} {row['blocks']:>6} {row['precision']:>9.1%} {row['recall']:>7.1%} {row['unsure']:>6} {row['wrong']:>5}")
    long_blocks = [b for b in blocks if len(tr.WORD.findall(b[2])) >= LONG_BLOCK_WORDS]
    long_stats, _, _ = evaluate(long_blocks, languages)
    print(
        f"recall on blocks of {LONG_BLOCK_WORDS}+ words (paragraph length): "
        + ", ".join(f"{lang} {row['recall']:.1%} of {row['blocks']}" for lang, row in long_stats.items())
    )
    print(f"time: {1000 * seconds:.1f} ms for {len(blocks)} blocks")
    if show_errors and errors:
        print("wrong verdicts (a real untranslated block, or a false alarm):")
        for label, location, found in errors:
            print(f"  {location}: labelled {label}, identified as {found}")
    print()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, help="the Markdown sources (default: docs/)")
    args = parser.parse_args()
    main(ROOT, args.docs)
