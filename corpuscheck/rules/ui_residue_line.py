"""P102 ui-residue-line."""

from corpuscheck.news import LANGUAGES, has_chord_lines, is_ui_residue, lexicon
from corpuscheck.rules.base import Hit, Option, Rule, bad, good


def detect(doc, options):
    words = lexicon("ui-residue-line", tuple(options["languages"]))
    chords = has_chord_lines(doc.lines)
    for number, line in doc.body_lines():
        if is_ui_residue(line, words, chords):
            yield Hit(number, data={"line": line.strip()})


UiResidueLine = Rule(
    code="P102",
    name="ui-residue-line",
    summary="A line left over from page widgets: font-size buttons, share links, close marks, arrows, counters.",
    why=(
        "Text extraction keeps the labels of buttons and widgets as lines of their own: the "
        "`A` `A` `A` of font-size buttons, `Share`, `Tweet`, `Print`, `×`, arrows and counters. "
        "They break paragraphs, skew statistics and are not part of the article."
    ),
    message="UI residue line {line!r} is a widget label, not article text",
    detect=detect,
    options={"languages": Option(list(LANGUAGES), "lexicon languages to match (ISO 639-1 codes)")},
    known_problems=(
        "Lines of one or two letters are flagged in any script. Song-lyric pages keep their "
        "chord lines (`C`, `Am`): when a text has chord sheets, chord names are not flagged."
    ),
    fix="Delete the line.",
    examples=(
        bad("Judul\nA\nA\nA\nSEOUL - Isi berita.", 2, 3, 4),
        bad("Headline\nShare\nTweet\nWASHINGTON (AP) — Text of the story.\n×", 2, 3, 5),
        bad("Überschrift\nTeilen\nBerlin (dpa) - Der Text.", 2),
        bad("제목\n가가\n[서울=뉴시스] 본문입니다.", 2),
        good("Title\nBUFFALO, N.Y. — A gunman opened fire.\nShare prices fell on Tuesday."),
        good("Lirik Lagu\nC G Am F\nKu ingin kau tahu\nAm F C G\nC\nBetapa aku cinta"),
    ),
)
