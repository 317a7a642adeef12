"""The offline downloads, read back as a reader gets them: the PDFs, the downloads page, the zip.

Everything here inspects the files `make site` produced in this session (conftest's
``handbook_build``): PDFs through pypdf and poppler, the downloads page through its HTML.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import zipfile

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, SUBPATH_SITE_URL, download_name
from handbook.downloads import kit

BOOKS = {lang: download_name("book", lang) for lang in ("id", "en")}
# The trainer's kit (participant cards, trainer edition, character handouts): see test_trainer_kit.py.
KIT = sorted(download_name(option, lang) for option in kit.FILES.values() for lang in ("id", "en"))
ZIP = download_name("offline_zip")
A4_POINTS = (595.28, 841.89)
TOC_LINE = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)\s*$")


def _nav_sources() -> list[str]:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        nav = yaml_load(file)["nav"]
    found = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            walk(value) if isinstance(value, list) else found.append(value)

    walk(nav)
    return found


def _online(source: str, lang: str) -> str:
    path = source.removesuffix(".md")
    path = path.removesuffix("index") if path.endswith("index") else path + "/"
    return SUBPATH_SITE_URL + ("en/" if lang == "en" else "") + path


def _title(built_site, source: str, lang: str) -> str:
    """The page's title as the site shows it (its h1)."""
    stem = source.removesuffix(".md")
    folder = "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/"
    path = built_site / ("en/" if lang == "en" else "") / folder / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article h1").get_text(strip=True)


def _start_pages(texts: list[str], url: str) -> list[int]:
    """1-based pages on which ``url`` stands on a line of its own: under a page title (the cover,
    page 1, shows the site's address the same way and is left out)."""
    pattern = re.compile(rf"^{re.escape(url)}\s*$", re.M)
    return [number for number, text in enumerate(texts, start=1) if number > 1 and pattern.search(text)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_book_has_every_nav_page_in_order_under_its_online_url(pdf_text, lang):
    texts = pdf_text(BOOKS[lang])
    starts = []
    for source in _nav_sources():
        found = _start_pages(texts, _online(source, lang))
        assert len(found) == 1, f"{BOOKS[lang]}: {source} should start on exactly one page, found {found}"
        starts.append(found[0])
    assert starts == sorted(starts) and len(set(starts)) == len(starts), starts


@pytest.mark.parametrize("lang", ["id", "en"])
def test_book_contents_page_numbers_point_at_the_pages(pdf_text, built_site, lang):
    texts = pdf_text(BOOKS[lang])
    contents = {}
    for text in texts[1:6]:
        for line in text.splitlines():
            match = TOC_LINE.match(line.strip())
            if match:
                contents[match["title"].strip()] = int(match["page"])
    sources = _nav_sources()
    assert len(contents) == len(sources), f"contents lists {len(contents)} of {len(sources)} pages: {contents}"
    for source in sources:
        title = _title(built_site, source, lang)
        assert title in contents, f"{title!r} missing from the contents: {sorted(contents)}"
        assert _start_pages(texts, _online(source, lang)) == [contents[title]], f"{title}: contents says p. {contents[title]}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_book_cover_names_title_language_version_and_date(pdf_text, lang):
    cover = pdf_text(BOOKS[lang])[0]
    version = subprocess.run(["git", "rev-parse", "--short=10", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    expected = {
        "id": ["Pedoman ASN Maluku Tenggara", "BAHASA INDONESIA", f"Versi {version}", "15 Juni 2025"],
        "en": ["Civil Servant Handbook", "ENGLISH", f"Version {version}", "15 June 2025"],
    }[lang]
    for words in expected:
        assert words in cover.replace("\n", " "), f"cover lacks {words!r}: {cover!r}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_book_is_a4_with_page_numbers_and_running_titles(downloads, pdf_text, lang):
    reader = PdfReader(downloads / BOOKS[lang])
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4_POINTS
    texts = pdf_text(BOOKS[lang])
    book_title = "Pedoman ASN Maluku Tenggara" if lang == "id" else "Civil Servant Handbook, Maluku Tenggara"
    for number, text in enumerate(texts[2:], start=3):  # after the cover and the first contents page
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert str(number) in lines, f"page {number} shows no page number"
        assert book_title in text, f"page {number} has no running title"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_book_bookmarks_pages_and_their_sections(downloads, built_site, lang):
    reader = PdfReader(downloads / BOOKS[lang])
    outline = reader.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    titles = [_title(built_site, source, lang) for source in _nav_sources()]
    assert top[1:] == titles, "the first bookmark is the contents, then one per page in nav order"
    integrity = top.index(_title(built_site, "karakter/integritas.md", lang))
    children = outline[outline.index(next(i for i in outline if not isinstance(i, list) and i.title == top[integrity])) + 1]
    heading = "Perilaku kunci" if lang == "id" else "Key behaviours"
    assert any(not isinstance(child, list) and child.title == heading for child in children), children


@pytest.mark.parametrize("lang", ["id", "en"])
def test_book_links_between_pages_stay_inside_the_pdf(downloads, lang):
    reader = PdfReader(downloads / BOOKS[lang])
    internal, external = 0, []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if annotation.get("/Dest") is not None or (action and action.get("/S") == "/GoTo"):
                internal += 1
            elif action and action.get("/S") == "/URI":
                external.append(action["/URI"])
    # The contents alone link every page of the nav once; the pages' own links come on top.
    assert internal > len(_nav_sources()), f"only {internal} internal links for {len(_nav_sources())} pages"
    book_pages = {_online(source, lang) for source in _nav_sources()}
    leaks = [url for url in external if url.split("#")[0] in book_pages]
    assert leaks == [], f"links to pages of the book that leave the PDF: {leaks[:5]}"


def test_book_prints_external_links_and_keeps_internal_ones_inside(tmp_path):
    """On a two-page built site: an external link shows its URL in print; a link to the other page,
    relative or by its absolute online address, becomes a link inside the PDF."""
    from handbook.downloads import book, pdf

    article = '<html><body><article class="md-content__inner"><h1>{title}</h1>{body}</article></body></html>'
    (tmp_path / "index.html").write_text(article.format(title="Beranda", body=(
        '<p><a href="https://peraturan.example.net/uu-25-2009">UU 25/2009</a>, '
        '<a href="lain.html#bagian">relatif</a>, <a href="https://example.org/pedoman/lain/#bagian">mutlak</a></p>')))
    (tmp_path / "lain.html").write_text(article.format(title="Lain", body='<h2 id="bagian">Bagian</h2><p>Isi.</p>'))
    pages = [book.BookPage("index.md", "id"), book.BookPage("lain.md", "id")]
    cover = book.Cover("Uji", "Sub", "v1", "2025-06-15", "15 Juni 2025")
    document = book.assemble(tmp_path, pages, "id", cover, SUBPATH_SITE_URL, (ROOT / "scripts/handbook/downloads/print.css").read_text())
    assert pdf.render(document, tmp_path, tmp_path / "uji.pdf") >= 3
    text = subprocess.run(["pdftotext", str(tmp_path / "uji.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "(https://peraturan.example.net/uu-25-2009)" in text.replace("\n", "")
    uris, internal = [], 0
    for page in PdfReader(tmp_path / "uji.pdf").pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and action.get("/S") == "/URI":
                uris.append(action["/URI"])
            elif annotation.get_object().get("/Dest") is not None or (action and action.get("/S") == "/GoTo"):
                internal += 1
    assert set(uris) == {"https://peraturan.example.net/uu-25-2009"}  # one box per line of the link
    assert internal >= 2 + 2  # the two links in the text, and the contents page's two entries


@pytest.mark.parametrize("name", [*BOOKS.values(), *KIT])
def test_pdfs_embed_the_project_fonts(downloads, name):
    fonts = subprocess.run(["pdffonts", str(downloads / name)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all("DejaVu" in row for row in rows), fonts
    assert all(row.split()[-5] == "yes" for row in rows), f"a font is not embedded:\n{fonts}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_book_renders_the_picture_of_the_eight_with_its_labels(pdf_text, lang):
    texts = pdf_text(BOOKS[lang])
    page = _start_pages(texts, _online("karakter/index.md", lang))[0]
    label = "Kesadaran" if lang == "id" else "Awareness"
    assert label in texts[page - 1] + texts[page], "the SVG picture's labels are not in the PDF"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_heading_ends_a_page(pdf_text, built_site, lang):
    """A section heading is never the last line of a PDF page (break-after: avoid)."""
    headings = set()
    for path in (built_site / ("en" if lang == "en" else "")).rglob("index.html"):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        headings.update(h.get_text(strip=True).rstrip("¶") for h in html.select("article h2, article h3"))
    for number, text in enumerate(pdf_text(BOOKS[lang]), start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().isdigit()]
        if lines:
            assert lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_downloads_page_lists_every_file_with_size_date_and_sha256(built_site, downloads, lang):
    page = built_site / ("en/" if lang == "en" else "") / "unduhan" / "index.html"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    rows = html.select_one("h2#berkas").find_next("table").select("tbody tr")
    names = [row.a.get_text() for row in rows]
    assert sorted(names) == sorted({*BOOKS.values(), *KIT, ZIP})
    assert "kartu-kasus-id.pdf" not in names and "kartu-kasus-en.pdf" not in names  # the old cards gave away the answers
    date = "15 Juni 2025" if lang == "id" else "15 June 2025"
    for row in rows:
        cells = [cell.get_text(strip=True) for cell in row.find_all("td")]
        served = (page.parent / row.a["href"]).resolve()
        data = served.read_bytes()
        assert data == (downloads / cells[0]).read_bytes(), f"{served} is not the file that was rendered"
        assert cells[4] == hashlib.sha256(data).hexdigest()
        assert cells[3] == date
        assert re.fullmatch(r"\d+[.,]\d (KB|MB)", cells[2]), cells[2]
    for kind, option in kit.FILES.items():  # the kit's files say who they are for
        for file_lang in ("id", "en"):
            row = next(row for row in rows if row.a.get_text() == download_name(option, file_lang))
            assert " ".join(kit.LABELS[lang]["file_for"][kind].split()) in " ".join(row.find_all("td")[1].get_text(" ").split())
    participant = next(row for row in rows if row.a.get_text() == download_name(kit.FILES["participant"], lang))
    trainer = next(row for row in rows if row.a.get_text() == download_name(kit.FILES["trainer"], lang))
    assert {"id": "untuk dibagikan kepada peserta", "en": "to hand out to participants"}[lang] in participant.get_text().lower()
    assert {"id": "hanya untuk pelatih", "en": "for trainers only"}[lang] in trainer.get_text().lower()


def test_zip_holds_both_languages_without_source_maps_or_third_party_urls(downloads, tmp_path):
    with zipfile.ZipFile(downloads / ZIP) as archive:
        names = archive.namelist()
        assert all(name.startswith("pedoman-asn-malra/") for name in names)
        assert {"pedoman-asn-malra/index.html", "pedoman-asn-malra/en/index.html", "pedoman-asn-malra/search/search_index.js"} <= set(names)
        assert not [name for name in names if name.endswith(".map")]
        for name in names:
            if name.endswith(".html"):
                text = archive.read(name).decode("utf-8")
                assert "unpkg.com" not in text and "fonts.googleapis" not in text, name
