"""P101 placeholder-line."""

import regex

from corpuscheck.findings import clip
from corpuscheck.rules.base import Hit, Option, Rule, bad, deletes_lines, good
from corpuscheck.rules.news.lines import (
    MAX_PLACEHOLDER_CHARS,
    RESIDUE_LANGUAGES,
    is_lorem,
    is_placeholder,
    lexicon,
    stripped_body,
)


# An ad slot named with its size, in any language: "Ad 728x90", "Iklan 300 x 250", "Advertisement 970×250".
AD_SLOT = regex.compile(r"(?i:ads?|advert(?:isement)?|iklan|banner|sponsor|publicidad|publicité|anzeige|quảng cáo|โฆษณา|広告|광고|广告|реклама)"
                        r"\s*[-_:|]?\s*\d{2,4}\s?[x×]\s?\d{2,4}")


def detect(doc, options):
    words = lexicon("placeholder-line", tuple(options["languages"]))
    # is_placeholder remembers its answers for short lines: pages repeat them, and P102 and N101 ask too
    for number, line in stripped_body(doc):
        if is_lorem(line) if len(line) > MAX_PLACEHOLDER_CHARS else (
            is_placeholder(line, words) or (len(line) <= 40 and "x" in line.lower().replace("×", "x") and AD_SLOT.fullmatch(line))
        ):
            yield Hit(number, data={"line": clip(line)})


PlaceholderLine = Rule(
    code="P101",
    name="placeholder-line",
    summary="A line that is a loading, placeholder or template stub, not text.",
    why=(
        "Scrapers save the page before its scripts have filled it in, so stubs such as "
        "`loading...`, `Memuat...`, `lorem ipsum`, `{{title}}`, `undefined` or `[image]` "
        "end up as lines of the article, and so do the markers a CMS leaves where an embed "
        "was (`[Gambas:Video 20detik]`) and the notices shown instead of a script "
        "(`This slideshow requires JavaScript.`). They are not part of what the author wrote "
        "and teach a model that such lines belong in news."
    ),
    message="Placeholder line {line!r} is not article text",
    detect=detect,
    autofix=deletes_lines("safe"),
    options={"languages": Option(list(RESIDUE_LANGUAGES), "lexicon languages to match (ISO 639-1 codes)")},
    known_problems=(
        "A whole line that really is one of these words (an article about the value `null`) "
        "is flagged; lexicon entries only match whole lines (case, punctuation and spacing "
        "ignored), never words inside a sentence. Entries with a wildcard (`loading *`) allow "
        "up to three more words, so a three-word heading starting with `Loading` is flagged. Shapes in any "
        "language: a browser or JavaScript notice, a video player's or an embed's own English words (video.js, "
        "YouTube), printf slots in a short line (`%d bloggers like this:`), and a CMS's slot names alone on a line "
        "(standard ad sizes such as `468x60`, `header-ad`, `Sulut/block-7/#E4D932`, a lower-case widget id ending "
        "in digits such as `randomposts4`); an article line made only of such a token is flagged."
    ),
    fix="Delete the line.",
    examples=(
        bad("Judul berita\nloading...\nJAKARTA - Isi berita yang sebenarnya.", 2),
        bad("Title\n{{ article.title }}\nLONDON (Reuters) - Text.\n[image]", 2, 4),
        bad("Заголовок\nЗагрузка...\nМОСКВА, 12 мар — РИА Новости. Текст.", 2),
        bad("見出し\n読み込み中…\n【東京=共同】本文。", 2),
        bad("Título\nCargando...\nMADRID (EFE) - Texto de la noticia.", 2),
        bad(
            "Judul\nJakarta - Isi berita.\n[Gambas:Video 20detik]\nKalimat terakhir.",
            3,
            note="detik leaves this marker where a video was embedded",
        ),
        bad(
            "Headline\nLONDON - Text.\nLoading comments...\nLike Loading...\nThis slideshow requires JavaScript.",
            3, 4, 5,
            note="WordPress widgets that never loaded, from the extraction benchmark's raw pages",
        ),
        bad("Judul\nREPUBLIKA.CO.ID, JAKARTA - Isi berita.\nLoading...\nKalimat berikutnya.", 3),
        # embeds' stubs and languages for outlets in none of the corpora (issue 9)
        bad("Title\nLONDON (Reuters) - Text.\nView this post on Instagram\nA post shared by Jane Doe (@janedoe)", 3, 4,
            note="a social embed's residue"),
        bad("Title\nLONDON (Reuters) - Text.\npic.twitter.com/AbCdEf12", 3, note="a tweet's link left alone"),
        good("Title\nLONDON (Reuters) - Text.\n— Jane Doe (@janedoe) June 5, 2025",
             note="an embedded tweet's signature: the gold bodies keep embedded tweets as text"),
        bad("Tiêu đề\nĐang tải...\nHÀ NỘI - Nội dung.", 2, note="vi"),
        bad("Tajuk\nMemuatkan...\nKUALA LUMPUR: Isi berita.", 2, note="ms"),
        bad("Title\nLONDON (Reuters) - Text.\n[...]", 3, note="a cut read-more link"),
        bad("หัวข้อ\nกำลังโหลด...\nกรุงเทพฯ - เนื้อหาข่าว", 2, note="th"),
        bad("Pamagat\nNaglo-load...\nMANILA - Ang balita.", 2, note="tl"),
        bad("Başlık\nYükleniyor...\nANKARA (AA) - Haber metni.\nYorumlar yükleniyor", 2, 4, note="tr"),
        bad("عنوان\nجاري التحميل...\nالقاهرة - نص الخبر.", 2, note="ar"),
        bad("शीर्षक\nलोड हो रहा है...\nनई दिल्ली - खबर का पाठ।", 2, note="hi"),
        bad("标题\n加载中...\n【北京=新华社】正文。", 2, note="zh"),
        # player, embed and script notices, template slots, CMS slots (issue 9, benchmarks/residue/)
        bad("Title\nLONDON (Reuters) - Text.\nThe browser Firefox doesn't support the video format mp4.\n"
            "Your browser does not support the video tag.", 3, 4, note="en: a player's notice, in any wording"),
        bad("Tiêu đề\nHÀ NỘI - Nội dung.\nTrình duyệt của bạn không hỗ trợ video này.", 3, note="vi"),
        bad("Tajuk\nKUALA LUMPUR: Isi berita.\nPelayar anda tidak menyokong video ini.", 3, note="ms"),
        bad("Title\nLONDON - Text.\nPlease enable JavaScript to view the comments powered by Disqus.", 3,
            note="en: a comment widget's script notice"),
        bad("Title\nLONDON - Text.\nConnecting to %s\n%d bloggers like this:", 3, 4,
            note="en: WordPress template slots left unfilled"),
        bad("Judul\nJAKARTA - Isi berita.\nAd 728x90\nIklan 300 x 250", 3, 4,
            note="id: an ad slot named with its size (any language; issue 9, round 5)"),
        good("Title\nLONDON - The ad ran on a 728x90 banner, he said.\nAd 2 of 3", note="a size inside a sentence"),
        bad("Judul\nJAKARTA - Isi berita.\nheader-ad\n468x60\nrandomposts4\nSulut/block-7/#E4D932", 3, 4, 5, 6,
            note="id: a Blogger theme's ad slot, its size, a widget's id and a layout block's label"),
        bad("Title\nLONDON - Text.\nBeginning of dialog window. Escape will cancel and close the window.\nThis is a modal window.\n"
            "captions settings, opens captions settings dialog\nIf playback doesn't begin shortly, try restarting your device.",
            3, 4, 5, 6, note="a video player's and an embed's own words (video.js, YouTube), on pages in any language"),
        good("Title\nLONDON - The end of dialog was near, the envoy said.\nThis is a modal question for the court.",
             note="the players' words inside sentences"),
        good("Title\nLONDON - The app does not support older browsers, the company said.\nOnly 50% of them use it.",
             note="browsers and percent signs inside sentences"),
        good("Judul\nJAKARTA - Dia mengirimkan\ne-mail\npermintaan itu pada covid-19.",
             note="a word torn out of a sentence is not a widget's id"),
        good("Başlık\nANKARA - Gemi limanda yükleniyor.", note="tr: a sentence that ends like one, not a loading stub"),
        good("Title\nLONDON (Reuters) - She wrote that a post shared by the minister was fake, and he deleted it."),
        good("Title\nLONDON (Reuters) - The page was still loading when the outage began."),
        good("Title\nThe variable was undefined, the engineers said, and null values crept in."),
        good(
            "제목\n[사진=JTBC, 이매진아시아]\n본문입니다.",
            note="a bracketed photo credit is text, not an embed marker",
        ),
    ),
)
