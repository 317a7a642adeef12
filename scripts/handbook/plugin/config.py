"""The plugin's options: what a handbook writes under ``plugins: - handbook:`` in its mkdocs.yml.

    plugins:
      - search
      - i18n: ...            # optional: one language or several
      - handbook:
          edition: "2026.1"                  # required: footer, PDF covers, "cite this section"
          download_prefix: pedoman-asn-malra # required: pedoman-asn-malra-id.pdf, ...-html.zip
          status: draft                      # draft (for review) or approved
          approval: ""                       # approved only: the approving document
          publisher:
            name: {id: Tim Penyusun ..., en: The ... drafting team}  # or one name for all
            contact: !ENV [FEEDBACK_EMAIL, ""]
          sections:                          # folders of docs/, each optional: absent, not built
            values: karakter                 # one page per value, with a self-check
            context: konteks-lokal           # local-context pages
            cases: studi-kasus               # case studies, with timings
            trainer_guide: pelatih           # the trainer guide (sessions)
            glossary: glosarium
            downloads: unduhan               # the page that lists the downloads
            changes: riwayat                 # what changed in each edition (the footer links it)
          minimums:                          # what `handbook check content` holds pages to
            value_words: 700                 # words of a value page (default language); 0: none
            cases_per_value: 2               # cases per value and per context; 0: none
          interface_text: wording            # optional: a folder of <lang>.yml files with the
                                             # handbook's own wording over the engine's labels
          files:                             # the downloads' names ({prefix}, {lang}); defaults:
            book: "{prefix}-{lang}.pdf"
            offline_zip: "{prefix}-html.zip"
            participant_cards: "{prefix}-kasus-peserta-{lang}.pdf"
            trainer_cards: "{prefix}-kasus-pelatih-{lang}.pdf"
            handouts: "{prefix}-kartu-nilai-{lang}.pdf"

Typed with MkDocs' own ``config_options`` (defaults and types checked when mkdocs.yml loads); the
rules that need more than a type (an approval only when approved, a contact that is an address)
are checked by ``handbook.publisher`` with messages naming the key.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PublisherConfig(base.Config):
    # One name for every language, or a name per language ({id: ..., en: ...}).
    name = c.Type((str, dict), default="")
    # An e-mail address or an http(s) address; empty: no contact and no report link.
    contact = c.Type(str, default="")


class SectionsConfig(base.Config):
    """Folders of docs_dir, each optional. One that is not named is simply absent from the site;
    one that is named must exist (an error names mkdocs.yml and the line)."""

    values = c.Optional(c.Type(str))
    context = c.Optional(c.Type(str))
    cases = c.Optional(c.Type(str))
    trainer_guide = c.Optional(c.Type(str))
    glossary = c.Optional(c.Type(str))
    downloads = c.Optional(c.Type(str))
    changes = c.Optional(c.Type(str))


class MinimumsConfig(base.Config):
    """Editorial minimums the content checker holds the pages to (0: none)."""

    value_words = c.Type(int, default=0)  # words of a value page, in the default language
    cases_per_value = c.Type(int, default=0)  # cases per value (as main value) and per context


class FilesConfig(base.Config):
    """The downloads' file names: {prefix} is download_prefix, {lang} the language (needed in
    every per-language name when the handbook has several languages)."""

    book = c.Type(str, default="{prefix}-{lang}.pdf")  # the whole handbook as a book
    offline_zip = c.Type(str, default="{prefix}-html.zip")  # the offline HTML copy, every language
    participant_cards = c.Type(str, default="{prefix}-kasus-peserta-{lang}.pdf")
    trainer_cards = c.Type(str, default="{prefix}-kasus-pelatih-{lang}.pdf")
    handouts = c.Type(str, default="{prefix}-kartu-nilai-{lang}.pdf")  # one page per value and a pocket card


class HandbookConfig(base.Config):
    enabled = c.Type(bool, default=True)
    edition = c.Type(str, default="")
    download_prefix = c.Type(str, default="")
    status = c.Choice(("draft", "approved"), default="draft")
    approval = c.Type(str, default="")
    publisher = c.SubConfig(PublisherConfig)
    sections = c.SubConfig(SectionsConfig)
    minimums = c.SubConfig(MinimumsConfig)
    files = c.SubConfig(FilesConfig)
    # A folder beside mkdocs.yml of <lang>.yml files: the handbook's wording over the engine's
    # interface text (handbook/interface_text/), or a whole table for a language it lacks.
    interface_text = c.Optional(c.Type(str))
