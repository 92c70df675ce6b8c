"""The reference time of a narrative: what "the next day", "that month", "the previous Friday" count from.

A news report dates "yesterday", "last week" and "Friday" from its publication
date (the DCT). Anaphoric expressions do not: "the following day", "the same
month", "that morning", "the day before", "the previous Friday", "that year"
count from the time the story has reached, the most recent date the text gave
with a fine enough granularity (HeidelTime's reference time). "On March 3, 1998
they arrived; the next day they left" is 1998-03-04 whatever the DCT. When the
text gave no such date the expression keeps its DCT reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from forewarn.analyze import time_values as tv
from forewarn.analyze.time_resolve import Resolved, name_number, parse_count
from forewarn.knowledge.time_lexicon import TimeLexicon
from forewarn.model import TimeExpr

# Determiners that make a unit anaphoric, and the step they take from the reference.
SHIFTS = {
    "that": 0,
    "the same": 0,
    "the following": 1,
    "following": 1,
    "the next": 1,
    "the previous": -1,
    "the preceding": -1,
}
# "the next week" / "the next year" are as often "the coming one" (from the DCT) as
# anaphoric; "the next day" is nearly always the day after the story's last date.
_NEXT_ONLY = frozenset({"D"})
_OBJECT_AFTER = re.compile(r"\s+[\w$]")
# The granularity a reference needs for each unit: its value must match this.
_GRAIN = {
    "D": re.compile(r"\d{4}-\d\d-\d\d"),
    "W": re.compile(r"\d{4}-(?:\d\d-\d\d|W\d\d)"),
    "M": re.compile(r"\d{4}-\d\d"),
    "Q": re.compile(r"\d{4}-(?:\d\d|Q[1-4])"),
    "Y": re.compile(r"\d{4}"),
}


def reference(found: Sequence[TimeExpr], unit: str) -> date | None:
    """The first day of the latest date the text gave that is at least as fine as `unit`."""
    grain = _GRAIN.get(unit)
    if grain is None:
        return None
    for earlier in reversed(found):
        if earlier.type in ("DATE", "TIME") and grain.match(earlier.value):
            return _first_day(earlier.value)  # from the value: a modifier ("before") only moves the interval
    return None


def _first_day(value: str) -> date | None:
    """The first day of a TIMEX3 calendar value: 2022-12-20, 2022-W51, 2022-Q3, 2022-12, 2022."""
    year, rest = int(value[:4]), value[5:]
    try:
        if rest[:1] == "W":
            return date.fromisocalendar(year, int(rest[1:3]), 1)
        if rest[:1] == "Q":
            return date(year, 3 * int(rest[1]) - 2, 1)
        if len(rest) >= 5:
            return date(year, int(rest[:2]), int(rest[3:5]))
        return date(year, int(rest[:2]) if rest else 1, 1)
    except ValueError:
        return None


def _period(unit: str, ref: date, steps: int) -> tv.Period | None:
    moved = tv.shift(ref, unit, steps)
    return tv.period_of(unit, moved) if moved else None


def _unit_phrase(match: re.Match[str], lexicon: TimeLexicon, found: Sequence[TimeExpr]) -> Resolved | None:
    """ "the following day", "that month", "the same year", "the previous quarter", "the day before"."""
    det = " ".join((match.group("rl_det") or "").lower().split())
    word = (match.group("rl_unit") or "").lower()
    if word.endswith("s") or word == "centuries":
        return None  # "the following weeks": a stretch of time, not one unit of the calendar
    unit = lexicon.units.get(word, "")
    direction = (match.group("rl_dir") or "").lower()
    if det == "the" and unit == "D" and direction == "before":
        if _OBJECT_AFTER.match(match.string, match.end()):
            return None  # "the day before the vote": dated by the event, not by the story
        steps: int | None = -1  # "the day before"
    elif direction:
        return None
    else:
        steps = SHIFTS.get(det)
    if steps is None or unit not in _GRAIN or (det == "the next" and unit not in _NEXT_ONLY):
        return None
    ref = reference(found, unit)
    period = _period(unit, ref, steps) if ref else None
    return Resolved("DATE", period.value, "", period.interval) if period else None


def _weekday_phrase(match: re.Match[str], lexicon: TimeLexicon, found: Sequence[TimeExpr]) -> Resolved | None:
    """ "the previous Friday", "the following Monday": the nearest such day before or after the reference."""
    steps = SHIFTS.get(" ".join((match.group("rl_det") or "").lower().split()))
    iso_day = name_number(match.group("rl_wd") or "", lexicon.weekdays)
    ref = reference(found, "D")
    if not steps or iso_day is None or ref is None:
        return None
    if steps > 0:
        day = ref + timedelta(days=(iso_day - ref.isoweekday()) % 7 or 7)
    else:
        day = ref - timedelta(days=(ref.isoweekday() - iso_day) % 7 or 7)
    return Resolved("DATE", day.isoformat(), "", (day, day))


def _daypart(match: re.Match[str], lexicon: TimeLexicon, found: Sequence[TimeExpr]) -> Resolved | None:
    """ "the next morning", "that night": a part of the reference day (or of the day after)."""
    steps = {"the next": 1, "the following": 1, "the same": 0, "that": 0}.get(
        " ".join((match.group("dp_rel") or "").lower().split())
    )
    code = lexicon.parts_of_day.get((match.group("dp") or "").lower(), "")
    ref = reference(found, "D")
    if steps is None or not code or ref is None:
        return None
    day = ref + timedelta(days=steps)
    return Resolved("TIME", f"{day.isoformat()}T{code}", "", (day, day))


def _counted(match: re.Match[str], lexicon: TimeLexicon, found: Sequence[TimeExpr]) -> Resolved | None:
    """ "two days earlier", "three weeks earlier": counted back from the reference, not from the DCT.

    Years are left to the DCT: "a year earlier" in a report compares with the
    same period a year before the report's own (time_relative).
    """
    unit = lexicon.units.get((match.group("du_unit") or "").lower(), "")
    count = parse_count(match.group("du_num") or "", lexicon)
    if (match.group("du_dir") or "").lower() != "earlier" or unit not in ("D", "W", "M") or not count:
        return None
    ref = reference(found, unit)
    period = _period(unit, ref, -int(count)) if ref and count == int(count) else None
    return Resolved("DATE", period.value, "", period.interval) if period else None


def anaphoric(
    match: re.Match[str], kind: str, lexicon: TimeLexicon, found: Sequence[TimeExpr]
) -> Resolved | None:
    """The reading of an anaphoric expression from the reference time, or None (not anaphoric, no reference)."""
    if kind == "daypart":
        return _daypart(match, lexicon, found)
    if kind == "dur":
        return _counted(match, lexicon, found)
    if kind != "rel" or match.group("rl_num"):
        return None
    if match.group("rl_wd"):
        return _weekday_phrase(match, lexicon, found)
    if match.group("rl_unit"):
        return _unit_phrase(match, lexicon, found)
    return None


_MONTH_VALUE = re.compile(r"\d{4}-(\d\d)")
_YEAR_VALUE = re.compile(r"\d{4}")


def month_in_named_year(expr: TimeExpr, found: Sequence[TimeExpr], sentence_start: int) -> TimeExpr:
    """ "In 1988, sales fell in April": a month named without a year takes the year its sentence named."""
    month = _MONTH_VALUE.fullmatch(expr.value)
    if month is None:
        return expr
    for earlier in reversed(found):
        if earlier.start < sentence_start:
            break
        if earlier.type == "DATE" and _YEAR_VALUE.fullmatch(earlier.value):
            period = tv.month(int(earlier.value), int(month.group(1)))
            return replace(expr, value=period.value, interval=tv.apply_mod(period.interval, expr.mod))
    return expr


_CLOCK_REACH = 400  # characters: a clock time takes the day of a date this close before it


def clock_on_reference_day(expr: TimeExpr, match: re.Match[str], found: Sequence[TimeExpr]) -> TimeExpr:
    """ "The blast occurred Friday ... at 10:35 a.m.": a clock time without a day is on the story's day.

    The day is that of the latest day-fine date within a few sentences before; without one
    the time stays on the DCT.
    """
    if match.group("tm_day") or match.group("tm_m") or expr.type != "TIME" or expr.value[:1] == "X":
        return expr
    near = [e for e in found if e.start > expr.start - _CLOCK_REACH]
    ref = reference(near, "D")
    if ref is None:
        return expr
    value = ref.isoformat() + expr.value[10:]
    return replace(expr, value=value, interval=tv.apply_mod((ref, ref), expr.mod))
