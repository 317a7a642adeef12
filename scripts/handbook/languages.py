"""The handbook's languages, read from its configuration: nothing here names a language.

With mkdocs-static-i18n, the languages are its ``languages`` that it builds (the default one first:
its pages at the site root, every other language under ``<code>/``); without it, the one language
of ``theme.language``. The build, the checkers and the downloads all ask this module.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...]  # the default language first

    @property
    def default(self) -> str:
        return self.codes[0]

    @property
    def others(self) -> tuple[str, ...]:
        return self.codes[1:]

    def prefix(self, lang: str) -> str:
        """Where a language's pages live, from the site root: "" for the default, "en/" for en."""
        return "" if lang == self.default else f"{lang}/"

    def up(self, lang: str) -> str:
        """From a language's root back to the site root: "" or "../"."""
        return "" if lang == self.default else "../"

    def of_path(self, path: str) -> str:
        """The language of a site path or address (its first folder, else the default language)."""
        first = path.lstrip("/").split("/", 1)[0]
        return first if first in self.others else self.default

    def without(self, path: str) -> str:
        """A path without its language folder (``en/karakter/x/`` -> ``karakter/x/``)."""
        lang = self.of_path(path)
        if lang == self.default:
            return path
        lead = "/" if path.startswith("/") else ""
        return lead + path.lstrip("/")[len(lang) + 1:]


def of_config(config) -> Languages:
    """The languages of a loaded MkDocs configuration."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return Languages((str(config.theme["language"]),))
    languages = [language for language in i18n.config.languages if language.build]
    default = next((language.locale for language in languages if language.default), languages[0].locale if languages else None)
    if default is None:
        return Languages((str(config.theme["language"]),))
    return Languages((default, *(language.locale for language in languages if language.locale != default)))
