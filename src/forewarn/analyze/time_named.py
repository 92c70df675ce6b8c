"""Resolvers for named periods and frequencies: years, decades, centuries, seasons,
holidays, "now"/"recently"/"the future", and sets ("every week", "daily").

Same contract as time_resolve; `RESOLVERS` maps every grammar kind to its resolver.
"""

from __future__ import annotations

from forewarn.analyze import time_anchor as anchor
from forewarn.analyze import time_relative as rel
from forewarn.analyze import time_resolve as res
from forewarn.analyze import time_values as tv
from forewarn.analyze.time_resolve import Query, Resolved, Resolver, _date, _unit, parse_count

DECADE_MODS = {"early": "START", "mid": "MID", "late": "END"}


def resolve_set(q: Query) -> Resolved | None:
    adverb = q.lower("st_adv")
    if adverb:
        return Resolved("SET", q.lexicon.sets[adverb])
    if q.group("st_times"):
        return Resolved("SET", tv.duration_value(1, _unit(q, "st_unit2")))
    if q.group("st_wd"):
        iso_day = res.name_number(q.group("st_wd"), q.lexicon.weekdays)
        return Resolved("SET", f"XXXX-WXX-{iso_day}") if iso_day else None
    if q.group("st_month"):  # "each July": every July, TIMEX3 XXXX-07
        mon = res.name_number(q.group("st_month"), q.lexicon.months)
        return Resolved("SET", f"XXXX-{mon:02d}") if mon else None
    if q.group("st_season"):
        return Resolved("SET", f"XXXX-{q.lexicon.seasons[q.lower('st_season')]}")
    if q.group("st_pod"):
        return Resolved("SET", f"T{q.lexicon.parts_of_day[q.lower('st_pod')]}")
    count_word = q.lower("st_num")
    count = 2.0 if count_word == "other" else parse_count(count_word, q.lexicon) if count_word else 1.0
    return Resolved("SET", tv.duration_value(count, _unit(q, "st_unit")))


DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
SPELLED = {
    "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 0, "thousand": 0, "and": 0,
}  # fmt: skip


def resolve_decade(q: Query) -> Resolved | None:
    digits = q.group("dc")
    if q.group("dc_word"):
        start = anchor.two_digit_year(DECADE_WORDS[q.lower("dc_word")], q.dct)
    else:
        start = anchor.two_digit_year(int(digits[1:]), q.dct) if digits.startswith("'") else int(digits)
    period = tv.decade(start)
    mod = DECADE_MODS.get(q.lower("dc_mod"), "")
    return Resolved("DATE", period.value, mod, period.interval)


def resolve_century(q: Query) -> Resolved | None:
    number = int(q.group("ce"))
    return _date(tv.century(number)) if 1 <= number <= 99 else None


def resolve_season(q: Query) -> Resolved | None:
    code = q.lexicon.seasons[q.lower("se")]
    y = int(q.group("se_y")) if q.group("se_y") else spelled_year(q.group("se_sy"))
    return _date(tv.season(y, code))


def resolve_holiday(q: Query) -> Resolved | None:
    rule = q.lexicon.holidays[q.lower("hd")]
    if q.dct is None:  # a fixed day keeps its month and day; a movable one is unknown
        fixed = not (rule.nth or rule.easter)
        return Resolved("DATE", f"XXXX-{rule.month:02d}-{rule.day:02d}" if fixed else "XXXX-XX-XX")
    rel = q.lower("hd_rel")
    relation = (
        anchor.PREVIOUS if rel == "last" else anchor.NEXT if rel == "next" else anchor.THIS if rel else ""
    )
    d = anchor.holiday(q.dct, rule, relation)
    if d is None:
        return None
    return _date(tv.iso_week(d) if q.group("hd_week") else tv.day(d))  # "Easter week": the week it falls in


def spelled_year(text: str) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(SPELLED[w] for w in words[2:])
    return SPELLED[words[0]] * 100 + sum(SPELLED[w] for w in words[1:])


def resolve_spelled_year(q: Query) -> Resolved | None:
    """ "nineteen ninety-six", "two thousand", "the year two thousand"."""
    return _date(tv.year(spelled_year(q.group("sy"))))


def resolve_month_year(q: Query) -> Resolved | None:
    """ "June 1998", "June last year", and "January nineteen ninety-seven" (spoken transcripts)."""
    mon = res.name_number(q.group("my_m"), q.lexicon.months)
    if q.group("my_sy") and mon:
        return _date(tv.month(spelled_year(q.group("my_sy")), mon))
    return res.resolve_month_year(q)


def resolve_weekof(q: Query) -> Resolved | None:
    """ "the week of March 6": the ISO week of that day ("the weekend of ...": its weekend)."""
    day = res.month_day(q, "wo")
    if day is None or day.interval[0] is None:
        return Resolved("DATE", "XXXX-WXX-WE" if q.group("wo_end") else "XXXX-WXX") if day else None
    period = tv.weekend(day.interval[0]) if q.group("wo_end") else tv.iso_week(day.interval[0])
    return _date(period)


def resolve_yearq(q: Query) -> Resolved | None:
    """ "the 1988 second quarter", "the 1988 period" (a report's period: the last completed quarter)."""
    y = int(q.group("yq_y"))
    unit = q.lower("yq_unit")
    ordinal = rel.ORDINALS.get(q.lower("yq_ord"), 0)
    if unit == "half":
        return _date(tv.half(y, ordinal)) if ordinal in (1, 2) else _date(tv.year(y))
    if not ordinal:
        ordinal = rel.report_quarter(q, q.dct)[1] if q.dct else 0
    return _date(tv.quarter(y, ordinal)) if 1 <= ordinal <= 4 else _date(tv.year(y))


def resolve_qcode(q: Query) -> Resolved | None:
    """ "Q3", "Q3 2022", "2022 Q3": a quarter, in the DCT's year by the rules of "the third quarter"."""
    number = int(q.group("qc")[1])
    named = q.group("qc_y") or q.group("qc_y0")
    if named:
        return _date(tv.quarter(int(named), number))
    if q.dct is None:
        return Resolved("DATE", f"XXXX-Q{number}")
    return _date(tv.quarter(anchor.quarter_year(q.dct, number, q.tense), number))


def resolve_year(q: Query) -> Resolved | None:
    return _date(tv.year(int(q.group("yr"))))


def resolve_ref(q: Query) -> Resolved | None:
    value = q.lexicon.refs[q.lower("rf")]
    if q.lower("rf") == "soon" and q.tense == "past":
        return None  # "he was soon released": soon after a past event, not the future
    if q.dct is None:
        return Resolved("DATE", value)
    interval = {"PRESENT_REF": (q.dct, q.dct), "PAST_REF": (None, q.dct), "FUTURE_REF": (q.dct, None)}[value]
    return Resolved("DATE", value, "", interval)


RESOLVERS: dict[str, Resolver] = {
    "iso": res.resolve_iso,
    "numdate": res.resolve_numdate,
    "mdy": res.resolve_mdy,
    "dmy": res.resolve_dmy,
    "month_year": resolve_month_year,
    "time": res.resolve_time,
    "weekday": res.resolve_weekday,
    "deictic": res.resolve_deictic,
    "daypart": res.resolve_daypart,
    "quarter": rel.resolve_quarter,
    "yearago": rel.resolve_yearago,
    "firstday": rel.resolve_firstday,
    "period": rel.resolve_period,
    "yearend": rel.resolve_yearend,
    "weekof": resolve_weekof,
    "rel": rel.resolve_rel,
    "dur": rel.resolve_dur,
    "bare_plural": rel.resolve_bare_plural,
    "set": resolve_set,
    "decade": resolve_decade,
    "century": resolve_century,
    "season": resolve_season,
    "holiday": resolve_holiday,
    "year": resolve_year,
    "month": res.resolve_month,
    "ref": resolve_ref,
    "yearq": resolve_yearq,
    "qcode": resolve_qcode,
    "spelled_year": resolve_spelled_year,
}
