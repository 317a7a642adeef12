"""Each checker as a real command line, once: the tests call them in-process (conftest.run_script),
so these prove the `handbook` entry point, its exit codes and its streams as a shell sees them."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def handbook(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handbook", *args], capture_output=True, text=True, cwd=ROOT)


def test_content_check_of_the_handbook_is_clean():
    result = handbook("check", "content")
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


def test_checks_of_the_built_site_are_clean(built_site):
    for args in (("check", "links", "--site", str(built_site)), ("check", "translations", "--site", str(built_site)), ("permalinks", "check", "--site", str(built_site), "--strict")):
        result = handbook(*args)
        assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])


def test_unusable_input_exits_2_without_a_traceback(tmp_path):
    for args in (("check", "content", "--docs", str(tmp_path / "missing")), ("check", "links", "--site", str(tmp_path / "missing"))):
        result = handbook(*args)
        assert result.returncode == 2 and "Traceback" not in result.stderr and result.stderr.strip(), (args, result.stderr)


def test_unknown_command_exits_2():
    result = handbook("check", "spelling")
    assert result.returncode == 2 and "unknown command" in result.stderr
