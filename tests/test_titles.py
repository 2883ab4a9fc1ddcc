"""Title detection when no title field is given (issue 9): the first line is the title only when it
looks like one (short, no final full stop, no dateline before a sentence); a first paragraph stays in
the body, so it is checked like the rest."""

import json
from pathlib import Path

import pytest

from corpuscheck.input.document import Document, from_text
from corpuscheck.input.loader import iter_items
from corpuscheck.rules.news.dateline import find_dateline

TITLE_CASES = [
    ("Banjir Rendam Jakarta, Ribuan Warga Mengungsi\nJAKARTA - Banjir merendam ...",
     "Banjir Rendam Jakarta, Ribuan Warga Mengungsi"),
    ("Kenapa Harga Beras Naik?\nHarga beras naik lagi.", "Kenapa Harga Beras Naik?"),
    ("Lirik Lagu Kangen - Nella Kharisma\nBait pertama.", "Lirik Lagu Kangen - Nella Kharisma"),
    ("PSG - Real Madrid 2-1: Analisis Laga\nKalimat.", "PSG - Real Madrid 2-1: Analisis Laga"),
    ("Apa Kata Dia...\nKalimat.", "Apa Kata Dia..."),
    ("\n\nJudul Setelah Baris Kosong\nKalimat.", "Judul Setelah Baris Kosong"),
    ("JAKARTA, KOMPAS.com - Gubernur meresmikan jalan layang baru di pusat kota pagi ini\nKalimat kedua.", None),
    ("(Reuters) - The bank raised its main rate by a quarter point on Tuesday afternoon\nSecond line.", None),
    ("The council approved the budget on Monday.\nSecond paragraph.", None),
    ("“Kami menolak,” kata dia.\nKalimat kedua.", None),
    ("x" * 151 + "\nSecond paragraph.", None),
    (" ".join(["kata"] * 26) + "\nSecond paragraph.", None),
]


@pytest.mark.parametrize("text,title", TITLE_CASES)
def test_first_line_is_a_title_only_when_it_looks_like_one(text, title):
    doc = from_text(text)
    assert doc.title == title
    if title is None:
        assert doc.body_start == 1 and doc.body == doc.text
    else:
        assert doc.lines[doc.title_line - 1].strip() == title


OPENING = "JAKARTA - Gubernur meresmikan jalan layang baru di pusat kota pagi ini.\nKalimat kedua."


@pytest.mark.parametrize("record", [{"text": OPENING}, {"title": None, "text": OPENING}, {"title": "  ", "text": OPENING}])
def test_jsonl_without_title_keeps_its_first_paragraph(tmp_path, record):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = [d for d in iter_items([str(path)]) if isinstance(d, Document)]
    assert doc.title is None and doc.body_start == 1
    assert find_dateline(doc).text == "JAKARTA -"


def test_jsonl_title_field_is_kept(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"title": "Judul", "text": OPENING}) + "\n", encoding="utf-8")
    (doc,) = [d for d in iter_items([str(path)]) if isinstance(d, Document)]
    assert doc.title == "Judul" and doc.body_start == 1


def test_txt_title_and_paragraph(tmp_path):
    (tmp_path / "a.txt").write_text("Judul Berita Hari Ini\nJAKARTA - Isi.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(OPENING, encoding="utf-8")
    docs = {Path(d.path).name: d for d in iter_items([str(tmp_path)]) if isinstance(d, Document)}
    assert docs["a.txt"].title == "Judul Berita Hari Ini" and docs["a.txt"].body_start == 2
    assert docs["b.txt"].title is None and docs["b.txt"].body_start == 1


@pytest.mark.parametrize("text", [
    "LUANDA, May 20 (Reuters) – Prices rose\nagain this year, officials said.",
    "கோலாலம்பூர், அக் -29,\nஅம்பாங் பகுதியில் ஒருவர் கைது செய்யப்பட்டார்.",
    "JAKARTA -\nPemerintah menaikkan harga.",
])
def test_a_line_broken_after_a_dateline_is_no_title(text):
    doc = from_text(text)
    assert doc.title is None and find_dateline(doc) is not None
