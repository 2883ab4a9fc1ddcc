"""E104 html-residue."""

from html.entities import html5

import regex

from corpuscheck.rules.base import Hit, Option, Rule, bad, good

ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas
    caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed
    fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup
    hr html i iframe img input ins kbd label legend li link main map mark meta meter nav noscript
    object ol optgroup option output p param picture pre progress q rp rt ruby s samp script
    section select small source span strike strong style sub summary sup svg table tbody td
    template textarea tfoot th thead time title tr track tt u ul var video wbr path o:p""".split()
)
# <div class="x">, </p>, <br/>, <amp-img src=…>: a known element name (or a custom element with a
# hyphen), and attributes only in attribute syntax; "<b and c>" (maths) has no `=` and is not a tag.
TAG = regex.compile(
    r"""<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9]*(?:[-:][A-Za-z0-9]+)*)
        (?P<attrs>(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>""",
    regex.X,
)
# A tag cut at the end of the line: <div class="article-body"
OPEN_TAG = regex.compile(r"<(?P<name>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)\s+[\w:-]+\s*=\s*[\"'][^\"'<>]*(?:[\"'][^<>]*)?$")
MARKUP = regex.compile(r"<!--|<!\[CDATA\[|<!DOCTYPE\b|<\?xml\b", regex.I)
# &amp; &nbsp; &#8217; &#x2019; and the bare legacy forms browsers also accept (&nbsp &amp).
ENTITY = regex.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};|(?:nbsp|amp|quot|lt|gt)(?![\p{L}\p{N};]))")


def _is_element(name: str) -> bool:
    if not (name.islower() or name.isupper()):
        return False
    lowered = name.lower()
    return lowered in ELEMENTS or ("-" in lowered and not lowered.endswith("-"))


def residues(line: str):
    """(column index, residue) of every tag, entity or markup fragment on the line, in order."""
    found = []
    if "<" in line:
        for match in TAG.finditer(line):
            attrs = match.group("attrs")
            if not _is_element(match.group("name")):
                continue
            if attrs.strip() and ("=" not in attrs or match.group("close")):
                continue  # "<b and c>" is maths; a closing tag has no attributes
            if "-" in match.group("name") and "=" not in attrs and match.group("name").lower() not in ELEMENTS:
                continue  # a custom element needs attributes to be told from "<long-term>"
            found.append((match.start(), match.group()))
        if (cut := OPEN_TAG.search(line)) and _is_element(cut.group("name")):
            if not any(start == cut.start() for start, _ in found):
                found.append((cut.start(), cut.group()))
        found += [(m.start(), m.group()) for m in MARKUP.finditer(line)]
    if "&" in line:
        for match in ENTITY.finditer(line):
            text = match.group()
            if text.endswith(";") and not text.startswith("&#") and text[1:] not in html5:
                continue  # "&Co;" is not an entity
            found.append((match.start(), text))
    return sorted(found)


def detect(doc, options):
    for number, line in enumerate(doc.lines, start=1):
        found = residues(line)
        if not found:
            continue
        distinct = list(dict.fromkeys(text if len(text) <= 40 else text[:37] + "..." for _, text in found))
        shown = ", ".join(distinct[: options["show"]]) + (" …" if len(distinct) > options["show"] else "")
        yield Hit(
            number,
            column=found[0][0] + 1,
            data={"count": len(found), "s": "" if len(found) == 1 else "s", "residue": shown},
        )


HtmlResidue = Rule(
    code="E104",
    name="html-residue",
    summary="A line holds leftover HTML: tags (`<br>`, `</p>`, `<div class=...>`) or entities (`&nbsp;`, `&amp;`).",
    why=(
        "Extractors that take an element's inner HTML instead of its text, or that unescape "
        "once too few times, leave markup in the article: `</p>`, `<br />`, `<img src=...>`, "
        "`&nbsp;`, `Cushman &amp; Wakefield`, `&#8217;`. It is not what the reader saw, it "
        "shows the extraction step failed, and a model trained on it writes markup in prose."
    ),
    message="{count} HTML residue{s}: {residue}",
    detect=detect,
    autofix=None,  # no automatic fix: unescaping or stripping markup can change text that quotes it
    options={"show": Option(3, "how many distinct residues the message lists")},
    known_problems=(
        "Only known HTML element names count as tags (or custom elements with a hyphen and an "
        "attribute), with attributes in attribute syntax, so `<3`, `a < b > c`, arrows "
        "(`->`, `-->`), `<The Palace>`-style titles and `AT&T` or `Johnson & Johnson` are not "
        "flagged. Real text that quotes markup (a web-development tutorial) is flagged. A "
        "word in angle brackets that happens to be an element name in one case (`<b>`, "
        "`<Time>` is not: mixed case is ignored) is taken for a tag."
    ),
    fix=(
        "Extract the element's text rather than its HTML, and unescape entities once "
        "(`html.unescape`); drop lines that are nothing but markup."
    ),
    examples=(
        bad("Judul\nDirector Cushman &amp; Wakefield Arief Rahardjo menjelaskan.", 2),
        bad("Title\nThe first paragraph.</p><p>The second&nbsp;one.<br />\nThe end.", 2),
        bad('Title\n<div class="article-body">\nText.\n<img height="1" width="1" style="display:none"', 2, 4),
        bad("Title\n&lt;span data-mce-type=&quot;bookmark&quot;&gt;", 2),
        good("Title\nAT&T and Johnson & Johnson reported; R&D rose. I <3 this.\nIf a < b and b > c then a < c -> done."),
        good("Title\nCast of <The Palace: Tale of Jang Noksu> left reviews. Read on -->"),
    ),
)
