"""D101 duplicated-paragraph-run."""

from corpuscheck.news import normalize
from corpuscheck.rules.base import Hit, Option, Rule, bad, good


def detect(doc, options):
    paragraphs = [(n, normalize(line)) for n, line in doc.body_lines() if line.strip()]
    first_seen: dict[str, int] = {}
    index = 0
    while index < len(paragraphs):
        text = paragraphs[index][1]
        origin = first_seen.get(text)
        if origin is None:
            first_seen[text] = index
            index += 1
            continue
        # extend the repeat while it keeps matching and stays after its original
        length = 1
        while (
            index + length < len(paragraphs)
            and origin + length < index
            and paragraphs[origin + length][1] == paragraphs[index + length][1]
        ):
            length += 1
        run = [p for _, p in paragraphs[index : index + length]]
        if max(map(len, run)) >= options["min_chars"] or sum(map(len, run)) >= options["min_run_chars"]:
            yield Hit(
                paragraphs[index][0],
                paragraphs[index + length - 1][0],
                related=(paragraphs[origin][0], paragraphs[origin + length - 1][0]),
                data={"count": length, "first": paragraphs[origin][0], "last": paragraphs[origin + length - 1][0]},
            )
        for _, p in paragraphs[index : index + length]:
            first_seen.setdefault(p, index)
        index += length


DuplicatedParagraphRun = Rule(
    code="D101",
    name="duplicated-paragraph-run",
    summary="A run of paragraphs that repeats an earlier run of the same document word for word.",
    why=(
        "Scrapers that follow pagination or that read both the page and its AMP or print copy "
        "save the same paragraphs twice. The repeat inflates the article, biases training "
        "towards the duplicated text and breaks summaries and deduplication."
    ),
    message="{count} paragraph(s) repeat lines {first}-{last} word for word",
    detect=detect,
    options={
        "min_chars": Option(60, "a run counts if one of its paragraphs has at least this many characters"),
        "min_run_chars": Option(200, "... or if its paragraphs together have at least this many"),
    },
    known_problems=(
        "Short lines that recur by design (interview questions, captions, credits, song "
        "choruses) are not reported unless the repeated run is long; a legitimate long "
        "repeated quotation is reported."
    ),
    fix="Delete the repeated run; the original stays.",
    examples=(
        bad(
            "Title\nSEOUL - The opening paragraph of the story, with its dateline.\n"
            "First paragraph of the body, long enough to matter in this example.\n"
            "Second paragraph with more detail about what happened in the city.\n"
            "First paragraph of the body, long enough to matter in this example.\n"
            "Second paragraph with more detail about what happened in the city.\n(ian)",
            (5, 6),
            related=[(3, 4)],
        ),
        bad(
            "Title\n\nA long paragraph that the scraper saved twice because of pagination.\n\n"
            "A long paragraph that the scraper saved twice because of pagination.",
            5,
            related=[3],
        ),
        good(
            "Interview\nQ: Why?\nBecause the river rose faster than anyone expected that night.\n"
            "Q: Why?\nBecause the forecasts had underestimated the rain for two days."
        ),
        good("Lyrics\nOh oh oh\nWe sing along\nOh oh oh\nWe sing along"),
    ),
)
