"""How the tests and benchmarks start Chromium headless on this machine.

Which Chromium: the ``CHROMIUM`` environment variable when set (a path or a command name), else
Debian's ``chromium``, else Ubuntu's ``chromium-browser`` or Google's ``google-chrome``. On Ubuntu,
where Chromium is a snap, point ``CHROMIUM`` at a non-snap build if the snap cannot start headless
from your shell (``CHROMIUM=/path/to/chrome make test``).

Without the background-networking flags Chromium keeps trying to reach Google's hosts, which the
closed network refuses; --no-sandbox because CI runs as root.
"""

from __future__ import annotations

import os
import shutil

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_executable() -> str:
    """The Chromium to drive; a clear message when there is none (tests report it as a failure)."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        found = shutil.which(chosen) or (chosen if os.access(chosen, os.X_OK) else None)
        if not found:
            raise FileNotFoundError(f"CHROMIUM={chosen} is not an executable; set it to Chromium's path or unset it")
        return found
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError(
        "no Chromium found (looked for " + ", ".join(CANDIDATES) + "); on Debian run 'make system-packages', "
        "elsewhere set CHROMIUM=/path/to/chromium"
    )


# Kept for callers that only need a best guess; find_executable() explains a missing browser.
EXECUTABLE = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
