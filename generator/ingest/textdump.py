"""Plain-text page dumps: the whole page's text, one block a line, furniture included.

Each line is first described by what it *is* (its length, sentence structure,
stopword density, script and language, and whether it is a counter, a form prompt,
a copyright line, a share bar, a photo credit, a byline or a date). The article is
then the densest run of prose on the page (a maximum-scoring segment, as in body text
extraction), bounded by hard end markers such as a comment form or a "related stories"
block; short lines inside it are kept as subheadings or short paragraphs by their
context, and everything else is dropped with its reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import repeat

from generator.ingest.article import Article, Block, LineDecision
from generator.ingest.dating import Candidate, candidates_from_hit, choose_date, date_line, label_of
from generator.ingest.outlet import (
    OutletSignals,
    agency_tag,
    author_in_line,
    byline_author,
    clean_authors,
    copyright_name,
    is_byline,
    person_name,
    person_names,
    placed_byline,
    self_mentions,
    source_attribution,
    wire_credit,
)
from generator.ingest.words import (
    FURNITURE_WORDS,
    STOPWORDS,
    distinctive_words,
    language_of,
    script_of,
    stopwords_of,
    text_key,
)
from generator.ingest.words import folded as ignorecase_folded

# --- line features ----------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)(]|\([^)]*\))*\)")
_BARE_URL = re.compile(r"https?://\S+|www\.\S+\.\S+")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^(?:[-*•·▪►»>]+|\d{1,2}[.)])\s+")
# "NextImg:Qatar confirms": a scraper's token glued to the text.
_GLUED_PREFIX = re.compile(r"^[A-Za-z][a-z]+[A-Z][A-Za-z]*:(?=[A-Z\"“‘'])")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]]['\"”’»)]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTE_START = re.compile(r"^[\"“‘'«„]")
_NUMBER_START = re.compile(r"^[\d$€£%]")

_RESIDUE = re.compile(r"[\w-]+(?:[-_][\w-]+)+")
_BREADCRUMB_CHARS = re.compile(r"\s[»›>/|]\s")
_BREADCRUMB = re.compile(r"^(?:[^»›>/|\n]{1,30}\s[»›>/|]\s){2,}")
_BREADCRUMB_MARKS = "»›>/|"
_ROLE = re.compile(
    r"^(?:[A-Z][\w-]*\s+){0,3}(?:correspondent|reporter|editor|writer|journalist|contributor|"
    r"columnist|analyst)$",
    re.I,
)
_LISTING_TIME = re.compile(
    r"^(?:.{0,40}[·|•]\s*)?(?:\d+\s*(?:min(?:ute)?s?|h|hrs?|hours?|days?|weeks?|months?)\s+ago|"
    r"yesterday|just now)$",
    re.I,
)
# Guards: words one of which a line (case-folded: words.folded) must contain for the pattern
# before them to match; a line without any is not tried (most lines have none).
_LISTING_TIME_WORDS = ("ago", "yesterday", "just now")
_COUNTER = re.compile(
    r"^(?:(?:views?|reads?|comments?|shares?|likes?|visits?|hits?|votes?|reactions?|"
    r"followers?|subscribers?)\s*[:\-]?\s*[\d.,\s]*[kKmM]?|"
    r"[\d.,]+\s*[kKmM]?\s*(?:views?|reads?|comments?|shares?|likes?|visits?|reactions?|"
    r"min(?:ute)?s?(?:\s+read)?|hours?\s+ago|days?\s+ago)|"
    r"(?:reading time|read time|listen(?: to this article)?)\s*:?\s*[\d\s]*(?:min(?:ute)?s?)?)$",
    re.I,
)
_FORM = re.compile(
    r"\b(?:please (?:enter|select|fill|type|log ?in|sign ?in)|your (?:e-?mail|name|comment)|"
    r"(?:e-?mail address|name|comment) will not be published|required fields|"
    r"leave an? (?:reply|comment)|post (?:a )?comment|add (?:a )?comment|submit|"
    r"save my name|notify me|you must be logged|log ?in to|sign ?in to|sign up|"
    r"subscribe|newsletter|mailing list|enter your|reply from|cancel reply|"
    r"captcha|i agree|accept (?:all )?cookies|cookie|privacy policy|terms of (?:use|service)|"
    r"javascript|your browser|turn off (?:your )?ad ?blocker|ad ?blocker)\b",
    re.I,
)
_FORM_WORDS = (
    "please ", "your ", "will not be published", "required fields", "leave a", "comment",
    "submit", "save my name", "notify me", "you must be logged", "log", "sign", "subscribe",
    "newsletter", "mailing list", "enter your", "reply from", "cancel reply", "captcha",
    "i agree", "cookie", "privacy policy", "terms of ", "javascript", "blocker",
)  # fmt: skip
_COPYRIGHT_LINE = re.compile(
    r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b|\buse of (?:the )?materials\b|"
    r"\bhyperlink to\b|\bwithout (?:the )?(?:prior |written )*permission\b|\breproduc(?:e|tion)\b"
    r".{0,40}\b(?:prohibited|permitted|allowed|forbidden)\b|"
    r"\bmay not be (?:published|reproduced|redistributed|rewritten|broadcast)\b",
    re.I,
)
_COPYRIGHT_LINE_WORDS = (
    "©", "(c)", "copyright", "all rights reserved", "materials", "hyperlink to", "permission",
    "reproduc", "may not be ",
)  # fmt: skip
# Site promotion: its vocabulary, addressed to the reader ("your inbox", "our newsletter").
_PROMO = re.compile(
    r"\b(?:newsletters?|inbox|privacy (?:notice|policy)|sign(?:ing)? up|"
    r"subscri(?:be|ber|bers|ption)|download (?:our|the) app|reading list|save articles|cookies|"
    r"free articles|paywall|"
    r"log ?in|sign ?in|support (?:our|independent) journalism|donate)\b",
    re.I,
)
_PROMO_WORDS = (
    "newsletter", "inbox", "privacy ", "sign", "subscri", "download ", "reading list",
    "save articles", "cookies", "free articles", "paywall", "log", "support ", "donate",
)  # fmt: skip
_READER = re.compile(r"\b(?:you|your|our|we)\b", re.I)
# "Stream our news channel on the app", "Watch us live": an imperative to the reader.
_WATCH_PROMO = re.compile(
    r"^(?:stream|watch|listen(?: to)?|download|install|get|follow)\b.{0,60}\b(?:our|us)\b"
    r".{0,60}\b(?:app|channel|live|podcasts?|stream(?:ing)?)\b",
    re.I,
)
# A live blog's post header: its time and poster, run together ("09:03Jane Doe").
_LIVE_POST_META = re.compile(
    r"^(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*[|·•–—-]?\s*"
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?$"
)
# A live blog's sign-off: "That's all from our live coverage", "We're pausing this blog".
_LIVE_WORDS = re.compile(r"\blive (?:coverage|blog|updates?|page|reporting)\b|\bthis blog\b", re.I)
_LIVE_WORDS_WORDS = ("live ", "this blog")
_LIVE_CLOSE = re.compile(
    r"\b(?:that'?s (?:all|it)|that is (?:all|it)|closing|pausing|ending|"
    r"wrap(?:ping)? up|thanks? (?:you )?for (?:following|joining|reading)|"
    r"(?:we'?ll|we will) be back|signing off)\b",
    re.I,
)
# A wire story's staff credits apart from its reporter: "(Editing by Jane Doe)".
_STAFF_CREDIT = re.compile(
    r"^\(\s*(?:(?:additional\s+)?reporting|editing|edited|writing|compiled|graphics|photos?|"
    r"translated|fact-checking)\s+by\b[^()]{0,200}\)$",
    re.I,
)
_SOCIAL = re.compile(
    r"\b(?:share|shares|shared|tweet|facebook|twitter|whatsapp|telegram|linkedin|instagram|"
    r"youtube|pinterest|reddit|tiktok|vk|viber|e-?mail|print|copy link|follow us|rss|"
    r"apple store|app store|google play|play market|download (?:the |our )?app)\b",
    re.I,
)
_SOCIAL_WORDS = (
    "share", "tweet", "facebook", "twitter", "whatsapp", "telegram", "linkedin", "instagram",
    "youtube", "pinterest", "reddit", "tiktok", "vk", "viber", "mail", "print", "copy link",
    "follow us", "rss", "store", "google play", "play market", "download ",
)  # fmt: skip
_SHARE_PHRASE = re.compile(
    r"\b(?:share (?:this|it|on|via|the story|article)|follow us|share on|click to share|"
    r"liked (?:the|this) (?:story|article)|share this)\b",
    re.I,
)
_SHARE_PHRASE_WORDS = ("share", "follow us", "liked ")
_ADS = re.compile(
    r"^(?:advertisement\b.{0,40}|advertising|sponsored(?: content| by)?|sponsor(?:ed)?\b.*|"
    r"promoted|paid (?:content|post|partnership)|ad|ads|adsense.*|scroll to (?:continue|read).*|"
    r"story continues below.*|article continues (?:below|after).*)$",
    re.I,
)
_READ_MORE = re.compile(
    r"^(?:read (?:more|also|next|the full|full)|continue reading|more:|related:|see also|also read|"
    r"also see|click here|watch:|listen:|recommended:|source:|sources:|via:|more on\b|"
    r"la source|quelle:|fuente:)",
    re.I,
)
# Lines that end the article when they follow it: a comment form, a related block, tags.
_END_MARK = re.compile(
    r"^(?:leave an? (?:reply|comment)|comments?(?:\s*\(\d+\))?|\d+\s+comments?|add (?:a )?comment|"
    r"post (?:a )?comment|reply|discussion|join the (?:conversation|discussion)|"
    r"related(?: (?:articles?|stories|news|posts|content|coverage|topics))?|"
    r"more (?:stories|news|articles|from\b.*|in\b.*|on this(?: story| topic)?)|"
    r"you (?:may|might) (?:also )?like.*|"
    r"recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)|"
    r"popular(?: (?:now|stories|posts))?|trending(?: now| stories)?|latest(?: news| stories)?|"
    r"read more(?: latest)? news|top stories|editor'?s picks?|what to read next|"
    r"tags?:?.*|topics?:|filed under:?.*|about the author|share this(?: article| story)?:?|"
    r"archives?|footer|sitemap|contact us|(?:previous|next) (?:post|article|story)|"
    r"about (?:me|us|the blog)|categories|recent (?:posts|comments|articles)|posted in\b.*|"
    r"explore more on these topics|reuse this content|listen to (?:these|this) stor(?:y|ies))"
    r"[.!:]?$",
    re.I,
)
_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,80}(?:/|\bvia\b|\bphoto\b|\bcredit\b|\bimage\b|\bfile\b|\bgetty\b|"
    r"\bshutterstock\b|\bpool\b|\bhandout\b|\bcourtesy\b)[^()]{0,80})\)|"
    r"\[[^\[\]]{0,80}(?:/|getty|archive|photo|image|file)[^\[\]]{0,40}\])\s*$",
    re.I,
)
_CAPTION_START = re.compile(
    r"^(?:file(?: photo)?|photo|image|picture|pictured|illustration|video|caption|credit|"
    r"(?:photo|image|media) (?:credit|source|caption)|getty images|this (?:photo|picture|image))"
    r"\s*[:|,-]",
    re.I,
)
_CREDIT_LINE = re.compile(
    r"^(?:(?:photo|image|picture|credit|source)s?\s*(?:credit)?\s*[:|]|©\s*\w+\s*(?:/|$)|"
    r"\(?(?:getty images|reuters|afp|ap|epa|anadolu|shutterstock)(?:\s*/\s*\w+)*\)?$)",
    re.I,
)


@dataclass
class Line:
    no: int  # 1-based line number in the raw page (first line of a joined paragraph)
    nos: tuple[int, ...]
    raw: str
    text: str
    words: int
    stop: int
    furniture: int
    ends_sentence: bool
    heading_hint: bool = False
    bullet: bool = False
    links: int = 0
    label: str = ""  # good | short | boiler | meta | caption
    reason: str = ""
    end_mark: bool = False
    date: object = None
    author: str | None = None
    # A name read from a bare line ("Jane Doe" beside the date), not from a "By" or a role.
    weak_author: bool = False
    key: str = ""
    lower: list[str] | None = None

    @property
    def stop_ratio(self) -> float:
        return self.stop / self.words if self.words else 0.0


def _clean(raw: str) -> tuple[str, bool, bool, int]:
    # Each pattern runs only when its marker is there: this is done for every line.
    text = " ".join(raw.split()) if raw.isascii() else _SPACES.sub(" ", raw).strip()
    if not text:
        return text, False, False, 0
    heading = text[0] == "#" and bool(_MD_HEADING.match(text))
    if heading:
        text = _MD_HEADING.sub("", text)
    links = 0
    if "](" in text:
        links = len(_MD_LINK.findall(text)) + len(_MD_IMAGE.findall(text))
        if links:
            text = _MD_IMAGE.sub(" ", text)
            text = _MD_LINK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = text.replace("**", "").replace("__", "")
    if len(text) > 2 and text[0] == text[-1] and text[0] in "_*":
        text = text[1:-1].strip()  # a Markdown emphasis line: often a caption
    bullet = (
        bool(text)
        and not text[0].isalpha()
        and bool(_BULLET.match(text))
        and not _NUMBER_START.match(text)
    )
    if bullet:
        text = _BULLET.sub("", text)
    if ":" in text[:16]:
        text = _GLUED_PREFIX.sub("", text).strip()
    return text, heading, bullet, links


_TOKEN_MARKS = ".,:;!?\"“”'’()[]«»"  # stripped from a token's ends


def _describe(no: int, raw: str) -> Line | None:
    if not raw or raw.isspace():
        return None
    text, heading, bullet, links = _clean(raw)
    if not text:
        return None
    # Lowering the whole text first gives the same tokens: no character lowers to a space
    # or to one of the stripped marks.
    lower = list(map(str.strip, text.lower().split(), repeat(_TOKEN_MARKS)))
    return Line(
        key=_key(text),
        lower=lower,
        no=no,
        nos=(no,),
        raw=raw,
        text=text,
        words=len(lower),
        stop=sum(map(STOPWORDS.__contains__, lower)),
        furniture=sum(map(FURNITURE_WORDS.__contains__, lower)),
        ends_sentence=bool(_SENTENCE_END.search(text)),
        heading_hint=heading,
        bullet=bullet,
        links=links,
    )


def _wrap_width(raw_lines: list[str]) -> int | None:
    """The width a page was hard-wrapped at, if it was (long lines all end near one width)."""
    lengths = sorted(len(r.rstrip()) for r in raw_lines if len(r.strip()) >= 40)
    if len(lengths) < 5:
        return None
    width = lengths[int(len(lengths) * 0.95) - 1]
    if width > 120:
        return None
    near = sum(1 for n in lengths if n >= width - 15)
    return width if near >= 0.5 * len(lengths) else None


def _join_wrapped(lines: list[Line], width: int | None) -> list[Line]:
    """Rejoin paragraphs hard-wrapped over several lines.

    On a page wrapped at a width, a line that reaches the width goes on in the next
    line; anywhere, a line that continues in lowercase after a line without a full stop
    is the same sentence.
    """
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is None or line.no != prev.nos[-1] + 1 or prev.heading_hint or prev.bullet:
            out.append(line)
            continue
        last_raw = prev.raw.rsplit("\n", 1)[-1].rstrip()
        emphasis = last_raw[:1] in "_*" and last_raw[-1:] in "_*"  # a caption line
        wrapped = (
            not emphasis
            and width is not None
            and width - 20 <= len(last_raw) <= width + 2  # longer lines were not wrapped
            and not line.heading_hint
            and not line.bullet
        )
        continued = prev.words >= 6 and not prev.ends_sentence and line.text[:1].islower()
        if wrapped or continued:
            merged = _describe(prev.no, prev.text + " " + line.text)
            assert merged is not None
            merged.nos = prev.nos + (line.no,)
            merged.raw = prev.raw + "\n" + line.raw
            out[-1] = merged
        else:
            out.append(line)
    return out


# --- classification -------------------------------------------------------------

_GOOD_WORDS = 10


def _is_prose(line: Line) -> bool:
    """A sentence or more of running text."""
    if line.words >= _GOOD_WORDS and line.ends_sentence and line.stop_ratio >= 0.12:
        return True
    return line.words >= 18 and line.stop_ratio >= 0.22


def _looks_short_paragraph(line: Line) -> bool:
    """A short body paragraph: a sentence, or a quote, or a figure ("97 remain.")."""
    if line.words < 2 or not _WORD.search(line.text):
        return False
    if _QUOTE_START.match(line.text) or _NUMBER_START.match(line.text):
        return line.ends_sentence or line.words >= 4
    text = line.text.rstrip()
    if not line.ends_sentence or text.endswith(("...", "…")) or text[-1] not in '.!?"”’)':
        return False
    if line.furniture * 2 >= line.words:
        return False
    return line.stop >= 1 or text[0].isupper()


def _any_in(words: tuple[str, ...] | str, text: str) -> bool:
    """Whether ``text`` contains one of ``words``: the guard of the pattern they belong to."""
    # A loop, not any() over a generator: this runs several times on every line.
    for w in words:  # noqa: SIM110
        if w in text:
            return True
    return False


def _classify(
    line: Line,
    title_key: str | None,
    page_lang: str | None,
    page_script: str,
    repeats: Counter[str],
) -> None:
    text = line.text
    low = text.lower()
    folded = ignorecase_folded(text, low)  # for the guards: see _any_in
    short = line.words <= 8

    def set_(label: str, reason: str) -> None:
        line.label, line.reason = label, reason

    # Cheap tests (word counts, a character) guard each pattern: this runs on every line.
    if short and _any_in(_LISTING_TIME_WORDS, folded) and _LISTING_TIME.match(text):
        line.end_mark = True
        return set_("boiler", "time stamp of a listing (teasers, comments)")
    if short and text[0].isdigit() and _LIVE_POST_META.match(text):
        return set_("boiler", "live-blog post time and poster")
    if short and _COUNTER.match(text):
        # "3 comments" heads a comment section (below the byline it only counts them).
        line.end_mark = "comment" in low
        return set_("boiler", "counter")
    if (
        _any_in(_BREADCRUMB_MARKS, text)
        and _BREADCRUMB_CHARS.search(text)
        and _BREADCRUMB.match(text)
    ):
        return set_("boiler", "breadcrumb trail")
    if line.words <= 3 and not text[0].isupper() and _RESIDUE.fullmatch(text):
        return set_("boiler", "markup residue")
    hit = date_line(text)
    if hit is None and not _WORD.search(text):
        return set_("boiler", "no words (symbols or numbers only)")
    if hit is not None:
        line.date = hit
        author = byline_author(text) if is_byline(text) else author_in_line(text)
        if author:
            line.author = author
        return set_("meta", "date" + (f" and byline ({author})" if author else ""))
    if line.words <= 45 and "by" in low and (author := wire_credit(text)):
        line.author = author
        return set_("meta", f"wire credit ({author})")
    if line.words <= 16 and is_byline(text):
        author = byline_author(text)
        if author or line.words <= 6:
            line.author = author
            return set_("meta", f"byline ({author})" if author else "byline")
    if line.words <= 8 and (author := author_in_line(text)):
        line.author = author
        return set_("meta", f"byline ({author})")
    if line.words <= 6 and _END_MARK.match(text.strip(" :|-–—")):
        line.end_mark = True
        return set_("boiler", "end of article (comments, related, tags, footer)")
    if line.words <= 25 and _any_in(_COPYRIGHT_LINE_WORDS, folded) and _COPYRIGHT_LINE.search(text):
        return set_("boiler", "copyright or reuse notice")
    if line.words <= 30 and _ADS.match(text):
        return set_("boiler", "advertisement or sponsor")
    if (
        line.words <= 30
        and _any_in(_FORM_WORDS, folded)
        and _FORM.search(text)
        and not _is_prose_sentence(line)
    ):
        return set_("boiler", "form prompt or site notice")
    if line.words <= 40 and text[0] == "(" and _STAFF_CREDIT.match(text):
        return set_("meta", "wire staff credit")
    if (
        line.words <= 30
        and _any_in(_LIVE_WORDS_WORDS, folded)
        and _LIVE_WORDS.search(text)
        and _LIVE_CLOSE.search(text)
        and _READER.search(_unquoted(text))
    ):
        line.end_mark = True
        return set_("boiler", "live blog's sign-off")
    if line.words <= 30 and _WATCH_PROMO.match(text):
        return set_("boiler", "site promotion addressed to the reader")
    if (
        line.words <= 45
        and _any_in(_PROMO_WORDS, folded)
        and _PROMO.search(text)
        and _READER.search(_unquoted(text))
    ):
        return set_("boiler", "site promotion addressed to the reader")
    sentence = line.words >= 4 and line.ends_sentence and line.stop >= 1
    if (short and not sentence and _any_in(_SOCIAL_WORDS, folded) and _SOCIAL.search(text)) or (
        line.words <= 14 and _any_in(_SHARE_PHRASE_WORDS, folded) and _SHARE_PHRASE.search(text)
    ):
        return set_("boiler", "share and social links")
    if line.words <= 30 and _READ_MORE.match(text):
        return set_("boiler", "read-more link")
    if line.links and line.words <= 12 and line.links * 3 >= line.words:
        return set_("boiler", "links")
    if line.words <= 2 and _BARE_URL.fullmatch(text.strip("<>() ")):
        return set_("boiler", "bare URL")
    if (text[-1] in ")]" and _CREDIT.search(text)) or _CAPTION_START.match(text):
        return set_("caption", "photo caption")
    if line.words <= 6 and _CREDIT_LINE.match(text):
        return set_("caption", "photo credit")
    if title_key and line.key == title_key:
        return set_("boiler", "repeats the title")
    script = script_of(text)
    if script and script != page_script:
        return set_("boiler", f"not in the article's script ({script})")
    if page_lang and line.words >= 4:
        lang = language_of(low, line.lower)
        if lang and lang != page_lang and _outweighs(lang, page_lang, line.lower or low.split()):
            return set_("boiler", f"not in the article's language ({lang})")
    if short and line.furniture * 2 >= line.words and not line.ends_sentence:
        return set_("boiler", "site furniture (navigation words)")
    if short and repeats[line.key] > 1:
        return set_("boiler", "repeated site furniture")
    if _is_prose(line):
        return set_("good", "prose")
    return set_("short", "short line")


def _outweighs(lang: str, page_lang: str, tokens: list[str]) -> bool:
    """Whether a line's words of ``lang`` outnumber its stopwords of the page's language.

    Stoplists share ordinary words ("port" and "walk" are on jusText's Polish list), so
    a short English headline can look Polish; its English stopwords ("out", "as") say not.
    """
    table = distinctive_words()
    ours = stopwords_of(page_lang)
    theirs = sum(1 for w in tokens if table.get(w) == lang)
    return theirs > sum(1 for w in tokens if w in ours)


def paragraph_furniture(text: str) -> str | None:
    """Why a paragraph that an HTML extractor kept is furniture after all, or None."""
    line = _describe(0, text)
    if line is None:
        return "empty"
    _classify(line, None, None, script_of(text) or "latin", Counter())
    if line.label in ("boiler", "caption", "meta"):
        return line.reason
    return None


def paragraph_author(text: str) -> str | None:
    """The author a byline paragraph names ("By Jane Doe", "Jane Doe | 4 May 2024"), or None."""
    line = _describe(0, text)
    if line is None or line.words > 45:
        return None
    _classify(line, None, None, script_of(text) or "latin", Counter())
    if line.label != "meta":
        return None
    if line.author is None and line.date is not None:
        return _name_beside_date(line.text, line.date)
    return line.author


_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _is_prose_sentence(line: Line) -> bool:
    return line.words >= 12 and line.ends_sentence and line.stop_ratio >= 0.3


_key = text_key


# --- the article region --------------------------------------------------------------


def _weight(line: Line) -> float:
    if line.label == "good":
        return float(min(line.words, 80))
    if line.end_mark:
        return -60.0
    if line.label == "boiler":
        # Furniture inside an article (ads, share bars, newsletter boxes) is common: a flat
        # cost, so a box does not cut an article in two; end markers above weigh the most.
        return -4.0
    if line.label == "meta":
        return -4.0 if line.date is not None else -2.0
    if line.label == "caption":
        return -1.0
    # short: a short paragraph counts (a news brief is made of them), a subheading costs
    # little, a teaser headline or a menu item more
    if _looks_short_paragraph(line):
        return 0.8 * line.words
    return -(1.0 + line.words / 4)


def _best_region(lines: list[Line], start: int) -> tuple[int, int] | None:
    """The maximum-weight run of lines from ``start`` on (inclusive bounds), or None."""
    best, best_span = 0.0, None
    run, run_start = 0.0, start
    for i in range(start, len(lines)):
        w = _weight(lines[i])
        if run <= 0:
            run, run_start = 0.0, i
        run += w
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


def _title_score(line: Line, distance: int, repeats: Counter[str]) -> float:
    if line.label in ("meta", "caption") or line.words < 3 or line.words > 30:
        return -1.0
    if line.label == "boiler" and line.reason not in ("repeated site furniture",):
        return -1.0
    score = 0.0
    score += 3.0 if 5 <= line.words <= 25 else 1.0
    if repeats[line.key] > 1:
        score += 1.5
    if line.heading_hint:
        score += 2.0
    if line.text.endswith(".") and line.words > 6:
        score -= 2.0
    if line.bullet:
        score -= 2.5
    if line.words <= 12 and person_names(line.text):
        score -= 2.5  # "Jane Doe and John Smith": a byline, not a headline
    if line.furniture * 2 >= line.words:
        score -= 3.0
    score -= 0.15 * distance
    return score


# --- the reader --------------------------------------------------------------------


def read_text_dump(text: str, filename: str) -> Article:
    raw_lines = text.split("\n")
    lines = [ln for no, raw in enumerate(raw_lines, 1) if (ln := _describe(no, raw))]
    lines = _join_wrapped(lines, _wrap_width(raw_lines))
    if not lines:
        return Article(title=filename, blocks=[], source=filename)

    repeats = Counter(ln.key for ln in lines)
    prose = [ln for ln in lines if _is_prose(ln)]
    page_script = Counter(s for ln in prose if (s := script_of(ln.text))).most_common(1)
    page_script_name = page_script[0][0] if page_script else "latin"
    page_script_name = script_of(" ".join(ln.text for ln in prose[:20])) or page_script_name
    page_lang = language_of(" ".join(ln.text.lower() for ln in prose[:30]))

    for ln in lines:
        _classify(ln, None, page_lang, page_script_name, repeats)

    region = _best_region(lines, 0)
    decisions: dict[int, tuple[str, str]] = {}
    blocks: list[Block] = []
    captions: list[str] = []
    summary: str | None = None
    title = None
    authors: list[tuple[str, bool]] = []  # (name, read from a bare line), in page order
    outlet = OutletSignals()
    candidates: list[Candidate] = []

    if region is None:
        start, end = len(lines), len(lines) - 1
    else:
        start, end = region

    # The title: the best headline-like line above the article (close to it).
    title_idx = None
    best_score = 0.5
    for i in range(start - 1, -1, -1):
        score = _title_score(lines[i], start - 1 - i, repeats)
        if score > best_score:
            best_score, title_idx = score, i
    if title_idx is not None:
        title = lines[title_idx].text
        title_key = _key(title)
        for ln in lines:
            if ln is not lines[title_idx] and ln.key == title_key:
                ln.label, ln.reason = "boiler", "repeats the title"
        # Between the title and the region: headings go into the body, prose is the standfirst.
        lead: list[int] = []
        for i in range(title_idx + 1, start):
            if lines[i].label in ("short", "good"):
                lead.append(i)
        # The region may have swallowed a standfirst above a byline/date line.
        first_meta = next(
            (i for i in range(start, min(end + 1, start + 4)) if lines[i].label == "meta"), None
        )
        if first_meta is not None and all(
            lines[i].label in ("good", "short") for i in range(start, first_meta)
        ):
            lead.extend(range(start, first_meta))
            start = first_meta
        for i in list(lead):
            ln = lines[i]
            beside_date = any(
                0 <= k < len(lines) and lines[k].date is not None for k in (i - 1, i + 1)
            )
            name = placed_byline(ln.text) or (beside_date and person_names(ln.text))
            if ln.label == "short" and name:
                ln.label, ln.reason, ln.author = "meta", f"byline ({name})", name
                ln.weak_author = True
                lead.remove(i)
        # A bare name right above the title ("Jane Doe" / headline / date).
        for i in (title_idx - 1, title_idx - 2):
            ln = lines[i] if i >= 0 else None
            if ln is None or ln.label != "short":
                continue
            if i == title_idx - 2 and lines[i + 1].date is None:
                break
            if name := person_names(ln.text):
                ln.label, ln.reason, ln.author = "meta", f"byline ({name})", name
                ln.weak_author = True
                break
        for i in lead:
            ln = lines[i]
            if (
                ln.label == "good"
                or (ln.words >= 8 and _looks_short_paragraph(ln))
                or (ln.bullet and ln.words >= 8)
            ):
                if summary is None:
                    summary = ln.text
                    decisions[i] = ("metadata", "standfirst (summary)")
                else:
                    summary += " " + ln.text
                    decisions[i] = ("metadata", "standfirst (summary)")
            elif ln.words >= 2 and (
                i == start - 1 or (i + 1 < len(lines) and lines[i + 1].label == "good")
            ):
                decisions[i] = ("heading", "subheading")
        decisions[title_idx] = ("metadata", "title")
        # A subheading right above the first paragraph belongs to the body.
        heads = [i for i, d in decisions.items() if d[0] == "heading"]
        if heads:
            start = min(start, min(heads))

    # The last paragraph stays even when it is short.
    if region is not None:
        nxt = end + 1
        while (
            nxt < len(lines) and lines[nxt].label == "short" and _looks_short_paragraph(lines[nxt])
        ):
            if nxt + 1 < len(lines) and lines[nxt + 1].label == "good":
                break
            end = nxt
            nxt += 1
            break

    # A byline in two lines: a name, then its role ("Europe correspondent").
    for i in range(len(lines) - 1):
        ln, role = lines[i], lines[i + 1]
        if (
            ln.label == "short"
            and role.words <= 4
            and _ROLE.match(role.text)
            and (name := person_name(ln.text))
        ):
            ln.label, ln.reason, ln.author = "meta", f"byline ({name})", name
            ln.weak_author = False
            role.label, role.reason = "meta", "the author's role"
            if i == start:
                start = i + 2
    # An author's biography ("Jane Doe is a reporter covering ...") ends the article.
    byline_name = next((ln.author for ln in lines if ln.label == "meta" and ln.author), None)
    if byline_name and region is not None:
        for i in range(start + 1, end + 1):
            if lines[i].label == "good" and _is_bio(lines[i].text, byline_name):
                lines[i].label, lines[i].reason = "boiler", "the author's biography"
                end = i - 1
                break
    # Walk the page: body inside [start, end], furniture and metadata everywhere.
    past_end_mark = False  # below the article and past a "Related" or comments block
    for i, ln in enumerate(lines):
        if region is not None and i > end and ln.end_mark:
            past_end_mark = True
        if i in decisions and decisions[i][0] == "metadata":
            continue
        inside = region is not None and start <= i <= end
        label = ln.label
        if label == "meta":
            if ln.date is not None:
                kind = _date_kind(ln, i, title_idx, start, end)
                candidates.extend(candidates_from_hit(ln.date, kind, ln.no, ln.text))
                if kind in ("byline", "published") and ln.author is None:
                    ln.author = _name_beside_date(ln.text, ln.date)
                    ln.weak_author = ln.author is not None
            # Past a "Related" block, bylines are the teasers' own: only a wire credit or an
            # author box (a name and its role) there names this article's writer.
            late_ok = ln.reason.startswith("wire credit") or (
                i + 1 < len(lines) and lines[i + 1].reason == "the author's role"
            )
            if (
                ln.author
                and (title_idx is None or i > title_idx - 3)
                and (not past_end_mark or late_ok)
            ):
                authors.append((ln.author, ln.weak_author))
            decisions[i] = ("metadata", ln.reason)
            continue
        if label == "caption":
            if inside or (title_idx is not None and title_idx < i < start):
                captions.append(ln.text)
                decisions[i] = ("metadata", "photo caption")
            else:
                decisions[i] = ("dropped", "photo caption outside the article")
            continue
        if label == "boiler":
            _furniture_signals(ln, outlet)
            decisions[i] = ("dropped", ln.reason)
            continue
        if not inside:
            if label == "short" and ln.words <= 6:
                outlet.add_furniture(ln.text)
            reason = "outside the article" if label == "good" else "short line outside the article"
            if i in decisions:  # a heading above the body
                blocks.append(Block("heading", ln.text))
                continue
            decisions[i] = ("dropped", reason)
            continue
        if label == "good" and _in_form_box(lines, i):
            decisions[i] = ("dropped", "inside a sign-up or promotion box")
        elif label == "good":
            blocks.append(Block("paragraph", ln.text))
            decisions[i] = ("kept", "paragraph")
        elif _looks_short_paragraph(ln):
            blocks.append(Block("paragraph", ln.text))
            decisions[i] = ("kept", "short paragraph")
        elif _is_heading(lines, i, end):
            blocks.append(Block("heading", ln.text))
            decisions[i] = ("kept", "subheading")
        else:
            decisions[i] = ("dropped", "short line without sentence structure")

    body = "\n".join(b.text for b in blocks)
    for ln in lines:
        if ln.label == "meta":
            continue
        name = copyright_name(ln.text) if ln.label == "boiler" else None
        if name:
            outlet.add(name, 3, strong=True)
    first_para = next((b.text for b in blocks if b.kind == "paragraph"), "")
    tag = agency_tag(first_para)
    if tag:
        outlet.add(tag, 3, strong=True)
    for name in self_mentions(body):
        outlet.add(name, 1, form_weight=3)
    for ln in lines:
        if ln.label == "boiler" and (name := source_attribution(ln.text)):
            outlet.add(name, 5, strong=True)

    verdict = choose_date(candidates, body)
    outlet_name = outlet.best()
    author = _choose_author(authors, outlet_name, (title or "") + "\n" + body)
    line_decisions = []
    for i, ln in enumerate(lines):
        verdict_, reason = decisions.get(i, ("dropped", ln.reason or "unclassified"))
        if verdict_ == "heading":
            verdict_, reason = "kept", "subheading"
        for no in ln.nos:
            line_decisions.append(LineDecision(no, raw_lines[no - 1].strip(), verdict_, reason))
    return Article(
        title=title or _fallback_title(blocks, filename),
        blocks=blocks,
        published=verdict.published,
        date_confidence=verdict.confidence,
        date_evidence=verdict.evidence,
        outlet=outlet_name,
        author=author,
        summary=summary,
        captions=captions,
        source=filename,
        lines=line_decisions,
    )


def _choose_author(authors: list[tuple[str, bool]], outlet: str | None, text: str) -> str | None:
    """The first credible author on the page: no outlet, desk or place; a bare name not in the text.

    A name read from a bare line is weak evidence: a kicker naming the article's subject
    ("Donald Trump") or a dateline's place ("Buenos Aires") looks the same. Such a name is
    dropped when the title or body mentions it, as it would an article's subject or place; a
    writer's name rarely appears in their own article.
    """
    low = text.lower()
    for name, weak in authors:
        name = clean_authors(name, outlet)
        if not name:
            continue
        if weak and any(
            re.search(rf"\b{re.escape(part.lower())}\b", low)
            for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", name)
            if part
        ):
            continue
        return name
    return None


_BIO_VERB = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:is|was|has|covers|writes|reports|joined|previously|leads)\b", re.I
)


def _is_bio(text: str, author: str) -> bool:
    """Whether a paragraph is about the article's author: "Jane Doe is a reporter who ..."."""
    surname = author.split()[-1]
    for name in (author, surname):
        if text.startswith(name + " ") or text.startswith(name + ","):
            return bool(_BIO_VERB.match(text[len(name) :]))
    return False


_DATE_LINE_SEPARATORS = " \t|,·•-–—/:"


def _name_beside_date(text: str, hit) -> str | None:
    """The person on a date line: "Amira Saleh - 02/08/2024" -> "Amira Saleh"."""
    rest = (text[: hit.start] + " " + text[hit.end :]).strip(_DATE_LINE_SEPARATORS)
    rest = re.sub(r"\b(?:by|posted|published|updated|on|at)\b", " ", rest, flags=re.I)
    return person_names(" ".join(rest.split()).strip(_DATE_LINE_SEPARATORS))


def _in_form_box(lines: list[Line], i: int) -> bool:
    """A sentence between two form prompts ("Sign up ..." / "Enter your email") is their blurb."""
    if lines[i].words > 30:
        return False
    prev = lines[i - 1] if i > 0 else None
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return all(n is not None and n.reason == "form prompt or site notice" for n in (prev, nxt))


def _is_heading(lines: list[Line], i: int, end: int) -> bool:
    """A short line inside the article stands as a subheading when prose follows it."""
    ln = lines[i]
    if ln.words > 14 or ln.ends_sentence and ln.text[-1] in ".;,":
        return False
    if sum(1 for w in ln.lower or () if w[:1].isdigit()) * 2 >= ln.words:
        return False  # "14 mars 2024", "Round 2 - 3": figures, not a heading
    j = i + 1
    while j <= end and lines[j].label in ("caption", "boiler") and not lines[j].end_mark:
        j += 1
    return j <= end and lines[j].label == "good"


def _date_kind(ln: Line, i: int, title_idx: int | None, start: int, end: int) -> str:
    label = label_of(ln.text)
    if label == "updated":
        return "updated"
    if label == "published":
        return "published"
    if title_idx is not None and i < title_idx:
        return "header"
    if i > end:
        return "footer"
    if title_idx is not None and i > title_idx:
        return "byline"
    return "header" if i < start else "byline"


def _furniture_signals(ln: Line, outlet: OutletSignals) -> None:
    if ln.words <= 6:
        outlet.add_furniture(ln.text)


def _fallback_title(blocks: list[Block], filename: str) -> str:
    for b in blocks:
        if b.kind == "heading":
            return b.text
    if blocks:
        words = blocks[0].text.split()
        return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return filename
