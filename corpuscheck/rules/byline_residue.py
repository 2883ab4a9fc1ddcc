"""N102 byline-residue."""

import regex

from corpuscheck.rules.base import Hit, Option, Rule, bad, good

# (ian) (rs/mdk) (kpl/vna) (haf/dhn): editor initials, lower case, 2-6 letters each.
INITIALS = r"\(\s?[a-z]{2,6}(?:\s?/\s?[a-z]{2,6}){0,3}\s?\)"
# (AP) (SIS) (Reuters) (ANTARA) alone on a line: an agency or editor sign-off.
SIGN_OFF = r"\(\s?(?:[A-Z]{2,6}|Reuters|Antara|ANTARA|dpa|afp|AFP|EFE|Xinhua|Bernama)(?:\s?/\s?[A-Za-z]{2,6}){0,3}\s?\)"
OWN_LINE = regex.compile(rf"(?:{INITIALS}|{SIGN_OFF})")
# ...tulis BMKG.(zik) / ...Lemdiklat Polri. (mhd): initials glued to the last sentence.
GLUED = regex.compile(rf"(?<=[.!?\"”’)\]])\s?(?P<i>{INITIALS})\s*$")


def detect(doc, options):
    tail = [(n, line.strip()) for n, line in doc.body_lines() if line.strip()][-options["tail_lines"]:]
    for number, line in tail:
        if OWN_LINE.fullmatch(line):
            yield Hit(number, data={"initials": line})
        elif found := GLUED.search(line):
            yield Hit(number, column=found.start("i") + 1 + len(line) - len(line.lstrip()),
                      excerpt=found.group("i"), data={"initials": found.group("i")})


BylineResidue = Rule(
    code="N102",
    name="byline-residue",
    summary="Editor initials or an agency sign-off left at the end of the text: `(ian)`, `(rs/mdk)`, `(AP)`.",
    why=(
        "News sites close articles with the editors' initials or the agency's tag. A scraper "
        "keeps them, alone on the last line or glued to the last sentence (`...tulis BMKG.(zik)`). "
        "They are metadata, not text, and a model trained on them learns to sign articles."
    ),
    message="Byline residue {initials} at the end of the article",
    detect=detect,
    severity="warning",
    options={"tail_lines": Option(8, "how many non-empty lines at the end are searched (tags often follow)")},
    known_problems=(
        "A last sentence that really ends in a lower-case parenthesis of 2-6 letters after its "
        "full stop is flagged. Sign-off credits in prose (`(Reporting by …; Editing by …)`) are "
        "not flagged by this rule."
    ),
    fix="Delete the initials; keep them in metadata if they matter.",
    examples=(
        bad("Judul\nSEOUL - Isi berita.\nKalimat terakhir.\n(ian)", 4),
        bad("Judul\nJAKARTA - Hujan lebat akan turun, tulis BMKG.(zik)", 2),
        bad("Judul\nJakarta - Isi.\n(prf/ega)\nnikel\nraja ampat", 3),
        bad("Headline\nWASHINGTON (AP) — Story text.\n(AP)", 3),
        good("Headline\nThe World Health Organization (WHO) said so.\nIt spoke to the press (again)."),
        good("Judul\nJAKARTA - Isi berita tentang Badan Pusat Statistik (BPS)."),
    ),
)
