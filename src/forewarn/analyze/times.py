"""The `times` stage: TIMEX3-style time expressions, normalised against the publication date.

One compiled grammar (time_grammar) finds the expressions; a resolver per kind
(time_resolve, time_relative, time_named) gives type, value and interval, using
the document creation date and the tense around the expression (time_tense).
Modifiers come from inside the span ("the end of February" -> END) or from the
signal just before it ("as early as January" -> EARLIEST, "by March" ->
ON_OR_BEFORE) or after it ("..., at the latest" -> LATEST).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from forewarn.analyze import time_values as tv
from forewarn.analyze.pipeline import Context
from forewarn.analyze.time_grammar import KINDS
from forewarn.analyze.time_named import RESOLVERS
from forewarn.analyze.time_reference import anaphoric, clock_on_reference_day, month_in_named_year
from forewarn.analyze.time_resolve import Query, Resolved
from forewarn.analyze.time_scan import lower_same_length, scan
from forewarn.analyze.time_tense import Tense, TenseReader
from forewarn.knowledge.time_lexicon import load_time_lexicon
from forewarn.model import Analysis, Span, TimeExpr

_SPACES = re.compile(r"\s*")  # always matches, if only the empty string
_AFTER_SIGNAL = re.compile(
    r",?\s+(?i:at\s+the\s+(?P<late>latest|earliest)|or\s+(?P<or>later|earlier|before|after))\b"
)
_COUNT_START = re.compile(
    r"(?i:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|hundred|several|a\s+few|few|half)"
)
# A lower-case word after a season that makes it an adjective ("the spring offensive"), not a
# preposition, conjunction, verb or "months" ("the winter months" is one expression).
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|and|or|in|on|at|to|as|when|with|for|from|but|is|was|were|will|would|has|had|that|which|months|season|term|time)\b)[a-z]+\b"
)
_HALVES = {"the first half of": 1, "the second half of": 2, "the latter half of": 2, "the last half of": 2}
_KIND_NAMES = frozenset(KINDS)
_EVENT_WINDOW = 2000  # how far back (characters) a "the first day of the X" looks for a dated X


def _kind_of(match: re.Match[str]) -> str:
    # The kind's group encloses every other group of its alternative, so it closes last.
    kind = match.lastgroup or ""
    return kind if kind in _KIND_NAMES else next((k for k in KINDS if match.start(k) >= 0), "")


@lru_cache(maxsize=1)
def _signal_last_words() -> frozenset[str]:
    """The word every signal ends with ("as early as" -> "as"): the only ones worth a lookup."""
    return frozenset(signal.split(" ")[-1] for signal in load_time_lexicon().signal_mods)


def _outer_mod(text: str, lowered: str, start: int, end: int) -> str:
    after = _AFTER_SIGNAL.match(text, end)
    if after:  # "by March at the latest": the explicit "at the latest" wins over "by"
        late, other = (after.group("late") or "").lower(), (after.group("or") or "").lower()
        if late:
            return "LATEST" if late == "latest" else "EARLIEST"
        return "ON_OR_AFTER" if other in ("later", "after") else "ON_OR_BEFORE"
    if start == 0 or not text[start - 1].isspace():
        return ""
    words = lowered[max(0, start - 24) : start].split()
    if not words or words[-1] not in _signal_last_words():
        return ""  # most expressions have no signal: no phrase lookups
    signals = load_time_lexicon().signal_mods  # words just before the span, outside it (TimeML)
    for size in (3, 2, 1):
        mod = signals.get(" ".join(words[-size:])) if len(words) >= size else None
        if mod:
            return mod
    return ""


def _prefix(match: re.Match[str], kind: str) -> tuple[int, str]:
    """Where the span starts and the modifier of its prefix ("" when the prefix is dropped)."""
    if kind == "rel" and match.group("rl_num") and match.group("rl_det").lower() == "the":
        between = match.string[match.end("rl_num") : match.start("rl_unit")] if match.group("rl_unit") else ""
        if "-" in between:  # "the eight-year war": an adjective, the article is not part of it
            return match.start("rl_num"), ""
    if kind == "quarter" and (match.group("q_det") or "").lower() == "the":
        between = match.string[match.end("q_ord") : match.start("q_unit")]
        if "-" in between:  # "the third-quarter results": an adjective, the article goes with the noun
            return _SPACES.match(match.string, match.end("q_det")).end(), ""  # type: ignore[union-attr]
    named = (match.group("rl_wd") or match.group("rl_month")) if kind == "rel" else None
    if named and match.group("rl_det").lower() == "the":  # "the Friday explosions": TimeML leaves "the" out
        return match.start("rl_wd" if match.group("rl_wd") else "rl_month"), ""
    season = kind == "rel" and match.group("rl_season") and match.group("rl_det").lower() == "the"
    if season and _NOUN_AFTER.match(match.string, match.end()):  # "the autumn conscription cycle"
        return match.start("rl_season"), ""
    raw = match.group("pre")
    pre = " ".join(raw.lower().split()) if raw else ""
    if not pre:
        return match.start(kind), ""
    lexicon = load_time_lexicon()
    if pre in lexicon.quantity_prefixes and not _COUNT_START.match(match.group(kind)):
        return match.start(kind), ""  # "around the holidays": a signal here, not a quantity
    return match.start(), lexicon.prefix_mods.get(pre, "")


def _halves(resolved: Resolved, match: re.Match[str], kind: str) -> Resolved | None:
    """ "the first half of 1989" is 1989-H1, not 1989 with a modifier."""
    if kind != "year":
        return None
    pre = " ".join((match.group("pre") or "").lower().split())
    if pre not in _HALVES:
        return None
    period = tv.half(int(resolved.value), _HALVES[pre])
    return Resolved("DATE", period.value, "", period.interval)


class _Sentences:
    """Sentence bounds for the tense window, from the sentences stage or whole lines."""

    def __init__(self, text: str, sentences: tuple[Span, ...]) -> None:
        if not sentences:
            sentences = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))
        self.spans = sentences
        self.starts = [s.start for s in sentences]

    def around(self, start: int, text_len: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0:
            return 0, text_len
        return self.spans[i].start, max(self.spans[i].end, start)


def _anchor_event(text: str, found: list[TimeExpr], expr: TimeExpr, match: re.Match[str]) -> TimeExpr:
    """ "the first day of the invasion": the day the text gave the invasion earlier, if it did."""
    noun = (match.group("fd_ev") or "").split()[0].lower()
    ordinal = {"first": 0, "opening": 0, "second": 1, "third": 2}.get((match.group("fd_ord") or "").lower())
    if ordinal is None or (match.group("fd_unit") or "").lower() != "day":
        return expr
    for earlier in reversed(found):
        day = tv.make_date(*map(int, earlier.value.split("-"))) if len(earlier.value) == 10 else None
        window = text[max(0, earlier.start - 120) : earlier.end + 20].lower()
        if day and earlier.start > expr.start - _EVENT_WINDOW and noun in window:
            anchored = day + timedelta(days=ordinal)
            return replace(expr, value=anchored.isoformat(), interval=(anchored, anchored))
    return expr


class _TenseAt:
    """The tense around one match, read only if a resolver asks (it costs a scan), then remembered.

    A small class rather than `functools.cache(partial(...))`, which built an LRU cache for every
    match and copied the partial's metadata onto it (raising and catching an AttributeError for
    each name a partial lacks): 8 µs a match, most of whose tenses no resolver reads."""

    def __init__(self, tenses: TenseReader, sentence: tuple[int, int], start: int, end: int) -> None:
        self._tenses, self._sentence, self._start, self._end = tenses, sentence, start, end
        self._tense: Tense | None = None

    def __call__(self) -> Tense:
        if self._tense is None:
            tenses, start, end = self._tenses, self._start, self._end
            self._tense = "past" if tenses.reported_on(start, end) else tenses.at(*self._sentence, start, end)
        return self._tense


def _expression(
    text: str, lowered: str, query: Query, kind: str, prefix: tuple[int, str], found: list[TimeExpr]
) -> TimeExpr | None:
    """The record for one grammar match, or None when its resolver rejects it; prefix = _prefix(match, kind)."""
    match = query.match
    start, mod = prefix
    resolved = anaphoric(match, kind, query.lexicon, found) if query.dct else None
    resolved = resolved or RESOLVERS[kind](query)
    if resolved is None:
        return None
    halves = _halves(resolved, match, kind)
    resolved, mod = (halves, "") if halves else (resolved, resolved.mod or mod)
    if not mod:
        outer = _outer_mod(text, lowered, start, match.end())
        mod = outer if outer == "APPROX" or resolved.type in ("DATE", "TIME") else ""
    interval = tv.apply_mod(resolved.interval, mod)
    return TimeExpr(
        start, match.end(), text[start : match.end()], resolved.type, resolved.value, mod, interval
    )


_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_COMPARED = re.compile(r"(?i)year-|last|previous|same")


def _named_quarter(expr: TimeExpr, kind: str, published: date | None) -> tuple[int, int] | None:
    """A quarter the text names ("the third quarter", "Q3") that a report may be about.

    "a year ago", "the year-earlier period", "the latest period" then count from it
    rather than from the last completed quarter. A quarter over a year before the
    DCT ("the year-ago third quarter") is a comparison, not the report's own.
    """
    if kind not in ("quarter", "qcode") or _COMPARED.search(expr.text):
        return None
    found = _QUARTER_VALUE.fullmatch(expr.value)
    end = expr.interval[1]
    if found is None or published is None or end is None or (end - published).days < -365:
        return None
    return int(found.group(1)), int(found.group(2))


_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-\d\d")
_AND_DAY = re.compile(
    r"\s+(?:and|or)\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?=[.,;:)!?'\"]?(?:\s*$|\s+(?:in|at|on|of|to|when|as|with|for|from|but|and)\b)|[.,;:)!?]\s)(?!\.\d|,\d)"
)


def _coordinated_day(text: str, expr: TimeExpr, match: re.Match[str]) -> tuple[TimeExpr, ...]:
    """ "April 24 and 25": the second day of the month is a date of its own (TimeML marks both)."""
    after = _AND_DAY.match(text, match.end())
    first = _DAY_VALUE.fullmatch(expr.value)  # not "XXXX-04-24" (no publication date)
    if after is None or match.group("mdy_y") or match.group("mdy_py") or first is None:
        return ()
    day = tv.make_date(int(first.group(1)), int(first.group(2)), int(after.group("day")))
    if day is None:
        return ()
    start, end = after.start("day"), after.end()
    return (TimeExpr(start, end, text[start:end], "DATE", day.isoformat(), "", (day, day)),)


# A link, with "tass dot ru" (an address written to stay unlinked) read as one.
_URL = re.compile(r"(?:https?://|www\.)(?:\S|\s+dot\s+)+")


def _url_spans(lowered: str) -> list[tuple[int, int]]:
    """Where the links are: a date in a citation's address ("/2022/03/18", "?d=March-18") is no time."""
    if "http" not in lowered and "www." not in lowered:
        return []
    return [m.span() for m in _URL.finditer(lowered)]


def _in_url(urls: list[tuple[int, int]], at: int) -> bool:
    i = bisect.bisect_right(urls, (at, 1 << 62)) - 1
    return i >= 0 and urls[i][0] <= at < urls[i][1]


def _with_holiday(found: list[TimeExpr], expr: TimeExpr, text: str) -> bool:
    """ "the May 9 Victory Day parade": a holiday right after its own date joins it (one time, one expression)."""
    last = found[-1] if found else None
    if last is None or last.value != expr.value or text[last.end : expr.start].strip():
        return False
    found[-1] = replace(last, end=expr.end, text=text[last.start : expr.end])
    return True


def find_times(text: str, published: date | None, sentences: tuple[Span, ...] = ()) -> tuple[TimeExpr, ...]:
    """Every time expression in text, normalised against `published` (None: relative ones stay unresolved)."""
    lexicon = load_time_lexicon()
    bounds = _Sentences(text, sentences)
    tenses = TenseReader(text)
    lowered = lower_same_length(text)
    quarterly_from = lowered.find("quarter") % (len(text) + 1)  # -1 (absent) becomes len(text)
    found: list[TimeExpr] = []
    named_quarter: tuple[int, int] | None = None
    urls = _url_spans(lowered)
    for match in scan(text, lowered):
        if urls and _in_url(urls, match.start()):
            continue
        kind = _kind_of(match)
        prefix = _prefix(match, kind)
        start = prefix[0]
        if found and start < found[-1].end:
            continue  # inside the second day of "April 24 and 25", already taken
        sentence = bounds.around(start, len(text))
        # The tense is read only if the resolver asks: most expressions do not need it.
        # (remembered here, not on the frozen query: compiled classes, see setup.py, have no __dict__)
        query = Query(
            match,
            published,
            _TenseAt(tenses, sentence, start, match.end()),
            lexicon,
            lowered[sentence[0] : sentence[1]],
            quarterly_from < start,
            named_quarter,
        )
        try:
            expr = _expression(text, lowered, query, kind, prefix, found)
            if expr is not None and kind == "firstday" and published is not None:
                expr = _anchor_event(text, found, expr, match)
            elif expr is not None and kind == "month":
                expr = month_in_named_year(expr, found, sentence[0])
            elif expr is not None and kind == "time":
                expr = clock_on_reference_day(expr, match, found)
        except (OverflowError, ValueError):
            continue  # calendar arithmetic past year 1 or 9999 (a bogus publication date): no value
        if expr is not None and not (kind == "holiday" and _with_holiday(found, expr, text)):
            found.append(expr)
            found.extend(_coordinated_day(text, expr, match) if kind == "mdy" else ())
            named_quarter = named_quarter or _named_quarter(expr, kind, published)
    return tuple(found)


class Times:
    name = "times"
    requires = ("sentences",)
    assigns = ("times",)

    def __call__(self, ctx: Context, analysis: Analysis) -> Analysis:
        return replace(analysis, times=find_times(ctx.text, ctx.published, analysis.sentences))
