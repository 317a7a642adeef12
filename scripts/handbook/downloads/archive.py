"""Zip a built site reproducibly: same files in, same bytes out.

Entries are sorted, stamped with the commit's date (SOURCE_DATE_EPOCH), and carry fixed
permissions, so two builds of one commit give byte-identical archives. Standard library only.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

EARLIEST_ZIP_TIME = 315532800  # 1980-01-01, the first date a zip entry can hold


def zip_folder(folder: Path, target: Path, top: str, epoch: int) -> int:
    """Write every file under ``folder`` to ``target`` inside a folder ``top``; returns the file count."""
    stamp = time.gmtime(max(epoch, EARLIEST_ZIP_TIME))[:6]
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return len(files)
