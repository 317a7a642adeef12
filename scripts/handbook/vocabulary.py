"""The handbook's fixed vocabulary: languages, slugs, template sections, front-matter keys.

These are the single source for hooks, scripts and tests (see ../../CONTRIBUTING.md).
"""

from __future__ import annotations

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

# The eight characters, in the order the Bupati named them on 30 June 2025.
CHARACTER_SLUGS = (
    "integritas",
    "kompetensi-profesional",
    "empati-sosial",
    "komunikasi",
    "jiwa-wirausaha",
    "semangat-pembelajar",
    "ketahanan-mental",
    "kesadaran-digital",
)

CONTEXT_SLUGS = (
    "wilayah-kepulauan",
    "keterbatasan-infrastruktur",
    "adat-dan-keberagaman",
    "pelayanan-fleksibel",
)

# BerAKHLAK core values (SE MenPANRB Nomor 20 Tahun 2021): slug -> (name, English gloss).
BERAKHLAK = {
    "berorientasi-pelayanan": ("Berorientasi Pelayanan", "service-oriented"),
    "akuntabel": ("Akuntabel", "accountable"),
    "kompeten": ("Kompeten", "competent"),
    "harmonis": ("Harmonis", "harmonious"),
    "loyal": ("Loyal", "loyal"),
    "adaptif": ("Adaptif", "adaptive"),
    "kolaboratif": ("Kolaboratif", "collaborative"),
}

# Template sections (explicit heading ids, in order), per site section.
TEMPLATE_SECTIONS = {
    "karakter": (
        "ringkasan",
        "makna",
        "mengapa-penting",
        "perilaku",
        "kaitan-berakhlak",
        "refleksi",
        "uji-diri",
        "studi-kasus",
        "sumber",
    ),
    "studi-kasus": ("situasi", "dilema", "pertanyaan", "pendekatan", "catatan-pelatih"),
    "konteks-lokal": ("gambaran", "tantangan", "praktik-baik", "karakter-terkait", "sumber"),
}

REQUIRED_FRONT_MATTER = {
    "karakter": ("title", "nomor", "ringkas", "berakhlak"),
    "studi-kasus": ("title", "ringkas", "karakter", "konteks", "durasi"),
    "konteks-lokal": ("title", "ringkas", "karakter"),
}

# Which front-matter keys hold slugs, and which slugs they may name.
SLUG_KEYS = {
    "berakhlak": tuple(BERAKHLAK),
    "karakter": CHARACTER_SLUGS,
    "konteks": CONTEXT_SLUGS,
}
