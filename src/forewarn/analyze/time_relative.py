"""Resolvers for relative and calendar-unit expressions: "last year", "the past two months",
"three weeks ago", "the third quarter", "the 1990s", "every week", "now".

Same contract as time_resolve: one function per grammar kind, Query in,
Resolved (or None to drop the match) out.
"""

from __future__ import annotations

import math
import re
from datetime import date

from forewarn.analyze import time_anchor as anchor
from forewarn.analyze import time_values as tv
from forewarn.analyze.time_resolve import (
    COMING_SPAN_DETS,
    NEXT_DETS,
    PAST_SPAN_DETS,
    PREV_DETS,
    SPAN_DETS,
    Query,
    Resolved,
    _date,
    _unit,
    name_number,
    parse_count,
)

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
FINE_UNITS = frozenset({"H", "MIN", "S"})
_SECONDS = {"H": 3600, "MIN": 60, "S": 1}


def _relative_period(dct: date, unit: str, steps: int) -> tv.Period | None:
    moved = tv.shift(dct, unit, steps)
    return tv.period_of(unit, moved) if moved else None


def _unresolved(unit: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(
        unit, "XXXX"
    )


def _previous_quarter(dct: date) -> tuple[int, int]:
    q = (dct.month - 1) // 3 + 1
    return (dct.year, q - 1) if q > 1 else (dct.year - 1, 4)


def report_quarter(q: Query, dct: date) -> tuple[int, int]:
    """The quarter a report is about: the one it named last, else the last completed one."""
    return q.report_quarter or _previous_quarter(dct)


def resolve_quarter(q: Query) -> Resolved | None:
    unit = q.lower("q_unit")
    word = q.lower("q_ord")
    per_year = 4 if unit == "quarter" else 2
    number = ORDINALS.get(word) or (per_year if word in ("last", "final", "latter") else None)
    if number is None or number > per_year:
        return None
    det = q.lower("q_det")
    if q.group("q_y"):
        y = int(q.group("q_y"))
    elif q.dct is None:
        return Resolved("DATE", f"XXXX-{'Q' if per_year == 4 else 'H'}{number}")
    elif det.startswith("the year-"):
        y = anchor.quarter_year(q.dct, number, q.tense, per_year) - 1
    elif det.startswith("last"):
        y = q.dct.year - 1
    elif det.startswith("next"):
        y = q.dct.year + 1
    elif det.startswith("this"):
        y = q.dct.year
    else:
        y = anchor.quarter_year(q.dct, number, q.tense, per_year)
    return _date(tv.quarter(y, number) if per_year == 4 else tv.half(y, number))


_LONGER_PERIOD = re.compile(r"\b(?:nine|six|first|latest|\d+)\s+months\b")


def _compares_quarters(q: Query) -> bool:
    """ "a year ago" in a report of quarters, unless its sentence is about a longer period ("nine months")."""
    if "quarter" in q.sentence:
        return True
    return q.quarterly and not _LONGER_PERIOD.search(q.sentence)


def resolve_yearago(q: Query) -> Resolved | None:
    unit = q.lower("ya_unit")
    if q.dct is None:
        return Resolved("DATE", "XXXX")
    if unit == "year" or (not unit and not _compares_quarters(q)):
        return _date(tv.year(q.dct.year - 1))
    if unit == "month":
        moved = tv.shift_months(q.dct, -13)
        return _date(tv.month(moved.year, moved.month))
    # Financial reports compare the last completed quarter with the same quarter a year before.
    y, number = report_quarter(q, q.dct)
    return _date(tv.quarter(y - 1, number))


def resolve_period(q: Query) -> Resolved | None:
    """ "the latest period" of an earnings report is the last completed quarter; "the same period", a year before."""
    if q.dct is None:
        return Resolved("DATE", "XXXX-QX")
    y, number = report_quarter(q, q.dct)
    return _date(tv.quarter(y if q.lower("pd_det") == "the latest" else y - 1, number))


def resolve_yearend(q: Query) -> Resolved | None:
    """ "by year-end", "since year end": the end of the DCT's year (of the last one, looking back)."""
    if q.dct is None:
        return Resolved("DATE", "XXXX", "END")
    y = q.dct.year - 1 if q.tense == "past" and q.dct.month <= 3 else q.dct.year
    return Resolved("DATE", f"{y:04d}", "END", tv.year(y).interval)


def resolve_firstday(q: Query) -> Resolved | None:
    """ "the first day of the invasion": anchored later (times.py) if the text dates the event."""
    # A part of the event's time, a DATE as fine as its unit ("the first weeks of the war": XXXX-WXX);
    # "the first hours of the war" is a vague duration (PTXH), as TimeML marks it
    unit = _unit(q, "fd_unit")
    if unit in FINE_UNITS:
        return Resolved("DURATION", tv.duration_value(None, unit))
    return Resolved("DATE", _unresolved(unit))


def _count_span(q: Query, count: float | None, unit: str, det: str) -> Resolved:
    """ "the past two months", "the next three years": a duration with an anchored interval."""
    value = tv.duration_value(count, unit)
    if q.dct is None or (unit in FINE_UNITS and not count):
        return Resolved("DURATION", value)
    if unit in FINE_UNITS:  # "the past 24 hours", "the next 48-72 hours": the days they reach into
        unit, count = "D", float(math.ceil(count * _SECONDS[unit] / 86400))  # type: ignore[operator]
    steps = int(count) if count and count == int(count) else None
    if det in PAST_SPAN_DETS | PREV_DETS:
        start = tv.shift(q.dct, unit, -steps) if steps else None
        return Resolved("DURATION", value, "", (start, q.dct))
    if det in COMING_SPAN_DETS | NEXT_DETS:
        end = tv.shift(q.dct, unit, steps) if steps else None
        return Resolved("DURATION", value, "", (q.dct, end))
    return Resolved("DURATION", value)


def _relative_named(q: Query, det: str) -> Resolved | None:
    """ "last November", "this summer", "next Friday" (a weekday after a longer determiner)."""
    relation = anchor.PREVIOUS if det in PREV_DETS else anchor.NEXT if det in NEXT_DETS else anchor.THIS
    if det == "the" and not q.group("rl_season"):
        relation = ""  # "the Tuesday deadline", "the October slaying": placed by the tense, as a bare name
    season_word, month_word = q.lower("rl_season"), q.group("rl_month")
    if season_word:
        code = q.lexicon.seasons[season_word]
        return (
            _date(tv.season(anchor.season_year(q.dct, code, relation), code))
            if q.dct
            else Resolved("DATE", f"XXXX-{code}")
        )
    if month_word:
        mon = name_number(month_word, q.lexicon.months)
        if mon is None:
            return None
        if q.dct is None:
            return Resolved("DATE", f"XXXX-{mon:02d}")
        return _date(tv.month(anchor.month_year(q.dct, mon, q.tense, relation), mon))
    iso_day = name_number(q.group("rl_wd"), q.lexicon.weekdays)
    if iso_day is None or q.dct is None:
        return Resolved("DATE", "XXXX-XX-XX") if iso_day else None
    return _date(tv.day(anchor.weekday(q.dct, iso_day, q.tense, relation)))


_OF_IN_BEFORE = re.compile(r"\b(?:of|in)\s+$")
_ENDING_AFTER = re.compile(r"\s+(?:(?:which|that)\s+)?(?:ended|ending|ends|to)\b")


def _this_year(q: Query) -> bool:
    """ "nine months of the year", "earlier in the year": the year of the report, not a length."""
    text, start, end = q.match.string, q.match.start(), q.match.end()
    return bool(_OF_IN_BEFORE.search(text, max(0, start - 4), start)) and not _ENDING_AFTER.match(text, end)


def _relative_unit(q: Query, det: str, unit: str) -> Resolved | None:
    """ "last year", "this month", "the quarter", "the past week"."""
    if det in PAST_SPAN_DETS or det in COMING_SPAN_DETS or det in SPAN_DETS:
        return _count_span(q, 1, unit, det)
    if det == "the" and unit == "Y" and not q.group("pre") and not _this_year(q):
        return Resolved("DURATION", "P1Y")  # "for the year ended March 31": a year's length
    if q.dct is None:
        return Resolved("DATE", _unresolved(unit))
    if det in ("the", "that") and unit == "D":
        return None  # "the day", "that day": a day of the story, not of the calendar
    steps = -1 if det in PREV_DETS else 1 if det in NEXT_DETS else 0
    if (
        steps == 0
        and unit in ("Q", "WE")
        and (det == "the latest" or (q.tense == "past" and det in ("the", "that")))
    ):
        if unit == "Q" and q.report_quarter:  # "the quarter" of a report that named it
            return _date(tv.quarter(*q.report_quarter))
        steps = -1  # "profit in the quarter rose": the last completed quarter
    if q.lower("rl_dir") in ("ago", "earlier", "before") or (det == "the latest" and unit == "Y"):
        steps = -1  # "the latest fiscal year": the last one completed
    period = _relative_period(q.dct, unit, steps)
    return _date(period) if period else None


def resolve_rel(q: Query) -> Resolved | None:
    det = q.lower("rl_det")
    if not q.group("rl_unit"):
        return None if q.group("rl_num") else _relative_named(q, det)
    unit = _unit(q, "rl_unit")
    plural = q.lower("rl_unit").endswith("s") or q.lower("rl_unit") == "centuries"
    if det == "the early" and unit in FINE_UNITS:
        return None  # "the early hours (of Thursday)": a part of a night, not a duration
    if q.group("rl_num"):
        count = parse_count(q.group("rl_num"), q.lexicon)
        if q.lower("rl_dir") == "ago":
            return _ago(q, count, unit, -1)
        return _count_span(q, count, unit, det)
    if plural and det == "past" and q.dct:
        return Resolved("DATE", "PAST_REF", "", (None, q.dct))  # "in past years": TimeML's PAST_REF
    if plural and det in ("coming", "the coming") and q.dct:
        return Resolved("DATE", "FUTURE_REF", "", (q.dct, None))
    if plural:
        return _count_span(q, None, unit, det)
    if unit in FINE_UNITS:
        return Resolved("DURATION", tv.duration_value(1, unit))
    return _relative_unit(q, det, unit)


def _ago(q: Query, count: float | None, unit: str, sign: int) -> Resolved | None:
    """ "three weeks ago", "two years later": the period that many units from the DCT."""
    if count is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if q.dct is None or count != int(count):
        return Resolved("DATE", _unresolved(unit))
    if unit in FINE_UNITS:
        return _date(tv.day(q.dct))
    if unit == "Y" and count == 1 and sign < 0 and _compares_quarters(q):
        # "profit rose from a year ago" beside a quarter: the same quarter a year before
        y, number = report_quarter(q, q.dct)
        return _date(tv.quarter(y - 1, number))
    period = _relative_period(
        q.dct, "Y" if unit in ("DE", "CE") else unit, sign * int(count) * {"DE": 10, "CE": 100}.get(unit, 1)
    )
    return _date(period) if period else None


_RATE_AFTER = re.compile(r"(?:[$£€]?\d[\d,.]*%?|\w+s|million|billion|thousand|hundred|percent)\s+$")
_NOT_PLURAL_NOUNS = frozenset({"was", "is", "has", "this", "its", "his", "as", "us", "thus", "perhaps", "always", "less", "unless", "across", "towards", "afterwards", "besides", "does", "takes", "lasts", "gives", "needs", "seems", "remains"})  # fmt: skip


def _is_rate(q: Query) -> bool:
    """ "four flights a week", "$1.76 a year", "24 hours a day": a rate, not a time."""
    if q.lower("du_num") not in ("a", "an") or q.group("du_dir"):
        return False
    text, start = q.match.string, q.match.start("du_num")
    before = _RATE_AFTER.search(text, max(0, start - 30), start)
    if before is None:
        return False
    return before.group().split()[0].lower() not in _NOT_PLURAL_NOUNS


def resolve_dur(q: Query) -> Resolved | None:
    if q.group("du_old"):
        return None  # an age ("a 40-year-old man") is not a time
    unit = _unit(q, "du_unit")
    count = parse_count(q.group("du_num"), q.lexicon)
    if count is not None and q.group("du_half"):
        count += 0.5  # "a minute and a half", "two hours and a half"
    fraction = (
        unit == "Q" and count is not None and q.match.string[q.match.end() :].lstrip().startswith("of ")
    )
    if _is_rate(q) or fraction:
        return None  # a rate, or a fraction ("three-quarters of its food"; not "several quarters of losses")
    direction = q.lower("du_dir")
    if direction in ("ago", "earlier", "before", "back"):
        return _ago(q, count, unit, -1)
    if direction in ("from now", "hence"):
        return _ago(q, count, unit, 1)
    if q.lower("du_num") == "one" and unit == "D" and q.tense in ("future", "conditional"):
        return Resolved("DATE", "FUTURE_REF", "", (q.dct, None) if q.dct else tv.OPEN)  # "will one day be"
    return Resolved("DURATION", tv.duration_value(count, unit))


def resolve_bare_plural(q: Query) -> Resolved | None:
    return Resolved("DURATION", tv.duration_value(None, _unit(q, "bp")))
