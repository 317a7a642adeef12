"""The pages `handbook new` writes: a small handbook in plain Indonesian (and English), each page in
the format the engine's checker holds it to, each saying what an agency replaces.

The example people (Sari, Yohanes, Ani, Markus) are invented, as every case's people must be.
"""

from __future__ import annotations

import json


TEXT = {
    "id": {
        "site_name": "Pedoman ASN",
        "description": "Pedoman bagi CPNS dan ASN baru: nilai, studi kasus, dan panduan pelatih.",
        "publisher": "Tim Penyusun Pedoman",
        "nav_titles": {"home": "Beranda", "values": "Nilai", "cases": "Studi kasus", "trainer_guide": "Panduan pelatih",
                       "glossary": "Glosarium", "downloads": "Unduhan"},
    },
    "en": {
        "site_name": "Civil Servant Handbook",
        "description": "A handbook for new civil servants: values, case studies and a trainer guide.",
        "publisher": "The handbook drafting team",
        "nav_titles": {"home": "Home", "values": "Values", "cases": "Case studies", "trainer_guide": "Trainer guide",
                       "glossary": "Glossary", "downloads": "Downloads"},
    },
}
# The i18n plugin translates the nav's section titles from the source language's.
TEXT["en"]["nav"] = {TEXT["id"]["nav_titles"][key]: title for key, title in TEXT["en"]["nav_titles"].items()}
TEXT["id"]["nav"] = {}

ABBREVIATIONS = """*[ASN]: Aparatur Sipil Negara
*[CPNS]: Calon Pegawai Negeri Sipil
*[PDF]: Portable Document Format
*[HTML]: HyperText Markup Language
"""

TERMS = """# Terms that stay untranslated, as every page writes them (see the engine's CONTRIBUTING.md).
terms:
  - {term: ASN, kind: asn}
  - {term: BerAKHLAK, kind: asn}
wording: []
quotes: []
"""

_QUESTIONS = {
    "id": [
        ("amplop", True, "Seorang warga menyelipkan uang ke dalam berkasnya. Apa yang Anda lakukan?",
         ["Menerimanya, karena jumlahnya kecil.", "Menolaknya dengan sopan; layanan ini gratis.", "Menyimpannya dulu dan memutuskan besok."], 1,
         ["Jumlah kecil tetap pemberian karena jabatan.", "Warga tahu layanan ini gratis dan tidak malu.", "Menunda tetap berarti menerima pemberian itu."]),
        ("antrean", True, "Kerabat Anda meminta didahulukan di antrean. Apa yang Anda lakukan?",
         ["Mendahulukannya, karena ia keluarga.", "Memintanya mengambil nomor antrean.", "Melayaninya diam-diam setelah jam kerja."], 1,
         ["Warga lain menunggu lebih lama tanpa alasan.", "Semua warga dilayani dengan urutan yang sama.", "Layanan di luar jam tetap mendahulukan kerabat."]),
        ("salah-ketik", False, "Anda salah mengetik nama warga di surat yang sudah dikirim. Apa yang Anda lakukan?",
         ["Diam saja, karena warga belum sadar.", "Menyalahkan printer kantor.", "Memberi tahu warga dan memperbaikinya."], 2,
         ["Kesalahan kecil bisa merugikan warga nanti.", "Warga tetap dirugikan oleh surat yang keliru.", "Mengakui kesalahan menjaga kepercayaan warga."]),
        ("janji", False, "Anda berjanji menelepon warga hari ini, tetapi sinyal hilang. Apa yang Anda lakukan?",
         ["Menelepon saat sinyal kembali dan menjelaskan.", "Menunggu warga menelepon lebih dulu.", "Menganggap janji itu batal karena sinyal hilang."], 0,
         ["Warga tahu janji tetap ditepati.", "Warga menunggu tanpa kabar.", "Warga kehilangan kepercayaan."]),
        ("laporan", False, "Atasan meminta angka layanan dibuat lebih baik dari kenyataan. Apa yang Anda lakukan?",
         ["Menuruti, karena perintah atasan.", "Menjelaskan angka yang benar dan alasannya.", "Menulis angka baru tanpa berkata apa pun."], 1,
         ["Laporan palsu merugikan perencanaan.", "Angka yang benar membantu perbaikan layanan.", "Diam tetap membuat laporan palsu."]),
    ],
    "en": [
        ("amplop", True, "A resident slips money into their file. What do you do?",
         ["Accept it, because the amount is small.", "Decline it politely: this service is free.", "Keep it for now and decide tomorrow."], 1,
         ["A small amount is still a gift for your office.", "The resident learns the service is free, without shame.", "Waiting still means accepting the gift."]),
        ("antrean", True, "A relative asks to skip the queue. What do you do?",
         ["Serve them first, because they are family.", "Ask them to take a queue number.", "Serve them quietly after office hours."], 1,
         ["Other residents wait longer for no reason.", "Every resident is served in the same order.", "Service after hours still puts a relative first."]),
        ("salah-ketik", False, "You misspelled a resident's name in a letter already sent. What do you do?",
         ["Say nothing, the resident has not noticed.", "Blame the office printer.", "Tell the resident and correct it."], 2,
         ["A small mistake can harm the resident later.", "The resident is still harmed by a wrong letter.", "Owning a mistake keeps residents' trust."]),
        ("janji", False, "You promised to call a resident today, but the signal is gone. What do you do?",
         ["Call when the signal returns and explain.", "Wait for the resident to call first.", "Consider the promise void, as the signal is gone."], 0,
         ["The resident sees the promise kept.", "The resident waits without news.", "The resident loses trust."]),
        ("laporan", False, "Your superior asks for service figures better than the truth. What do you do?",
         ["Comply, because it is an order.", "Explain the true figures and their use.", "Write new figures without a word."], 1,
         ["A false report harms planning.", "True figures help improve the service.", "Silence still makes a false report."]),
    ],
}


def _self_check(lang: str) -> str:
    lines = ["```uji-diri"]
    for ident, pre_post, question, options, best, feedback in _QUESTIONS[lang]:
        lines += [f"- id: {ident}"] + (["  pra_pasca: true"] if pre_post else []) + [f"  soal: {json.dumps(question, ensure_ascii=False)}", "  pilihan:"]
        for number, (option, answer) in enumerate(zip(options, feedback)):
            lines.append(f"    - teks: {json.dumps(option, ensure_ascii=False)}")  # JSON strings are YAML: a ': ' stays text
            if number == best:
                lines.append("      benar: true")
            lines.append(f"      umpan_balik: {json.dumps(answer, ensure_ascii=False)}")
    return "\n".join(lines + ["```"])


def pages(lang: str, name: str) -> dict[str, str]:
    """docs/ page (without its suffix) -> text, in ``lang``."""
    id_ = lang == "id"
    title = name
    return {
        "index": (
            f"---\ntitle: {'Beranda' if id_ else 'Home'}\n---\n\n# {title}\n\n"
            + ("Selamat datang. Pedoman ini menjelaskan nilai yang dipegang ASN di instansi Anda, dengan "
               "studi kasus dan panduan untuk pelatih. Ganti halaman ini dengan sambutan instansi Anda.\n\n"
               "- [Nilai](nilai/index.md)\n- [Studi kasus](kasus/index.md)\n- [Panduan pelatih](pelatih/index.md)\n"
               if id_ else
               "Welcome. This handbook explains the values ASN hold in your agency, with case studies and a guide "
               "for trainers. Replace this page with your agency's welcome.\n\n"
               "- [Values](nilai/index.md)\n- [Case studies](kasus/index.md)\n- [Trainer guide](pelatih/index.md)\n")
        ),
        "nilai/index": (
            f"---\ntitle: {'Nilai' if id_ else 'Values'}\n---\n\n"
            + ("Setiap nilai punya halaman sendiri. Tambahkan halaman di folder ini; `nomor` di front matter "
               "menentukan urutannya.\n\n" if id_ else
               "Each value has a page of its own. Add pages to this folder; `nomor` in the front matter sets their order.\n\n")
            + "<!-- auto: kartu-karakter -->\n"
        ),
        "nilai/integritas": _value(lang),
        "kasus/index": (
            f"---\ntitle: {'Studi kasus' if id_ else 'Case studies'}\n---\n\n"
            + ("Kasus ilustratif untuk kelas. Tabel ini dibuat dari front matter setiap kasus.\n\n" if id_ else
               "Illustrative cases for class. This table is made from each case's front matter.\n\n")
            + "<!-- auto: daftar-kasus -->\n"
        ),
        "kasus/hadiah-di-loket": _case(lang),
        "pelatih/index": (
            f"---\ntitle: {'Panduan pelatih' if id_ else 'Trainer guide'}\n---\n\n"
            + f"## {'Rencana sesi' if id_ else 'Session plans'} {{#sesi}}\n\n"
            + f"### {'Sesi 1: integritas' if id_ else 'Session 1: integrity'} {{#sesi-1}}\n\n"
            + "```jadwal-sesi\ndurasi: 60\nkegiatan:\n"
            + f"  - {{menit: 10, kegiatan: \"{'Pembukaan dan tujuan' if id_ else 'Opening and aims'}\"}}\n"
            + "  - {kasus: hadiah-di-loket, versi: penuh}\n"
            + f"  - {{menit: 10, kegiatan: \"{'Refleksi pribadi' if id_ else 'Personal reflection'}\"}}\n```\n"
        ),
        "glosarium/index": (
            f"---\ntitle: {'Glosarium' if id_ else 'Glossary'}\n---\n\n"
            + ("ASN\n:   Aparatur Sipil Negara, pegawai yang bekerja di instansi pemerintah.\n\n"
               "CPNS\n:   Calon Pegawai Negeri Sipil, pegawai dalam masa percobaan.\n" if id_ else
               "ASN\n:   *Aparatur Sipil Negara*, the state civil apparatus: people who work for a government agency.\n\n"
               "CPNS\n:   A candidate civil servant, in the probation period.\n")
        ),
        "unduhan/index": (
            f"---\ntitle: {'Unduhan' if id_ else 'Downloads'}\n---\n\n"
            + ("Pedoman dalam PDF dan salinan HTML untuk dibaca tanpa internet.\n\n" if id_ else
               "The handbook as PDF and an HTML copy to read without internet.\n\n")
            + "<!-- auto: berkas-unduhan -->\n"
        ),
    }


def _value(lang: str) -> str:
    id_ = lang == "id"
    sections = [
        ("ringkasan", "Ringkasan", "Summary",
         "<!-- auto: ringkas -->\n\n- Layani semua warga dengan syarat dan urutan yang sama.\n- Tolak pemberian yang berkaitan dengan jabatan.",
         "<!-- auto: ringkas -->\n\n- Serve every resident on the same terms and in the same order.\n- Decline gifts connected with your office."),
        ("makna", "Makna", "Meaning", "Pegawai yang berintegritas melayani semua warga dengan syarat yang sama dan menolak pemberian karena jabatannya.",
         "A civil servant with integrity serves every resident on the same terms and declines gifts given for the office."),
        ("mengapa-penting", "Mengapa penting", "Why it matters", "Warga percaya kepada kantor yang adil. Tulis di sini mengapa nilai ini penting di daerah Anda.",
         "Residents trust an office that is fair. Write here why this value matters where you work."),
        ("perilaku", "Perilaku kunci", "Key behaviours", "- Menolak pemberian yang berkaitan dengan jabatan.\n- Mengakui kesalahan dan memperbaikinya.",
         "- Decline gifts connected with your office.\n- Own your mistakes and correct them."),
        ("kaitan-berakhlak", "Kaitan dengan BerAKHLAK", "Link with BerAKHLAK", "Nilai ini sejalan dengan Akuntabel.",
         "This value goes with Akuntabel (accountable)."),
        ("refleksi", "Refleksi", "Reflection", "- Kapan terakhir Anda menolak sesuatu karena jabatan Anda?",
         "- When did you last decline something because of your office?"),
    ]
    body = "".join(f"## {(ti if id_ else te)} {{#{ident}}}\n\n{(bi if id_ else be)}\n\n" for ident, ti, te, bi, be in sections)
    body += f"## {'Uji diri' if id_ else 'Self-check'} {{#uji-diri}}\n\n"
    body += ("Pilih jawaban terbaik. Jawaban Anda tidak disimpan.\n\n" if id_ else "Choose the best answer. Your answers are not stored.\n\n")
    body += _self_check(lang) + "\n\n"
    body += f"## {'Studi kasus' if id_ else 'Case studies'} {{#studi-kasus}}\n\n<!-- auto: studi-kasus -->\n\n"
    body += f"## {'Sumber' if id_ else 'Sources'} {{#sumber}}\n\n" + (
        "Tulis di sini sumber setiap fakta di halaman ini, dengan nomor dan tahun peraturan.\n" if id_ else
        "List here the source of every fact on this page, with the number and year of each regulation.\n")
    return (
        f"---\ntitle: {'Integritas' if id_ else 'Integrity'}\nnomor: 1\n"
        f"ringkas: {'Jujur dan teguh, juga ketika tidak ada yang melihat.' if id_ else 'Honest and steady, also when no one is watching.'}\n"
        "berakhlak: [akuntabel]\ntokoh: []\n---\n\n" + body
    )


def _case(lang: str) -> str:
    id_ = lang == "id"
    notice = ('!!! note "Kasus ilustratif"\n    Kasus ini rekaan: nama dan kejadiannya dikarang untuk latihan.\n\n' if id_ else
              '!!! note "An illustrative case"\n    This case is made up: its names and events are invented for practice.\n\n')
    sections = [
        ("situasi", "Situasi", "The situation",
         "Sari baru sebulan bertugas di loket layanan. Yohanes, seorang warga, datang mengurus izin usaha dan menyelipkan amplop di berkasnya.",
         "Sari has worked at the service desk for a month. Yohanes, a resident, comes for a business permit and slips an envelope into his file."),
        ("dilema", "Dilema", "The dilemma", "Sari tidak ingin mempermalukan Yohanes, tetapi layanan ini gratis.",
         "Sari does not want to embarrass Yohanes, but the service is free."),
        ("pertanyaan", "Pertanyaan", "Questions", "1. Apa yang sebaiknya Sari katakan?\n2. Apa yang ia laporkan, dan kepada siapa?",
         "1. What should Sari say?\n2. What does she report, and to whom?"),
        ("pendekatan", "Pendekatan", "Approach", "Sari mengembalikan amplop dengan sopan dan menjelaskan bahwa layanan ini gratis.",
         "Sari hands the envelope back politely and explains that the service is free."),
    ]
    body = "".join(f"## {(ti if id_ else te)} {{#{ident}}}\n\n{(bi if id_ else be)}\n\n" for ident, ti, te, bi, be in sections)
    body += f"## {'Catatan pelatih' if id_ else 'Trainer notes'} {{#catatan-pelatih}}\n\n"
    body += "```jadwal-kasus\nsingkat:\n"
    body += f"  - {{menit: 10, kegiatan: \"{'Membaca situasi' if id_ else 'Reading the situation'}\"}}\n"
    body += f"  - {{menit: 10, kegiatan: \"{'Diskusi' if id_ else 'Discussion'}\"}}\n"
    body += "penuh:\n"
    body += f"  - {{menit: 10, kegiatan: \"{'Membaca situasi' if id_ else 'Reading the situation'}\"}}\n"
    body += f"  - {{menit: 20, kegiatan: \"{'Diskusi kelompok' if id_ else 'Group discussion'}\"}}\n"
    body += f"  - {{menit: 10, kegiatan: \"{'Kesimpulan' if id_ else 'Conclusions'}\"}}\n```\n"
    return (
        f"---\ntitle: {'Hadiah di loket' if id_ else 'A gift at the desk'}\n"
        f"ringkas: {'Seorang warga menyelipkan amplop di berkasnya.' if id_ else 'A resident slips an envelope into his file.'}\n"
        "karakter: [integritas]\ndurasi: 40\ntokoh: [Sari, Yohanes]\n---\n\n" + notice + body
    )
