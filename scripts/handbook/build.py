"""Facts about the build in progress, shared by the hooks and the download builder.

- which language the i18n plugin is building now;
- the handbook plugin of the configuration (its options and state);
- whether this is the offline copy (Material's offline plugin on);
- a page's published address from its built path (``karakter/integritas.html`` in the offline
  copy is ``karakter/integritas/`` online).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from handbook.languages import Languages, of_config



def current_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n else default_language(config)


def languages(config) -> Languages:
    """The languages the handbook builds (the default first), from its configuration."""
    return of_config(config)


def site_names(config) -> dict[str, tuple[str, str]]:
    """{language: (site_name, site_description)}: the i18n language's own, else the project's."""
    i18n = config.plugins.get("i18n")
    own = {language.locale: language for language in (i18n.config.languages if i18n else [])}
    # mkdocs.yml's own values: during the build, config.site_name may be another language's.
    name, description = instance(config).site_texts or (str(config.site_name or ""), str(config.site_description or ""))
    found = {}
    for lang in languages(config).codes:
        language = own.get(lang) or {}
        found[lang] = (
            str(language.get("site_name") or name).strip(),
            str(language.get("site_description") or description).strip(),
        )
    return found


def default_language(config) -> str:
    """The i18n plugin's default language, or the theme's language on a one-language site."""
    return languages(config).default


def language_prefix(config, lang: str | None = None) -> str:
    """Where a language's pages live, relative to the site root: "" for the default, "en/" for en."""
    return languages(config).prefix(lang or current_language(config))


def instance(config):
    """The handbook plugin of a loaded configuration (whatever name mkdocs.yml gives it)."""
    from handbook.plugin.plugin import HandbookPlugin  # here: the plugin's steps import this module

    for plugin in config.plugins.values():
        if isinstance(plugin, HandbookPlugin):
            return plugin
    raise PluginError(f"{config.config_file_path}: the handbook plugin is not in plugins:; add '- handbook' to it")


def section(config, name: str) -> str | None:
    """The docs folder of a section (plugins > handbook > sections > name), or None: not in this handbook."""
    folder = instance(config).config.sections[name]
    return folder.strip("/") if folder else None


def offline_copy_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
