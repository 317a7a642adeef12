"""The downloads page lists the real files: name, size, date and SHA-256, made at build time.

``handbook build`` (``scripts/handbook/commands/build_site.py``) renders the PDFs and the offline zip
first, into a folder with a ``manifest.json`` that says what each file is, and hands that folder to
the build it runs itself, on the plugin instance (``downloads_dir``). This hook then:

- replaces the marker line ``<!-- auto: berkas-unduhan -->`` on the downloads section's index page (plugins > handbook > sections > downloads) with a table of
  those files in the page's language, sizes and hashes read from the files themselves, and under
  each title the line that says who the file is for (manifest key ``for``, when given);
- copies the files into that page's folder of the site so the table's links work.

In the offline copy (built before the files exist) and in a plain ``mkdocs build`` or ``mkdocs
serve`` the marker becomes a short paragraph that points to the downloads page of the published site.
A manifest that names a missing file fails the build with the file named.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal
from mkdocs.exceptions import PluginError

from handbook.build import current_language, default_language, instance, language_prefix, languages, section
from handbook import interface

MARKER = re.compile(r"^<!--\s*auto:\s*berkas-unduhan\s*-->[ \t]*$", re.M)

LABELS = interface.labels("downloads_page")  # interface text: handbook/interface_text/<lang>.yml


def _downloads_dir(config) -> Path | None:
    """The folder of the rendered downloads, when ``handbook build`` runs this build (else None)."""
    folder = instance(config).downloads_dir
    return Path(folder) if folder else None


def _manifest(folder: Path) -> list[dict]:
    path = folder / "manifest.json"
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PluginError(f"{path}: cannot read the downloads manifest ({error}); run `make site` again.") from None
    for entry in entries:
        if not (folder / entry["file"]).is_file():
            raise PluginError(f"{path}: lists '{entry['file']}', which is not in {folder}; run `make site` again.")
    return entries


def _size(n_bytes: int, lang: str) -> str:
    value, unit = (n_bytes / 1024, "KB") if n_bytes < 1024 * 1024 else (n_bytes / 1024 / 1024, "MB")
    return f"{format_decimal(round(value, 1), format='0.0', locale=LABELS[lang]['locale'])} {unit}"


def _date(lang: str) -> str:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or datetime.now(timezone.utc).timestamp())
    day = datetime.fromtimestamp(epoch, timezone.utc).date()
    return format_date(day, format="long", locale=LABELS[lang]["locale"])


def _contents(entry: dict, lang: str) -> str:
    """The "Contents" cell: the file's title, then who it is for (escaped: it lands in raw HTML)."""
    text = html.escape(entry["title"][lang])
    if entry.get("for"):
        text += f'<br><span class="pedoman-unduhan-untuk">{html.escape(entry["for"][lang])}</span>'
    return text.replace("|", "&#124;")


def _table(folder: Path, lang: str, page: str, default: bool) -> str:
    rows = [LABELS[lang]["columns"]]
    # Raw links: the files live only in the downloads page's folder of the default language (not in
    # docs/, so MkDocs cannot resolve them); the English page at en/<page>/ reaches them two folders up.
    prefix = "" if default else f"../../{page}/"
    for entry in _manifest(folder):
        data = (folder / entry["file"]).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        rows.append(
            f"| <a href=\"{prefix}{entry['file']}\" download>{entry['file']}</a> | {_contents(entry, lang)} | {_size(len(data), lang)} "
            f"| {_date(lang)} | <code class=\"pedoman-sha\">{digest}</code> |"
        )
    return "\n".join(rows)


def on_page_markdown(markdown, page, config, files):
    folder = section(config, "downloads")
    if folder is None or page.file.src_uri not in {f"{folder}/index.md", *(f"{folder}/index.{lang}.md" for lang in languages(config).codes)}:
        return markdown
    lang = current_language(config)
    files_folder = _downloads_dir(config)
    if files_folder is not None:
        replacement = _table(files_folder, lang, folder, lang == default_language(config))
    else:
        url = config.site_url.rstrip("/") + "/" + language_prefix(config) + f"{folder}/"
        replacement = LABELS[lang]["online"].format(url=url)
    return MARKER.sub(lambda _: replacement, markdown)


def on_post_build(config):
    folder, page = _downloads_dir(config), section(config, "downloads")
    if folder is None or page is None:
        return
    target = Path(config.site_dir) / page
    target.mkdir(parents=True, exist_ok=True)
    for entry in _manifest(folder):
        shutil.copyfile(folder / entry["file"], target / entry["file"])
