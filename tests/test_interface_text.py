"""Interface text lives in one table per language, and the handbook's own names in configuration.

scripts/handbook/interface_text/id.yml and en.yml must hold the same sections and keys (a label missing in
one language would show a key or fail a build); the templates carry no language branches; no
hook, template or toolkit module holds its own table of labels or the handbook's names.
"""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT

TABLES = {lang: yaml.safe_load((ROOT / "scripts" / "handbook" / "interface_text" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in ("id", "en")}
THEME = ROOT / "scripts" / "handbook" / "theme"  # the engine's templates (handbook plugin)
# starter_pages.py is page content: the pages `handbook new` writes for another handbook (its
# own nav titles and text), not interface text of a built site.
STARTER = ROOT / "scripts" / "handbook" / "commands" / "starter_pages.py"
CODE = [*THEME.glob("*.html"), *(ROOT / "overrides").rglob("*.html"), *(p for p in (ROOT / "scripts" / "handbook").rglob("*.py") if p != STARTER)]


def shape(value):
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return "text"


def interface_only(table: dict) -> dict:
    """The table without ``language:``: word lists of the language itself (joining words for the
    self-check form rule), which may be as long as the language needs."""
    return {key: value for key, value in table.items() if key != "language"}


def label_texts() -> set[str]:
    """Every interface text of both tables with two words or more, placeholders taken out."""
    found = set()

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            for piece in re.split(r"\{[^}]*\}", value):
                piece = piece.strip(" .,:;·()\"'")
                if len(piece.split()) >= 2:
                    found.add(piece)

    for table in TABLES.values():
        walk(interface_only(table))
    return found


LABEL_TEXTS = label_texts()


def code_without_comments(text: str) -> str:
    return re.sub(r'"""[\s\S]*?"""|#[^\n]*|\{#-?[\s\S]*?-?#\}', "", text)  # docstrings and comments may name it


def label_problems(text: str) -> list[str]:
    """Why ``text`` (a module or template) holds interface text of its own, if it does: a label
    table, an interface text of the tables written out, or a bilingual "Indonesian / English" pair."""
    found = []
    if re.search(r'^\s*LABELS\s*=\s*\{', text, re.M):
        found.append("a LABELS table")
    code = code_without_comments(text)
    literals = re.findall(r"'([^'\n]{3,})'|\"([^\"\n]{3,})\"|>([^<>{}\n]{3,})<", code)
    for literal in ("".join(groups).strip() for groups in literals):
        if literal in LABEL_TEXTS or any(label in literal for label in LABEL_TEXTS if len(label.split()) >= 3):
            found.append(f"the interface text {literal!r}")
        elif re.search(r"(?:^|>)\s*[A-Z][a-z]+(?: [a-z]+)* / [A-Z][a-z]+", literal):
            found.append(f"the bilingual text {literal!r}")
    for name in ("Maluku Tenggara", "pedoman-asn-malra", "malra.example.org"):
        if name in code:
            found.append(f"the handbook's name {name!r}")
    return found


def test_both_languages_have_the_same_sections_and_keys():
    assert shape(interface_only(TABLES["id"])) == shape(interface_only(TABLES["en"]))
    assert {"templates", "not_found", "generated_lists", "kit", "offline_first"} <= set(TABLES["id"])
    for table in TABLES.values():
        words = table["language"]["conjunctions"]
        assert words and all(isinstance(word, str) and word.strip() for word in words)


def test_templates_have_no_language_branches():
    for template in [*THEME.rglob("*.html"), *(ROOT / "overrides").rglob("*.html")]:
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"theme\.language\s*==|\benglish\b", text), template


def test_no_module_keeps_its_own_label_table_or_the_handbooks_names():
    problems = {str(path.relative_to(ROOT)): label_problems(path.read_text(encoding="utf-8")) for path in CODE}
    assert not {path: found for path, found in problems.items() if found}, "labels belong in scripts/handbook/interface_text/<lang>.yml, names in mkdocs.yml or docs/"


@pytest.mark.parametrize(
    "planted",
    [
        'LABELS = {"id": {"title": "Judul"}}\n',
        "title = f'<title>Pindah / Moved</title>'\n",
        'link = "Halaman ini pindah / This page has moved"\n',
        f'banner = "{TABLES["id"]["publisher"]["draft"]}"\n',
        f'<p class="x">{TABLES["id"]["edition"]["changes"]}</p>\n',
        'name = "Pedoman ASN Maluku Tenggara"\n',
    ],
)
def test_guard_finds_a_planted_label(planted):
    assert label_problems("from x import y\n" + planted), planted


def test_guard_leaves_comments_docstrings_and_code_alone():
    assert label_problems('"""Writes the Draft for review notice: Maluku Tenggara."""\n# Pindah / Moved\nx = "utf-8"\ny = "a / b"\n') == []
