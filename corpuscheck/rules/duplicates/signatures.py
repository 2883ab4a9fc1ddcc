"""What the corpus rules (B102, X101-X103) share: stable hashes, normalised text, sites.

Signatures travel from worker processes to the parent, so nothing here uses
Python's ``hash()`` (salted per process): hashes are BLAKE2b digests or CRC32.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import regex

from corpuscheck.rules.base import DocRef

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# Scripts written without spaces between words: every character is a token.
_UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_FIRST_UNSPACED = "\u0e00"  # Thai: below it, no script of _UNSPACED
_TOKEN = regex.compile(rf"[{_UNSPACED}]|(?:(?![{_UNSPACED}])[\p{{L}}\p{{M}}\p{{N}}])+")

# Second-level labels under a country code: "republika.co.id", "bbc.co.uk" are sites of three labels.
_SECOND_LEVEL = frozenset("ac co com edu go gov mil ne net or org sch web my biz".split())
_HOST = regex.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*\.[a-z]{2,24}")


def digest(text: str, size: int = 8) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=size).digest()


def text_hash(text: str) -> int:
    """A 64-bit hash of ``text`` that is the same in every process."""
    return int.from_bytes(digest(text, 8), "little")


def words(text: str) -> list[str]:
    """The words of ``text``, case- and width-folded (punctuation, symbols and spacing dropped)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def tokens(text: str, found: list[str] | None = None) -> list[str]:
    """Like :func:`words` (or split further: ``found``, the words of ``text``), but each
    character of a script written without spaces (Chinese, Japanese, Thai) is a token."""
    found = words(text) if found is None else found
    if max(text, default="") < _FIRST_UNSPACED:
        return found
    split: list[str] = []
    for word in found:
        if max(word) < _FIRST_UNSPACED:
            split.append(word)
        else:
            split.extend(_TOKEN.findall(word))
    return split


def folded_text(doc) -> str:
    """The Document's text, NFKC-normalised and case-folded once for the corpus rules (kept on it).

    Normalisation and case folding never make or remove a line break and never join
    characters across one, so its lines are the folded lines of ``doc.lines``, one for one:
    :func:`folded_line` and :func:`body_normalized` read it instead of folding again."""
    found = doc.__dict__.get("_folded_text")
    if found is None:
        text = doc.text
        found = doc.__dict__["_folded_text"] = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    return found


def folded_lines(doc) -> list[str]:
    """:func:`folded_text` split into lines (kept on the Document): ``folded_lines(doc)[n - 1]``
    is line ``n`` as :func:`words` folds it."""
    found = doc.__dict__.get("_folded_lines")
    if found is None:
        found = doc.__dict__["_folded_lines"] = folded_text(doc).split("\n")
    return found


# Folded text with no character beyond ASCII but these punctuation marks and spaces (none of them a
# letter, mark or digit) has the words [A-Za-z0-9]+ finds: the re module finds them several times faster.
_PLAIN = re.compile("[^\x00-\x7f\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2022\u00b7\u00ab\u00bb]")
_ASCII_WORD = re.compile("[A-Za-z0-9]+")


def folded_words(folded: str) -> list[str]:
    """:func:`words` of a text already folded (a piece of :func:`folded_text`)."""
    if folded.isascii() or not _PLAIN.search(folded):
        return _ASCII_WORD.findall(folded)
    return _WORD.findall(folded)


def body_normalized(doc) -> str:
    """``normalized(doc.body)``, worked out once per Document for X101 and X103 (kept on it)."""
    found = doc.__dict__.get("_body_normalized")
    if found is None:
        folded = folded_text(doc)
        start = 0
        for _ in range(doc.title_line):  # the body is every line after the title's
            after = folded.find("\n", start)
            start = len(folded) if after < 0 else after + 1
            if after < 0:
                break
        body = folded[start:] if start else folded
        found = doc.__dict__["_body_normalized"] = " ".join(folded_words(body))
    return found


def body_identity(doc) -> bytes:
    """``body_digest(normalized(doc.body))``, once per Document (X101 and X103 both compare bodies)."""
    found = doc.__dict__.get("_body_identity")
    if found is None:
        found = doc.__dict__["_body_identity"] = body_digest(body_normalized(doc))
    return found


def normalized(body: str) -> str:
    """A body as exact duplicates compare it: its words, case-folded, joined by one space
    (spacing, line breaks and punctuation ignored)."""
    return " ".join(words(body))


def body_digest(text: str) -> bytes:
    """The identity of a :func:`normalized` body."""
    return digest(text, 16)


def site(source: str) -> str:
    """A host-like source folded to its site: ``oto.detik.com`` and ``www.detik.com`` give
    ``detik.com``, ``ekonomi.republika.co.id`` gives ``republika.co.id``, ``Liputan6.com``
    gives ``liputan6.com``. Other sources (``Okezone``, a folder) are kept as they are."""
    host = source.strip().lower().rstrip(".")
    if not _HOST.fullmatch(host):
        return source
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def name(ref: DocRef) -> str:
    """How a message names another document: its path, and ``#record`` in a multi-document file."""
    return ref.doc_id
