"""Renderer tests in the style of pymdown-extensions' own: Markdown (or HTML) in, exact HTML out.

Fast and exact: each renderer is called in-process on a few lines, and its whole output compared
with the HTML written below, so a change to the markup a stylesheet, script, PDF job or screen
reader relies on shows up as a diff here first. The blocks go through the content_blocks hook and
then Python-Markdown, as a page does in a build; the banners, alternates and the linked page form
are the hooks' own functions on a small input.
"""

from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from conftest import write_fixture_config

from handbook import interface
from handbook import translations as tr


def hook(name: str):
    """One step of the handbook plugin (handbook/plugin/hooks/<name>.py)."""
    return importlib.import_module(f"handbook.plugin.hooks.{name}")


CONTENT_BLOCKS = hook("content_blocks")
OFFLINE_FIRST = hook("offline_first")
BANNERS = hook("translation_banners")


def render(docs_root: Path, page_text: str, src: str, lang: str = "id") -> str:
    """The page's body through the content_blocks hook, then Python-Markdown (as MkDocs renders it)."""
    docs = docs_root / "docs"
    for path, text in SUPPORT_PAGES.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    source = docs / src
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(page_text, encoding="utf-8")
    # A real configuration (the handbook plugin with a cases section), in the page's language.
    config = load_config(str(write_fixture_config(docs_root, ["index.md"], sections={"cases": "studi-kasus"})))
    config.plugins["i18n"].current_language = lang
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(source), src_uri=src))
    body = page_text.split("---\n", 2)[2]
    converted = CONTENT_BLOCKS.on_page_markdown(body, page, config, None, state={})
    return markdown.markdown(converted, extensions=["attr_list", "md_in_html", "tables"])


def check(docs_root: Path, page_text: str, src: str, expected: str, lang: str = "id") -> None:
    assert render(docs_root, textwrap.dedent(page_text), src, lang) == textwrap.dedent(expected).strip("\n")


# A case the session plan can name (its front matter gives the title and the full duration).
SUPPORT_PAGES = {
    "studi-kasus/perahu-terlambat.id.md": "---\ntitle: Perahu \"Terlambat\"\ndurasi: 40\n---\n\nTeks.\n",
    "studi-kasus/perahu-terlambat.en.md": "---\ntitle: The <Late> Boat\ndurasi: 40\n---\n\nText.\n",
}


def test_self_check_is_fieldsets_radios_and_feedback_all_text_escaped(tmp_path):
    check(tmp_path, '''\
        ---
        title: Uji
        ---

        ```uji-diri
        - id: hadiah
          pra_pasca: true
          soal: Warga memberi *ikan asap* "terima kasih" <b>.
          pilihan:
            - teks: Menolak dengan sopan.
              benar: true
              umpan_balik: Tepat.
            - teks: Menerima diam-diam.
              umpan_balik: Ini **gratifikasi**.
            - teks: Menerima lalu membagi & mencatat.
              umpan_balik: Tetap <i>gratifikasi</i>.
        ```
        ''', "karakter/uji.id.md", '''
        <div class="uji-diri" data-uji-diri>
        <fieldset class="uji-soal" id="uji-hadiah" data-pra-pasca="true"><legend>1. Warga memberi <em>ikan asap</em> &quot;terima kasih&quot; &lt;b&gt;.</legend><div class="uji-pilihan"><label><input type="radio" name="uji-hadiah" value="a"> <span>Menolak dengan sopan.</span></label><label><input type="radio" name="uji-hadiah" value="b"> <span>Menerima diam-diam.</span></label><label><input type="radio" name="uji-hadiah" value="c"> <span>Menerima lalu membagi &amp; mencatat.</span></label></div><details class="uji-pembahasan"><summary>Pembahasan</summary><ol class="uji-umpan-balik" type="a"><li data-pilihan="a" data-benar="true"><strong>Jawaban terbaik.</strong> Tepat.</li><li data-pilihan="b" data-benar="false">Ini <strong>gratifikasi</strong>.</li><li data-pilihan="c" data-benar="false">Tetap &lt;i&gt;gratifikasi&lt;/i&gt;.</li></ol></details><p class="uji-hasil" aria-live="polite"></p></fieldset>
        </div>
        ''')


def test_self_check_labels_follow_the_page_language(tmp_path):
    html = render(tmp_path, textwrap.dedent('''\
        ---
        title: Quiz
        ---

        ```uji-diri
        - id: gift
          soal: A resident offers smoked fish.
          pilihan:
            - {teks: Decline politely., benar: true, umpan_balik: Right.}
            - {teks: Accept quietly., umpan_balik: A gratuity.}
            - {teks: Accept and share., umpan_balik: Still a gratuity.}
        ```
        '''), "karakter/quiz.en.md", lang="en")
    labels = interface.labels("content_blocks")["en"]
    assert f"<summary>{labels['feedback']}</summary>" in html and f"<strong>{labels['best']}</strong> Right." in html, html
    assert 'data-pra-pasca="false"' in html


def test_block_the_hook_cannot_render_is_an_error_at_its_file_and_line(tmp_path):
    with pytest.raises(PluginError, match=r"^docs/karakter/rusak\.id\.md:9: BAD_BLOCK: .*'terbaik'"):
        render(tmp_path, "---\ntitle: Rusak\n---\n\n```uji-diri\n- id: x\n  soal: S\n  pilihan:\n    - {teks: A, umpan_balik: B, terbaik: true}\n    - {teks: C, umpan_balik: D}\n    - {teks: E, umpan_balik: F}\n```\n", "karakter/rusak.id.md")


CASE_PAGE = """\
---
title: Kasus uji
durasi: 40
---

```jadwal-kasus
singkat:
  - {menit: 5, kegiatan: "Bacakan situasi & dilema"}
  - {menit: 15, kegiatan: "Kelompok | pleno"}
penuh:
  - {menit: 10, kegiatan: "Bacakan <situasi>"}
  - {menit: 30, kegiatan: "Kelompok dan pleno"}
```
"""

SESSION_PAGE = """\
---
title: Trainer guide
---

```jadwal-sesi
durasi: 60
kegiatan:
  - {menit: 20, kegiatan: "Opening: the Regent's \\"eight\\""}
  - {kasus: perahu-terlambat, versi: singkat}
  - {menit: 20, kegiatan: "Reflection"}
```
"""

CASE_TIMING_HTML = """
<p><strong>Versi 20 menit</strong></p>
<table>
<thead>
<tr>
<th style="text-align: right;">Menit</th>
<th style="text-align: left;">Kegiatan</th>
</tr>
</thead>
<tbody>
<tr>
<td style="text-align: right;">5</td>
<td style="text-align: left;">Bacakan situasi &amp; dilema</td>
</tr>
<tr>
<td style="text-align: right;">15</td>
<td style="text-align: left;">Kelompok &#124; pleno</td>
</tr>
<tr>
<td style="text-align: right;"><strong>20</strong></td>
<td style="text-align: left;"><strong>Jumlah</strong></td>
</tr>
</tbody>
</table>
<p><strong>Versi penuh (40 menit)</strong></p>
<table>
<thead>
<tr>
<th style="text-align: right;">Menit</th>
<th style="text-align: left;">Kegiatan</th>
</tr>
</thead>
<tbody>
<tr>
<td style="text-align: right;">10</td>
<td style="text-align: left;">Bacakan &lt;situasi&gt;</td>
</tr>
<tr>
<td style="text-align: right;">30</td>
<td style="text-align: left;">Kelompok dan pleno</td>
</tr>
<tr>
<td style="text-align: right;"><strong>40</strong></td>
<td style="text-align: left;"><strong>Jumlah</strong></td>
</tr>
</tbody>
</table>
"""

SESSION_HTML = """
<table>
<thead>
<tr>
<th style="text-align: right;">Minutes</th>
<th style="text-align: left;">Activity</th>
</tr>
</thead>
<tbody>
<tr>
<td style="text-align: right;">20</td>
<td style="text-align: left;">Opening: the Regent's "eight"</td>
</tr>
<tr>
<td style="text-align: right;">20</td>
<td style="text-align: left;">Case study: <a href="../studi-kasus/perahu-terlambat.md">The &lt;Late&gt; Boat</a>, 20-minute version</td>
</tr>
<tr>
<td style="text-align: right;">20</td>
<td style="text-align: left;">Reflection</td>
</tr>
<tr>
<td style="text-align: right;"><strong>60</strong></td>
<td style="text-align: left;"><strong>Total</strong></td>
</tr>
</tbody>
</table>
"""


def test_case_timing_is_two_tables_with_totals_and_cells_kept_whole(tmp_path):
    """A '|' in an activity stays in its cell; '<' and '&' are text."""
    check(tmp_path, CASE_PAGE, "studi-kasus/kasus-uji.id.md", CASE_TIMING_HTML)


def test_session_plan_links_its_case_by_title_in_the_page_language(tmp_path):
    """The case row takes the case's English title (escaped) and its short version's 20 minutes."""
    check(tmp_path, SESSION_PAGE, "pelatih/index.en.md", SESSION_HTML, lang="en")


def test_session_naming_an_unknown_case_is_an_error_at_its_line(tmp_path):
    page = SESSION_PAGE.replace("perahu-terlambat", "perahu-hilang")
    with pytest.raises(PluginError, match=r"^docs/pelatih/index\.en\.md:\d+: .*perahu-hilang"):
        render(tmp_path, page, "pelatih/index.en.md", lang="en")


# --- translation banners --------------------------------------------------------------------

def _parsed(folder: Path, name: str, text: str) -> tr.ParsedPage:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tr.parse(path, f"docs/{name}")


def test_stale_banner_names_each_stale_section_and_links_the_original(tmp_path):
    source = _parsed(tmp_path, "halaman.id.md", """\
        ---
        title: Halaman
        ---

        Pembuka.

        ## Perilaku <kunci> {#perilaku}

        Teks.

        ## Bagian baru & penting {#baru}

        Teks.
        """)
    english = _parsed(tmp_path, "halaman.en.md", """\
        ---
        title: Page
        ---

        Opening.

        ## Key <behaviours> {#perilaku}

        Text.
        """)
    stale = [tr.Stale(tr.INTRO, "changed"), tr.Stale("perilaku", "changed"), tr.Stale("baru", "new")]
    original = '<a href="../../halaman/" hreflang="id">Indonesian original</a>'
    assert BANNERS.stale_notice(stale, english, source, original, "en", "id") == (
        '<div class="admonition warning pedoman-terjemahan" lang="en">\n'
        '<p class="admonition-title">Translation being updated</p>\n'
        "<p>The Indonesian original of this page has changed since it was translated. These sections have "
        'not been updated in English yet: the introduction, <a href="#perilaku">Key &lt;behaviours&gt;</a> and '
        'a new section, <span lang="id">“Bagian baru &amp; penting”</span>. Until it is updated, read the '
        '<a href="../../halaman/" hreflang="id">Indonesian original</a>.</p>\n'
        "</div>\n"
    )


def test_fallback_banner_says_the_page_is_not_translated_yet():
    assert BANNERS.fallback_notice("en") == (
        '<div class="admonition warning pedoman-terjemahan" lang="en">\n'
        '<p class="admonition-title">Not yet translated</p>\n'
        "<p>This page has not been translated into English yet, so it is shown in the Indonesian original "
        "below. The translation will replace it.</p>\n"
        "</div>\n"
    )


# --- alternates and the linked page form ----------------------------------------------------

def test_alternates_become_absolute_addresses_under_site_url_with_x_default():
    head = (
        '<link rel="alternate" href="../../../karakter/integritas/" hreflang="id">\n'
        '    <link rel="alternate" href="./" hreflang="en">\n'
    )
    assert OFFLINE_FIRST._absolute_alternates(head, "en/karakter/integritas/", "https://example.org/pedoman/") == (
        '<link rel="alternate" href="https://example.org/pedoman/karakter/integritas/" hreflang="id">\n'
        '    <link rel="alternate" href="https://example.org/pedoman/en/karakter/integritas/" hreflang="en">\n'
        '    <link rel="alternate" href="https://example.org/pedoman/karakter/integritas/" hreflang="x-default">\n'
    )


def test_alternates_keep_an_existing_x_default_and_escape_addresses():
    head = (
        '<link rel="alternate" href="./?a=1&amp;b=2" hreflang="id">'
        '<link rel="alternate" href="https://example.org/" hreflang="x-default">'
    )
    assert OFFLINE_FIRST._absolute_alternates(head, "", "https://example.org/") == (
        '<link rel="alternate" href="https://example.org/?a=1&amp;b=2" hreflang="id">'
        '<link rel="alternate" href="https://example.org/" hreflang="x-default">'
    )


def test_linked_form_links_every_inlined_stylesheet_again():
    page = (
        '<head><style data-href="../assets/stylesheets/main.css">body{color:red}\n.a{}</style>'
        '<style>.keep{}</style><style data-href="../assets/stylesheets/pedoman.css">p{}</style></head>'
    )
    assert OFFLINE_FIRST.linked_form(page) == (
        '<head><link rel="stylesheet" href="../assets/stylesheets/main.css">'
        '<style>.keep{}</style><link rel="stylesheet" href="../assets/stylesheets/pedoman.css"></head>'
    )


# --- trainer-only blocks ----------------------------------------------------------------------

def test_trainer_only_blocks_leave_the_page_and_keep_their_section():
    from handbook import trainer_only

    text = textwrap.dedent("""\
        ## Kunci jawaban {#kunci-jawaban}

        Untuk peserta.

        <div class="trainer-only" markdown>
        Jawaban: **b**.
        </div>

        ```markdown
        <div class="trainer-only" markdown>
        contoh, tetap tampil
        </div>
        ```
        """)
    public, parts = trainer_only.split(text)
    assert public == textwrap.dedent("""\
        ## Kunci jawaban {#kunci-jawaban}

        Untuk peserta.


        ```markdown
        <div class="trainer-only" markdown>
        contoh, tetap tampil
        </div>
        ```
        """)
    assert [(part.line, part.section, part.markdown.strip()) for part in parts] == [(5, "kunci-jawaban", "Jawaban: **b**.")]


def reader_markup(text: str, lang: str = "en") -> str:
    """Markdown through the plugin's ReaderMarkup extension, as MkDocs renders a page of ``lang``."""
    from handbook.plugin.reader_markup import ReaderMarkup

    extensions = ["abbr", "tables", "attr_list", "md_in_html", "toc", "pymdownx.tasklist", ReaderMarkup(lambda: lang)]
    configs = {"pymdownx.tasklist": {"custom_checkbox": True}, "toc": {"permalink": True}}
    return markdown.markdown(textwrap.dedent(text), extensions=extensions, extension_configs=configs)


def test_table_cells_carry_their_column_name_and_do_avoid_tables_stack():
    stacked_pair = interface.labels("table_labels")["en"]
    html = reader_markup(f"""\
        | {stacked_pair[0]} | {stacked_pair[1]} |
        |---|---|
        | Listen "first" | Interrupt |

        | Menit | SHA-256 |
        |--:|---|
        | 5 | a&b |
        """)
    assert html == textwrap.dedent(f"""\
        <table data-pedoman-tumpuk="">
        <thead>
        <tr>
        <th>{stacked_pair[0]}</th>
        <th>{stacked_pair[1]}</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td data-label="{stacked_pair[0]}">Listen "first"</td>
        <td data-label="{stacked_pair[1]}">Interrupt</td>
        </tr>
        </tbody>
        </table>
        <table>
        <thead>
        <tr>
        <th style="text-align: right;">Menit</th>
        <th>SHA-256</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td data-label="Menit" style="text-align: right;">5</td>
        <td data-label="SHA-256">a&amp;b</td>
        </tr>
        </tbody>
        </table>""")


def test_a_heading_with_an_abbreviation_and_a_quote_is_one_escaped_label():
    html = reader_markup("""\
        | Peran "ASN" | Catatan |
        |---|---|
        | x | y |

        *[ASN]: Aparatur Sipil Negara
        """)
    assert '<td data-label="Peran &quot;ASN&quot;">x</td>' in html


def test_checklist_boxes_are_named_by_their_item():
    html = reader_markup("""\
        - [ ] Ask the *kepala desa* first, then "the office".
        - [x] Done
        """)
    assert html == textwrap.dedent("""\
        <ul class="task-list">
        <li class="task-list-item"><label class="task-list-control"><input type="checkbox" aria-label="Ask the kepala desa first, then &quot;the office&quot;." disabled/><span class="task-list-indicator"></span></label> Ask the <em>kepala desa</em> first, then "the office".</li>
        <li class="task-list-item"><label class="task-list-control"><input type="checkbox" aria-label="Done" disabled checked/><span class="task-list-indicator"></span></label> Done</li>
        </ul>""")


@pytest.mark.parametrize("lang", interface.languages())
def test_section_headings_get_their_copy_and_cite_buttons_in_the_page_language(lang):
    words = interface.table(lang)["scripts"]
    html = reader_markup("""\
        # Title

        ## Tugas "ASN" *harian* {#tugas}

        Text.

        ### Kecil

        #### Too deep
        """, lang)
    buttons = (
        f'<button aria-label="{words["label"]}{{name}}" class="pedoman-salin" data-search-exclude="" type="button">{words["copy"]}</button>'
        f'<button aria-label="{words["cite_label"]}{{name}}" class="pedoman-kutip" data-search-exclude="" type="button">{words["cite"]}</button>'
    )
    assert html == textwrap.dedent(f"""\
        <h1 id="title">Title<a class="headerlink" href="#title" title="Permanent link">&para;</a></h1>
        <h2 id="tugas">Tugas "ASN" <em>harian</em><a class="headerlink" href="#tugas" title="Permanent link">&para;</a></h2>
        {buttons.format(name='Tugas &quot;ASN&quot; harian')}
        <p>Text.</p>
        <h3 id="kecil">Kecil<a class="headerlink" href="#kecil" title="Permanent link">&para;</a></h3>
        {buttons.format(name='Kecil')}
        <h4 id="too-deep">Too deep<a class="headerlink" href="#too-deep" title="Permanent link">&para;</a></h4>""")


def test_headings_nested_in_a_block_get_their_buttons_too():
    html = reader_markup("""\
        <div markdown>

        ## Inside {#dalam}

        </div>
        """)
    assert '</h2>\n<button aria-label="Copy the link to the section: Inside" class="pedoman-salin"' in html
