"""The page formats the engine knows: template sections, front-matter keys, the national values.

Keyed by kind of page (values, cases, context); which folder holds each kind, the languages and the
list of values and contexts are the handbook's own, read from its mkdocs.yml and its pages
(handbook/settings.py), never from here. See ../../CONTRIBUTING.md.
"""

from __future__ import annotations

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

# Template sections (explicit heading ids, in order), per kind of page.
TEMPLATE_SECTIONS = {
    "values": (
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
    "cases": ("situasi", "dilema", "pertanyaan", "pendekatan", "catatan-pelatih"),
    "context": ("gambaran", "tantangan", "praktik-baik", "karakter-terkait", "sumber"),
}

REQUIRED_FRONT_MATTER = {
    "values": ("title", "nomor", "ringkas", "berakhlak"),
    "cases": ("title", "ringkas", "karakter", "konteks", "durasi"),
    "context": ("title", "ringkas", "karakter"),
}

# Which front-matter keys hold slugs, and what they may name: a fixed list, or the slugs of the
# pages of a kind (the handbook's own values and contexts, read from its pages).
SLUG_KEYS = {
    "berakhlak": tuple(BERAKHLAK),
    "karakter": "values",
    "konteks": "context",
}
