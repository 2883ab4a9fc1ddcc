"""Knowledge about scraped news text shared by several rules.

Lexicons are data files, one per rule and language, under
``corpuscheck/rules/<family>/lexicons/<rule-name>/<lang>.txt``: one entry per line, ``#``
starts a comment. An entry matches a whole line compared by :func:`key` (case,
width, punctuation, symbols and spacing ignored), so ``Loading…``,
``LOADING . . .`` and ``[loading]`` all match the entry ``loading``. An entry
may end in `` *`` (``loading *``: ``Loading comments...``) or start with ``* ``
(``* wird geladen``: ``Video wird geladen``) to allow up to three more words on
that side. Every check is a set look-up or one short ``fullmatch`` on one line,
and only on short lines: nothing scans a whole document at once.

Short lines repeat, within a page (``Share`` under every paragraph) and across a
corpus (``SCROLL TO CONTINUE WITH CONTENT``, ``-``), and several rules judge the
same line: :func:`key`, :func:`is_placeholder`, :func:`ui_kind` and :func:`is_filler`
remember their answers for short lines (at most :data:`MEMO_SIZE` per table, per
process, emptied when full; :func:`forget` empties them). The answers depend on the
line and the lexicon only. What rules share about one document (its stripped body
lines, whether it holds invisible characters) is kept on the Document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from corpuscheck.input.document import Document

LANGUAGES = ("id", "en", "es", "pt", "fr", "de", "it", "ru", "ko", "ja")
# The residue lexicons (P101, P102, B101) know more languages than the other lexicons: Malay, Vietnamese,
# Thai, Tagalog, Turkish, Arabic, Hindi, Chinese.
RESIDUE_LANGUAGES = (*LANGUAGES, "ms", "vi", "th", "tl", "tr", "ar", "hi", "zh")

MAX_PLACEHOLDER_CHARS = 100  # longer lines are never placeholders (except lorem ipsum)
MAX_UI_CHARS = 60  # longer lines are never widget labels
MAX_WILDCARD_WORDS = 3
MEMO_SIZE = 20_000  # short lines remembered per table (key, placeholder, widget, filler) before it is emptied

_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
_TRAILING = " \t.…:·|"
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")

_DROP_INVISIBLE = str.maketrans("", "", _INVISIBLE)
_HAS_INVISIBLE = re.compile(f"[{_INVISIBLE}]")  # the re module scans a character class twice as fast


def _remember(memo: dict, line: str, answer):
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    memo[line] = answer
    return answer


def normalize(line: str) -> str:
    """Case-folded, white space folded, invisible characters dropped, trailing dots/ellipses/colons removed."""
    if not line.isascii() and _HAS_INVISIBLE.search(line):
        line = line.translate(_DROP_INVISIBLE)
    return " ".join(line.split()).rstrip(_TRAILING).casefold()


def normalize_starts(lines: Iterable[str], clean: bool = False, words: int = 3) -> list[str]:
    """:func:`normalize` of the first ``words`` words of each line, at a fraction of its cost on long lines.

    Lines that :func:`normalize` makes equal have equal starts (the trailing marks it drops
    are dropped here too when a line has no more words; case folding never makes white
    space or those marks), so a start found once in a document is a line found once.
    ``clean``: the caller knows the lines hold no invisible characters."""
    if not clean:
        lines = [
            line.translate(_DROP_INVISIBLE) if not line.isascii() and _HAS_INVISIBLE.search(line) else line
            for line in lines
        ]
    return [" ".join(line.split(None, words)[:words]).rstrip(_TRAILING).casefold() for line in lines]


def stripped_body(doc: Document) -> list[tuple[int, str]]:
    """``(line number, line.strip())`` for the non-empty body lines, worked out once per Document
    (kept on it) for the rules that walk the body line by line."""
    found = doc.__dict__.get("_stripped_body")
    if found is None:
        found = doc.__dict__["_stripped_body"] = [
            (number, stripped)
            for number, line in enumerate(doc.lines[doc.title_line :], doc.title_line + 1)
            if (stripped := line.strip())
        ]
    return found


def has_invisible(doc: Document) -> bool:
    """Whether a Document's text holds zero-width or other invisible characters (kept on it)."""
    found = doc.__dict__.get("_has_invisible")
    if found is None:
        text = doc.text  # one fast scan per character, cheaper than a pattern over a long text
        found = doc.__dict__["_has_invisible"] = not text.isascii() and any(c in text for c in _INVISIBLE)
    return found


def visible(line: str) -> str:
    """The line without surrounding white space and invisible characters ("" for a blank line)."""
    stripped = line.strip()
    if stripped and (stripped[0] in _INVISIBLE or stripped[-1] in _INVISIBLE):
        return stripped.strip(_INVISIBLE).strip()
    return stripped


def key(line: str) -> str:
    """The words of a short line, case- and width-folded, joined by one space.

    Punctuation, symbols and spacing are ignored: ``"Share this:"``, ``"SHARE THIS"``
    and ``"[ share · this ]"`` all give ``"share this"``. Turkish dotted and dotless i are one
    letter here, so ``"YAZI BOYUTU"`` and ``"İlgili Haberler"`` match their lexicon entries.
    """
    if len(line) > MAX_PLACEHOLDER_CHARS:
        return _key(line)
    found = _KEY_MEMO.get(line)
    if found is None:  # placeholder and widget checks both ask for the key of the same short line
        found = _remember(_KEY_MEMO, line, _key(line))
    return found


_KEY_MEMO: dict[str, str] = {}
_ASCII_WORD = re.compile("[a-z0-9]+")
_TURKISH_I = str.maketrans({"\u0131": "i"})  # what _WORD finds in ASCII text, which NFKC leaves alone


def _key(line: str) -> str:
    if line.isascii():
        return " ".join(_ASCII_WORD.findall(line.lower()))
    folded = unicodedata.normalize("NFKC", line).casefold()
    if "\u0131" in folded or "\u0307" in folded:  # Turkish: İ folds to i + dot above, ı stays; both are i here
        folded = folded.translate(_TURKISH_I).replace("i\u0307", "i")
    return " ".join(_WORD.findall(folded))


@dataclass(frozen=True)
class Lexicon:
    """The entries of one rule's lexicon files, as keys."""

    lines: frozenset[str]  # whole-line entries
    prefixes: frozenset[str]  # "loading *": these words, then up to three more
    suffixes: frozenset[str]  # "* wird geladen": up to three words, then these
    # answers already given for short lines with this lexicon: {function: {line: answer}}
    memo: dict[str, dict[str, object]] = field(
        default_factory=lambda: {"placeholder": {}, "ui": {}}, init=False, compare=False, repr=False
    )
    # the first words of the prefix entries, the last words of the suffix entries, and how many
    # words they have: only lines that start or end with such a word, and only those cuts, are looked up
    prefix_heads: frozenset[str] = field(init=False, compare=False, repr=False)
    suffix_tails: frozenset[str] = field(init=False, compare=False, repr=False)
    prefix_sizes: frozenset[int] = field(init=False, compare=False, repr=False)
    suffix_sizes: frozenset[int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "prefix_heads", frozenset(e.split(" ")[0] for e in self.prefixes))
        object.__setattr__(self, "suffix_tails", frozenset(e.split(" ")[-1] for e in self.suffixes))
        object.__setattr__(self, "prefix_sizes", frozenset(e.count(" ") + 1 for e in self.prefixes))
        object.__setattr__(self, "suffix_sizes", frozenset(e.count(" ") + 1 for e in self.suffixes))

    def match(self, k: str, sentence: bool = False) -> bool:
        """Whether a line's :func:`key` is an entry (or an entry plus a few wildcard words).

        For a line that ends like a sentence (``Loading was slow.``) a one-word
        wildcard entry (``loading *``) does not match; longer ones still do.
        """
        if k in self.lines:
            return True
        if not (self.prefixes or self.suffixes) or not k:
            return False
        words = k.split(" ")
        size = len(words)
        # an entry of n words, then (prefix) or after (suffix) 1 to MAX_WILDCARD_WORDS more;
        # a line that ends like a sentence needs an entry of two words or more
        sizes = range(max(size - MAX_WILDCARD_WORDS, 2 if sentence else 1), size)
        if words[0] in self.prefix_heads:
            for n in sizes:
                if n in self.prefix_sizes and " ".join(words[:n]) in self.prefixes:
                    return True
        if words[-1] in self.suffix_tails:
            for n in sizes:
                if n in self.suffix_sizes and " ".join(words[size - n :]) in self.suffixes:
                    return True
        return False

    def __contains__(self, k: object) -> bool:
        return isinstance(k, str) and self.match(k)


def lexicon(rule_name: str, languages: tuple[str, ...] = RESIDUE_LANGUAGES) -> Lexicon:
    """The entries of one rule's lexicon files for ``languages`` (one object per rule and languages,
    however they are passed, so that rules share what it has remembered)."""
    return _lexicon(rule_name, tuple(languages))


_LEXICONS: list[Lexicon] = []  # every lexicon loaded, for forget()


def lexicon_folder(rule_name: str):
    """``rules/<family>/lexicons/<rule_name>/``: a rule's lexicon lives beside its family."""
    for family in resources.files("corpuscheck.rules").iterdir():
        folder = family / "lexicons" / rule_name
        if folder.is_dir():
            return folder
    raise ValueError(f"no lexicon folder for rule {rule_name!r}")


@cache
def _lexicon(rule_name: str, languages: tuple[str, ...]) -> Lexicon:
    folder = lexicon_folder(rule_name)
    lines: set[str] = set()
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for lang in languages:
        source = folder / f"{lang}.txt"
        if not source.is_file():
            raise ValueError(f"no {rule_name} lexicon for language {lang!r}")
        for raw in source.read_text(encoding="utf-8").splitlines():
            entry = raw.strip()
            if not entry or entry.startswith("#"):
                continue
            if entry.endswith(" *"):
                prefixes.add(key(entry[:-2]))
            elif entry.startswith("* "):
                suffixes.add(key(entry[2:]))
            else:
                lines.add(key(entry))
    for found in (lines, prefixes, suffixes):
        found.discard("")
    loaded = Lexicon(frozenset(lines), frozenset(prefixes), frozenset(suffixes))
    _LEXICONS.append(loaded)
    return loaded


# --- placeholder shapes (language-independent) ---------------------------------

_MEDIA = (
    r"image|img|photo|picture|pic|video|audio|embed|media|gallery|slideshow|graphic|chart|map|"
    r"tweet|twitter|instagram|facebook|youtube|tiktok|iframe|widget|"
    r"gambar|foto|galeri|grafis|infografis|imagen|imagem|immagine|vídeo|bild|"
    r"изображение|фото|видео|이미지|사진|동영상|영상|画像|写真|動画"
)
PLACEHOLDER_SHAPES = regex.compile(
    rf"""
    \{{\{{\s*[^{{}}\n]{{1,60}}\}}\}}                      # {{{{title}}}}, {{{{ article.body }}}}
    | \{{%\s*[^{{}}\n]{{1,60}}%\}}                         # {{% block body %}}
    | \$\{{\s*[\p{{L}}_][\p{{L}}\p{{N}}_.]*\s*\}}         # ${{title}}
    | \{{\s*[\p{{L}}_][\p{{L}}\p{{N}}_.]*\s*\}}           # {{title}}
    | %\([\p{{L}}_]+\)[sd] | %[sd]                          # %s, %(name)s
    | %%[\p{{L}}_]{{1,30}}%% | __[\p{{Lu}}][\p{{Lu}}_]{{1,28}}__    # %%TITLE%%, __BODY__
    | <%=?[^%\n]{{0,60}}%>                                # <%= body %>
    | [\[(<]\s*(?:{_MEDIA})\s*[\])>]                      # [image], (video), <embed>
    | \[\s*gambas\s*:[^\]\n]{{1,40}}\]                    # [Gambas:Video 20detik]
    | \[\s*(?:embed|widget|iframe)\s*:[^\]\n]{{0,60}}\]   # [embed: ...]
    | undefined | null | nan | \[object\ object\]
    | view\ this\ (?:post|profile|video)\ on\ (?:instagram|facebook|tiktok|twitter|x|youtube)   # embeds' stubs
    | (?:a\ )?post\ shared\ by\ [^\n]{{1,60}}\(@[\w.]{{1,30}}\)
    | pic\.twitter\.com/\w{{4,20}}
    | \[\s*(?:\.{{3}}|…)\s*\]                              # [...]: a cut read-more link
    """,
    regex.X | regex.I,
)
# Notices shown instead of a player, an embed or a script, in any wording: "Your browser does not support the
# video tag." (en), "The browser Firefox doesn't support the video format mp4." (en), "Trình duyệt của bạn không hỗ
# trợ video." (vi), "Pelayar anda tidak menyokong video ini." (ms), "Please enable JavaScript to view the comments."
_BROWSER = r"(?:web\s)?browser|trình\s+duyệt|pelayar|peramban|navegador|navigateur"
NOTICE = regex.compile(
    rf"""
    (?:(?:your|the|this|current|sorry,?\s+your)\s+|(?:bạn\s+)?)?(?:{_BROWSER})(?:\s+[\p{{L}}\d.]+){{0,3}}\s+
      (?:does\s+not|doesn't|doesnt|do\s+not|cannot|can't|is\s+unable\s+to|không|tidak|tak)\s+
      (?:currently\s+|fully\s+)?(?:support|play|display|hỗ\s+trợ|mendukung|menyokong|menyokongi)\b[^\n]{{0,70}}
    | (?:please\s+|you\s+(?:need|must|have)\s+to\s+|to\s+view\s+[^\n]{{1,40}}\s+please\s+)?
      (?:enable|turn\s+on|activate|allow)\s+javascript\b[^\n]{{0,80}}
    | javascript\s+(?:is|must\s+be|seems\s+to\s+be)\s+(?:disabled|required|turned\s+off|needed|not\s+enabled)\b[^\n]{{0,80}}
    """,
    regex.X | regex.I,
)
# What a video player or a social embed prints when it is saved as text, in the player's own (English) words
# whatever the outlet's language: video.js ("Beginning of dialog window. Escape will cancel and close the window.",
# "This is a modal window.", "No compatible source was found for this media."), YouTube ("If playback doesn't begin
# shortly, try restarting your device.", "Tap to unmute"), caption menus ("captions settings, opens captions settings
# dialog", "subtitles off, selected").
PLAYER_NOTICE = regex.compile(
    r"""
    (?:beginning|end)\s+of\s+dialog\s+window\b[^\n]{0,100}
    | this\s+is\s+a\s+modal\s+window\b[^\n]{0,100}
    | close\s+modal\s+dialog
    | no\s+compatible\s+source\s+was\s+found\s+for\s+this\s+(?:media|video)\b[^\n]{0,40}
    | the\s+media\s+(?:could\s+not\s+be\s+loaded|playback\s+was\s+aborted)\b[^\n]{0,160}
    | video\s+player\s+is\s+loading\b[^\n]{0,20}
    | if\s+playback\s+doesn'?t\s+begin\s+shortly\b[^\n]{0,60}
    | an\s+error\s+occurred\s+while\s+retrieving\s+sharing\s+information\b[^\n]{0,60}
    | videos\s+you\s+watch\s+may\s+be\s+added\s+to\s+the\s+tv'?s\s+watch\s+history\b[^\n]{0,120}
    | tap\s+to\s+unmute | watch\s+on\s+(?:youtube|tiktok|instagram|facebook|x) | you'?re\s+signed\s+out
    | (?:captions|subtitles|descriptions|chapters|audio\s+track)\s+(?:off|settings)\b,?[^\n]{0,60}
    """,
    regex.X | regex.I,
)
# Printf-style slots left unfilled in a short line: "%d bloggers like this:", "Connecting to %s" (WordPress).
_PRINTF = regex.compile(r"(?<![\p{L}\p{N}%])%(?:\d\$)?[sd](?![\p{L}\p{N}])")
# What a CMS writes in place of a widget or an ad it did not render: the slot's size ("468x60", "300x250": the
# standard ad sizes), its name ("header-ad", "sidebar_banner_2", "iklan-atas"), a layout block's label
# ("Sulut/block-7/#E4D932", Blogger) or a widget's identifier ("randomposts4").
_AD_SIZES = (
    "120x600|160x600|200x200|234x60|250x250|300x50|300x100|300x250|300x600|300x1050|320x50|320x100|336x280|"
    "468x60|728x90|970x90|970x250"
)
_SLOT_PLACES = r"header|footer|sidebar|top|bottom|inline|middle|mid|sticky|leaderboard|billboard|skyscraper|in-?article|atas|bawah|tengah|samping"
CMS_SLOT = regex.compile(
    rf"""
    (?:{_AD_SIZES})
    | (?:{_SLOT_PLACES})[-_](?:ads?|banner|iklan|slot|widget)(?:[-_]?\d{{1,2}})?
    | (?:ads?|banner|iklan|widget|slot)[-_](?:{_SLOT_PLACES}|\d{{1,3}})(?:[-_]\d{{1,2}})?
    | [^\s/]{{1,40}}/(?:block|widget|module|section|layout)-\d{{1,3}}(?:/\#[0-9A-Fa-f]{{3,8}})?
    | [a-z]{{6,}}\d{{1,2}}
    """,
    regex.X,
)
_LOREM = ("lorem ipsum", "dolor sit amet")
# The characters a placeholder shape can start with (undefined, null, nan: whatever their case).
_SHAPE_START = frozenset("{$%_<[(uUnNvVaApP")


def forget() -> None:
    """Empty every table of remembered answers (benchmarks start cold with it)."""
    _FILLER_MEMO.clear()
    _KEY_MEMO.clear()
    for loaded in _LEXICONS:
        for memo in loaded.memo.values():
            memo.clear()


_LOREM_START = frozenset("lLdD")  # the only characters whose case folding starts with "l" or "d"


def is_lorem(stripped: str) -> bool:
    """Whether a stripped line opens with lorem ipsum (a placeholder however long it is)."""
    return stripped[:1] in _LOREM_START and stripped[:20].casefold().startswith(_LOREM)


def is_placeholder(line: str, words: Lexicon) -> bool:
    """A loading/placeholder/template stub: a lexicon entry or a template shape."""
    stripped = line.strip()
    if not stripped:
        return False
    if len(stripped) > MAX_PLACEHOLDER_CHARS:
        return is_lorem(stripped)
    memo = words.memo["placeholder"]
    found = memo.get(stripped)
    if found is None:
        found = _remember(memo, stripped, _is_placeholder(stripped, words))
    return found


def _is_placeholder(stripped: str, words: Lexicon) -> bool:
    if stripped[:20].casefold().startswith(_LOREM):
        return True
    sentence = stripped[-1] in ".!?" and not stripped.endswith("..")
    if words.match(key(stripped), sentence) or (
        stripped[0] in _SHAPE_START and PLACEHOLDER_SHAPES.fullmatch(stripped) is not None
    ):
        return True
    if "%" in stripped and len(stripped) <= MAX_UI_CHARS and _PRINTF.search(stripped):
        return True
    if " " not in stripped and stripped.isascii() and CMS_SLOT.fullmatch(stripped):
        return True
    folded = stripped.casefold()
    if stripped.isascii() and PLAYER_NOTICE.fullmatch(stripped) is not None:
        return True
    return ("javascript" in folded or any(b in folded for b in _BROWSER_WORDS)) and NOTICE.fullmatch(stripped) is not None


_BROWSER_WORDS = ("browser", "trình duyệt", "pelayar", "peramban", "navegador", "navigateur")


# --- UI residue shapes (language-independent) -----------------------------------

# Marks that widgets draw and that text never has alone on a line: arrows, carets, close and menu marks.
_WIDGET_MARKS = (
    r"\p{Block=Arrows}\p{Block=Supplemental_Arrows_A}\p{Block=Supplemental_Arrows_B}"
    r"‹›«»❮❯⟨⟩〈〉▲▼►◄▶◀△▽▸◂▴▾⏴⏵⏶⏷×✕✖✗✘⨯☰≡⋮⋯︙⊕⊖"
)
# Marks that also stand in tables and lists: bullets, bars, plus and minus, angle brackets.
_TABLE_MARKS = r"•∙·|¦+−＋<>"
WIDGET_MARKS = regex.compile(rf"[{_WIDGET_MARKS}][{_WIDGET_MARKS}\s]{{0,7}}")
UI_MARKS = regex.compile(rf"[{_WIDGET_MARKS}{_TABLE_MARKS}][{_WIDGET_MARKS}{_TABLE_MARKS}\s]{{0,7}}")
# Font-size buttons: "A", "Aa", "A+", "A- A+", "A A A", "가가", "小 中 大".
_SIZE_LETTER = r"[+\-−]?[Aa가][+\-−]{0,2}"
FONT_SIZE = regex.compile(rf"[Aa가]{{1,2}}|{_SIZE_LETTER}(?:\s*{_SIZE_LETTER}){{0,3}}|小\s*中\s*大|大\s*中\s*小")
# Font-size controls with a label, in any language: "Ukuran teks: A- A+", "Cỡ chữ A- A A+", "Text size A A A",
# "A- Reset A+": a label of up to three words and at least two size letters, one of them signed (or three).
_SIGNED = r"(?:[+\-−][Aa]|[Aa][+\-−])"
FONT_CONTROL = regex.compile(
    rf"(?:[\p{{L}}]{{2,12}}(?:\s[\p{{L}}]{{1,12}}){{0,2}}\s?:?\s+)?"
    rf"(?=[^\n]{{0,40}}{_SIGNED}|(?:[^\n]{{0,30}}?[Aa]\s+){{2}}[Aa])"
    rf"{_SIZE_LETTER}(?:\s+(?:{_SIZE_LETTER}|(?i:reset|normal|default|biasa|mặc\s?định)))+"
)
# Counters behind a symbol: "👁 1.234", "💬 12 ❤ 340", "♥ 5" (share, comment, view and like icons).
ICON_COUNTER = regex.compile(r"(?:[\p{So}♥❤★☆][\uFE0F]?\s?\d{1,3}(?:[.,]\d{1,3})*\s?[kKmM]?\s*){1,4}")
# A media player's controls and clock: "0:00 / 3:45", "Current Time 0:00", "Duration 3:45", "Loaded: 0%".
PLAYER = regex.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"|(?i:current\s+time|duration|remaining\s+time|loaded|progress|stream\s+type)\s*:?\s*-?\d{1,2}(?::\d{2}){1,2}"
    r"|(?i:loaded|progress)\s*:?\s*\d{1,3}(?:[.,]\d{1,2})?\s?%"
)
# Counters after a byline or a date, in any language: "by Admin 36 views", "oleh Redaksi · 1.234 kali dibaca",
# "22 Nov 2024 | 35 lượt xem": a view, read, comment or share count closing a short line.
_COUNT = r"(?:\d{1,3}(?:[.,]\d{3})+|\d{1,7})(?:[.,]\d{1,2})?\s?(?:[kKmM]|rb|jt|ribu)?"
_COUNTER_WORDS = (
    r"views?|reads?|comments?|shares?|likes?|replies|kali\s+dibaca|dibaca|kali\s+dilihat|dilihat|tayangan|"
    r"komentar|komen|paparan|bacaan|tontonan|lượt\s+xem|lượt\s+đọc|lượt\s+thích|lượt\s+chia\s+sẻ|bình\s+luận"
)
# The count may also follow its word after a date: "Ngày phát hành: 08/01/2021 Lượt xem 1475", "3 Mei 2024 | Dibaca: 120 kali".
VIEW_COUNTER = regex.compile(
    rf"(?:(?:by|oleh|bởi)\s+[^\n]{{1,40}}?\s+|[^\n]{{0,40}}?\s?[|·•,–—-]\s*)?{_COUNT}\s+(?:{_COUNTER_WORDS})"
    rf"|(?:[^\n]{{0,50}}?[\d|·•,–—-]\s*)?(?:{_COUNTER_WORDS})\s*:?\s*{_COUNT}(?:\s*(?:kali|lần|times))?",
    regex.I,
)
# A pager's position: "Page 1 of 15", "Halaman 3 dari 10", "Trang 2/5", "Anda di halaman 1dari 15". A bare
# "Halaman 41" is not one: a textbook's page can head a section of the text (tribun's answer keys).
PAGER = regex.compile(
    r"(?:you\s+are\s+on\s+|anda\s+(?:berada\s+)?di\s+|bạn\s+đang\s+ở\s+)"
    r"(?:page|halaman|hal\.|trang|seite|página|pagina|страница)\s*\d{1,4}"
    r"(?:\s*(?:of|dari|daripada|/|trên|von|de|di|из)\s*\d{1,4})?"
    r"|(?:page|halaman|hal\.|trang|seite|página|pagina|страница)\s*\d{1,4}"
    r"\s*(?:of|dari|daripada|/|trên|von|de|di|из)\s*\d{1,4}",
    regex.I,
)
# Other lines of one or two letters ("K", "vs", "MD"), or of single letters ("M M S").
UI_LETTERS = regex.compile(r"\p{L}{1,2}|\p{L}[+\-−]{1,2}|[+\-−]?\p{L}[+\-−]{0,2}(?:\s+[+\-−]?\p{L}[+\-−]{0,2}){1,3}")
# Abbreviated counters next to widgets: 1.2K, 15rb, 3 тыс.
UI_COUNTER = regex.compile(r"\d{1,3}(?:[.,]\d{1,2})?\s?(?:[kKmM]|rb|jt|тыс\.?|млн|만|천|万)")
_NUMBER = regex.compile(r"\d{1,7}(?:k|m|rb|jt)?")
_LIST_NUMBER = regex.compile(r".*\s\d{1,3}\.")  # "Zoom 2.": an item of a numbered list glued to the next number
_SEPARATORS = regex.compile(r"\s*[•·|/,;]\s*|\s{2,}")

# Chord names, so that song-lyric articles keep their chord lines (C, Am, F#m7).
CHORD = regex.compile(r"[A-G](?:#|b)?(?:m|maj|min|dim|aug|sus|add)?\d{0,2}(?:/[A-G](?:#|b)?)?")
_CHORD_LINE = regex.compile(rf"{CHORD.pattern}(?:\s+{CHORD.pattern})+")


_CHORD_START = frozenset("ABCDEFG")


def has_chord_lines(lines: Iterable[str]) -> bool:
    """Whether a text carries chord sheets: at least two lines of two or more chords."""
    found = 0
    for line in lines:
        stripped = line.strip()
        if (
            2 < len(stripped) <= 120
            and stripped[0] in _CHORD_START
            and _CHORD_LINE.fullmatch(stripped.replace("\xa0", " "))
        ):
            found += 1
            if found >= 2:
                return True
    return False


def ui_label(line: str, words: Lexicon) -> bool:
    """A widget label from the lexicon: ``Share``, ``Bagikan:``, ``12 Comments``, ``Share · Tweet · Email``."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_UI_CHARS:
        return False
    if stripped[-1] in ",;" or (stripped[-1] == "." and _LIST_NUMBER.fullmatch(stripped)):
        return False  # "Sebelumnya," opens a sentence
    k = key(stripped)
    if not k:
        return False
    if words.match(k, sentence=stripped[-1] in ".!?" and not stripped.endswith("..")):
        return True
    parts = k.split(" ")
    numbers = [p for p in parts if p[0].isdigit() and _NUMBER.fullmatch(p)]  # \d is a kind of isdigit
    if 0 < len(numbers) <= 2:  # a counter: "12 comments", "Comments (3)", "1,2K shares"
        rest = " ".join(p for p in parts if not (p[0].isdigit() and _NUMBER.fullmatch(p)))
        if rest and (words.match(rest) or 1 < rest.count(" ") + 1 <= 4 and all(p in words.lines for p in rest.split(" "))):
            return True  # ... or labels around their counts: "commentaires 0 Partager", "Komentar 3 Bagikan"
    split = _SEPARATORS.split(stripped)
    if len(split) > 1:
        pieces = [p for p in map(key, split) if p]
        if len(pieces) > 1 and all(words.match(p) for p in pieces):
            return True  # "Email • Twitter • Google+"
    if 1 < len(parts) <= 6 and all(p in words.lines for p in parts):
        return True  # "뒤로가기 인쇄하기 목록 Tweet"
    # a counter or a pager in any language ("by Admin 36 views", "Anda di halaman 1dari 15"): here, so that B101
    # counts it as a widget (menu context, never its own finding) as it does the lexicon's labels
    return bool(numbers or any(c.isdigit() for c in stripped)) and (
        VIEW_COUNTER.fullmatch(stripped) is not None or PAGER.fullmatch(stripped) is not None
    )


LABEL, SHAPE = "label", "shape"
_UNKNOWN = object()


def is_chord(line: str) -> bool:
    """A chord or a line of chords (``Am``, ``C G Am F``)."""
    stripped = line.strip().replace("\xa0", " ")
    return bool(stripped) and stripped[0] in _CHORD_START and bool(
        CHORD.fullmatch(stripped) or _CHORD_LINE.fullmatch(stripped)
    )


def ui_kind(line: str, words: Lexicon, chords: bool = False) -> str | None:
    """How a line looks like widget residue, judged on the line alone.

    ``LABEL``: a lexicon label, font-size letters or widget marks (arrows, ``×``, ``☰``):
    strong evidence. ``SHAPE``: another line of one or two letters, of table marks
    (``•``, ``|``, ``+``) or an abbreviated counter (``1.2K``): weak evidence, the rule
    also looks at the lines around it. None: text.
    """
    stripped = line.strip().replace("\xa0", " ")
    if not stripped or len(stripped) > MAX_UI_CHARS:
        return None
    if chords and len(stripped) <= 12 and is_chord(stripped):
        return None
    memo = words.memo["ui"]
    found = memo.get(stripped, _UNKNOWN)
    if found is _UNKNOWN:
        found = _remember(memo, stripped, _ui_kind(stripped, words))
    return found


def _ui_kind(stripped: str, words: Lexicon) -> str | None:
    if len(stripped) <= 12:
        if FONT_SIZE.fullmatch(stripped) or WIDGET_MARKS.fullmatch(stripped):
            return LABEL
        if UI_LETTERS.fullmatch(stripped) or UI_MARKS.fullmatch(stripped) or UI_COUNTER.fullmatch(stripped):
            return SHAPE
    if ("A" in stripped or "a" in stripped) and FONT_CONTROL.fullmatch(stripped):
        return LABEL
    if not stripped[0].isalnum() and ICON_COUNTER.fullmatch(stripped):
        return LABEL
    if ":" in stripped and PLAYER.fullmatch(stripped):
        return LABEL
    return LABEL if ui_label(stripped, words) else None


def is_ui_residue(line: str, words: Lexicon, chords: bool = False) -> bool:
    """A widget label or a widget-shaped line, judged on the line alone."""
    return ui_kind(line, words, chords) is not None


_FILLER_MEMO: dict[str, bool] = {}


def is_filler(line: str) -> bool:
    """Placeholder or UI residue in any language: lines to look past."""
    stripped = line.strip()
    if len(stripped) > MAX_PLACEHOLDER_CHARS:  # never a widget label, a placeholder only if lorem ipsum
        return is_lorem(stripped)
    found = _FILLER_MEMO.get(stripped)
    if found is None:
        found = _remember(
            _FILLER_MEMO,
            stripped,
            is_placeholder(stripped, lexicon("placeholder-line"))
            or is_ui_residue(stripped, lexicon("ui-residue-line")),
        )
    return found


# --- the shape of the text around a line ----------------------------------------

_TERMINAL = frozenset(".!?…。！？‼⁇")
_CLOSERS = " \t\"'”’»」』)]）】›*"


_OPENERS = {")": "(", "]": "[", "）": "（", "】": "【"}


def ends_sentence(text: str) -> bool:
    """Whether a line ends like a sentence (terminal punctuation, maybe inside quotes or brackets,
    maybe followed by a reference: ``...takwa.” [Al Maa-idah 8]``, ``... turun. (ANTARA)``),
    or is a whole parenthesis (``(ian)``, ``(Foto: Antara)``)."""
    stripped = text.strip()
    if stripped[:1] in "([（【" and stripped[-1:] in ")]）】":
        return True
    end = stripped.rstrip(_CLOSERS)
    if end and end[-1] in _TERMINAL:
        return True
    opener = _OPENERS.get(stripped[-1:])
    if opener:  # a trailing reference in brackets
        start = stripped.rfind(opener, max(0, len(stripped) - 60))
        if start > 0:
            end = stripped[:start].rstrip(_CLOSERS)
            return bool(end) and end[-1] in _TERMINAL
    return False


def is_fragment(text: str, max_chars: int = 40) -> bool:
    """A short line that does not end a sentence: a heading, a table cell, a link torn out of a sentence."""
    stripped = text.strip()
    return len(stripped) <= max_chars and not ends_sentence(stripped)


def continues_sentence(text: str) -> bool:
    """Whether a line starts in the middle of a sentence (lower case, or a comma or full stop)."""
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0].islower() or stripped[0] in ",.;:)]”’")
