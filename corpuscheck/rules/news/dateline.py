"""Datelines: the place (and agency) opening a news body, in the forms outlets really use.

Upper-case place: ``SEOUL - ``, ``NEW DELHI: ``, ``BUFFALO, N.Y. — ``,
``WASHINGTON (AP) — ``, ``MADRID (EFE) -``, ``SÃO PAULO -``, ``JAKARTA  - ``,
``SEOUL- ``, ``JAKARTA, KOMPAS.com - ``, ``BATAM, POSMETRO.CO :``,
``МОСКВА, 12 мар — РИА Новости.``, ``МОСКВА, 12 марта. /ТАСС/.``
Title-case place: ``Jakarta - ``, ``Jakarta, CNN Indonesia -- ``, ``Berlin (dpa) -``,
``Hong Kong (CNN Business) ``, ``Washington, DC, United States: ``,
``Mataram, NTB (ANTARA News) - ``, ``Madrid, 12 mar (EFE).- ``.
Outlet first: ``TEMPO.CO, Jakarta - ``, ``TEMPO.CO,Jakarta-``, ``WARTAKOTALIVE.COM, JAKARTA - ``,
``REPUBLIKA.CO.ID, JAKARTA -- ``, ``KOMPAS.com - ``, ``SURYA.co.id | SURABAYA - ``,
``Liputan6.com, JakartaKita ...`` (glued to the text).
Agency alone: ``(Reuters) — ``, ``(CNN) ``, ``(ANSA) - ``, an outlet's acronym ``(CLO) Ngày ...`` (vi).
Places joined by a slash ``TOKYO/SEOUL, September 24 (Reuters):``; a place in a script without case and a
date without a comma ``กรุงเทพฯ 1 มิ.ย. – `` (th), ``नई दिल्ली - `` (hi).
Brackets: ``[서울=뉴시스]``, ``(서울=연합뉴스)``, ``【ワシントン=共同】``, ``【ワシントン共同】``.
Split over lines (detik): ``Jakarta`` / ``-`` / ``Luna Maya ...``; on its own line: ``BAAR, SWITZERLAND``.

A dateline is looked for at the start of the first lines of the body, after
placeholder and widget lines and after short lead-in lines (a repeated
headline, ``Laporan Wartawan ...``, a ``Daftar Isi`` table of contents), up to
and including the second paragraph (a pull quote may come first). A lone ``-``
line before any place means the city was stripped (detik): no dateline. Every
match is anchored at a line start on a window of at most :data:`WINDOW`
characters, so a document costs a few short matches whatever its size. The lead
lines and the dateline found are kept on the Document (N101 and the dateline
date check both ask), so each is worked out once per document.
Ordinary sentences are kept out by shape: a dash inside a word (``Baru-baru``,
``COVID-19``) or before a lower-case word (``The Blues –julukan``) is no
dateline's; a title-case place needs a sentence after it (``Chris Davies - Nov
19, 2019`` is a byline); an organisation with its acronym (``Otoritas Jasa
Keuangan (OJK) menyatakan``) needs a dash, a country in brackets
(``Chelsea (Inggris) -``) is no agency; sentence openers, labels and weekdays
(``Two hostages —``, ``DEAR ABBY:``, ``Jumat, 27 Juni 2025:``, ``FILE PHOTO:``, ``LTS:``) are no places;
after a title-case place the dash opens a sentence, not a lower-case word (``Kuala Lumpur - yang ...``
goes on with a clause), and a title-case headline after it (``Perintah Presiden, Kapolri: Polisi Siap
Tindak Tegas``) makes the line a headline.

When no form above opens the first paragraph, its opening is read by a dateline's shape alone
(:func:`general_dateline`): a short lead of place-like words (capitalised, in capitals, in a script without
case; particles, a date, bracketed parts and commas allowed), a separator, a sentence; with the same rejects
(a lower-case word, a sentence opener or label, a title, a name and its acronym, a bare title-case label and
colon, a clause or a headline after it): ``New Delhi [India], Aug 17 :``, ``【ソウル聯合ニュース】``,
``SUMBA TENGAH, ||``, ``КИЇВ. 24 квітня. УНН.``, ``नई दिल्ली।``, ``Islamabad: Jan 29, 2022 (TNS):``,
``Kabul (BNA)`` before a sentence, ``MANILA //``, ``titastory, Jakarta –``; ``Nias Barat, Sumut – Mitrapolri.com``
alone on its line. It reads the first paragraph, and the second
only for a lead in capitals (``ISLAMABAD, (UrduPoint ...) :`` after a teaser). A page set in Latin small
capitals (``ᴘᴜᴛʀᴀᴊᴀʏᴀ –``) is read as capitals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from corpuscheck.rules.news.lines import is_filler, stripped_body

if TYPE_CHECKING:
    from corpuscheck.input.document import Document

WINDOW = 200  # characters of a line (or of a few joined short lines) a dateline is looked for in
LEAD_LINES = 30  # non-empty lines looked at before giving up
PARAGRAPH = 120  # a line this long is a paragraph
PARAGRAPHS = 2  # a dateline opens one of the first two paragraphs, or there is none
SENTENCE = 60  # a line this long that ends a sentence is a paragraph too
_SENTENCE_END = regex.compile(r"[.!?。！？।۔؟][\"'”’)]*$")  # । (Devanagari, Bengali), ۔ (Urdu), ؟ (Arabic)
SHORT = 40  # lines this short are joined to the next (split datelines: ``Jakarta`` / ``-``)
DASHES = frozenset({"-", "–", "—", "--"})
# A table of contents opening the body (detik): its entries come back as headings, a place does not.
TOC = frozenset(
    "daftar isi|table of contents|contents|inhaltsverzeichnis|índice|indice|sommaire|содержание|목차|目次".split("|")
)
_TOC_CHARS = max(map(len, TOC))  # case folding never shortens a text
TOC_REACH = 400  # lines after a candidate searched for the same heading
_STRIPPED = frozenset({"- ", "– ", "— "})  # a paragraph opening with a dash: its place was cut
_JOIN_BEFORE = frozenset(",-–—:|")  # a line starting with these continues a broken dateline
_JOIN_AFTER = frozenset(",-–—:")  # and so does the line after one ending with these

_S = r"[ \t\u00a0\u2009\u202f]"  # a space on one line (joined lines are joined with " ")
_DASH = r"(?:-{1,3}|–|—|\.-|\.–|\.—)"
_UP = r"(?:[dDlL]['’])?[\p{Lu}][\p{Lu}\p{M}'’.\-]+"  # SEOUL, ST., N.Y., SÃO, d'ASCQ (two characters or more)
_CAP = r"[\p{Lu}][\p{L}\p{M}'’.\-]*"  # Jakarta, Mich., D.C, Tangerang
_PARTICLE = r"(?:de|da|do|dos|das|del|di|la|le|am|an|der|upon|on|sur|en|of|el)"
_UPPLACE = rf"{_UP}(?:(?:{_S}{{1,2}}|/){_UP}){{0,3}}"  # KUALA LUMPUR / TOKYO/SEOUL
_CAPPLACE = rf"{_CAP}(?:{_S}(?:{_PARTICLE}{_S})?{_CAP}){{0,2}}"
_REGION = rf"{_CAP}(?:{_S}{_CAP}){{0,3}}"  # N.Y. / United Arab Emirates / CNN Indonesia / Jawa Timur
_TLD = (
    r"(?i:co|com|id|net|org|news|tv|info|my|sg|ph|in|uk|ru|kr|jp|br|de|it|es|fr|vn|th|tw|cn|hk|au|ca|za|ng|ke|"
    r"pk|bd|lk|ae|sa|eg|tr|pl|ua|nz|ie|us|io|me|la|kh|mm|bn|gov|edu|online|asia|today)"
)
_OUTLET = (
    rf"[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}\-]{{0,30}}(?:[.,]{_TLD}|\.{_S}(?:COM|CO|ID)){{1,3}}(?![\p{{L}}\p{{N}}])"
)
# A month: a word of letters (marks included: Tamil ஜன), or Thai's dotted ม.ค.; a day, with an ordinal suffix.
_MONTH = r"(?:[\p{L}][\p{L}\p{M}]{1,9}+\.?|[\p{L}][\p{M}]*+\.[\p{L}][\p{M}]*+\.)"
_DAY = r"\d{1,2}(?:st|nd|rd|th|\.(?=[ \t\u00a0]\p{L}))?"  # 12th, 12. März (de)
# a word for "day" or "the" before the date: Hà Nội, ngày 12/3 - (vi), Jakarta, tanggal 5/6 - (id), Paris, le 12 mars - (fr)
_DATE_WORD = r"(?:(?i:ngày|tanggal|tgl\.|le|am|el|den)[ \t\u00a0])"
_DATE = (
    rf"{_DATE_WORD}?(?:{_DAY}{_S}?{_MONTH}(?:,?{_S}\d{{4}})?"  # 12 мар / 23 Februari 2016 / 12 MAR / 10 Jan. / 12 ม.ค.
    rf"|{_MONTH}{_S}?{_DAY}(?:,{_S}?\d{{4}})?"  # Nov. 18 / March 3, 2020 / ஜன.17 / February 28th, 2008
    rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)"  # 12/3 / 12/3/2025
    rf"(?:{_S}\([\p{{L}}]{{2,4}}\.?\))?"  # (Thu)
)
# A place in a script without case (Arabic, Thai, Tamil, Chinese ...): up to three words of letters.
_LOPLACE = rf"\p{{Lo}}[\p{{Lo}}\p{{M}}]{{0,30}}+(?:{_S}\p{{Lo}}[\p{{Lo}}\p{{M}}]{{0,30}}+){{0,2}}"
_AGENCY = r"\([^()\n]{1,40}\)"
# Agencies and outlets whose parenthesis opens a story without a dash: "Hong Kong (CNN Business) Shares ..."
_KNOWN = (
    r"(?i:AP|AFP|Reuters|dpa|EFE|ANSA|Xinhua|Bernama|Antara|ANTARA\s?News|Kyodo|Yonhap|TASS|Lusa|UPI|"
    r"CNN(?:\s[\p{L}]+)?|CNBC|Bloomberg|IANS|PTI|AA|Sputnik|RIA|Interfax|KBS|NHK|BBC|dpa-AFX|APA|SDA|ATS|"
    r"Agência\sBrasil|Europa\sPress|KNA|epd|Anadolu|WAFA|ANP|Belga|PAP|CTK|MTI|ČTK|Notimex|Jiji(?:\sPress)?|Lusa|PNA|VNA)"
)
# After a title-case place the parenthesis is a known agency or looks like one (AP, HawaiiNewsNow,
# Antara/PRNewswire), not a country ("Chelsea (Inggris) - UEFA Champions League 2020/21").
_CAP_AGENCY = (
    rf"\((?:{_KNOWN}|{_OUTLET}|[^()\n]{{0,38}}(?:\p{{Lu}}{{2}}|\p{{Ll}}\p{{Lu}}|/)[^()\n]{{0,38}})\)"
)
# A dash is spaced on at least one side, or glued to a capitalised word or a quote
# ("TEMPO.CO,Jakarta-Pengacara"), never inside a word ("Baru-baru", "COVID-19", "Tae-yong").
# Spaced before and glued after, it opens a capitalised word ("JAKARTA -Memberantas", "-iOS"),
# never a lower-case one ("The Blues –julukan Chelsea–").
# After a title-case place, an agency is a known one or looks like a name (AP, HawaiiNewsNow, Antara/PRNewswire),
# not a country in brackets ("Chelsea (Inggris) - UEFA Champions League").
_GLUED = r"(?=[\p{Lu}][\p{Ll}]+(?:[\s,.:;!?(]|[\p{Lu}][\p{Ll}])|[\"“‘«])"
_SPACED_DASH = rf"(?:{_S}+{_DASH}(?:{_S}+|$|(?=[\p{{Lu}}\p{{Lt}}\p{{Lo}}\p{{N}}\"“‘«(]|\p{{Ll}}\p{{Lu}}))|{_DASH}(?:{_S}+|$))"
_ANY_DASH = rf"(?:{_SPACED_DASH}|{_DASH}{_GLUED})"
_COLON = rf"(?:{_S}*:(?:{_S}+|$|(?=[\p{{Lu}}\"“‘«])))"

PATTERNS = (
    # SEOUL - / NEW DELHI: / BUFFALO, N.Y. — / WASHINGTON (AP) — / JAKARTA, KOMPAS.com - / SURABAYA//outlet.com -
    # BATAM, POSMETRO.CO : / МОСКВА, 12 мар — РИА Новости. / ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -
    # JAKARTA. Jakarta Governor ... (a full stop after an upper-case place and a sentence, see _sentence_follows)
    # ISLAMABAD, DEC 30 /DNA/ – (the agency between slashes)
    regex.compile(
        rf"(?P<d>{_UPPLACE}(?:{_S}{_DATE})?(?:{_S}?,{_S}*(?:{_OUTLET}|{_DATE}|{_REGION})|/{{1,2}}{_OUTLET}){{0,3}}"
        rf"(?:{_S}?,?{_S}*(?:{_AGENCY}|/[^/\n]{{2,20}}/))?(?:(?:{_ANY_DASH}|{_COLON})(?:РИА{_S}Новости\.)?"
        rf"|\.{_S}*/[^/\n]{{2,20}}/\.?))"
        rf"|(?P<d>{_UPPLACE}\.)(?={_S}+\p{{Lu}}\p{{Ll}})"
        # NUSANTARA NEWS | BANDUNG — Ada ... (id: an outlet's name in capitals, a bar, then the place)
        rf"|(?P<d>{_UPPLACE}{_S}*\|{_S}*{_UPPLACE}{_ANY_DASH})"
        # Medan-BP: Dalam operasi ... (id: a title-case place and the outlet's code in capitals joined by a hyphen)
        rf"|(?P<d>\p{{Lu}}\p{{Ll}}{{2,}}+-\p{{Lu}}{{2,5}}(?:{_SPACED_DASH}|{_COLON}))"
    ),
    # Jakarta - / Jakarta, CNN Indonesia -- / Berlin (dpa) - / Madrid, 12 mar (EFE).- / Dekalb, Ill. —
    # Tokyo, Jan. 12 (Jiji Press)--A man ... (the dash glued on both sides after the agency's bracket)
    # ", Washington D.C - " (the outlet before the comma torn out)
    # Москва. 21 февраля. INTERFAX.RU - (ru: the parts closed by full stops, then the outlet's dash)
    # Berlin. Wegen des Verdachts ... (de: a one- or two-word place and a full stop, then a sentence, see _sentence_follows)
    regex.compile(
        rf"(?P<d>(?:,{_S}?)?{_CAPPLACE}(?:{_S}{_DATE})?(?:(?P<comma>{_S}?,){_S}*(?:{_OUTLET}|{_DATE}|{_REGION})){{0,3}}"
        rf"(?:{_S}?,?{_S}*{_CAP_AGENCY})?(?:{_SPACED_DASH}|{_COLON}|(?<=\)){_DASH}(?=\p{{Lu}})))"
        rf"|(?P<d>{_CAPPLACE}\.{_S}{_DATE}\.(?:{_S}{_OUTLET})?{_SPACED_DASH})"
        # Roma, 4 ott. Otto arresti ... (it: place, date and a full stop, then a sentence)
        rf"|(?P<d>{_CAPPLACE},{_S}{_DATE}\.?)(?<=\.)(?={_S}\p{{Lu}}\p{{Ll}})"
        rf"|(?P<d>\p{{Lu}}\p{{Ll}}{{2,}}+(?:(?:-|{_S}(?:{_PARTICLE}{_S})?)\p{{Lu}}\p{{Ll}}{{2,}}+)?\.)(?={_S}\p{{Lu}}\p{{Ll}})"
    ),
    # Hong Kong (CNN Business) Shares ... / Jakarta (ANTARA) Presiden ... / Hong Kong (CNN Business)A muddled
    # Manila, Oct 10 (AP) Philippine police ...
    regex.compile(
        rf"(?P<d>{_CAPPLACE}(?:,{_S}*(?:{_DATE}|{_REGION})){{0,2}}{_S}?\({_KNOWN}\))(?={_S}*[\p{{Lu}}\p{{N}}\"“])"
    ),
    # TEMPO.CO, Jakarta - / TEMPO.CO,Jakarta- / WARTAKOTALIVE.COM, JAKARTA - / KOMPAS.com - / SURYA.co.id | SURABAYA -
    # RM.id  Rakyat Merdeka - (the outlet's name after its domain)
    # BANJARMASINPOST.CO.ID  Presenter ... (an upper-case outlet that lost its dash)
    regex.compile(
        rf"(?P<d>{_OUTLET}(?:(?:{_S}*[,|]{_S}*|{_S}+)(?:{_UPPLACE}|{_CAPPLACE})(?:,{_S}*{_REGION}){{0,2}})?"
        rf"(?:{_S}*{_AGENCY})?,?(?:{_ANY_DASH}|{_COLON}))"
        rf"|(?P<d>{_OUTLET})(?<=[A-Z])(?={_S}+[\p{{Lu}}])"
    ),
    # Liputan6.com, JakartaKita semua tahu ... (the dash lost, the place glued to the text)
    # or "Liputan6.com, Jakartasensual dan ...", never "Liputan6.com, Maria Vianey" (a reporter's credit)
    # Newestindonesia.co.id, Sebanyak 138 demonstran ... (the outlet and its comma, then a sentence: see match_dateline)
    regex.compile(
        rf"(?P<d>{_OUTLET},{_S}?[\p{{Lu}}](?:[\p{{Ll}}]++(?=[\p{{Lu}}\p{{N}}\"“])|[\p{{Ll}}]{{11,}}+))"
        rf"|(?P<d>{_OUTLET},)(?={_S}\p{{Lu}}\p{{Ll}})"
    ),
    # (Reuters) — / (CNN) / (ANSA) - / (CNN)President / Jan 8 (Reuters) – / (Dân trí) - / (PLO)- (any short
    # bracketed name opening the line before a dash) / (CLO) Ngày 26/11 ... (vi: an outlet's acronym alone)
    regex.compile(
        rf"(?P<d>(?:{_DATE}{_S}*)?\({_KNOWN}\)(?:{_SPACED_DASH}|(?={_S}|$|[\p{{Lu}}\"“])))"
        rf"|(?P<d>(?:{_DATE}{_S}*)?\(\p{{L}}[^()\n]{{1,29}}\){_SPACED_DASH})"
        rf"|(?P<d>\(\p{{Lu}}[\p{{Lu}}\p{{N}}&]{{1,7}}\))(?={_S}+\p{{Lu}}\p{{Ll}})"
    ),
    # [서울=뉴시스] / (서울=연합뉴스) / 【ワシントン=共同】 / 【ワシントン共同】 / 新华社北京3月12日电
    # 本报11月23日讯 / 新华网广州9月16日电 (zh: an outlet or a place, a date, then 讯 or 电)
    regex.compile(
        r"(?P<d>[\[【(（][^\]】)）=＝\n]{1,20}[=＝][^\]】)）\n]{1,30}[\]】)）]"
        r"|【[^】\n]{1,20}(?:共同|時事|ロイター|AFP|AP|EPA|新華社|聯合)】"
        r"|(?:新华社|中新社|中新网)[^\n，。]{1,20}?电"
        r"|\p{Han}{1,12}?\d{1,2}月\d{1,2}日(?:电|讯|電|訊))"
    ),
    # القاهرة (رويترز) - / بيروت - / กรุงเทพฯ - / กรุงเทพฯ 1 มิ.ย. – / नई दिल्ली - / கோலாலம்பூர், ஜன.17-
    # (a place in a script without case, a date with or without a comma)
    regex.compile(
        rf"(?P<d>{_LOPLACE}(?:{_S}{_DATE})?(?:{_S}?[,،]{_S}*(?:{_DATE}|{_LOPLACE})){{0,2}}(?:{_S}*{_AGENCY})?{_SPACED_DASH})"
    ),
    # [JAKARTA]Pemerintah ... / [Jakarta] Pemerintah ... / [Bangkok, Thailand] - (a bracketed place)
    regex.compile(
        rf"(?P<d>\[(?:{_UPPLACE}|{_CAPPLACE}|{_LOPLACE})(?:,{_S}*(?:{_REGION}|{_DATE})){{0,2}}\]"
        rf"(?:{_SPACED_DASH})?)(?={_S}*[\p{{Lu}}\p{{Lo}}\p{{N}}\"“])"
    ),
    # Đà NẵngTrần Văn Tiến và ... (vi: a place of two or three capitalised words glued to the sentence, the separator
    # lost); only a place with a letter outside ASCII, and a sentence after it (match_dateline)
    regex.compile(rf"(?P<d>\p{{Lu}}\p{{Ll}}+(?:{_S}\p{{Lu}}\p{{Ll}}+){{1,2}})(?=\p{{Lu}}\p{{Ll}}+{_S})"),
    # Medan | MISTAR.ID Di lokasi ... / MEDAN | 1kabar.com (alone on its line): a place, a bar and the outlet's domain,
    # the place or the outlet in capitals, with or without a dash after it
    regex.compile(
        rf"(?P<d>(?:(?P<up>{_UPPLACE})|{_CAPPLACE}){_S}*\|{_S}*(?P<outlet>{_OUTLET})(?:{_ANY_DASH}|{_COLON})?)"
    ),
)
# A title-case place and a dash open a sentence; "Chris Davies - Nov 19, 2019, 10:31 pm CST",
# "Take C.A.R.E. - comwrap auf der DMEXCO 2018" or "Lirik Lagu Gemu - Nyong Franco" are bylines and titles.
_TITLE_CASE = PATTERNS[1]
_NEED_TEXT = (PATTERNS[1], PATTERNS[7], PATTERNS[8])  # a sentence must follow them
# After a place in a cased script a dateline's dash or colon opens a sentence: a lower-case word after it
# ("Kuala Lumpur - yang merupakan ...") continues a clause; "iPhone", "eKTP" (a capital inside) open one.
# Only after a title-case place: after an upper-case one a lower-case brand opens the sentence often enough
# ("JAKARTA- realme GT 7 resmi rilis").
_CASED = (PATTERNS[1],)
_CONTINUATION = regex.compile(r"[ \t\u00a0]*\p{Ll}+(?:[\s,;:!?]|\.?$|\.\s)")
_STAMP = regex.compile(r"[ \t\u00a0]*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}\b")  # 25/02/2020 after the dash: a date stamp
_HEADLINE_WORDS = 4  # a rest of a line this many words long, nearly all capitalised, not ending a sentence


_PERIOD_PLACE = 5  # an upper-case place ending with a full stop has this many characters, the stop included


def _sentence_follows(rest: str) -> bool:
    """Whether a sentence, not a title or more capitals, follows: at least :data:`_TEXT_AFTER` characters,
    mostly lower-case words (``MIRI: Projek naik taraf di ...``, not ``GOWOK: KAMASUTRA JAWA ...``)."""
    rest = rest.strip()
    words = rest.split()
    if len(rest) < _TEXT_AFTER or len(words) < _HEADLINE_WORDS:
        return False
    if words[0].isupper() and len(words[0]) > 1:
        return False  # "GOWOK: KAMASUTRA JAWA memadukan ...": the capitals go on, a title's
    lower = sum(1 for word in words if word[0].islower())
    return lower >= 0.4 * len(words)


def _is_headline(rest: str) -> bool:
    """Whether the rest of a line is a headline in title case ("Polisi Siap Tindak Tegas Massa Demo")."""
    rest = rest.strip()
    words = rest.split()
    if len(words) < _HEADLINE_WORDS or _SENTENCE_END.search(rest):
        return False
    capitalised = sum(1 for word in words if word[0].isupper() or not word[0].isalpha())
    return capitalised >= 0.8 * len(words)
_TEXT_AFTER = 40  # characters that must follow a title-case dateline, unless they end a sentence
# A dateline alone on its line, before a paragraph: BAAR, SWITZERLAND
# (?<!...): used with fullmatch only, the lookbehind lets a search start only where a word starts (linear on a long
# run of capitals, which each start position rescanned)
OWN_LINE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’.\-])(?:{_UPPLACE}(?:,{_S}*(?:{_UPPLACE}|{_DATE})){{1,2}}"
    # Accra (Greater Accra) 10 April 2001 / Jakarta, 12 Maret 2020: a place (its region in brackets) and a full date
    rf"|(?:{_UPPLACE}|{_CAPPLACE})(?:{_S}\({_REGION}\))?,?{_S}\d{{1,2}}(?:st|nd|rd|th)?{_S}{_MONTH}{_S}\d{{4}}"
    # Bangkok, September 1 / Jakarta, 1 September: a title-case place, a comma and a date
    # नई दिल्ली, 29 अगस्त (hi): the same in a script without case
    rf"|(?:{_CAPPLACE}|{_LOPLACE}),{_S}{_DATE})"
)

# Words that open ordinary sentences or labels and are never a place before a dash.
_NOT_PLACES = frozenset(
    """
    a an the this that these those it its he she they we i you there here but and or so yet if as at in on
    of for by to with from when while after before then also now not no yes one two three four five
    some many most all any each every update updated breaking note editor editors warning summary claim
    fact photo photos video watch live read more dear q opinion analysis review exclusive
    ini itu dia ia mereka kami kita kamu anda namun tetapi dan atau jika karena saat ketika setelah
    sebelum baca lihat simak tonton foto video infografis catatan lirik chord kunci berita update
    laporan reporter penulis editor sumber why what who how where correction hari tanggal
    monday tuesday wednesday thursday friday saturday sunday senin selasa rabu kamis jumat sabtu minggu
    home beranda oleh by von por par isnin khamis jumaat ahad lunes martes pazartesi salı çarşamba perşembe cuma cumartesi pazar thứ chủ
    lunes martes miércoles jueves viernes sábado domingo segunda terça quarta quinta sexta
    lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag
    samstag sonntag lunedì martedì mercoledì giovedì venerdì sabato domenica
    published updated posted publicado atualizado atenção diperbarui ditulis dipublikasikan
    der die das ein eine und aber wenn y pero et mais
    advertisement advertising ad ads iklan sponsored gallery galeri source sources quelle fuente fonte sumber
    disclaimer warning note notes tags tag topics related trending credit credits copyright image images
    q a question answer transcript introduction pendahuluan kesimpulan conclusion summary ringkasan pengantar
    presiden menteri ketua gubernur bupati wali walikota kapolri kapolda kapolres jubir juru president minister
    chairman chief premier governor mayor senator perdana timbalan datuk dato dr prof mr mrs ms sir
    pak bu ibu bapak encik cik tuan puan kata ujar menurut theo ông bà anh chị thủ chủ bộ
    file lead urgent corrected wrapup focus interview audio editorial podcast infographic lts
    direct directo diretta urgente exclusif exclusivo esclusiva eilmeldung alerte flash dakika
    قال وقال قالت أكد وأكد أعلن وأعلن أضاف وأضاف أشار كتب في من إن
    o os as um uma e mas в и но это на
    """.split()
)


_OPENERS = "([【（"


# The place line of detik's split dateline: up to four words of letters, every word after the first
# capitalised or a particle ("Jakarta", "nakhon Ratchasima", "Rio de Janeiro", "Chanthaburi, Thailand");
# not "Kirim ke teman" or "Un attimo..." (widget and loading lines left before a stripped city).
_SPLIT_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}.'’\-]*")
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))


def _is_split_place(text: str) -> bool:
    if len(text) > SHORT:
        return False
    words = text.replace(",", " ").split()
    return (
        1 <= len(words) <= 4
        and not text.endswith(("...", "…"))
        and all(_SPLIT_WORD.fullmatch(word) for word in words)
        and words[-1][0].isupper()
        and all(word[0].isupper() or word in _PARTICLES for word in words[1:])
        and _first_word(text) not in _NOT_PLACES
    )


def _is_paragraph(text: str) -> bool:
    return len(text) > PARAGRAPH or (len(text) >= SENTENCE and _SENTENCE_END.search(text) is not None)


_LETTERS = regex.compile(r"[\p{L}]+")
# a name before its own acronym in brackets: "Anadolu Ajansı (AA)", "Quezon City Police District (QCPD)"
_ACRONYM = regex.compile(r"(?P<words>(?:\p{Lu}[\p{L}\p{M}'’]*\s){1,5})\((?P<short>\p{Lu}{2,6})\)")


def _initials(words: str) -> str:
    return "".join(word[0] for word in words.split()).casefold()


def _first_word(text: str) -> str:
    found = _LETTERS.match(text.lstrip(_OPENERS))
    return found.group().casefold() if found else ""


@dataclass(frozen=True)
class Dateline:
    text: str
    line: int
    end_line: int


def _candidates(window: str) -> list[regex.Pattern]:
    """The patterns that can match ``window``, in order: each needs a character the window may lack."""
    dash = "-" in window or "–" in window or "—" in window
    colon = ":" in window
    first = window[:1]
    found = []
    if dash or colon or "/" in window or ". " in window:  # a dash, a colon, /TASS/ or a full stop ends it
        found.append(PATTERNS[0])
    if dash or colon or ". " in window:  # a dash, a colon after a comma, or a full stop ends it
        found.append(PATTERNS[1])
    if "(" in window:  # a known agency in brackets
        found.append(PATTERNS[2])
    found.append(PATTERNS[3])
    if "," in window:  # an outlet, a comma and a place
        found.append(PATTERNS[4])
    if "(" in window:  # an agency alone, or after a date
        found.append(PATTERNS[5])
    if first and (first in "[【(（" or "\u4e00" <= first <= "\u9fff"):  # brackets, or a Chinese outlet or place
        found.append(PATTERNS[6])
    if (dash or colon) and regex.match(r"\p{Lo}", first):  # a place in a script without case
        found.append(PATTERNS[7])
    if first == "[":  # a bracketed place
        found.append(PATTERNS[8])
    found.append(PATTERNS[9])  # a place glued to the text
    if "|" in window:  # a place, a bar and the outlet
        found.append(PATTERNS[10])
    return found


# A photo caption above the body ends with the photo's credit: "... hari ini. - Foto BERNAMA", "(Gambar Bernama)",
# "Photo by Franz Lopez/Rappler", "– Foto ihsan PDRM", "REUTERS/Lucy Nicholson/File Photo", "(Ảnh: Quang Trung)";
# its opening ("NOOR RASHID: ...", "ASPIRING DOCTOR. ...") is a caption's label, not a dateline.
CAPTION_END = regex.compile(
    r"(?:^|[\s.(\-–—|])(?i:foto|photo|gambar|ảnh|pic)(?:\s(?i:by|oleh|ihsan|courtesy\sof|credit))?\s?:?\s?"
    r"\p{Lu}[^.!?()\n]{0,50}\)?\.?$"
    r"|\b\p{Lu}{3,}/\p{Lu}[\p{L} ]{1,40}(?:/(?i:file\sphoto))?\.?$"
    r"|\((?i:source|nguồn|sumber|fuente|fonte|quelle|foto|photo|ảnh)\s?:[^()\n]{1,60}\)$"  # (Source: congan.com.vn)
    r"|[.)]\s?/\s?\p{Lu}[\p{L} .]{1,30}/\p{Lu}[\p{L}.]{1,30}(?:\s?/)?$"  # ... baru-baru ini./Remy Suryadie/Galamedia
)
# ... or open with it: "Follow us on Image Source : PTI Motorcycle-borne robbers loot ..." (en), "Foto: ..."
CAPTION_START = regex.compile(
    r"(?:^|\s)(?i:image\s(?:source|credit)|photo\s(?:source|credit)|foto|photo|ảnh|gambar|crédito|bildquelle)\s?:"
)


def _is_caption(text: str) -> bool:
    """A photo caption: its credit ends it, or its credit label opens it (within its first words)."""
    return CAPTION_END.search(text[-2 * SHORT :]) is not None or (
        ":" in text[:SHORT] and CAPTION_START.search(text[:SHORT]) is not None  # a label needs its colon
    )


_BREADCRUMB = regex.compile(r"\s[>›»]\s")  # Home > News > Sarawak
_BARE_PLACE = regex.compile(r"\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?\s?:")  # Kuala Lumpur:
_BARE_AFTER = regex.compile(r"\s*\p{Lu}\p{Ll}+\s\p{Ll}")  # Remaja perempuan ...
_BYLINE = regex.compile(r"(?i:by|oleh|von|por|par|di|door|av|af)\s")


def match_dateline(
    window: str, colon: bool = True, first_line: int | None = None, bare_colon: bool = True,
    joined_at: int | None = None, bare_sentence: bool = False,
) -> str | None:
    """The dateline opening ``window`` (one line, or a few short lines joined by spaces), if any.

    ``colon=False`` refuses datelines ending with a colon (``NEW DELHI:``): after a first
    paragraph, ``GOWOK: KAMASUTRA JAWA ...`` is a title, not a dateline. ``first_line`` is the
    length of the window's first line: a title-case dateline must end on it (``Translate`` /
    ``- Hasil rapid test ...`` is a widget label above a stripped dateline). ``bare_colon=False``
    refuses a title-case place and a colon with no comma (``Kuala Lumpur: ...`` opens a body,
    ``Hollywood Nation: ...`` after a standfirst is a column's label). ``joined_at``: where the
    window's first line ends when later lines were joined to it; a dateline that reaches past it
    must be followed by a sentence start (``THANKS TO GOOD INTEL`` / ``-`` / ``had improved ...`` is
    a torn sentence, whatever the case of the place).
    """
    window = window[:WINDOW]
    for pattern in _candidates(window):
        found = pattern.match(window)
        if found is None:
            continue
        text = found.group("d").strip()
        rest = window[found.end("d") :]
        if text.endswith(":") and (
            (not colon and not (pattern is PATTERNS[0] and _sentence_follows(rest)))
            or (not text.isupper() and len(text.split(",")[0].split()) > 2)
        ):
            continue  # "Bintangi Film GAZA, Cut Syifa: Ini ..." is a headline, not a place
        if pattern is PATTERNS[3] and not any(c in text for c in "-–—:|") and len(rest.strip()) < _TEXT_AFTER:
            continue  # "DAWN.COM Logo": an outlet's name before a short label, not one that lost its dash
        if text.endswith(".") and pattern is PATTERNS[0] and not any(c in text for c in "-–—:/") and not (
            len(text) >= _PERIOD_PLACE and _sentence_follows(rest)
        ):
            continue  # "JAKARTA. Jakarta Governor ... said ...", not "OK. Let us ..." or "U.S. officials ..."
        if _first_word(text) in _NOT_PLACES:
            continue
        if text.endswith(".") and pattern is _TITLE_CASE and not _sentence_follows(rest):
            continue  # "Berlin. Wegen des Verdachts ..." opens a sentence, "Danke. Bis bald" does not
        if pattern is PATTERNS[9] and (
            _first_word(text) in _NOT_PLACES or text.isascii() or not _sentence_follows(rest)
        ):
            continue  # "Đà NẵngTrần Văn Tiến và ..." opens a sentence; "Survei IndoPolling", "Channel YouTube" (brands
            # in camel case, plain ASCII) do not
        if pattern is PATTERNS[10] and (
            not (found.group("up") or found.group("outlet").isupper())
            or (text[-1] not in "-–—:" and rest.strip() and not _sentence_follows(rest))
        ):
            continue  # "Medan | MISTAR.ID Di lokasi ...", "MEDAN | 1kabar.com"; not "Beranda | Kompas.com"
        if pattern is PATTERNS[4] and text.endswith(",") and not _sentence_follows(rest):
            continue  # "Newestindonesia.co.id, Sebanyak 138 demonstran ..." but not "Liputan6.com, Maria Vianey"
        acronym = _ACRONYM.search(text)
        if acronym and _initials(acronym.group("words")) == acronym.group("short").casefold():
            continue  # "Anadolu Ajansı (AA) 23 Haziran ...": a name and its acronym open a sentence, no place
        if text.endswith(":") and joined_at is not None and found.end("d") >= joined_at and not _sentence_follows(rest):
            continue  # "MANAGED BY:" / "SABTU" / "22 FEBRUARI": a label ending its line, more labels joined after it
        if _STAMP.match(window, found.end("d")):
            continue  # "Kompas.com - 25/02/2020, 05:07 WIB": the page's date stamp, no sentence
        if (pattern in _CASED or (joined_at is not None and found.end("d") > joined_at)) and _CONTINUATION.match(
            window, found.end("d")
        ):
            continue  # "Kuala Lumpur - yang ...", "... sangat besar — dan ...": a clause goes on, no sentence starts
        if pattern is _TITLE_CASE and _is_headline(window[found.end("d") :]):
            continue  # "Perintah Presiden, Kapolri: Polisi Siap Tindak Tegas": a headline, not a place and a sentence
        if pattern in _NEED_TEXT:
            if pattern is _TITLE_CASE and first_line is not None and found.end("d") > first_line + 2:
                continue
            if pattern is _TITLE_CASE and text.endswith(":") and "," not in text and not (
                bare_colon and _BARE_PLACE.fullmatch(text) and (
                    _BARE_AFTER.match(window, found.end("d"))
                    or (
                        bare_sentence and _first_word(window[found.end("d") :]) in _NOT_PLACES
                        and _sentence_follows(window[found.end("d") : joined_at])
                    )
                )
            ):
                continue  # "Film GOWOK: KAMASUTRA JAWA ...": a title, not "Kuala Lumpur: Remaja ..."
            rest = window[found.end() :].strip()
            if len(rest) < _TEXT_AFTER and not _SENTENCE_END.search(rest):
                continue
        return text
    return None



# Latin small capitals (a page set in them: "ᴘᴜᴛʀᴀᴊᴀʏᴀ – ʀᴀᴋʏᴀᴛ ᴍᴀʟᴀʏꜱɪᴀ ...") and the capitals they stand for
_SMALL = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ"
_AS_CAPITALS = str.maketrans(_SMALL, "ABCDEFGHIJKLMNOPQRSTUVWXYZ".replace("X", ""))
_SMALL_CAPITALS = regex.compile(rf"[{_SMALL}]{{3}}")
SMALL_CAPITALS_LINES = 6  # lead lines looked at for small capitals


_CASED_LETTER = regex.compile(r"[\p{Lu}\p{Ll}]")
_SENTENCE_WORDS = 8  # words of a line in a script without case that reads as a sentence


def _paragraph_like(text: str) -> bool:
    """A paragraph, or the start of one cut short: a line of :data:`SENTENCE` characters or more that reads as a
    sentence (mostly lower-case words; in a script without case, :data:`_SENTENCE_WORDS` words or more), not a
    headline."""
    if _is_paragraph(text) or len(text) < SENTENCE:
        return _is_paragraph(text)
    if _CASED_LETTER.search(text, 0, SENTENCE) is None:
        return len(text.split()) >= _SENTENCE_WORDS
    return _sentence_follows(text)


# --- The shape of a dateline, whatever the outlet (issue 9) --------------------------------------------------
# When no form of the grammar above opens the first paragraph, its opening is read as a dateline if it has a
# dateline's shape: a short lead of place-like words (capitalised, in capitals, or in a script without case; with
# particles, a date, bracketed parts, commas), then a separator (a spaced dash, a dash after a closing bracket, a
# colon), then a sentence. Precise rejects keep ordinary sentences out: a lower-case word in a Latin lead (other
# than a particle or a month beside its day), a word that opens sentences or labels (_NOT_PLACES: function words,
# verbs of saying, titles before a name, headline labels), a name before its own acronym, too many words, a word
# with digits in it (COVID-19), a title-case lead and a bare colon (a speaker's or column's label: left to the
# grammar's own rules), a headline or a clause after the separator.
_GENERAL_SEPARATOR = regex.compile(
    # no hyphen glued between words: "Jambipos, Merangin-Kantor desa ..." (id) would be read, but so would
    # "Sebelumnya, Bandara Soekarno-Hatta ..." and "Diketahui, Prabowo-Gibran ..." (names joined by a hyphen)
    # (?<!...): a search starts a run of spaces only at its first space (linear on a long run of them)
    rf"(?<!{_S})(?:{_S}+(?:-{{1,3}}|–|—)(?:{_S}+|(?=[\p{{Lu}}\p{{Lo}}\"“]))"
    rf"|(?<=[)\]])(?:-{{1,3}}|–|—)(?=[\p{{Lu}}\p{{Lo}}\"“])"
    rf"|{_S}*:(?:{_S}+|(?=\p{{Lu}}))|{_S}*\|{{1,2}}{_S}+|{_S}+/{{1,2}}{_S}+"  # SUMBA TENGAH, || / MANILA // (en)
    rf"|(?P<stop>[।.]){_S}+)"  # नई दिल्ली। (hi)
)
_BRACKETED = regex.compile(r"[(\[][^()\[\]\n]{1,60}[)\]]")
# Islamabad: Jan 29, 2022 (TNS): ... (en): a date and an agency after the place's colon, then a second colon
_DATE_AFTER_COLON = regex.compile(rf"{_DATE}(?:{_S}*\([^()\n]{{1,30}}\))?{_S}*:{_S}*")
# Kabul (BNA) Presidential Palace ... (en): a title-case place and an agency's acronym in brackets, no separator;
# not a name and its own acronym (see _ACRONYM)
_PLACE_ACRONYM = regex.compile(rf"(?P<d>\p{{Lu}}\p{{Ll}}+(?:{_S}\p{{Lu}}\p{{Ll}}+)?{_S}?\(\p{{Lu}}[\p{{Lu}}\p{{N}}&]{{1,6}}\))(?={_S}+\p{{Lu}})")
# КИЇВ. 24 квітня. УНН. На Київщині ... (uk), Москва. 21 февраля. (ru): the parts closed by full stops, a sentence after
_STOPPED_PARTS = regex.compile(
    rf"(?P<d>(?:{_UPPLACE}|{_CAPPLACE})\.{_S}{_DATE}\.(?:{_S}[\p{{Lu}}\p{{N}}][\p{{Lu}}\p{{N}}.\-]{{1,15}}\.)?)(?={_S}\p{{Lu}})"
)
_LEAD_WORD = regex.compile(r"(?:[dDlL]['’])?[\p{L}][\p{L}\p{M}'’.\-]*")
_NUMBER = regex.compile(r"\d{1,4}(?:st|nd|rd|th|\.)?")
_NO_SPACE_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_GENERAL_WORDS = 6  # words of a lead at most (dates and bracketed parts aside)
_GENERAL_REACH = 80  # characters of the paragraph its separator is looked for in
# a lower-case word may stand in a lead only beside a number: a month or a word for "day" (12 mars, ngày 12)
_MONTHISH = 10
# 【ソウル大貫智子】, 【ソウル聯合ニュース】 (ja): a bracketed place and reporter or agency opening a paragraph; not a label
_LENTICULAR = regex.compile(r"【(?P<x>[^】\n]{2,20})】(?=\S)")
_BRACKET_LABELS = regex.compile(r"速報|動画|写真|独自|詳報|更新|注目|解説|特集|PR|関連|図解|社説|コラム|インタビュー|まとめ|号外|编者按|导读|摘要|提示|声明")
# "Stori: Gladness Mallya, Risasi Jumamosi DAR ES SALAAM: Baada ya ..." (sw): a reporter's credit glued before the
# dateline of the paragraph it opens; the place in capitals, then a sentence
_CREDITED = regex.compile(
    rf"(?i:stori|story|by|oleh|reporter|reporting|laporan|texto|text|por|par|von)\s?:?\s+[^\n.!?:]{{3,60}}?"
    rf"\s(?P<d>{_UPPLACE}(?:{_S}?:|{_SPACED_DASH}))"
)


def general_dateline(text: str, headline: bool = False, later: bool = False) -> str | None:
    """The dateline opening ``text`` (a paragraph) by its shape alone, or None (see the comment above).
    ``headline``: the line is no paragraph (a headline, a standfirst cut short); only a bracketed dateline of a
    script without spaces (``【ソウル共同】...``, whose sentences are short in characters) is read on it.
    ``later``: the paragraph is the second one (the first had none: a teaser repeating the story's start); only a
    lead in capitals is read on it, as the grammar does."""
    found = _LENTICULAR.match(text)
    if found:
        return None if _BRACKET_LABELS.search(found.group("x")) else found.group()
    if headline:
        return None
    found = _CREDITED.match(text)
    if found and _sentence_follows(text[found.end() :]):
        return found.group("d").strip()
    found = _STOPPED_PARTS.match(text)
    if found and _first_word(found.group("d")) not in _NOT_PLACES and _sentence_follows(text[found.end() :]):
        return found.group("d")
    found = _PLACE_ACRONYM.match(text)
    if found and _first_word(found.group("d")) not in _NOT_PLACES and _sentence_follows(text[found.end() :]):
        acronym = _ACRONYM.match(found.group("d"))
        if not (acronym and _initials(acronym.group("words")) == acronym.group("short").casefold()):
            return found.group("d")
    # the separator is looked for outside brackets: "ISLAMABAD, (UrduPoint / Pakistan Point News - 31st Aug ) :"
    masked = _BRACKETED.sub(lambda bracket: "(" + "_" * (len(bracket.group()) - 2) + ")", text[:_GENERAL_REACH])
    separator = _GENERAL_SEPARATOR.search(masked)
    if separator is None or separator.start() == 0:
        return None
    end = separator.end()
    lead, rest = text[: separator.start()], text[end:]
    mark = separator.group().strip()
    colon, stop = mark == ":", separator.group("stop") is not None
    dated = False
    if colon and (after := _DATE_AFTER_COLON.match(rest)):
        end, rest, dated = end + after.end(), rest[after.end() :], True
    core = _BRACKETED.sub(" , ", lead)
    if any(c in core for c in "()[]/|\"“”«»!?;") or len(_BRACKETED.findall(lead)) > 2:
        return None
    tokens = core.replace(",", " , ").split()
    words = [t for t in tokens if t != "," and not _NUMBER.fullmatch(t)]
    if not words or len(words) > _GENERAL_WORDS or not _LEAD_WORD.fullmatch(tokens[0]):
        return None
    if _first_word(words[0]) in _NOT_PLACES or _NO_SPACE_SCRIPT.search(core):
        return None
    for index, token in enumerate(tokens):
        if token == ",":
            continue
        if _NUMBER.fullmatch(token):
            beside = [tokens[i] for i in (index - 1, index + 1) if 0 < i < len(tokens) and tokens[i] != ","]
            if not any(_LEAD_WORD.fullmatch(t) for t in beside):
                return None  # "Story 2:", "Part 3 -": a label and its number; a day stands beside its month
            continue
        if not _LEAD_WORD.fullmatch(token):
            return None  # COVID-19, 3G, @handle: no place's word
        if index and token.casefold().strip(".") in _NOT_PLACES and token.casefold() not in _PARTICLES:
            return None  # "Kata Presiden:", "Smith and Jones -": a title or a function word, no place
        if token[0].islower() and token not in _PARTICLES:
            if index == 0 and tokens[1:2] == [","] and len(tokens) == 3 and mark in DASHES:
                continue  # "titastory, Jakarta –" (id): an outlet's name in lower case, a comma, the place and a dash
            beside = [tokens[i] for i in (index - 1, index + 1) if 0 <= i < len(tokens)]
            if len(token) > _MONTHISH or not any(_NUMBER.fullmatch(t) for t in beside):
                return None  # "The police said -": a lower-case word, a sentence's
    cased = [w for w in words if w[0].isupper()]
    if later and not (cased and core.isupper()):
        return None
    if stop and (cased or len(words) > 2):
        return None  # after a cased place the grammar reads the full stop; in a script without case, one or two words
    labelled = colon or mark.startswith(("|", "/"))
    if labelled and cased and not (
        dated or core.isupper() or "," in lead or _BRACKETED.search(lead) or any(c.isdigit() for c in lead)
    ):
        return None  # "Hollywood Nation: ...", "Trump: ...": a bare title-case label, the grammar's own call
    acronym = _ACRONYM.search(lead + " ")
    if acronym and _initials(acronym.group("words")) == acronym.group("short").casefold():
        return None  # "Anadolu Ajansı (AA) -": a name and its acronym
    if cased and (_CONTINUATION.match(rest) or not _sentence_follows(rest) or _is_headline(rest)):
        return None  # a clause goes on, or a title follows: no dateline before a sentence
    if not cased and (len(rest.strip()) < _TEXT_AFTER or labelled):
        return None  # in a script without case a colon after a name or a credit reads like one after a place
        # ("خالد أبو بكر:", "স্টাফ করেসপন্ডেন্ট :" a staff correspondent): no dateline (so "नई दिल्ली:" is missed)
    return text[:end].strip()


def lead_lines(doc: Document) -> list[tuple[int, str]]:
    """The non-empty, non-filler lines a dateline can open, ``(line number, stripped line)``,
    up to the second paragraph (at most :data:`LEAD_LINES`). Kept on the Document."""
    lead = doc.__dict__.get("_lead_lines")
    if lead is None:
        lead = doc.__dict__["_lead_lines"] = _lead_lines(doc)
    return lead


def _lead_lines(doc: Document) -> list[tuple[int, str]]:
    lead: list[tuple[int, str]] = []
    captions = doc.__dict__["_lead_captions"] = {}  # line number -> a caption?, for the lines asked here
    paragraphs = 0
    lines = doc.lines
    for number, stripped in stripped_body(doc):
        if len(lines[number - 1]) > WINDOW * 2:
            stripped = lines[number - 1][: WINDOW * 2].strip()
        if not stripped or (is_filler(stripped) and stripped not in DASHES):
            continue
        lead.append((number, stripped))
        # stop after the second paragraph: a dateline opens the first one, or the one after a
        # pull quote or lead ("“Jadi kita meminta ...”" / "SERAMBINEWS.COM, JAKARTA - ..."), or there is none
        # a photo caption or a key-points item ("- Sebanyak 14 orang ...") is no paragraph of the story
        if _is_paragraph(stripped) and stripped[:2] not in _STRIPPED and not captions.setdefault(
            number, _is_caption(stripped)
        ):
            paragraphs += 1
            if paragraphs == PARAGRAPHS:
                break
        if len(lead) >= LEAD_LINES:
            break
    return lead


def _heading_again(doc: Document, text: str, after: int) -> bool:
    """Whether ``text`` comes back as a whole line (a section heading) in the next lines."""
    return any(line[: len(text) + 2].strip() == text for line in doc.lines[after : after + TOC_REACH])


_NOT_FOUND = object()
# a place and its agency alone on a line, the dash on the next: "HCM City (VNA)" / "– The investigation ..."
_PLACE_AGENCY = regex.compile(rf"(?:{_UPPLACE}|{_CAPPLACE})(?:,{_S}*{_REGION})?{_S}?{_CAP_AGENCY}")
# a place (and region), a dash and the outlet's domain alone on a line, before a paragraph:
# "Nias Barat, Sumut – Mitrapolri.com" (id)
# (used with fullmatch only; the lookbehind keeps a search linear on a run of capitals, as in OWN_LINE)
_OWN_LINE_OUTLET = regex.compile(rf"(?<![\p{{L}}\p{{M}}'’.\-])(?:{_UPPLACE}|{_CAPPLACE})(?:,{_S}*{_REGION}){{0,2}}{_SPACED_DASH}{_OUTLET}")
# a place in a script without case and its agency alone on a line, before a paragraph: "واشنطن (رويترز)"
_LO_PLACE_AGENCY = regex.compile(rf"{_LOPLACE}{_S}?\(\p{{Lo}}[\p{{Lo}}\p{{M}}]{{1,15}}(?:{_S}\p{{Lo}}[\p{{Lo}}\p{{M}}]{{1,15}}){{0,2}}\)")
# an upper-case place and a known agency glued after a lower-case word, with no space: a caption or widget
# label run into the dateline by the scrape ("... for the articleLAGOS (Reuters) - One year ago ...")
_GLUED_DATELINE = regex.compile(
    rf"(?<=\p{{Ll}})(?P<d>{_UPPLACE}(?:,{_S}*{_REGION})?{_S}?\({_KNOWN}\){_SPACED_DASH})(?=\p{{Lu}})"
)


# a section label in capitals before a dateline with a date or a known agency on the same line:
# "CRIME & COURTS KOTA KINABALU, Aug 20 (Bernama) -- Five ..." (the label's last words may be taken for the place's)
_LABELLED_DATELINE = regex.compile(
    rf"(?:[\p{{Lu}}&]+{_S}){{1,4}}?(?P<d>{_UPPLACE}(?:,{_S}{_DATE}(?:{_S}?\({_KNOWN}\))?|{_S}?\({_KNOWN}\)){_SPACED_DASH})"
    rf"(?=\p{{Lu}})"
)


def _is_headline_line(text: str) -> bool:
    """A short line that does not end a sentence: a headline, whatever opens it."""
    return len(text) < SENTENCE and not _SENTENCE_END.search(text)



def find_dateline(doc: Document) -> Dateline | None:
    """The dateline opening the body, looked for after placeholder and residue
    lines and short lead-in lines, and across a few short lines (detik:
    ``Jakarta`` / ``-`` / ``...``). Kept on the Document."""
    found = doc.__dict__.get("_dateline_found", _NOT_FOUND)
    if found is _NOT_FOUND:
        found = doc.__dict__["_dateline_found"] = _find_dateline(doc)
    return found


def _find_dateline(doc: Document) -> Dateline | None:
    lead = lead_lines(doc)
    # a page set in small capitals is so from its first lines (its headline); only they are looked at
    if not _SMALL_CAPITALS.search("\n".join(text[:SHORT] for _, text in lead[:SMALL_CAPITALS_LINES])):
        return _find_in(doc, lead)
    # ᴘᴜᴛʀᴀᴊᴀʏᴀ – ʀᴀᴋʏᴀᴛ ... (a page set in small capitals): read as capitals, give back the page's own characters
    found = _find_in(doc, [(number, text.translate(_AS_CAPITALS)) for number, text in lead])
    if found is None:
        return None
    span = [text for number, text in lead if found.line <= number <= found.end_line]
    joined = " ".join(span)
    at = " ".join(span).translate(_AS_CAPITALS).find(found.text)
    return Dateline(joined[at : at + len(found.text)], found.line, found.end_line) if at >= 0 else found


def _find_in(doc: Document, lead: list[tuple[int, str]]) -> Dateline | None:
    toc = False
    # after a first paragraph, "GOWOK: KAMASUTRA JAWA ..." is a title, not a dateline
    # each line's answer once: the checks below ask again and again (lead_lines asked it of its paragraphs; not of a
    # page's lines read as capitals, see _find_dateline)
    known: dict[int, bool] = dict(doc.__dict__.get("_lead_captions", {})) if lead is lead_lines(doc) else {}

    def caption(index: int) -> bool:
        number = lead[index][0]
        if number not in known:
            known[number] = _is_caption(lead[index][1])
        return known[number]

    def titles_before(index: int) -> bool:  # every line before it a headline or a caption ("Kuala Lumpur: ...")
        return all(_is_headline_line(line) or caption(before) for before, (_, line) in enumerate(lead[:index]))

    first_paragraph = next(
        (index for index, (_, text) in enumerate(lead) if _is_paragraph(text) and not caption(index)), len(lead)
    )
    second_paragraph = next(
        (index for index, (_, text) in enumerate(lead) if index > first_paragraph and _is_paragraph(text)
         and not caption(index)), -1,
    )
    # "Trump: We will ..." / "Smith: ...": speaker labels of a transcript, not "Kuala Lumpur: ..."
    labels = sum(1 for _, text in lead if _BARE_PLACE.match(text))
    for index, (number, text) in enumerate(lead):
        toc = toc or (len(text) <= _TOC_CHARS and text.casefold() in TOC)
        if text in DASHES:
            return None  # a lone dash with no place before it: the dateline was stripped
        if text[:2] in _STRIPPED:
            continue  # "- Presiden ...": a stripped dateline, or a list of related links
        if len(text) <= SHORT * 2 and _BREADCRUMB.search(text):
            continue  # "WILAYAH - SARAWAK > BERITA": the page's breadcrumb, not a dateline
        if caption(index):
            continue  # "NOOR RASHID: Penahanan ... - Foto BERNAMA": a photo caption, whatever opens it
        nxt = lead[index + 1][1] if index + 1 < len(lead) else ""
        # detik: "Jakarta" / "-" / text, and "nakhon Ratchasima" / "-": a short line, then a lone dash
        after = lead[index + 2][1] if index + 2 < len(lead) else ""
        # ... but "THANKS TO GOOD INTEL" / "-" / "had improved after ...": a torn sentence goes on, no place
        if nxt in DASHES and _is_split_place(text) and not _CONTINUATION.match(after):
            if toc and _heading_again(doc, text, lead[index + 1][0]):
                return None  # the last entry of a table of contents, the city stripped after it
            return Dateline(f"{text} {nxt}", number, lead[index + 1][0])
        own = OWN_LINE.fullmatch(text) or ("." in text and _OWN_LINE_OUTLET.fullmatch(text))  # a domain has a dot
        if (own or _PLACE_AGENCY.fullmatch(text) or _LO_PLACE_AGENCY.fullmatch(text)) and (
            (_is_paragraph(nxt) or (own and _paragraph_like(nxt)))
            and nxt[0] not in _JOIN_BEFORE and _first_word(text) not in _NOT_PLACES
        ):
            return Dateline(text, number, number)  # BAAR, SWITZERLAND / HCM City (VNA) / واشنطن (رويترز), then the text
        # a dateline broken over short lines: "JAKARTA" / ", KOMPAS.com -" / "Gubernur ..."
        window, end = text, index
        while len(window) <= SHORT * 2 and end + 1 < len(lead) and end - index < 3:
            following = lead[end + 1][1]
            if not (following[0] in _JOIN_BEFORE or window[-1] in _JOIN_AFTER):
                break
            end += 1
            window = f"{window} {following}"
        # a title-case dateline goes on to the next line only from a place (and its agency) alone on its line
        # (detik: "Jakarta" / "- Kehadiran Presiden ...", vi: "HCM City (VNA)" / "– The ..."), not from
        # "Kirim ke teman" / "- ..."
        found = match_dateline(
            window,
            colon=index <= first_paragraph,
            first_line=None if _is_split_place(text) or _PLACE_AGENCY.fullmatch(text) else len(text),
            # "Kuala Lumpur: ..." opens the body, or follows a byline or only headline-like lines (the title repeated)
            bare_colon=labels < 2 and (
                index == 0 or _BYLINE.match(lead[index - 1][1]) is not None
                or titles_before(index)
            ),
            # on the body's first line a sentence opener may follow ("New Delhi: The Delhi Police ...", not
            # "Hollywood Nation: Taylor Swift will ...", a column's label)
            bare_sentence=index == 0,
            joined_at=len(text) if end > index else None,
        )
        if found and found.endswith(":") and _is_headline_line(text) and (
            _is_paragraph(nxt)
            or any(match_dateline(later) for _, later in lead[index + 1 : first_paragraph + 1] if not _is_headline_line(later))
        ):
            continue  # "IGP: Nabbed Colombians not linked to ATM hackings" / "KUALA LUMPUR: The ...": a headline, and
            # "LAHAD DATU:Nine linked to ..." / "The New Straits Times" / "KOTA KINABALU: Police ...": the body's comes later
        if not found and index <= first_paragraph:
            glued = _GLUED_DATELINE.search(text, 0, WINDOW) or _LABELLED_DATELINE.match(text[:WINDOW])
            if glued:  # "Cover picture for the articleLAGOS (Reuters) - One year ago ...": a caption glued before it
                return Dateline(glued.group("d").strip(), number, number)
        if not found and len(text) >= SHORT and (index <= first_paragraph or index == second_paragraph):
            general = general_dateline(
                text,
                # a line before the first paragraph is read only when it reads as one cut short (a sentence)
                headline=index not in (first_paragraph, second_paragraph) and not _paragraph_like(text),
                later=index == second_paragraph,
            )
            if general:
                return Dateline(general, number, number)
        if found:
            reach, last = len(text), number
            for later in range(index + 1, end + 1):
                if reach >= len(found):
                    break
                reach += 1 + len(lead[later][1])
                last = lead[later][0]
            return Dateline(found, number, last)
    return None
