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
from dataclasses import dataclass, field

import generator.ingest.textdump.patterns as pat
from generator.ingest.article import (
    Article,
    Block,
    LineDecision,
    drop_second_rendering,
    fallback_title,
)
from generator.ingest.outlet import (
    OutletSignals,
    agency_tag,
    clean_authors,
    copyright_name,
    person_name,
    person_names,
    placed_byline,
    self_mentions,
    source_attribution,
)
from generator.ingest.pubdate import (
    Candidate,
    DateVerdict,
    candidates_from_hit,
    choose_date,
    label_of,
)
from generator.ingest.steps import Steps
from generator.ingest.textdump.classify import (
    classify,
    is_prose,
    looks_short_paragraph,
    name_beside_date,
)
from generator.ingest.textdump.lines import Line, describe, join_wrapped, wrap_width
from generator.ingest.textdump.region import best_region, title_score
from generator.ingest.words import language_of, script_of, text_key
from generator.text.folding import strip_invisible

# A biography known by its shape alone is one of the article's last paragraphs, and short.
_BIO_LAST = 2
_BIO_WORDS = 60
# A list inside the article has prose again within this many lines below an item.
_LIST_ITEMS = 12
# A headline repeated by the page is looked for among the article's first lines.
_HEADLINE_SEARCH = 10
# A standfirst above the byline is at most this many lines long.
_STANDFIRST_LINES = 2
# Where a date line counts, in lines: a footer's within this many below the article (a
# labelled one within the second number), a byline's before the article's second
# paragraph (tuned on the pubdates set's half A).
_FOOTER_LINES = 30
_LABELLED_BELOW = 60
_BYLINE_AFTER_PARAGRAPHS = 2
# Lines numbered one after another that make a ranked list of other stories.
_RANKED_ITEMS = 3
# A page of at most this many lines, none of them prose, is kept whole if its lines are
# made of words (tokens of at most 15 characters on average; English averages 6).
_SMALL_PAGE_LINES = 12
_CHARS_PER_TOKEN = 15
# Lines of at least this many words decide the page's script.
_SCRIPT_LINE_WORDS = 6


@dataclass
class _Reading:
    """One page being read: its lines, the article's bounds so far and each line's decision."""

    lines: list[Line]
    repeats: Counter[str]
    start: int
    end: int
    found: bool  # whether a region of prose was found at all
    small: bool = False  # a page of a few short lines, all of them body
    title_idx: int | None = None
    summary: str | None = None
    decisions: dict[int, tuple[str, str]] = field(default_factory=dict)

    def inside(self, i: int) -> bool:
        return self.found and self.start <= i <= self.end


@dataclass
class _Body:
    """What the walk over the page collects."""

    blocks: list[Block] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    authors: list[tuple[str, bool]] = field(default_factory=list)  # (name, from a bare line)
    candidates: list[Candidate] = field(default_factory=list)
    outlet: OutletSignals = field(default_factory=OutletSignals)


def read_text_dump(text: str, filename: str) -> Article:
    raw_lines = strip_invisible(text).split("\n")
    lines = [ln for no, raw in enumerate(raw_lines, 1) if (ln := describe(no, raw))]
    lines = join_wrapped(lines, wrap_width(raw_lines))
    if not lines:
        return Article(title=filename, blocks=[], source=filename)
    steps = Steps(filename)
    page = _classified(lines)
    if not page.small:
        steps.run("title", None, _title_and_lead, page)
    _keep_last_short_paragraph(page)
    steps.run("bylines", None, _role_bylines, page)
    steps.run("the author's biography", None, _cut_author_bio, page)
    got = _walk(page)
    got.blocks, _ = drop_second_rendering(got.blocks)
    body = "\n".join(b.text for b in got.blocks)
    steps.run("outlet", None, _outlet_signals, page.lines, got, body)
    no_date = DateVerdict(None, "none", ["the date step failed"])
    verdict = steps.run("publication date", no_date, choose_date, got.candidates, body)
    outlet_name = steps.run("outlet", None, got.outlet.best)
    title = lines[page.title_idx].text if page.title_idx is not None else None
    text = (title or "") + "\n" + body
    return Article(
        title=title or fallback_title(got.blocks, filename),
        blocks=got.blocks,
        published=verdict.published,
        date_confidence=verdict.confidence,
        date_evidence=verdict.evidence,
        outlet=outlet_name,
        author=steps.run("author", None, _choose_author, got.authors, outlet_name, text),
        summary=page.summary,
        captions=got.captions,
        source=filename,
        lines=_line_decisions(page, raw_lines),
        warnings=steps.warnings,
    )


def _classified(lines: list[Line]) -> _Reading:
    """Every line labelled in the page's script and language; the article's region found."""
    repeats = Counter(ln.key for ln in lines)
    prose = [ln for ln in lines if is_prose(ln)]
    page_lang = language_of(" ".join(ln.text.lower() for ln in prose[:30]))
    script = _page_script(lines)
    for ln in lines:
        classify(ln, None, page_lang, script, repeats)
    _ranked_lists(lines)
    region = best_region(lines)
    if region is None and len(lines) <= _SMALL_PAGE_LINES and all(map(_wordlike, lines)):
        # A page this small, without a paragraph of prose, is all body: a short note.
        return _Reading(lines, repeats, 0, len(lines) - 1, True, small=True)
    if region is None:
        return _Reading(lines, repeats, len(lines), len(lines) - 1, False)
    return _Reading(lines, repeats, region[0], region[1], True)


_RANK = re.compile(r"^(\d{1,2})[.)]?\s+\S")
_STAMP = re.compile(r"\d{1,2}[:.h]\d\d\b|\d{1,2}[./]\d{1,2}\b")


def _ranked_lists(lines: list[Line]) -> None:
    """ "1 Headline  Source  3/9 18:01", "2 ...": a ranked list of other stories, its lines
    numbered one after another and stamped with a time or date, is furniture."""
    i = 0
    while i < len(lines):
        m = _RANK.match(lines[i].text)
        j = i + 1
        while m and j < len(lines):
            n = _RANK.match(lines[j].text)
            if not n or int(n.group(1)) != int(m.group(1)) + (j - i):
                break
            j += 1
        run = lines[i:j]
        stamped = sum(1 for ln in run if _STAMP.search(ln.text[3:]))
        if len(run) >= _RANKED_ITEMS and stamped * 3 >= len(run) * 2:
            for ln in run:
                ln.label, ln.reason = "boiler", "a ranked list of other stories"
            run[0].end_mark = run[0].soft_end = True
        i = j if m else i + 1


def _wordlike(line: Line) -> bool:
    """Text made of words: not bytes of no encoding read as one (tokens of 100 letters)."""
    return len(line.text) <= _CHARS_PER_TOKEN * line.words


def _page_script(lines: list[Line]) -> str:
    """The script most of the page's words are in: its article's, whatever its lines' length.

    Each line votes for its script with its length in words (characters, two to a word,
    in scripts written without spaces); lines of some length vote first (menus are
    short), all lines on a page that has none. Markup residue has long runs of Latin
    letters but few words.
    """
    for least in (_SCRIPT_LINE_WORDS, 1):
        counts: Counter[str] = Counter()
        for ln in lines:
            if ln.words >= least and (script := script_of(ln.text)):
                counts[script] += ln.words
        if counts:
            return counts.most_common(1)[0][0]
    return "latin"


def _title_and_lead(page: _Reading) -> None:
    """The title: the best headline-like line above the article; then what stands between."""
    lines, start = page.lines, page.start
    best_score = 0.5
    for i in range(start - 1, -1, -1):
        score = title_score(lines[i], start - 1 - i, page.repeats)
        if score > best_score:
            best_score, page.title_idx = score, i
    if page.title_idx is None:
        _repeated_headline(page)
    if page.title_idx is None:
        return
    title_idx = page.title_idx
    title_key = text_key(lines[title_idx].text)
    for ln in lines:
        if ln is not lines[title_idx] and ln.key == title_key:
            ln.label, ln.reason = "boiler", "repeats the title"
    # Between the title and the region: headings go into the body, prose is the standfirst.
    lead = [i for i in range(title_idx + 1, start) if lines[i].label in ("short", "good")]
    # The region may have swallowed a standfirst above a byline/date line.
    first_meta = next(
        (
            i
            for i in range(start, min(page.end + 1, start + _STANDFIRST_LINES + 1))
            if lines[i].label == "meta"
        ),
        None,
    )
    if first_meta is not None and all(
        lines[i].label in ("good", "short", "boiler") for i in range(start, first_meta)
    ):  # (a section name may stand between the standfirst and the byline)
        lead.extend(i for i in range(start, first_meta) if lines[i].label != "boiler")
        page.start = first_meta
    lead = [i for i in lead if not _lead_byline(lines, i)]
    _byline_above_title(lines, title_idx)
    for i in lead:
        ln = lines[i]
        if (
            ln.label == "good"
            or (ln.words >= 8 and looks_short_paragraph(ln))
            or (ln.bullet and ln.words >= 8)
        ):
            page.summary = ln.text if page.summary is None else page.summary + " " + ln.text
            page.decisions[i] = ("metadata", "standfirst (summary)")
        elif ln.words >= 2 and (
            i == page.start - 1 or (i + 1 < len(lines) and lines[i + 1].label == "good")
        ):
            page.decisions[i] = ("heading", "subheading")
    page.decisions[title_idx] = ("metadata", "title")
    # A subheading right above the first paragraph belongs to the body.
    heads = [i for i, d in page.decisions.items() if d[0] == "heading"]
    if heads:
        page.start = min(page.start, min(heads))


def _repeated_headline(page: _Reading) -> None:
    """No headline above the article: a headline-like line the page repeats, at the
    article's very start (the page's title, its breadcrumb's last item, its heading)."""
    lines = page.lines
    for i in range(page.start, min(page.end + 1, page.start + _HEADLINE_SEARCH)):
        ln = lines[i]
        if (
            page.repeats[ln.key] > 1
            and 3 <= ln.words <= 25
            and not ln.text.endswith(".")
            and ln.label in ("short", "good")
        ):
            page.title_idx = i
            copies = [k for k in range(page.start, page.end + 1) if lines[k].key == ln.key]
            # The article starts after the headline's last copy among its first lines.
            page.start = max(k for k in copies if k < page.start + _HEADLINE_SEARCH) + 1
            return


def _lead_byline(lines: list[Line], i: int) -> bool:
    """Whether a short line between the title and the body is a byline ("Jane Doe in Lagos")."""
    ln = lines[i]
    beside_date = any(0 <= k < len(lines) and lines[k].date is not None for k in (i - 1, i + 1))
    name = placed_byline(ln.text) or (beside_date and person_names(ln.text))
    if ln.label == "short" and name:
        ln.label, ln.reason, ln.author = "meta", f"byline ({name})", name
        ln.weak_author = True
        return True
    return False


def _byline_above_title(lines: list[Line], title_idx: int) -> None:
    """A bare name right above the title ("Jane Doe" / headline / date)."""
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


def _keep_last_short_paragraph(page: _Reading) -> None:
    """The last paragraph stays even when it is short."""
    if not page.found:
        return
    lines, nxt = page.lines, page.end + 1
    if (
        nxt < len(lines)
        and lines[nxt].label == "short"
        and looks_short_paragraph(lines[nxt])
        and not (nxt + 1 < len(lines) and lines[nxt + 1].label == "good")
    ):
        page.end = nxt


def _role_bylines(page: _Reading) -> None:
    """A byline in two lines: a name, then its role ("Europe correspondent")."""
    lines = page.lines
    for i in range(len(lines) - 1):
        ln, role = lines[i], lines[i + 1]
        if (
            ln.label == "short"
            and role.words <= 4
            and pat.ROLE.match(role.text)
            and (name := person_name(ln.text))
        ):
            ln.label, ln.reason, ln.author = "meta", f"byline ({name})", name
            ln.weak_author = False
            role.label, role.reason = "meta", "the author's role"
            if i == page.start:
                page.start = i + 2


def _cut_author_bio(page: _Reading) -> None:
    """An author's biography ("Jane Doe is a reporter covering ...") ends the article.

    Known by the byline's name anywhere in the article, or by its shape (a name, then
    "is a ... reporter") among the article's last paragraphs.
    """
    lines = page.lines
    if not page.found:
        return
    byline_name = next((ln.author for ln in lines if ln.label == "meta" and ln.author), None)
    last = [i for i in range(page.start + 1, page.end + 1) if lines[i].label == "good"]
    for i in range(page.start + 1, page.end + 1):
        ln = lines[i]
        if ln.label != "good":
            continue
        named = byline_name is not None and _is_bio(ln.text, byline_name)
        shaped = i in last[-_BIO_LAST:] and ln.words <= _BIO_WORDS and pat.BIO_ROLE.match(ln.text)
        if named or shaped:
            ln.label, ln.reason = "boiler", "the author's biography"
            page.end = i - 1
            break


def _walk(page: _Reading) -> _Body:
    """Walk the page: body inside [start, end], furniture and metadata everywhere."""
    got = _Body()
    lines, decisions = page.lines, page.decisions
    past_end_mark = False  # below the article and past a "Related" or comments block
    for i, ln in enumerate(lines):
        if page.found and i > page.end and ln.end_mark:
            past_end_mark = True
        if i in decisions and decisions[i][0] == "metadata":
            continue
        if ln.label == "meta":
            _metadata_line(page, i, past_end_mark, got)
        elif ln.label == "caption":
            title_idx = page.title_idx
            if page.inside(i) or (title_idx is not None and title_idx < i < page.start):
                got.captions.append(ln.text)
                decisions[i] = ("metadata", "photo caption")
            else:
                decisions[i] = ("dropped", "photo caption outside the article")
        elif ln.label == "boiler":
            if ln.words <= 6:
                got.outlet.add_furniture(ln.text)
            decisions[i] = ("dropped", ln.reason)
        elif not page.inside(i):
            if ln.label == "short" and ln.words <= 6:
                got.outlet.add_furniture(ln.text)
            if i in decisions:  # a heading above the body
                got.blocks.append(Block("heading", ln.text))
                continue
            why = "outside the article" if ln.label == "good" else "short line outside the article"
            decisions[i] = ("dropped", why)
        else:
            _body_line(page, i, got)
    return got


def _metadata_line(page: _Reading, i: int, past_end_mark: bool, got: _Body) -> None:
    """A date or byline line: its date candidates, and its author when it names this article's."""
    lines, ln = page.lines, page.lines[i]
    if ln.date is not None:
        kind = _date_kind(page, i)
        if kind is not None:
            got.candidates.extend(candidates_from_hit(ln.date, kind, ln.no, ln.text))
        if kind in ("byline", "published") and ln.author is None:
            ln.author = name_beside_date(ln.text, ln.date)
            ln.weak_author = ln.author is not None
    # Past a "Related" block, bylines are the teasers' own: only a wire credit or an
    # author box (a name and its role) there names this article's writer.
    late_ok = ln.reason.startswith("wire credit") or (
        i + 1 < len(lines) and lines[i + 1].reason == "the author's role"
    )
    if (
        ln.author
        and (page.title_idx is None or i > page.title_idx - 3)
        and (not past_end_mark or late_ok)
    ):
        got.authors.append((ln.author, ln.weak_author))
    page.decisions[i] = ("metadata", ln.reason)


def _body_line(page: _Reading, i: int, got: _Body) -> None:
    """A line inside the article: a paragraph, a short paragraph, a subheading, or dropped."""
    lines, ln, decisions = page.lines, page.lines[i], page.decisions
    if ln.label == "good" and _in_form_box(lines, i):
        decisions[i] = ("dropped", "inside a sign-up or promotion box")
    elif ln.label == "good":
        got.blocks.append(Block("paragraph", ln.text))
        decisions[i] = ("kept", "paragraph")
    elif looks_short_paragraph(ln):
        got.blocks.append(Block("paragraph", ln.text))
        decisions[i] = ("kept", "short paragraph")
    elif _list_item(page, i):
        got.blocks.append(Block("paragraph", ln.text))
        decisions[i] = ("kept", "an item of a list in the article")
    elif ln.text.endswith(":") and ln.words >= 3 and _list_item(page, i + 1, announced=True):
        got.blocks.append(Block("paragraph", ln.text))
        decisions[i] = ("kept", "a line that announces a list")
    elif _is_heading(lines, i, page.end):
        got.blocks.append(Block("heading", ln.text))
        decisions[i] = ("kept", "subheading")
    elif page.small:
        got.blocks.append(Block("paragraph", ln.text))
        decisions[i] = ("kept", "a line of a small page")
    else:
        decisions[i] = ("dropped", "short line without sentence structure")


def _list_item(page: _Reading, i: int, announced: bool = False) -> bool:
    """A short line of a list inside the article: after a line that announces it ("... as
    follows:") or after another item like it, or bulleted, with the article's prose going
    on below. ``announced``: the line before is known to announce a list.
    """
    lines = page.lines
    if i > page.end or lines[i].label != "short":
        return False
    ln = lines[i]
    if ln.words < 2 or ln.furniture * 2 >= ln.words:
        return False
    k = i - 1
    while k >= page.start and lines[k].label in ("boiler", "caption"):
        k -= 1
    prev = lines[k] if k >= page.start else None
    if prev is not None and not announced:
        announced = prev.text.endswith(":") or (
            page.decisions.get(k, ("", ""))[1].startswith("an item")
            and prev.text[:1].islower() == ln.text[:1].islower()  # items alike
        )
    if not (announced or ln.bullet):
        return False
    later = (lines[j] for j in range(i + 1, min(page.end, i + _LIST_ITEMS) + 1))
    return any(n.label == "good" for n in later)


def _outlet_signals(lines: list[Line], got: _Body, body: str) -> None:
    """Evidence for the outlet: copyright lines, a dateline's agency, self-mentions, credits."""
    outlet = got.outlet
    for ln in lines:
        if ln.label == "boiler" and (name := copyright_name(ln.text)):
            outlet.add(name, 3, strong=True)
    first_para = next((b.text for b in got.blocks if b.kind == "paragraph"), "")
    tag = agency_tag(first_para)
    if tag:
        outlet.add(tag, 3, strong=True)
    for name in self_mentions(body):
        outlet.add(name, 1, form_weight=3)
    for ln in lines:
        if ln.label == "boiler" and (name := source_attribution(ln.text)):
            outlet.add(name, 5, strong=True)


def _line_decisions(page: _Reading, raw_lines: list[str]) -> list[LineDecision]:
    out = []
    for i, ln in enumerate(page.lines):
        verdict, reason = page.decisions.get(i, ("dropped", ln.reason or "unclassified"))
        if verdict == "heading":
            verdict, reason = "kept", "subheading"
        for no in ln.nos:
            out.append(LineDecision(no, raw_lines[no - 1].strip(), verdict, reason))
    return out


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
    k = i - 1
    while k >= 0 and lines[k].label == "short":
        k -= 1
    if k >= 0 and lines[k].soft_end:
        return False  # the last link of a "Related" box, the article going on below it
    j = i + 1
    while j <= end and lines[j].label in ("caption", "boiler") and not lines[j].end_mark:
        j += 1
    return j <= end and lines[j].label == "good"


def _date_kind(page: _Reading, i: int) -> str | None:
    """What a date line's place makes of its date; None where it is no article's date.

    A byline's date stands between the headline and the first paragraphs; a date line
    deeper in the body is an event's ("Tickets from 01.01.2024"), one far below the
    article a teaser's or a comment's.
    """
    ln, title_idx, start, end = page.lines[i], page.title_idx, page.start, page.end
    label = label_of(ln.text)
    far_below = i > end + _FOOTER_LINES
    if label in ("updated", "published"):
        return None if i > end + _LABELLED_BELOW else label
    if title_idx is not None and i < title_idx:
        return "header"
    if i > end:
        return None if far_below else "footer"
    good_before = sum(1 for k in range(start, i) if page.lines[k].label == "good")
    if good_before >= _BYLINE_AFTER_PARAGRAPHS:
        return "text"
    if title_idx is not None and i > title_idx:
        return "byline"
    return "header" if i < start else "byline"
