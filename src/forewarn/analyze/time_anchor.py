"""Placing an underspecified date ("October", "Friday", "the third quarter") in time.

The document creation date (DCT) and the tense of the sentence decide: a past
sentence points to the latest such date on or before the DCT, a future one to
the earliest on or after it; without a tense the nearest one wins.
"""

from __future__ import annotations

from datetime import date, timedelta

from forewarn.analyze.time_tense import Tense
from forewarn.analyze.time_values import SEASON_MONTHS, holiday_on, make_date
from forewarn.knowledge.time_lexicon import Holiday

# How far ahead an undated month or day may lie before it is read as last year's.
FUTURE_MONTHS = 4
FUTURE_DAYS = 124
PREVIOUS = "prev"
NEXT = "next"
THIS = "this"


def two_digit_year(yy: int, dct: date | None) -> int:
    """A two-digit year in the century that puts it within 80 years before to 19 after the DCT."""
    pivot = dct.year if dct else 2000
    candidate = pivot - pivot % 100 + yy
    if candidate > pivot + 19:
        candidate -= 100
    elif candidate < pivot - 80:
        candidate += 100
    return candidate


def month_year(dct: date, mon: int, tense: Tense, relation: str = "") -> int:
    """The year of a month named without one ("in October", "last April", "next January")."""
    if relation == PREVIOUS:
        return dct.year if mon < dct.month else dct.year - 1
    if relation == NEXT:
        return dct.year if mon > dct.month else dct.year + 1
    if relation == THIS:
        return dct.year
    if not tense:  # the nearest, leaning to the past: news reports more than it announces
        return dct.year + (
            1 if mon - dct.month < -FUTURE_MONTHS - 4 else -1 if mon - dct.month > FUTURE_MONTHS else 0
        )
    if tense == "past":
        return dct.year if mon <= dct.month else dct.year - 1
    return dct.year if mon >= dct.month else dct.year + 1


def month_day(dct: date, mon: int, dom: int) -> date | None:
    """The date of "February 24" without a year; None if that day does not exist in that year.

    Always the nearest such day (up to four months ahead, eight back): a day named
    without a year is nearly always close to the report ("payable Dec. 15",
    "expires Nov. 21"), and tense cues mislead more often than they help here.
    """
    delta = (mon - dct.month) * 31 + dom - dct.day
    y = dct.year + (1 if delta < -(365 - FUTURE_DAYS) else -1 if delta > FUTURE_DAYS else 0)
    return make_date(y, mon, dom) or (make_date(y - 1, mon, dom) if (mon, dom) == (2, 29) else None)


def month_day_before(dct: date, mon: int, dom: int) -> date | None:
    """The latest "February 24" on or before the DCT (None if that day does not exist then)."""
    y = dct.year if (mon, dom) <= (dct.month, dct.day) else dct.year - 1
    return make_date(y, mon, dom)


def month_day_after(dct: date, mon: int, dom: int) -> date | None:
    """The earliest "February 24" on or after the DCT (None if that day does not exist then)."""
    y = dct.year if (mon, dom) >= (dct.month, dct.day) else dct.year + 1
    return make_date(y, mon, dom)


def holiday(dct: date, rule: Holiday, relation: str = "") -> date | None:
    """The date of "Thanksgiving", "last Easter", "next Christmas": like a day named without a year."""
    this_year = holiday_on(rule, dct.year)
    if relation == THIS or this_year is None:
        return this_year
    if relation == PREVIOUS:
        return this_year if this_year < dct else holiday_on(rule, dct.year - 1)
    if relation == NEXT:
        return this_year if this_year > dct else holiday_on(rule, dct.year + 1)
    ahead = (this_year - dct).days
    shift = -1 if ahead > FUTURE_DAYS else 1 if ahead < -(365 - FUTURE_DAYS) else 0
    return holiday_on(rule, dct.year + shift) if shift else this_year


def weekday(dct: date, iso_day: int, tense: Tense, relation: str = "") -> date:
    """The date of "Friday", "last Friday", "next Friday" seen from the DCT."""
    ahead = (iso_day - dct.isoweekday()) % 7  # 0..6 days forward
    behind = (dct.isoweekday() - iso_day) % 7  # 0..6 days back
    if relation == PREVIOUS:
        return dct - timedelta(days=behind or 7)
    if relation == NEXT:
        return dct + timedelta(days=ahead or 7)
    if relation == THIS:
        return dct + timedelta(days=ahead)
    if tense == "past":
        return dct - timedelta(days=behind)
    if tense == "future":
        return dct + timedelta(days=ahead)
    return dct + timedelta(days=ahead) if ahead < behind else dct - timedelta(days=behind)


def quarter_year(dct: date, q: int, tense: Tense, per_year: int = 4) -> int:
    """The year of "the third quarter" (or "the first half" with per_year=2)."""
    current = (dct.month - 1) * per_year // 12 + 1
    if q <= current or tense in ("future", "conditional"):
        return dct.year
    return dct.year - 1


def season_year(dct: date, code: str, relation: str) -> int:
    """The year a season starts in: "last fall" in August 1998 is 1997-FA."""
    first, last = SEASON_MONTHS[code]
    if relation == PREVIOUS:
        finished = last < first or last < dct.month
        return dct.year if finished and code != "WI" else dct.year - 1
    if relation == NEXT:
        return dct.year if first > dct.month else dct.year + 1
    if code == "WI" and dct.month <= 2:
        return dct.year - 1
    return dct.year
