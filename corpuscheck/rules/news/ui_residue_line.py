"""P102 ui-residue-line."""

import regex

from corpuscheck.rules.base import Hit, Option, Rule, bad, deletes_lines, good
from corpuscheck.rules.news.lines import (
    LABEL,
    MAX_PLACEHOLDER_CHARS,
    RESIDUE_LANGUAGES,
    SHAPE,
    continues_sentence,
    ends_sentence,
    has_chord_lines,
    has_invisible,
    is_chord,
    is_fragment,
    is_placeholder,
    lexicon,
    normalize,
    stripped_body,
    ui_kind,
    visible,
)

CHORD_CHARS = 12  # ui_kind spares chord-shaped lines this short on song-lyric pages

# A reading-time counter, in any of the residue languages: "Lecture 29 min." (fr), "5 min read" (en),
# "Okuma süresi: 3 dakika" (tr), "Waktu baca 2 menit" (id), "閱讀時間 3 分鐘" (zh), "読了時間：約3分" (ja).
_READ_LABEL = (
    r"reading\s+time|read\s+time|time\s+to\s+read|lesezeit|lesedauer|temps\s+de\s+lecture|lecture|"
    r"tiempo\s+de\s+lectura|lectura|tempo\s+de\s+leitura|leitura|tempo\s+di\s+lettura|lettura|"
    r"waktu\s+baca|waktu\s+membaca|lama\s+baca|masa\s+membaca|masa\s+bacaan|thời\s+gian\s+đọc|okuma\s+süresi|"
    r"время\s+чтения|阅读时间|閱讀時間|阅读时长|閱讀時長|読了時間|읽는\s*시간|읽기\s*시간|เวลาอ่าน|"
    r"oras\s+ng\s+pagbasa|وقت\s+القراءة|مدة\s+القراءة|पढ़ने\s+का\s+समय"
)
_READ_UNIT = (
    r"min(?:s|ute|utes|uten|uto|utos|uti)?|menit|minit|phút|dakika|dk|мин(?:ута|уты|ут)?|分钟|分鐘|分|분|นาที|"
    r"دقيقة|دقائق|मिनट"
)
_READ_AFTER = r"read|reading|de\s+lecture|de\s+lectura|de\s+leitura|di\s+lettura|lesezeit|baca|bacaan|membaca|đọc|okuma|чтения|阅读|閱讀|읽기|อ่าน"
READING_TIME = regex.compile(
    rf"(?:{_READ_LABEL})\s*[:：]?\s*(?:~|约|約|약|sekitar|khoảng|environ)?\s*\d{{1,3}}\s*(?:{_READ_UNIT})\.?"
    rf"|\d{{1,3}}\s*(?:{_READ_UNIT})\.?\s+(?:{_READ_AFTER})",
    regex.I,
)


def _kinds(lines, words, placeholders):
    """For each non-empty body line: LABEL, SHAPE, "" (a placeholder) or None (text).

    ui_kind and is_placeholder remember their answers for short lines (pages repeat them);
    whether the page has chord lines is only asked when a chord-shaped line is a candidate."""
    kinds: list[str | None] = []
    chords = None
    seen: dict[str, str | None] = {}  # a page repeats its short lines (60,000 times "A"): each judged once
    for _, line in lines:
        if len(line) > MAX_PLACEHOLDER_CHARS:  # longer lines are neither widget labels nor placeholders
            kinds.append(None)
            continue
        kind = seen.get(line, 0)
        if kind == 0:
            kind = ui_kind(line, words)
            if kind and len(line) <= CHORD_CHARS and is_chord(line):
                if chords is None:
                    chords = has_chord_lines(text for _, text in lines)
                if chords:
                    kind = None
            if not kind and len(line) <= 40 and any(c.isdigit() for c in line) and READING_TIME.fullmatch(normalize(line)):
                kind = LABEL  # a reading-time counter: widget residue in any language
            if not kind:
                kind = "" if is_placeholder(line, placeholders) else None
            seen[line] = kind
        kinds.append(kind)
    return kinds


def _out_of_place(kind, line, before, after):
    """Whether a candidate really sits where a widget would: between texts, not inside one.

    ``before``/``after`` are the nearest text lines around it (None at the body's ends).
    A next line that goes on with an unfinished sentence (``mengirimkan`` / ``e-mail`` /
    ``permintaan ...``) means the candidate is a word of that sentence. A shape (one or
    two letters, a mark, a counter) after an unfinished line and before a short one (a
    table flattened into lines, a list, a link torn out of a sentence: ``Jepang`` / ``vs``
    / ``Indonesia``), or a lower-case one after an unfinished line, is text too.
    """
    open_before = before is not None and not ends_sentence(before)
    if open_before and after is not None and continues_sentence(after):
        return False
    if kind == SHAPE and open_before and (line.islower() or (after is not None and is_fragment(after))):
        return False
    return True


def detect(doc, options):
    words = lexicon("ui-residue-line", tuple(options["languages"]))
    placeholders = lexicon("placeholder-line")
    lines = stripped_body(doc)
    if has_invisible(doc):
        lines = [(n, s) for n, line in lines if (s := visible(line))]
    kinds = _kinds(lines, words, placeholders)
    if not any(kinds):
        return
    before: list[str | None] = []
    last = None
    for (_, line), kind in zip(lines, kinds, strict=True):
        before.append(last)
        if kind is None:
            last = line
    after: list[str | None] = [None] * len(lines)
    last = None
    for index in range(len(lines) - 1, -1, -1):
        after[index] = last
        if kinds[index] is None:
            last = lines[index][1]
    judged: dict[tuple, bool] = {}  # the same candidate between the same texts: judged once
    for (number, line), kind, text_before, text_after in zip(lines, kinds, before, after, strict=True):
        if kind:
            around = (kind, line, text_before, text_after)
            out = judged.get(around)
            if out is None:
                out = judged[around] = _out_of_place(*around)
            if out:
                yield Hit(number, data={"line": line})


UiResidueLine = Rule(
    code="P102",
    name="ui-residue-line",
    summary="A line left over from page widgets: font-size buttons, share links, close marks, arrows, counters.",
    why=(
        "Text extraction keeps the labels of buttons and widgets as lines of their own: the "
        "`A` `A` `A` of font-size buttons, `Share`, `Tweet`, `Print`, `Bagikan`, `Ikuti kami di`, "
        "`×`, arrows and counters such as `12 Comments`. They break paragraphs, skew statistics "
        "and are not part of the article."
    ),
    message="UI residue line {line!r} is a widget label, not article text",
    detect=detect,
    autofix=deletes_lines("safe"),
    options={"languages": Option(list(RESIDUE_LANGUAGES), "lexicon languages to match (ISO 639-1 codes)")},
    known_problems=(
        "Widget labels come from per-language lexicons, matched on whole lines with case, "
        "punctuation and spacing ignored; counters (`12 Comments`) and labels joined on one line "
        "(`Email • Twitter`) are matched through their parts. Font-size letters (`A`, `A+ A-`, "
        "`가가`) and widget marks (`×`, `☰`, arrows) are flagged in any language. Other lines of "
        "one or two letters, table marks (`•`, `|`, `+`) and abbreviated counters (`1.2K`) are "
        "flagged only where a widget would sit: not after an unfinished line and before a short "
        "one (a table flattened into one cell per line, a list, a link torn out of a sentence), "
        "so a widget between two headings can be missed. No candidate is flagged when the next "
        "line goes on with an unfinished sentence, and song-lyric pages keep their chord lines "
        "(`C`, `Am`). A label that is also a value in a list (`Jam buka` / `Tutup`, \"closed\") "
        "is flagged. Navigation menus, `Baca juga`, `Selengkapnya` and `ADVERTISEMENT` are "
        "boilerplate, not widget labels, and are left to other rules; so are lone sentence "
        "punctuation (`.`, `?`), separators (`***`, `___`) and poll results (`%165 голосов`). Counters after a "
        "byline or a date (`by Admin 36 views`, `22/11/2024 | 35 lượt xem`) and pagers with a total (`Page 1 of 15`, "
        "`Anda di halaman 1dari 15`) are flagged in any language; a bare `Halaman 41` is not (a textbook's page "
        "heading a section). Reading times (`Lecture 29 min.`, `5 min read`, `Okuma süresi: 3 dakika`) and counts "
        "between labels (`commentaires 0 Partager`) are flagged in the residue languages."
    ),
    fix="Delete the line.",
    examples=(
        bad("Judul\nA\nA\nA\nSEOUL - Isi berita.", 2, 3, 4),
        bad("Headline\nShare\nTweet\nWASHINGTON (AP) — Text of the story.\n×", 2, 3, 5),
        bad("Überschrift\nTeilen\nBerlin (dpa) - Der Text.", 2),
        bad("제목\n가가\n[서울=뉴시스] 본문입니다.", 2),
        bad(
            "Headline\nLONDON - Text of the story.\nEmail • Twitter • Google+\n12 Comments\n← Previous Story",
            3, 4, 5,
            note="labels joined on one line, counters and arrows are still widget labels",
        ),
        bad("Заголовок\nТекст статьи.\nОтветить Пожаловаться\n12 комментариев", 3, 4),
        bad(
            "Judul\nJAKARTA - Polisi berhasil mengamankan pelaku beserta barang bukti.\nIkuti kami di",
            3,
            note="tribunnews' follow widget, left after the last paragraph",
        ),
        bad(
            "Resep\nCara Membuat:\nAdvertisement\nBerikan Rating Untuk Resep Ini\nThanks For Rating!\n"
            "Terima kasih sudah membantu banyak orang dengan ratingmu",
            4, 5, 6,
            note="liputan6's recipe rating widget",
        ),
        bad(
            "Titel\nFür uns ist das genau das richtige Thema.\n›\ncomwrap und eZ auf der DMEXCO",
            3,
            note="after a finished sentence, a next line in lower case is a new paragraph",
        ),
        bad("Title\nThe last paragraph of the story, without its full stop\n1.2K\n×", 3, 4),
        # shapes and languages for outlets in none of the corpora (issue 9)
        bad("Judul\nUkuran teks: A- A+\nJAKARTA - Isi berita.", 2, note="a font-size control with signs and a label"),
        bad("Tiêu đề\nCỡ chữ A- A A+\nHÀ NỘI - Nội dung bài viết.\nChia sẻ\n12 bình luận", 2, 4, 5, note="vi"),
        bad("Tajuk\nKUALA LUMPUR: Isi berita.\nKongsi artikel ini\nSaiz teks", 3, 4, note="ms"),
        bad("Title\nLONDON (Reuters) - Text.\n👁 1.234\n💬 12 ❤ 340", 3, 4, note="counters behind icons"),
        bad("Title\nLONDON (Reuters) - Text.\n0:00 / 3:45\nCurrent Time 0:00\nLoaded: 0%", 3, 4, 5,
            note="a media player's clock and controls"),
        bad("หัวข้อ\nกรุงเทพฯ - เนื้อหาข่าว\nแชร์\n12 ความคิดเห็น\nขนาดตัวอักษร", 3, 4, 5, note="th"),
        bad("Pamagat\nMANILA - Ang balita.\nIbahagi\n12 Komento\nSundan kami", 3, 4, 5, note="tl"),
        bad("Başlık\nANKARA (AA) - Haber metni.\nPaylaş\nYazdır\n12 Yorum\nYAZI BOYUTU", 3, 4, 5, 6,
            note="tr; upper case folds ı and İ to i"),
        bad("عنوان\nالقاهرة - نص الخبر.\nشارك\nطباعة\n12 تعليق\nحجم الخط", 3, 4, 5, 6, note="ar"),
        bad("शीर्षक\nनई दिल्ली - खबर का पाठ।\nशेयर करें\n12 टिप्पणियां\nफॉलो करें", 3, 4, 5, note="hi"),
        bad("标题\n【北京=新华社】正文。\n分享到微信\n评论 12\n返回顶部", 3, 4, 5, note="zh"),
        # counters and pagers read on outlets outside our corpora (issue 9, benchmarks/residue/)
        bad("Title\nKUALA LUMPUR - Text.\nby Admin 36 views\nFollowers: 0\n0 comments have been posted.", 3, 4, 5,
            note="en: a byline's view counter, a follower counter, a comment box's state"),
        bad("Judul\nJAKARTA - Isi berita.\noleh Redaksi · 1.234 kali dibaca\nAnda di halaman 1dari 15", 3, 4,
            note="id: a read counter after the byline, a document viewer's pager"),
        bad("Tiêu đề\nHÀ NỘI - Nội dung.\n22/11/2024 | 35 lượt xem\nTrang 2/5\nNgày phát hành: 08/01/2021 Lượt xem 1475",
            3, 4, 5, note="vi: counters before or after their word"),
        bad("Tajuk\nKUALA LUMPUR: Isi berita.\nPengikut: 120\nMuat turun", 3, 4, note="ms"),
        # reading times and counts between labels, in any language (issue 9, round 3)
        bad("Titre\nPARIS (AFP) - Texte.\nLecture 29 min.\ncommentaires 0 Partager", 3, 4,
            note="fr: a reading time, labels around a count"),
        bad("Headline\nLONDON - Text.\n5 min read\nBack to top button", 3, 4, note="en"),
        bad("Başlık\nANKARA - Haber metni.\nOkuma süresi: 3 dakika", 3, note="tr"),
        bad("عنوان الموضوع\nأحمد\nعدد الرسائل : 16801\nنقاط : 39133\nنص المساهمة.", 3, 4,
            note="ar: a forum member box's counters (issue 9, round 6)"),
        bad("หัวข้อ\nขนาดอักษร\nเนื้อหาของหน้า\n| | View blog reactions", 2, 4,
            note="th: a font-size label; en: Blogger's reactions link (issue 9, round 7)"),
        bad("標題\n台北 - 正文。\n閱讀時間 3 分鐘\n生成图片,分享到微信朋友圈", 3, 4, note="zh"),
        bad("Judul\nJAKARTA - Isi berita.\nWaktu baca 2 menit\nKomentar 3 Bagikan", 3, 4, note="id"),
        bad("Headline\nLONDON - Text.\nAll Comments\nNewest\nOldest", 3, 4, 5, note="en: a comment list's head and sort buttons"),
        good("Title\nLONDON - He read for 5 min before bed.\nLecture des textes\nTop 10 News",
             note="reading words in a sentence and a heading, a count inside a heading"),
        good("Judul\nBerikut kunci jawaban buku tematik halaman 41 dan 42.\nHalaman 41\nAyo Menulis",
             note="id: a textbook's page heading a section of the text (tribun), not a pager"),
        good("Title\nLONDON - The video has 35 views so far, he said.\nIt got 2,000 views by Monday.",
             note="counters inside sentences"),
        good("Başlık\nANKARA - Bakan, yorum yapmak istemediğini söyledi.\nHaberi paylaşan hesap kapatıldı.",
             note="tr: widget words inside sentences"),
        good("标题\n北京 - 他在发表评论时说，公司将关闭工厂。", note="zh: widget words inside a sentence"),
        good("Title\nGrade A- students and Plan A A were named.\nA A Milne wrote it."),
        good("Title\nThe score was 3:45 / 4:00 at the break, he said, and the crowd went quiet."),
        good("Title\nBUFFALO, N.Y. — A gunman opened fire.\nShare prices fell on Tuesday."),
        good("Lirik Lagu\nC G Am F\nKu ingin kau tahu\nAm F C G\nC\nBetapa aku cinta"),
        good(
            "Klasemen\nBerikut klasemen grup C:\nPos\nTim\nM\nM\nS\nK\n+/-\nPOIN",
            note="a standings table flattened into one cell per line (detik)",
        ),
        good(
            "Judul\nBerikut rangkuman perusahaan tambang dalam grafis:\nNo\nPerusahaan\nPulau",
            note="the header of a table after a line that announces it",
        ),
        good(
            "Judul\nLink live streaming\nJepang\nvs\nIndonesia\nbisa dilihat di sini.",
            note="detik puts every linked phrase on a line of its own",
        ),
        good(
            "Judul\nDia mengirimkan\ne-mail\npermintaan bantuan modal kepada pengusaha.",
            note="a word of the sentence, not an e-mail button",
        ),
        good(
            "Judul\nIzin tambang diawasi ketat.\nSebelumnya,\nKPK\nmengaku telah menerima informasi itu.",
            note="a sentence opener, not the `Sebelumnya` (previous) button",
        ),
        good(
            "Judul\nBerikut urutan aplikasi yang banyak diunduh bulan ini: 1.\nZoom 2.\nTikTok 3.\nFacebook 4.",
            note="a numbered list glued to the next number, not counters",
        ),
        good(
            "Title\nThe first part ends here.\n___\nThe second part begins.\n***\nKenapa seseorang\nghosting\n?",
            note="separators and torn-off sentence punctuation are not widgets",
        ),
    ),
)
