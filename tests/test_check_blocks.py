"""scripts/handbook/commands/check_content.py on the blocks for class (uji-diri, jadwal-kasus, jadwal-sesi) and tokoh.

Each fixture in tests/fixtures/blocks/<defect>/docs/ overlays tests/fixtures/blocks/_base/docs/ (a
character page with a self-check, a case with its timings, the trainer guide with a session plan,
in both languages) with the page that holds the defect. Sixteen plain cases are added to every
fixture so the coverage rule is met, and the clean fixture exits 0 with nothing printed.

Expected lines are derived from the fixture files, not copied from the output: each defect names
the file, the code and the text of the line at fault; the test finds that line in the file.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import LANGUAGES, ROOT, run_script
from handbook import vocabulary

FIXTURES = ROOT / "tests" / "fixtures" / "blocks"
LINE = re.compile(r"^(docs/\S+\.md):(\d+): ([A-Z_]+): \S")
NAMES = ("Agus", "Benny", "Citra", "Dewi", "Elsa", "Fajar", "Gita", "Hana", "Indah", "Joko", "Karel", "Lina", "Markus", "Nando", "Olivia", "Petrus")

# defect -> every problem printed: (file, code, where). `where` is the text of the line at fault,
# or (anchor, text): the first line holding `text` after the line holding `anchor`.
FIRST_BODY_LINE = "first line after the front matter"
FIRST_LINE = "the file's first line (where a missing front-matter key is reported)"
EXPECTED = {
    "bad_yaml": [("kuis.id.md", "BAD_BLOCK", "soal: Pertanyaan: dua?")],
    "unclosed_block": [("kuis.id.md", "BAD_BLOCK", "```uji-diri")],
    "option_without_feedback": [("kuis.id.md", "BAD_BLOCK", ("- id: tiga", "- teks: Pilihan 2."))],
    "unknown_key": [("kuis.id.md", "BAD_BLOCK", "jawaban: a")],
    "pra_pasca_not_boolean": [("kuis.id.md", "BAD_BLOCK", "pra_pasca: ya")],
    "too_few_questions": [("kuis.id.md", "SELF_CHECK", "```uji-diri")],
    "two_best_answers": [("kuis.id.md", "SELF_CHECK", "- id: lima")],
    "no_best_answer": [("kuis.id.md", "SELF_CHECK", "- id: lima")],
    "duplicate_question_id": [("kuis.id.md", "SELF_CHECK", ("- id: tiga", "- id: dua"))],
    "bad_question_id": [("kuis.id.md", "SELF_CHECK", "- id: Soal_Satu")],
    "two_options": [("kuis.id.md", "SELF_CHECK", "- id: dua")],
    "five_options": [("kuis.id.md", "SELF_CHECK", "- id: empat")],
    "empty_feedback": [("kuis.id.md", "SELF_CHECK", ("- id: tiga", "umpan_balik: ''"))],
    "three_pre_post": [("kuis.id.md", "SELF_CHECK", "```uji-diri")],
    "missing_self_check": [("karakter/integritas.id.md", "SELF_CHECK", "{#uji-diri}")],
    "missing_uji_diri_section": [("karakter/integritas.id.md", "MISSING_SECTION", FIRST_BODY_LINE)],
    "parity_question_order": [("kuis.en.md", "SELF_CHECK_PARITY", "- id: tiga")],
    "parity_option_count": [("kuis.en.md", "SELF_CHECK_PARITY", "- id: empat")],
    "parity_best_answer": [("kuis.en.md", "SELF_CHECK_PARITY", "- id: dua")],
    "parity_pre_post": [("kuis.en.md", "SELF_CHECK_PARITY", "- id: satu"), ("kuis.en.md", "SELF_CHECK_PARITY", "- id: lima")],
    "short_version_not_20": [("studi-kasus/hadiah-upacara-adat.id.md", "TIMING", "singkat:")],
    "full_version_not_durasi": [("studi-kasus/hadiah-upacara-adat.en.md", "TIMING", "penuh:")],
    "minutes_not_a_number": [("studi-kasus/hadiah-upacara-adat.id.md", "BAD_BLOCK", "menit: dua puluh")],
    "missing_full_version": [("studi-kasus/hadiah-upacara-adat.id.md", "BAD_BLOCK", "```jadwal-kasus")],
    "missing_case_timing": [("studi-kasus/hadiah-upacara-adat.id.md", "TIMING", "{#catatan-pelatih}")],
    "case_timing_outside_trainer_notes": [("studi-kasus/hadiah-upacara-adat.id.md", "BAD_BLOCK", "```jadwal-kasus")],
    "session_sum": [("pelatih/index.id.md", "TIMING", "durasi: 100")],
    "session_unknown_case": [("pelatih/index.en.md", "TIMING", "kasus: hadiah-di-upacara")],
    "session_case_minutes": [("pelatih/index.id.md", "TIMING", "menit: 40")],
    "session_unknown_version": [("pelatih/index.id.md", "BAD_BLOCK", "versi: pendek")],
    "name_reused": [("studi-kasus/titipan-pasar.id.md", "NAME_REUSED", "tokoh:"), ("studi-kasus/titipan-pasar.en.md", "NAME_REUSED", "tokoh:")],
    "name_not_in_text": [("studi-kasus/hadiah-upacara-adat.id.md", "BAD_VALUE", "tokoh:"), ("studi-kasus/hadiah-upacara-adat.en.md", "BAD_VALUE", "tokoh:")],
    "name_with_title": [("studi-kasus/hadiah-upacara-adat.id.md", "BAD_VALUE", "tokoh:"), ("studi-kasus/hadiah-upacara-adat.en.md", "BAD_VALUE", "tokoh:")],
    "names_differ_between_languages": [("studi-kasus/hadiah-upacara-adat.en.md", "BAD_VALUE", "tokoh:")],
    "missing_tokoh": [("studi-kasus/hadiah-upacara-adat.id.md", "MISSING_KEY", FIRST_LINE)],
    # Self-checks that test understanding (self_check_form.py; templates.md, "Writing a self-check question").
    "best_option_stands_out_by_length": [("kuis.id.md", "SELF_CHECK_FORM", "- id: tiga")],
    "best_answer_always_longest": [("kuis.id.md", "SELF_CHECK_GUESS", "- id: satu")],
    "missing_tokoh_on_value_page": [("karakter/integritas.id.md", "MISSING_KEY", FIRST_LINE), ("karakter/integritas.en.md", "MISSING_KEY", FIRST_LINE)],
    # Trainer-only material (handbook/trainer_only.py): a block left open would swallow the page.
    "trainer_only_block_never_closed": [("studi-kasus/hadiah-upacara-adat.id.md", "BAD_BLOCK", '<div class="trainer-only" markdown>')],
    # A name in a self-check is a person too: the case that uses it again is reported.
    "self_check_name_used_in_a_case": [("studi-kasus/latihan-07.id.md", "NAME_REUSED", "tokoh:"), ("studi-kasus/latihan-07.en.md", "NAME_REUSED", "tokoh:")],
}


# The fixture's own value and context pages (_base/docs): every case names them.
FIXTURE_VALUE, FIXTURE_CONTEXT = "integritas", "wilayah-kepulauan"


def coverage_case(number: int, lang: str) -> str:
    """A plain case of the fixture's value and context, with one invented person."""
    name = NAMES[number]
    notice = "Kasus ilustratif; nama rekaan." if lang == "id" else "An illustrative case; the names are invented."
    sections = "".join(f"## {ident} {{#{ident}}}\n\n{name} {ident}.\n\n" for ident in vocabulary.TEMPLATE_SECTIONS["cases"])
    return (
        f"---\ntitle: Kasus {name}\nringkas: {name}.\nkarakter: [{FIXTURE_VALUE}]\n"
        f"konteks: [{FIXTURE_CONTEXT}]\ndurasi: 30\ntokoh: [{name}]\n---\n\n"
        f'!!! note "{name}"\n    {notice}\n\n{sections}'
        "```jadwal-kasus\nsingkat:\n  - {menit: 20, kegiatan: Diskusi}\npenuh:\n  - {menit: 30, kegiatan: Diskusi}\n```\n"
    )


def make_docs(defect: str, folder):
    docs = folder / "docs"
    shutil.copytree(FIXTURES / "_base" / "docs", docs)
    if defect != "clean":
        shutil.copytree(FIXTURES / defect / "docs", docs, dirs_exist_ok=True)
    for number in range(len(NAMES)):
        for lang in LANGUAGES:
            (docs / "studi-kasus" / f"latihan-{number:02d}.{lang}.md").write_text(coverage_case(number, lang), encoding="utf-8")
    shutil.copy(ROOT / "includes" / "abbreviations.md", folder / "abbreviations.md")
    return docs


def check(folder):
    return run_script("check_content.py", "--docs", str(folder / "docs"), "--abbreviations", str(folder / "abbreviations.md"))


def line_of(path, where) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    if where == FIRST_LINE:
        return 1
    if where == FIRST_BODY_LINE:
        return [n for n, line in enumerate(lines, start=1) if line == "---"][1] + 1
    anchor, text = where if isinstance(where, tuple) else (None, where)
    start = next(n for n, line in enumerate(lines) if anchor in line) if anchor else 0
    found = [n for n, line in enumerate(lines[start:], start=start + 1) if text in line]
    assert found, f"{text!r} is not in {path}"
    if anchor is None:
        assert len(found) == 1, f"{text!r} is on several lines of {path}: {found}"
    return found[0]


def printed(result) -> list[tuple[str, int, str]]:
    found = []
    for line in result.stdout.splitlines():
        match = LINE.match(line)
        assert match, f"not a 'file:line: CODE: message' line: {line}"
        found.append((match.group(1), int(match.group(2)), match.group(3)))
    return sorted(found)


def test_clean_fixture_passes(tmp_path):
    make_docs("clean", tmp_path)
    result = check(tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_every_defect_has_a_fixture_and_the_reverse():
    folders = {path.name for path in FIXTURES.iterdir() if path.is_dir() and not path.name.startswith("_")}
    assert folders == set(EXPECTED)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Each defect's fixture and what the check printed for it, made once for this file's tests."""
    done = {}

    def of(defect: str):
        if defect not in done:
            folder = tmp_path_factory.mktemp(defect)
            done[defect] = (make_docs(defect, folder), check(folder))
        return done[defect]

    return of


@pytest.mark.parametrize("defect", sorted(EXPECTED))
def test_defect_is_reported_with_its_code(defect, checked):
    result = checked(defect)[1]
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert {code for _, _, code in printed(result)} == {code for _, code, _ in EXPECTED[defect]}, result.stdout


@pytest.mark.parametrize("defect", sorted(EXPECTED))
def test_defect_is_reported_at_the_line_at_fault(defect, checked):
    docs, result = checked(defect)
    expected = sorted((f"docs/{name}", line_of(docs / name, where), code) for name, code, where in EXPECTED[defect])
    assert printed(result) == expected


def test_messages_name_the_other_case_and_the_sums(checked):
    assert "NAME_REUSED: 'Kristina' is already a person in docs/studi-kasus/hadiah-upacara-adat.id.md" in checked("name_reused")[1].stdout
    # 10 + 20 (singkat) + 45 (penuh, the case's durasi) + 15 = 90, against durasi: 100.
    assert "TIMING: the activities add up to 90 minutes, but durasi is 100" in checked("session_sum")[1].stdout


def test_yaml_error_is_a_problem_not_a_traceback(checked):
    result = checked("bad_yaml")[1]
    assert "is not valid YAML" in result.stdout and "Traceback" not in result.stderr


def test_block_inside_another_fence_is_an_example_not_a_block():
    from handbook.blocks import find_blocks

    text = "Teks.\n\n````markdown\n```uji-diri\n- id: x\n```\n````\n\n  ```jadwal-kasus\n  singkat: []\n  ```\n"
    found = find_blocks(text, first_line=10)
    assert [(block.kind, block.line, block.source) for block in found] == [("jadwal-kasus", 18, "singkat: []\n")]
