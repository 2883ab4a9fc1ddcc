"""E105 script-residue."""

import re
from bisect import bisect_right
from itertools import accumulate

import regex

from corpuscheck.rules.base import Hit, Option, Rule, bad, deletes_lines, good

_CSS_PROPERTY = (
    r"(?:display|visibility|position|top|left|right|bottom|float|clear|overflow(?:-[xy])?|z-index"
    r"|(?:min-|max-)?(?:width|height)|margin(?:-\w+)?|padding(?:-\w+)?|border(?:-\w+)*|outline"
    r"|color|background(?:-\w+)?|opacity|font(?:-\w+)?|line-height|letter-spacing|text-(?:align|decoration|transform)"
    r"|content|cursor|transition|transform|animation|box-shadow|flex(?:-\w+)?|grid(?:-\w+)*|align-\w+|justify-\w+)"
)
# One match of any of these is enough: they do not occur in prose.
STRONG = regex.compile(
    r"""
      \bfunction\s*[\w$]*\s*\([\w$,\s]*\)\s*\{                      # function(e){ / function loadJs(e) {
    | \bdocument\s*\.\s*(?:getElementBy\w+|getElementsBy\w+|querySelector(?:All)?|createElement
                         |write(?:ln)?|cookie|addEventListener|body\.\w|location\.\w|readyState|head\.\w)
    | \bwindow\s*\.\s*[\w$]+\s*(?:=(?!=)|\|\||\()                    # window.x = / window.open( / window.a||
    | \bwindow\s*\.\s*(?:location|navigator|localStorage|performance|dataLayer|googletag)\b
    | \bgoogletag\s*\.\s*(?:cmd|pubads|defineSlot|display|enableServices)
    | \badsbygoogle\b | \bdataLayer\s*(?:\.push\s*\(|=) | \b_gaq\s*\.\s*push | \bgtag\s*\(\s*['"]
    | \bfbq\s*\(\s*['"] | \bconsole\s*\.\s*(?:log|error|warn)\s*\( | \.addEventListener\s*\(
    | (?:\$|\bjQuery)\s*\(\s*(?:document|window|this|['"][#.]?[\w-]+['"])\s*\)\s*\.\s*\w+
    | \bvar\s+[\w$]+\s*=(?!=) | \b(?:let|const)\s+[\w$]+\s*=\s*(?:function\b|\{|\[|new\b|document\b|window\b|['"])
    | "@context"\s*:\s*"https?:[\\/]*schema\.org | "@type"\s*:\s*"\w+"
    | \{\s*""" + _CSS_PROPERTY + r"""\s*:\s*[^{};:]+(?:;\s*[\w-]+\s*:\s*[^{};:]+)*;?\s*\}   # {display:none}
    | @media\s*(?:\(|screen\b|print\b|only\b|all\b) | @font-face\s*\{ | @import\s+(?:url\s*\(|["']) | @keyframes\s+[\w-]+
    | !important\b | //\s*<!\[CDATA\[ | \]\]>
    | \btry\s*\{ | \}\s*catch\s*\(\s*\w*\s*\)\s*\{                       # try{...}catch(e){}
    | \btypeof\s+[\w$.]+\s*[!=]==? | [!=]==?\s*typeof\b
    """,
    regex.X,
)
# A line that is a JSON object or array of key/value pairs: {"headline": ..., [{"id": ...
JSON_LINE = regex.compile(r'\s*\[?\s*\{\s*"[\w@$.-]+"\s*:\s*(?:"|\d|\{|\[|true|false|null).{8,}')
# Code punctuation: a line of only brackets and semicolons, "});", "})();", "}};"
BRACES_ONLY = regex.compile(r"\s*[{}()\[\];,]*[{}][{}()\[\];,]*\s*")
WEAK = regex.compile(r"===|!==|&&|\|\||=>|\breturn\b[^.]*;|\bnull\b|\bthis\.\w|\.push\(|\}\s*\)|;\s*\}|\{\s*$|;\s*$")
CODE_CHARS = regex.compile(r"[{}();=<>\[\]$|&]")
CSS_SHAPE = regex.compile(r"@media|@font-face|@import|@keyframes|!important|[\w\])*-]\s*\{\s*[\w-]+\s*:|^\s*[\w-]+\s*:\s*[^;{}]+;\s*$")
SCRIPT_SHAPE = regex.compile(r"\bfunction\b|\bvar\b|\blet\b|\bconst\b|=>|\bwindow\.|\bdocument\.|\(\s*\)\s*;|\w\(")


# Every construct above needs one of these: lines without any (most prose) are skipped at
# once (stdlib `re` scans this literal alternation faster than `regex`).
HINT = re.compile(
    r"[{};=$@|&]|\]\]>|!important|function|document|window|googletag|adsbygoogle|dataLayer|_gaq|gtag|fbq|console|jQuery|typeof"
)


def is_code(line: str) -> bool:
    stripped = line.strip()
    if not stripped or not HINT.search(stripped):
        return False
    if STRONG.search(stripped) or JSON_LINE.match(stripped):
        return True
    if BRACES_ONLY.fullmatch(stripped):
        return len(stripped) >= 2 or stripped in "{}"
    weak = {m.group() for m in WEAK.finditer(stripped)}
    if len(weak) >= 3:
        return True
    # minified code: dense in code punctuation, with statement separators
    if len(stripped) >= 40 and ";" in stripped and "{" in stripped:
        return len(CODE_CHARS.findall(stripped)) / len(stripped) >= 0.08
    return False


def kind(line: str) -> str:
    """What a code line is: JSON-LD (schema.org data), CSS, or script."""
    if '"@context"' in line or '"@type"' in line:
        return "JSON-LD"
    if CSS_SHAPE.search(line) and not SCRIPT_SHAPE.search(line):
        return "CSS"
    return "script"


def _hit(doc, run: list[int]) -> Hit:
    first, last = run[0], run[-1]
    text = doc.line(first)
    kinds = sorted({kind(doc.line(n)) for n in run})
    return Hit(
        first,
        last if last != first else None,
        column=len(text) - len(text.lstrip()) + 1,
        excerpt=text.strip()[:120],
        data={
            "lines": len(run),
            "s": "" if len(run) == 1 else "s",
            "kind": kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1],
        },
    )


# HINT's characters and words, looked for in the whole text at once (a fast substring
# search each): only the lines holding one of them can be code.
_HINT_NEEDLES = tuple("{};=$@|&") + (
    "]]>", "!important", "function", "document", "window", "googletag", "adsbygoogle", "dataLayer",
    "_gaq", "gtag", "fbq", "console", "jQuery", "typeof",
)
assert HINT.pattern == "[{};=$@|&]|" + "|".join(map(re.escape, _HINT_NEEDLES[8:]))  # the same alternatives


def _hint_lines(doc) -> list[int]:
    """The numbers of the lines in which HINT finds something, ascending."""
    text = doc.text
    found: set[int] = set()
    for needle in _HINT_NEEDLES:
        at = text.find(needle)
        while at != -1:
            found.add(at)
            at = text.find(needle, at + 1)
    if not found:
        return []
    starts = list(accumulate((len(line) + 1 for line in doc.lines), initial=0))  # doc.lines: text split on \n
    return sorted({bisect_right(starts, at) for at in found})


def detect(doc, options):
    """One finding per run of code lines; runs may hold up to ``max_gap`` other lines."""
    gap = options["max_gap"]
    run: list[int] = []
    for number in _hint_lines(doc):
        if not is_code(doc.line(number)):
            continue
        if run and number - run[-1] > gap + 1:
            yield _hit(doc, run)
            run = []
        run.append(number)
    if run:
        yield _hit(doc, run)


ScriptResidue = Rule(
    code="E105",
    name="script-residue",
    summary="Lines of JavaScript, CSS or JSON-LD left in the text (`function(`, `googletag.cmd.push`, `{display:none}`, `@media`).",
    why=(
        "Extractors that read a page's text without dropping `<script>`, `<style>` and "
        "`<noscript>` elements, or that keep inline JSON-LD, leave code in the article: "
        "ad-tag set-up (`googletag.cmd.push(function(){...})`), analytics (`dataLayer.push`), "
        "style sheets (`.hidden{display:none}`, `@media (max-width:660px)`), and schema.org "
        "metadata (`{\"@context\":\"http://schema.org\"`). Such lines can be thousands of "
        "characters long and dwarf the article; they are noise for any language model. "
        "Consecutive code lines (blank or unrecognised lines in between included, up to "
        "`max_gap`) are reported as one span."
    ),
    message="{lines} line{s} of {kind} code, not article text",
    detect=detect,
    autofix=deletes_lines("unsafe"),  # a code-shape heuristic decides
    options={"max_gap": Option(2, "how many non-code lines may separate two code lines of one span")},
    known_problems=(
        "Articles that quote code (programming tutorials) are flagged. Detection needs a "
        "code construct (a function with a body, a `window.`/`document.` call, an ad or "
        "analytics call, a CSS block with a known property, a JSON object line, or several "
        "operators such as `===`, `&&`, `=>` on one line), so prose that merely says "
        "`function (fungsi)` or `var` is not flagged, but a short code line with none of "
        "these (`x = 1`) is missed."
    ),
    fix="Drop `<script>`, `<style>`, `<noscript>` and `<template>` elements before extracting the text.",
    examples=(
        bad(
            "Title\nThe article starts here.\ngoogletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });\nIt goes on.",
            3,
        ),
        bad(
            "Title\nText.\n.hid{display:none}\n@media (max-width:660px){html{outline-color:#040000}}\n\nvar isSSL = 'https:' == document.location.protocol;\nMore text.",
            (3, 6),
        ),
        bad('Title\n{"@context":"http://schema.org","@type":"NewsArticle","headline":"X"}\nText.', 2),
        good("Judul\nPastikan memperhatikan 2 hal utama, yaitu form (bentuk) dan function (fungsi).\nLanjutkan membaca -->"),
        good("Title\nThe window. The document. Let x = the number of voters; then x > 3 && y < 2."),
    ),
)
