"""L101 unexpected-language, and the per-source language mix for reports."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from corpuscheck.rules.base import Hit, Option, Rule, bad, good
from corpuscheck.rules.quality.stats import cached, document_span

MAX_CHARS = 20_000  # identify on the first 20,000 characters: enough, and bounded in cost
UNDETERMINED = "und"


@cache
def identifier():
    """py3langid's model (it ships inside the wheel: nothing is downloaded), loaded once per
    process, the first time a document is long enough to identify (about half a second, most
    of it unpacking the LZMA-compressed model)."""
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # The feature table ships as float16, and every call converts the rows it uses to float32
    # before the product. Converting it once here gives the same scores (float16 to float32
    # is exact; the product is the same float32 product) in three quarters of the time, for
    # about 28 MB more memory. Only when the model has the layout this was checked on
    # (py3langid 0.4; benchmarks/family_speed.py --check compares the scores).
    table = getattr(model, "nb_ptc", None)
    if isinstance(table, np.ndarray) and table.dtype == np.float16 and hasattr(model, "_full_model"):
        table = np.ascontiguousarray(table, dtype=np.float32)
        model.nb_ptc = table
        model._full_model = (table, model.nb_pc, model.nb_classes)
    return model


def identify(text: str) -> tuple[str, float]:
    """ISO 639-1 code (639-3 where the model has no 639-1 code) and the model's probability."""
    language, confidence = identifier().classify(text[:MAX_CHARS])
    return language, float(confidence)


def document_source(doc) -> str:
    """Where a document comes from: its ``source`` field, else its URL's host, else its folder."""
    source = doc.meta.get("source")
    if isinstance(source, str) and source.strip():
        return source.strip()
    url = doc.meta.get("url")
    if isinstance(url, str) and url.strip():
        host = urlsplit(url.strip()).hostname
        if host:
            return host.removeprefix("www.")
    return os.path.dirname(doc.path) or "."


def language_mix(rows: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, float]]:
    """``{source: {lang: share}}`` over the rows (each with this rule's ``lang`` and ``source``
    columns; rows without ``source`` are grouped by their file's folder), languages by share."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        lang = row.get("lang")
        if not lang:
            continue
        source = row.get("source") or os.path.dirname(str(row.get("path", ""))) or "."
        counts[source][lang] += 1
    return {
        source: {lang: n / sum(langs.values()) for lang, n in langs.most_common()}
        for source, langs in sorted(counts.items())
    }


def _identified(doc, min_chars: int) -> tuple[str, float]:
    def compute():
        text = doc.text.strip()
        if len(text) < min_chars:
            return UNDETERMINED, 0.0
        return identify(text)

    return cached(doc, ("language", min_chars), compute)


def measure(doc, options):
    language, confidence = _identified(doc, options["min_chars"])
    return {"lang": language, "lang_confidence": confidence, "source": document_source(doc)}


def detect(doc, options):
    expected = [code.lower() for code in options["expected"]]
    if not expected:
        return
    language, confidence = _identified(doc, options["min_chars"])
    if language == UNDETERMINED or language in expected or confidence < options["min_confidence"]:
        return
    first, last = document_span(doc)
    yield Hit(
        first,
        last if last != first else None,
        data={"lang": language, "confidence": confidence, "expected": ", ".join(expected)},
    )


_ID = (
    "Presiden meresmikan jalan tol baru di Jawa Tengah pada hari Senin. Menurut pejabat kementerian, "
    "jalan tol sepanjang 40 kilometer itu akan mempersingkat waktu tempuh antara dua kota besar dan "
    "membantu distribusi barang ke pelabuhan."
)
_EN = (
    "The president opened a new toll road in Central Java on Monday. According to ministry officials, "
    "the 40-kilometre road will shorten the journey between two large cities and help move goods to the port."
)

UnexpectedLanguage = Rule(
    code="L101",
    name="unexpected-language",
    summary="A document confidently identified as a language the corpus should not contain.",
    why=(
        "A corpus meant to be Indonesian news picks up English wire copy, a Malay or Javanese page, or a "
        "cookie wall in the site's other language; a scraper pointed at the wrong edition fills a source "
        "with a second language. Training or evaluating on such documents skews whatever the corpus is "
        "for. This rule identifies each document's language with py3langid (a naive Bayes model over byte "
        "n-grams, about 140 languages, shipped inside the package: nothing is downloaded at run time) and flags "
        "documents identified, with at least `min_confidence`, as a language not in `expected`. Every "
        "document's row gets `lang` (an ISO 639-1 code, `und` for texts shorter than `min_chars`), "
        "`lang_confidence` and `source`, and `language_mix(rows)` gives the share of each language per "
        "source for the summary."
    ),
    message="Identified as {lang!r} (confidence {confidence:.2f}), not one of the expected languages ({expected})",
    detect=detect,
    autofix=None,  # no automatic fix: a language identifier's confidence decides; route the document yourself
    measure=measure,
    measure_columns=("lang", "lang_confidence", "source"),
    severity="warning",
    options={
        "expected": Option([], "ISO 639-1 codes the corpus may contain; empty: flag nothing (the columns are still filled)"),
        "min_confidence": Option(0.8, "flag only identifications at least this probable (0-1)"),
        "min_chars": Option(200, "texts shorter than this (stripped) are not identified (`lang` is `und`)"),
    },
    known_problems=(
        "Close languages are confused: Indonesian and Malay (`id`/`ms`), Javanese or Sundanese in "
        "Indonesian text, Bosnian/Croatian/Serbian, Norwegian/Danish; list both in `expected` where that "
        "matters. A document mixing languages gets the language of most of its text (the first 20,000 "
        "characters are used). Short texts are unreliable, hence `min_chars`. Chinese, Japanese and "
        "Korean are identified well (their scripts are distinctive). The model's first load takes about "
        "2 seconds per process."
    ),
    fix="Drop or re-route the document; if a whole source is in another language, fix the scraper's target.",
    examples=(
        bad("Berita\n" + _EN, (1, 2), options={"expected": ["id"]}, note="English in an Indonesian corpus"),
        bad("Новости\n" + "Президент открыл новую платную дорогу на Яве в понедельник. По словам чиновников "
            "министерства, дорога длиной 40 километров сократит время в пути между двумя крупными городами "
            "и поможет доставлять товары в порт.",
            (1, 2), options={"expected": ["en", "id"]}),
        good("Berita\n" + _ID, options={"expected": ["id"]}),
        good("Judul\nTerlalu pendek.", options={"expected": ["en"]}, note="too short to identify"),
        good("News\n" + _EN, note="no `expected` languages: only measured"),
    ),
)
