"""The trainer's printed kit, per language: what build_site.py renders besides the books.

- ``kartu-kasus-peserta-<lang>.pdf``: participant case cards and the pre/post test (cards.participant);
- ``kartu-kasus-pelatih-<lang>.pdf``: the trainer edition with every answer (cards.trainer);
- ``kartu-karakter-<lang>.pdf``: one handout page per character and a pocket card (handouts.handouts).

``jobs`` describes the files (name, title and who each is for, in both languages, for the downloads
page); ``render`` makes one of them in a worker process. All interface text is in ``LABELS``.
QR codes point only at permalinks registered in permalinks.txt (qr.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from handbook.build import online_path

from . import cards, handouts, pdf, qr
from .book import BookPage, nav_sources

HERE = Path(__file__).resolve().parent
CSS_FILES = (HERE / "print.css", HERE / "cards.css")
GUIDE = "pelatih/index.md"

LABELS = {
    "id": {
        "language": "Bahasa Indonesia",
        "version": "Versi",
        "edition": "Edisi {edition}",
        "date_label": "Tanggal",
        "contents": "Daftar isi",
        "qr_alt": "Kode QR menuju {url}",
        "participant_title": "Kartu kasus peserta",
        "participant_label": "Kasus {number} dari {total}",
        "participant_header": "Pedoman ASN Maluku Tenggara · Kartu kasus peserta",
        "scan_case": "Pindai kode untuk membuka kasus ini di situs pedoman.",
        "test_title": "Tes awal dan akhir",
        "test_instructions": "{count} soal. Centang satu jawaban terbaik untuk setiap soal. Kerjakan sendiri, tanpa membuka pedoman.",
        "name": "Nama",
        "date": "Tanggal",
        "pre": "Tes awal",
        "post": "Tes akhir",
        "trainer_title": "Kartu kasus: edisi pelatih",
        "trainer_header": "Untuk pelatih · jangan dibagikan kepada peserta",
        "trainer_warning": "Untuk pelatih. Jangan dibagikan kepada peserta.",
        "trainer_subtitle": "Setiap studi kasus lengkap dengan pendekatan yang disarankan, catatan dan jadwal untuk pelatih, "
                            "kunci jawaban panduan pelatih, dan kunci tes awal dan akhir.",
        "best_answer": "Jawaban terbaik",
        "test_key_title": "Kunci tes awal dan akhir",
        "test_key_intro": "Jawaban terbaik untuk {count} soal tes awal dan akhir di akhir kartu kasus peserta, dengan alasannya.",
        "handout_title": "Kartu karakter",
        "handout_header": "Pedoman ASN Maluku Tenggara · Kartu karakter",
        "scan_character": "Pindai kode untuk membaca halaman karakter ini.",
        "behaviours": "Perilaku kunci",
        "reflection": "Pertanyaan refleksi",
        "your_notes": "Catatan Anda:",
        "values": "Nilai BerAKHLAK terkait",
        "pocket_title": "Kartu saku: delapan karakter ASN Maluku Tenggara",
        "pocket_hint": "Gunting sepanjang garis putus-putus. Pindai kode untuk membuka halaman karakternya di {url}",
    },
    "en": {
        "language": "English",
        "version": "Version",
        "edition": "Edition {edition}",
        "date_label": "Date",
        "contents": "Contents",
        "qr_alt": "QR code to {url}",
        "participant_title": "Case cards for participants",
        "participant_label": "Case {number} of {total}",
        "participant_header": "Civil Servant Handbook, Maluku Tenggara · Participant case cards",
        "scan_case": "Scan the code to open this case on the handbook site.",
        "test_title": "Pre- and post-test",
        "test_instructions": "{count} questions. Tick the one best answer to each question. Work on your own, without opening the handbook.",
        "name": "Name",
        "date": "Date",
        "pre": "Pre-test",
        "post": "Post-test",
        "trainer_title": "Case cards: trainer edition",
        "trainer_header": "For trainers · do not hand out to participants",
        "trainer_warning": "For trainers. Do not hand out to participants.",
        "trainer_subtitle": "Every case study in full, with the suggested approach, trainer notes and timings, the trainer "
                            "guide's answer keys and the key to the pre- and post-test.",
        "best_answer": "Best answer",
        "test_key_title": "Key to the pre- and post-test",
        "test_key_intro": "The best answer to each of the {count} questions of the pre- and post-test at the end of the participant case cards, with the reason.",
        "handout_title": "Character cards",
        "handout_header": "Civil Servant Handbook, Maluku Tenggara · Character cards",
        "scan_character": "Scan the code to read this character's page.",
        "behaviours": "Key behaviours",
        "reflection": "Reflection question",
        "your_notes": "Your notes:",
        "values": "Related BerAKHLAK values",
        "pocket_title": "Pocket card: the eight ASN characters of Maluku Tenggara",
        "pocket_hint": "Cut along the dashed lines. Scan a code to open that character's page at {url}",
    },
}

# The downloads page: what each file is and who it is for, in each language of the page.
FILES = {
    "participant": {
        "name": "kartu-kasus-peserta-{lang}.pdf",
        "title": {"id": "Kartu kasus peserta", "en": "Participant case cards"},
        "for": {
            "id": "Untuk dibagikan kepada peserta: situasi, dilema dan pertanyaan diskusi setiap kasus dengan kode QR, "
                  "lalu tes awal dan akhir tanpa jawaban.",
            "en": "To hand out to participants: each case's situation, dilemma and discussion questions with a QR code, "
                  "then the pre- and post-test without answers.",
        },
    },
    "trainer": {
        "name": "kartu-kasus-pelatih-{lang}.pdf",
        "title": {"id": "Kartu kasus: edisi pelatih", "en": "Case cards: trainer edition"},
        "for": {
            "id": "Hanya untuk pelatih, jangan dibagikan: kasus lengkap dengan pendekatan, catatan dan jadwal pelatih, "
                  "kunci jawaban, dan kunci tes awal dan akhir.",
            "en": "For trainers only, not to hand out: the full cases with the approach, trainer notes and timings, "
                  "the answer keys and the key to the pre- and post-test.",
        },
    },
    "handouts": {
        "name": "kartu-karakter-{lang}.pdf",
        "title": {"id": "Kartu karakter", "en": "Character cards"},
        "for": {
            "id": "Lembar pegangan untuk dibagikan kepada peserta: satu halaman per karakter, lalu kartu saku kedelapan karakter.",
            "en": "Handouts for participants: one page per character, then a pocket card of all eight.",
        },
    },
}
LANGUAGE_NAMES = {"id": {"id": "bahasa Indonesia", "en": "bahasa Inggris"}, "en": {"id": "Indonesian", "en": "English"}}


def jobs(config: dict, offline: Path, downloads: Path, docs: Path, registry_file: Path, version: str, day: date) -> list[dict]:
    """One job per file and language, in the form build_site.py hands to ``render``."""
    from babel.dates import format_date

    sources = nav_sources(config["nav"])
    cases = [s for s in sources if s.startswith("studi-kasus/") and not s.endswith("index.md")]
    characters = [s for s in sources if s.startswith("karakter/") and not s.endswith("index.md")]
    found = []
    for lang, locale in (("id", "id"), ("en", "en_GB")):
        for kind, spec in FILES.items():
            name = spec["name"].format(lang=lang)
            found.append({
                "kind": kind, "name": name, "lang": lang, "target": str(downloads / name),
                "site": str(offline), "docs": str(docs), "registry": str(registry_file), "site_url": config["site_url"],
                "cases": cases, "characters": characters, "guide": GUIDE,
                "version": version, "edition": str(config["extra"]["edition"]),
                "date": day.isoformat(), "date_text": format_date(day, format="long", locale=locale),
                "title": {page_lang: f"{spec['title'][page_lang]} ({LANGUAGE_NAMES[page_lang][lang]})" for page_lang in ("id", "en")},
                "for": spec["for"],
            })
    return found


def render(job: dict) -> tuple[str, int]:
    """Make one file of the kit (run in a worker process); returns its name and page count."""
    lang = job["lang"]
    ctx = cards.Context(
        site=Path(job["site"]), docs=Path(job["docs"]), lang=lang, site_url=job["site_url"],
        addresses=qr.Addresses(job["site_url"], Path(job["registry"])), t=LABELS[lang],
        css="\n".join(path.read_text(encoding="utf-8") for path in CSS_FILES),
        date=job["date"], date_text=job["date_text"], version=job["version"], edition=job["edition"],
    )
    pages = lambda sources: [BookPage(source, lang) for source in sources]  # noqa: E731
    if job["kind"] == "participant":
        rendered = cards.participant(ctx, pages(job["cases"]), pages(job["characters"]))
    elif job["kind"] == "trainer":
        rendered = cards.trainer(ctx, pages(job["cases"]), pages(job["characters"]), BookPage(job["guide"], lang))
    else:
        rendered = handouts.handouts(ctx, pages(job["characters"]))
    pdf.write(rendered, Path(job["target"]))
    return job["name"], len(rendered.pages)


def permalink(source: str, lang: str) -> str:
    """The registry path of a page (``/en/studi-kasus/x/``), as the QR codes use it."""
    return "/" + online_path(BookPage(source, lang).built)
