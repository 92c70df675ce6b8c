"""Publication dates: read from metadata when there is some, else inferred as a range.

Inference rule (documented in docs/ingest.md), applied to the text alone and
never to today's date:

1. Anchor: the latest explicit date the text states in the past tense, else
   in an untensed context ("February 24, 2022", "October 2022", "in 2021").
2. Earliest: the anchor, moved later by every bare month named in the past
   tense ("In October, the ministry announced ..."), each taken at its first
   occurrence ending on or after the anchor (unless the text also writes that
   month with its year). When the text also says "this
   month", the month of writing is after the latest such month.
3. Latest: the text is written before the months and dates it speaks of in
   the future ("as early as January", "could begin in March"); otherwise a
   bounded window (`window_days`) after the last day the anchor may mean.
4. Value: the middle of the range when both ends come from evidence, else the
   earliest date (news reports recent events).
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from forewarn.knowledge.ingest_vocab import DatingCues, load_ingest_vocab
from forewarn.model import PublishedDate

_MONTH_NAMES: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july")
_MONTH_NAMES += ("august", "september", "october", "november", "december")
MONTHS: dict[str, int] = {name: i for i, name in enumerate(_MONTH_NAMES, start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_CAPITAL_MONTHS = frozenset(name.capitalize() for name in MONTHS)

_MONTH = r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FULL_DATE = re.compile(
    # the lookahead lets the scan skip, cheaply, every position that cannot start a date
    rf"\b(?=[JFMASOND0-3]|[12]\d\d\d-)(?:{_MONTH}\s+{_DAY},?\s+\(?{_YEAR}\)?"
    rf"|{_DAY.replace('day', 'day2')}\s+(?:of\s+)?{_MONTH.replace('month', 'month2')},?\s+\(?{_YEAR.replace('year', 'year2')}\)?"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?!\d)"
)
_MONTH_YEAR = re.compile(rf"\b(?=[JFMASOND]){_MONTH}\s+(?:of\s+)?{_YEAR}\b")
_YEAR_ONLY = re.compile(rf"\b(?:in|since|during|of|early|late|mid|until|from|throughout)\s+{_YEAR}\b(?!-)")
_BARE_MONTH = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"(?!\s+(?:\d|of\s+\d))"
)
_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_QUOTE_OPEN = "“«"
_QUOTE_CLOSE = "”»"

Tense = Literal["past", "future", "unknown"]


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    first: date  # first day the mention covers
    last: date  # last day the mention covers
    tense: Tense


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def parse_date_string(value: str) -> date | None:
    """The one explicit date in a metadata string such as "2022-03-05" or "March 5, 2022"."""
    match = _FULL_DATE.search(value)
    if match is None:
        return _parse_loose(value)
    return _full_date(match)


def _parse_loose(value: str) -> date | None:
    """dateparser as a last resort for odd metadata formats (slow, so only for one string)."""
    if not value.strip() or not re.search(r"\d", value):
        return None
    import dateparser

    parsed = dateparser.parse(
        value, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def _full_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups["iy"]:
        return _make_date(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
    if groups["month"]:
        return _make_date(int(groups["year"]), _month_number(groups["month"]), int(groups["day"]))
    return _make_date(int(groups["year2"]), _month_number(groups["month2"]), int(groups["day2"]))


def from_metadata(value: str | None, evidence: str) -> PublishedDate | None:
    """A metadata date string as an exact PublishedDate, or None when it holds no date."""
    if not value:
        return None
    day = parse_date_string(value)
    return PublishedDate.exact(day, "metadata", evidence) if day else None


# -- tense of a mention ------------------------------------------------------------


def _context(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Words before (nearest last) and after a mention, within its sentence and quotation."""
    window = max(0, start - 400)
    left = max((m.end() for m in _SENTENCE_END.finditer(text, window, start)), default=window)
    quote_open = max(text.rfind(q, left, start) for q in _QUOTE_OPEN)
    left = max(left, quote_open + 1)
    stop = _SENTENCE_END.search(text, end, end + 400)
    right = stop.start() + 1 if stop else min(len(text), end + 400)
    closes = [i for i in (text.find(q, end, right) for q in _QUOTE_CLOSE) if i >= 0]
    right = min([right, *closes])
    return _cue_words(text[left:start]), _cue_words(text[end:right])


def _cue_words(span: str) -> list[str]:
    """Lower-cased words, with month names masked so "May" is never read as the modal "may"."""
    return ["<month>" if w in _CAPITAL_MONTHS else w.lower() for w in _WORD.findall(span)]


def _has_cue(words: list[str], cues: tuple[str, ...]) -> bool:
    """Whether a cue word, or a cue phrase of several words, occurs among `words`."""
    if not words:
        return False
    single, phrases = _split_cues(cues)
    if not single.isdisjoint(words):
        return True
    joined = " " + " ".join(words) + " "
    return any(phrase in joined for phrase in phrases)


@lru_cache(maxsize=8)
def _split_cues(cues: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    return frozenset(c for c in cues if " " not in c), tuple(f" {c} " for c in cues if " " in c)


def _is_past_verb(word: str, cues: DatingCues) -> bool:
    if word in cues.past_verbs:
        return True
    return word.endswith("ed") and len(word) > 4 and word not in cues.not_past


def _tense(text: str, start: int, end: int, cues: DatingCues) -> Tense:
    before, after = _context(text, start, end)
    if _has_cue(before[-2:], cues.past_lead):  # "last April" even after "the plan"
        return "past"
    if _has_cue(before[-6:], cues.future_cues):
        return "future"
    for word in after[:12]:
        if _is_past_verb(word, cues):
            return "past"
        if _has_cue([word], cues.future_cues):
            return "future"
    if any(_is_past_verb(word, cues) for word in before[-8:]):
        return "past"
    return "unknown"


# -- mentions ----------------------------------------------------------------------


def _dated_mentions(text: str, cues: DatingCues) -> list[_Mention]:
    """Explicit dates, months with a year and years, each with its tense."""
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []
    for match in _FULL_DATE.finditer(text):
        day = _full_date(match)
        if day:
            taken.append(match.span())
            tense = _tense(text, *match.span(), cues)
            found.append(_Mention(*match.span(), match.group(), day, day, tense))
    for match in _MONTH_YEAR.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        year, month = int(match.group("year")), _month_number(match.group("month"))
        taken.append(match.span())
        tense = _tense(text, *match.span(), cues)
        found.append(
            _Mention(*match.span(), match.group(), date(year, month, 1), _end_of_month(year, month), tense)
        )
    for match in _YEAR_ONLY.finditer(text):
        if any(s <= match.start("year") < e for s, e in taken):
            continue
        year = int(match.group("year"))
        tense = _tense(text, *match.span("year"), cues)
        found.append(
            _Mention(*match.span("year"), match.group(), date(year, 1, 1), date(year, 12, 31), tense)
        )
    return found


def _bare_months(text: str, taken: list[_Mention], cues: DatingCues) -> list[tuple[int, str, Tense, str]]:
    """Month names without a day or year: (month, text, tense, leading words)."""
    result = []
    for match in _BARE_MONTH.finditer(text):
        if any(m.start <= match.start() < m.end for m in taken):
            continue
        if re.search(r"\d\s*(?:st|nd|rd|th)?\s*(?:of\s+)?$", text[max(0, match.start() - 8) : match.start()]):
            continue  # "24 February" without a year: a day, not a month
        tense = _tense(text, *match.span(), cues)
        lead = " ".join(text[max(0, match.start() - 30) : match.start()].lower().split()[-3:])
        result.append((_month_number(match.group("month")), match.group(), tense, lead))
    return result


def _next_month_start(day: date, month: int, strictly_after: bool) -> date:
    """The first day of `month` on or after `day`'s month (strictly after it when asked)."""
    year = day.year if month > day.month or (month == day.month and not strictly_after) else day.year + 1
    return date(year, month, 1)


# -- inference ----------------------------------------------------------------------


def infer_published(text: str) -> PublishedDate:
    """Infer a publication date range from what the text says (see the module docstring)."""
    cues = load_ingest_vocab().dating
    mentions = _dated_mentions(text, cues)
    # dates told in the past tense are the safest floor; untensed ones only when there is nothing else
    anchors = [m for m in mentions if m.tense == "past"] or [m for m in mentions if m.tense == "unknown"]
    if not anchors:
        return PublishedDate(method="unknown", evidence="no explicit date in the text")
    anchor = max(anchors, key=lambda m: m.first)
    earliest, evidence = anchor.first, [f"latest explicit date {anchor.first.isoformat()} ({anchor.text!r})"]
    months = _bare_months(text, mentions, cues)
    # a bare month also written with its year elsewhere ("January 2022 ... in January") is that one
    dated_months = {m.first.month for m in mentions if m.tense != "future" and m.first.month == m.last.month}
    past = [m for m in months if m[2] == "past" and m[0] not in dated_months]
    for month, word, _, _ in past:
        start = _next_month_start(anchor.first, month, strictly_after=False)
        if start > earliest:
            earliest, note = start, f"past-tense {word!r} -> on or after {start.isoformat()}"
            evidence.append(note)
    if past and _mentions_present_month(text, cues):
        first_of_next = (earliest.replace(day=1) + timedelta(days=32)).replace(day=1)
        earliest = first_of_next
        evidence.append(f"'this month' besides a named past month -> on or after {first_of_next.isoformat()}")
    latest, bounded = _latest(earliest, mentions, months, evidence)
    if latest is None:
        # counted from the last day the anchor may mean: "in 1988" may be December 1988
        latest = max(earliest, anchor.last) + timedelta(days=cues.window_days)
        evidence.append(f"no later evidence -> window of {cues.window_days} days")
    value = earliest + (latest - earliest) / 2 if bounded else earliest
    return PublishedDate(value, earliest, latest, "inferred", "; ".join(evidence))


def _mentions_present_month(text: str, cues: DatingCues) -> bool:
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(p)}\b", lowered) for p in cues.present_month)


def _latest(
    earliest: date, mentions: list[_Mention], months: list[tuple[int, str, Tense, str]], evidence: list[str]
) -> tuple[date | None, bool]:
    """The day before the first thing the text speaks of in the future, if any."""
    bounds: list[tuple[date, str]] = []
    for m in mentions:
        if m.tense == "future" and m.first > earliest:
            bounds.append((m.first - timedelta(days=1), m.text))
    for month, word, tense, lead in months:
        if tense != "future":
            continue
        start = _next_month_start(earliest, month, strictly_after=True)
        late = re.search(r"\b(end of|late|later in)\s*(the\s+)?(month\s+of\s+)?$", lead)
        bound = _end_of_month(start.year, month) if late else start - timedelta(days=1)
        bounds.append((bound, f"{lead} {word}".strip()))
    if not bounds:
        return None, False
    bound, why = min(bounds)
    evidence.append(f"future {why!r} -> on or before {bound.isoformat()}")
    return bound, True
