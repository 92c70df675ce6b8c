"""Calendar arithmetic for TIMEX3 values: from a resolved period to its value string and interval.

A `Period` is one calendar unit (a day, ISO week, month, quarter, half, season,
year, decade, century) with its TIMEX3 value and the dates it covers. Modifiers
then narrow or open that interval (see `apply_mod`).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from forewarn.knowledge.time_lexicon import Holiday

Interval = tuple[date | None, date | None]
OPEN: Interval = (None, None)

# Months a season covers (northern hemisphere, meteorological seasons).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Period:
    value: str
    interval: Interval


def _valid_year(year: int) -> bool:
    return 1 <= year <= 9998


def day(d: date) -> Period:
    return Period(d.isoformat(), (d, d))


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def make_date(year: int, month: int, dom: int) -> date | None:
    """A real calendar date, or None (31 February does not exist: nothing is invented)."""
    if not (_valid_year(year) and 1 <= month <= 12 and 1 <= dom <= 31):
        return None
    # The month's length without calendar.monthrange, which also works out its first weekday.
    if dom > _MONTH_DAYS[month] + (month == 2 and calendar.isleap(year)):
        return None
    return date(year, month, dom)


def easter(y: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * lw) // 433
    mon = (h + lw - 7 * m + 90) // 25
    return date(y, mon, (h + lw - 7 * m + 33 * mon + 19) % 32)


def holiday_on(rule: Holiday, y: int) -> date | None:
    """The day a holiday falls on in year y (None if the rule names no real day)."""
    if not _valid_year(y):
        return None
    if rule.easter:
        return easter(y) + timedelta(days=rule.offset)
    if not rule.nth:
        return make_date(y, rule.month, rule.day)
    if rule.nth > 0:
        first = date(y, rule.month, 1)
        found = first + timedelta(days=(rule.weekday - first.isoweekday()) % 7 + 7 * (rule.nth - 1))
    else:
        last = date(y, rule.month, calendar.monthrange(y, rule.month)[1])
        found = last - timedelta(days=(last.isoweekday() - rule.weekday) % 7 + 7 * (-rule.nth - 1))
    return found + timedelta(days=rule.offset) if found.month == rule.month else None


def month(year: int, mon: int) -> Period:
    last = calendar.monthrange(year, mon)[1]
    return Period(f"{year:04d}-{mon:02d}", (date(year, mon, 1), date(year, mon, last)))


def year(y: int) -> Period:
    return Period(f"{y:04d}", (date(y, 1, 1), date(y, 12, 31)))


def iso_week(d: date) -> Period:
    y, w, wd = d.isocalendar()
    monday = d - timedelta(days=wd - 1)
    return Period(f"{y:04d}-W{w:02d}", (monday, monday + timedelta(days=6)))


def weekend(d: date) -> Period:
    y, w, wd = d.isocalendar()
    saturday = d - timedelta(days=wd - 1) + timedelta(days=5)
    return Period(f"{y:04d}-W{w:02d}-WE", (saturday, saturday + timedelta(days=1)))


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    last = first + 2
    return Period(f"{y:04d}-Q{q}", (date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1])))


def half(y: int, h: int) -> Period:
    first, last = (1, 6) if h == 1 else (7, 12)
    return Period(f"{y:04d}-H{h}", (date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1])))


def season(y: int, code: str) -> Period:
    first, last = SEASON_MONTHS[code]
    end_year = y + 1 if last < first else y
    end = date(end_year, last, calendar.monthrange(end_year, last)[1])
    return Period(f"{y:04d}-{code}", (date(y, first, 1), end))


def decade(y: int) -> Period:
    start = y - y % 10
    return Period(f"{start // 10:03d}", (date(start, 1, 1), date(start + 9, 12, 31)))


def century(c: int) -> Period:
    """The nth century as TIMEX3 writes it: "19" is 1900-1999 (the 20th century)."""
    start = (c - 1) * 100
    return Period(f"{c - 1:02d}", (date(max(start, 1), 1, 1), date(start + 99, 12, 31)))


def shift_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: date, unit: str, n: int) -> date | None:
    """`d` moved by n units (negative = back); None when out of the calendar."""
    try:
        if unit == "D":
            return d + timedelta(days=n)
        if unit in ("W", "WE"):
            return d + timedelta(weeks=n)
        if unit == "FN":
            return d + timedelta(weeks=2 * n)
        if unit == "M":
            return shift_months(d, n)
        if unit == "Q":
            return shift_months(d, 3 * n)
        factor = {"Y": 1, "DE": 10, "CE": 100}.get(unit)
        if factor is not None:
            return shift_months(d, 12 * factor * n)
    except (OverflowError, ValueError):
        return None
    return None


def period_of(unit: str, d: date) -> Period | None:
    """The calendar unit that contains d ("this month", "last week" once shifted)."""
    if unit == "D":
        return day(d)
    if unit == "W":
        return iso_week(d)
    if unit == "WE":
        return weekend(d)
    if unit == "M":
        return month(d.year, d.month)
    if unit == "Q":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "Y":
        return year(d.year)
    if unit == "DE":
        return decade(d.year)
    if unit == "CE":
        return century(d.year // 100 + 1)
    return None


def _thirds(start: date, end: date, which: int) -> Interval:
    """First (0), middle (1) or last (2) third of [start, end], rounded outwards."""
    length = (end - start).days + 1
    if length < 3:  # "late on March 17": a day (or two) has no whole-day thirds; keep it
        return start, end
    cut1 = start + timedelta(days=-(-length // 3))
    cut2 = start + timedelta(days=-(-2 * length // 3))
    if which == 0:
        return start, cut1 - timedelta(days=1)
    if which == 1:
        return cut1, cut2 - timedelta(days=1)
    return cut2, end


def apply_mod(interval: Interval, mod: str) -> Interval:
    """Narrow or open an interval by a TIMEX3 modifier.

    START/MID/END keep the first, middle or last third; BEFORE/AFTER and the
    ON_OR_ forms open one side; EARLIEST ("as early as January") opens the end,
    LATEST ("by January at the latest") opens the start.
    """
    start, end = interval
    if start is None or end is None or not mod:
        return interval
    one = timedelta(days=1)
    if mod in ("START", "MID", "END"):
        return _thirds(start, end, ("START", "MID", "END").index(mod))
    table: dict[str, Interval] = {
        "BEFORE": (None, start - one),
        "AFTER": (end + one, None),
        "ON_OR_BEFORE": (None, end),
        "ON_OR_AFTER": (start, None),
        "EARLIEST": (start, None),
        "LATEST": (None, end),
    }
    return table.get(mod, interval)


def duration_value(count: float | None, unit: str) -> str:
    """TIMEX3 duration: P3W, PT24H, P2Y6M, PXM for an unknown count."""
    code = {"DE": "Y", "CE": "Y", "FN": "W", "WE": "D"}.get(unit, unit)
    factor = {"DE": 10, "CE": 100, "FN": 2, "WE": 2}.get(unit, 1)
    timed = code in ("H", "MIN", "S")
    letter = "M" if code == "MIN" else code
    prefix = "PT" if timed else "P"
    if count is None:
        return f"{prefix}X{'E' if unit == 'CE' else 'DE' if unit == 'DE' else letter}"
    total = count * factor
    if total == int(total):
        return f"{prefix}{int(total)}{letter}"
    whole = int(total)
    smaller = {
        "Y": ("M", 12),
        "M": ("D", 30),
        "W": ("D", 7),
        "D": ("H", 24),
        "H": ("M", 60),
        "MIN": ("S", 60),
    }
    sub, per = smaller.get(code, ("", 0))
    if not sub:
        return f"{prefix}{total:g}{letter}"
    rest = round((total - whole) * per)
    if code == "D":
        return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
    return f"{prefix}{whole}{letter}{rest}{sub}" if whole else f"{prefix}{rest}{sub}"
