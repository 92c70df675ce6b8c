"""What a country adjective names, from the noun it qualifies (`knowledge/actors/heads.tsv`).

"Iraqi" alone or before an abstract noun ("the Iraqi insurgency" aside, "Iraqi unity")
is a nationality; before a place noun ("the Syrian town of Dabiq") it is part of a
place; before a person noun ("a senior Iraqi general") it makes a person of that
country; before a group noun ("Syrian children") a group of that country.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter
from typing import TYPE_CHECKING

from forewarn.analyze.actor_match import SPEECH_CUES
from forewarn.analyze.actor_persons import Found
from forewarn.analyze.actor_pronouns import mentioned
from forewarn.analyze.actor_tokens import STOP_WORDS
from forewarn.knowledge.actors import HeadNoun, Nominals, load_group_words, load_head_nouns, load_nominals
from forewarn.model import Actor

if TYPE_CHECKING:
    from forewarn.analyze.actor_tokens import Words

OPENERS = frozenset({"the", "a", "an", "our", "their", "its", "his", "her", "this", "that", "these", "those"})
StateLabel = Callable[[str, str], "Actor | None"]  # (noun, sector) -> the main state's actor
EXTRA_MODIFIERS = frozenset({"terrorist", "jihadist", "islamist", "military", "ruling", "western", "global"})
_NONE = HeadNoun("", "")
MODIFIER_REACH = 2  # lower-case words allowed between the adjective and its noun ("Iraqi tribal sheikh")


def qualified(words: Words, start: int, end: int, country: str, name: str) -> Found | None:
    """The actor "<adjective at start:end> <noun>" names; a nationality when the noun names none."""
    found = _head(words, end)
    if found is None:
        return _people(words, start, end, country, name) or _nationality(start, end, country, name)
    head_end, head = found
    if head_end < len(words) and words.text[head_end].istitle():
        return _nationality(start, end, country, name)  # "the Swedish citizen Mohamed Moumou": named
    if head.kind == "place":
        return None
    first = _opener(words, start)
    phrase = words.span_text(first, head_end)
    if head.kind == "person":
        return Found(first, head_end, phrase, "person", country, head.sector, phrase)
    return Found(first, head_end, phrase, "other", country, head.sector, "")


def _nationality(start: int, end: int, country: str, name: str) -> Found:
    # built only when it is the answer: most adjectives qualify a noun and name something else
    return Found(start, end, name, "nationality", country, "", "")


@lru_cache(maxsize=1)
def _pair_firsts() -> frozenset[str]:
    """The first words of the two-word head nouns: the pair is built and looked up only after one."""
    return frozenset(noun.split(" ", 1)[0] for noun in load_head_nouns() if " " in noun)


def _head(words: Words, end: int) -> tuple[int, HeadNoun] | None:
    """The known noun within MODIFIER_REACH lower-case words after `end`, with its end token."""
    heads, lower, pair_firsts = load_head_nouns(), words.lower, _pair_firsts()
    for k in range(end, min(end + MODIFIER_REACH + 1, len(lower))):
        text, word = words.text[k], lower[k]
        if k == end and text.istitle() and heads.get(word, _NONE).kind == "person":
            return k + 1, heads[word]  # "an Iraqi General"
        if not (text.islower() and text.isalpha()):
            return None
        if word in pair_firsts and k + 1 < len(lower) and f"{word} {lower[k + 1]}" in heads:
            return k + 2, heads[f"{word} {lower[k + 1]}"]
        if word in heads:
            return k + 1, heads[word]
        if word in STOP_WORDS:
            return None
    return None


def _people(words: Words, start: int, end: int, country: str, name: str) -> Found | None:
    """ "The French previously led", "the British said": the adjective after "the" with no noun
    names the people, or their state acting, as a group."""
    if start == 0 or words.lower[start - 1] != "the":
        return None
    if end < len(words):
        after, lower = words.text[end], words.lower[end]
        noun_may_follow = after.isalpha() and lower not in STOP_WORDS and lower not in SPEECH_CUES
        if noun_may_follow and not (after.islower() and lower.endswith(("ed", "ly"))):
            return None
    return Found(start - 1, end, name, "other", country, "", "")


def _opener(words: Words, start: int) -> int:
    """The phrase starts at its article or possessive, over one adjective ("a senior Iraqi") or up to
    two group modifiers ("Sunni Arab tribesmen", `modifiers` in sectors.yaml)."""
    modifiers, j = load_group_words()[0], start
    while j > 0 and start - j < 2 and words.lower[j - 1] in modifiers:
        j -= 1
    if j > 0 and words.lower[j - 1] in OPENERS:
        return j - 1
    if j == start and start > 1 and words.text[start - 1].islower() and words.lower[start - 2] in OPENERS:
        return start - 2
    return j


# -- definite nouns referring back: "the regime", "the group" ----------------------

DEFINITE = frozenset({"the", "this", "that"})
ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "SEP"})
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "LEG", "JUD"})
ADVERBS = frozenset({"later", "now", "then", "still", "yet", "already", "again", "soon"})
REACH = 2_000  # characters back to look for the organisation referred to


def main_state(actors: list[Actor]) -> str:
    """The country the document's state mentions name most (the first of equals), else ""."""
    counts: dict[str, int] = {}  # a plain dict: Counter and most_common cost more than the counting here
    for actor in actors:
        if actor.type == "state" and actor.country:
            counts[actor.country] = counts.get(actor.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else ""  # max keeps the first of equals


def nominal_mentions(
    words: Words, actors: list[Actor], state_label: StateLabel, generic: list[Actor] | None = None
) -> list[Actor]:
    """Definite nouns that refer back to an actor, as mentions of it; unresolved ones are left out.

    A noun inside a `generic` group ("this terrorist group") is a mention only of a named actor
    before it, never of the main state's body."""
    nominals, text = load_nominals(), words.source
    out = []
    taken: Callable[[int, int], bool] | None = None  # built at the first noun: most texts have few
    in_generic = _overlaps(generic or [])
    for match in _noun_pattern().finditer(text):
        span = words.char_span(match.start(1), match.end())
        if span is None or noun_end(words, span[1]) is None:
            continue
        start = _definite_start(words, span[0])
        if start is None:
            continue
        taken = taken or _overlaps(actors)
        if taken(match.start(), match.end()):
            continue
        first, noun = words.start[start], match.group(1)
        found = _referent(actors, first, noun, nominals)
        if found is None and not in_generic(first, match.end()):
            found = state_label(noun, nominals.state.get(noun, ""))
        if found is not None:
            out.append(mentioned(found, first, match.end(), text[first : match.end()]))
    return out


def _overlaps(actors: list[Actor]) -> Callable[[int, int], bool]:
    """A test of whether characters start..end overlap any of `actors`' mentions, by bisection on
    their starts with the running maximum of their ends (one scan of every actor per noun was
    quadratic)."""
    ordered = sorted(actors, key=attrgetter("start"))
    starts = [a.start for a in ordered]
    reach = list(accumulate((a.end for a in ordered), max, initial=-1))  # reach[k]: max end of the first k

    def overlaps(start: int, end: int) -> bool:
        return reach[bisect_left(starts, end)] > start

    return overlaps


@lru_cache(maxsize=1)
def _noun_pattern() -> re.Pattern[str]:
    nouns = sorted(load_nominals().nouns, key=len, reverse=True)
    # the article is in the pattern so that the many bare "military", "group" cost nothing more;
    # its "t" comes before the word-start look-behind so that the engine skips to the letter; the
    # runs between are possessive, as letters and spaces given back could never match the other; the
    # articles share their "h", so the many other words with a "t" fail on one branch, not three
    words = "|".join(re.escape(n) for n in nouns)
    return re.compile(r"[tT](?<!\w.)(?i:h(?:e|is|at))\s+(?:[a-z-]++\s++){0,2}?(" + words + r")(?![\w-])")


def noun_end(words: Words, end: int) -> int | None:
    """`end` when what follows the noun lets it be a noun ("the military said", not "the military operation")."""
    if end >= len(words):
        return end
    lower = words.lower[end]
    if not words.text[end].isalpha() or lower in STOP_WORDS or lower in SPEECH_CUES:
        return end
    return end if lower.endswith(("ed", "ly")) or lower in ADVERBS else None


def _definite_start(words: Words, i: int) -> int | None:
    """Where "the (modifiers) <noun>" starts, or None when the noun has no definite article."""
    modifiers, _ = load_group_words()
    lower, j = words.lower, i
    while j > 0 and i - j < 2 and (lower[j - 1] in modifiers or lower[j - 1] in EXTRA_MODIFIERS):
        j -= 1
    return j - 1 if j > 0 and lower[j - 1] in DEFINITE else None


def _referent(actors: list[Actor], offset: int, noun: str, nominals: Nominals) -> Actor | None:
    """The nearest organisation before `offset` that the noun can refer to."""
    for actor in reversed([a for a in actors if a.end <= offset]):
        if offset - actor.end > REACH:
            return None
        if actor.type not in {"organisation", "force"} or not actor.code:
            continue
        if noun in nominals.named and noun in actor.name.lower():
            return actor
        if noun in nominals.armed and actor.sector in ARMED_SECTORS and actor.code != actor.sector:
            return actor
        if noun in nominals.bloc and actor.sector == "IGO":
            return actor
    return None
