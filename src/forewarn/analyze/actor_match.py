"""Dictionary matching for the actors stage: one PhraseMatcher over every alias.

Patterns are tokenised by a pipeline of their own (the shared tokenizer's cache must
not fill with tens of thousands of patterns) and matched on lower-case forms; the
case rules below then keep "US" from matching "us" and "Turkey" from "turkey".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from spacy.matcher import PhraseMatcher

from forewarn.knowledge.actors import ActorDictionary, load_actor_dictionary

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from forewarn.analyze.actor_tokens import Words

# Kinds of pattern: E entry, D demonym, S sector phrase, T title, C capital, Q speech cue.
SPEECH_CUES = (
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "noted", "notes", "stressed", "warned",
    "warns", "explained", "announced", "announces", "claimed", "claims", "insisted", "argued", "wrote",
    "tweeted", "posted", "reported", "acknowledged", "admitted", "confirmed", "denied", "urged", "asked",
    "replied", "continued", "concluded", "emphasised", "emphasized", "commented", "declared", "believes",
    "accused", "threatened", "called", "vowed", "pledged", "predicted", "suggested", "echoed", "raised",
    "according", "thinks", "expects", "estimated", "described", "revealed", "disclosed", "alleged",
)  # fmt: skip
APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
_START = attrgetter("start")


class Hit(NamedTuple):
    """One accepted dictionary match, in token offsets of the shared Doc.

    A tuple, not a dataclass: a document has a hundred or more, used as dict keys and sorted.
    """

    start: int
    end: int
    kind: str
    item: int  # index into the dictionary list of that kind (or the capitals' alpha-3 list)


@dataclass(frozen=True)
class Lexicon:
    dictionary: ActorDictionary
    matcher: PhraseMatcher
    keys: dict[int, tuple[str, int, str, int]]  # match id -> kind, index, alias, case rule
    capital_codes: tuple[str, ...]
    entry_country: tuple[str, ...]  # per entry: its country when it is a state, else ""


def _pattern_nlp():  # type: ignore[no-untyped-def]
    from forewarn.analyze.tokens import build_nlp

    return build_nlp()


@lru_cache(maxsize=8)
def build_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """Compile the dictionary (plus the user's files) into one matcher; cached per file set."""
    dictionary = load_actor_dictionary(extra_files)
    nlp = _pattern_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[int, tuple[str, int, str, int]] = {}

    def add(kind: str, index: int, alias: str, exact: bool = False) -> None:
        key = f"{kind}:{index}:{alias}"
        keys[nlp.vocab.strings.add(key)] = (kind, index, alias, _case_rule(kind, alias, exact))
        matcher.add(key, [nlp.make_doc(alias)])

    for i, entry in enumerate(dictionary.entries):
        for alias in entry.aliases:
            add("E", i, alias, entry.exact_case)
    for i, demonym in enumerate(dictionary.demonyms):
        add("D", i, demonym.text)
    for i, sector in enumerate(dictionary.sectors):
        add("S", i, sector.phrase)
    for i, title in enumerate(dictionary.titles):
        add("T", i, title.phrase)
    capitals = tuple(sorted(dictionary.capitals))
    for i, capital in enumerate(capitals):
        add("C", i, capital)
    for i, cue in enumerate(SPEECH_CUES):
        add("Q", i, cue)
    entry_country = tuple(
        e.roles[0].country if e.type == "state" and e.roles else "" for e in dictionary.entries
    )
    return Lexicon(dictionary, matcher, keys, tuple(dictionary.capitals[c] for c in capitals), entry_country)


ANY_CASE, NOT_LOWER, EXACT, EXACT_NOT_CAPS = 0, 1, 2, 3


def _case_rule(kind: str, alias: str, exact: bool) -> int:
    """How a match of `alias` must be written: titles, phrases and lower-case names in any case."""
    if kind == "T" and alias.isupper():
        return EXACT  # "PM", "MP" are not "pm", "mp"
    if kind not in "EDC":
        return ANY_CASE
    if exact:
        return EXACT_NOT_CAPS
    if alias.isupper() and len(alias) <= 5:
        return EXACT
    return ANY_CASE if alias == alias.lower() else NOT_LOWER


def _case_ok(words: Words, start: int, end: int, alias: str, rule: int) -> bool:
    """Names written with capitals must be written with capitals; acronyms exactly."""
    written = words.text[start] if end == start + 1 else words.span_text(start, end)
    if rule == NOT_LOWER:
        return written != written.lower()
    if written.replace(" ", "") != alias.replace(" ", ""):
        return False
    if rule == EXACT:
        return True
    # an all-capitals line ("THIS IS A TEST") says nothing about acronyms that are also words
    before = words.text[start - 1] if start > 0 else ""
    after = words.text[end] if end < len(words) else ""
    return not ((len(before) > 1 and before.isupper()) or (len(after) > 1 and after.isupper()))


def find_hits(lexicon: Lexicon, doc: Doc, words: Words) -> list[Hit]:
    """Every match in `doc` (whose tokens are `words`) that passes the case rules (titles, sectors
    and cues match in any case)."""
    hits, keys, text, lower = [], lexicon.keys, words.text, words.lower
    for match_id, start, end in lexicon.matcher(doc):
        kind, index, alias, rule = keys[match_id]
        if rule == NOT_LOWER and end == start + 1:  # most names: one word, to be written capitalised
            if text[start] == lower[start]:
                continue
        elif rule and not _case_ok(words, start, end, alias, rule):
            continue
        hits.append(Hit(start, end, kind, index))
    return hits


def longest_first(hits: list[Hit], taken: bytearray, priority: dict[str, int]) -> list[Hit]:
    """Non-overlapping hits, preferring the longest, then by kind priority; marks their tokens taken."""
    chosen = []
    # on equal spans the entry loaded last wins, so a user's file overrides the shipped one
    for hit in sorted(hits, key=lambda h: (h.start - h.end, priority.get(h.kind, 9), h.start, -h.item)):
        if not any(taken[hit.start : hit.end]):
            taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            chosen.append(hit)
    chosen.sort(key=_START)
    return chosen


def country_of(lexicon: Lexicon, hit: Hit) -> str:
    """The country a state name or demonym hit stands for ("" for anything else)."""
    if hit.kind == "E":
        return lexicon.entry_country[hit.item]
    return lexicon.dictionary.demonyms[hit.item].country if hit.kind == "D" else ""
