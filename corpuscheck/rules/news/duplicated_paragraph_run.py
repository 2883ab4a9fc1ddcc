"""D101 duplicated-paragraph-run."""

from collections import Counter

import regex

from corpuscheck.rules.base import Hit, Option, Rule, bad, deletes_lines, good
from corpuscheck.rules.news.lines import ends_sentence, has_invisible, normalize, normalize_starts, stripped_body

MAX_ORIGINS = 32  # earlier occurrences of one paragraph tried as the original of a repeat
# A list item ("2. memberi utang, ...", "- 1 unit apartemen ...") or a "label: value" line
# ("Kendaraan golongan I: Rp 42.000 ..."): structure when short.
_STRUCTURE = regex.compile(r"(?:\d{1,3}[.)]|[a-zA-Z][.)]|[-–•*·▪►])\s|[^.!?:\n]{1,40}:\s")
STRUCTURE_CHARS = 100
# A repeated block of short lines only (a refrain, a prayer, a chant) is the text's own form: lines of a
# song or a liturgy are shorter than this; a scraped paragraph is not.
VERSE_CHARS = 60
# Where a copy is glued to the end of a line: after a sentence's end, maybe without a space.
_GLUE = regex.compile(r"(?<=[.!?…。][\"'”’)]?+)\s?+(?=[\p{Lu}\p{Lo}\p{N}\"“‘(])")
_GLUE_KEY = 24  # characters of a paragraph's start it is looked up by
TAIL_LINES = 8  # short lines after the last long line ("(ian)", topic tags) skipped to find a glued copy
# A near-verbatim repeat (punctuation, spacing or one word changed) is looked for among sentence
# paragraphs of at least min_chars and this many words: shorter lines with one word changed are
# parallel sentences ("Skor babak pertama 1-0.", "Skor akhir 2-0.").
NEAR_MIN_WORDS = 8
NEAR_CONTEXT = 3  # lines either side where a changed word shows a parallel section, not a copy
# Punctuation becomes space before a paragraph is split into words (one C-level pass, several
# times cheaper than lines.key() on long lines, which the near pass would call on every paragraph).
_PUNCTUATION = str.maketrans(dict.fromkeys(
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u00a0“”‘’„‚«»‹›–—―‐-…·•、。，：；！？（）【】「」『』", " "
))


_ENDS = 40  # characters at each end of a paragraph, whose first (last) 20 letters are compared


def _letters(part: str) -> str:
    """The letters and digits of ``part``, case-folded, without punctuation and spacing."""
    return "".join(part.casefold().translate(_PUNCTUATION).split())


def _words(text: str) -> list[str]:
    """A paragraph's words, case-folded, punctuation and spacing ignored."""
    return text.casefold().translate(_PUNCTUATION).split()
VERBATIM, NEARLY = "word for word", "nearly word for word (punctuation, spacing or one word per paragraph changed)"


NOT_A_SENTENCE, STRUCTURE, PROSE = 0, 1, 2


def weight(line: str) -> int:
    """PROSE for a paragraph that ends like a sentence; STRUCTURE if it is also a short list
    item or ``label: value`` line; NOT_A_SENTENCE for headings, captions, credits, lyrics."""
    stripped = line.strip()
    if not ends_sentence(stripped):
        return NOT_A_SENTENCE
    if len(stripped) < STRUCTURE_CHARS and _STRUCTURE.match(stripped):
        return STRUCTURE
    return PROSE


def _extend(texts, origin, index):
    """Length of the run starting at ``index`` that repeats the run starting at ``origin``
    (never reaching into the repeat itself). Compares growing slices, so a long run costs
    a few slice comparisons, not one Python step per paragraph."""
    limit = min(index - origin, len(texts) - index)
    length, step = 1, 1
    while length < limit:
        size = min(step, limit - length)
        if texts[origin + length : origin + length + size] == texts[index + length : index + length + size]:
            length += size
            step *= 2
        elif size == 1:
            break
        else:
            step = 1
    return length


def _counts(run, weights, sizes, counts, adjacent, options):
    """Whether a repeated run is a scraping defect rather than the article's own structure.

    Only sentence paragraphs (ending in `.` `!` `?` `…` `。`, maybe inside quotes or before
    a bracketed reference) weigh: headings, captions, credits, lyric and chord lines do
    not, nor short list items and ``label: value`` lines (a tariff table given for both
    directions), nor a paragraph that occurs three times or more (a template: a recurring
    interview question). A lone repeated question is an interview's question. A run that
    directly follows an identical run (a block saved twice in a row) is a defect as soon
    as it holds a sentence, list item or not, however often it occurs.
    """
    if not adjacent and len(run) > 1 and all(size < VERSE_CHARS for size in sizes):
        return False  # a refrain or a prayer said again further on: short lines only
    if adjacent:
        weighing = [size for p, w, size in zip(run, weights, sizes, strict=True) if w != NOT_A_SENTENCE]
    else:
        weighing = [size for p, w, size in zip(run, weights, sizes, strict=True) if w == PROSE and counts[p] <= 2]
        if len(run) == 1 and weighing and run[0].endswith("?"):
            return False
    return any(size >= options["min_chars"] for size in weighing) or (
        len(run) > 1 and sum(weighing) >= options["min_run_chars"]
    )


def _texts(doc):
    """Line numbers and comparable texts of the non-empty body lines.

    A line whose first words (:func:`normalize_starts`) no other line shares cannot repeat:
    it is given its index as text, unique and cheap; only the others are normalised.
    ``(numbers, None)`` when no line can repeat."""
    lines = doc.lines
    body = stripped_body(doc)  # a blank line normalises to nothing
    body_texts = [line for _, line in body]
    distinct = list(dict.fromkeys(body_texts))  # a page repeats its lines (200,000 times "A"): each start worked out once
    if len(distinct) < len(body_texts):
        start_of = dict(zip(distinct, normalize_starts(distinct, clean=not has_invisible(doc)), strict=True))
        starts = [start_of[line] for line in body_texts]
    else:
        starts = normalize_starts(body_texts, clean=not has_invisible(doc))
    if "" in starts:  # a line of marks only ("..."), or one that opens with them (". . . text")
        kept = [(number, start or normalize(line)) for (number, line), start in zip(body, starts, strict=True)]
        body = [(number, start) for number, start in kept if start]
        starts = [start for _, start in body]
    if len(set(starts)) == len(starts):
        return None, None
    numbers = [number for number, _ in body]
    shared = Counter(starts)
    normalized: dict[str, str] = {}  # a page repeats its lines (200,000 times "A"): each normalised once
    texts: list = []
    for index, (number, start) in enumerate(zip(numbers, starts, strict=True)):
        if shared[start] > 1:
            line = lines[number - 1]
            text = normalized.get(line)
            if text is None:
                text = normalized[line] = normalize(line)
            texts.append(text)
        else:
            texts.append(index)
    return numbers, texts


def _glued_copy(doc, number, options):
    """The hit for a copy of an earlier paragraph glued after the last sentence of line ``number``
    (``... kata dia.SEOUL - Menteri ...``: the scraper's second copy starts on the same line), or None."""
    line = doc.lines[number - 1].rstrip()
    if len(line) < 2 * options["min_chars"]:
        return None
    starts: dict[str, list[tuple[int, str]]] = {}
    for earlier, text in stripped_body(doc):
        if earlier >= number:
            break
        if len(text) >= options["min_chars"] and weight(text) == PROSE:
            starts.setdefault(text[:_GLUE_KEY], []).append((earlier, text))
    if not starts:
        return None
    for glue in _GLUE.finditer(line):
        at = glue.end()
        for earlier, text in starts.get(line[at : at + _GLUE_KEY], ()):
            if line.startswith(text, at):
                return Hit(number, column=at + 1, excerpt=line[at : at + 80], related=(earlier, earlier),
                           data={"count": 1, "first": earlier, "last": earlier, "how": VERBATIM})
    return None


def detect(doc, options):
    found = list(_runs(doc, options))
    yield from found
    # a copy glued to the end of the last line, of the last long line before the short lines that close a page
    # (initials, topic tags, widget labels), or of the line before a repeated run
    body = stripped_body(doc)
    candidates = {number for number, text in body[-1:]} | {hit.line - 1 for hit in found}
    for number, text in body[::-1][:TAIL_LINES]:
        if len(text) >= options["min_chars"]:
            candidates.add(number)
            break
    runs = {line for hit in found for line in range(hit.line, (hit.end_line or hit.line) + 1)}
    for number in sorted(candidates - runs):
        if number >= doc.body_start and (hit := _glued_copy(doc, number, options)):
            runs.add(number)
            yield hit
    yield from _near_runs(doc, options, runs)


def _near(words, body, earlier: int, index: int) -> bool:
    """Whether paragraphs ``earlier`` and ``index`` have equal words or differ in one word only,
    and that word is no number (a parallel sentence with another figure) and not the subject of
    each one's section: a listicle's parallel tips (``Padukan gamis plisket ...`` under the
    plisket paragraphs, ``Padukan gamis layer ...`` under the layer ones) name the word each in
    the lines around them."""
    a, b = words[earlier], words[index]
    if len(a) != len(b):
        return False
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if not changed:
        return True
    if len(changed) > 1:
        return False
    old, new = changed[0]
    if old.isdigit() and new.isdigit():
        return False
    return not (_around(body, earlier, old) and _around(body, index, new))


def _around(body, index: int, word: str) -> bool:
    """Whether ``word`` is a word of one of the NEAR_CONTEXT body lines either side of ``index``."""
    lines = body[max(0, index - NEAR_CONTEXT) : index] + body[index + 1 : index + 1 + NEAR_CONTEXT]
    return any(word in _words(text) for _, text in lines)


def _near_runs(doc, options, taken):
    """Runs that repeat an earlier run up to punctuation, spacing or one changed word per paragraph
    and that the verbatim search did not report. Each sentence paragraph is hashed by its words and
    by each half of them (one changed word leaves one half unchanged), so only paragraphs sharing a
    key are compared: linear in the document's size."""
    body = stripped_body(doc)
    # a first look: one changed word leaves the first or the last letters of a paragraph as they were,
    # so a paragraph whose ends no other paragraph shares cannot be a near copy
    ends: list[tuple[str, str] | None] = [
        (_letters(text[:_ENDS])[:20], _letters(text[-_ENDS:])[-20:])
        if len(text) >= options["min_chars"] and not text.endswith("?") else None
        for _, text in body
    ]
    shared = Counter(end for pair in ends if pair for end in {("<", pair[0]), (">", pair[1])})
    if all(count == 1 for count in shared.values()):
        return
    words: list[list[str] | None] = []
    for (_, text), pair in zip(body, ends, strict=True):
        found = None
        if pair and (shared[("<", pair[0])] > 1 or shared[(">", pair[1])] > 1) and weight(text) == PROSE:
            found = _words(text)
        words.append(found if found and len(found) >= NEAR_MIN_WORDS else None)
    whole = Counter(" ".join(w) for w in words if w)
    buckets: dict[tuple, list[int]] = {}
    match: dict[int, int] = {}
    for index, found in enumerate(words):
        if not found or whole[" ".join(found)] > 2:
            continue  # not a sentence paragraph, or a template (an interview's recurring answer)
        half = len(found) // 2
        keys = ((len(found), 0, tuple(found[:half])), (len(found), 1, tuple(found[half:])))
        if body[index][0] not in taken:
            for earlier in sorted({e for k in keys for e in buckets.get(k, ())[:MAX_ORIGINS]}):
                if _near(words, body, earlier, index):
                    match[index] = earlier
                    break
        for k in keys:
            buckets.setdefault(k, []).append(index)
    # three or more paragraphs alike but for one word are a template with a slot (You are commenting
    # using your Google / Twitter / Facebook account.), as a paragraph that occurs three times is
    copies = Counter(match.values())
    match = {index: origin for index, origin in match.items() if copies[origin] == 1}
    index = 0
    while index < len(body):
        origin = match.get(index)
        if origin is None:
            index += 1
            continue
        length = 1
        while (
            origin + length < index
            and index + length < len(body)
            and body[index + length][0] not in taken
            and (match.get(index + length) == origin + length
                 or normalize(body[index + length][1]) == normalize(body[origin + length][1]))
        ):
            length += 1
        pairs = range(length)
        if any(normalize(body[index + i][1]) != normalize(body[origin + i][1]) for i in pairs):
            first, last = body[origin][0], body[origin + length - 1][0]
            yield Hit(body[index][0], body[index + length - 1][0], related=(first, last),
                      data={"count": length, "first": first, "last": last, "how": NEARLY})
        index += length


def _runs(doc, options):
    numbers, texts = _texts(doc)
    if texts is None:
        return  # no paragraph occurs twice: nothing can repeat
    counts = Counter(texts)
    if len(counts) == len(texts):
        return
    lines = doc.lines
    seen: dict[str, list[int]] = {}
    index = 0
    while index < len(texts):
        earlier = seen.get(texts[index])
        if not earlier:
            seen.setdefault(texts[index], []).append(index)
            index += 1
            continue
        # the longest repeat over the earlier occurrences (the first one on ties)
        origin, length = earlier[0], 0
        for candidate in earlier[:MAX_ORIGINS]:
            if index - candidate <= length:
                break  # a later original cannot give a longer run
            found = _extend(texts, candidate, index)
            if found > length:
                origin, length = candidate, found
        run = texts[index : index + length]
        adjacent = texts[index - length : index] == run
        window = [lines[n - 1] for n in numbers[index : index + length]]
        weighed: dict[str, int] = {}  # only the lines of a repeat are weighed, each distinct line once
        weights = [weighed[line] if line in weighed else weighed.setdefault(line, weight(line)) for line in window]
        sizes = [len(line.strip()) for line in window]
        if _counts(run, weights, sizes, counts, adjacent, options):
            last = index + length - 1
            yield Hit(
                numbers[index],
                numbers[last],
                related=(numbers[origin], numbers[origin + length - 1]),
                data={"count": length, "first": numbers[origin], "last": numbers[origin + length - 1],
                      "how": VERBATIM},
            )
        for offset in range(length):
            seen.setdefault(texts[index + offset], []).append(index + offset)
        index += length


# a prayer of short lines (over min_run_chars together), for the examples
_PRAYER = (
    "Ya Allah, ampunilah dosa-dosa kami semuanya.\nDan dosa kedua orang tua kami yang telah tiada.\n"
    "Sayangilah mereka sebagaimana mereka menyayangi kami.\nLapangkanlah kubur mereka dan terangilah.\n"
    "Kabulkanlah doa kami, wahai Tuhan semesta alam."
)


DuplicatedParagraphRun = Rule(
    code="D101",
    name="duplicated-paragraph-run",
    summary="A run of paragraphs that repeats an earlier run of the same document word for word, or nearly.",
    why=(
        "Scrapers that follow pagination or that read both the page and its AMP or print copy "
        "save the same paragraphs twice (kapanlagi.com pages repeat every block of two "
        "paragraphs). The repeat inflates the article, biases training towards the duplicated "
        "text and breaks summaries and deduplication."
    ),
    message="{count} paragraph(s) repeat lines {first}-{last} {how}",
    detect=detect,
    autofix=deletes_lines("safe"),
    options={
        "min_chars": Option(60, "a run counts if one of its sentence paragraphs has at least this many characters"),
        "min_run_chars": Option(200, "... or if its sentence paragraphs together have at least this many"),
    },
    known_problems=(
        "A copy glued to the end of a line (`... kata dia.SEOUL - ...`) is found on the last line, "
        "on the last line of `min_chars` or more when only shorter lines follow it (initials, topic tags), "
        "and on the line before a repeated run only, and only when it starts with a whole earlier "
        "sentence paragraph of `min_chars` or more. A run of short lines only (under 60 "
        "characters: a refrain, a prayer) that comes back further on is the text's own form and is "
        "not reported, nor is a scraped block of short sentences saved twice apart; saved twice in a "
        "row it is. "
        "Only paragraphs that end like sentences weigh, so a repeated run made only of headings, "
        "captions, credits, lyric lines, short list items or `label: value` lines is not "
        "reported (nor a repeated list of product features or a tariff table). A paragraph that occurs three or more times in the document is "
        "taken for a template (an interview's recurring question, the caption under every "
        "photo), so a block pasted three times apart is missed unless the copies are "
        "adjacent. A legitimate long repeated quotation is reported. "
        "Near-verbatim repeats (the message says `nearly word for word`) are looked for among "
        "sentence paragraphs of `min_chars` and 8 words or more that are not questions: the same "
        "words up to punctuation and spacing, or one word changed that is not a number and not a "
        "word the lines around each paragraph name (a listicle's parallel tips), and not one of three "
        "or more paragraphs alike but for one word (a template with a slot); a copy with a word "
        "added or dropped is missed."
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
        bad(
            "Judul\nKapanlagi.com - Pembuka artikel tentang drama Thailand terbaru.\n"
            "Drama Thailand yang dibintangi member 4EVE (credit:mydramalist)\n"
            "Drama pertama memperlihatkan Aheye dalam peran utama sebagai seorang pelayan.\n"
            "Cerita dimulai saat hantu yang ditahan di rumah itu dibebaskan dan membalas dendam.\n"
            "Drama pertama memperlihatkan Aheye dalam peran utama sebagai seorang pelayan.\n"
            "Cerita dimulai saat hantu yang ditahan di rumah itu dibebaskan dan membalas dendam.\n"
            "Drama Thailand yang dibintangi member 4EVE (credit:mydramalist)\n"
            "Drama kedua tayang setiap hari Senin, dengan total dua belas episode.",
            (6, 7),
            related=[(4, 5)],
            note="kapanlagi repeats each pair of paragraphs; the photo caption that recurs is not a repeat",
        ),
        bad(
            "Judul\nIa menyebutkan bahwa kebun sawit milik warga porak-poranda dimasuki gajah liar.\n"
            "SERAMBINEWS.COM, IDI - Kawanan gajah Sumatera kembali merusak kebun milik warga.\n"
            "Serangan satwa dilindungi itu menyebabkan kerusakan parah pada lahan perkebunan.\n"
            "Ia menyebutkan bahwa kebun sawit milik warga porak-poranda dimasuki gajah liar.\n"
            "Lahan yang rusak diketahui milik empat warga setempat.",
            5,
            related=[2],
            note="tribunnews puts a paragraph above the dateline that the body repeats",
        ),
        good(
            "Interview\nQ: Why?\nBecause the river rose faster than anyone expected that night.\n"
            "Q: Why?\nBecause the forecasts had underestimated the rain for two days."
        ),
        good("Lyrics\nOh oh oh\nWe sing along\nOh oh oh\nWe sing along"),
        bad(
            "Judul\nSEOUL - Menteri luar negeri menyatakan keprihatinan atas uji coba rudal itu.\n"
            "Pernyataan itu disampaikan setelah pertemuan para menteri di ibu kota pada Sabtu.\n"
            "Kementerian menyebut langkah itu mengancam perdamaian di kawasan, kata dia."
            "SEOUL - Menteri luar negeri menyatakan keprihatinan atas uji coba rudal itu.",
            4,
            related=[2],
            note="the second copy glued to the end of the last line",
        ),
        bad(
            "Judul\nSEOUL - Menteri luar negeri menyatakan keprihatinan atas uji coba rudal itu.\n"
            "Pernyataan itu disampaikan setelah pertemuan para menteri di ibu kota pada Sabtu.\n"
            "Kementerian menyebut langkah itu mengancam perdamaian di kawasan, kata dia."
            "SEOUL - Menteri luar negeri menyatakan keprihatinan atas uji coba rudal itu.\n(ian)\nrudal\nkorea utara",
            4,
            related=[2],
            note="id: the glued copy on the last long line, the editor's initials and topic tags after it",
        ),
        good(
            "Judul\nSEOUL - Menteri luar negeri menyatakan keprihatinan atas uji coba rudal itu.\n"
            "Pernyataan itu disampaikan setelah pertemuan para menteri di ibu kota pada Sabtu, kata dia.\n"
            "Baca juga: Menteri luar negeri menyatakan keprihatinan\n(ian)",
            note="a short link line that quotes the opening is no glued copy",
        ),
        bad(
            "Judul\nJAKARTA - Polisi menangkap dua tersangka pencurian sepeda motor di Tebet, Senin malam.\n"
            "Keduanya diamankan bersama barang bukti berupa kunci leter T dan dua unit motor.\n"
            "JAKARTA – Polisi menangkap dua tersangka pencurian sepeda motor di Tebet Senin malam.\n"
            "Keduanya diamankan bersama barang bukti berupa kunci leter T dan 2 unit motor.",
            (4, 5),
            related=[(2, 3)],
            note="near-verbatim: the second copy has another dash, lost a comma and spells a number otherwise",
        ),
        bad(
            "Title\nLONDON (Reuters) -\nThe council approved the new housing plan on Tuesday after a long debate.\n"
            "Residents had opposed the plan for months, citing traffic and the loss of green space.\n"
            "The council approved the new housing plan on Wednesday after a long debate.",
            5,
            related=[3],
            note="one word changed: a paginated page saved before and after an edit",
        ),
        good(
            "Wawancara\nApa yang membuat Anda memilih jalur politik setelah pensiun dari militer?\n"
            "Saya ingin melayani masyarakat dengan cara lain, itu saja alasannya.\n"
            "Apa yang membuat Anda memilih jalur bisnis setelah pensiun dari militer?\n"
            "Bisnis memberi saya kebebasan untuk menentukan waktu sendiri setiap hari.",
            note="an interview's questions with one word changed are questions, not a repeat",
        ),
        good(
            "Market report\nShares of the first company rose 2 percent in early trading on Monday in Tokyo.\n"
            "Shares of the second company rose 3 percent in early trading on Tuesday in Tokyo.\n"
            "The index of the largest companies closed 2 percent higher on the day in Tokyo.\n"
            "The index of the largest companies closed 3 percent higher on the day in Tokyo.",
            note="parallel sentences: two words changed, or only a number",
        ),
        good(
            "Tips\nGamis plisket\nPadukan gamis plisket dengan hijab polos berwarna senada dan sepatu hak tinggi.\n"
            "Gamis layer\nPadukan gamis layer dengan hijab polos berwarna senada dan sepatu hak tinggi.",
            note="a listicle's parallel tips (liputan6): the changed word names each one's section",
        ),
        good(
            "Title\nThe story.\nYou are commenting using your Google account, log out or change it below.\n"
            "You are commenting using your Twitter account, log out or change it below.\n"
            "You are commenting using your Facebook account, log out or change it below.",
            note="three paragraphs alike but for one word: a template with a slot (a WordPress comment form)",
        ),
        good(
            "Hasil\nTim tuan rumah mencetak gol pertama pada menit ke-12 lewat tendangan bebas.\n"
            "Tim tuan rumah mencetak gol kedua pada menit ke-12 lewat tendangan bebas?\n",
            note="a question is never a near copy",
        ),
        good(
            "Doa Setelah Sholat\nBerikut bacaan doa yang dianjurkan setelah sholat, menurut para ulama di kota itu.\n"
            f"{_PRAYER}\nArtinya dibaca tiga kali, lalu ditutup dengan salam kepada jamaah yang hadir.\n{_PRAYER}",
            note="a prayer said once more: short lines only",
        ),
        good(
            "Tarif Tol\nDari GT Kejapanan Utama menuju GT Singosari:\n"
            "Kendaraan golongan I: Rp 42.000 (tarif normal Rp 52.500)\n"
            "Kendaraan golongan II dan III: Rp 64.000 (tarif normal Rp 80.000).\n"
            "Dari GT Singosari menuju GT Kejapanan Utama:\n"
            "Kendaraan golongan I: Rp 42.000 (tarif normal Rp 52.500)\n"
            "Kendaraan golongan II dan III: Rp 64.000 (tarif normal Rp 80.000).",
            note="the same tariffs for both directions (detik): table rows, not a repeat",
        ),
        good(
            "Interviews\nAndrei\nWhat cuisine do you like yourself? Are there dishes or foods you dislike?\n"
            "I love tasty food, whatever it is: borscht, Indian curry or pasta.\n"
            "Olesya\nWhat cuisine do you like yourself? Are there dishes or foods you dislike?\n"
            "Chocolate, of every kind, but I cannot stand semolina porridge.",
            note="the question every interviewee is asked (wday.ru, extraction benchmark)",
        ),
        good(
            "Deals\nApple AirPods\nAutomatically on, automatically connected\n"
            "New Apple H1 headphone chip delivers faster wireless connection to your devices\n"
            "Apple AirPods with Wireless Charging Case\nAutomatically on, automatically connected\n"
            "New Apple H1 headphone chip delivers faster wireless connection to your devices",
            note="product feature lists repeat by design (bgr.com, extraction benchmark)",
        ),
    ),
)
