"""One gloss per term and one rendering per quote (scripts/handbook/commands/check_content.py TERM_GLOSS,
TERM_ITALIC, QUOTE_VARIANT, QUOTE_PARAPHRASE), with the real
includes/terms.yml: one fixture per defect with its exact file, line and code, and a clean fixture
that holds every allowed form and exits 0.
"""

from __future__ import annotations

import shutil
import textwrap

import pytest

from conftest import ROOT, run_script

CLEAN = {
    "id": """\
        ---
        title: Rapat ohoi dan kecamatan
        ringkas: Kata ohoi di sini tidak perlu miring.
        ---

        Warga *ohoi* datang ke kantor kecamatan. Pepatah *ain ni
        ain* berarti "satu memiliki satu". Lihat [ohoi](lain.md) dan `ohoi`.

        ## Tentang ***ohoi*** {#ohoi}

        Dalam <em>sasi</em> dan _hawear_, warga Ohoi Ngilngof menjaga laut. Formasi CPNS 2024.

        Bupati berkata: “Kita butuh ASN yang peka terhadap konteks lokal dan siap bekerja dalam keterbatasan.” Warga menjaga *sasi* (larangan adat sementara). Integritas adalah landasan kepercayaan publik terhadap pemerintah.
        """,
    "en": """\
        ---
        title: Ohoi meeting in the kecamatan
        ringkas: A meeting of ohoi residents.
        ---

        Residents of the *ohoi* come to the *kecamatan* (district) office. The saying *ain ni
        ain* means "one belongs to one". See [ohoi](lain.md), `ohoi` and the 2024 intake.

        ## About ***ohoi*** {#ohoi}

        Under <em>sasi</em> and _hawear_, Law Number 20 of 2023 on the State Civil Apparatus applies.
        See [the law](https://example.org/law-no.-20-of-2023/sub-district).

        The Bupati said: “We need ASN who are sensitive to the local context and ready to work within limitations.” Residents keep *sasi* (temporary customary ban). Integrity is the foundation of public trust in the government.
        """,
}
LINE = 6  # the first body line of both pages above

DEFECTS = {
    "kecamatan_as_sub_district": ("en", ("(district)", "(sub-district)"), LINE, "TERM_GLOSS"),
    "ain_ni_ain_satu_punya_satu": ("id", ("satu memiliki satu", "satu punya satu"), LINE + 1, "TERM_GLOSS"),
    "formasi_as_formation": ("en", ("the 2024 intake", "the 2024 CPNS formation"), LINE + 1, "TERM_GLOSS"),
    "law_under_another_title": ("en", ("Law Number 20 of 2023 on the State Civil Apparatus", "Law No. 20 of 2023 on the ASN"), LINE + 5, "TERM_GLOSS"),
    "ohoi_in_roman": ("id", ("Warga *ohoi* datang", "Warga ohoi datang"), LINE, "TERM_ITALIC"),
    "kecamatan_in_roman_in_english": ("en", ("the *kecamatan* (district)", "the kecamatan (district)"), LINE, "TERM_ITALIC"),
    "italic_term_in_bold_only": ("id", ("***ohoi***", "**ohoi**"), LINE + 3, "TERM_ITALIC"),
    # One rendering per quote and gloss (terms.yml quotes:, gloss:, never_quoted:).
    "quote_in_other_words": ("en", ("ready to work within limitations", "ready to work with limited means"), LINE + 8, "QUOTE_VARIANT"),
    "quote_shortened_in_indonesian": ("id", ("konteks lokal dan siap bekerja dalam keterbatasan", "konteks lokal dan siap bekerja terbatas"), LINE + 7, "QUOTE_VARIANT"),
    "gloss_in_other_words": ("id", ("*sasi* (larangan adat sementara)", "*sasi* (larangan memanen untuk sementara)"), LINE + 7, "TERM_GLOSS"),
    "english_gloss_in_other_words": ("en", ("*sasi* (temporary customary ban)", "*sasi* (a customary closure)"), LINE + 8, "TERM_GLOSS"),
    "paraphrase_in_quotation_marks": ("id", ("adalah landasan kepercayaan publik terhadap pemerintah", "adalah “landasan kepercayaan publik terhadap pemerintah”"), LINE + 7, "QUOTE_PARAPHRASE"),
    "english_paraphrase_in_quotation_marks": ("en", ("the foundation of public trust in the government", '"the foundation of public trust in the government"'), LINE + 8, "QUOTE_PARAPHRASE"),
}


def write_docs(folder, pages=CLEAN):
    docs = folder / "docs" / "tentang"
    docs.mkdir(parents=True)
    for lang, text in pages.items():
        (docs / f"catatan.{lang}.md").write_text(textwrap.dedent(text), encoding="utf-8")
    shutil.copy(ROOT / "includes" / "abbreviations.md", folder / "abbreviations.md")


def check(folder, terms=ROOT / "includes" / "terms.yml"):
    return run_script("check_content.py", "--docs", str(folder / "docs"), "--abbreviations", str(folder / "abbreviations.md"), "--terms", str(terms))


def test_clean_fixture_exits_zero(tmp_path):
    write_docs(tmp_path)
    result = check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_defect_is_reported_at_its_line(defect, tmp_path):
    lang, (good, bad), line, code = DEFECTS[defect]
    assert good in CLEAN[lang]
    write_docs(tmp_path, {**CLEAN, lang: CLEAN[lang].replace(good, bad)})
    result = check(tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"docs/tentang/catatan.{lang}.md:{line}: {code}: "), result.stdout


def test_message_names_the_gloss_to_write(tmp_path):
    write_docs(tmp_path, {**CLEAN, "en": CLEAN["en"].replace("(district)", "(sub-district)")})
    assert "write 'district'" in check(tmp_path).stdout


def test_terms_file_holds_the_agreed_glosses():
    from handbook.terms import load_terms, load_wording

    terms = {term.term: term for term in load_terms()}
    assert terms["ain ni ain"].gloss == {"id": "satu memiliki satu", "en": "one belongs to one"} and all(terms["ain ni ain"].italic_in(lang) for lang in ("id", "en"))
    assert terms["ohoi"].gloss == {"id": "desa", "en": "village"} and all(terms["ohoi"].italic_in(lang) for lang in ("id", "en"))
    assert terms["kecamatan"].gloss["en"] == "district" and "sub-district" in terms["kecamatan"].avoid["en"]
    wording = {w.gloss.get("en"): w for w in load_wording()}
    assert "formation" in wording["intake"].avoid["en"]
    assert "Law Number 20 of 2023 on the State Civil Apparatus" in wording


def test_bad_terms_file_is_bad_input(tmp_path):
    write_docs(tmp_path)
    terms = tmp_path / "terms.yml"
    terms.write_text("terms:\n  - {term: ohoi, kind: kei}\n  - {term: sasi, kind: kei, italic: sometimes}\n", encoding="utf-8")
    result = check(tmp_path, terms)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{terms}:3:" in result.stderr and "italic is true, false or a list of languages" in result.stderr
