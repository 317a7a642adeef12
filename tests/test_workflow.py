"""The GitHub Actions workflow (.github/workflows/publish.yml) is valid and publishes what was tested.

actionlint (pinned in requirements-test.txt; its wheel ships the binary) checks syntax, expressions,
job dependencies and the inputs of the actions used; a broken copy shows it does find problems.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    return str(found) if found.exists() else shutil.which("actionlint")


def lint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([actionlint(), "-no-color", str(path)], capture_output=True, text=True, cwd=path.parents[2])


def test_actionlint_finds_no_problem():
    assert actionlint(), "actionlint is missing: pip install -r requirements-test.txt"
    result = lint(WORKFLOW)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_actionlint_does_find_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "publish.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text().replace("needs: build", "needs: bulid").replace("path: site", "paht: site")
    broken.write_text(text)
    result = lint(broken)
    assert result.returncode == 1
    assert '"bulid"' in result.stdout and '"paht"' in result.stdout


def test_site_is_published_only_after_the_tests_pass():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = [step.get("run") or step.get("uses") for step in build["steps"]]
    upload = next(i for i, s in enumerate(steps) if s.startswith("actions/upload-pages-artifact@"))
    assert steps.index("make test") < steps.index("make site") < upload
    assert next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
