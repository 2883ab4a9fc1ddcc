"""P101 placeholder-line."""

from corpuscheck.news import LANGUAGES, is_placeholder, lexicon
from corpuscheck.rules.base import Hit, Option, Rule, bad, good


def detect(doc, options):
    words = lexicon("placeholder-line", tuple(options["languages"]))
    for number, line in doc.body_lines():
        if is_placeholder(line, words):
            yield Hit(number, data={"line": line.strip()})


PlaceholderLine = Rule(
    code="P101",
    name="placeholder-line",
    summary="A line that is a loading, placeholder or template stub, not text.",
    why=(
        "Scrapers save the page before its scripts have filled it in, so stubs such as "
        "`loading...`, `Memuat...`, `lorem ipsum`, `{{title}}`, `undefined` or `[image]` "
        "end up as lines of the article. They are not part of what the author wrote and "
        "teach a model that such lines belong in news."
    ),
    message="Placeholder line {line!r} is not article text",
    detect=detect,
    options={"languages": Option(list(LANGUAGES), "lexicon languages to match (ISO 639-1 codes)")},
    known_problems=(
        "A whole line that really is one of these words (an article about the value `null`) "
        "is flagged; lexicon entries only match whole lines, never words inside a sentence."
    ),
    fix="Delete the line.",
    examples=(
        bad("Judul berita\nloading...\nJAKARTA - Isi berita yang sebenarnya.", 2),
        bad("Title\n{{ article.title }}\nLONDON (Reuters) - Text.\n[image]", 2, 4),
        bad("Заголовок\nЗагрузка...\nМОСКВА, 12 мар — РИА Новости. Текст.", 2),
        bad("見出し\n読み込み中…\n【東京=共同】本文。", 2),
        bad("Título\nCargando...\nMADRID (EFE) - Texto de la noticia.", 2),
        good("Title\nLONDON (Reuters) - The page was still loading when the outage began."),
        good("Title\nThe variable was undefined, the engineers said, and null values crept in."),
    ),
)
