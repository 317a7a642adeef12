"""Keep every published link of the handbook alive: the permalink registry (permalinks.txt).

Commands:
  check   every registered page and section permalink (every language) still resolves on the
          built site, directly or through a recorded move; new permalinks not yet registered are
          listed (an error with --strict). Codes: PERMALINK_GONE, MOVE_TARGET_GONE, UNREGISTERED.
  add     register every page and section permalink of the built site that is not registered yet
          (adding is free).
  move    record that OLD now lives at NEW (a page, or a section id on a page). For a page of the
          source language, its translations' addresses (en/...) move too. The build then makes a redirect page (pages) or an alias id
          (sections). Removing a permalink is only possible this way: it needs a destination.

Output: `permalinks.txt:<line>: <CODE>: <message>`. Exit status: 0 clean, 1 problems, 2 bad input.

Usage:
  handbook permalinks check [--site site] [--strict]
  handbook permalinks add [--site site]
  handbook permalinks move /karakter/lama/ /karakter/baru/
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from handbook import registry
from handbook.addresses import project_languages
from handbook.builtsite import SiteError, list_files

from handbook.project import ROOT
HEADER = """\
# Published permalinks of the handbook: every page and section address, in both languages.
# Trainers paste these into slides and chats: never delete a line. When a page or a section id
# moves, record it with `handbook permalinks move OLD NEW`; new ones are added with
# `handbook permalinks add` (or `make permalinks`). See CONTRIBUTING.md."""

HEADING_ID = re.compile(rb'<h([2-6]) id="([^"]+)"')
ARTICLE = re.compile(rb'<article class="md-content__inner[^"]*"[^>]*>(.*?)</article>', re.S)
ANY_ID = re.compile(rb'\sid="([^"]+)"')
REDIRECT_MARK = b'<meta name="pedoman-redirect"'


def published(site: Path) -> dict[str, set[str]]:
    """Page address -> section ids (h2-h6 in the content), for every built page but 404 and redirects."""
    pages = {}
    for path in sorted(list_files(site)):
        if not path.endswith("index.html"):
            continue
        raw = (site / path).read_bytes()
        if REDIRECT_MARK in raw:
            continue
        article = ARTICLE.search(raw)
        content = article.group(1) if article else b""
        address = "/" + path[: -len("index.html")]
        pages[address] = {m.group(2).decode() for m in HEADING_ID.finditer(content)}
    return pages


def all_ids(site: Path, address: str) -> set[str]:
    path = site / address.lstrip("/") / "index.html"
    return {m.decode() for m in ANY_ID.findall(path.read_bytes())} if path.exists() else set()


def resolves(site: Path, address: str) -> bool:
    page, fragment = registry.split(address)
    path = site / page.lstrip("/") / "index.html"
    if not path.exists() or REDIRECT_MARK in path.read_bytes():
        return False
    return not fragment or fragment in all_ids(site, page)


def check(site: Path, file: Path, strict: bool) -> list[str]:
    entries = registry.read(file)
    moved = registry.moves(entries)
    problems = []
    known = {e.address for e in entries}
    for entry in entries:
        if entry.moved_to:
            final = registry.follow(entry.address, moved)
            if not resolves(site, final):
                problems.append(f"{file.name}:{entry.line}: MOVE_TARGET_GONE: {entry.address} moved to {final}, which does not resolve; record where it went next with 'move'")
            continue
        final = registry.follow(entry.address, moved)
        if not resolves(site, final):
            problems.append(
                f"{file.name}:{entry.line}: PERMALINK_GONE: {entry.address} no longer resolves; restore it, or record "
                f"where it went: handbook permalinks move {entry.address} <new address>"
            )
    unregistered = [
        address
        for page, ids in published(site).items()
        for address in [page, *sorted(f"{page}#{i}" for i in ids)]
        if address not in known
    ]
    if unregistered and strict:
        problems += [f"{file.name}:1: UNREGISTERED: {a} is published but not registered; run: handbook permalinks add" for a in unregistered]
    elif unregistered:
        print(f"permalinks: {len(unregistered)} new permalink(s) not registered yet; run: handbook permalinks add", file=sys.stderr)
    return problems


def add(site: Path, file: Path) -> int:
    entries = registry.read(file, missing_ok=True)
    known = {e.address for e in entries}
    rows = [(e.address, e.moved_to) for e in entries]
    new = [
        address
        for page, ids in published(site).items()
        for address in [page, *sorted(f"{page}#{i}" for i in ids)]
        if address not in known
    ]
    registry.write(file, HEADER, rows + [(a, None) for a in new])
    print(f"permalinks: added {len(new)} permalink(s) to {file.name}")
    return len(new)


def move(file: Path, old: str, new: str) -> None:
    entries = registry.read(file)
    pairs = [(old, new)]
    languages = project_languages()
    if languages.of_path(old) == languages.default:  # a move in the source language moves its translations' addresses too
        pairs += [(f"/{languages.prefix(lang)}{old.lstrip('/')}", f"/{languages.prefix(lang)}{new.lstrip('/')}") for lang in languages.others]
    rows = [(e.address, e.moved_to) for e in entries]
    for source, target in pairs:
        rows = [(a, m) for a, m in rows if a != source] + [(source, target)]
    registry.write(file, HEADER, rows)
    for source, target in pairs:
        print(f"permalinks: recorded {source} -> {target}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # --file is accepted before or after the command word (`permalinks --file F check`, `check --file F`).
    parser.add_argument("--file", type=Path, dest="file_before", help="the registry (default: permalinks.txt)")
    registry_file = argparse.ArgumentParser(add_help=False)
    registry_file.add_argument("--file", type=Path, help="the registry (default: permalinks.txt)")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("check", "add"):
        command = commands.add_parser(name, parents=[registry_file])
        command.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
        if name == "check":
            command.add_argument("--strict", action="store_true", help="unregistered permalinks are errors")
    moving = commands.add_parser("move", parents=[registry_file])
    moving.add_argument("old")
    moving.add_argument("new")
    args = parser.parse_args(argv)
    args.file = args.file or args.file_before or ROOT / "permalinks.txt"
    try:
        if args.command == "move":
            for address in (args.old, args.new):
                if not address.startswith("/") or not registry.split(address)[0].endswith("/"):
                    print(f"permalinks: '{address}' is not a permalink; write '/section/page/' or '/section/page/#id'", file=sys.stderr)
                    return 2
            move(args.file, args.old, args.new)
            return 0
        if not (args.site / "index.html").exists():
            print(f"permalinks: {args.site} holds no built site; run make site first or pass --site", file=sys.stderr)
            return 2
        if args.command == "add":
            add(args.site, args.file)
            return 0
        problems = check(args.site, args.file, args.strict)
    except (registry.RegistryError, SiteError) as error:
        print(f"permalinks: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
