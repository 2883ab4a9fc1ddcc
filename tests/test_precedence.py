"""One line, one finding: B102 (mined per source) leaves a line to B101/P101/P102 when they report it."""

import json

from corpuscheck.check import check
from corpuscheck.rules import get_rule

STORIES = [
    "Hujan deras mengguyur ibu kota sejak pagi.",
    "Harga cabai turun pekan ini di pasar induk.",
    "Jalan tol baru dibuka untuk umum hari ini.",
    "Museum kota dibuka kembali setelah renovasi.",
    "Harga beras naik tipis menjelang akhir bulan.",
    "Banjir merendam ratusan rumah di pinggir sungai.",
    "Pemerintah kota meresmikan taman baru di pusat kota.",
    "Sekolah kembali dibuka setelah libur panjang.",
    "Pasar malam digelar di alun-alun kota akhir pekan.",
    "Kereta cepat menambah jadwal perjalanan mulai besok.",
    "Bandara menambah rute penerbangan ke luar negeri.",
    "Petani menyambut musim panen dengan gembira.",
]


def _corpus(tmp_path):
    path = tmp_path / "site.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number, story in enumerate(STORIES, start=1):
            text = f"JAKARTA - {story}\nADVERTISEMENT\nIkuti kanal kami di aplikasi pesan\nKalimat penutup nomor {number}."
            out.write(json.dumps({"title": f"Berita {number}", "text": text, "source": "site.example"}) + "\n")
    return str(path)


def _lines(report, code):
    return sorted({(f.record, f.line) for f in report.findings if f.code == code})


def test_b102_leaves_b101_lines_to_b101(tmp_path):
    path = _corpus(tmp_path)
    both = check([path], select=["B101", "B102"], jobs=1)
    b101, b102 = _lines(both, "B101"), _lines(both, "B102")
    assert b101 == [(n, 2) for n in range(1, 13)]  # ADVERTISEMENT: B101's lexicon knows it
    assert b102 == [(n, 3) for n in range(1, 13)]  # the site's own furniture: only mining finds it
    assert not set(b101) & set(b102)


def test_b102_alone_reports_every_mined_line(tmp_path):
    alone = check([_corpus(tmp_path)], select=["B102"], jobs=1)
    assert _lines(alone, "B102") == sorted((n, line) for n in range(1, 13) for line in (2, 3))


def test_b102_declares_its_precedence():
    assert set(get_rule("B102").defers_to) == {"B101", "P101", "P102"}
