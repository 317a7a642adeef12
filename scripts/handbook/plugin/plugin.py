"""The handbook plugin: the engine, as a handbook uses it from mkdocs.yml (``plugins: - handbook``).

One concern per module in ``handbook/plugin/hooks/`` (each reads like an MkDocs hook file);
``EVENTS`` below is the one place that says which of them runs at which event, in which order and
at which priority relative to the other plugins (search, i18n, Material's offline). A module that
keeps something between events takes a ``state`` argument: a dict of its own, kept on the plugin
instance, so two builds in one process (tests, ``mkdocs serve``) never share it.

The plugin also supplies the engine's theme files (``handbook/theme/``: templates, partials, the
search worker) between the project's own ``theme.custom_dir`` and Material, so a project holds only
its mkdocs.yml, its pages and the overrides it wants.
"""

from __future__ import annotations

import inspect
import re
import string
from collections import defaultdict
from pathlib import Path

from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, get_plugin_logger

from handbook import interface, publisher
from handbook.build import current_language, languages
from handbook.plugin.config import HandbookConfig
from handbook.plugin.reader_markup import ReaderMarkup
from handbook.plugin.hooks import (
    content_blocks,
    downloads_page,
    edition,
    front_matter_text,
    generated_lists,
    inline_styles,
    interface_text,
    language_switcher,
    material_markup,
    not_found_pages,
    offline_copy,
    offline_first,
    online_address,
    page_freshness,
    permalink_redirects,
    publisher as publisher_hook,
    search_by_language,
    search_ranking,
    trainer_only,
    translation_banners,
)

THEME = Path(__file__).resolve().parents[1] / "theme"
# The engine's own styles and scripts (theme files), linked before any the project lists itself.
STYLESHEETS = ("assets/stylesheets/pedoman.css", "assets/stylesheets/uji-diri.css")
SCRIPTS = ("assets/javascripts/pedoman.js", "assets/javascripts/uji-diri.js")
log = get_plugin_logger(__name__)

# Event -> [(priority, handler)], run in this order within a priority. MkDocs runs every plugin's
# handlers of one event by priority (highest first; the default is 0, the order of `plugins:`).
# The i18n plugin builds the other languages in its on_post_build (-100); search writes its index
# at 0 for each language.
EVENTS: dict[str, list[tuple[int, object]]] = {
    "config": [
        (100, offline_copy.on_config),  # before the offline plugin's on_config: it then adds no CDN shim
        (0, permalink_redirects.on_config),
    ],
    "nav": [
        (0, not_found_pages.on_nav),
    ],
    "env": [
        (0, inline_styles.on_env),
        (0, not_found_pages.on_env),
    ],
    "page_markdown": [
        (100, trainer_only.on_page_markdown),  # first: no other step ever sees the trainer's text
        (0, downloads_page.on_page_markdown),
        (0, generated_lists.on_page_markdown),
        (0, content_blocks.on_page_markdown),
        (0, front_matter_text.on_page_markdown),  # last: the steps above read front matter as written
    ],
    "page_content": [
        (0, permalink_redirects.on_page_content),
        (0, translation_banners.on_page_content),
    ],
    "page_context": [
        (0, edition.on_page_context),
        (0, interface_text.on_page_context),
        (0, language_switcher.on_page_context),  # after i18n set the alternates
        (0, online_address.on_page_context),
        (0, page_freshness.on_page_context),
        (0, publisher_hook.on_page_context),
        (0, search_ranking.on_page_context),
    ],
    "template_context": [
        (0, edition.on_template_context),
        (0, interface_text.on_template_context),
        (0, publisher_hook.on_template_context),
    ],
    "post_page": [
        (0, inline_styles.on_post_page),
        (0, material_markup.on_post_page),
        (0, search_by_language.on_post_page),
        (0, search_ranking.on_post_page),
        (-100, offline_first.on_post_page),  # after every other step changed the page: it is final here
    ],
    "post_template": [
        (0, material_markup.on_post_template),
        (0, offline_first.on_post_template),
    ],
    "post_build": [
        (0, downloads_page.on_post_build),
        (0, not_found_pages.on_post_build),
        (0, permalink_redirects.on_post_build),
        (-150, search_ranking.on_post_build),  # after i18n wrote every language's index (-100)
        (-200, search_by_language.on_post_build),  # then the index is split per language
        (-300, offline_first.on_post_build),  # after the downloads were copied and the index split
    ],
}


def option_line(config_file: str, key: str, value: str) -> int:
    """The line of mkdocs.yml that sets ``key: value`` (1 if it cannot be found, e.g. inherited)."""
    try:
        lines = Path(config_file).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    pattern = re.compile(rf"^\s*{re.escape(key)}:\s*[\"']?{re.escape(value)}[\"']?\s*(#.*)?$")
    return next((number for number, line in enumerate(lines, start=1) if pattern.match(line)), 1)


def _step(handler, priority: int):
    """A plugin method that runs ``handler`` (with its own state, if it keeps any)."""
    keeps_state = "state" in inspect.signature(handler).parameters
    name = handler.__module__.rsplit(".", 1)[-1]

    def run(self, *args, **kwargs):
        if not self.config.enabled:
            return None
        if keeps_state:
            kwargs["state"] = self.state[name]
        return handler(*args, **kwargs)

    run.mkdocs_priority = priority
    run.__name__ = run.__qualname__ = f"_{name}_{handler.__name__}"
    return run


class _Events(type(BasePlugin)):
    """Gives the plugin class one ``on_<event>`` per entry of EVENTS (a CombinedEvent of its steps)."""

    def __new__(mcs, name, bases, namespace):
        for event, steps in EVENTS.items():
            own = namespace.pop(f"on_{event}", None)
            methods = [_step(handler, priority) for priority, handler in steps]
            namespace[f"on_{event}"] = CombinedEvent(*([own] if own else []), *methods)
        return super().__new__(mcs, name, bases, namespace)


class HandbookPlugin(BasePlugin[HandbookConfig], metaclass=_Events):
    supports_multiple_instances = False

    def __init__(self):
        self.state: dict[str, dict] = defaultdict(dict)
        # The project's own site_name and site_description, as mkdocs.yml gives them: the i18n
        # plugin overwrites config.site_name while it builds another language.
        self.site_texts: tuple[str, str] | None = None
        # The folder of the rendered downloads (PDFs, zip, manifest.json): set by `handbook build`
        # on the instance of the build it runs; None in a plain mkdocs build or serve.
        self.downloads_dir: Path | None = None

    def load_config(self, options, config_file_path=None):
        """MkDocs' own loading of the options, then the handbook's wording for every tool of the run."""
        errors, warnings = super().load_config(options, config_file_path)
        if not errors and self.config.enabled:
            folder = self.config.interface_text
            base = Path(config_file_path).parent if config_file_path else Path.cwd()
            try:
                interface.use(base / folder if folder else None)
            except interface.InterfaceError as error:
                errors.append(("interface_text", ValidationError(str(error))))
        return errors, warnings

    def on_config(self, config):
        """Check the options and put the engine's theme files under the project's own overrides."""
        if not self.config.enabled:
            return config
        if self.site_texts is None:
            self.site_texts = (str(config.site_name or ""), str(config.site_description or ""))
        for option, example in (("edition", '"2026.1"'), ("download_prefix", "pedoman-asn-kabupaten")):
            if not self.config[option].strip():
                raise PluginError(
                    f"{config.config_file_path}: plugins > handbook > {option} is missing or empty; "
                    f"add it, e.g. {option}: {example}"
                )
        try:
            self.publisher = publisher.load(self.config, where=config.config_file_path)
        except publisher.PublisherError as error:
            raise PluginError(str(error)) from None
        self._check_sections(config)
        self._check_file_names(config)
        try:
            interface.check_languages(languages(config).codes, config.config_file_path)
        except interface.InterfaceError as error:
            raise PluginError(str(error)) from None
        dirs = config.theme.dirs
        if str(THEME) not in dirs:
            custom = config.theme.custom_dir
            dirs.insert(1 if custom and dirs and dirs[0] == custom else 0, str(THEME))
        if not any(isinstance(extension, ReaderMarkup) for extension in config.markdown_extensions):
            # Table and checklist labels, section buttons: in Markdown, in the language being built.
            config.markdown_extensions.append(ReaderMarkup(lambda: current_language(config)))
        config.extra_css[:0] = [path for path in STYLESHEETS if path not in config.extra_css]
        listed = {str(script) for script in config.extra_javascript}
        config.extra_javascript[:0] = [ExtraScriptValue(path) for path in SCRIPTS if path not in listed]
        return config

    def _check_file_names(self, config) -> None:
        """The downloads' names (files:) make one distinct, plain file name per language."""
        several = len(languages(config).codes) > 1
        names = {}
        for option, pattern in self.config.files.items():
            where = f"{config.config_file_path}:{option_line(config.config_file_path, option, pattern)}: plugins > handbook > files > {option}"
            fields = {field for _, field, _, _ in string.Formatter().parse(pattern) if field is not None}
            suffix = ".zip" if option == "offline_zip" else ".pdf"
            if fields - {"prefix", "lang"} or "/" in pattern or "\\" in pattern or not pattern.endswith(suffix):
                raise PluginError(f"{where}: '{pattern}' is not a file name; write a name ending in {suffix}, with {{prefix}} and {{lang}} where they belong and no folder")
            if several and option != "offline_zip" and "lang" not in fields:
                raise PluginError(f"{where}: '{pattern}' names one file for every language; put {{lang}} in it")
            names.setdefault(pattern, []).append(option)
        for pattern, options in names.items():
            if len(options) > 1:
                raise PluginError(f"{config.config_file_path}: plugins > handbook > files: {' and '.join(options)} are both '{pattern}'; give each download its own name")

    def _check_sections(self, config) -> None:
        """Every section mkdocs.yml names is a folder of docs_dir (an empty list is never the answer)."""
        for name, folder in self.config.sections.items():
            if folder is None:
                continue
            if not folder.strip("/") or not (Path(config.docs_dir) / folder.strip("/")).is_dir():
                line = option_line(config.config_file_path, name, folder)
                raise PluginError(
                    f"{config.config_file_path}:{line}: plugins > handbook > sections > {name}: there is no folder "
                    f"'{folder}' in {config.docs_dir}; create it, correct the name, or remove the line if this handbook has no such section"
                )
