"""Fast scanning: try the grammar only where a time expression can be.

Trying the whole grammar at every word costs ~10 ms an article. Instead a
cheap trie-shaped expression over the lower-cased text finds anchors (words
every time expression contains: a month, weekday, unit, digit, "now" ...);
from each anchor we step back over the words an expression may start with
("the", "past", "several", "end", "of" ...) and try the grammar from the
leftmost of them rightwards, keeping the first match that covers the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from forewarn.analyze.time_grammar import COUNT_ADJECTIVES, master_pattern
from forewarn.analyze.word_trie import trie_pattern
from forewarn.knowledge.time_lexicon import load_time_lexicon

_EXTRA_ANCHORS = (
    "yesterday", "today", "tomorrow", "tonight", "noon", "midnight", "midday", "half", "christmas",
    "halloween", "morning", "afternoon", "evening", "night", "overnight", "present", "moment",
    "past", "future", "fiscal", "q1", "q2", "q3", "q4", "period", "nineteen", "thousand", "twenties", "thirties", "forties",
    "fifties", "sixties", "seventies", "eighties", "nineties", "term",
)  # fmt: skip
# The grammar's words between a count and its unit (COUNT_ADJECTIVES: "three consecutive days")
# are among them, so the step back from the unit walks over them.
_EXTRA_STARTS = (
    "of", "and", "every", "each", "per", "once", "twice", "thrice", "times", "other", "day", "fiscal",
    "year", "year's", "as", "at", "soon", "couple", "number", "few", "several", *COUNT_ADJECTIVES,
)  # fmt: skip
_CONTINUERS = frozenset(
    {
        "of",
        "and",
        "times",
        "other",
        "than",
        "least",
        "most",
        "number",
        "couple",
        "half",
        "to",
        "on",  # only inside a prefix ("late on March 17"), never its first word
        *COUNT_ADJECTIVES,
    }
)
_LOOKBACK_WORDS = 6
_LOOKBACK_CHARS = 60
_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


# Every kind that begins with a number takes exactly four digits (a year, an
# ISO date, a decade) or one to three followed by a space, a separator or
# letters ("12th", "5pm", "24-48"). Other numbers ("[12]" footnote markers,
# "1,500", "12)") are anchors only after a space or hyphen, where a start
# word before them may open an expression ("the 12 ..."); group "inner".
_NUMBER_OPENS = r"\d{4}(?!\d)|\d{1,3}(?=[\s./:–-]|[^\W\d_])"  # "12–13 March": an en dash too
_NUMBER_INSIDE = r"(?<=[\s'’–-])(?P<inner>\d+)"


@lru_cache(maxsize=1)
def _anchor_pattern() -> re.Pattern[str]:
    """Anchors, each with the character before it, on the text behind a leading space.

    Starting with a character class (not a lookbehind) lets the regex engine
    skip letters in C rather than try the trie inside every word. After an
    amount sign or a decimal point ("$4.5", "1,500") there is no anchor.
    """
    lx = load_time_lexicon()
    words: set[str] = set(lx.months) | set(lx.weekdays) | set(lx.units) | set(lx.seasons)
    words |= set(lx.sets) | set(_EXTRA_ANCHORS)
    words |= {phrase.split()[-1] for phrase in (*lx.refs, *lx.holidays)}
    trie = trie_pattern(sorted(words))
    # (?=\d) makes a letter fail the number branches in one test.
    return re.compile(rf"[^a-z0-9$£€.,](?:(?=\d)(?:{_NUMBER_OPENS}|{_NUMBER_INSIDE})|{trie}\b)")


@lru_cache(maxsize=1)
def _start_words() -> frozenset[str]:
    """Words an expression may begin with before its anchor."""
    lx = load_time_lexicon()
    words: set[str] = set(_EXTRA_STARTS) | set(lx.ordinals) | set(lx.weekdays) | set(lx.months)
    for phrase in (*lx.determiners, *lx.prefix_mods, *lx.numbers, *lx.vague_counts, *lx.refs, *lx.holidays):
        words.update(phrase.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _opener_words() -> frozenset[str]:
    """Start words that may begin an expression (not "of", "and", "than" ... which only continue one)."""
    return _start_words() - _CONTINUERS


def lower_same_length(text: str) -> str:
    """Lower-cased text whose offsets still match the original (ASCII-only lowering if needed)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


def _starts_before(lowered: str, anchor: int, floor: int) -> list[int]:
    """Starts of the words just before the anchor that could open the expression, leftmost first."""
    if anchor <= floor or not (lowered[anchor - 1].isspace() or lowered[anchor - 1] in "-'’"):
        return []  # the anchor is glued to the word before it ("F-16" is no time)
    window_start = max(floor, anchor - _LOOKBACK_CHARS)
    window = lowered[window_start:anchor]
    allowed, openers = _start_words(), _opener_words()
    starts: list[int] = []
    cursor = len(window)
    for word in reversed(window.split()[-_LOOKBACK_WORDS:]):
        cursor = window.rfind(word, 0, cursor)
        token = word.strip("'’-,")
        if not (token in allowed or token[:1].isdigit() or not token):
            break
        if token in openers or token[:1].isdigit() or not token:
            starts.append(window_start + cursor + (len(word) - len(word.lstrip("'’-"))))
    return starts[::-1]


def scan(text: str, lowered: str) -> Iterator[re.Match[str]]:
    """Grammar matches in text order, without overlaps; lowered = lower_same_length(text)."""
    grammar = master_pattern()
    last_end = 0
    # What the grammar gives at a start, kept: the words before "the next 24-48 hours"
    # are start candidates for each of its three anchors.
    tried: dict[int, re.Match[str] | None] = {}
    # Behind the leading space, the match's start (the character before the
    # anchor) is the anchor's own offset in lowered.
    for anchor in _anchor_pattern().finditer(" " + lowered):
        at = anchor.start()
        if at < last_end:
            continue
        starts = _starts_before(lowered, at, last_end)
        if anchor.start("inner") < 0:  # a number no expression begins with is tried from words before it only
            starts.append(at)
        for start in starts:
            match = tried[start] if start in tried else tried.setdefault(start, grammar.match(text, start))
            if match and match.end() > at:
                last_end = match.end()
                yield match
                break
