"""Dictionary matching for the actors stage: one PhraseMatcher over every alias.

Patterns are tokenised by a pipeline of their own (the shared tokenizer's cache must
not fill with tens of thousands of patterns) and matched on lower-case forms; the
case rules below then keep "US" from matching "us" and "Turkey" from "turkey".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher

from forewarn.knowledge.actors import ActorDictionary, load_actor_dictionary

if TYPE_CHECKING:
    from spacy.tokens import Doc

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


@dataclass(frozen=True)
class Hit:
    """One accepted dictionary match, in token offsets of the shared Doc."""

    start: int
    end: int
    kind: str
    index: int  # into the dictionary list of that kind (or the capitals' alpha-3 list)


@dataclass(frozen=True)
class Lexicon:
    dictionary: ActorDictionary
    matcher: PhraseMatcher
    keys: dict[int, tuple[str, int, str, bool]]  # match id -> kind, index, alias, exact case
    capital_codes: tuple[str, ...]


def _pattern_nlp():  # type: ignore[no-untyped-def]
    from forewarn.analyze.tokens import build_nlp

    return build_nlp()


@lru_cache(maxsize=8)
def build_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """Compile the dictionary (plus the user's files) into one matcher; cached per file set."""
    dictionary = load_actor_dictionary(extra_files)
    nlp = _pattern_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[int, tuple[str, int, str, bool]] = {}

    def add(kind: str, index: int, alias: str, exact: bool = False) -> None:
        key = f"{kind}:{index}:{alias}"
        keys[nlp.vocab.strings.add(key)] = (kind, index, alias, exact)
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
    return Lexicon(dictionary, matcher, keys, tuple(dictionary.capitals[c] for c in capitals))


def _case_ok(doc: Doc, start: int, end: int, alias: str, exact: bool) -> bool:
    """Names written with capitals must be written with capitals; acronyms exactly."""
    written = doc[start:end].text
    if exact or (alias.isupper() and len(alias) <= 5):
        if written.replace(" ", "") != alias.replace(" ", ""):
            return False
        # an all-capitals line ("THIS IS A TEST") says nothing about acronyms in it
        before = doc[start - 1].text if start > 0 else ""
        after = doc[end].text if end < len(doc) else ""
        return not (
            exact and ((len(before) > 1 and before.isupper()) or (len(after) > 1 and after.isupper()))
        )
    return not (alias != alias.lower() and written == written.lower())


def find_hits(lexicon: Lexicon, doc: Doc) -> list[Hit]:
    """Every match that passes the case rules (titles, sectors and cues match in any case)."""
    hits = []
    for match_id, start, end in lexicon.matcher(doc):
        kind, index, alias, exact = lexicon.keys[match_id]
        if kind in "EDC" and not _case_ok(doc, start, end, alias, exact):
            continue
        hits.append(Hit(start, end, kind, index))
    return hits


def longest_first(hits: list[Hit], taken: bytearray, priority: dict[str, int]) -> list[Hit]:
    """Non-overlapping hits, preferring the longest, then by kind priority; marks their tokens taken."""
    chosen = []
    # on equal spans the entry loaded last wins, so a user's file overrides the shipped one
    for hit in sorted(hits, key=lambda h: (h.start - h.end, priority.get(h.kind, 9), h.start, -h.index)):
        if not any(taken[hit.start : hit.end]):
            taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen


def country_of(lexicon: Lexicon, hit: Hit) -> str:
    """The country a state name or demonym hit stands for ("" for anything else)."""
    if hit.kind == "D":
        return lexicon.dictionary.demonyms[hit.index].country
    if hit.kind == "E":
        entry = lexicon.dictionary.entries[hit.index]
        if entry.type == "state" and entry.roles:
            return entry.roles[0].country
    return ""
