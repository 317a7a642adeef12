"""How the tests and benchmarks start Debian's Chromium headless on this machine.

Without the background-networking flags Chromium keeps trying to reach Google's hosts, which the
closed network refuses; --no-sandbox because CI runs as root.
"""

from __future__ import annotations

import shutil

EXECUTABLE = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
