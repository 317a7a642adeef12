"""Atomic deploys (scripts/deploy.py, `make deploy` / `make rollback`).

Fast cases use a tiny fake site and fake check commands; one run goes through the real entry
point with the session build and the real checks, and nginx then serves DEST/current through the
include the deploy rendered.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_script
from nginx_server import fetch, free_port

PAGE = '<!doctype html><html lang="id"><head><link rel="canonical" href="https://example.org/pedoman/"></head><body>{}</body></html>'


@pytest.fixture
def fake_site(tmp_path) -> Path:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text(PAGE.format("beranda"))
    (site / "404.html").write_text(PAGE.format("tidak ada"))
    (site / "en" / "404.html").write_text(PAGE.format("not found"))
    return site


def deploy(site: Path, dest: Path, name: str, *extra: str):
    return run_script("deploy.py", "deploy", "--dest", str(dest), "--site", str(site), "--name", name, *extra)


def current(dest: Path) -> str:
    return os.readlink(dest / "current")


def test_deploy_copies_checks_and_switches(fake_site, tmp_path):
    dest = tmp_path / "srv"
    marker = tmp_path / "checked"
    result = deploy(fake_site, dest, "r1", "--check", f"test -f {{site}}/index.html && echo {{site}} > {marker}")
    assert result.returncode == 0, result.stderr
    assert current(dest) == "releases/r1"  # relative: DEST can be moved
    assert (dest / "current" / "site" / "index.html").read_text() == PAGE.format("beranda")
    # The check ran on the staged copy, not on the source folder.
    assert str(dest / "releases") in marker.read_text() and str(fake_site) not in marker.read_text()
    include = (dest / "current" / "nginx" / "pedoman.conf").read_text()
    assert f"alias {dest}/current/site/;" in include and f"include {dest}/current/nginx/rules.conf;" in include
    assert "location ^~ /pedoman/ {" in include
    (fake_site / "index.html").write_text(PAGE.format("edisi baru"))
    assert deploy(fake_site, dest, "r2", "--check", "true").returncode == 0
    assert current(dest) == "releases/r2"
    assert (dest / "current" / "site" / "index.html").read_text() == PAGE.format("edisi baru")
    assert (dest / "releases" / "r1" / "site" / "index.html").read_text() == PAGE.format("beranda")


def test_a_failing_check_leaves_current_as_it_was(fake_site, tmp_path):
    dest = tmp_path / "srv"
    assert deploy(fake_site, dest, "r1", "--check", "true").returncode == 0
    result = deploy(fake_site, dest, "r2", "--check", "true", "--check", "echo broken link >&2; exit 1")
    assert result.returncode == 1
    assert "check failed" in result.stderr and "current is unchanged" in result.stderr
    assert current(dest) == "releases/r1"
    assert sorted(p.name for p in (dest / "releases").iterdir()) == ["r1"]  # no staging folder left


def test_a_missing_site_is_refused_before_anything_changes(tmp_path):
    result = deploy(tmp_path / "nothing", tmp_path / "srv", "r1", "--check", "true")
    assert result.returncode == 2 and "no built site" in result.stderr
    assert not (tmp_path / "srv" / "current").exists()


def test_only_the_last_releases_are_kept(fake_site, tmp_path):
    dest = tmp_path / "srv"
    for name in ("r1", "r2", "r3", "r4"):
        assert deploy(fake_site, dest, name, "--check", "true", "--keep", "2").returncode == 0
    assert sorted(p.name for p in (dest / "releases").iterdir()) == ["r3", "r4"]
    assert current(dest) == "releases/r4"


def test_rollback_goes_back_one_release_at_a_time(fake_site, tmp_path):
    dest = tmp_path / "srv"
    for name in ("r1", "r2", "r3"):
        (fake_site / "index.html").write_text(PAGE.format(name))
        assert deploy(fake_site, dest, name, "--check", "true").returncode == 0
    for expected in ("r2", "r1"):
        reloaded = tmp_path / f"reloaded-{expected}"
        result = run_script("deploy.py", "rollback", "--dest", str(dest), "--reload", f"readlink {dest}/current > {reloaded}")
        assert result.returncode == 0, result.stderr
        assert reloaded.read_text().strip() == f"releases/{expected}"  # the reload ran after the switch
        assert current(dest) == f"releases/{expected}"
        assert (dest / "current" / "site" / "index.html").read_text() == PAGE.format(expected)
    result = run_script("deploy.py", "rollback", "--dest", str(dest))
    assert result.returncode == 2 and "oldest release" in result.stderr
    assert current(dest) == "releases/r1"


def test_real_deploy_with_the_real_checks_is_served_by_nginx(built_site, tmp_path):
    from handbook import nginx

    dest = tmp_path / "srv"
    result = run_script("deploy.py", "deploy", "--dest", str(dest), "--site", str(built_site))
    assert result.returncode == 0, result.stdout + result.stderr
    for check in ("check content", "check links", "check translations", "check permalinks"):
        assert check in result.stdout  # every checker of make check ran on the copy
    name = current(dest).split("/")[-1]
    assert name.split("-")[-1] and (dest / "releases" / name / "site" / "index.html").read_bytes() == (built_site / "index.html").read_bytes()
    # nginx serves DEST/current through the include the deploy rendered.
    from nginx_server import Server
    import subprocess
    import time
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    port = free_port()
    config = run_dir / "nginx.conf"
    config.write_text(nginx.server_config(dest / "current" / "nginx" / "pedoman.conf", run_dir, port))
    process = subprocess.Popen(["nginx", "-p", str(run_dir), "-e", str(run_dir / "error.log"), "-c", str(config)])
    server = Server(process, port, "/pedoman/", run_dir)
    try:
        for _ in range(100):
            try:
                status, headers, body = fetch(server, "")
                break
            except OSError:
                time.sleep(0.1)
        assert status == 200 and body == (built_site / "index.html").read_bytes()
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert fetch(server, "en/not-there/")[0] == 404
    finally:
        server.stop()
