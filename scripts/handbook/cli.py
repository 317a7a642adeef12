"""The handbook's one command: `handbook VERB NOUN ...`, each with --help.

    handbook new DIR              start a handbook for another agency (a starter that builds)
    handbook check                the pages' checks (content, and translations with several languages)
    handbook check content        template pages: front matter, section ids, blocks, coverage
    handbook check links          links and anchors of a built site (--site)
    handbook check translations   English pages against their Indonesian sources
    handbook check permalinks     every published permalink still resolves (--site)
    handbook permalinks add|move|check
    handbook sync PAGE...         mark English pages as translated (translations.lock)
    handbook build                the site and its downloads (what `make site` runs)
    handbook bench                performance figures (what `make bench` runs)
    handbook nginx render         fill in scripts/handbook/nginx_templates/ for a built site
    handbook preview              serve site/ through nginx on 127.0.0.1 (what `make preview` runs)
    handbook deploy | rollback    atomic releases in DEST (what `make deploy` / `make rollback` run)
    handbook compat               build with ProperDocs too and compare (what `make compat` runs)

Checkers exit 0 when clean, 1 when they found problems, 2 on unusable input; each prints its
problems as `file:line: CODE: message`. Run as `handbook ...` or `python -m handbook ...`.

Every command works on the project of mkdocs.yml in the current folder, as `mkdocs` does;
`handbook -f path/to/mkdocs.yml VERB ...` names another.
"""

from __future__ import annotations

import importlib
import sys

from handbook import project

# verb (and noun) -> (module in handbook.commands, arguments put in front of the user's)
COMMANDS = {
    ("new", None): ("new", []),
    ("check", None): ("check_all", []),
    ("check", "content"): ("check_content", []),
    ("check", "links"): ("check_links", []),
    ("check", "translations"): ("check_translations", ["check"]),
    ("check", "permalinks"): ("permalinks", ["check"]),
    ("permalinks", None): ("permalinks", []),
    ("sync", None): ("check_translations", ["sync"]),
    ("build", None): ("build_site", []),
    ("bench", None): ("bench", []),
    ("nginx", None): ("nginx_site", []),
    ("preview", None): ("nginx_site", ["preview"]),
    ("deploy", None): ("deploy", ["deploy"]),
    ("rollback", None): ("deploy", ["rollback"]),
    ("compat", None): ("compat", []),
}


def usage() -> str:
    return __doc__.split("\n\n", 1)[1]


def resolve(argv: list[str]) -> tuple[str, list[str], str] | None:
    """(module, its arguments, the command's name) for a command line, or None if unknown."""
    if not argv:
        return None
    if len(argv) > 1 and (argv[0], argv[1]) in COMMANDS:
        module, prefix = COMMANDS[(argv[0], argv[1])]
        return module, prefix + argv[2:], f"handbook {argv[0]} {argv[1]}"
    if (argv[0], None) in COMMANDS:
        if len(argv) > 1 and not argv[1].startswith("-") and any(verb == argv[0] and noun for verb, noun in COMMANDS):
            return None  # a verb with nouns (check) followed by a noun it does not have
        module, prefix = COMMANDS[(argv[0], None)]
        return module, prefix + argv[1:], f"handbook {argv[0]}"
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    if argv[0] in ("-f", "--config-file"):
        if len(argv) < 2:
            print("handbook: -f needs a file: handbook -f path/to/mkdocs.yml VERB ...", file=sys.stderr)
            return 2
        project.use(argv[1])
        argv = argv[2:]
    if argv[0] != "new" and not project.CONFIG.is_file():
        print(
            f"handbook: no mkdocs.yml in {project.ROOT}: run handbook in your handbook's folder "
            "(the one holding mkdocs.yml), or name the file: handbook -f path/to/mkdocs.yml VERB ...",
            file=sys.stderr,
        )
        return 2
    found = resolve(argv)
    if found is None:
        print(f"handbook: unknown command '{' '.join(argv[:2])}'.\n\n{usage()}", file=sys.stderr)
        return 2
    module, arguments, name = found
    command = importlib.import_module(f"handbook.commands.{module}")
    sys.argv[0] = name  # argparse shows the command as it was typed in --help and errors
    return command.main(arguments)
