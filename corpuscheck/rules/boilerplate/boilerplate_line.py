"""B101 boilerplate-line.

The lexicon is data: ``corpuscheck/rules/<family>/lexicons/boilerplate-line/<lang>.txt``, one
entry per line, ``#`` starts a comment. Six kinds of entry:

``text``
    a whole line (``Advertisement``, ``All rights reserved``), compared by
    :func:`corpuscheck.rules.news.lines.key`: case, width, punctuation and spacing ignored.
``> text``
    a lead (``> Baca juga``, ``> Read more``): a whole line that announces
    a link; the next line, when it reads like a title (short, not a sentence),
    is that link and is flagged with it.
``>> text``
    a list head (``>> Related articles``, ``>> Categories``): a lead whose
    title is followed by more links, flagged with it as far as they run: lines
    that read like titles, up to the next boilerplate line or the end.
``@ text``
    a menu label (``@ Politics``, ``@ Kontak``): a whole line that is
    boilerplate only inside a navigation menu (see :func:`_menu_runs`).
``^regex``
    a line that starts with this pattern (``^baca juga\\s*:``, ``^©``), the
    ``regex`` package's syntax, case-insensitive, matched at the start of the
    stripped line (its first :data:`MAX_START_CHARS` characters). All of them
    are compiled into one alternation, and a Hyperscan database derived from them
    picks the lines worth trying it on (:mod:`corpuscheck.rules.prefilter`: the same
    answers, one scan per document; an entry's regex is compiled once the database
    reports it on a line, and the database is kept between runs).
``~regex``
    an insert glued inside a paragraph or opening it
    (``~(?:^|(?<=[.!?"”]\\s?))baca juga\\s*:``); the finding gives the column
    where it starts. The pattern must contain a colon
    (a line without one is not searched) and is searched in every line, so it
    must be strict: anchor it on the punctuation before it.

A whole line or menu label never matches a line longer than
:data:`MAX_LINE_CHARS`. Entries joined on one line (``Impressum Datenschutz``,
``About | Contact``) and the entries of a category widget (``Akhlaq (47)``)
count as entries too. Entries already in the P101 ``placeholder-line`` and
P102 ``ui-residue-line`` lexicons are left out (a test checks it); widget
labels count as menu context here but are reported by P102 only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property, partial
from importlib import resources

import regex

from corpuscheck.findings import clip
from corpuscheck.rules.base import Change, Fix, Hit, Option, Rule, bad, good
from corpuscheck.rules.news.lines import (
    MAX_PLACEHOLDER_CHARS,
    RESIDUE_LANGUAGES,
    continues_sentence,
    ends_sentence,
    is_fragment,
    is_placeholder,
    key,
    lexicon,
    ui_label,
    visible,
)
from corpuscheck.rules.prefilter import PatternSet

MAX_LINE_CHARS = 120  # whole-line entries and menu labels only match lines up to this long
MAX_START_CHARS = 300  # ^ entries see at most this much of a line's start
MAX_TITLE_CHARS = 200  # the link after a lead is a title: not longer than this
MAX_TITLE_WORDS = 30
MAX_MENU_ITEM_CHARS = 50  # a line inside a navigation menu: short ...
MAX_MENU_ITEM_WORDS = 6  # ... and a few words
MENU_WINDOW = 4  # a menu line is judged by the lines up to this far from it

LINE, LEAD, LIST, MENU, CONTEXT, SITE = "line", "lead", "list", "menu", "context", "site"

# "Akhlaq (47)", "► PC (65)", "Abril (169)": an entry of a category or archive widget, with its count.
# Not a ranked list's item ("1. BYD (100)").
_COUNTED = regex.compile(r"(?!\d{1,3}[.)]\s)[►▸▶•·»›]?\s*[^\s()\[\]][^()\[\]]{0,40}?\s?\(\d{1,5}\)")


@dataclass(frozen=True)
class Boilerplate:
    """The entries of the boilerplate-line lexicon for some languages."""

    lines: frozenset[str]
    leads: frozenset[str]
    lists: frozenset[str]
    menu: frozenset[str]
    starts: PatternSet | None = None  # the ^ entries behind their prefilter: the answers of ``start``
    inlines: PatternSet | None = None  # the ~ entries behind theirs: the answers of ``inline.search``

    @property
    def start(self) -> regex.Pattern | None:
        """Every ^ entry, in one alternation (compiled on first use)."""
        return self.starts.exact if self.starts is not None else None

    @property
    def inline(self) -> regex.Pattern | None:
        """Every ~ entry, in one alternation (compiled on first use)."""
        return self.inlines.exact if self.inlines is not None else None

    def compile_all(self) -> None:
        """Compile every entry's regex now (the regex audit); a run compiles one when the prefilter reports it."""
        for found in (self.starts, self.inlines):
            if found is not None:
                found.compile_all()

    @cached_property
    def known(self) -> frozenset[str]:
        """Whole lines, leads and list heads: the entries that make a joined line boilerplate."""
        return self.lines | self.leads | self.lists


def _compile(patterns: list[tuple[str, str]], anchored: bool = False) -> regex.Pattern | None:
    """One alternation of the entries; ``anchored`` (the ``^`` entries): it starts with ``^``, so that it
    matches where ``.match`` does and only there: searched, it tries one position, not every position of a
    run of spaces that the ``\\(?\\s*`` openings of some entries would each rescan (quadratic)."""
    for pattern, where in patterns:  # each on its own first, so that a bad entry names its file and line
        try:
            regex.compile(pattern, regex.I)
        except regex.error as error:
            raise ValueError(f"{where}: bad pattern {pattern!r}: {error}") from None
    if not patterns:
        return None
    alternation = "|".join(f"(?:{p})" for p, _ in patterns)
    return regex.compile(f"^(?:{alternation})" if anchored else alternation, regex.I)


ANY = "any"  # lexicons/boilerplate-line/any.txt: shapes of any language (breadcrumbs, stamps), loaded with every choice
MENU_BAR_ITEMS = 4  # items joined on one line by | / · • or wide spaces: a menu bar when one of them is a known label
_SENTENCE_END = ".!?。！？"
# "Impressum | Datenschutz", "Terms of Use / Privacy Policy": entries joined on one line.
_JOINED = regex.compile(r"\s+[|/·•]\s+|\s{2,}")
# A site's name alone on a line, as its logo or masthead leaves it: "TEJWIKI.IN", "SEO-Trainee.de",
# "histoire-geovieljeux.over-blog.com" (a known top-level domain after one to four labels). An address written
# as one ("www.example.com", "https://...") is a reference the author gives (the gold bodies keep them): text.
_TLDS = (
    "com|net|org|info|biz|edu|gov|co|io|me|tv|cc|id|my|sg|ph|vn|th|in|pk|bd|lk|cn|hk|tw|jp|kr|ru|ua|kz|tr|ir|sa|ae|"
    "eg|ma|dz|ng|ke|za|de|at|ch|fr|be|nl|lu|es|pt|it|gr|pl|cz|sk|hu|ro|bg|rs|hr|se|no|dk|fi|ie|uk|us|ca|mx|br|ar|"
    "cl|pe|au|nz|news|online|site|blog|media|asia|today|live|world|xyz|club|page|web|press|global"
)
_SITE = regex.compile(
    rf"(?!(?i:www)\.)(?:[\p{{L}}\d](?:[\p{{L}}\d-]{{0,61}}[\p{{L}}\d])?\.){{1,4}}(?i:{_TLDS})"
)


@cache
def boilerplate_lexicon(languages: tuple[str, ...] = RESIDUE_LANGUAGES) -> Boilerplate:
    """The boilerplate-line lexicon for ``languages`` (ISO 639-1 codes)."""
    folder = resources.files(__package__) / "lexicons" / "boilerplate-line"
    lines: set[str] = set()
    leads: set[str] = set()
    lists: set[str] = set()
    menu: set[str] = set()
    start: list[tuple[str, str]] = []
    inline: list[tuple[str, str]] = []
    for lang in languages:
        if not (folder / f"{lang}.txt").is_file() or lang == ANY:
            raise ValueError(f"no boilerplate-line lexicon for language {lang!r}")
    for lang in (*languages, ANY):  # the shapes of any language always count
        source = folder / f"{lang}.txt"
        for number, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            entry = raw.strip()
            where = f"boilerplate-line/{lang}.txt:{number}"
            if not entry or entry.startswith("#"):
                continue
            if entry.startswith("^"):
                start.append((entry[1:], where))
            elif entry.startswith("~"):
                if ":" not in entry and "：" not in entry:
                    raise ValueError(f"{where}: an inline entry must contain a colon: {entry!r}")
                inline.append((entry[1:], where))
            elif entry.startswith(">>"):
                lists.add(key(entry[2:]))
            elif entry.startswith(">"):
                leads.add(key(entry[1:]))
            elif entry.startswith("@"):
                menu.add(key(entry[1:]))
            else:
                lines.add(key(entry))
    for found in (lines, leads, lists, menu):
        found.discard("")
    # the alternations (and each entry, to name a bad one's file and line) are compiled when the prefilter's
    # database is made or asked for; a database an earlier run kept needs neither
    return Boilerplate(
        frozenset(lines), frozenset(leads), frozenset(lists - leads), frozenset(menu - lines - leads - lists),
        PatternSet([p for p, _ in start], exact=partial(_compile, start, anchored=True)) if start else None,
        PatternSet([p for p, _ in inline], exact=partial(_compile, inline), anchored=False) if inline else None,
    )


def line_kind(line: str, words: Boilerplate, widgets, placeholders, start: bool | None = None) -> str | None:
    """How one stripped, non-empty line reads on its own: LINE, LEAD, MENU, CONTEXT or None (text).

    CONTEXT: a widget label or placeholder (P102's and P101's, not reported here) or a
    menu label: lines a navigation menu is made of. ``start``: whether the line starts
    with a ``^`` entry, when the caller knows (``words.starts.candidates`` of its lines).
    """
    menu = None  # a line of menu labels, unless a ^ entry knows it whole ("Beranda » Berita » Daerah")
    if len(line) <= MAX_LINE_CHARS:
        k = key(line)
        if k in words.lines:
            return LINE
        if k in words.leads:
            return LEAD
        if k in words.lists:
            return LIST
        if k in words.menu:
            return MENU
        joined = _joined(line, k, words)
        if joined == LINE:
            return joined
        menu = joined
        if not menu and line[-1] == ")" and _COUNTED.fullmatch(line):
            menu = MENU
        if not menu and "." in line and len(line) <= 70 and " " not in line and _SITE.fullmatch(line):
            return SITE
    if start is None:
        start = words.starts is not None and words.starts.match(line[:MAX_START_CHARS])
    if start:
        return LINE
    if menu:
        return menu
    if len(line) <= MAX_PLACEHOLDER_CHARS and (ui_label(line, widgets) or is_placeholder(line, placeholders)):
        return CONTEXT
    return None


_CLOSERS = " \"'”’»)]）」』"


def _joined(line: str, k: str, words: Boilerplate) -> str | None:
    """LINE or MENU for entries joined on one line (``Impressum Datenschutz``, ``About | Contact | Jobs``)."""
    pieces = [key(p) for p in _JOINED.split(line)]
    pieces = [p for p in pieces if p]
    bar = len(pieces) >= MENU_BAR_ITEMS  # joined by separators, not only by single spaces
    if len(pieces) < 2:
        pieces = k.split(" ")  # single words, each an entry: "Impressum Datenschutz"
        if not 1 < len(pieces) <= 6:
            return None
    known = words.known
    if all(p in known or p in words.menu for p in pieces):
        return LINE if any(p in known for p in pieces) else MENU
    if bar and any(p in known or p in words.menu for p in pieces) and all(
        _is_menu_item(p) for p in _JOINED.split(line) if p.strip()
    ):
        return LINE  # a menu bar on one line: "Новости | Снос-2023 | Исследования | #архрейтинг" (one label known)
    return None


def _is_title(line: str) -> bool:
    """A related-article link: short, and not a sentence (``?`` or ``!`` may end a headline, ``.`` not)."""
    end = line.rstrip(_CLOSERS)[-1:]
    return len(line) <= MAX_TITLE_CHARS and len(line.split()) <= MAX_TITLE_WORDS and end not in ".:;,。"


def _is_link(line: str) -> bool:
    """A line of a list of links: a title that starts like one (not lower case, not a sentence going on)."""
    return _is_title(line) and line[0].isupper() or line[0].isdigit() and _is_title(line)


def _is_menu_item(line: str) -> bool:
    """A line short enough to be an entry of a navigation menu."""
    return (
        len(line) <= MAX_MENU_ITEM_CHARS
        and len(line.split()) <= MAX_MENU_ITEM_WORDS
        and line[-1] not in _SENTENCE_END
        and line[-1] not in ",;:"
        and not (line[0] in "([（【" and line[-1] in ")]）】")  # a sign-off, a credit: N102's
    )


def _menu_runs(kinds: list[str | None], texts: list[str], min_run: int, share: float) -> set[int]:
    """Indexes of lines inside navigation menus.

    A menu is a run of at least ``min_run`` consecutive menu-item lines (short, not a
    sentence, not a bracketed sign-off; blank lines do not break it). A line of the run
    is a menu line when, among the lines of the run at most :data:`MENU_WINDOW` lines
    away from it, at least one is a menu label and at least two are known (menu labels,
    lexicon lines, widget labels; itself included), and, for a line the lexicon does
    not know, at least ``share`` of them are known. So the labels the lexicon does not
    know are menu lines too when known ones surround them (``Delhi & NCR`` between
    ``World`` and ``Sports``), and a long menu is judged piece by piece. Without a menu
    label nearby, an ad slot next to a list (``Advertisement`` after a recipe's
    ingredients) is no menu.
    """
    found: set[int] = set()
    index = 0
    while index < len(texts):
        if not (kinds[index] is not None or _is_menu_item(texts[index])):
            index += 1
            continue
        end = index
        while end < len(texts) and (kinds[end] is not None or _is_menu_item(texts[end])):
            end += 1
        if end - index >= min_run:
            known, labels = [0], [0]  # among the run's first i lines: known lines, menu labels
            for kind in kinds[index:end]:
                known.append(known[-1] + (kind is not None))
                labels.append(labels[-1] + (kind == MENU))
            length = end - index
            for i in range(length):
                low, high = max(0, i - MENU_WINDOW), min(length, i + MENU_WINDOW + 1)
                count = known[high] - known[low]
                if count >= 2 and labels[high] > labels[low] and (
                    kinds[index + i] is not None or count >= share * (high - low)
                ):
                    found.add(index + i)
        index = end
    return found


def _alone(items, index) -> bool:
    """Whether a site's name stands apart from the sentences around it, not torn out of one
    (``diberitakan`` / ``Kompas.com`` / ``sebelumnya, ...``) nor opening a dateline (``Kompas.com`` / ``- Text``)."""
    after = items[index + 1][1] if index + 1 < len(items) else None
    if after is not None and (after[0] in "-–—:," or continues_sentence(after)):
        return False
    return index == 0 or ends_sentence(items[index - 1][1]) or is_fragment(items[index - 1][1])


def detect(doc, options):
    words = boilerplate_lexicon(tuple(options["languages"]))
    widgets = lexicon("ui-residue-line")
    placeholders = lexicon("placeholder-line")
    items = [(n, s) for n, line in doc.body_lines() if (s := visible(line))]
    # one scan of the document for the ^ entries: which lines start with one
    starts = words.starts.candidates([s[:MAX_START_CHARS] for _, s in items]) if words.starts else [False] * len(items)
    known: dict[str, str | None] = {}  # pages repeat their short lines: judge each once
    kinds: list[str | None] = []
    for (_, line), start in zip(items, starts, strict=True):
        kind = known.get(line, 0)
        if kind == 0:
            kind = line_kind(line, words, widgets, placeholders, start)
            if len(line) <= MAX_LINE_CHARS:
                known[line] = kind
        kinds.append(kind)
    menus = _menu_runs(kinds, [s for _, s in items], options["menu_run"], options["menu_share"]) if options["menu_run"] else set()
    glued: dict[int, int | None] = {}  # where a ~ entry starts in the lines that hold one: one scan for all
    if words.inlines is not None:
        wanted = [i for i, (_, line) in enumerate(items) if kinds[i] is None and (":" in line or "：" in line)]
        glued = dict(zip(wanted, words.inlines.starts([doc.line(items[i][0]) for i in wanted]), strict=True))

    index = 0
    while index < len(items):
        number, line = items[index]
        kind = kinds[index]
        if kind in (LEAD, LIST):
            last = index + 1
            if last < len(items) and kinds[last] is None and _is_title(items[last][1]):
                last += 1  # the title it announces; after a list head, the rest of its list of links
                end = last
                while kind == LIST and end < len(items) and kinds[end] in (None, MENU) and _is_link(items[end][1]):
                    end += 1
                if end > last and (end == len(items) or kinds[end] not in (None, MENU)):
                    last = end  # links up to the next boilerplate line or the end: a list, not the text going on
                yield Hit(number, items[last - 1][0], data={"line": clip(f"{line} {items[index + 1][1]}")})
                index = last
                continue
            yield Hit(number, data={"line": clip(line)})
        elif kind == LINE or (index in menus and kind != CONTEXT) or (kind == SITE and _alone(items, index)):
            yield Hit(number, data={"line": clip(line)})
        elif kind is None and words.inlines is not None and glued.get(index) is not None:
            raw, start = doc.line(number), glued[index]  # start: where words.inline.search(raw) finds it
            excerpt = raw[start : start + 80]
            yield Hit(number, column=start + 1, excerpt=excerpt, data={"line": excerpt.strip()})
        index += 1


_GLUE = regex.compile(r"(?<=[\p{Ll}\p{N}.!?\"”’)])(?=\p{Lu})")  # where a glued title ends: "...PolisiNew Normal"


def fix_changes(doc, hit, options):
    """Boilerplate lines go whole; an insert glued into a paragraph goes from its lead to the end
    of its title, where the next sentence is glued on (no change when that end is not clear)."""
    if hit.excerpt is None:
        return (Change(hit.line, hit.end_line or hit.line),)
    line = doc.line(hit.line)
    lead = boilerplate_lexicon(tuple(options["languages"])).inline.match(line, hit.column - 1)
    end = _GLUE.search(line, lead.end() + 1) if lead else None
    return (Change(hit.line, start=hit.column - 1, end=end.start()),) if end else ()

BoilerplateLine = Rule(
    code="B101",
    name="boilerplate-line",
    summary="A line of page boilerplate: ads, related-article links, newsletter and cookie notices, menus, footers.",
    why=(
        "Scrapers keep what the page wraps around the article: `ADVERTISEMENT`, "
        "`SCROLL TO CONTINUE WITH CONTENT`, `Baca juga: <another article>` (also glued inside a "
        "paragraph), `Simak juga Video ...`, newsletter and app prompts, cookie notices, "
        "`All rights reserved` and navigation menus. These lines repeat across thousands of "
        "documents, so a model trained on them learns to write them, and they skew every "
        "statistic of the text."
    ),
    message="Boilerplate line {line!r} is not article text",
    detect=detect,
    autofix=Fix("delete-span", "safe", fix_changes),
    options={
        "languages": Option(list(RESIDUE_LANGUAGES), "lexicon languages to match (ISO 639-1 codes)"),
        "menu_run": Option(3, "a navigation menu is at least this many short lines in a row (0: do not look for menus)"),
        "menu_share": Option(0.2, "share of a menu's lines that must be known boilerplate lines or menu labels"),
    },
    known_problems=(
        "Entries come from per-language lexicons and match whole lines (case, punctuation and "
        "spacing ignored) or the start of a line (`Baca juga: ...`, `Follow us on ...`, "
        "`© 2024 ...`), so `Read more about X in the report` inside a sentence is text and "
        "`Read more` alone is boilerplate; an insert glued inside a paragraph is found only after "
        "the end of a sentence (`...kata dia.Baca Juga:...`). Credit and copyright lines "
        "(`© Reuters`, `Copyright 2019 ... All rights reserved.`) are flagged although some "
        "publishers want them kept. Section names (`Politics`, `Sport`, `Kontak`) are flagged only "
        "inside a menu: a run of short lines (at most 6 words, no sentence) in which, within four "
        "lines, a section name and at least one other known line stand; the short lines the "
        "lexicon does not know (a city, a site's own section) are flagged with them where at "
        "least a fifth of their neighbours are known. So a short list in the article with two "
        "section names close together is flagged, and a menu made of a site's own names only is "
        "missed. The link after a lead (`Baca juga:` / `<title>`) is flagged when it reads like a "
        "title (at most 30 words, no final full stop); after a list head (`Related articles`, "
        "`Categories`) so are the following title-like lines, but only when a boilerplate line or "
        "the end of the text closes them. Headline lists, author boxes and site-specific footers "
        "that no lexicon knows are missed: lines that recur across a source's documents are "
        "better found by mining them (B102). Some shapes hold in any language (`any.txt`): breadcrumbs of short "
        "segments joined by arrows (`>`, `»`, `›`, `→`; not quotes, not a line that ends a sentence), so a line "
        "such as `a > b > c` is flagged; a home link followed by a separator; a published/updated pair of stamps; a "
        "label with an ISO date; a menu bar of at least four items joined by `|`, `/`, `·` or wide spaces with one "
        "known label among them; a social account under a follow prompt (`Facebook : Outlet`, `X : @outlet`), so a "
        "line such as `Twitter: @jane` in a profile is flagged; and a site's name alone on a line (`TEJWIKI.IN`), but not "
        "an address written with `www.` nor a name torn out of a sentence or opening a dateline."
    ),
    fix="Delete the line (for an insert glued into a paragraph, delete the insert and its title).",
    examples=(
        bad(
            "Judul\nJakarta - Isi berita.\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nKalimat berikutnya.",
            3, 4,
            note="detik's ad slot, as a scraper saves it",
        ),
        bad(
            "Judul\nJakarta - Isi berita.\nBaca juga:\nJadwal Indonesia Vs Jepang, Main Sore Ini\nKalimat berikutnya.",
            (3, 4),
            note="a related-article link: the lead and the title it announces",
        ),
        bad(
            "Judul\nJAKARTA - Isi berita, kata Argo.Baca Juga:Ruslan Buton Ditangkap PolisiNew Normal dimulai.",
            2,
            note="sindonews glues the related article into the paragraph; the finding gives its column",
        ),
        bad("Judul\nJakarta - Isi berita.\nSimak juga Video: Banjir Rendam Jakarta\n(ian)", 3),
        bad(
            "Headline\nLONDON (Reuters) - Text of the story.\nAdvertisement\nRead more:\n"
            "Sign up for our daily newsletter\nFollow us on Twitter",
            3, 4, 5, 6,
        ),
        bad(
            "Headline\nHome\nNews\nPolitics\nDelhi & NCR\nSports\nNEW DELHI - Text of the story.",
            2, 3, 4, 5, 6,
            note="a navigation menu: section names, and the short lines between them",
        ),
        bad("Titular\nMADRID (EFE) - Texto.\nPublicidad\nTe puede interesar\nTodos los derechos reservados", 3, 4, 5),
        bad("Título\nSÃO PAULO - Texto.\nPublicidade\nLeia também: Outra notícia do dia", 3, 4),
        bad("Titre\nPARIS (AFP) - Texte.\nPublicité\nLire aussi : Un autre article", 3, 4),
        bad("Titel\nBerlin (dpa) - Text.\nAnzeige\nMehr zum Thema", 3, 4),
        bad("Titolo\nROMA - Testo.\nPubblicità\nLeggi anche: Un altro articolo", 3, 4),
        bad("Tajuk\nKUALA LUMPUR: Teks.\nIklan\nBerita berkaitan\nTajuk lain di sini\nLanggan surat berita kami", 3, (4, 5), 6,
            note="ms"),
        bad("Tiêu đề\nHÀ NỘI - Nội dung.\nQuảng cáo\nXem thêm: Một bài khác\nTin liên quan\nMột tiêu đề khác", 3, 4, (5, 6),
            note="vi"),
        bad("Headline\nLONDON (Reuters) - Text.\n[Read more]\nEnter your email address\nI'm not a robot", 3, 4, 5,
            note="a bracketed read-more link and newsletter/captcha form text"),
        bad("หัวข้อ\nกรุงเทพฯ - เนื้อหาข่าว\nโฆษณา\nอ่านเพิ่มเติม: ข่าวอื่น\nสงวนลิขสิทธิ์ 2025", 3, 4, 5, note="th"),
        bad("Pamagat\nMANILA - Ang balita.\nPatalastas\nBasahin din: Isa pang balita\nHindi ako robot", 3, 4, 5, note="tl"),
        bad("Başlık\nANKARA (AA) - Haber metni.\nReklam\nİlgili Haberler\nBaşka bir haber\nTüm hakları saklıdır.",
            3, (4, 5), 6, note="tr"),
        bad("عنوان\nالقاهرة - نص الخبر.\nإعلان\nاقرأ أيضا: خبر آخر\nجميع الحقوق محفوظة © 2025", 3, 4, 5, note="ar"),
        bad("शीर्षक\nनई दिल्ली - खबर का पाठ।\nविज्ञापन\nये भी पढ़ें: एक और खबर\nमैं रोबोट नहीं हूं", 3, 4, 5, note="hi"),
        bad("标题\n【北京=新华社】正文。\n广告\n延伸阅读：另一篇文章\n版权所有 © 2025", 3, 4, 5, note="zh"),
        bad("標題\n台北 - 正文。\n廣告\n未經授權，不得轉載", 3, 4, note="zh, traditional"),
        # shapes read on outlets outside our corpora (issue 9, benchmarks/residue/)
        bad("Tajuk\nKUALA LUMPUR: Isi berita.\nBACA: Lawatan ke Arab Saudi sangat berjaya - Muhyiddin\n"
            "Log masuk atau daftar akaun untuk membaca artikel ini\nTerima kasih kerana membaca.\n1 bulan / 12 bulan",
            3, 4, 5, 6, note="ms: a related link's lead with a colon, a paywall's prompts"),
        bad("Judul\nJAKARTA - Isi berita.\nDiterbitkan 22 Nov 2024, 03:02 WIB\nBaca berita tanpa iklan. Gabung Kompas.com+\n"
            "Cara daftar baca di sini", 3, 4, 5,
            note="id: a publication stamp, an ad-free offer, a link label alone on a line"),
        bad("Tiêu đề\nHÀ NỘI - Nội dung.\nCập nhật: 26/3/2016, 14:17 (GMT+7)\nĐăng nhập để bình luận\nXem chi tiết tại đây",
            3, 4, 5, note="vi"),
        bad("Headline\nLONDON - Text.\nPublished on Feb 10,2021\nAuto Added by WPeMatico\nContinue ReadingOct 2, 2019\n"
            "Create an account or login to join the discussion\nPlease check your inbox and confirm.\n"
            "Enjoying your free trial? Only 9 days left! Upgrade Now",
            3, 4, 5, 6, 7, 8,
            note="en: a publication stamp, a CMS's import note, a read-more link glued to its date, account and form prompts"),
        bad("Tajuk\nKUALA LUMPUR: Isi berita.\nMemaparkan catatan dengan label Terkini. Papar semua catatan\n"
            "Dicatat oleh Admin di 10:05 PTG\nLabel: Berita, Semasa", 3, 4, 5,
            note="ms: Blogger's own lines, whatever the blog"),
        bad("Headline\nLONDON - Text.\nPosted by Kit in Media, Police on Tuesday, 21 March 2017\nUncategorized\n"
            "Note: For many more reports on this, click here.", 3, 4, 5,
            note="en: a blog post's meta line, WordPress's default category, a note pointing at a link that is gone"),
        bad("Headline\nLONDON - Text.\n[READ MORE: Another story]\nMORE: Another story of the day\n"
            "Verify you are human by completing the action below.\nRay ID: 8a1b2c3d4e5f6a7b", 3, 4, 5, 6,
            note="en: a related link in brackets or behind an upper-case lead, a human check's page"),
        bad("Tiêu đề\nHÀ NỘI - Nội dung.\n(Xem thêm: Một bài khác)\nTin liên quan: Một bài khác\nTừ khóa: kinh tế, xuất khẩu",
            3, 4, 5, note="vi"),
        bad("Tajuk\nKUALA LUMPUR: Isi berita.\nArtikel Berkaitan: Tajuk lain\n(Baca: Tajuk lain)", 3, 4, note="ms"),
        good("Headline\nLONDON - More was said later.\nWatch: the minister told the crowd to watch the skies.",
             note="the leads' words opening sentences (a lead is upper case)"),
        good("Judul\nDyson Supersonic dibanderol Rp 6.999.000. Informasi lebih lengkap bisa KLIK DI SINI .\n"
             "Click here to get more information or download this game.",
             note="a sentence of the article before the pointer, and a pointer the gold bodies keep"),
        good("Headline\nLONDON - Published reports said the talks had stalled.\nUpdated figures came out on 3 May.\n"
             "Log in details were stolen, the bank said.", note="the words of a stamp or a prompt opening sentences"),
        good("Judul\nBiaya penerbitan STNK:\nRp 100.000\nuntuk kendaraan roda dua\nRp 200.000\nuntuk mobil",
             note="id: a price alone on a line belongs to a price list (detik)"),
        good("Başlık\nANKARA - Şirket reklam gelirlerinin arttığını açıkladı.\nTüm hakları saklı tutan yazar konuştu.",
             note="tr: the words as part of sentences"),
        good("عنوان\nالقاهرة - قال المسؤول إن الإعلان عن الخطة سيتم غدا.\nاقرأ أيضا الكتب التي نشرتها الوزارة، قال.",
             note="ar: `اقرأ أيضا` as words of a sentence, without the colon of an insert"),
        good("标题\n北京 - 公司表示，广告收入下降了百分之四。\n阅读全文的读者很少。", note="zh: the words inside sentences"),
        # shapes of any language and stamps, labels and platform lines read on round 3's outlets (issue 9)
        bad("Judul\nBeranda » Berita » Daerah\nJAKARTA - Isi berita.", 2, note="id: a breadcrumb with arrows (any language)"),
        bad("标题\n您现在的位置:海峡网>新闻中心>国内频道>社会新闻\n【北京=新华社】正文。", 2, note="zh: a breadcrumb"),
        bad("Headline\nHome | News | Sport\nLONDON - Text.", 2, note="en: a home link and the menu after it"),
        good("Titel\nBerlin - Er sagte: »Ja« und »nein« dazu.\nDer Preis stieg > 10 % > Vorjahr.",
             note="quotes and a comparison are not crumbs, nor a line that ends a sentence"),
        bad("Başlık\nANKARA - Haber metni.\n06.02.2026 13:04:00 / Güncelleme: 06.02.2026 13:09:13\n"
            "Yayın: 21 Eylül 2025, 16:25 (TSİ) · Okuma süresi: 3 dakika\nYayımlandı\nBizimle İletişimde Kalın",
            3, 4, 5, 6, note="tr: a published/updated stamp (any language), a stamp, its label alone, a follow prompt"),
        bad("标题\n【北京=新华社】正文。\n时间:2022-04-16 理论教育 版权反馈\n下载应用\n查看原文\n更多分析请下载",
            3, 4, 5, 6, note="zh: a stamp with an ISO date (any language), app and WeChat furniture"),
        bad("見出し\n【東京=共同】本文。\n2月, 2026の投稿を表示しています\n投稿日：2026年2月3日", 3, 4, note="ja"),
        bad("제목\n[서울=뉴시스] 본문입니다.\n작성 2018.12.30 16:34 조회수", 3, note="ko: a stamp"),
        bad("Titel\nBerlin (dpa) - Text.\nErstellt:\nAktualisiert am 17.08.2021, 22:16 Uhr", 3, 4, note="de"),
        bad("Titre\nPARIS (AFP) - Texte.\nPublié\nMis à jour le 3 mars 2021 à 10h02\nOverblog\n"
            "Editer l'article Suivre ce blog Administration + Créer mon blog\n"
            "26 Septembre 2021 , Rédigé par Jean Dupont Publié dans #Histoire", 3, 4, 5, 6, 7,
            note="fr: stamps and their labels, Overblog's own lines"),
        bad("عنوان\nالقاهرة - نص الخبر.\nالكاتب\nتاريخ النشر\nآخر تحديث: 12 مارس 2024", 3, 4, 5, note="ar"),
        bad("Título\nMADRID (EFE) - Texto.\n¡Escucha aquí al completo!\nPublicado", 3, 4, note="es"),
        bad("Título\nSÃO PAULO - Texto.\nSubscreva gratuitamente o canal do YouTube do jornal AQUI.\nAtualizado", 3, 4,
            note="pt"),
        bad("Tajuk\nKUALA LUMPUR: Isi berita.\nJEMPUT JADI PEMBACA SETIA BLOG INI28 September 2012", 3,
            note="ms: a blog's follow prompt glued to its date"),
        bad("Judul\nJAKARTA - Isi berita.\nSemua Berita Tagging Cara Hitung Denda", 3, note="id: a tag page's head"),
        bad("Headline\nLONDON - Text.\nPosted on: February 8th, 2022 by @admin No Comments\nArchive for February 8th, 2022\n"
            "Current date: October 21, 2025\nAdvertisment\nEmails delivered daily", 3, 4, 5, 6, 7,
            note="en: WordPress themes' post and archive lines, a misspelt ad label, a newsletter's promise"),
        bad("Заголовок\nМОСКВА - Текст.\nНовости  |  Снос-2023  |  Исследования  |  Интервью\nОпубликовано: 16.07.2018",
            3, 4, note="ru: a menu bar on one line with one known label (any language), a stamp"),
        bad("Tiêu đề\nMục lục\nPhần một\nPhần hai\nHÀ NỘI - Nội dung bài viết.", (2, 3),
            note="vi: a table of contents' head and its first entry"),
        bad("Headline\nLONDON - Text of the story.\nSEO-Trainee.de\nThe next paragraph.", 3,
            note="a site's name alone on a line, as its logo leaves it (any language)"),
        good("Judul\nJAKARTA - Hal itu diberitakan\nKompas.com\nsebelumnya, kata dia.\nInfo lengkap:\nwww.example.com",
             note="a site's name torn out of a sentence, and an address the author gives"),
        # round 4's outlets (issue 9): follow accounts, Blogger's and WordPress themes' lines, pointers
        bad("Tajuk\nKUALA LUMPUR: Isi berita.\nIKUTI KAMI DI MEDIA SOSIAL\nFacebook : Malaysia Gazette\nX : @malaysiagazette\n"
            "Telegram : Malaysia Gazette", 4, 5, 6,
            note="ms: the accounts under a follow prompt (any language; the prompt itself is P102's widget label)"),
        good("Title\nLONDON - Text.\nTwitter: the company said on Monday that it would cut 200 jobs.",
             note="a sentence after a platform's name"),
        bad("Judul\nJAKARTA - Isi berita.\nBeranda blog Halaman 2\nCek Berita dan Artikel yang lain di Google News\n"
            "Jangan lupa ikuti update berita lainnya dan follow akun\nGoogle News Metrotvnews.com", 3, 4, 5, 6,
            note="id: a home link and a page number (any language), Google News prompts"),
        good("Judul\nJAKARTA - Isi berita.\nJangan lupa bagikan soal ini kepada teman-teman agar mereka juga bisa belajar.",
             note="id: the writer's own call to share the quiz, kept (tribun)"),
        bad("Headline\nLONDON - Text.\nAnonymous said...\nfrom Dundalk News http://www.example.com/story?fromrss=1\n"
            "Note: Only a member of this blog may post a comment.\nBY Jane Doe IN , , , No comments\nPublished\nReport this page",
            3, 4, 5, 6, 7, 8, note="en: Blogger's and WordPress themes' own lines, a stamp's label alone"),
        good("Headline\nLONDON - The talks went on.\nThe minister said...\nThen he said...",
             note="a sentence trailing off is not a comment's head"),
        bad("Headline\nLONDON - Text.\nThe opinions expressed by columnists are their own and do not represent our advertisers\n"
            "Oops! It appears that you have disabled your Javascript.", 3, 4, note="en: a disclaimer, a script notice"),
        bad("Tajuk\nKUALA LUMPUR: Isi berita.\nDaftar atau log masuk di sini untuk komen.\nlagi info di : MALAYSIA TRENDING NOW\n"
            "Tanpa Nama berkata...", 3, 4, 5, note="ms"),
        bad("Tiêu đề\nHÀ NỘI - Nội dung.\nNặc danh nói...\nLưu ý: Chỉ thành viên của blog này mới được đăng nhận xét.", 3, 4,
            note="vi: Blogger's own lines"),
        bad("Headline\nMCINTOSH, Fla. - Text.\nPublished: Dec. 10, 2021 at 5:31 PM EST|Updated: 58 minutes ago\nUpdated: 3 hours ago",
            3, 4, note="en: a stamp with its update, a relative stamp (issue 9, round 5)"),
        # forum invitations, tag-page heads and relative stamps read on round 6's outlets (issue 9)
        bad("دورة في علامات الترقيم\nانضم إلى المنتدى ، فالأمر سريع وسهل\n"
            "هل تريد التفاعل مع هذه المساهمة؟ كل ما عليك هو إنشاء حساب جديد ببضع خطوات أو تسجيل الدخول للمتابعة.\n"
            "الحمد لله رب العالمين.", 2, 3, note="ar: forumotion's invitations on every topic"),
        bad("Topic title\nJoin the forum, it's quick and easy\n"
            "Would you like to react to this message? Create an account in a few clicks or log in to continue.\n"
            "The text of the post.", 2, 3, note="en: the same invitations"),
        bad("Titre du sujet\nRejoignez le forum, c'est rapide et facile\nLe texte du message.", 2, note="fr"),
        bad("Başlık\nSON DAKİKA\nKonu haberleri, son dakika gelişmeleri, detaylı bilgiler ve tüm gelişmeler burada.\n"
            "2 yıl önce\nANKARA - Haber metni.", 2, 3, 4,
            note="tr: a section label alone, a tag page's own description, a relative stamp"),
        bad("Judul\nKumpulan Berita\n2 tahun yang lalu\nJAKARTA - Isi berita.", 2, 3,
            note="id: a tag page's list head, a relative stamp"),
        bad("Headline\n2 years ago\nLONDON - Text.", 2, note="en: a bare relative stamp"),
        bad("Tajuk\n5 jam lalu\nKUALA LUMPUR: Isi berita.", 2, note="ms"),
        bad("Tiêu đề\n2 năm trước\nHÀ NỘI - Nội dung.", 2, note="vi"),
        bad("标题\n博客园 首页 新随笔 联系 订阅 管理\n资源描述\n正文的第一句。", 2, 3,
            note="zh: a menu bar around the home link, a document site's label"),
        good("Headline\n2 years ago the council voted against it.\nSon dakika değişikliği yapıldı.",
             note="a relative time and a section label's words opening sentences"),
        # Blogger's classic lines, a script saved as text, a maintenance notice: round 7's outlets (issue 9)
        bad("Post title\nThe text of the post.\nLinks to this post:\nCreate a Link\n"
            "This page is powered by Blogger. Isn't yours?\nThis comment has been removed by a blog administrator.",
            3, 4, 5, 6, note="en: Blogger's own lines, whatever the blog"),
        bad("Tiêu đề\nfunction gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-ABC123');\n"
            "HÀ NỘI - Nội dung.", 2, note="vi: an analytics script saved as text (any language)"),
        bad("หัวข้อ\nขณะนี้อยู่ระหว่างปรับปรุง Theme ขออภัยในความไม่สะดวก\nเนื้อหาของหน้า", 2,
            note="th: a site's maintenance notice"),
        good("Headline\nThe function of the council was debated (see below).\nDevelopers call gtag to count visits, he said.",
             note="the words of a script inside sentences"),
        bad("Заголовок\nМОСКВА - Текст.\nРеклама\nЧитайте также: Другая статья", 3, 4),
        bad("제목\n[서울=뉴시스] 본문입니다.\n광고\n무단전재 및 재배포 금지", 3, 4),
        bad("見出し\n【東京=共同】本文。\n広告\n関連記事", 3, 4),
        good("Headline\nRead more about the plan in the report, which was published on Monday."),
        good(
            "Headline\nThe company said it would subscribe to the new standard.\n"
            "Advertisement revenue fell by 4 percent, the company said."
        ),
        good(
            "Judul\nJAKARTA - Isi berita.\nBaca juga buku panduan yang dibagikan panitia, kata dia.",
            note="`baca juga` as words of a sentence, without the colon of an insert",
        ),
        good(
            "Headline\nThe ranking of the sections:\n1. Politics, with 40 readers\n2. Sports\n3. Business",
            note="a short list in the text: not enough known labels in a row",
        ),
    ),
)
