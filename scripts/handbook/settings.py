"""The handbook's settings as the checkers and the downloads need them, from its mkdocs.yml.

Which folder of docs/ holds which kind of page (``plugins > handbook > sections``), the languages
(the i18n plugin's, or ``theme.language``) and the editorial minimums (``minimums``). The build
reads the same options from its plugin instance; commands load mkdocs.yml once through MkDocs
(``project.load_config``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.languages import Languages, of_config

# The kinds of page whose template the checker knows (handbook/vocabulary.py TEMPLATE_SECTIONS).
TEMPLATE_KINDS = ("values", "cases", "context")


@dataclass(frozen=True)
class Settings:
    languages: Languages
    sections: dict[str, str] = field(default_factory=dict)  # kind -> folder of docs/, configured ones only
    value_words: int = 0  # words a value page needs at least, in the default language
    cases_per_value: int = 0  # cases each value (as main value) and each context needs at least

    def kind(self, folder: str) -> str | None:
        """The kind of the pages in a folder (values, cases, ...), or None."""
        return next((kind for kind, name in self.sections.items() if name == folder), None)

    def folder(self, kind: str) -> str | None:
        return self.sections.get(kind)


def from_config(config) -> Settings:
    """The settings of a loaded MkDocs configuration with the handbook plugin."""
    from handbook.build import instance

    options = instance(config).config
    sections = {kind: folder.strip("/") for kind, folder in options.sections.items() if folder}
    return Settings(of_config(config), sections, options.minimums.value_words, options.minimums.cases_per_value)


def load() -> Settings:
    """The settings of the project where the command runs (mkdocs.yml, or handbook -f FILE)."""
    from handbook import project

    return from_config(project.load_config())
