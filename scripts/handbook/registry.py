"""The permalink registry: every published page and section address, and where moved ones went.

File format (``permalinks.txt``), one entry per line, comments with ``#``:

    /karakter/integritas/                    a page
    /karakter/integritas/#perilaku           a section of it
    /karakter/lama/ -> /karakter/baru/       a page that moved (a redirect page is built)
    /karakter/x/#lama -> /karakter/x/#baru   a section id that was renamed (an alias id is built)

Paths are site-relative with a leading ``/``; English ones start with ``/en/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ARROW = "->"


class RegistryError(Exception):
    """A malformed registry line; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    line: int
    address: str
    moved_to: str | None = None


def split(address: str) -> tuple[str, str]:
    page, _, fragment = address.partition("#")
    return page, fragment


def read(path: Path, missing_ok: bool = False) -> list[Entry]:
    """The registry's entries; a missing file is an error unless ``missing_ok`` (when adding the first)."""
    entries = []
    if not path.exists():
        if missing_ok:
            return entries
        raise RegistryError(f"{path}: the permalink registry does not exist; pass --file, or restore permalinks.txt from git")
    try:
        text_lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise RegistryError(f"{path}:1: cannot read it ({error.__class__.__name__}); restore permalinks.txt from git") from None
    for number, text in enumerate(text_lines, start=1):
        text = text.split(" #", 1)[0].strip() if not text.lstrip().startswith("#") else ""
        if not text:
            continue
        old, arrow, new = (part.strip() for part in text.partition(ARROW))
        for address in (old, new) if arrow else (old,):
            if not address.startswith("/") or " " in address or not split(address)[0].endswith("/"):
                raise RegistryError(
                    f"{path.name}:{number}: '{address}' is not a permalink; write '/section/page/' or "
                    f"'/section/page/#id' (old -> new for a move)"
                )
        entries.append(Entry(number, old, new if arrow else None))
    return entries


def moves(entries: list[Entry]) -> dict[str, str]:
    return {e.address: e.moved_to for e in entries if e.moved_to}


def follow(address: str, moved: dict[str, str]) -> str:
    """Where an address lives now: page moves first, then section renames, at most 20 steps."""
    for _ in range(20):
        if address in moved:
            address = moved[address]
            continue
        page, fragment = split(address)
        if page in moved:
            new_page, new_fragment = split(moved[page])
            address = new_page + (f"#{new_fragment or fragment}" if (new_fragment or fragment) else "")
            continue
        return address
    return address


def write(path: Path, header: str, entries: list[tuple[str, str | None]]) -> None:
    lines = [header.rstrip(), ""]
    for address, moved_to in entries:
        lines.append(f"{address} {ARROW} {moved_to}" if moved_to else address)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
