"""Toponym candidates: capitalised word runs matched against the gazetteer's names.

No statistical model: a compiled regex finds capitalised words, words joined by
spaces, hyphens or connectors ("of", "de", "and") form runs, and the longest
sub-run whose folded text is a gazetteer name becomes a candidate. Cues around
it (a preposition before, "Oblast"/"airport" after, a title, a neighbouring
capitalised word) are recorded for the filters and the resolver.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from forewarn.knowledge.gazetteer import Gazetteer, fold

MAX_WORDS = 5
# A capitalised word (Latin or Cyrillic): initials ("U.S."), "St.", "Mt.", "Ft.", or a word whose
# trailing possessive ("'s") and apostrophes are left out. It starts with the capital, not with
# the lookbehind, so the regex engine skips ahead to the next capital letter instead of testing
# every position; the lookbehind then checks the character before the capital. The letters of a
# word are taken by one `\w*` and apostrophes only where they occur: a group repeated per letter
# costs the regex engine several times more.
_CAPWORD = re.compile(
    r"[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ](?<![\w'’.].)"
    r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[SMF])t\.|\w*(?:['’]+(?!s(?![\w'’]))\w+)*)"
)
# Function words capitalised at a sentence start ("In Klamath Falls") do not make a name longer.
_FUNCTION_WORDS = STOP_WORDS | {"according", "after", "before", "during", "despite", "near", "outside"}
_CONNECTORS = "of|de|la|le|du|des|del|della|da|do|dos|das|el|al|ez|ash|an|as|ad|upon|on|am|der|den|di|y|and|the|sur|en|im"
# What may stand between two words of one name: spaces or a hyphen, and connectors.
_GAP = re.compile(rf"(?:[ \t\u00a0]+|[ \t]*-[ \t]*)(?:(?:{_CONNECTORS})(?:[ \t\u00a0]+|-))*")
# Words right before a name that make it a place: "in Kyiv", "the border with Ukraine", "north of Kyiv".
_CUE_WORDS = frozenset(
    ["in", "near", "at", "from", "to", "into", "outside", "toward", "towards", "across", "around", "via", "through", "throughout", "inside", "within", "between", "bordering", "outskirts", "invaded", "enter", "entered", "visit", "visited", "reached", "shelled", "captured", "liberated", "occupied", "embattled", "besieged"]
)  # fmt: skip
_CUE_OF = frozenset(
    ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "city", "town", "village", "region", "province", "outskirts", "capital", "invasion", "borders", "border", "centre", "center", "heart", "suburbs"]
)  # fmt: skip
_DIRECTION_ADJ = frozenset(
    ["northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"]
)
_TITLES = frozenset(
    ["mr", "mrs", "ms", "dr", "sen", "rep", "gen", "gov", "col", "lt", "capt", "sgt", "prof", "president", "senator", "general", "minister", "governor", "mayor", "judge", "justice", "officer", "captain", "colonel", "pope", "king", "queen", "prince", "princess", "lord", "lady", "sir", "coach", "chairman", "director", "commander", "secretary", "deputy", "spokesman", "spokeswoman", "detective", "sheriff", "chief", "father", "brother", "sister"]
)  # fmt: skip
# Words that make a place name the name of an institution of that place ("Washington Post",
# "Winnipeg Police"): the place is still named, unlike in a person's name.
_ORG_HEADS = frozenset(
    ["post", "times", "herald", "journal", "tribune", "gazette", "independent", "chronicle", "observer", "standard", "telegraph", "police", "university", "college", "institute", "council", "fire", "department", "city", "county", "state"]
)  # fmt: skip
# Words before a place name that make a feature of it, not a person ("Mount Sinjar", "Lake Chad").
_GEO_PREFIXES = frozenset(
    ["mount", "mt.", "lake", "cape", "port", "fort", "upper", "lower", "greater", "central"]
)
_QUOTES = "\"“”'‘’([ \t\u00a0"
_SPACE_CHARS = " \t\u00a0"  # what `_SUFFIX` must start with ("" is in it too: the end of the text)
_SUFFIX = re.compile(
    r"[ \t\u00a0]+(oblast|region|province|governorate|district|raion|state|airport|airfield|air base|river|dam|barrage)\b",
    re.IGNORECASE,
)
# The first two letters of `_SUFFIX`'s words: a name followed by a space and an ASCII word starting
# otherwise ("said", "and", "of", most names) needs no regex; a few names in a thousand take a suffix.
_SUFFIX_STARTS = frozenset(["ob", "re", "pr", "go", "di", "ra", "st", "ai", "ri", "da", "ba"])
# A feature named after a place, which the gazetteer does not hold: "Mount Sinjar", "Tabqa Dam",
# "Qayyarah Airfield"; it becomes a feature at the place's point (Candidate.suffix "feature").
_MOUNT_BEFORE = re.compile(r"\b(?:Mount|Mt\.?)[ \t]+\Z")
_FEATURE_AFTER = frozenset({"Airfield", "Air Base", "Dam", "Barrage"})
# A month's abbreviation before a day is a date, even after a comma ("Raqqah, Syria, Nov. 6").
_MONTHS = frozenset(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
_DAY_AFTER = re.compile(r"\.?[ \t]+\d")
# A lower-case Arabic article joined to the name by a hyphen ("al-Hilla", "el-Arish"), part of the name.
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:al|el|ar|as|ash|ad|an|az|at)-\Z")
_FEATURE_BEFORE = re.compile(r"\b(airport|airfield|air base)[ \t]+(?:in|at|near|of)[ \t]+$", re.IGNORECASE)


class Candidate(NamedTuple):
    """A name matched in the text with the cues around it.

    A named tuple, not a frozen dataclass: ~60 are built per article, and a frozen
    dataclass's `__init__` costs several times more.
    """

    start: int
    end: int
    key: str
    words: int  # capitalised words in the match
    run_words: int  # capitalised words in the whole run it came from
    cue: bool  # a locative cue before it ("in", "near", "the border with")
    title: bool  # a title or honorific right before it ("Mr", "President")
    sentence_start: bool
    all_caps: bool  # written in capitals ("BEIRUT", "UK")
    line_caps: bool  # the whole line is in capitals (a headline)
    suffix: str  # "oblast", "airport", ... when the name was extended by one
    prev_cap: bool  # another capitalised word touches it on the left (same run)
    next_cap: bool  # ... or on the right


_new_tuple = tuple.__new__


def capitalised_words(text: str) -> list[tuple[int, int]]:
    """Spans of the capitalised words, a trailing possessive left out; shared with the demonym scan."""
    return [m.span() for m in _CAPWORD.finditer(text)]


def _runs(text: str, words: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    runs: list[list[tuple[int, int]]] = []
    last_end = 0
    for word in words:
        start = word[0]
        # One space is the common gap; the regex, given offsets rather than a slice (gaps can be
        # long), is asked about the others.
        if runs and (
            (start - last_end == 1 and text[last_end] == " ") or _GAP.fullmatch(text, last_end, start)
        ):
            runs[-1].append(word)
        else:
            runs.append([word])
        last_end = word[1]
    return runs


def _line_caps(text: str, start: int) -> bool:
    """Is the line around `start` written in capitals (a headline)? Asked only of all-caps words."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 120)  # a window: lines can be whole articles
    line_end = text.find("\n", start, start + 120)
    line = text[line_start : line_end if line_end >= 0 else start + 120]
    letters = sum(map(str.isalpha, line))
    return letters > 8 and sum(map(str.isupper, line)) > 0.8 * letters


def _last_words(text: str, start: int) -> list[str]:
    return text[max(0, start - 30) : start].lower().split()[-3:]  # split() splits at no-break spaces too


def _cue(before: list[str]) -> bool:
    if before and before[-1] == "the":
        before = before[:-1]
    if len(before) > 1 and before[-1] in _DIRECTION_ADJ and before[-2] in _CUE_WORDS:
        before = before[:-1]  # "in eastern Ukraine"
    if not before:
        return False
    last = before[-1]
    if last in _CUE_WORDS or last == "capital":
        return True
    if len(before) > 1:
        return (last == "of" and before[-2] in _CUE_OF) or (
            last == "with" and before[-2] in ("border", "borders")
        )
    return False


def _sentence_start(text: str, start: int) -> bool:
    """Does a sentence end right before `start`, quotes, brackets and spaces aside?"""
    before = text[max(0, start - 16) : start].rstrip(_QUOTES)
    if not before and start > 16:  # only quotes and spaces in the window: look further back
        before = text[:start].rstrip(_QUOTES)
    return not before or before[-1] in ".!?:;\n•|—–"


def _extend(
    text: str, gaz: Gazetteer, start: int, end: int, key: str, before: list[str]
) -> tuple[int, int, str, str]:
    """Grow a match by a trailing "oblast"/"airport", a leading "northern"/"north of" or "al-" when
    the gazetteer knows it.

    `before` is `_last_words(text, start)`, which the caller needs too."""
    suffix = ""
    if text[start - 1 : start] == "-" and (article := _ARTICLE_BEFORE.search(text, max(0, start - 4), start)):
        longer = fold(text[article.start() : end])
        if longer in gaz:
            start, key = article.start(), longer
    m = _SUFFIX.match(text, end) if _suffix_may_follow(text, end) else None
    if m:
        longer = fold(text[start : m.end()])
        if longer in gaz:
            end, key, suffix = m.end(), longer, m.group(1).lower()
        elif m.group(1).lower() in ("oblast", "region", "province", "governorate", "state"):
            suffix = "admin1"
        elif m.group(1) in _FEATURE_AFTER:
            end, suffix = m.end(), "feature"
    elif (
        text[start - 1 : start] == " "
        and "M" in text[max(0, start - 7) : start]  # the cheap test first: most names follow no "Mount"
        and (mount := _MOUNT_BEFORE.search(text, max(0, start - 7), start))
    ):
        return mount.start(), end, key, "feature"
    # Only parts of countries ("northern Ukraine"): "eastern Ghouta" stays "Ghouta". The words
    # before are tested first, as most names follow neither a direction nor "of".
    if before and (before[-1] in _DIRECTION_ADJ or before[-1] == "of") and gaz.names_country(key):
        for n in (3, 2, 1):
            if len(before) >= n:
                longer = " ".join(before[-n:]) + " " + key
                if longer in gaz:
                    at = text.lower().rfind(before[-n], max(0, start - 30), start)
                    return at, end, longer, suffix
    return start, end, key, suffix


def _suffix_may_follow(text: str, end: int) -> bool:
    """Can `_SUFFIX` match at `end`? Not after punctuation, nor before a space and a word that
    starts as no suffix does. Letters past ASCII are left to the regex, whose case-insensitive
    match knows more than `str.lower` (the long s matches "s")."""
    if text[end : end + 1] not in _SPACE_CHARS:
        return False
    first = text[end + 1 : end + 3]
    return not first.isascii() or first.lower() in _SUFFIX_STARTS or first[:1] in _SPACE_CHARS


def _candidate(text: str, gaz: Gazetteer, start: int, end: int, m: Match, run_words: int) -> Candidate:
    """The candidate for the match `m` of a run of `run_words` words, found at `start`-`end` in `text`."""
    before = _last_words(text, start)
    span_start = start
    start, end, key, suffix = _extend(text, gaz, start, end, m.key, before)
    if start != span_start:  # grown to the left: the words before are those before the new start
        before = _last_words(text, start)
    title = bool(before) and before[-1].rstrip(".") in _TITLES
    line_caps = m.all_caps and _line_caps(text, start)
    feature = suffix == "feature"  # the capitalised word it took in is its own, not another name's
    # the tuple of fields built at once, as the named tuple's own __new__ does after a Python call
    # that binds 13 arguments: this runs for every match, ~40 an article
    return _new_tuple(Candidate, (start, end, key, m.words, run_words, _cue(before), title,
                      _sentence_start(text, start), m.all_caps, line_caps, suffix, m.prev_cap and not feature,
                      m.next_cap and not feature))  # fmt: skip


def _touches(text: str, run: list[tuple[int, int]], i: int, j: int) -> tuple[bool, bool]:
    """Does a capitalised word of the run touch the words `i` to `j - 1` on the left, on the right?

    "Lake" and "Mount" do not (a feature of the place), nor do "Post" and "Police"
    (an institution of it), nor function words capitalised at a sentence start.
    """
    prev = i > 0 and _touching(text, run[i - 1], run[i]) and not _function_word(text, run[i - 1])
    prev = prev and text[run[i - 1][0] : run[i - 1][1]].lower() not in _GEO_PREFIXES
    nxt = j < len(run) and _touching(text, run[j - 1], run[j]) and not _function_word(text, run[j])
    nxt = nxt and text[run[j][0] : run[j][1]].lower() not in _ORG_HEADS
    return prev, nxt


def _function_word(text: str, word: tuple[int, int]) -> bool:
    """ "In", "The", "From" capitalised at a sentence start or in a title-case headline."""
    return text[word[0] : word[1]].lower() in _FUNCTION_WORDS


def _touching(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Two words with only a space between them ("Victoria Beckham", not "Bucha and Irpin")."""
    return right[0] - left[1] <= 2 and not text[left[1] : right[0]].strip(" \t\u00a0")


class Match(NamedTuple):
    """A gazetteer name among the words of a run, with what the run's text alone says of it."""

    start: int  # offsets from the start of the run
    end: int
    key: str  # its folded text
    words: int
    all_caps: bool
    prev_cap: bool  # see `Candidate`
    next_cap: bool


_MEMO_SIZE = 1 << 16  # runs remembered across documents before the memo starts anew


def _matches(text: str, gaz: Gazetteer, run: list[tuple[int, int]]) -> tuple[Match, ...]:
    """Longest gazetteer names inside one run of capitalised words, left to right."""
    known = gaz.known
    out = []
    n, i = len(run), 0
    while i < n:
        first = fold(text[run[i][0] : run[i][1]])
        longest = min(n, i + MAX_WORDS) if gaz.starts_longer(first) else i + 1
        for j in range(longest, i, -1):
            key = first if j == i + 1 else fold(text[run[i][0] : run[j - 1][1]])
            if known[key]:
                out.append(_match(text, run, i, j, key))
                i = j
                break
        else:
            i += 1
    return tuple(out)


def _match(text: str, run: list[tuple[int, int]], i: int, j: int, key: str) -> Match:
    """The match of the words `i` to `j - 1` of `run`, whose folded text is `key`."""
    start, end = run[i][0], run[j - 1][1]
    word = text[start:end]
    prev, nxt = _touches(text, run, i, j) if len(run) > 1 else (False, False)
    base = run[0][0]
    return Match(start - base, end - base, key, j - i, word.isupper() and len(word) > 1, prev, nxt)


class NameFinder:
    """Finds one document's candidates at a time, remembering which words of each run are names.

    A run's words, its names and whether other words of the run touch them
    (`Match`) follow from the run's text alone: a word ends at
    a space or hyphen inside the run, or where the run ends. The same runs ("Donetsk
    Oblast", "Vladimir Putin", "Kyiv") come back in article after article, and folding
    and looking up each of their sub-runs costs far more than one dict lookup.
    """

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._matches: dict[str, tuple[Match, ...]] = {}

    def candidates(self, text: str, words: list[tuple[int, int]]) -> list[Candidate]:
        out: list[Candidate] = []
        memo, gaz = self._matches, self.gaz
        for run in _runs(text, words):
            run_text = text[run[0][0] : run[-1][1]]
            found = memo.get(run_text)
            if found is None:
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                found = memo[run_text] = _matches(text, gaz, run)
            base = run[0][0]
            for m in found:
                if m.key in _MONTHS and _DAY_AFTER.match(text, base + m.end):
                    continue
                out.append(_candidate(text, gaz, base + m.start, base + m.end, m, len(run)))
        return out


def find_candidates(text: str, gaz: Gazetteer, words: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Longest gazetteer matches inside each run of capitalised words, left to right; a stream of
    texts should share one `NameFinder` instead."""
    return NameFinder(gaz).candidates(text, capitalised_words(text) if words is None else words)


def feature_before(text: str, start: int) -> bool:
    """ "the airport in Hostomel": a feature word just before a place name."""
    return bool(_FEATURE_BEFORE.search(text, max(0, start - 25), start))
