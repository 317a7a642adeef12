"""Small fixes to Material's markup that the Nu HTML Checker (vnu) reports as errors.

- ``tabindex=""`` on navigation section labels (``partials/nav-item.html`` writes the attribute
  even when it has no value): an empty tabindex is invalid and browsers ignore it, so dropping it
  changes nothing but the validator's verdict. Done here rather than by copying Material's
  nav-item partial into overrides (a 150-line fork to change one attribute).

Material's other known errors are listed, with the reason each stays, in
tests/vnu-known-material-errors.txt. Runs in every build (listed in mkdocs.yml ``hooks``).
"""

from __future__ import annotations

import re

EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')


def _fix(html: str) -> str:
    return EMPTY_TABINDEX.sub(r"\1", html)


def on_post_page(output, page, config):
    return _fix(output)


def on_post_template(output, template_name, config):
    return _fix(output) if template_name.endswith(".html") else output
