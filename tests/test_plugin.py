"""The engine as one MkDocs plugin (handbook.plugin): registered by its entry point, configured in
mkdocs.yml, every step in its one event table, state on the instance, templates a project can
override, and a `handbook` command that finds its project from where it runs.
"""

from __future__ import annotations

import ast
import re
import inspect
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.config import load_config

from conftest import ROOT, mkdocs_build, write_fixture_config
from handbook.plugin import plugin as engine

HOOKS = ROOT / "scripts" / "handbook" / "plugin" / "hooks"


def test_the_plugin_is_registered_under_its_name():
    found = {entry.name: entry.value for entry in metadata.entry_points(group="mkdocs.plugins")}
    assert found.get("handbook") == "handbook.plugin.plugin:HandbookPlugin"


def test_every_step_of_every_module_is_in_the_event_table_once():
    """A module's on_<event> function that EVENTS does not list would never run (or run twice)."""
    written = set()
    for path in sorted(HOOKS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        written |= {(path.stem, node.name) for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")}
    listed = [(handler.__module__.rsplit(".", 1)[-1], handler.__name__) for steps in engine.EVENTS.values() for _, handler in steps]
    assert len(listed) == len(set(listed)), "a step listed twice"
    assert set(listed) == written
    for event, steps in engine.EVENTS.items():
        assert all(handler.__name__ == f"on_{event}" for _, handler in steps), event


def test_each_configuration_gets_its_own_plugin_and_state():
    first, second = (load_config(str(ROOT / "mkdocs.yml")) for _ in range(2))
    one, other = (next(p for p in c.plugins.values() if isinstance(p, engine.HandbookPlugin)) for c in (first, second))
    assert one is not other and one.state is not other.state
    assert one.config.edition and one.config.edition == other.config.edition
    # A step that keeps state gets its own dict on the instance, never a module global.
    for steps in engine.EVENTS.values():
        for _, handler in steps:
            module = sys.modules[handler.__module__]
            assert not any(name.startswith("_") and isinstance(value, dict) for name, value in vars(module).items() if not name.startswith("__")), module.__name__
            if "state" in inspect.signature(handler).parameters:
                assert inspect.signature(handler).parameters["state"].default is inspect.Parameter.empty


def _small_site(folder: Path, overrides: Path | None = None) -> Path:
    docs = folder / "docs"
    docs.mkdir()
    (docs / "index.id.md").write_text("# Beranda\n\nTeks.\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Home\n\nText.\n", encoding="utf-8")
    config = write_fixture_config(folder, ["index.md"])
    if overrides is not None:
        config.write_text(config.read_text(encoding="utf-8").replace(str(ROOT / "overrides"), str(overrides)), encoding="utf-8")
    return config


def test_a_project_override_replaces_the_engines_template(tmp_path):
    own = tmp_path / "own-overrides" / "partials"
    own.mkdir(parents=True)
    (own / "copyright.html").write_text('<div class="agency-footer">Dinas Contoh</div>\n', encoding="utf-8")
    config = _small_site(tmp_path, own.parent)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<div class="agency-footer">Dinas Contoh</div>' in page
    assert not BeautifulSoup(page, "lxml").select(".pedoman-penerbit")  # the engine's footer partial gave way
    assert "pedoman:cite" in page  # the engine's main.html still applies


def test_the_engine_supplies_its_theme_files_and_styles(tmp_path):
    result = mkdocs_build(_small_site(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    site = tmp_path / "site"
    for path in ("assets/javascripts/pedoman.js", "assets/javascripts/lunr/min/lunr.id.min.js", "assets/javascripts/workers/pedoman-search.js", "sw.js"):
        assert (site / path).is_file(), path
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-href="assets/stylesheets/pedoman.css"' in page and "assets/javascripts/uji-diri.js" in page
    assert not (site / "interface").exists(), "interface tables are engine data, not site files"


def test_a_disabled_plugin_leaves_a_plain_material_site(tmp_path):
    config = _small_site(tmp_path)
    text = config.read_text(encoding="utf-8")
    assert "  - handbook:\n" in text
    config.write_text(text.replace("  - handbook:\n", "  - handbook:\n      enabled: false\n"), encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "site" / "sw.js").exists() and "pedoman:cite" not in page


def _handbook(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handbook", *args], cwd=cwd, capture_output=True, text=True)


def test_handbook_finds_its_project_from_where_it_runs(tmp_path):
    """A small project of its own (the real handbook's checks are test_cli.py's): found from the
    folder the command runs in, or named with -f; nowhere else."""
    (tmp_path / "project").mkdir()
    config = _small_site(tmp_path / "project")
    (tmp_path / "project" / "docs" / "index.id.md").write_text("# Beranda\n\nLayanan QWXZ di kantor.\n", encoding="utf-8")
    lost = _handbook("check", "content", cwd=tmp_path)
    assert lost.returncode == 2 and "no mkdocs.yml in" in lost.stderr and "-f" in lost.stderr and "Traceback" not in lost.stderr
    named = _handbook("-f", str(config), "check", "content", cwd=tmp_path)
    here = _handbook("check", "content", cwd=config.parent)
    assert (named.returncode, here.returncode) == (1, 1), named.stdout + named.stderr
    assert "index.id.md:3: " in named.stdout and "QWXZ" in named.stdout and here.stdout == named.stdout


def test_a_section_folder_that_is_missing_stops_the_build_at_its_line(tmp_path):
    config = _small_site(tmp_path)
    text = config.read_text(encoding="utf-8")
    assert '      sections: {}\n' in text
    config.write_text(text.replace('      sections: {}\n', '      sections:\n        cases: kasus-hilang\n'), encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("        cases: kasus-hilang") + 1
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"{config}:{line}: plugins > handbook > sections > cases: there is no folder 'kasus-hilang'" in result.stderr


def test_download_names_that_would_collide_or_leave_the_folder_stop_the_build(tmp_path):
    config = _small_site(tmp_path)
    text = config.read_text(encoding="utf-8")
    for files, says in (
        ('{handouts: "kartu.pdf"}', "plugins > handbook > files > handouts: 'kartu.pdf' names one file for every language; put {lang} in it"),
        ('{book: "../{prefix}-{lang}.pdf"}', "plugins > handbook > files > book: '../{prefix}-{lang}.pdf' is not a file name"),
        ('{book: "{prefix}-{bahasa}.pdf"}', "is not a file name; write a name ending in .pdf, with {prefix} and {lang}"),
        ('{trainer_cards: "{prefix}-{lang}.pdf"}', "book and trainer_cards are both '{prefix}-{lang}.pdf'"),
    ):
        config.write_text(text.replace("      sections: {}\n", f"      sections: {{}}\n      files: {files}\n"), encoding="utf-8")
        result = mkdocs_build(config, tmp_path / "site")
        assert result.returncode != 0 and "Traceback" not in result.stderr, files
        assert says in result.stderr and str(config) in result.stderr, (files, result.stderr[-1500:])


ENGINE = ROOT / "scripts" / "handbook"
# The environment variables the engine may read: the reproducible date, and where Chromium is (a
# tool of the machine, not a fact of the build). Anything else would hand a build fact between
# processes; mkdocs.yml's own !ENV values (SITE_URL, OFFLINE, FEEDBACK_EMAIL) reach the engine
# through MkDocs' config loader, not through os.environ.
ENVIRONMENT_READ = re.compile(r"""(?:os\.environ(?:\.get)?|os\.getenv)\s*[\[(]\s*["']([A-Z0-9_]+)["']""")
ALLOWED_ENVIRONMENT = {"SOURCE_DATE_EPOCH", "CHROMIUM"}


def environment_reads(text: str) -> set[str]:
    return set(ENVIRONMENT_READ.findall(text))


def test_no_build_fact_travels_through_the_environment():
    found = {path.relative_to(ENGINE).as_posix(): environment_reads(path.read_text(encoding="utf-8")) - ALLOWED_ENVIRONMENT
             for path in ENGINE.rglob("*.py") if "benchmarks" not in path.parts}
    assert not {path: names for path, names in found.items() if names}
    # The guard sees a planted hand-off, in each way of writing it.
    assert environment_reads('folder = os.environ.get("PEDOMAN_DOWNLOADS")') == {"PEDOMAN_DOWNLOADS"}
    assert environment_reads("x = os.environ['HANDBOOK_EDITION'] + os.getenv('HANDBOOK_SITE')") == {"HANDBOOK_EDITION", "HANDBOOK_SITE"}


def test_the_lighthouse_benchmark_takes_its_page_types_from_the_configuration(tmp_path):
    """handbook bench --only lighthouse: one page of each type this handbook has, found from its
    sections and nav; its default-Material build has no handbook plugin, templates or extras."""
    from handbook.benchmarks import lighthouse

    config = load_config(str(ROOT / "mkdocs.yml"))
    types = lighthouse.page_types(config)
    assert list(types) == ["home", "character", "local context", "case", "trainer guide", "glossary", "downloads", "about"]
    for name, path in types.items():
        source = ROOT / "docs" / (path + "index.id.md" if path.endswith("/") and (ROOT / "docs" / path / "index.id.md").exists() else path.rstrip("/") + ".id.md")
        assert source.is_file() or path == "", (name, path)
    default = load_config(str(lighthouse.default_material_config(ROOT, tmp_path, config)))
    assert "handbook" not in default.plugins and not default.extra_css and not default.extra_javascript
    assert set(default.plugins) >= {"material/search", "i18n"} and str(tmp_path / "no-overrides") == default.theme.custom_dir
