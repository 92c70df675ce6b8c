"""The grammar of time expressions: one compiled regular expression built from the lexicon.

Each alternative is a named "kind" (iso, mdy, dmy, month_year, month, weekday,
rel, dur, ...); the order of the alternatives matters, because at one position
the first that matches wins, so longer, more specific forms come first. An
optional modifier prefix ("early", "the end of", "at least") is part of the
span, as TimeML annotates it; signals outside the span ("as early as", "by",
"before") are read by `outer_mod` in times.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from forewarn.analyze.time_guard import first_char_guard
from forewarn.analyze.word_trie import trie_pattern
from forewarn.knowledge.time_lexicon import TimeLexicon, load_time_lexicon

# The kinds, in the order they are tried at one position.
KINDS = (
    "iso", "numdate", "mdy", "dmy", "month_year", "time", "weekday", "deictic", "daypart",
    "quarter", "yearago", "period", "yearend", "firstday", "season", "spelled_year", "weekof", "rel", "dur", "bare_plural", "set", "decade",
    "century", "holiday", "yearq", "qcode", "year", "month", "ref",
)  # fmt: skip

# Words between a count and its unit ("three straight days"); the scanner walks back over the same words.
COUNT_ADJECTIVES = ("straight", "consecutive", "long", "trading", "business", "working", "calendar")
SPELLED_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
SPELLED_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
SPELLED_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _alt(words: object, *, case_insensitive: bool = True) -> str:
    """An alternation of literal words, longest first, spaces matching any run of whitespace.

    Shaped as a prefix tree: "the past|the last|the next ..." costs one test per
    character rather than one per word. Of the words that match at a position
    (each a prefix of the next longer one), the longest is still tried first.
    """
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    body = trie_pattern(items).replace(r"\ ", r"\s+")
    # Case-insensitive branches get no fast first-character test from the regex
    # engine; a lookahead over the words' first characters rejects most positions in one.
    firsts = "".join(sorted({re.escape(w[0]) for w in items if w}))
    if not firsts or not all(items):
        return f"(?i:{body})" if case_insensitive else f"(?:{body})"
    return f"(?=(?i:[{firsts}]))(?i:{body})" if case_insensitive else f"(?=[{firsts}])(?:{body})"


def _capitalised(words: object) -> str:
    """Title-case and upper-case spellings only: "May"/"MAY", never the modal "may"."""
    forms = set()
    for word in words:  # type: ignore[attr-defined]
        title = " ".join(part[:1].upper() + part[1:] for part in str(word).split())  # "New Year's Day"
        forms.update({title, str(word).upper()})
    return _alt(forms, case_insensitive=False)


def _names(table: dict[str, int]) -> str:
    """Full names, or abbreviations with a full stop ("Feb.", "Sept.")."""
    longest: dict[int, int] = {}
    for word, number in table.items():
        longest[number] = max(longest.get(number, 0), len(word))
    full = [w for w, n in table.items() if len(w) == longest[n]]
    short = [w for w, n in table.items() if len(w) < longest[n]]
    return rf"(?:{_capitalised(full)}\b|{_capitalised(short)}\.|{_capitalised(short)}\b(?=\s*\d))"


def _number(lexicon: TimeLexicon) -> str:
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    units = "one|two|three|four|five|six|seven|eight|nine"
    words = _alt(lexicon.numbers)
    # "24-72 hours", "48 to 72 hours": a range of counts, valued by its upper bound (parse_count)
    digits = r"\d{1,3}(?:\.\d+)?(?!\d)(?:\s+1/2|\s*[-–]\s*\d{1,3}(?![\d.])|\s+to\s+\d{1,3}(?![\d.]))?"
    return (
        rf"(?:{digits}|(?i:(?:{tens})[\s-](?:{units}))(?:\s+and\s+a\s+half)?|{words}(?:\s+and\s+a\s+half)?)"
    )


def _spelled_year() -> str:
    """ "nineteen ninety-six", "two thousand and one" (not "nineteen years", "twenty people")."""
    tens, units, teens = _alt(SPELLED_TENS), _alt(SPELLED_UNITS), _alt(SPELLED_TEENS)
    return (
        rf"(?:(?i:nineteen|twenty)[\s-]+(?:{tens}(?:[\s-]+{units})?|{teens}|(?i:hundred|o[\s-]+){units})"
        rf"|(?i:two\s+thousand)(?:[\s-]+(?:(?i:and)\s+)?{units})?)\b"
        r"(?![\s-]+(?i:years?|days?|months?|weeks?|hours?|people|men|troops|soldiers|dollars)\b)"
    )


def _pieces() -> dict[str, str]:
    """The shared sub-expressions (month and weekday names, numbers, units ...)."""
    lx = load_time_lexicon()
    year4 = r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d|\d|%|\s*percent)"
    return {
        "month": _names(lx.months),
        "weekday": _names(lx.weekdays),
        "num": _number(lx),
        "vague": _alt(lx.vague_counts),
        "unit": _alt(lx.units),
        "season": _alt(lx.seasons),
        "part": _alt(lx.parts_of_day),
        "dets": _alt(lx.determiners),
        "ordinal": r"(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter)",
        "year4": year4,
        "dom": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",
        "spelled": _spelled_year(),
        "year_after": rf"(?:,?\s*(?P<{{0}}_y>{year4}|'\d\d\b)|\s*\((?P<{{0}}_py>{year4})\))",
    }


def _calendar_kinds(p: dict[str, str]) -> dict[str, str]:
    """Dates written out, clock times, weekdays and deictic days."""
    month, weekday, dom, year4, part = p["month"], p["weekday"], p["dom"], p["year4"], p["part"]
    year_after, zones = p["year_after"], _alt(load_time_lexicon().time_zones)
    return {
        "iso": r"(?P<iso_y>\d{4})[-/](?P<iso_m>\d{1,2})[-/](?P<iso_d>\d{1,2})(?![\d/-])",
        "numdate": r"(?P<nd_a>\d{1,2})(?P<nd_sep>[./-])(?P<nd_b>\d{1,2})(?P=nd_sep)(?P<nd_y>\d{4}|\d{2})(?![\d./-]\d|\d)",
        # "February 28-March 2": a range is one expression ("the night of" stays out, as TimeML corpora mark it)
        "mdy": rf"(?:{weekday},?\s+)?(?P<mdy_m>{month})\s*(?P<mdy_d>{dom})(?:\s*[-–]\s*(?:(?P<mdy_m2>{month})\s*)?(?P<mdy_d2>{dom}))?(?:{year_after.format('mdy')})?",
        "dmy": rf"(?:{weekday},?\s+)?(?:(?i:the)\s+)?(?P<dmy_d>{dom})(?:\s*[-–]\s*(?P<dmy_d2>{dom}))?\s+(?:(?i:of)\s+)?(?P<dmy_m>{month})(?:{year_after.format('dmy')})?",
        "month_year": rf"(?P<my_m>{month})(?:,?\s+(?:(?i:of)\s+)?(?P<my_y>{year4})|\s+(?P<my_sy>{p['spelled']})|\s+(?P<my_rel>(?i:this|last|next))\s+(?i:year)\b)",
        "time": rf"(?:(?P<tm_h>[01]?\d)(?::(?P<tm_min>[0-5]\d))?\s*(?P<tm_ap>(?i:[ap]\.\s?m\b\.?|[ap]m\b))|(?P<tm_h2>[012]?\d):(?P<tm_min2>[0-5]\d)(?!\d)|(?<![Hh]igh\s)(?P<tm_word>(?i:noon|midnight|midday)))(?:\s+(?P<tm_tz>(?:[ECMP][SD]?T|GMT|UTC|CES?T|EES?T|MSK)\b|{zones}\s+(?i:time)\b))?(?:,?\s+(?:(?i:on)\s+)?(?P<tm_day>{weekday}|(?i:yesterday|today|tomorrow))|,?\s+(?:(?i:on)\s+)?(?P<tm_m>{month})\s*(?P<tm_d>{dom})(?:{year_after.format('tm')})?)?",
        "weekday": rf"(?:(?P<wd_rel>(?i:last|next|this|coming|past|this\s+past|this\s+coming))\s+)?(?P<wd>{weekday})(?:\s+(?P<wd_pod>{part}))?",
        "deictic": rf"(?:(?i:the\s+day\s+)(?P<dx_ba>(?i:before|after))\s+)?(?P<dx>(?i:yesterday|today|tomorrow|tonight))(?:\s+(?P<dx_pod>{part}))?",
        "weekof": rf"(?i:the\s+week(?P<wo_end>end)?\s+of)\s+(?P<wo_m>{month})\s*(?P<wo_d>{dom})(?:{year_after.format('wo')})?",
        "daypart": rf"(?P<dp_rel>(?i:this|that|last|tomorrow|the\s+next|the\s+following|the\s+same))\s+(?P<dp>{part})",
    }


def _relative_kinds(p: dict[str, str]) -> dict[str, str]:
    """Quarters, relative and counted units, sets, decades, named periods and references."""
    lx = load_time_lexicon()
    month, weekday, num, vague, unit = p["month"], p["weekday"], p["num"], p["vague"], p["unit"]
    season, part, dets, ordinal, year4 = p["season"], p["part"], p["dets"], p["ordinal"], p["year4"]
    counts = "|".join(COUNT_ADJECTIVES)
    return {
        "quarter": rf"(?:(?P<q_det>(?i:the\s+year-(?:ago|earlier)|the\s+same|this\s+year's|last\s+year's|next\s+year's|the\s+latest|the\s+current|the\s+previous|the|this|last|next))\s+)?(?:(?i:fiscal)[\s-]+)?(?P<q_ord>{ordinal})[\s-]+(?:(?i:fiscal)[\s-]+)?(?P<q_unit>(?i:quarter|half))(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?(?P<q_y>{year4}))?",
        "yearago": r"(?:(?i:the|a)\s+(?=(?i:year-(?:ago|earlier)\s+(?:quarter|period|month|year))))?(?P<ya>(?i:year-(?:ago|earlier)))(?:\s+(?P<ya_unit>(?i:quarter|period|month|year)))?",
        "period": r"(?P<pd_det>(?i:the\s+(?:latest|same|comparable|corresponding|year-ago|year-earlier)))\s+(?i:period)\b",
        "yearend": r"(?:(?i:the)\s+)?(?P<ye>(?i:year[-\s]end|year's\s+end|end\s+of\s+the\s+year))\b",
        "firstday": rf"(?i:the\s+(?P<fd_ord>first|second|third|last|final|opening|early)\s+(?P<fd_unit>day|days|week|weeks|month|months|hours)\s+of\s+(?:the\s+)?(?P<fd_ev>(?!{month}|{weekday}|\d)[a-z]+(?:\s+of\s+[A-Z][a-z]+)?))",
        "rel": rf"(?P<rl_det>{dets})\s+(?:(?P<rl_num>{num}|{vague})[\s-]+)?(?:(?i:fiscal)\s+)?(?:(?P<rl_unit>{unit})(?![\s-](?i:old)\b|-)|(?P<rl_season>{season})|(?P<rl_month>{month})(?!\s*,?\s*\d)|(?P<rl_wd>{weekday}))\b(?:\s+(?i:or\s+so)\b)?(?:\s+(?P<rl_dir>(?i:ago|earlier|later|before)))?",
        "dur": rf"(?P<du_num>{num}|{vague})[\s-]+(?:(?i:more|full|{counts})\s+)?(?P<du_unit>{unit})\b(?!-)(?P<du_half>\s+(?i:and\s+a\s+half)\b)?(?P<du_old>\s(?i:old))?(?:\s+(?i:or\s+so)\b)?(?:\s+(?P<du_dir>(?i:ago|earlier|from\s+now|hence|back)\b))?",
        "bare_plural": r"(?:(?<=\b[Ff]or\s)|(?<=\b[Oo]ver\s)|(?<=\b[Ww]ithin\s)|(?<=\b[Ll]asting\s)|(?<=\b[Ff]or\s\s))(?P<bp>(?i:years|months|weeks|days|hours|decades|centuries|minutes))\b",
        "set": rf"(?:(?P<st_det>(?i:every|each|per))\s+(?:(?P<st_num>{num}|(?i:other))\s+)?(?:(?P<st_unit>{unit})|(?P<st_wd>{weekday})|(?P<st_pod>{part})|(?P<st_month>{month})|(?P<st_season>{season}))\b|(?P<st_adv>{_alt(lx.sets)})\b|(?P<st_times>(?i:once|twice|thrice)|{num}\s+(?i:times))\s+(?i:a|per|every)\s+(?P<st_unit2>{unit})\b)",
        "decade": r"(?:(?i:the)\s+)?(?:(?P<dc_mod>(?i:early|mid|late))[\s-]+)?(?:(?P<dc>1[6-9]\d0|20\d0|'\d0)'?s\b|(?P<dc_word>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b)",
        "century": r"(?:(?i:the)\s+)?(?P<ce>\d{1,2})(?i:st|nd|rd|th)[\s-]+(?i:century)",
        "season": rf"(?:(?i:the)\s+)?(?P<se>{season})\s+(?:(?i:of)\s+)?(?:(?P<se_y>{year4})|(?P<se_sy>{p['spelled']}))",
        "holiday": rf"(?:(?P<hd_rel>(?i:last|next|this))\s+)?(?P<hd>{_capitalised(lx.holidays)})(?![\w'-])(?P<hd_week>\s+(?i:week)\b)?",
        "year": rf"(?P<yr_fy>(?i:fiscal|FY)\s*)?(?P<yr>{year4})(?!\s*(?i:b\.?c))",
        "month": rf"(?P<mo>{month})(?!\s+(?:for|of)\s+(?:the\s+)?[A-Z])",
        "qcode": rf"(?P<qc_y0>{year4}\s+)?(?P<qc>Q[1-4])\b(?:\s+(?P<qc_y>{year4}))?",
        "yearq": rf"(?:(?i:the)\s+)?(?P<yq_y>{year4})\s+(?:(?P<yq_ord>{ordinal})[\s-]+)?(?:(?i:fiscal)\s+)?(?P<yq_unit>(?i:quarter|half|period))\b",
        "spelled_year": rf"(?:(?i:the\s+year)\s+)?(?P<sy>{p['spelled']})",
        "ref": rf"(?<!\bas\s)(?P<rf>{_alt(lx.refs)})\b(?!\s+(?i:after|before|as)\b)",
    }


@lru_cache(maxsize=1)
def master_pattern() -> re.Pattern[str]:
    """The one expression that finds every time expression in a text."""
    pieces = _pieces()
    kinds = _calendar_kinds(pieces) | _relative_kinds(pieces)
    pre = _alt(load_time_lexicon().prefix_mods)
    body = "|".join(f"(?P<{kind}>{first_char_guard(kinds[kind])}{kinds[kind]})" for kind in KINDS)
    # Only try at the start of a word; the lookbehind keeps the scan cheap.
    return re.compile(rf"(?<![\w$£€.,'/-])(?:{first_char_guard(pre)}(?P<pre>{pre})(?:-\s*|\s+))?(?:{body})")
