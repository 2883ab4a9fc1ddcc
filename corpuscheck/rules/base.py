"""What a rule is: one declaration with its docs, options, detector and examples."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from corpuscheck.input.document import Document

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Hit:
    """One place a rule fired: a line span in the document's text."""

    line: int
    end_line: int | None = None
    column: int = 1
    message: str | None = None  # None: the rule's message template, formatted with ``data``
    excerpt: str | None = None  # None: the text of the span's first line
    related: tuple[int, int] | None = None  # another span, e.g. the original of a repeat
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Option:
    default: Any
    help: str


@dataclass(frozen=True)
class Example:
    """Executable documentation: ``text`` must give exactly ``spans`` (empty: a good example)."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()
    related: tuple[tuple[int, int] | None, ...] | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    note: str = ""
    corpus: tuple[str, ...] = ()  # the other documents, for corpus rules

    @property
    def is_bad(self) -> bool:
        return bool(self.spans)


def _span(item: int | tuple[int, int]) -> tuple[int, int]:
    return (item, item) if isinstance(item, int) else (item[0], item[1])


def bad(
    text: str, *spans: int | tuple[int, int], related=None, options=None, note: str = "", corpus=()
) -> Example:
    """A bad example: ``spans`` are the exact lines (or ``(first, last)`` spans) that must be flagged.

    ``corpus``: the other documents of the corpus, for corpus rules."""
    return Example(
        text,
        tuple(_span(s) for s in spans),
        tuple(None if r is None else _span(r) for r in related) if related else None,
        options or {},
        note,
        tuple(corpus),
    )


def good(text: str, options=None, note: str = "", corpus=()) -> Example:
    """A good example: the rule must find nothing in ``text``."""
    return Example(text, (), None, options or {}, note, tuple(corpus))


def _typed(value: Any, default: Any, where: str) -> Any:
    """``value`` checked against the type of the option's default (lists stay lists, numbers numbers)."""
    if default is None or value is None or isinstance(value, type(default)):
        return value
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(default, (list, tuple)) and isinstance(value, (list, tuple)):
        return type(default)(value)
    expected = "a list" if isinstance(default, (list, tuple)) else f"a {type(default).__name__}"
    raise ValueError(f"{where} must be {expected}, not {value!r}")


@dataclass(frozen=True)
class Change:
    """One repair on a document, in its line numbers: lines ``line..end_line`` deleted whole
    (``start`` is None), or characters ``[start, end)`` of line ``line`` (0-based columns)
    replaced by ``replacement``."""

    line: int
    end_line: int | None = None
    start: int | None = None
    end: int | None = None
    replacement: str = ""


FIX_SAFETIES = ("safe", "unsafe")
FIX_KINDS = ("delete-lines", "delete-span", "replace", "drop-document")


def delete_hit_lines(doc: Document, hit: Hit, options: Mapping[str, Any]) -> Iterable[Change]:
    return (Change(hit.line, hit.end_line or hit.line),)


@dataclass(frozen=True)
class Fix:
    """How ``corpuscheck fix`` repairs a finding, and whether that is safe (applied by default)
    or unsafe (only with ``--unsafe-fixes``). ``changes(doc, hit, options)`` gives the repair
    as :class:`Change` records (default: delete the hit's lines); a ``drop-document`` fix
    removes the whole document and needs none. A rule without a Fix has no automatic fix."""

    kind: str
    safety: str
    changes: Callable[[Document, Hit, Mapping[str, Any]], Iterable[Change]] = delete_hit_lines

    def __post_init__(self) -> None:
        if self.kind not in FIX_KINDS or self.safety not in FIX_SAFETIES:
            raise ValueError(f"a Fix is one of {FIX_KINDS} and {FIX_SAFETIES}, not {self.kind!r}/{self.safety!r}")


def deletes_lines(safety: str = "safe") -> Fix:
    """The fix of a line rule: delete the flagged lines."""
    return Fix("delete-lines", safety)


def drops_document(safety: str = "unsafe") -> Fix:
    return Fix("drop-document", safety)


Detector = Callable[[Document, Mapping[str, Any]], Iterable[Hit]]
Measure = Callable[[Document, Mapping[str, Any]], Mapping[str, float | str | None]]


@dataclass(frozen=True)
class Rule:
    """A rule, declared once in its own module.

    ``what``, ``why``, ``known_problems`` and ``fix`` are the doc sections
    (ruff's headings); ``examples`` are rendered into the docs and executed by
    the tests.
    """

    code: str
    name: str
    summary: str
    why: str
    message: str
    detect: Detector
    examples: tuple[Example, ...]
    severity: str = "error"
    options: Mapping[str, Option] = field(default_factory=dict)
    known_problems: str = ""
    fix: str = ""
    # Optional numeric row columns (e.g. quality statistics), computed once per document
    # and put in the document's row for GX expectations: {column name: value}.
    measure: Measure | None = None
    measure_columns: tuple[str, ...] = ()
    # How `corpuscheck fix` repairs a finding (kind, safety, edits); None: no automatic fix.
    autofix: Fix | None = None

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.code}: severity must be one of {SEVERITIES}")

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def fix_safety(self) -> str:
        """``safe``, ``unsafe`` or ``none`` (no automatic fix)."""
        return self.autofix.safety if self.autofix else "none"

    @property
    def column(self) -> str:
        """The feature column that holds this rule's finding count per document."""
        return self.name.replace("-", "_")

    def resolve_options(self, given: Mapping[str, Any] | None = None) -> dict[str, Any]:
        given = dict(given or {})
        unknown = set(given) - set(self.options)
        if unknown:
            known = ", ".join(sorted(self.options)) or "none"
            raise ValueError(f"{self.code} {self.name}: unknown option(s) {', '.join(sorted(unknown))} (known: {known})")
        resolved = {}
        for name, opt in self.options.items():
            value = given.get(name, opt.default)
            resolved[name] = _typed(value, opt.default, f"{self.code} {self.name}: option {name}")
        return resolved

    def measures(self, doc: Document, options: Mapping[str, Any] | None = None) -> dict[str, float | str | None]:
        if self.measure is None:
            return {}
        return dict(self.measure(doc, options if options is not None else self.resolve_options()))

    def run(self, doc: Document, options: Mapping[str, Any] | None = None) -> list[Hit]:
        return list(self.detect(doc, options if options is not None else self.resolve_options()))


@dataclass(frozen=True)
class DocRef:
    """What a corpus rule knows of a document once the document itself is gone."""

    doc_id: str
    path: str
    record: int
    source: str
    title: str | None = None


Collector = Callable[[Document, Mapping[str, Any]], Any]
Judge = Callable[[list[tuple[DocRef, Any]], Mapping[str, Any]], Iterable[tuple[str, Hit]]]


@dataclass(frozen=True)
class CorpusRule(Rule):
    """A rule that needs the whole corpus (duplicates across documents, mined boilerplate).

    ``collect(doc, options)`` runs once per document, in the workers, and returns a
    small picklable signature (hashes, not text). ``judge(signatures, options)`` runs
    once at the end over ``[(DocRef, signature), ...]`` in corpus order and yields
    ``(doc_id, Hit)`` pairs; a Hit must carry its ``excerpt`` (the document is gone).
    ``detect`` stays available for per-document findings and defaults to none.

    Examples: the example's ``text`` is the last document of a small corpus whose
    earlier documents are ``Example.corpus``; spans are checked on the example's document.
    """

    collect: Collector | None = None
    judge: Judge | None = None
    # Rules whose finding on a line wins: the engine drops this rule's finding on a line one of them
    # reports in the same document (one line, one finding).
    defers_to: tuple[str, ...] = ()

    def run_corpus(self, texts: list[str], options: Mapping[str, Any] | None = None) -> list[list[Hit]]:
        """Hits per document of a small in-memory corpus (tests, docs, Python users)."""
        from corpuscheck.input.document import from_text

        options = options if options is not None else self.resolve_options()
        docs = [from_text(text, f"corpus/doc{index}.txt") for index, text in enumerate(texts, start=1)]
        signatures = [
            (DocRef(d.doc_id, d.path, d.record, d.source, d.title), self.collect(d, options)) for d in docs
        ]
        hits: dict[str, list[Hit]] = {d.doc_id: list(self.detect(d, options)) for d in docs}
        for doc_id, hit in self.judge(signatures, options):
            hits[doc_id].append(hit)
        return [sorted(hits[d.doc_id], key=lambda h: (h.line, h.column)) for d in docs]


def no_detection(doc: Document, options: Mapping[str, Any]) -> Iterable[Hit]:
    return ()
