"""N101 missing-dateline."""

from corpuscheck.dateline import find_dateline
from corpuscheck.news import is_filler
from corpuscheck.rules.base import Hit, Rule, bad, good


def detect(doc, options):
    if find_dateline(doc) is not None:
        return
    for number, line in doc.body_lines():
        stripped = line.strip()
        if stripped and not (is_filler(stripped) and stripped not in {"-", "–", "—"}):
            stripped_city = stripped in {"-", "–", "—"} or stripped.startswith(("- ", "– ", "— "))
            yield Hit(number, data={"hint": " (only a dash is left of it)" if stripped_city else ""})
            return


MissingDateline = Rule(
    code="N101",
    name="missing-dateline",
    summary="A news body whose first paragraph does not open with a dateline.",
    why=(
        "Wire and newspaper stories open with a dateline: `SEOUL - `, `JAKARTA, KOMPAS.com - `, "
        "`WASHINGTON (AP) — `. When it is missing, the scraper usually cut the first paragraph "
        "or stripped the city, and the place of the story is lost. Features and opinion pieces "
        "legitimately have none: use this rule on wire-style news, or give it a `mostly`."
    ),
    message="The body opens without a dateline{hint}",
    detect=detect,
    severity="warning",
    known_problems=(
        "Articles that never had a dateline (features, blogs) are flagged. A title-cased "
        "sentence start of up to three words followed by a dash can be taken for a dateline."
    ),
    fix="Restore the dateline from the source page, or drop the rule for non-wire text.",
    examples=(
        bad("Judul\nMenteri Luar Negeri menyatakan keprihatinan serius.", 2),
        bad("Judul\n\n-\nOtoritas Jasa Keuangan menyatakan skema itu bermanfaat.", 3),
        bad("Headline\nTwo hostages — an American and a Briton — were freed on Sunday.", 2),
        good("Judul\nloading...\nA\nSEOUL - Menteri Luar Negeri menyatakan keprihatinan."),
        good("Judul\nJAKARTA, KOMPAS.com - Direktur Eksekutif mendesak."),
        good("Judul\nJakarta, CNN Indonesia -- Presiden meresmikan jalan tol."),
        good("Judul\nTEMPO.CO, Jakarta - Pengacara mengakui hal itu."),
        good("Headline\nWASHINGTON (AP) — The Senate voted on Tuesday."),
        good("Headline\nBUFFALO, N.Y. — A gunman opened fire."),
        good("Headline\nNEW DELHI: India extended the lockdown."),
        good("Headline\nHong Kong (CNN Business) Shares fell sharply."),
        good("Judul\nJakarta\n-\nLuna Maya ternyata memiliki alasan."),
        good("Judul\nLiputan6.com, JakartaKita semua tahu batik bertahan."),
        good("見出し\n【ワシントン=共同】米政府は発表した。"),
        good("Заголовок\nМОСКВА, 12 мар — РИА Новости. Текст новости."),
    ),
)
