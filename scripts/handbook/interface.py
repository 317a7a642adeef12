"""Interface text: one table per language, ``handbook/interface_text/<lang>.yml`` (package data).

Every label a reader sees that is not page content (the templates' "Last changed", the hooks'
table headings, the PDF covers' "Version") lives there, one section per template, hook or
download. ``labels(section)`` gives ``{"id": {...}, "en": {...}}`` for Python code; the
``interface_text`` hook hands the templates ``teks``, the table of the language being built.
Both tables must have the same sections and keys: a missing one fails loudly, naming the file.
"""

from __future__ import annotations

from functools import lru_cache

import yaml

from pathlib import Path


FOLDER = Path(__file__).resolve().parent / "interface_text"
# The languages the engine has interface text for: one table each (data; add <code>.yml for more).
LANGUAGES = tuple(sorted(path.stem for path in FOLDER.glob("*.yml")))


class InterfaceError(Exception):
    """A missing or malformed interface table; the message names the file and the fix."""


@lru_cache(maxsize=None)
def table(lang: str) -> dict:
    path = FOLDER / f"{lang}.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InterfaceError(f"{path}: cannot read the interface text ({error.strerror}); restore it from git") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InterfaceError(f"{path}:{(mark.line + 1) if mark else 1}: not valid YAML; fix that line") from None
    if not isinstance(data, dict):
        raise InterfaceError(f"{path}:1: expected sections of 'key: text' lines")
    return data


def check_languages(languages, where: str) -> None:
    """Every language a handbook builds has an interface table (else the message says how to add one)."""
    missing = [lang for lang in languages if lang not in LANGUAGES]
    if missing:
        raise InterfaceError(
            f"{where}: no interface text for {', '.join(repr(lang) for lang in missing)}: the engine has tables for "
            f"{', '.join(LANGUAGES)}; add {FOLDER}/<code>.yml with the sections of {FOLDER / 'id.yml'}, translated"
        )


def labels(section: str) -> dict[str, dict]:
    """{language: part} of one section for every table (a mapping, or a list such as table column
    names); every table must hold the same keys (or as many items)."""
    found = {}
    for lang in LANGUAGES:
        part = table(lang).get(section)
        if not isinstance(part, (dict, list)):
            raise InterfaceError(f"{FOLDER / f'{lang}.yml'}: no section '{section}:'; add it with the same keys as the other language")
        found[lang] = part
    if any(isinstance(part, list) for part in found.values()):
        if len({len(part) if isinstance(part, list) else -1 for part in found.values()}) != 1:
            raise InterfaceError(f"{FOLDER}: section '{section}' must be a list of the same length in every language")
        return found
    keys = [set(part) for part in found.values()]
    if any(k != keys[0] for k in keys):
        differ = sorted(set.union(*keys) - set.intersection(*keys))
        raise InterfaceError(f"{FOLDER}: section '{section}' has keys in one language only: {', '.join(differ)}")
    return found
