"""`handbook check`: every check of the pages that needs no built site, in one run.

The content checker (templates, front matter, blocks, terms), then, in a handbook of several
languages, the translation checker. Each prints its own problems; the exit status is the worst of
them (0 clean, 1 problems, 2 unusable input). The checks of a built site (links, permalinks) take
its folder: `handbook check links --site DIR`, `handbook check permalinks --site DIR`.
"""

from __future__ import annotations

import argparse
import sys

from handbook.commands import check_content, check_translations
from handbook.settings import load as load_settings


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args(argv)
    codes = [check_content.main([])]
    if codes[0] != 2 and len(load_settings().languages.codes) > 1:
        codes.append(check_translations.main(["check"]))
    return max(codes)


if __name__ == "__main__":
    sys.exit(main())
