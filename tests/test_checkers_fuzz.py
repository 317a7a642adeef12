"""Property-based tests: the checkers never crash, whatever a contributor does to a real page.

Hypothesis takes real handbook pages (a character page and a case study, both languages) and
mutates one of them the way a contributor might break it: a duplicate or missing heading id,
broken or missing front matter, a stray `{#`, an empty or a huge file, odd Unicode, bytes that
are not UTF-8. The content and translation checkers then run in-process on the mutated folder.
Every run must end with exit 0, 1 or 2, never an exception; every printed problem must be a
`docs/<file>:<line>: CODE: message` line; and the mutations with a known meaning must give their
code (a duplicate id is DUPLICATE_ID at the second heading; unreadable input exits 2).
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from handbook.commands import check_content, check_translations

PAGES = ["karakter/integritas", "studi-kasus/hadiah-upacara-adat"]
PROBLEM_LINE = re.compile(r"^docs/\S+\.md:\d+: [A-Z_]+: \S.*$|^docs/studi-kasus:\d+: COVERAGE: .*$")
HEADING_WITH_ID = re.compile(r"^(#{2,6} .*?)\s*\{#([a-z0-9-]+)\}\s*$", re.M)


CHECK_CONTENT = check_content
CHECK_TRANSLATIONS = check_translations


def run(module, argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = module.main(argv)
    return code, out.getvalue(), err.getvalue()


def mutate(text: str, kind: str, data) -> str | bytes:
    lines = text.split("\n")
    heads = HEADING_WITH_ID.findall(text)
    where = data.draw(st.integers(0, len(lines)), label="line")
    if kind == "duplicate_id":
        ident = data.draw(st.sampled_from([ident for _, ident in heads]), label="id")
        return text.rstrip("\n") + f"\n\n## Lagi {{#{ident}}}\n\nTeks.\n"
    if kind == "missing_id":
        heading, ident = data.draw(st.sampled_from(heads), label="heading")
        return text.replace(f"{heading} {{#{ident}}}", heading, 1)
    if kind == "broken_front_matter":
        junk = data.draw(st.sampled_from(["title: [tidak ditutup", "ringkas: 'kutip", ": tanpa kunci", "\tnomor: 1", "- daftar", "nomor: {a: [", "karakter: [{x: y}]", "durasi: setengah jam", "title:"]), label="junk")
        end = text.index("\n---", 3)
        return text[:end] + "\n" + junk + text[end:]
    if kind == "no_front_matter":
        return text.split("\n---\n", 1)[1] if "\n---\n" in text else text
    if kind == "stray_brace":
        return "\n".join(lines[:where] + [data.draw(st.sampled_from(["## Judul {#", "{#", "## {#}", "## X {# y}", "## Y {#Y_Besar}"]), label="stray")] + lines[where:])
    if kind == "empty":
        return ""
    if kind == "huge":
        return text + ("\n\n" + text.split("\n---\n", 1)[-1]) * 40
    if kind == "odd_unicode":
        noise = data.draw(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40), label="noise")
        return "\n".join(lines[:where] + [noise] + lines[where:])
    if kind == "not_utf8":
        return text.encode("utf-8")[: where * 10] + b"\xff\xfe\xc3" + text.encode("utf-8")[where * 10 :]
    raise AssertionError(kind)


KINDS = ["duplicate_id", "missing_id", "broken_front_matter", "no_front_matter", "stray_brace", "empty", "huge", "odd_unicode", "not_utf8"]


@settings(suppress_health_check=[HealthCheck.too_slow])  # examples: the profile (conftest.py)
@given(page=st.sampled_from(PAGES), lang=st.sampled_from(["id", "en"]), kind=st.sampled_from(KINDS), data=st.data())
def test_checkers_report_every_mutation_without_crashing(page, lang, kind, data):
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder) / "docs"
        for name in PAGES:
            for each in ("id", "en"):
                target = docs / f"{name}.{each}.md"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(ROOT / "docs" / f"{name}.{each}.md", target)
        victim = docs / f"{page}.{lang}.md"
        original = victim.read_text(encoding="utf-8")
        mutated = mutate(original, kind, data)
        if isinstance(mutated, bytes):
            victim.write_bytes(mutated)
        else:
            victim.write_text(mutated, encoding="utf-8")
        shutil.copy(ROOT / "translations.lock", Path(folder) / "translations.lock")

        content = run(CHECK_CONTENT, ["--docs", str(docs)])
        translations = run(CHECK_TRANSLATIONS, ["check", "--docs", str(docs)])
        for code, out, err in (content, translations):
            assert code in (0, 1, 2), (code, out, err)
            assert "Traceback" not in err
            assert all(PROBLEM_LINE.match(line) for line in out.splitlines()), out
            if code == 2:
                assert err or out, "exit 2 must say why"

        shown = f"docs/{page}.{lang}.md"
        if kind == "duplicate_id":
            ident = HEADING_WITH_ID.findall(mutated)[-1][1]
            last = mutated.rstrip("\n").split("\n")
            line = max(i for i, text in enumerate(last, start=1) if text.endswith(f"{{#{ident}}}"))
            assert f"{shown}:{line}: DUPLICATE_ID: id '{ident}'" in content[1], content[1]
        if kind == "not_utf8":
            assert content[0] == 2 and f"{shown}:1: UNREADABLE" in content[1]
            assert translations[0] == 2 and shown in translations[2]
        if kind == "missing_id" and content[0] != 2:
            assert content[0] == 1
