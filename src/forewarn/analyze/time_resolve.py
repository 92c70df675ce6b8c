"""From one grammar match to a TIMEX3 type, value, modifier and interval.

One small resolver per kind of the grammar (time_grammar.KINDS). Without a
document creation date a relative expression keeps an unresolved value
("XXXX-10", "XXXX-XX-XX") and an open interval: nothing is invented.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from forewarn.analyze import time_anchor as anchor
from forewarn.analyze import time_values as tv
from forewarn.analyze.time_tense import Tense
from forewarn.knowledge.time_lexicon import TimeLexicon
from forewarn.model import TimeType


@dataclass(frozen=True)
class Resolved:
    type: TimeType
    value: str
    mod: str = ""
    interval: tv.Interval = tv.OPEN


@dataclass(frozen=True)
class Query:
    """What a resolver may look at: the match, the DCT, the tense, the vocabulary."""

    match: re.Match[str]
    dct: date | None
    tense_of: Callable[[], Tense]  # read only by the resolvers that need it: it costs a scan, once
    lexicon: TimeLexicon
    sentence: str = ""  # the lower-cased sentence around the match
    quarterly: bool = False  # the text spoke of a quarter before this point (an earnings report)
    report_quarter: tuple[int, int] | None = None  # the quarter a report named last (year, number)

    @property
    def tense(self) -> Tense:
        return self.tense_of()  # remembered by the caller's `tense_of`

    def group(self, name: str) -> str:
        return self.match.group(name) or ""

    def lower(self, name: str) -> str:
        return " ".join(self.group(name).lower().split())


Resolver = Callable[[Query], Resolved | None]

PREV_DETS = frozenset({"last", "previous", "the previous", "this past", "the preceding"})
PAST_SPAN_DETS = frozenset({"past", "the past", "the last", "recent", "the recent"})
NEXT_DETS = frozenset({"next", "following", "the following"})
COMING_SPAN_DETS = frozenset({"the next", "the coming", "coming"})
SPAN_DETS = frozenset({"the first", "the final", "the entire", "the whole", "these", "those", "the early"})


def _date(period: tv.Period, kind: TimeType = "DATE") -> Resolved:
    return Resolved(kind, period.value, "", period.interval)


def name_number(word: str, table: dict[str, int]) -> int | None:
    return table.get(word.lower().rstrip("."))


_COUNT_RANGE = re.compile(r"\d{1,3}(?:\.\d+)?\s*(?:[-–]|\s+to\s+)\s*(\d{1,3})")


def parse_count(text: str, lexicon: TimeLexicon) -> float | None:
    """ "3", "5 1/2", "twenty-four", "two and a half", "a" -> a number; vague words -> None."""
    ranged = _COUNT_RANGE.fullmatch(text.strip())
    if ranged:  # "24-72 hours": TIMEX3 has no range value; the upper bound bounds the interval
        return float(ranged.group(1))
    words = " ".join(text.lower().replace("-", " ").split())
    half = 0.5 if words.endswith("and a half") or words.endswith(" 1/2") else 0.0
    words = words.removesuffix(" and a half").removesuffix(" 1/2")
    try:
        return float(words) + half
    except ValueError:
        pass
    if words in lexicon.numbers:
        return lexicon.numbers[words] + half
    parts = words.split()
    if len(parts) == 2 and all(p in lexicon.numbers for p in parts):
        return lexicon.numbers[parts[0]] + lexicon.numbers[parts[1]] + half
    return None


def _unit(q: Query, name: str) -> str:
    return q.lexicon.units.get(q.lower(name), "")


def _day_or_unresolved(d: date | None, q: Query) -> Resolved | None:
    if q.dct is None:
        return Resolved("DATE", "XXXX-XX-XX")
    return _date(tv.day(d)) if d else None


def resolve_iso(q: Query) -> Resolved | None:
    d = tv.make_date(int(q.group("iso_y")), int(q.group("iso_m")), int(q.group("iso_d")))
    return _date(tv.day(d)) if d else None


def resolve_numdate(q: Query) -> Resolved | None:
    a, b, y = int(q.group("nd_a")), int(q.group("nd_b")), q.group("nd_y")
    full = int(y) if len(y) == 4 else anchor.two_digit_year(int(y), q.dct)
    # Dots are day.month (European); slashes and dashes month/day unless the first cannot be a month.
    dom, mon = (a, b) if q.group("nd_sep") == "." or a > 12 else (b, a)
    d = tv.make_date(full, mon, dom)
    return _date(tv.day(d)) if d else None


_NON_DIGITS = re.compile(r"\D")
_DEADLINE_BEFORE = re.compile(r"(?P<verb>[\w']+)?\s+(?:by|until)\s+$")
_SIGNAL_BEFORE = re.compile(r"\b(ended|effective)\s+$")
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)
_NEAR_DAYS = 45  # deadlines and schedules reported in another tense lie closer than this


def month_day(q: Query, prefix: str) -> Resolved | None:
    mon = name_number(q.group(f"{prefix}_m"), q.lexicon.months)
    dom = int(_NON_DIGITS.sub("", q.group(f"{prefix}_d")))
    y = q.group(f"{prefix}_y") or q.group(f"{prefix}_py")
    if mon is None:
        return None
    if y:
        full = anchor.two_digit_year(int(y[1:]), q.dct) if y.startswith("'") else int(y)
        d = tv.make_date(full, mon, dom)
        return _date(tv.day(d)) if d else None
    if q.dct is None:
        ok = tv.make_date(2000, mon, dom)  # a leap year: is the day possible at all?
        return Resolved("DATE", f"XXXX-{mon:02d}-{dom:02d}") if ok else None
    signal = _SIGNAL_BEFORE.search(q.match.string, max(0, q.match.start() - 12), q.match.start())
    if signal:  # "the quarter ended Oct. 31": a period already closed; "effective June 1": one to come
        closed = signal.group(1) == "ended"
        day = anchor.month_day_before(q.dct, mon, dom) if closed else anchor.month_day_after(q.dct, mon, dom)
        return _day_or_unresolved(day, q)
    return _day_or_unresolved(_named_day(q, q.dct, mon, dom), q)


def _named_day(q: Query, dct: date, mon: int, dom: int) -> date | None:
    """The nearest such day, unless the clause puts an act "on" it on the other side of the DCT.

    The nearest day is right for deadlines and schedules reported in the past tense
    ("said it would pay on Dec. 15", "extended to Nov. 20"), which lie a few weeks
    off; "forces attacked on 12 March" in a December report is the March before,
    and "elections will be held on 12 March" in an August one the March after.
    """
    day = anchor.month_day(dct, mon, dom)
    if day is None or abs((day - dct).days) <= _NEAR_DAYS:
        return day
    if not _ON_BEFORE.search(q.match.string, max(0, q.match.start() - 4), q.match.start()):
        return day
    if day > dct and q.tense == "past":
        return anchor.month_day_before(dct, mon, dom)
    if day < dct and q.tense == "future":
        return anchor.month_day_after(dct, mon, dom)
    return day


def _day_range(q: Query, first: Resolved, prefix: str) -> Resolved:
    """ "March 8-9", "February 28-March 2": the first day's value, the whole range as interval.

    TIMEX3 has no value for a range of days; the interval is what a query uses.
    A second day that is not after the first, or over two months on, is ignored.
    """
    start = first.interval[0]
    if not q.group(f"{prefix}_d2") or start is None:
        return first
    # "8-9 March" has no second month group
    month2 = q.group(f"{prefix}_m2") if f"{prefix}_m2" in q.match.re.groupindex else ""
    mon = name_number(month2, q.lexicon.months) if month2 else start.month
    if mon is None:
        return first
    end = tv.make_date(
        start.year + (mon < start.month), mon, int(_NON_DIGITS.sub("", q.group(f"{prefix}_d2")))
    )
    if end is None or not 0 < (end - start).days <= 62:
        return first
    return Resolved(first.type, first.value, first.mod, (start, end))


def resolve_mdy(q: Query) -> Resolved | None:
    first = month_day(q, "mdy")
    return _day_range(q, first, "mdy") if first else None


def resolve_dmy(q: Query) -> Resolved | None:
    first = month_day(q, "dmy")
    return _day_range(q, first, "dmy") if first else None


def resolve_month_year(q: Query) -> Resolved | None:
    mon = name_number(q.group("my_m"), q.lexicon.months)
    if mon is None:
        return None
    if q.group("my_y"):
        return _date(tv.month(int(q.group("my_y")), mon))
    if q.dct is None:  # "June last year" without a date to count from
        return Resolved("DATE", f"XXXX-{mon:02d}")
    shift = {"last": -1, "next": 1}.get(q.lower("my_rel"), 0)
    return _date(tv.month(q.dct.year + shift, mon))


def resolve_month(q: Query) -> Resolved | None:
    mon = name_number(q.group("mo"), q.lexicon.months)
    if mon is None:
        return None
    if q.dct is None:
        return Resolved("DATE", f"XXXX-{mon:02d}")
    deadline = _DEADLINE_BEFORE.search(q.match.string, max(0, q.match.start() - 30), q.match.start())
    verb = (deadline.group("verb") or "").lower() if deadline else ""
    past_verb = verb.endswith("ed") or verb in q.lexicon.past_cues
    # "to conclude by May": a deadline lies ahead, unless a past verb governs it ("continued by March")
    tense: Tense = "future" if deadline and not past_verb else q.tense
    return _date(tv.month(anchor.month_year(q.dct, mon, tense), mon))


def _day_from_word(word: str, q: Query) -> date | None:
    """The day named by "yesterday", "Friday" ... next to a clock time; the DCT otherwise."""
    if q.dct is None:
        return None
    lower = word.lower()
    offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if lower in offsets:
        return q.dct + timedelta(days=offsets[lower])
    iso_day = name_number(word, q.lexicon.weekdays)
    return anchor.weekday(q.dct, iso_day, q.tense) if iso_day else q.dct


def _clock(q: Query) -> tuple[int, int] | None:
    word = q.lower("tm_word")
    if word:
        return (24, 0) if word == "midnight" else (12, 0)
    hour = int(q.group("tm_h") or q.group("tm_h2"))
    minute = int(q.group("tm_min") or q.group("tm_min2") or 0)
    ampm = q.lower("tm_ap").replace(".", "").replace(" ", "")
    if ampm and not 1 <= hour <= 12:
        return None
    if ampm == "pm" and hour != 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return (hour, minute) if hour <= 24 and (hour < 24 or minute == 0) else None


def resolve_time(q: Query) -> Resolved | None:
    clock = _clock(q)
    if clock is None:
        return None
    d = _day_from_word(q.group("tm_day"), q)
    stamp = f"T{clock[0]:02d}:{clock[1]:02d}"
    if q.group("tm_m"):  # "noon local time on March 18", "5 p.m. EST Nov. 9, 1998"
        day = month_day(q, "tm")
        if day is None:
            return None
        if day.interval[0] is None:
            return Resolved("TIME", day.value + stamp)
        d = day.interval[0]
    if d is None:
        return Resolved("TIME", "XXXX-XX-XX" + stamp)
    return Resolved("TIME", d.isoformat() + stamp, "", (d, d))


def _with_part_of_day(d: date | None, part: str, q: Query) -> Resolved | None:
    code = q.lexicon.parts_of_day.get(part.lower(), "")
    if d is None:
        return Resolved("TIME" if code else "DATE", "XXXX-XX-XX" + (f"T{code}" if code else ""))
    if not code:
        return _date(tv.day(d))
    return Resolved("TIME", f"{d.isoformat()}T{code}", "", (d, d))


def resolve_weekday(q: Query) -> Resolved | None:
    iso_day = name_number(q.group("wd"), q.lexicon.weekdays)
    if iso_day is None:
        return None
    rel = q.lower("wd_rel")
    relation = (
        anchor.PREVIOUS if rel in ("last", "past", "this past") else anchor.NEXT if rel == "next" else ""
    )
    relation = anchor.THIS if rel in ("this", "coming", "this coming") else relation
    if q.dct is None:
        return Resolved("DATE", f"XXXX-WXX-{iso_day}")
    tense = q.tense
    if not tense and not relation and q.match.string.startswith("'s ", q.match.end()):
        tense = "past"  # "Thursday's close", "Friday's attack": reports name days gone by
    # "Friday night" is annotated as the day alone more often than as a TIME with TNI (TimeBank and
    # AQUAINT together); "this morning", "last night" are TIMEs
    return _date(tv.day(anchor.weekday(q.dct, iso_day, tense, relation)))


def resolve_deictic(q: Query) -> Resolved | None:
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[q.lower("dx")]
    offset += {"before": -1, "after": 1}.get(q.lower("dx_ba"), 0)
    d = q.dct + timedelta(days=offset) if q.dct else None
    return _with_part_of_day(d, q.group("dx_pod"), q)


def resolve_daypart(q: Query) -> Resolved | None:
    rel = q.lower("dp_rel")
    offset = -1 if rel == "last" else 1 if rel in ("tomorrow", "the next", "the following") else 0
    # "that night" with no dated day before it (time_reference found none): which night is unknown
    d = q.dct + timedelta(days=offset) if q.dct and rel != "that" else None
    return _with_part_of_day(d, q.group("dp"), q)
