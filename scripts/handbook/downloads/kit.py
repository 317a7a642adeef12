"""The trainer's printed kit, per language: what build_site.py renders besides the books.

- ``files.participant_cards``: participant case cards and the pre/post test (cards.participant);
- ``files.trainer_cards``: the trainer edition with every answer (cards.trainer);
- ``files.handouts``: one handout page per value and a pocket card (handouts.handouts);
  file names from ``plugins > handbook > files`` in mkdocs.yml.

``jobs`` describes the files (name, title and who each is for, in both languages, for the downloads
page); ``render`` makes one of them in a worker process. All interface text is in ``LABELS``.
QR codes point only at permalinks registered in permalinks.txt (qr.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from handbook import addresses

from . import cards, handouts, pdf, qr
from .book import BookPage, nav_sources
from handbook.build import instance, site_names
from handbook.settings import from_config
from handbook import interface, publisher

HERE = Path(__file__).resolve().parent
CSS_FILES = (HERE / "print.css", HERE / "cards.css")

LABELS = interface.labels("kit")  # interface text: handbook/interface_text/<lang>.yml
PUBLISHER_LABELS = interface.labels("publisher")

# The downloads page: what each file is and who it is for, in each language of the page.
# Each file of the kit: the option of its name (plugins > handbook > files); its title and who it
# is for are interface text (kit.file_titles, kit.file_for).
FILES = {"participant": "participant_cards", "trainer": "trainer_cards", "handouts": "handouts"}
LANGUAGE_NAMES = interface.labels("build_site")  # [lang]["language_names"][other]: a language's name in lang


def language_name(lang: str, in_lang: str) -> str:
    """A language's name in another language's words, else in its own (a table may not know it)."""
    return LANGUAGE_NAMES[in_lang]["language_names"].get(lang) or str(interface.table(lang)["language"]["native_name"])
LANGUAGE = interface.labels("language")  # each language's Babel locale
# What each file of the kit is made of: the kinds of page it needs (plugins > handbook > sections).
NEEDS = {"participant": ("cases", "values"), "trainer": ("cases", "values", "trainer_guide"), "handouts": ("values",)}


def jobs(config, offline: Path, downloads: Path, docs: Path, registry_file: Path, version: str, day: date) -> list[dict]:
    """One job per file and language, in the form build_site.py hands to ``render``."""
    from babel.dates import format_date

    options = instance(config).config  # the handbook plugin's options
    settings = from_config(config)
    langs = settings.languages.codes
    sources = nav_sources(config["nav"])

    def pages_of(kind: str) -> list[str]:
        folder = settings.folder(kind)
        return [s for s in sources if folder and s.startswith(folder + "/") and not s.endswith("index.md")]

    cases, characters = pages_of("cases"), pages_of("values")
    guide = f"{settings.folder('trainer_guide')}/index.md" if settings.folder("trainer_guide") else None
    found = []
    for lang in langs:
        locale = LANGUAGE[lang]["locale"]
        for kind, option in FILES.items():
            if not all(settings.folder(need) for need in NEEDS[kind]):
                continue  # this handbook has no such pages: no such file
            name = file_name(options, option, lang)
            found.append({
                "kind": kind, "name": name, "lang": lang, "target": str(downloads / name),
                "site": str(offline), "docs": str(docs), "registry": str(registry_file), "site_url": config["site_url"],
                "cases": cases, "characters": characters, "guide": guide, "default_lang": settings.languages.default,
                "title_text": site_names(config)[lang][0], "values_title": _section_title(docs, settings.folder("values"), lang, settings),
                "version": version, "edition": options.edition.strip(), "author": str(config.site_author or ""),
                "publisher": publisher.lines(publisher.load(options, config.config_file_path), lang, PUBLISHER_LABELS[lang]),
                "date": day.isoformat(), "date_text": format_date(day, format="long", locale=locale),
                "title": {page_lang: f"{LABELS[page_lang]['file_titles'][kind]} ({language_name(lang, page_lang)})" for page_lang in langs},
                "for": {page_lang: LABELS[page_lang]["file_for"][kind] for page_lang in langs},
            })
    return found


def file_name(options, option: str, lang: str = "") -> str:
    """A download's file name from plugins > handbook > files (checked by the plugin's on_config)."""
    return options.files[option].format(prefix=options.download_prefix.strip(), lang=lang)


def _section_title(docs: Path, folder: str | None, lang: str, settings) -> str:
    """The title of a section's index page in ``lang`` (its front matter), or "" without one."""
    from handbook.pages import page_file, read_page

    if folder is None:
        return ""
    for code in dict.fromkeys((lang, settings.languages.default)):
        path = page_file(docs / folder, "index", code, settings.languages)
        if path.is_file():
            return str(read_page(path, settings=settings).meta.get("title", "")).strip()
    return ""


def render(job: dict) -> tuple[str, int]:
    """Make one file of the kit (run in a worker process); returns its name and page count."""
    lang = job["lang"]
    ctx = cards.Context(
        site=Path(job["site"]), docs=Path(job["docs"]), lang=lang, site_url=job["site_url"],
        addresses=qr.Addresses(job["site_url"], Path(job["registry"])), t=LABELS[lang],
        css="\n".join(path.read_text(encoding="utf-8") for path in CSS_FILES),
        date=job["date"], date_text=job["date_text"], version=job["version"], edition=job["edition"], author=job.get("author", ""),
        publisher=job.get("publisher") or {}, default_lang=job["default_lang"],
        title=job.get("title_text", ""), values_title=job.get("values_title", ""),
    )
    pages = lambda sources: [BookPage(source, lang) for source in sources]  # noqa: E731
    if job["kind"] == "participant":
        rendered = cards.participant(ctx, pages(job["cases"]), pages(job["characters"]))
    elif job["kind"] == "trainer":
        rendered = cards.trainer(ctx, pages(job["cases"]), pages(job["characters"]), BookPage(job["guide"], lang))
    else:
        rendered = handouts.handouts(ctx, pages(job["characters"]))
    pdf.write(rendered, Path(job["target"]))
    return job["name"], len(rendered.pages)


def permalink(source: str, lang: str) -> str:
    """The registry path of a page (``/en/studi-kasus/x/``), as the QR codes use it."""
    return addresses.page_address(source, lang)
