"""N102 byline-residue."""

import regex

from corpuscheck.rules.base import Change, Fix, Hit, Option, Rule, bad, good
from corpuscheck.rules.news.lines import is_placeholder, lexicon

_OUTLET = r"[\p{L}\p{N}][\p{L}\p{N}\-]{1,30}(?:\.(?i:co|com|id|net|org|news|tv))+"
# (ian) (rs/mdk) (kpl/vna) (ahs/nu2) (sls/CITILINK) (cr30/tribun-medan.com) (*/hbb) (kompas/msr) (Cas/Isk):
# editor initials, a lower-case code of 2-6 letters, alone or followed by other codes, names or the outlet.
# [ian] [rs/mdk]: the same in square brackets; (ant/hrp/mdk/rs): up to six segments; (rs-12) (mdk/cr-12):
# a code with digits after a dash.
_FIRST = r"(?:[a-z]{2,6}(?:-?\d{1,3})?|(?:\*|CR-?\d{1,3}|[A-Z][a-z]{1,2})(?=\s?/))"
_SEGMENTS = r"(?:\s?/\s?[\p{L}\p{N}*][\p{L}\p{N}.\-*]{0,29}){0,5}"
INITIALS = rf"(?:\(\s?{_FIRST}{_SEGMENTS}\s?\)|\[\s?{_FIRST}{_SEGMENTS}\s?\])"
# (CR-25) (ZA-7) [AB-12]: a desk code, letters, a dash and digits; only alone or after the last sentence
# ("jet tempur (F-16)" ending a line is text).
CODE = r"[(\[]\s?[\p{L}]{1,4}-\d{1,4}(?:\s?/\s?[\p{L}\p{N}][\p{L}\p{N}.\-]{0,29}){0,3}\s?[)\]]"
# () ( ): the slot where the initials should be, left empty.
EMPTY = r"\(\s?\)"
# -- BERNAMA / .-KOMPAS ONLINE / — AFP: a wire's or outlet's sign-off after a dash, in capitals (up to three
# words), alone on the last line or glued to the last sentence; "... begitu. - Utusan": one capitalised word,
# glued only (a last list item "- Apples" is text).
_CAPS_SIGN_OFF = r"[-–—]{1,2}\s?[\p{Lu}][\p{Lu}\p{N}.&\-]{1,20}(?:\s[\p{Lu}][\p{Lu}\p{N}.&\-]{1,20}){0,2}"
DASH_SIGN_OFF = rf"(?:{_CAPS_SIGN_OFF}|[-–—]{{1,2}}\s?[\p{{Lu}}][\p{{Ll}}]{{2,15}})"
# LAST_LINE's T.H. / N.Q.: a reporter's initials alone on the very last line (Vietnamese outlets sign that way);
# not a bare acronym ("USA").

# (AP) (SIS) (Reuters) (ANTARA) (dpa/lni) (ADV/ARIK) (advertorial): an agency's or editor's sign-off.
SIGN_OFF = (
    r"\(\s?(?:[A-Z]{2,6}|Reuters|Antara|dpa|afp|Xinhua|Bernama|Kyodo|Yonhap|ANSA|EFE|Lusa|"
    r"Sputnik|Interfax|TASS|Bloomberg|Anadolu|advertorial)(?:\s?/\s?[A-Za-z]{2,6}){0,3}\s?\)"
)
# (Reporting by …; Editing by …) (Tribunnews.com/Garudea Prabawati) (TRIBUNPEKANBARU.COM) (Sumber TribunJabar)
# (TribunGorontalo.com/*): a credit that signs the article. Image credits ("(Image credit: …)") are not sign-offs.
CREDIT = (
    r"\(\s?(?:(?:Additional\s)?(?i:reporting|writing|editing|compiled|laporan|penulis|editor|sumber)\b[^()\n]{1,160}"
    rf"|{_OUTLET}(?:\s?/\s?[\p{{L}}\p{{N}}.*][\p{{L}}\p{{N}}.\s/*]{{0,50}})?)\s?\)"
)
# (Daniel Setiawan) (Ari) (Dhani,M): an editor's or reporter's name, alone on the very last line (okezone)
# or glued after the last sentence (posmetro: "...pungkasnya.(Ria)").
NAME = r"\(\s?[\p{Lu}][\p{Ll}]{1,15}(?:[\s,]\s?[\p{Lu}][\p{Ll}.]*){0,4}\s?\)"

OWN_LINE = regex.compile(rf"(?:{INITIALS}|{SIGN_OFF}|{CREDIT}|{CODE}|{EMPTY})\.?")
LAST_LINE = regex.compile(rf"{NAME}|{_CAPS_SIGN_OFF}|(?:[\p{{Lu}}]\.){{1,3}}[\p{{Lu}}]?\.?")
# ...tulis BMKG.(zik) / ...Lemdiklat Polri. (mhd) / ...tandasnya. (Iwn) / ...katanya. (Tribunpekanbaru.com/Palti Siahaan)
GLUED = regex.compile(
    rf"(?<=[.!?\"”’)\]。！？」』）])\s?(?P<i>{INITIALS}|{SIGN_OFF}|{CREDIT}|{NAME}|{CODE}|{EMPTY}|{DASH_SIGN_OFF})\.?\s*$"
)
# ...Jerinx SID      (SIS): a sign-off set apart by a run of spaces
# (?<!\s): a search starts only where a run of spaces starts (the leftmost match starts there anyway):
# linear on a long run of spaces, where each start inside it rescanned the run
SPACED = regex.compile(rf"(?<!\s)\s{{2,}}(?P<i>{INITIALS}|{SIGN_OFF}|{CREDIT})\s*$")
# ...untuk dapat bergabung (amr) / ...Ole Romeny(sto): after a word, only on the very last line
# ("year on year (yoy)" higher up is text)
UNPUNCTUATED = regex.compile(rf"(?<=[\p{{L}}\p{{N}}])\s?(?P<i>{INITIALS})\s*$")
# detik closes with topic tags after the initials: "(prf/ega)" / "nikel" / "raja ampat"
TAG = regex.compile(r"[\p{Ll}\p{N}](?:[\p{Ll}\p{N} '’&\-.]{0,58}[\p{Ll}\p{N}])?")
MAX_TAGS = 15
TAG_CHARS = 60  # TAG's longest match
END = 300  # characters at the end of a line that are looked at
# Every pattern above ends with ")" and maybe ".", then only white space: a line (stripped)
# that ends otherwise is not looked at further.
_ENDINGS = (")", ").", "]", "].")
_SHORT = 40  # a last line this short may be a sign-off without brackets (- BERNAMA, T.H.)
_DASHES = ("-", "–", "—")


def _tail(doc, size: int) -> list[tuple[int, str]]:
    """The last ``size`` non-empty lines, not counting topic-tag lines (up to :data:`MAX_TAGS`)."""
    tail: list[tuple[int, str]] = []
    tags = 0
    lines = doc.lines
    for number in range(len(lines), doc.body_start - 1, -1):
        line = lines[number - 1][-END:].strip()
        if not line:
            continue
        if tags < MAX_TAGS and len(line) <= TAG_CHARS and TAG.fullmatch(line):
            tags += 1
            continue
        tail.append((number, line))
        if len(tail) >= size:
            break
    return tail[::-1]


def detect(doc, options):
    tail = _tail(doc, options["tail_lines"])
    for index, (number, line) in enumerate(tail):
        if not line.endswith(_ENDINGS) and not (
            index == len(tail) - 1 and (len(line) <= _SHORT or any(d in line[-_SHORT:] for d in _DASHES))
        ):
            continue
        indent = len(doc.lines[number - 1]) - len(doc.lines[number - 1].lstrip())
        if OWN_LINE.fullmatch(line) or (index == len(tail) - 1 and LAST_LINE.fullmatch(line)):
            if line[0] == "[" and is_placeholder(line, lexicon("placeholder-line")):
                continue  # [image] / [video]: P101's placeholder, not initials
            yield Hit(number, column=indent + 1, data={"initials": line})
        elif found := (
            GLUED.search(line) or SPACED.search(line) or (index == len(tail) - 1 and UNPUNCTUATED.search(line))
        ):
            start = len(doc.lines[number - 1].rstrip()) - len(line) + found.start("i")
            yield Hit(number, column=start + 1, excerpt=found.group("i"), data={"initials": found.group("i")})


def fix_changes(doc, hit, options):
    """Initials on a line of their own: the line goes; glued ones: from the initials (and the
    space before them) to the end of the line."""
    line = doc.line(hit.line)
    start = hit.column - 1
    if not line[:start].strip():
        return (Change(hit.line),)
    while start > 0 and line[start - 1].isspace():
        start -= 1
    return (Change(hit.line, start=start, end=len(line)),)

BylineResidue = Rule(
    code="N102",
    name="byline-residue",
    summary="Editor initials or a sign-off left at the end of the text: `(ian)`, `(rs/mdk)`, `[ian]`, `(AP)`, `-- BERNAMA`.",
    why=(
        "News sites close articles with the editors' initials, the agency's tag or a credit. A "
        "scraper keeps them, alone on a last line (`(kpl/vna)`, `(SIS)`, `(Daniel Setiawan)`), "
        "before the topic tags (detik: `(prf/ega)` / `nikel` / `raja ampat`) or glued to the last "
        "sentence (`...tulis BMKG.(zik)`). They are metadata, not text, and a model trained on "
        "them learns to sign articles."
    ),
    message="Byline residue {initials} at the end of the article",
    detect=detect,
    autofix=Fix("delete-span", "safe", fix_changes),
    severity="warning",
    options={
        "tail_lines": Option(
            8, "how many non-empty lines at the end are searched (topic-tag lines such as detik's do not count)"
        )
    },
    known_problems=(
        "A last sentence that really ends in a lower-case parenthesis of 2-5 letters is flagged "
        "(`... the value (min)`). Parenthesised credits are flagged on purpose, "
        "`(Reporting by …; Editing by …)` included; credits in prose (`Contributing: …`, "
        "`With Post wires`, `Sumber: ...`), image credits, Tribun's end mark `(*)` and a reporter's "
        "name in capitals after the last sentence (`... bisa dilakukan. DINI TEJA`) are not. An "
        "editor's name in parentheses is only flagged as the very last line or glued after the "
        "last sentence. Square brackets count as parentheses (`[ian]`); a desk code with a dash "
        "(`(CR-25)`) and an empty slot `()` are flagged alone or after the last sentence only; a "
        "dash sign-off (`-- BERNAMA`, `.-KOMPAS ONLINE`) in capitals alone on the last line or "
        "glued to the last sentence, a capitalised one (`- Utusan`) only glued; dotted initials "
        "(`T.H.`) only alone on the very last line. A reporter's name alone on the last line without "
        "brackets (`Thu Hà`) is missed: it reads like any short line."
    ),
    fix="Delete the initials; keep them in metadata if they matter.",
    examples=(
        bad("Judul\nSEOUL - Isi berita.\nKalimat terakhir.\n(ian)", 4),
        bad("Judul\nJAKARTA - Hujan lebat akan turun, tulis BMKG.(zik)", 2),
        bad("Judul\nJakarta - Isi.\nKini posisinya digantikan Irjen Aris Budiman, Lemdiklat Polri. (mhd)", 3),
        bad("Judul\nJakarta - Isi.\n(prf/ega)\nnikel\nraja ampat", 3),
        bad("Judul\nKapanlagi.com - Isi berita.\n(kpl/vna)", 3),
        bad("Judul\nSEOUL- Drama itu belum punya jadwal tayang.\n(SIS)", 3),
        bad("Judul\nJAKARTA- Timnas Indonesia kalah dari Jepang.\n(Daniel Setiawan)", 3),
        bad("Headline\nWASHINGTON (AP) — Story text.\n(AP)", 3),
        bad("Headline\nWASHINGTON (Reuters) - Story text.\n(Reporting by Will Dunham; Editing by Tom Brown)", 3,
            note="credits are flagged on purpose"),
        bad("Judul\nTRIBUNPEKANBARU.COM - Isi.\nHakim yang bertugas,\" katanya. (Tribunpekanbaru.com/Palti Siahaan)", 3),
        good("Headline\nThe World Health Organization (WHO) said so.\nIt spoke to the press (again)."),
        good("Judul\nJAKARTA - Isi berita tentang Badan Pusat Statistik (BPS)."),
        good("Judul\nJAKARTA - Isi berita, kata dia, Senin (9/6/2025).\nPeneliti Badan Riset dan Inovasi Nasional (BRIN)"),
        good("Headline\nKukushkin beat him 7-6 (2).\nHe sought therapy (37).\n(Image credit: All About Space)"),
        good("Judul\nMedan - Isi berita.\nKata Margaret. (*)"),
        # forms of outlets in none of the corpora (issue 9); the sentences are ours
        bad("Judul\nJAKARTA - Isi.\nKalimat terakhir.\n[ian]", 4, note="initials in square brackets"),
        bad("Judul\nJAKARTA - Isi.\nKalimat terakhir.[rs/mdk]", 3),
        bad("Judul\nJAKARTA - Isi.\nKalimat terakhir.\n(ant/hrp/mdk/rs/ab)", 4, note="five segments"),
        bad("Judul\nJAKARTA - Isi.\nKalimat terakhir.(mdk/cr-12)", 3, note="a code with a dash and digits"),
        bad("Judul\nJAKARTA - Isi.\nKalimat terakhir.\n(CR-25)", 4),
        bad("Judul\nJAKARTA - Isi.\nKalimat terakhir.()", 3, note="the initials' slot left empty"),
        bad("Headline\nKUALA LUMPUR, 5 Feb (Bernama) -- Story.\nHe said so.\n-- BERNAMA", 4,
            note="ms/en, Bernama's sign-off alone on the last line"),
        bad("Judul\nKUALA LUMPUR - Isi.\nDia berkata begitu. - Utusan", 3, note="ms, glued to the last sentence"),
        bad("Judul\nJAKARTA - Isi.\nDia berkata begitu.-KOMPAS ONLINE", 3),
        bad("Tiêu đề\nHÀ NỘI - Nội dung.\nÔng nói như vậy.\nT.H.", 4, note="vi, a reporter's initials alone last"),
        good("Judul\nJAKARTA - Isi.\nIndonesia membeli jet tempur (F-16)"),
        good("Headline\nThe list:\n- Apples"),
        good("Headline\nThe end.\nUSA"),
        good("Headline\nThe end.\n[image]", note="a placeholder (P101), not initials"),
        good("Headline\nHe quoted: “Be kind.” — Albert Einstein"),
    ),
)
