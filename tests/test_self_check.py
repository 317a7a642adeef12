"""The self-check (```uji-diri) as built and as used: markup, escaping, Chromium, and bad blocks.

A tiny site (tests/fixtures/blocks/_base: a character page with a self-check in both languages, a
case with its timings, a trainer guide with a session plan) is built with the real hooks and
assets. Expectations come from the fixture's YAML, read here with PyYAML (not through the code under test): every
question, option and feedback must be in the HTML exactly as written, in the contract's places.
"""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, TINY_NAV, mkdocs_build, tiny_handbook

FIXTURES = ROOT / "tests" / "fixtures" / "blocks"
NAV = TINY_NAV
BEST = {"id": "Jawaban terbaik.", "en": "Best answer."}
PAGES = {"id": "karakter/integritas/index.html", "en": "en/karakter/integritas/index.html"}


def plain(text: str) -> str:
    """A block's text as a reader sees it: one line, *emphasis* marks gone."""
    return re.sub(r"\*(\S(?:.*?\S)?)\*", r"\1", " ".join(text.split()))


def fenced_yaml(path, kind: str):
    """The YAML of the one ```kind block of a fixture page, read with PyYAML: the expectations do not
    go through scripts/handbook/blocks.py, the code under test."""
    text = path.read_text(encoding="utf-8")
    (body,) = re.findall(rf"^```{kind}\n(.*?)^```", text, re.S | re.M)
    return yaml.safe_load(body)


def questions(lang: str) -> list[dict]:
    return fenced_yaml(FIXTURES / "_base" / "docs" / "karakter" / f"integritas.{lang}.md", "uji-diri")


def build(folder, docs_from=("_base",), nav=NAV):
    return mkdocs_build(tiny_handbook(folder, docs_from, nav), folder / "site", site_url="https://example.org/pedoman/")


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("uji-diri")
    result = build(folder)
    assert result.returncode == 0, result.stderr[-3000:]
    return folder / "site"


def test_fixture_text_holds_the_characters_to_escape():
    """Control: the escaping test below means something only if the YAML holds <, " and &."""
    for lang in ("id", "en"):
        texts = [q["soal"] for q in questions(lang)] + [o[k] for q in questions(lang) for o in q["pilihan"] for k in ("teks", "umpan_balik")]
        assert all(any(ch in text for text in texts) for ch in '<"&'), lang


@pytest.mark.parametrize("lang", ["id", "en"])
def test_markup_follows_the_contract(quiz_site, lang):
    soup = BeautifulSoup((quiz_site / PAGES[lang]).read_text(encoding="utf-8"), "lxml")
    (quiz,) = soup.select("div.uji-diri[data-uji-diri]")
    expected = questions(lang)
    fieldsets = quiz.find_all("fieldset", recursive=False)
    assert [f["id"] for f in fieldsets] == [f"uji-{q['id']}" for q in expected]
    for number, (fieldset, question) in enumerate(zip(fieldsets, expected), start=1):
        assert fieldset["class"] == ["uji-soal"]
        assert fieldset["data-pra-pasca"] == ("true" if question.get("pra_pasca") else "false")
        assert fieldset.legend.get_text() == f"{number}. {plain(question['soal'])}"
        options = question["pilihan"]
        letters = "abcd"[: len(options)]
        radios = fieldset.select(".uji-pilihan > label > input[type=radio]")
        assert [(r["name"], r["value"]) for r in radios] == [(f"uji-{question['id']}", letter) for letter in letters]
        assert [label.span.get_text() for label in fieldset.select(".uji-pilihan > label")] == [plain(o["teks"]) for o in options]
        items = fieldset.select("details.uji-pembahasan > ol.uji-umpan-balik[type=a] > li")
        assert fieldset.select_one("details.uji-pembahasan > summary").get_text().strip()
        assert [li["data-pilihan"] for li in items] == list(letters)
        assert [li["data-benar"] for li in items].count("true") == 1
        for li, option in zip(items, options):
            best = option.get("benar") is True
            assert li["data-benar"] == ("true" if best else "false")
            assert li.get_text() == (f"{BEST[lang]} " if best else "") + plain(option["umpan_balik"])
            assert (li.strong is not None and li.strong.get_text() == BEST[lang]) == best
        result = fieldset.select_one("p.uji-hasil[aria-live=polite]")
        assert result is not None and result.get_text() == ""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_text_is_escaped_and_emphasis_kept(quiz_site, lang):
    html = (quiz_site / PAGES[lang]).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    quiz = soup.select_one("div.uji-diri")
    assert quiz.find("khusus") is None and quiz.find("special") is None  # '<khusus>' stayed text
    assert "&lt;khusus&gt;" in html or "&lt;special&gt; lane" in html
    assert "&quot;&lt; 10&quot;" in html and "&amp; " in html
    # The only elements in the quiz are the contract's, and the *ohoi* emphasis.
    assert {tag.name for tag in quiz.find_all(True)} == {"fieldset", "legend", "div", "label", "input", "span", "details", "summary", "ol", "li", "strong", "p", "em"}
    assert [em.get_text() for em in quiz.find_all("em")] == ["ohoi"]


def test_assets_are_on_the_page(quiz_site):
    soup = BeautifulSoup((quiz_site / PAGES["id"]).read_text(encoding="utf-8"), "lxml")
    assert any(s.get("src", "").endswith("assets/javascripts/uji-diri.js") for s in soup.find_all("script"))
    assert (quiz_site / "assets" / "javascripts" / "uji-diri.js").is_file()
    assert any(".uji-pilihan" in (style.string or "") for style in soup.find_all("style"))  # inlined online


@pytest.mark.parametrize("lang", ["id", "en"])
def test_timings_and_session_plan_are_tables_with_totals(quiz_site, lang):
    prefix = "en/" if lang == "en" else ""
    data = fenced_yaml(FIXTURES / "_base" / "docs" / "studi-kasus" / f"hadiah-upacara-adat.{lang}.md", "jadwal-kasus")
    soup = BeautifulSoup((quiz_site / prefix / "studi-kasus/hadiah-upacara-adat/index.html").read_text(encoding="utf-8"), "lxml")
    tables = soup.select("article table")
    assert len(tables) == 2
    for table, version in zip(tables, ("singkat", "penuh")):
        rows = [[cell.get_text() for cell in row.find_all("td")] for row in table.select("tbody tr")]
        assert rows[:-1] == [[str(step["menit"]), step["kegiatan"]] for step in data[version]]
        assert rows[-1][0] == str(sum(step["menit"] for step in data[version]))
        assert table.find_previous("p").strong.get_text()  # the heading line above each table
    guide = BeautifulSoup((quiz_site / prefix / "pelatih/index.html").read_text(encoding="utf-8"), "lxml")
    (table,) = guide.select("article table")
    links = [a["href"] for a in table.find_all("a")]
    assert links == ["../studi-kasus/hadiah-upacara-adat/"] * 2
    minutes = [int(row.find("td").get_text()) for row in table.select("tbody tr")]
    # 10 + 20 (the short version) + the case's durasi + 15, and the total row.
    durasi = yaml.safe_load((FIXTURES / "_base" / "docs" / "studi-kasus" / f"hadiah-upacara-adat.{lang}.md").read_text(encoding="utf-8").split("---")[1])["durasi"]
    assert minutes == [10, 20, durasi, 15, 10 + 20 + durasi + 15]


@pytest.mark.parametrize(
    "defect, page, text, message",
    [
        ("bad_yaml", "kuis.id.md", "soal: Pertanyaan: dua?", "BAD_BLOCK: the ```uji-diri block is not valid YAML"),
        ("option_without_feedback", "kuis.id.md", "- id: tiga", "BAD_BLOCK: question 3, option 2 lacks 'umpan_balik'"),
        ("session_unknown_case", "pelatih/index.en.md", "kasus: hadiah-di-upacara", "TIMING: no case 'hadiah-di-upacara'"),
    ],
)
def test_block_the_build_cannot_render_fails_it_at_its_line(tmp_path, defect, page, text, message):
    nav = NAV + (["kuis.md"] if page.startswith("kuis") else [])
    result = build(tmp_path, docs_from=("_base", defect), nav=nav)
    assert result.returncode != 0
    lines = (FIXTURES / defect / "docs" / page).read_text(encoding="utf-8").splitlines()
    line = next(n for n, written in enumerate(lines, start=1) if text in written)
    if defect == "option_without_feedback":
        line = next(n for n, written in enumerate(lines[line:], start=line + 1) if "- teks: Pilihan 2." in written)
    assert f"docs/{page}:{line}: {message}" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------------------------------------
# In Chromium, from file://


def storage(tab) -> dict:
    return tab.evaluate(
        "() => ({local: Object.assign({}, localStorage), session: Object.assign({}, sessionStorage), cookie: document.cookie})"
    )


def test_choosing_an_option_shows_its_feedback(quiz_site, page):
    page.goto((quiz_site / PAGES["id"]).as_uri())
    page.wait_for_load_state("load")
    before, requests = storage(page), len(page.requested)
    for question in questions("id"):
        fieldset = page.locator(f"#uji-{question['id']}")
        result = fieldset.locator(".uji-hasil")
        assert result.inner_text() == "" and not result.is_visible()
        for letter, option in zip("abcd", question["pilihan"]):
            fieldset.locator(f"input[value={letter}]").check()
            shown = " ".join(result.inner_text().split())
            assert plain(option["umpan_balik"]) in shown
            if option.get("benar"):
                assert "Jawaban terbaik." in shown and "Belum jawaban terbaik." not in shown
            else:
                assert "Belum jawaban terbaik." in shown
            chosen = fieldset.locator("label.uji-dipilih")
            assert chosen.count() == 1 and chosen.locator("input").get_attribute("value") == letter
    assert page.locator(".uji-hasil").first.get_attribute("aria-live") == "polite"
    # Nothing stored, nothing sent: no new request, storage and cookies as they were.
    assert len(page.requested) == requests
    assert all(url.startswith("file://") for url in page.requested), page.requested
    assert storage(page) == before and before["cookie"] == ""
    assert page.context.cookies() == []


def test_without_javascript_the_details_hold_all_feedback(quiz_site, browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto((quiz_site / PAGES["en"]).as_uri())
        for question in questions("en"):
            fieldset = tab.locator(f"#uji-{question['id']}")
            fieldset.locator("input").first.check()
            assert fieldset.locator(".uji-hasil").inner_text() == ""  # no script, no live answer
            fieldset.locator("summary").click()
            items = fieldset.locator(".uji-umpan-balik li")
            assert items.count() == len(question["pilihan"])
            for index, option in enumerate(question["pilihan"]):
                assert items.nth(index).is_visible()
                assert plain(option["umpan_balik"]) in " ".join(items.nth(index).inner_text().split())
    finally:
        context.close()
