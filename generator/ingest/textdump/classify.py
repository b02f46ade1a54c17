"""Each line's label (good prose, short line, furniture, metadata, caption) and its reason."""

from __future__ import annotations

import re
from collections import Counter

import generator.ingest.textdump.patterns as pat
from generator.ingest.outlet import (
    author_in_line,
    byline_author,
    is_byline,
    person_names,
    wire_credit,
)
from generator.ingest.pubdate import date_line
from generator.ingest.textdump.lines import (
    BARE_URL,
    NUMBER_START,
    QUOTE_START,
    WORD,
    Line,
    describe,
)
from generator.ingest.words import (
    FURNITURE_WORDS,
    STOPLIST_SCRIPTS,
    STOPWORDS,
    distinctive_words,
    language_of,
    script_of,
    stopwords_of,
)
from generator.ingest.words import folded as ignorecase_folded

_GOOD_WORDS = 10
# A line in a script written without spaces, of at least this many words (two characters
# to a word), with a clause break inside it (a space or a comma between two characters of
# that script), is prose without a sentence mark at its end (pixnet on the readability
# set's half A: lines of 25 to 40 characters, none ending with 。).
_CLAUSED_WORDS = 12
_CJK_CLAUSE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff][\s，、；：,]+[\u3040-\u30ff\u4e00-\u9fff]")
# A line of at most this many words with most longer words capitalised is a headline
# (three in four: German sentences, nouns capitalised, reach about one in two).
_HEADLINE_WORDS = 25
_TITLE_CASE_SHARE = 0.75
# A line longer than this is a sentence or more: keyword rules written for short page
# lines (promotions, form prompts, share bars) need more than a keyword to call it furniture.
_NOTICE_WORDS = 12
# A line of at least this many items, each of at most so many words (and characters, for
# scripts without spaces), separated by "|" or "·", is a bar of links.
_BAR_ITEMS = 4
_BAR_ITEM_WORDS = 3
_BAR_ITEM_CHARS = 24
# A cookie or consent notice runs to this many words (one long paragraph at most; the
# longest seen on the readability set has 93).
_CONSENT_WORDS = 120
# No rule but a caption's opening ("Photo: ...") calls a line of more words furniture.
_LONGEST_NOTICE = 45
# Longest caption with a trailing credit, and longest breadcrumb trail, in words.
_CAPTION_WORDS = 45
# A photo credit alone on its line ("Foto: Jana Beck / dpa") has at most this many words.
_CREDIT_WORDS = 8
_BREADCRUMB_WORDS = 20


def _no_stoplist(line: Line) -> bool:
    """Whether the line is in a script none of whose languages has a stopword list here."""
    return not line.text.isascii() and script_of(line.text) not in STOPLIST_SCRIPTS


def _spaceless(line: Line) -> bool:
    """Whether the line is mostly in a script written without spaces (Chinese, Japanese)."""
    return line.cjk * 2 > len(line.text)


def is_prose(line: Line) -> bool:
    """A sentence or more of running text."""
    if _spaceless(line):
        # No stopwords to count: a sentence mark, or length alone, makes prose; so does a
        # clause break inside a line of some length (bloggers in Chinese often end their
        # lines without a mark, pausing with a space or a comma within them).
        return line.words >= _GOOD_WORDS and (
            line.ends_sentence
            or line.words >= 2 * _GOOD_WORDS
            or (
                line.words >= _CLAUSED_WORDS
                and not line.text.rstrip()[-1:].isdigit()  # a teaser's source and time
                and bool(_CJK_CLAUSE.search(line.text))
            )
        )
    if line.stop == 0 and _no_stoplist(line):
        return line.words >= _GOOD_WORDS and (line.ends_sentence or line.words >= 2 * _GOOD_WORDS)
    if line.words <= _HEADLINE_WORDS and title_cased(line.text):
        return False  # "Star Explains Why Fans Love Her New Song!": a headline, not prose
    if line.words >= _GOOD_WORDS and line.ends_sentence and line.stop_ratio >= 0.12:
        return True
    return line.words >= 18 and line.stop_ratio >= 0.22


_CAPITALISED = re.compile(r"(?<![\w'’-])([^\W\d_])[\w'’-]{3,}")


def title_cased(text: str) -> bool:
    """Most words of four letters or more, the first aside, start with a capital letter.

    Headlines are written so in English ("Man Bites Dog In Town Square"); sentences are
    not, German ones included (their nouns only: about a third of their longer words).
    """
    initials = [m.group(1) for m in _CAPITALISED.finditer(text)][1:]
    if len(initials) < 4:
        return False
    return sum(1 for c in initials if c.isupper()) >= _TITLE_CASE_SHARE * len(initials)


def looks_short_paragraph(line: Line) -> bool:
    """A short body paragraph: a sentence, or a quote, or a figure ("97 remain.")."""
    if line.words < 2 or not WORD.search(line.text):
        return False
    if QUOTE_START.match(line.text) or NUMBER_START.match(line.text):
        return line.ends_sentence or line.words >= 4
    text = line.text.rstrip()
    if not line.ends_sentence or text.endswith(("...", "…")) or text[-1] not in '.!?"”’)':
        return False
    if line.furniture * 2 >= line.words:
        return False
    return line.stop >= 1 or text[0].isupper() or _spaceless(line) or _no_stoplist(line)


def _any_in(words: tuple[str, ...] | str, text: str) -> bool:
    """Whether ``text`` contains one of ``words``: the guard of the pattern they belong to."""
    # A loop, not any() over a generator: this runs several times on every line.
    for w in words:  # noqa: SIM110
        if w in text:
            return True
    return False


def classify(
    line: Line,
    title_key: str | None,
    page_lang: str | None,
    page_script: str,
    repeats: Counter[str],
    kept: bool = False,
) -> None:
    """Label ``line`` by what it is; the first rule that matches decides.

    ``kept``: an extractor kept this text as body; a long sentence is then not called
    furniture for a keyword it contains (a sentence *about* an app or a newsletter).
    """
    text = line.text
    low = text.lower()
    folded = ignorecase_folded(text, low)  # for the guards: see _any_in
    found = _marker_or_meta(line, text, low, folded) or _notice(line, text, folded, kept)
    if found is None:
        found = _by_page(line, low, title_key, page_lang, page_script, repeats)
    line.label, line.reason = found


def _marker_or_meta(line: Line, text: str, low: str, folded: str) -> tuple[str, str] | None:
    """Time stamps, counters, breadcrumbs, date and byline lines, end markers."""
    short = line.words <= 8
    # Cheap tests (word counts, a character) guard each pattern: this runs on every line.
    if short and _any_in(pat.LISTING_TIME_WORDS, folded) and pat.LISTING_TIME.match(text):
        line.end_mark = True
        return ("boiler", "time stamp of a listing (teasers, comments)")
    if short and text[0].isdigit() and pat.LIVE_POST_META.match(text):
        return ("boiler", "live-blog post time and poster")
    if short and text[0].isdigit() and pat.FOREIGN_COMMENT_COUNTER.match(text):
        return ("boiler", "counter")
    if short and pat.COUNTER.match(text):
        # "3 comments" heads a comment section (below the byline it only counts them).
        line.end_mark = "comment" in low
        return ("boiler", "counter")
    if (
        line.words <= _BREADCRUMB_WORDS
        and _any_in(pat.BREADCRUMB_MARKS, text)
        and pat.BREADCRUMB_CHARS.search(text)
        and pat.BREADCRUMB.match(text)
    ):
        return ("boiler", "breadcrumb trail")
    if ("|" in text or "·" in text) and _link_bar(text):
        return ("boiler", "a bar of links (navigation or tags)")
    if line.words <= 3 and not text[0].isupper() and pat.RESIDUE.fullmatch(text):
        return ("boiler", "markup residue")
    if text[0].isdigit() or text[:1] in "PpIiSsBbFf":
        counter = pat.GALLERY_COUNTER.match(text)
        if (
            counter
            and int(counter["n"] or counter["n2"]) <= int(counter["of"] or counter["of2"])
            and not (counter["n"] and pat.FRACTION_NEXT.match(text, counter.end()))
        ):
            line.gallery = True
            return ("caption", "a gallery's counter and caption")
    if line.words <= 25 and "(@" in text and pat.SOCIAL_SIGNATURE.match(text):
        return ("boiler", "an embedded social post's signature")
    hit = date_line(text)
    if hit is None and not WORD.search(text):
        return ("boiler", "no words (symbols or numbers only)")
    if hit is not None:
        line.date = hit
        author = byline_author(text) if is_byline(text) else author_in_line(text)
        if author:
            line.author = author
        return ("meta", "date" + (f" and byline ({author})" if author else ""))
    if line.words <= 45 and "by" in low and (author := wire_credit(text)):
        line.author = author
        return ("meta", f"wire credit ({author})")
    if line.words <= 16 and is_byline(text):
        author = byline_author(text)
        if author or line.words <= 6:
            line.author = author
            return ("meta", f"byline ({author})" if author else "byline")
    if line.words <= 8 and (author := author_in_line(text)):
        line.author = author
        return ("meta", f"byline ({author})")
    if line.words <= 6 and pat.FOREIGN_BYLINE.match(text):
        return ("meta", "byline")
    if line.words <= 6 and _end_mark(text.strip(" :|-–—")):
        line.end_mark = True
        return ("boiler", "end of article (comments, tags, footer)")
    if line.words <= 6 and pat.RELATED_MARK.match(text.strip(" :|-–—")):
        line.end_mark = line.soft_end = True
        return ("boiler", "a box of other stories")
    if (
        line.words <= 8
        and _any_in(pat.COMMENT_COUNT_WORDS, folded)
        and (pat.COMMENT_COUNT.search(text) or pat.COMMENT_SAYS.match(text))
    ):
        line.end_mark = True
        return ("boiler", "a comment section's header")
    return None


def _link_bar(text: str) -> bool:
    """ "Home | News | Sport | Weather": four items or more, none longer than a few words."""
    items = [t for t in re.split(r"\s*[|·]\s*", text) if t.strip()]
    return len(items) >= _BAR_ITEMS and all(
        len(t.split()) <= _BAR_ITEM_WORDS and len(t) <= _BAR_ITEM_CHARS for t in items
    )


def _end_mark(text: str) -> bool:
    return bool(pat.END_MARK.match(text) or pat.FOREIGN_END_MARK.match(text))


def _notice(line: Line, text: str, folded: str, kept: bool) -> tuple[str, str] | None:
    """Copyright, ads, forms, promotions, share bars, read-more links, captions and credits."""
    if (
        line.words <= 25
        and _any_in(pat.COPYRIGHT_LINE_WORDS, folded)
        and pat.COPYRIGHT_LINE.search(text)
    ):
        return ("boiler", "copyright or reuse notice")
    if line.words <= 40 and text[0] == "(" and pat.STAFF_CREDIT.match(text):
        return ("meta", "wire staff credit")
    if line.words <= 30 and pat.CONTRIBUTOR_NOTE.match(text):
        return ("meta", "a note on the story's contributors or its author's address")
    if line.words <= 60 and pat.REPRINT_NOTICE.match(text):
        return ("boiler", "a reprint or affiliate notice")
    if (
        line.words <= 30
        and _any_in(pat.LIVE_WORDS_WORDS, folded)
        and pat.LIVE_WORDS.search(text)
        and pat.LIVE_CLOSE.search(text)
        and pat.READER.search(unquoted(text))
    ):
        line.end_mark = True
        return ("boiler", "live blog's sign-off")
    if (
        line.words <= _CONSENT_WORDS
        and _any_in(pat.CONSENT_WORDS, folded)
        and pat.CONSENT.search(text)
    ):
        return ("boiler", "cookie or consent notice")
    if line.words <= 30 and pat.RELATED_LINK.match(text):
        return ("boiler", "a link to another story")
    if (
        line.words <= 45
        and ("newsletter" in folded or "inbox" in folded)
        and pat.NEWSLETTER_CALL.search(text)
        and (pat.READER.search(unquoted(text)) or _addressed_to_reader(text))
    ):
        return ("boiler", "site promotion addressed to the reader")
    if not kept or line.words <= _NOTICE_WORDS or _addressed_to_reader(text):
        found = _keyword_notice(line, text, folded)
        if found is not None:
            return found
    if (text[-1] in ")]" and line.words <= _CAPTION_WORDS and pat.CREDIT.search(text)) or (
        pat.CAPTION_START.match(text)
    ):
        return ("caption", "photo caption")
    if line.words <= _CREDIT_WORDS and pat.CREDIT_LINE.match(text):
        return ("caption", "photo credit")
    if line.words <= _CAPTION_WORDS and ":" in text and pat.CREDIT_SUFFIX.search(text):
        return ("caption", "photo caption")
    if line.words <= _CAPTION_WORDS and not line.ends_sentence and pat.CREDIT_TAIL.search(text):
        return ("caption", "photo caption (its credit at its end)")
    return None


def _keyword_notice(line: Line, text: str, folded: str) -> tuple[str, str] | None:
    """The rules that go by a line's words: ads, forms, promotions, share bars, links."""
    short = line.words <= 8
    if line.words <= 30 and pat.ADS.match(text):
        return ("boiler", "advertisement or sponsor")
    if (
        line.words <= 30
        and _any_in(pat.FORM_WORDS, folded)
        and pat.FORM.search(text)
        and not _is_prose_sentence(line)
    ):
        return ("boiler", "form prompt or site notice")
    if line.words <= 30 and pat.WATCH_PROMO.match(text):
        return ("boiler", "site promotion addressed to the reader")
    if (
        line.words <= 45
        and _any_in(pat.PROMO_WORDS, folded)
        and pat.PROMO.search(text)
        and pat.READER.search(unquoted(text))
    ):
        return ("boiler", "site promotion addressed to the reader")
    sentence = line.words >= 4 and line.ends_sentence and line.stop >= 1
    if (
        short
        and not sentence
        and _any_in(pat.SOCIAL_WORDS, folded)
        and pat.SOCIAL.search(text)
        and _few_other_words(line, pat.SOCIAL)
    ) or (
        line.words <= 14
        and _any_in(pat.SHARE_PHRASE_WORDS, folded)
        and pat.SHARE_PHRASE.search(text)
    ):
        return ("boiler", "share and social links")
    if line.words <= 30 and pat.READ_MORE.match(text):
        return ("boiler", "read-more link")
    if line.links and line.words <= 12 and line.links * 3 >= line.words:
        return ("boiler", "links")
    if line.words <= 2 and BARE_URL.fullmatch(text.strip("<>() ")):
        return ("boiler", "bare URL")
    return None


def _few_other_words(line: Line, vocabulary: re.Pattern[str]) -> bool:
    """Whether every word of the line is a stopword, a menu word or of the ``vocabulary``
    (one other in a line that opens with a call to the reader, "Join us on Telegram"):
    "Share on Facebook" is a share bar, "Why the council left Facebook" a heading."""
    allowed = 1 if _addressed_to_reader(line.text) else 0
    for word in line.lower or ():
        if (
            word
            and word not in STOPWORDS
            and word not in FURNITURE_WORDS
            and not vocabulary.fullmatch(word)
        ):
            allowed -= 1
            if allowed < 0:
                return False
    return True


def _addressed_to_reader(text: str) -> bool:
    """A call to the reader: a line that opens with an imperative ("Sign up for ...")."""
    first = text.split(maxsplit=1)[0].strip("\"“‘'(").lower()
    return first in pat.IMPERATIVES


def _by_page(
    line: Line,
    low: str,
    title_key: str | None,
    page_lang: str | None,
    page_script: str,
    repeats: Counter[str],
) -> tuple[str, str]:
    """What the page says of a line: its script, language, repeats; else prose or not."""
    text = line.text
    short = line.words <= 8
    if title_key and line.key == title_key:
        return ("boiler", "repeats the title")
    script = script_of(text)
    if script and script != page_script:
        return ("boiler", f"not in the article's script ({script})")
    if page_lang and line.words >= 4:
        lang = language_of(low, line.lower)
        if lang and lang != page_lang and _outweighs(lang, page_lang, line.lower or low.split()):
            return ("boiler", f"not in the article's language ({lang})")
    if short and line.furniture * 2 >= line.words and not line.ends_sentence:
        return ("boiler", "site furniture (navigation words)")
    if short and repeats[line.key] > 1:
        return ("boiler", "repeated site furniture")
    if is_prose(line):
        return ("good", "prose")
    return ("short", "short line")


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
    if (
        text.count(" ") >= _LONGEST_NOTICE
        and not pat.CAPTION_START.match(text)
        and not pat.GALLERY_COUNTER.match(text)
        and "ookie" not in text  # a cookie notice may be long
    ):
        return None  # every other rule is for lines of at most that many words
    line = describe(0, text)
    if line is None:
        return "empty"
    classify(line, None, None, script_of(text) or "latin", Counter(), kept=True)
    if line.label in ("boiler", "caption", "meta"):
        return line.reason
    return None


def paragraph_author(text: str) -> str | None:
    """The author a byline paragraph names ("By Jane Doe", "Jane Doe | 4 May 2024"), or None."""
    line = describe(0, text)
    if line is None or line.words > 45:
        return None
    classify(line, None, None, script_of(text) or "latin", Counter())
    if line.label != "meta":
        return None
    if line.author is None and line.date is not None:
        return name_beside_date(line.text, line.date)
    return line.author


_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _is_prose_sentence(line: Line) -> bool:
    if _spaceless(line):
        return line.words >= 12 and line.ends_sentence
    return line.words >= 12 and line.ends_sentence and line.stop_ratio >= 0.3


_DATE_LINE_SEPARATORS = " \t|,·•-–—/:"


def name_beside_date(text: str, hit) -> str | None:
    """The person on a date line: "Amira Saleh - 02/08/2024" -> "Amira Saleh"."""
    rest = (text[: hit.start] + " " + text[hit.end :]).strip(_DATE_LINE_SEPARATORS)
    rest = re.sub(r"\b(?:by|posted|published|updated|on|at)\b", " ", rest, flags=re.I)
    return person_names(" ".join(rest.split()).strip(_DATE_LINE_SEPARATORS))
