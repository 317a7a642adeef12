"""`handbook check content`: the template rules of the brief, one fixture per defect, and the real docs.

Every fixture starts from a clean docs folder written into tmp_path (one character page pair and
enough case pairs to cover every character and context), which must exit 0 with no output; then
one defect is seeded and the test asserts the exact set of `file:line: CODE` the checker prints
and its exit code. Expected line numbers are read from the fixture text, not copied from output.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT, run_script
from handbook import vocabulary

FILLER = " ".join(["Pelayanan yang jujur dan ramah membangun kepercayaan warga."] * 100)
CHARACTER_IDS = list(vocabulary.TEMPLATE_SECTIONS["values"])
CASE_IDS = list(vocabulary.TEMPLATE_SECTIONS["cases"])


# A valid self-check (see tests/test_check_blocks.py for its rules): 5 questions, 2 pra_pasca.
SELF_CHECK = "```uji-diri\n" + "".join(
    f"- id: soal-{n}\n  pra_pasca: {'true' if n < 2 else 'false'}\n  soal: Soal {n}?\n  pilihan:\n"
    + "".join(f"    - teks: Pilihan {k}.\n      benar: {'true' if k == n % 3 else 'false'}\n      umpan_balik: Umpan balik {k}.\n" for k in range(3))
    for n in range(5)
) + "```"
TIMING = "```jadwal-kasus\nsingkat:\n  - {menit: 20, kegiatan: Diskusi}\npenuh:\n  - {menit: 45, kegiatan: Diskusi}\n```\n"
NAMES = ["Kristina", "Lukas", "Maria", "Yosef", "Agustina", "Benediktus", "Klara", "Dominggus",
         "Elisabet", "Fransiskus", "Gerarda", "Hendrikus", "Irene", "Yakobus", "Katarina", "Leonardus", "Magdalena"]


def character_page(lang="id", nomor=1, berakhlak="[akuntabel, loyal]", ids=None, words=FILLER, extra="", title="Integritas"):
    ids = CHARACTER_IDS if ids is None else ids
    check = SELF_CHECK.replace("id: soal-", f"id: {title.lower()}-")
    sections = "".join(f"## Bagian {ident} {{#{ident}}}\n\n{check if ident == 'uji-diri' else f'Teks {ident}.'}\n\n" for ident in ids)
    return f"---\ntitle: {title}\nnomor: {nomor}\nringkas: Jujur.\nberakhlak: {berakhlak}\ntokoh: []\n---\n\n{words}\n\n{sections}{extra}"


CONTEXT_IDS = list(vocabulary.TEMPLATE_SECTIONS["context"])


def context_page(title: str) -> str:
    sections = "".join(f"## Bagian {ident} {{#{ident}}}\n\nTeks {ident}.\n\n" for ident in CONTEXT_IDS)
    return f"---\ntitle: {title}\nringkas: Satu baris.\nkarakter: [integritas]\n---\n\n{sections}"


# The fixture handbook's own values and contexts (its pages): the checker knows no others.
VALUES = ("integritas", "komunikasi")
CONTEXTS = ("wilayah-kepulauan", "adat-dan-keberagaman")


def case_page(karakter="[integritas]", konteks="[wilayah-kepulauan]", notice=True, durasi="45", name="Lukas"):
    head = '!!! note "Kasus ilustratif"\n    Nama rekaan.\n\n' if notice else ""
    sections = "".join(f"## {i} {{#{i}}}\n\nTeks tentang {name}.\n\n" for i in CASE_IDS)
    timing = TIMING.replace("45", durasi) if durasi.isdigit() else TIMING
    return f"---\ntitle: Kasus\nringkas: Satu baris.\nkarakter: {karakter}\nkonteks: {konteks}\ndurasi: {durasi}\ntokoh: [{name}]\n---\n\n{head}{sections}{timing}"


def covering_cases() -> list[str]:
    """Two cases per value as the main one, the contexts in turn: every coverage rule holds."""
    return [
        case_page(karakter=f"[{slug}]", konteks=f"[{CONTEXTS[copy]}, {CONTEXTS[1 - copy]}]", name=NAMES[2 * index + copy + 1])
        for index, slug in enumerate(VALUES)
        for copy in range(2)
    ]


def write_docs(folder, character_id=None, character_en=None, case_id=None, cases=None):
    docs = folder / "docs"
    (docs / "karakter").mkdir(parents=True)
    (docs / "studi-kasus").mkdir()
    (docs / "karakter" / "integritas.id.md").write_text(character_id if character_id is not None else character_page(), encoding="utf-8")
    (docs / "karakter" / "integritas.en.md").write_text(character_en if character_en is not None else character_page("en"), encoding="utf-8")
    (docs / "konteks-lokal").mkdir()
    for lang in ("id", "en"):
        (docs / "karakter" / f"komunikasi.{lang}.md").write_text(character_page(lang, nomor=2, title="Komunikasi"), encoding="utf-8")
        for slug in CONTEXTS:
            (docs / "konteks-lokal" / f"{slug}.{lang}.md").write_text(context_page(slug.replace("-", " ").capitalize()), encoding="utf-8")
    texts = covering_cases() if cases is None else cases
    for number, text in enumerate(texts):
        for lang in ("id", "en"):
            page = case_id if (case_id is not None and number == 0 and lang == "id") else text
            (docs / "studi-kasus" / f"kasus-{number}.{lang}.md").write_text(page, encoding="utf-8")
    shutil.copy(ROOT / "includes" / "abbreviations.md", folder / "abbreviations.md")
    return docs


def check(folder, *extra):
    return run_script("check_content.py", "--docs", str(folder / "docs"), "--abbreviations", str(folder / "abbreviations.md"), *extra)


def reported(result) -> set[tuple[str, str]]:
    """{(file:line, CODE)} of every problem line."""
    found = set()
    for line in result.stdout.splitlines():
        location, code, _ = line.split(": ", 2)
        found.add((location, code))
    return found


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return lines[occurrence - 1]


def test_clean_fixture_exits_0_with_no_output(tmp_path):
    write_docs(tmp_path)
    result = check(tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


CHARACTER = "docs/karakter/integritas.id.md"
CHARACTER_EN = "docs/karakter/integritas.en.md"
CASE = "docs/studi-kasus/kasus-0.id.md"
without_refleksi = [i for i in CHARACTER_IDS if i != "refleksi"]
swapped = [CHARACTER_IDS[1], CHARACTER_IDS[0], *CHARACTER_IDS[2:]]
duplicate = character_page(extra="## Lagi {#makna}\n\nTeks.\n")
short = character_page(words="Terlalu pendek.")
with_acronym = character_page(words=FILLER + "\n\nLaporan ke BKPSDM.")


def body_line(text: str) -> int:
    return line_of(text, "---", 2) + 1


DEFECTS = {
    "missing_section": (dict(character_id=character_page(ids=without_refleksi)), {(f"{CHARACTER}:{body_line(character_page())}", "MISSING_SECTION")}),
    "section_order_in_english": (
        dict(character_en=character_page("en", ids=swapped)),
        {(f"{CHARACTER_EN}:{line_of(character_page('en', ids=swapped), '{#' + CHARACTER_IDS[1] + '}')}", "SECTION_ORDER")},
    ),
    "duplicate_id": (dict(character_id=duplicate), {(f"{CHARACTER}:{line_of(duplicate, '{#makna}', 2)}", "DUPLICATE_ID")}),
    "missing_key": (dict(character_id=character_page().replace("ringkas: Jujur.\n", "")), {(f"{CHARACTER}:1", "MISSING_KEY")}),
    "unknown_berakhlak_value": (dict(character_id=character_page(berakhlak="[akuntabel, jujur]")), {(f"{CHARACTER}:{line_of(character_page(), 'berakhlak:')}", "UNKNOWN_SLUG")}),
    "slug_list_of_mappings": (dict(character_id=character_page(berakhlak="[{a: b}]")), {(f"{CHARACTER}:{line_of(character_page(), 'berakhlak:')}", "BAD_VALUE")}),
    "wrong_number": (dict(character_id=character_page(nomor=3)), {(f"{CHARACTER}:{line_of(character_page(), 'nomor:')}", "BAD_VALUE")}),
    "number_that_is_not_a_number": (dict(character_id=character_page(nomor="true")), {(f"{CHARACTER}:{line_of(character_page(), 'nomor:')}", "BAD_VALUE")}),
    "too_short": (dict(character_id=short), {(f"{CHARACTER}:{body_line(short)}", "TOO_SHORT")}),
    "unknown_character_in_case": (dict(case_id=case_page(karakter="[integritas, kejujuran]")), {(f"{CASE}:{line_of(case_page(), 'karakter:')}", "UNKNOWN_SLUG")}),
    "unknown_context_in_case": (dict(case_id=case_page(konteks="[laut]")), {(f"{CASE}:{line_of(case_page(), 'konteks:')}", "UNKNOWN_SLUG")}),
    "duration_that_is_not_minutes": (dict(case_id=case_page(durasi="setengah jam")), {(f"{CASE}:{line_of(case_page(), 'durasi:')}", "BAD_VALUE")}),
    "case_without_notice": (dict(case_id=case_page(notice=False)), {(f"{CASE}:{body_line(case_page())}", "NO_NOTICE")}),
    "acronym_without_entry": (dict(character_id=with_acronym), {(f"{CHARACTER}:{line_of(with_acronym, 'BKPSDM')}", "NO_ABBREVIATION")}),
}


def test_every_defect_fixture_is_covered():
    """Each documented problem code (but the coverage and unreadable ones, tested below) has a fixture."""
    doc = (ROOT / "scripts" / "handbook" / "commands" / "check_content.py").read_text(encoding="utf-8").split('"""')[1]
    documented = {match.group(1) for match in re.finditer(r"^  ([A-Z][A-Z_]+) ", doc, re.M)}
    seeded = {code for _, expected in DEFECTS.values() for _, code in expected}
    # Block codes have their own fixtures in tests/test_check_blocks.py, term and quote codes in
    # tests/test_term_usage.py: each of those files lists its codes, and every code is somewhere.
    import test_check_blocks
    import test_term_usage

    blocks = {code for expected in test_check_blocks.EXPECTED.values() for _, code, _ in expected}
    terms = {code for *_, code in test_term_usage.DEFECTS.values()}
    below = {"COVERAGE", "UNREADABLE"}  # tested below
    assert documented - seeded - below == (blocks | terms) - seeded, (documented - seeded - below) ^ ((blocks | terms) - seeded)


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_defect_is_reported_exactly(defect, tmp_path):
    pages, expected = DEFECTS[defect]
    write_docs(tmp_path, **pages)
    result = check(tmp_path)
    assert reported(result) == expected, result.stdout
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_coverage_rule_names_the_character_and_the_context(tmp_path):
    write_docs(tmp_path, cases=[case_page(name="Lukas"), case_page(name="Maria")])
    result = check(tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "docs/studi-kasus:1: COVERAGE: 'komunikasi' is the main value (first in karakter) of 0 case(s); it needs at least 2" in lines
    assert not any("'integritas' is the main character" in line for line in lines)
    assert any(line.startswith("docs/studi-kasus:1: COVERAGE: context 'adat-dan-keberagaman' is used by 0 case(s)") for line in lines)
    assert {code for _, code in reported(result)} == {"COVERAGE"}


def test_malformed_front_matter_is_unusable_input_at_its_line(tmp_path):
    text = "---\ntitle: Integritas\nnomor: [1\n---\n\nTeks.\n"
    write_docs(tmp_path, character_id=text)
    result = check(tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert reported(result) == {(f"{CHARACTER}:4", "UNREADABLE")}, result.stdout
    assert "not valid YAML" in result.stdout


def test_page_that_is_not_utf8_is_unusable_input(tmp_path):
    write_docs(tmp_path)
    (tmp_path / "docs" / "karakter" / "integritas.id.md").write_bytes(b"---\ntitle: Integritas\n---\n\nJ\xe9\xe9\n")
    result = check(tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert reported(result) == {(f"{CHARACTER}:1", "UNREADABLE")}


@pytest.mark.parametrize("where", ["missing", "empty", "a file"])
def test_unusable_docs_folder_exits_2(tmp_path, where):
    target = tmp_path / "docs"
    if where == "empty":
        target.mkdir()
    elif where == "a file":
        target.write_text("not a folder")
    result = run_script("check_content.py", "--docs", str(target))
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert str(target) in result.stderr


def test_real_docs_follow_the_templates():
    result = run_script("check_content.py")
    assert (result.returncode, result.stdout) == (0, "")
