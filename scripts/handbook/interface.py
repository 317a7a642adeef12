"""Interface text: one table per language, ``handbook/interface_text/<lang>.yml`` (package data),
with the handbook's own wording over it.

Every label a reader sees that is not page content (the templates' "Last changed", the hooks'
table headings, the PDF covers' "Version") lives there, one section per template, hook or
download. ``labels(section)`` gives ``{"id": {...}, "en": {...}}`` for Python code; the
``interface_text`` hook hands the templates ``teks``, the table of the language being built.

A handbook words things its own way without code: ``plugins > handbook > interface_text`` names a
folder (beside mkdocs.yml) of ``<lang>.yml`` files. Each replaces the keys it gives in the engine's
table of that language (a handbook of "nilai" rather than "karakter"); a file for a language the
engine has no table for is that language's whole table. The plugin calls ``use()`` whenever
MkDocs loads a configuration with it (a build, or a command's ``project.load_config``), so every
tool of one run reads the same wording. Keys the engine does not know and tables that miss a key
fail loudly, naming the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from handbook.pages import SAFE_LOADER

FOLDER = Path(__file__).resolve().parent / "interface_text"
# The languages the engine has interface text for: one table each (data; add <code>.yml for more).
ENGINE_LANGUAGES = tuple(sorted(path.stem for path in FOLDER.glob("*.yml")))
# The reference table: every language's table has its sections and keys (the engine's tables all
# have the same ones: tests/test_interface_text.py).
REFERENCE = ENGINE_LANGUAGES[0]

_project_folder: Path | None = None  # the handbook's own wording (plugins > handbook > interface_text)
_tables: dict[str, dict] = {}  # language -> merged table, for the current project


class InterfaceError(Exception):
    """A missing or malformed interface table; the message names the file and the fix."""


def use(folder: Path | None) -> None:
    """Read the handbook's own wording from ``folder`` (None: the engine's tables alone)."""
    global _project_folder
    folder = Path(folder).resolve() if folder else None
    if folder is not None and not folder.is_dir():
        raise InterfaceError(f"{folder}: no such folder for plugins > handbook > interface_text; create it or remove the option")
    if folder != _project_folder:
        _project_folder = folder
        _tables.clear()


def languages() -> tuple[str, ...]:
    """Every language with a table: the engine's and the handbook's own."""
    own = {path.stem for path in _project_folder.glob("*.yml")} if _project_folder else set()
    return tuple(sorted(set(ENGINE_LANGUAGES) | own))


def _read(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except OSError as error:
        raise InterfaceError(f"{path}: cannot read the interface text ({error.strerror}); restore it from git") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InterfaceError(f"{path}:{(mark.line + 1) if mark else 1}: not valid YAML; fix that line") from None
    if not isinstance(data, dict):
        raise InterfaceError(f"{path}:1: expected sections of 'key: text' lines")
    return data


def _line_of(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith(f"{key}:"):
            return number
    return 1


def _merge(base: dict, own: dict, path: Path, where: str = "") -> dict:
    """``base`` with ``own``'s keys put over it; a key ``base`` lacks is a typo, named with its line."""
    merged = dict(base)
    for key, value in own.items():
        if key not in base:
            known = ", ".join(sorted(map(str, base)))
            raise InterfaceError(f"{path}:{_line_of(path, key)}: the engine has no interface text '{where}{key}'; use one of: {known}")
        merged[key] = _merge(base[key], value, path, f"{where}{key}.") if isinstance(base[key], dict) and isinstance(value, dict) else value
    return merged


def table(lang: str) -> dict:
    """The interface table of a language: the engine's, with the handbook's own wording over it."""
    if lang not in _tables:
        engine = FOLDER / f"{lang}.yml"
        own = _project_folder / f"{lang}.yml" if _project_folder else None
        if own is not None and own.is_file():
            found = _merge(_read(engine), _read(own), own) if engine.is_file() else _read(own)
        elif engine.is_file():
            found = _read(engine)
        else:
            raise InterfaceError(f"{engine}: cannot read the interface text (no such file); add a table for '{lang}'")
        _tables[lang] = found
    return _tables[lang]


def _shape_problems(reference: dict, other: dict, where: str = "") -> list[str]:
    problems = []
    for key, value in reference.items():
        if key not in other:
            problems.append(f"{where}{key}")
        elif isinstance(value, dict) and isinstance(other[key], dict):
            problems += _shape_problems(value, other[key], f"{where}{key}.")
    return problems


def check_languages(codes, where: str) -> None:
    """Every language a handbook builds has a complete interface table (else the message says how
    to add one, or which keys it lacks)."""
    missing = [lang for lang in codes if lang not in languages()]
    if missing:
        own = f" or in {_project_folder}" if _project_folder else " or in the folder of plugins > handbook > interface_text"
        raise InterfaceError(
            f"{where}: no interface text for {', '.join(repr(lang) for lang in missing)}: the engine has tables for "
            f"{', '.join(ENGINE_LANGUAGES)}; add <code>.yml with the sections of {FOLDER / (REFERENCE + '.yml')}, translated, "
            f"to the engine's {FOLDER}{own}"
        )
    reference = table(REFERENCE)
    for lang in codes:
        lacking = _shape_problems(reference, table(lang))
        if lacking:
            source = _project_folder / f"{lang}.yml" if _project_folder and (_project_folder / f"{lang}.yml").is_file() else FOLDER / f"{lang}.yml"
            raise InterfaceError(f"{source}: the interface text of '{lang}' lacks {', '.join(lacking[:8])}{' ...' if len(lacking) > 8 else ''}; add them, as in {FOLDER / (REFERENCE + '.yml')}")


class _Section(Mapping):
    """One section of every language's table, read when used (so the handbook's wording applies)."""

    def __init__(self, section: str):
        self.section = section

    def __getitem__(self, lang: str):
        part = table(lang).get(self.section)
        if not isinstance(part, (dict, list)):
            raise InterfaceError(f"the interface text of '{lang}' has no section '{self.section}:'; add it with the same keys as {FOLDER / (REFERENCE + '.yml')}")
        return part

    def __iter__(self):
        return iter(languages())

    def __len__(self):
        return len(languages())


def labels(section: str) -> Mapping[str, dict]:
    """{language: part} of one section (a mapping, or a list such as table column names), looked
    up when used: the current handbook's wording over the engine's."""
    return _Section(section)
