"""Same commit, same dependencies: requirements.lock (pip-tools, with hashes) holds every pin of
pyproject.toml and requirements-test.txt at the same version, every indirect dependency with the
hashes of its files, and is exactly what this environment has installed (`make` installs it with
--require-hashes, then the engine with --no-deps). requirements.txt, the plain hosting entry point,
installs the engine, whose own dependencies are pinned exactly in pyproject.toml.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

LOCK_ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", re.M)


def pins(lines: list[str]) -> dict[str, str]:
    """{name: version} of requirement lines; each must pin one exact version."""
    found = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        requirement = Requirement(line)
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", f"not pinned exactly: {line}"
        found[canonicalize_name(requirement.name)] = specifiers[0].version
    return found


def lock() -> dict[str, tuple[str, int]]:
    """{name: (version, number of hashes)} of requirements.lock."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return {canonicalize_name(m.group(1)): (m.group(2), m.group(3).count("--hash=")) for m in LOCK_ENTRY.finditer(text)}


def engine_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return pins(project["dependencies"])


def test_every_direct_pin_is_locked_at_its_version():
    locked = lock()
    direct = {**engine_pins(), **pins((ROOT / "requirements-test.txt").read_text(encoding="utf-8").splitlines())}
    assert len(direct) >= 10
    drift = {name: (version, locked.get(name, ("missing", 0))[0]) for name, version in direct.items() if locked.get(name, ("",))[0] != version}
    assert not drift, f"pinned vs locked, run `make lock`: {drift}"


def test_every_locked_package_carries_hashes():
    locked = lock()
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if re.match(r"^[A-Za-z0-9]", line)]
    assert len(locked) == len(entries), "a lock line the test could not read"
    assert all(count >= 1 for _, count in locked.values()), [name for name, (_, count) in locked.items() if not count]


def test_this_environment_is_the_lock():
    """What `make` installed is exactly the lock (a stale venv or an unlocked install shows here)."""
    locked = lock()
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    wrong = {name: (version, installed.get(name)) for name, (version, _) in locked.items() if installed.get(name) != version}
    assert not wrong, f"locked vs installed: {wrong}"


def test_hosting_entry_point_installs_the_engine_with_exact_pins():
    lines = [line.split("#", 1)[0].strip() for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    assert [line for line in lines if line] == ["."], "requirements.txt installs the engine from this checkout, nothing else"
    assert {"mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions"} <= set(engine_pins())
