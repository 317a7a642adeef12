"""The built pages validate: the Nu HTML Checker (vnu-jar, pinned in scripts/handbook/npm_tools.py,
on Debian's Java) reports no error from our templates, hooks or content.

Material's own known errors are listed, each with its reason, in tests/vnu-known-material-errors.txt;
every other error fails, and so does a listed error that no longer occurs (the list stays true).
Checked: every page of both languages, both 404 pages and both offline pages. A page is served
with its stylesheets inlined; vnu checks the CSS inside ``<style>`` too, which took two thirds of
its time for the same stylesheets on every page. So it checks each page's linked form
(index.linked.html, the same page with the stylesheets linked), and the home page of each language
as served, stylesheets inlined; a test below proves that every page as served is exactly its
linked form with each stylesheet link replaced by that stylesheet, inline.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import NAV_PAGES
from handbook import npm_tools

KNOWN = Path(__file__).with_name("vnu-known-material-errors.txt")


def _known() -> list[tuple[re.Pattern, str]]:
    rules = []
    for line in KNOWN.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, _, reason = line.partition(" | ")
            assert reason.strip(), f"{KNOWN.name}: '{pattern}' needs a reason after ' | '"
            rules.append((re.compile(pattern), reason))
    return rules


INLINED = re.compile(r'<style data-href="([^"]+)">.*?</style>', re.S)


@pytest.fixture(scope="module")
def vnu_messages(built_site, site_pages):
    jar = npm_tools.ensure("vnu-jar")
    files = [(built_site / p).with_name("index.linked.html") for lang in ("id", "en") for p in site_pages[lang]]
    files += [built_site / "404.html", built_site / "en" / "404.html", built_site / "offline.html", built_site / "en" / "offline.html"]
    files += [built_site / "index.html", built_site / "en" / "index.html"]
    assert all(f.is_file() for f in files), [str(f) for f in files if not f.is_file()]
    result = subprocess.run([npm_tools.JAVA, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)], capture_output=True, text=True)
    return json.loads(result.stderr)["messages"], len(files)


def test_no_html_errors_but_materials_known_ones(vnu_messages, built_site):
    messages, count = vnu_messages
    assert count == 2 * NAV_PAGES + 6  # every page of both languages, the 404 and offline pages, the home pages as served
    rules = _known()
    ours = [m for m in messages if not any(rule.search(m["message"]) for rule, _ in rules)]
    assert ours == [], "\n".join(f"{m['url'].split(str(built_site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in ours[:30])


def test_every_listed_material_error_still_occurs(vnu_messages):
    messages, _ = vnu_messages
    stale = [rule.pattern for rule, _ in _known() if not any(rule.search(m["message"]) for m in messages)]
    assert stale == [], f"{KNOWN.name} lists errors vnu no longer reports; remove them: {stale}"


def test_empty_tabindex_is_fixed_by_our_hook(vnu_messages, built_site):
    messages, _ = vnu_messages
    assert not [m for m in messages if "tabindex" in m["message"]]
    assert 'tabindex=""' not in (built_site / "karakter" / "integritas" / "index.html").read_text(encoding="utf-8")


def test_every_page_as_served_is_its_linked_form_with_the_stylesheets_inlined(built_site, site_pages):
    """What vnu checked in the linked form is what a reader gets: the same bytes around the styles."""
    checked = 0
    for lang in ("id", "en"):
        for relative in site_pages[lang]:
            served = (built_site / relative).read_text(encoding="utf-8")
            linked = (built_site / relative).with_name("index.linked.html").read_text(encoding="utf-8")
            assert INLINED.search(served), f"{relative}: no inlined stylesheet"
            assert INLINED.sub(lambda m: f'<link rel="stylesheet" href="{m.group(1)}">', served) == linked, relative
            checked += 1
    assert checked == 2 * NAV_PAGES
