"""Self-checks that test understanding: the best option must not give itself away by its form.

Two rules over the ```uji-diri blocks (``templates.md``, "Writing a self-check question"):

- SELF_CHECK_FORM, per question: the best option is at most ``max_length_ratio`` (1.3) times the
  mean length of its distractors, in characters of plain text. A long, careful best answer beside
  one-clause distractors is the commonest tell.
- SELF_CHECK_GUESS, per language across the handbook (once it has ``min_questions`` questions): no
  simple test-taking strategy finds the best answer in more than ``max_share`` (40 %) of the
  questions. The strategies: always the longest option, the shortest, the one with most words, the
  one with most clauses, and always the same position (a, b, c or d). A strategy that ties between
  options is credited with its expected score (1/k for k tied options), as a guessing reader is.

Why both: the ratio alone lets a best answer be always slightly longest (a 1.1x habit still scores
100 % for "pick the longest"); the shares alone let one question be an obvious giveaway.

Clauses are counted from punctuation and the language's joining words (``conjunctions`` in the
language's data, e.g. "dan", "lalu" / "and", "then"), so "A, then B, and C" counts three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKUP = re.compile(r"[*_`]|<[^>]+>")
CLAUSE_MARK = re.compile(r"[,;:()]|\s[-–—]\s")
WORD = re.compile(r"[^\W_][\w'’-]*")


@dataclass(frozen=True)
class FormRules:
    """The thresholds; the plugin's ``self_check`` options set them (mkdocs.yml)."""

    min_questions: int = 10
    max_share: float = 0.40
    max_length_ratio: float = 1.3


@dataclass(frozen=True)
class Question:
    """One question as the rules see it: where it is, and its options as plain text."""

    path: str
    line: int
    ident: str
    options: tuple[str, ...]
    best: int


def plain(text) -> str:
    return " ".join(MARKUP.sub("", str(text or "")).split())


def clauses(text: str, conjunctions: frozenset[str]) -> int:
    words = [word.lower() for word in WORD.findall(text)]
    return 1 + len(CLAUSE_MARK.findall(text)) + sum(1 for word in words if word in conjunctions)


def _picks(values: list[float], largest: bool = True) -> set[int]:
    target = max(values) if largest else min(values)
    return {index for index, value in enumerate(values) if value == target}


def strategies(conjunctions: frozenset[str], positions: int = 4) -> dict[str, callable]:
    """Name -> function(options) giving the indexes the strategy would pick."""
    found = {
        "the longest option": lambda options: _picks([len(o) for o in options]),
        "the shortest option": lambda options: _picks([len(o) for o in options], largest=False),
        "the option with most words": lambda options: _picks([len(WORD.findall(o)) for o in options]),
        "the option with most clauses": lambda options: _picks([clauses(o, conjunctions) for o in options]),
    }
    for position in range(positions):
        letter = "abcdefgh"[position]
        found[f"always option {letter}"] = lambda options, p=position: {p} if p < len(options) else set()
    return found


def length_problems(question: Question, rules: FormRules) -> list[tuple[str, int, str, str]]:
    """SELF_CHECK_FORM for one question: (path, line, code, message) or nothing."""
    lengths = [len(option) for option in question.options]
    others = [length for index, length in enumerate(lengths) if index != question.best]
    if not others:
        return []
    mean = sum(others) / len(others)
    best = lengths[question.best]
    if mean and best > rules.max_length_ratio * mean:
        return [(question.path, question.line, "SELF_CHECK_FORM",
                 f"question '{question.ident}': the best option has {best} characters, {best / mean:.2f} times the mean of the "
                 f"others ({mean:.0f}); at most {rules.max_length_ratio:g} times, so length does not give it away: "
                 "shorten it, or make the distractors as specific (plausible, still wrong for a reason)")]
    return []


def guess_problems(questions: list[Question], rules: FormRules, conjunctions: frozenset[str], language: str) -> list[tuple[str, int, str, str]]:
    """SELF_CHECK_GUESS for every question of one language: one problem per strategy that works too well."""
    if len(questions) < rules.min_questions:
        return []
    problems = []
    positions = max(len(q.options) for q in questions)
    for name, strategy in strategies(conjunctions, positions).items():
        score, hits = 0.0, []
        for question in questions:
            picked = strategy(list(question.options))
            if question.best in picked:
                score += 1 / len(picked)
                hits.append(question)
        share = score / len(questions)
        if share > rules.max_share:
            first = hits[0]
            listed = ", ".join(f"{q.path}:{q.line}" for q in hits[:12]) + (" …" if len(hits) > 12 else "")
            problems.append((first.path, first.line, "SELF_CHECK_GUESS",
                             f"in '{language}', picking {name} finds the best answer in {share:.0%} of {len(questions)} questions "
                             f"(at most {rules.max_share:.0%}); vary the best answers' form and place. It works at: {listed}"))
    return problems
