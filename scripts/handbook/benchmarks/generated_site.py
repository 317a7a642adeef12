"""A generated handbook-like site of N pages per language, with one seeded defect of each kind.

Used by the link-checker benchmark: it is built with the real theme and hooks, so its HTML is what
the checker meets on the real site, only larger.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

SECTIONS = 20

# Seeded defects: kind -> (page index, language, Markdown that holds it). Each kind is one
# problem the checkers may or may not find.
SEEDED = {
    "missing page": (3, "id", "[hilang](halaman-9999.md)"),
    "missing anchor": (5, "id", "[bagian hilang](halaman-0006.md#tidak-ada)"),
    "missing anchor (English page)": (7, "en", "[missing section](halaman-0008.md#tidak-ada)"),
    "missing image": (9, "id", "![peta](peta-hilang.png)"),
    "language leak": (11, "en", '<a href="../../../../arsip/bagian-00/halaman-0001/">Indonesian page</a>'),
    "duplicate id": (13, "id", "## Bagian ganda {#bagian-1}"),
    "javascript: URL": (15, "id", '<a href="javascript:alert(1)">klik</a>'),
}


def page_text(index: int, lang: str, pages: int) -> str:
    section = index // (pages // SECTIONS)
    words = "Pelayanan publik di kepulauan" if lang == "id" else "Public service in the islands"
    links = []
    for step in (1, 2, 7):
        other = (index + step) % pages
        other_section = other // (pages // SECTIONS)
        prefix = "" if other_section == section else f"../bagian-{other_section:02d}/"
        links.append(f"[{words} {other}]({prefix}halaman-{other:04d}.md#bagian-{step % 3 + 1})")
    body = [f"---\ntitle: Halaman {index} {lang}\n---\n"]
    for part in (1, 2, 3):
        body.append(f"## Bagian {part} {{#bagian-{part}}}\n\n{words} {index}, {part}. " + " ".join(links) + "\n")
    body.append("![logo](../../assets/images/logo.svg)\n")
    for kind, (where, defect_lang, markdown) in SEEDED.items():
        if where == index and defect_lang == lang:
            body.append(markdown + "\n")
    return "\n".join(body)


def write(folder: Path, root: Path, pages: int) -> Path:
    """Write docs/ and mkdocs.yml for the generated site into `folder`; return the config path."""
    docs = folder / "docs"
    for index in range(pages):
        # One level below the top, so that Material's navigation.prune keeps each page's nav small.
        section = docs / "arsip" / f"bagian-{index // (pages // SECTIONS):02d}"
        section.mkdir(parents=True, exist_ok=True)
        for lang in ("id", "en"):
            (section / f"halaman-{index:04d}.{lang}.md").write_text(page_text(index, lang, pages))
    for lang in ("id", "en"):
        (docs / f"index.{lang}.md").write_text(f"---\ntitle: Beranda {lang}\n---\n\n[Mulai](arsip/bagian-00/halaman-0000.md)\n")
    # The real site's assets (images, CSS, JavaScript), which the inherited mkdocs.yml links on every page.
    shutil.copytree(root / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    (folder / "includes").mkdir(exist_ok=True)
    (folder / "includes" / "abbreviations.md").write_text("*[ASN]: Aparatur Sipil Negara\n")
    config = folder / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            INHERIT: {root / 'mkdocs.yml'}
            docs_dir: docs
            theme:
              custom_dir: {root / 'overrides'}
            """
        )
        + "nav: null\nvalidation:\n  nav:\n    omitted_files: info\n"
    )
    return config
