"""scripts/check_content.py: the template rules of the brief, one fixture per defect, and the real docs.

Fixtures are written into tmp_path from one valid page per template, then one defect is seeded.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, run_script

FILLER = " ".join(["Pelayanan yang jujur dan ramah membangun kepercayaan warga."] * 100)


# A valid self-check (see tests/test_check_blocks.py for its rules): 5 questions, 2 pra_pasca.
SELF_CHECK = "```uji-diri\n" + "".join(
    f"- id: soal-{n}\n  pra_pasca: {'true' if n < 2 else 'false'}\n  soal: Soal {n}?\n  pilihan:\n"
    + "".join(f"    - teks: Pilihan {k}.\n      benar: {'true' if k == n % 3 else 'false'}\n      umpan_balik: Umpan balik {k}.\n" for k in range(3))
    for n in range(5)
) + "```"


def character_page(lang="id", nomor=1, berakhlak="[akuntabel, loyal]", ids=None, words=FILLER):
    ids = ids or ["ringkasan", "makna", "mengapa-penting", "perilaku", "kaitan-berakhlak", "refleksi", "uji-diri", "studi-kasus", "sumber"]
    sections = "".join(f"## Bagian {ident} {{#{ident}}}\n\n{SELF_CHECK if ident == 'uji-diri' else f'Teks {ident}.'}\n\n" for ident in ids)
    return f"---\ntitle: Integritas\nnomor: {nomor}\nringkas: Jujur.\nberakhlak: {berakhlak}\n---\n\n{words}\n\n{sections}"


TIMING = "```jadwal-kasus\nsingkat:\n  - {menit: 20, kegiatan: Diskusi}\npenuh:\n  - {menit: 45, kegiatan: Diskusi}\n```\n"


def case_page(karakter="[integritas]", konteks="[wilayah-kepulauan]", notice=True, name="Kristina"):
    head = '!!! note "Kasus ilustratif"\n    Nama rekaan.\n\n' if notice else ""
    sections = "".join(f"## {i} {{#{i}}}\n\nTeks tentang {name}.\n\n" for i in ["situasi", "dilema", "pertanyaan", "pendekatan", "catatan-pelatih"])
    return f"---\ntitle: Kasus\nringkas: Satu baris.\nkarakter: {karakter}\nkonteks: {konteks}\ndurasi: 45\ntokoh: [{name}]\n---\n\n{head}{sections}{TIMING}"


def write_docs(folder, character_id=None, character_en=None, case_id=None, cases=2):
    docs = folder / "docs"
    (docs / "karakter").mkdir(parents=True)
    (docs / "studi-kasus").mkdir()
    (docs / "karakter" / "integritas.id.md").write_text(character_id or character_page())
    (docs / "karakter" / "integritas.en.md").write_text(character_en or character_page("en"))
    for number in range(cases):
        text = case_id if (case_id and number == 0) else case_page(name=("Kristina", "Lukas", "Maria", "Yosef")[number])
        for lang in ("id", "en"):
            (docs / "studi-kasus" / f"kasus-{number}.{lang}.md").write_text(text)
    shutil.copy(ROOT / "includes" / "abbreviations.md", folder / "abbreviations.md")
    return docs


def check(folder, *extra):
    return run_script("check_content.py", "--docs", str(folder / "docs"), "--abbreviations", str(folder / "abbreviations.md"), *extra)


def codes(result, code):
    return [line for line in result.stdout.splitlines() if f": {code}: " in line]


def test_clean_fixture_has_only_coverage_gaps(tmp_path):
    write_docs(tmp_path)
    result = check(tmp_path)
    # A two-case fixture cannot cover every character and context; nothing else is wrong.
    assert {line.split(": ")[1] for line in result.stdout.splitlines()} == {"COVERAGE"}


DEFECTS = {
    "missing_section": (dict(character_id=character_page(ids=["ringkasan", "makna", "mengapa-penting", "perilaku", "kaitan-berakhlak", "refleksi", "uji-diri", "sumber"])), "docs/karakter/integritas.id.md:7: MISSING_SECTION"),
    "section_order_in_english": (dict(character_en=character_page("en", ids=["makna", "ringkasan", "mengapa-penting", "perilaku", "kaitan-berakhlak", "refleksi", "uji-diri", "studi-kasus", "sumber"])), "docs/karakter/integritas.en.md:10: SECTION_ORDER"),
    "missing_key": (dict(character_id=character_page().replace("ringkas: Jujur.\n", "")), "docs/karakter/integritas.id.md:1: MISSING_KEY"),
    "unknown_berakhlak_value": (dict(character_id=character_page(berakhlak="[akuntabel, jujur]")), "docs/karakter/integritas.id.md:5: UNKNOWN_SLUG"),
    "wrong_number": (dict(character_id=character_page(nomor=3)), "docs/karakter/integritas.id.md:3: BAD_VALUE"),
    "too_short": (dict(character_id=character_page(words="Terlalu pendek.")), "docs/karakter/integritas.id.md:7: TOO_SHORT"),
    "unknown_character_in_case": (dict(case_id=case_page(karakter="[integritas, kejujuran]")), "docs/studi-kasus/kasus-0.en.md:4: UNKNOWN_SLUG"),
    "unknown_context_in_case": (dict(case_id=case_page(konteks="[laut]")), "docs/studi-kasus/kasus-0.id.md:5: UNKNOWN_SLUG"),
    "case_without_notice": (dict(case_id=case_page(notice=False)), "docs/studi-kasus/kasus-0.id.md:9: NO_NOTICE"),
    "acronym_without_entry": (dict(character_id=character_page(words=FILLER + " Laporan ke BKPSDM.")), "docs/karakter/integritas.id.md:8: NO_ABBREVIATION"),
}


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_defect_is_reported(defect, tmp_path):
    pages, expected = DEFECTS[defect]
    write_docs(tmp_path, **pages)
    result = check(tmp_path)
    assert result.returncode == 1
    assert any(line.startswith(expected + ": ") for line in result.stdout.splitlines()), result.stdout


def test_coverage_rule_names_the_character_and_the_context(tmp_path):
    write_docs(tmp_path)
    result = check(tmp_path)
    assert "docs/studi-kasus:1: COVERAGE: 'integritas' is the main character (first in karakter) of 2 case(s)" not in result.stdout
    assert "docs/studi-kasus:1: COVERAGE: 'komunikasi' is the main character (first in karakter) of 0 case(s); it needs at least 2" in result.stdout
    assert "docs/studi-kasus:1: COVERAGE: context 'adat-dan-keberagaman' is used by 0 case(s)" in result.stdout


def test_malformed_front_matter_names_file_and_line(tmp_path):
    write_docs(tmp_path, character_id="---\ntitle: Integritas\nnomor: [1\n---\n\nTeks.\n")
    result = check(tmp_path)
    assert result.returncode == 1
    assert "docs/karakter/integritas.id.md:" in result.stdout and "not valid YAML" in result.stdout
    assert "Traceback" not in result.stderr


def test_missing_docs_folder_is_bad_input(tmp_path):
    result = run_script("check_content.py", "--docs", str(tmp_path / "nothing"))
    assert result.returncode == 2 and "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_real_docs_follow_the_templates():
    result = run_script("check_content.py")
    assert result.returncode == 0, result.stdout
