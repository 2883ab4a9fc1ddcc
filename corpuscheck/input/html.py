"""HTML pages -> Documents: the page's main text, extracted by trafilatura.

A saved page (``.html``, ``.htm``, gzipped or not) becomes one Document:

- ``title``: the page's title as trafilatura's metadata gives it (``og:title``,
  ``<title>``, ``<h1>``...), else the ``<title>`` element; ``title_line`` is 0
  (the title is not a line of the text).
- ``text``: the extracted main text, one paragraph (or list item, table row,
  heading) per line. Whitespace is folded as a browser shows it: runs of
  spaces and tabs become one space, lines are stripped, blank lines dropped.
  Line numbers of findings count lines of this text, not of the HTML file; the
  finding's excerpt is the line's text, to find the spot in the page.
- ``meta``: ``url`` (trafilatura's metadata, from ``<link rel=canonical>``,
  ``og:url`` and the like; else either of those two, absolute), ``source`` (the URL's host, without ``www.``), ``date`` (ISO date
  of publication per htmldate), ``sitename``, ``lang`` (the page's declared
  language, ISO 639 code of ``<html lang>`` or ``content-language``) and
  ``encoding`` (the character encoding the page was read with); a field that
  is unknown is absent.

Pages over 2 MB (news pages are 50-300 KB; CNN's, scripts included, 1.5 MB)
are extracted without trafilatura's fallback extractors, which cost a third
of the time on such pages; pages over 20 MB are not extracted (a LoadError).

A page with no extractable main text (an index page, a consent or paywall
page, a page that loads its text with scripts) is still a Document, with an
empty text: S101 empty-document reports it, and it counts in the suite's
proportions like any other record. Reading problems are LoadErrors with their
location: bytes that are not valid in the page's encoding, data that is not
HTML, a page too large to extract; extraction never raises.

Bytes are decoded in this order: a byte-order mark; UTF-8 when the bytes are
valid UTF-8 (scrapers often re-encode pages and keep the old ``charset``);
the charset the page declares (``<meta charset>``, ``http-equiv``, XML
declaration), with WHATWG's aliases (``iso-8859-1`` reads as ``windows-1252``);
a charset_normalizer guess; UTF-8 with U+FFFD for what is left.
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import regex

from corpuscheck.input.document import Document, LoadError

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
MAX_PAGE_BYTES = 20_000_000  # trafilatura's own MAX_FILE_SIZE; larger pages are not extracted
PARSER_MAX_DEPTH = 256  # libxml2's HTML parser keeps at most this many levels: what lies deeper is dropped
FAST_ABOVE_BYTES = 2_000_000  # larger pages skip trafilatura's fallback extractors (a third of the time)
MODES = ("balanced", "precision", "recall", "fast")

# WHATWG: these labels are decoded as other (superset) encodings by every browser.
_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "ascii": "cp1252", "us-ascii": "cp1252", "iso-8859-9": "cp1254", "latin5": "cp1254",
    "tis-620": "cp874", "iso-8859-11": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "shift_jis": "cp932", "shift-jis": "cp932",
    "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932", "big5": "big5hkscs",
}
_WIDE = {"utf-16", "utf-32"}  # a <meta> cannot declare them: the bytes that spell it are not UTF-16
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
PRESCAN_BYTES = 16_384  # where a charset declaration is looked for (browsers look at 1 KB; pages put it later)

_META_CHARSET = regex.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)|<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)""",
    regex.IGNORECASE,
)
_LEGACY_LANG = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv"}  # withdrawn ISO 639 codes (Java locales keep them)
_LANG_CODE = regex.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_SPACES = regex.compile(r"[ \t\r\f\v]+")
# The first element after the prolog (XML declaration, processing instructions, comments, doctype).
_ROOT = regex.compile(r"\A\ufeff?(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*<([A-Za-z][\w:.-]*)", regex.IGNORECASE | regex.DOTALL)
_FEEDS = {"rss": "an RSS feed", "feed": "an Atom feed", "rdf:rdf": "an RSS 1.0 (RDF) feed",
          "urlset": "a sitemap", "sitemapindex": "a sitemap index", "opml": "an OPML outline"}


@dataclass(frozen=True)
class HtmlOptions:
    """How pages are extracted.

    ``tables``: keep table rows as text lines (``| a | b |``): on by default, as
    tables are part of many articles and table residue (author boxes) is a defect
    worth seeing. ``comments``: add the reader comments trafilatura finds (off:
    the article is what is audited). ``mode``: trafilatura's trade-off,
    ``balanced`` (default), ``precision`` (less text, less boilerplate),
    ``recall`` (more text), or ``fast`` (no fallback extractors: about 30% faster).

    Bounds, checked before extraction: ``max_page_bytes`` (default 20 MB) and
    ``max_depth``, the deepest nesting of elements a page may have (default and
    most 255: libxml2's parser stops at 256 levels and drops what is deeper, so
    a page that reaches it has lost text). A page over either is a LoadError
    that names the bound, and is not extracted.
    """

    tables: bool = True
    comments: bool = False
    mode: str = "balanced"
    max_page_bytes: int | None = None  # None: MAX_PAGE_BYTES
    max_depth: int = PARSER_MAX_DEPTH - 1

    def __post_init__(self):
        if self.mode not in MODES:
            raise ValueError(f"unknown HTML extraction mode {self.mode!r} (expected one of: {', '.join(MODES)})")
        for name, top in (("max_page_bytes", None), ("max_depth", PARSER_MAX_DEPTH - 1)):
            value = getattr(self, name)
            if value is None and name == "max_page_bytes":
                continue
            if not isinstance(value, int) or isinstance(value, bool) or value < 1 or (top and value > top):
                more = f" and <= {top} (the HTML parser's own bound)" if top else ""
                raise ValueError(f"{name.replace('_', '-')} must be a whole number >= 1{more}, not {value!r}")

    @property
    def page_bytes(self) -> int:
        return self.max_page_bytes or MAX_PAGE_BYTES


DEFAULT_OPTIONS = HtmlOptions()


def is_html(path: str) -> bool:
    return path.lower().endswith(HTML_SUFFIXES)


# --- bytes -> str --------------------------------------------------------------------------------


def declared_charset(data: bytes) -> str | None:
    """The codec name of the charset the page declares near its start (None: none, or unknown)."""
    found = _META_CHARSET.search(data, 0, PRESCAN_BYTES)
    if not found:
        return None
    label = (found.group(1) or found.group(2)).decode("ascii").strip().lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _WIDE or name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name


def _guess(data: bytes) -> str | None:
    """charset_normalizer's best guess for bytes that are not UTF-8 and declare nothing."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    sample = data if len(data) <= 200_000 else data[:100_000] + data[-100_000:]
    best = from_bytes(sample).best()
    return best.encoding if best is not None else None


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    bad_offset: int | None = None  # first undecodable byte, when some were replaced
    bad_count: int = 0
    declared: bool = False


def decode_page(data: bytes) -> Decoded:
    """The page's text and the encoding it was read with (see the module's docstring for the order)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(data, codec, start=len(bom), declared=True)
    wide = _bomless_utf16(data)
    if wide:
        return _decode(data, wide, declared=False)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    declared = declared_charset(data)
    if declared and declared != "utf-8":
        return _decode(data, declared, declared=True)
    if not declared:
        guessed = _guess(data)
        if guessed:
            try:
                return Decoded(data.decode(guessed), codecs.lookup(guessed).name)
            except (LookupError, UnicodeDecodeError):
                pass
    text = data.decode("utf-8", errors="replace")
    return Decoded(text, "utf-8", first_bad, text.count("\ufffd") - data.count("\ufffd".encode()), declared=bool(declared))


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for a page that starts with ``<`` in UTF-16 without a byte-order mark."""
    head = data[:2]
    if head == b"<\x00" and data[2:3] != b"\x00":
        return "utf-16-le"
    if head == b"\x00<":
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    """Bytes that are not a page in any encoding: NUL bytes near the start of something that
    is not UTF-16 and does not open with markup, or many of them (over 1%)."""
    head = data[:4096]
    nuls = head.count(b"\x00")
    if not nuls or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _bomless_utf16(data):
        return False
    return nuls > len(head) // 100 or not head.lstrip()[:1] == b"<"


def _decode(data: bytes, codec: str, *, start: int = 0, declared: bool) -> Decoded:
    name = "utf-8" if codec == "utf-8-sig" else codecs.lookup(codec).name
    try:
        return Decoded(data[start:].decode(codec), name, declared=declared)
    except UnicodeDecodeError as exc:
        text = data[start:].decode(codec, errors="replace")
        return Decoded(text, name, start + exc.start, max(1, text.count("\ufffd") - data.count("\ufffd".encode())),
                       declared=declared)


# --- page -> Document ----------------------------------------------------------------------------


def _one_line(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _lang(tree) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[translate(@http-equiv, 'CONTENTLANGUAGE', 'contentlanguage')"
                             "='content-language']/@content")
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for value in candidates:
        if isinstance(value, str):
            found = _LANG_CODE.fullmatch(value.strip().split(",")[0].strip())
            if found:
                code = found.group(1).lower()
                return _LEGACY_LANG.get(code, code)
    return None


def _page_url(tree) -> str | None:
    for query in ("//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href",
                  "//meta[@property='og:url' or @name='og:url']/@content"):
        for value in tree.xpath(query):
            value = str(value).strip()
            if value.lower().startswith(("http://", "https://")):
                return value
    return None


def _title_element(tree) -> str | None:
    for element in tree.iter("title"):
        title = _one_line(element.text_content())
        if title:
            return title
    return None


def source_of(url: str | None) -> str | None:
    """The host of ``url``, lowercased, without a leading ``www.``."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def clean_text(text: str | None) -> str:
    """Extracted text as lines: runs of spaces folded, lines stripped, blank ones dropped."""
    if not text:
        return ""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _size(count: int) -> str:
    return f"{count / 1e6:g} MB" if count >= 1_000_000 else f"{count:,} bytes"


def _describe_data(data: bytes) -> str:
    head = data[:24]
    return repr(head)[2:-1] + ("..." if len(data) > 24 else "")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _quiet_logs() -> None:
    # trafilatura and htmldate log every discarded page at WARNING/ERROR: the loader reports what matters.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def page_items(data: bytes, path: str, options: HtmlOptions = DEFAULT_OPTIONS) -> Iterator[Document | LoadError]:
    """One page's Document, preceded by its LoadErrors (see the module's docstring).

    ``data`` is the page's (already gunzipped) bytes; ``path`` is the path shown
    in the Document and the errors.
    """
    if not data.strip():
        yield LoadError(path, "file is empty" if not data else "file has only white space", line=1)
        return
    if len(data) > options.page_bytes:
        yield LoadError(path, f"page is larger than {_size(options.page_bytes)}, the limit for HTML extraction "
                              "(max-page-bytes): not checked", fatal=True)
        return
    if _is_binary(data):
        yield LoadError(path, f"binary data, not an HTML page (starts with {_describe_data(data)})", fatal=True)
        return
    decoded = decode_page(data)
    if decoded.bad_offset is not None:
        line = _line_of(data, decoded.bad_offset)
        byte = data[decoded.bad_offset:decoded.bad_offset + 1].hex()
        how = "declared by the page" if decoded.declared else "no charset declared or recognised"
        yield LoadError(
            path,
            f"not valid {decoded.encoding.upper()} ({how}): byte 0x{byte} at offset {decoded.bad_offset} "
            f"(line {line} of the page); {decoded.bad_count} undecodable sequence(s) replaced by U+FFFD, "
            "text checked anyway",
            line=line,
        )
    if "<" not in decoded.text:
        yield LoadError(path, f"not an HTML page: no markup at all (starts with {_describe_data(data)})", fatal=True)
        return
    feed = feed_kind(decoded.text)
    if feed:
        yield LoadError(path, f"not an HTML page: {feed} (XML) saved as a page; nothing extracted", fatal=True)
        return
    try:
        document = _extract(decoded, path, options)
    except _TooDeep as exc:
        yield LoadError(path, f"page nests elements {exc.depth}{'+' if exc.depth >= PARSER_MAX_DEPTH else ''} levels "
                              f"deep, over the bound of {options.max_depth} (max-html-depth; the parser keeps "
                              f"{PARSER_MAX_DEPTH}): not extracted", fatal=True)
        return
    except ImportError as exc:
        yield LoadError(path, f"cannot extract HTML: trafilatura is not installed ({exc}); "
                              "install it with: pip install trafilatura", fatal=True)
        return
    except Exception as exc:  # an extractor bug on a hostile page is this file's error, never a traceback
        yield LoadError(path, f"HTML extraction failed: {type(exc).__name__}: {exc}", fatal=True)
        return
    if document is None:
        yield LoadError(path, f"not an HTML page: no markup to extract from (starts with {_describe_data(data)})",
                        fatal=True)
        return
    yield document


def feed_kind(text: str) -> str | None:
    """What an XML feed or sitemap saved as a page is ("an RSS feed"), or None for HTML."""
    root = _ROOT.match(text[:PRESCAN_BYTES])
    return _FEEDS.get(root.group(1).lower()) if root else None


class _TooDeep(Exception):
    def __init__(self, depth: int):
        super().__init__(depth)
        self.depth = depth


def tree_depth(tree) -> int:
    """The deepest nesting of elements under ``tree`` (the root is 1), without recursion: linear in the elements."""
    depth = {tree: 1}
    deepest = 1
    for element in tree.iterdescendants():
        level = depth[element.getparent()] + 1
        depth[element] = level
        deepest = max(deepest, level)
    return deepest


# --- the page's date: htmldate, with dateparser told which languages to read ---------------------
#
# htmldate's extensive search hands the date-like strings its own patterns cannot read to dateparser,
# with no language given. dateparser then tries every one of its ~400 locales in turn and compiles
# each one's patterns on first use in a process: 2-6 s of CPU for the first such string (a page of
# 2 KB that says "Copyright 2024" among other text), once per worker. Told the page's declared
# language and English, it compiles those two (~0.1 s, once) and reads the same real dates: the
# 181 benchmark pages and the Indonesian fixtures get the dates they got before. The search itself
# is htmldate's unchanged (extensive=False instead would lose dates htmldate finds in free text).

_DATEPARSER_SETTINGS = {  # htmldate's own (extractors.get_external_parser), less the languages
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}
_dates_languages: tuple[str, ...] | None = None  # what htmldate's cached results were read with


def date_languages(lang: str | None) -> tuple[str, ...]:
    """The languages dateparser reads a page's dates in: its declared one (if dateparser knows it) and English."""
    from dateparser.data.languages_info import language_order

    return (lang, "en") if lang and lang != "en" and lang in language_order else ("en",)


@lru_cache(maxsize=16)
def _date_parser(languages: tuple[str, ...]):
    from dateparser import DateDataParser

    return DateDataParser(languages=list(languages), settings=_DATEPARSER_SETTINGS)


@contextmanager
def _dates_read_in(lang: str | None):
    """htmldate's search, with dateparser restricted to :func:`date_languages` of the page."""
    global _dates_languages
    from htmldate import extractors

    languages = date_languages(lang)
    if languages != _dates_languages:
        # htmldate caches what each string parsed as: a result read in other languages must not be reused
        extractors.try_date_expr.cache_clear()
        _dates_languages = languages
    parser = _date_parser(languages)
    own = extractors.get_external_parser
    extractors.get_external_parser = lambda: parser
    try:
        yield
    finally:
        extractors.get_external_parser = own


def _extract(decoded: Decoded, path: str, options: HtmlOptions) -> Document | None:
    import trafilatura

    _quiet_logs()
    tree = trafilatura.load_html(decoded.text)
    if tree is None:
        # a fragment saved on its own (an article's <div>) or a page without <html>: give it a body
        tree = trafilatura.load_html(f"<html><body>{decoded.text}</body></html>")
    if tree is None:
        return None
    deepest = tree_depth(tree)  # before any extraction walks the tree
    if deepest > options.max_depth:
        raise _TooDeep(deepest)
    lang, own_url, own_title = _lang(tree), _page_url(tree), _title_element(tree)  # before anything edits the tree
    with _dates_read_in(lang):
        metadata = trafilatura.extract_metadata(tree)
    url = _one_line(metadata.url)
    if not url or not url.lower().startswith(("http://", "https://")):
        url = own_url
    extracted = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=options.mode == "fast" or len(decoded.text) > FAST_ABOVE_BYTES,
        favor_precision=options.mode == "precision",
        favor_recall=options.mode == "recall",
        include_comments=options.comments,
        include_tables=options.tables,
        include_formatting=False,
        include_links=False,
        include_images=False,
        with_metadata=False,
    )
    text = clean_text(extracted.text if extracted is not None else None)
    if options.comments and extracted is not None and extracted.comments:
        comments = clean_text(extracted.comments)
        text = f"{text}\n{comments}" if text and comments else text or comments
    meta: dict[str, Any] = {}
    if url:
        meta["url"] = url
        source = source_of(url)
        if source:
            meta["source"] = source
    for key, value in (("date", metadata.date), ("sitename", metadata.sitename), ("lang", lang)):
        value = _one_line(value)
        if value:
            meta[key] = value
    meta["encoding"] = decoded.encoding
    title = _one_line(metadata.title) or own_title
    return Document(doc_id=path, path=path, text=text, title=title, title_line=0, meta=meta)
