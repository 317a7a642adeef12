"""Interface text lives in one table per language, and the handbook's own names in configuration.

overrides/interface/id.yml and en.yml must hold the same sections and keys (a label missing in
one language would show a key or fail a build); the templates carry no language branches; no
hook, template or toolkit module holds its own table of labels or the handbook's names.
"""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

TABLES = {lang: yaml.safe_load((ROOT / "overrides" / "interface" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in ("id", "en")}
CODE = [*(ROOT / "overrides").rglob("*.py"), *(ROOT / "overrides").glob("*.html"), *(ROOT / "scripts" / "handbook").rglob("*.py")]


def shape(value):
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return "text"


def test_both_languages_have_the_same_sections_and_keys():
    assert shape(TABLES["id"]) == shape(TABLES["en"])
    assert {"templates", "not_found", "generated_lists", "kit", "offline_first"} <= set(TABLES["id"])


def test_templates_have_no_language_branches():
    for template in (ROOT / "overrides").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"theme\.language\s*==|\benglish\b", text), template


def test_no_module_keeps_its_own_label_table_or_the_handbooks_names():
    for path in CODE:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'^\s*LABELS\s*=\s*\{', text, re.M), f"{path}: labels belong in overrides/interface/<lang>.yml"
        code = re.sub(r'"""[\s\S]*?"""|#[^\n]*|\{#-?[\s\S]*?-?#\}', "", text)  # docstrings and comments may name it
        for name in ("Maluku Tenggara", "pedoman-asn-malra", "malra.example.org"):
            assert name not in code, f"{path}: '{name}' belongs in mkdocs.yml or docs/"
