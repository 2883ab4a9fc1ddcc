"""N102 byline-residue."""

import regex

from corpuscheck.rules.base import Change, Fix, Hit, Option, Rule, bad, good

_OUTLET = r"[\p{L}\p{N}][\p{L}\p{N}\-]{1,30}(?:\.(?i:co|com|id|net|org|news|tv))+"
# (ian) (rs/mdk) (kpl/vna) (ahs/nu2) (sls/CITILINK) (cr30/tribun-medan.com) (*/hbb) (kompas/msr) (Cas/Isk):
# editor initials, a lower-case code of 2-6 letters, alone or followed by other codes, names or the outlet.
INITIALS = r"\(\s?(?:[a-z]{2,6}\d{0,2}|(?:\*|CR\d{1,3}|[A-Z][a-z]{1,2})(?=\s?/))(?:\s?/\s?[\p{L}\p{N}*][\p{L}\p{N}.\-*]{0,29}){0,3}\s?\)"
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

OWN_LINE = regex.compile(rf"(?:{INITIALS}|{SIGN_OFF}|{CREDIT})\.?")
LAST_LINE = regex.compile(NAME)
# ...tulis BMKG.(zik) / ...Lemdiklat Polri. (mhd) / ...tandasnya. (Iwn) / ...katanya. (Tribunpekanbaru.com/Palti Siahaan)
GLUED = regex.compile(rf"(?<=[.!?\"”’)\]。！？」』）])\s?(?P<i>{INITIALS}|{SIGN_OFF}|{CREDIT}|{NAME})\.?\s*$")
# ...Jerinx SID      (SIS): a sign-off set apart by a run of spaces
SPACED = regex.compile(rf"\s{{2,}}(?P<i>{INITIALS}|{SIGN_OFF}|{CREDIT})\s*$")
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
_ENDINGS = (")", ").")


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
        if not line.endswith(_ENDINGS):
            continue
        indent = len(doc.lines[number - 1]) - len(doc.lines[number - 1].lstrip())
        if OWN_LINE.fullmatch(line) or (index == len(tail) - 1 and LAST_LINE.fullmatch(line)):
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
    summary="Editor initials or a sign-off left at the end of the text: `(ian)`, `(rs/mdk)`, `(AP)`.",
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
        "last sentence."
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
    ),
)
