"""Atomic deploys of the built site to a folder a web server serves, with rollback.

Layout under DEST (e.g. /srv/pedoman):

    DEST/releases/<UTC time>-<commit>/site/    the built site, as `make site` wrote it
    DEST/releases/<UTC time>-<commit>/nginx/   scripts/handbook/nginx_templates/ rendered for DEST/current (pedoman.conf)
    DEST/current -> releases/<...>             what the server serves (nginx: include
                                               DEST/current/nginx/pedoman.conf)

deploy: copy the site into a hidden staging folder under DEST/releases, run every --check command
on that copy ({site} in a command is replaced by its path; by default the checkers of `make check`), render the nginx include, rename the
staging folder to its release name, then switch DEST/current in one step: a new symlink is created
beside it and renamed over it (ln -s + mv -T; rename(2) is atomic, so a reader gets the old or the
new site, never a mix). Anything failing before the switch removes the staging folder and leaves
DEST/current as it was. Then all but the newest --keep releases are removed (never the current
one), and --reload (e.g. "systemctl reload nginx") runs so nginx reads the new include.

rollback: point DEST/current at the release before the current one (by name, which sorts by
time), and run --reload.

Usage:
  handbook deploy --dest /srv/pedoman [--site site] [--check 'CMD {site}']...
                                  [--keep 5] [--name NAME] [--prefix /pedoman/] [--reload CMD]
  handbook rollback --dest /srv/pedoman [--reload CMD]
Exit status: 0 done, 1 a check, the copy or the reload failed (current unchanged unless the
reload failed), 2 unusable input (no site, no release to go back to).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

from handbook import nginx

from handbook.project import ROOT
STAGING = ".staging-"
# What `make check` runs, on the copy about to go live (used when no --check is given).
CHECKS = [
    f"{shlex.quote(sys.executable)} -m handbook check content",
    f"{shlex.quote(sys.executable)} -m handbook check links --site {{site}}",
    f"{shlex.quote(sys.executable)} -m handbook check translations --site {{site}}",
    f"{shlex.quote(sys.executable)} -m handbook check permalinks --site {{site}} --strict",
]


class DeployError(Exception):
    """Something failed; the message says what. ``code`` is the exit status."""

    def __init__(self, message: str, code: int = 1, switched: bool = False):
        super().__init__(message)
        self.code, self.switched = code, switched


def releases(dest: Path) -> list[str]:
    folder = dest / "releases"
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")) if folder.is_dir() else []


def current(dest: Path) -> str | None:
    link = dest / "current"
    return Path(os.readlink(link)).name if link.is_symlink() else None


def switch(dest: Path, name: str) -> None:
    """DEST/current -> releases/NAME in one rename (relative link, so DEST can move)."""
    if (dest / "current").exists() and not (dest / "current").is_symlink():
        raise DeployError(f"{dest / 'current'} exists and is not a symlink; move it away first", 2)
    temporary = dest / f".current-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    os.symlink(f"releases/{name}", temporary)
    os.replace(temporary, dest / "current")  # rename(2): atomic, like `mv -T`


def release_name() -> str:
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    commit = subprocess.run(["git", "rev-parse", "--short=10", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return f"{stamp}-{commit.stdout.strip()}" if commit.returncode == 0 and commit.stdout.strip() else stamp


def run(command: str, what: str, switched: bool = False) -> None:
    print(f"deploy: {what}: {command}", flush=True)
    result = subprocess.run(command, shell=True)
    if result.returncode != 0:
        raise DeployError(f"{what} failed (exit {result.returncode}): {command}", switched=switched)


def prune(dest: Path, keep: int) -> list[str]:
    names, live = releases(dest), current(dest)
    removed = [name for name in names[: max(0, len(names) - keep)] if name != live]
    for name in removed:
        shutil.rmtree(dest / "releases" / name)
    return removed


def deploy(site: Path, dest: Path, checks: list[str], keep: int, name: str | None, prefix: str | None, reload: str | None) -> str:
    if not (site / "index.html").is_file():
        raise DeployError(f"{site}: no built site here (no index.html); run make site first", 2)
    if keep < 1:
        raise DeployError("--keep must be at least 1", 2)
    name = name or release_name()
    if "/" in name or name.startswith("."):
        raise DeployError(f"release name '{name}' may not contain '/' or start with '.'", 2)
    target = dest / "releases" / name
    if target.exists():
        raise DeployError(f"{target} exists already; pass another --name", 2)
    staging = dest / "releases" / f"{STAGING}{name}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        shutil.copytree(site, staging / "site", symlinks=True)  # copy2 keeps times: ETags stay stable
        for check in checks:
            run(check.replace("{site}", shlex.quote(str(staging / "site"))), "check")
        live = dest.resolve() / "current"
        nginx.render(staging / "site", staging / "nginx", prefix or nginx.site_prefix(site),
                     ROOT / "permalinks.txt", site_path=live / "site", conf_path=live / "nginx")
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = current(dest)
    switch(dest, name)
    print(f"deploy: {dest / 'current'} -> releases/{name}" + (f" (was {previous})" if previous else ""))
    for old in prune(dest, keep):
        print(f"deploy: removed old release {old}")
    if reload:
        run(reload, "reload", switched=True)
    return name


def rollback(dest: Path, reload: str | None) -> str:
    names, live = releases(dest), current(dest)
    if live not in names:
        raise DeployError(f"{dest / 'current'} points at no release; nothing to roll back from", 2)
    index = names.index(live)
    if index == 0:
        raise DeployError(f"{live} is the oldest release kept in {dest / 'releases'}; nothing to go back to", 2)
    switch(dest, names[index - 1])
    print(f"deploy: {dest / 'current'} -> releases/{names[index - 1]} (was {live})")
    if reload:
        run(reload, "reload", switched=True)
    return names[index - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    go = commands.add_parser("deploy", help="copy, check and switch to a new release")
    back = commands.add_parser("rollback", help="switch back to the release before the current one")
    for command in (go, back):
        command.add_argument("--dest", type=Path, required=True, help="the deploy folder, e.g. /srv/pedoman")
        command.add_argument("--reload", help="run after switching, e.g. 'systemctl reload nginx'")
    go.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    go.add_argument("--check", action="append", help="a command run on the copy; {site} is its path (repeatable; default: the checks of make check)")
    go.add_argument("--keep", type=int, default=5, help="releases to keep (default 5)")
    go.add_argument("--name", help="release name (default: UTC time and commit)")
    go.add_argument("--prefix", help="address path for nginx (default: from the site's SITE_URL)")
    args = parser.parse_args(argv)
    dest = args.dest.absolute()
    try:
        if args.command == "deploy":
            deploy(args.site, dest, args.check if args.check is not None else CHECKS, args.keep, args.name, args.prefix, args.reload)
        else:
            rollback(dest, args.reload)
    except DeployError as error:
        note = "; current was switched, reload the server by hand" if error.switched else "; current is unchanged"
        print(f"deploy: error: {error}{note}", file=sys.stderr)
        return error.code
    except nginx.NginxError as error:
        print(f"deploy: error: {error}; current is unchanged", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
