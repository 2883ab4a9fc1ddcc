"""What the corpus rules (B102, X101-X103) share: stable hashes, normalised text, sites.

Signatures travel from worker processes to the parent, so nothing here uses
Python's ``hash()`` (salted per process): hashes are BLAKE2b digests or CRC32.
"""

from __future__ import annotations

import hashlib
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
