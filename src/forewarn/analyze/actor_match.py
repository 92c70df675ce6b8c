"""Dictionary matching for the actors stage: every alias looked up by its lower-case tokens.

Patterns are tokenised by a pipeline of their own (the shared tokenizer's cache must
not fill with tens of thousands of patterns) and matched on the lower-case forms of
the document's tokens, giving what a spaCy PhraseMatcher with attr LOWER gives, in
its order, without a spaCy Doc; the case rules below then keep "US" from matching
"us" and "Turkey" from "turkey".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from spacy.matcher import PhraseMatcher

from forewarn.knowledge.actors import ActorDictionary, SectorPhrase, load_actor_dictionary

if TYPE_CHECKING:
    from spacy.language import Language
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
    """One accepted dictionary match, in token offsets of the document.

    A tuple, not a dataclass: a document has a hundred or more, used as dict keys and sorted.
    """

    start: int
    end: int
    kind: str
    item: int  # index into the dictionary list of that kind (or the capitals' alpha-3 list)


_new_tuple = tuple.__new__

Key = tuple[str, int, str, int]  # kind, index, alias, case rule
Phrase = tuple[str, ...]  # an alias's tokens, lower-cased


class Node:
    """A place in the tree of aliases' lower-case tokens, as in spaCy's PhraseMatcher."""

    __slots__ = ("keys", "next")

    def __init__(self) -> None:
        self.keys: tuple[Key, ...] = ()  # of the alias ending here, in the order a PhraseMatcher reports them
        self.next: dict[str, Node] = {}  # by the next token


@dataclass(frozen=True)
class Lexicon:
    dictionary: ActorDictionary
    tree: dict[str, Node]  # by an alias's first token
    capital_codes: tuple[str, ...]
    entry_country: tuple[str, ...]  # per entry: its country when it is a state, else ""
    sector_phrase: dict[str, SectorPhrase]  # the first generic phrase of each sector, which names it


def _pattern_nlp() -> Language:
    from forewarn.analyze.tokens import build_nlp

    return build_nlp()


@lru_cache(maxsize=8)
def build_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """Compile the dictionary (plus the user's files) into the phrase tables; cached per file set."""
    dictionary = load_actor_dictionary(extra_files)
    capitals = tuple(sorted(dictionary.capitals))
    tree: dict[str, Node] = {}
    for phrase, keys in _phrases(dictionary_keys(dictionary, capitals)).items():
        node = tree.setdefault(phrase[0], Node())
        for word in phrase[1:]:
            node = node.next.setdefault(word, Node())
        node.keys = keys
    entry_country = tuple(
        e.roles[0].country if e.type == "state" and e.roles else "" for e in dictionary.entries
    )
    return Lexicon(
        dictionary,
        tree,
        tuple(dictionary.capitals[c] for c in capitals),
        entry_country,
        {p.sector: p for p in reversed(dictionary.sectors)},  # reversed: the first one stays
    )


def dictionary_keys(dictionary: ActorDictionary, capitals: tuple[str, ...]) -> dict[str, Key]:
    """Every alias of every kind as a key, by a unique name, in the order the matcher takes them."""
    keys: dict[str, Key] = {}

    def add(kind: str, index: int, alias: str, exact: bool = False) -> None:
        keys[f"{kind}:{index}:{alias}"] = (kind, index, alias, _case_rule(kind, alias, exact))

    for i, entry in enumerate(dictionary.entries):
        for alias in entry.aliases:
            add("E", i, alias, entry.exact_case)
    for i, demonym in enumerate(dictionary.demonyms):
        add("D", i, demonym.text)
    for i, sector in enumerate(dictionary.sectors):
        add("S", i, sector.phrase)
    for i, title in enumerate(dictionary.titles):
        add("T", i, title.phrase)
    for i, capital in enumerate(capitals):
        add("C", i, capital)
    for i, cue in enumerate(SPEECH_CUES):
        add("Q", i, cue)
    return keys


def _phrases(keys: dict[str, Key]) -> dict[Phrase, tuple[Key, ...]]:
    """Each alias's lower-case tokens with every key it stands for.

    Where one phrase stands for several keys ("Luxembourg": state, demonym, capital),
    they are ordered as spaCy's PhraseMatcher reports them, which is the order of a
    hash table of that phrase's keys alone: the rules keep the first or last of equal
    spans, so that order is read off a matcher of just these few dozen phrases."""
    nlp = _pattern_nlp()
    grouped: dict[Phrase, dict[str, Doc]] = defaultdict(dict)
    for name, (_, _, alias, _) in keys.items():
        pattern = nlp.make_doc(alias)
        if len(pattern):  # the matcher skips empty patterns
            grouped[tuple(token.lower_ for token in pattern)][name] = pattern
    shared = {phrase: names for phrase, names in grouped.items() if len(names) > 1}
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for names in shared.values():
        for name, pattern in names.items():
            matcher.add(name, [pattern])
    strings = nlp.vocab.strings
    out: dict[Phrase, tuple[Key, ...]] = {}
    for phrase, names in grouped.items():
        order = list(names)
        if phrase in shared:
            pattern = next(iter(names.values()))
            whole = (0, len(pattern))
            order = [strings[match] for match, *span in matcher(pattern) if tuple(span) == whole]
        out[phrase] = tuple(keys[name] for name in order)
    return out


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


def matches(lexicon: Lexicon, lower: list[str]) -> Iterator[tuple[int, int, tuple[Key, ...]]]:
    """Each run of tokens that is an alias, with its keys, by start then end, as a PhraseMatcher
    with attr LOWER finds them: the tree is walked from each token that begins an alias."""
    tree, n = lexicon.tree, len(lower)
    # the tokens that begin some alias, picked out at C speed: about one in six
    for start in compress(count(), map(tree.__contains__, lower)):
        node: Node | None = tree[lower[start]]
        end = start + 1
        while node is not None:
            if node.keys:
                yield start, end, node.keys
            if end == n:
                break
            node = node.next.get(lower[end])
            end += 1


def find_hits(lexicon: Lexicon, words: Words) -> list[Hit]:
    """Every alias in `words` that passes the case rules (titles, sectors and cues match in any case)."""
    hits, text, lower = [], words.text, words.lower
    for start, end, keys in matches(lexicon, lower):
        for kind, index, alias, rule in keys:
            if rule == NOT_LOWER and end == start + 1:  # most names: one word, to be written capitalised
                if text[start] == lower[start]:
                    continue
            elif rule and not _case_ok(words, start, end, alias, rule):
                continue
            # the tuple built at once, as the named tuple's own __new__ does after a Python call
            # that binds its four arguments: about 60 hits an article, each twice as costly
            hits.append(_new_tuple(Hit, (start, end, kind, index)))
    return hits


def longest_first(hits: list[Hit], taken: bytearray, priority: dict[str, int]) -> list[Hit]:
    """Non-overlapping hits, preferring the longest, then by kind priority; marks their tokens taken."""
    chosen = []
    # on equal spans the entry loaded last wins, so a user's file overrides the shipped one
    for hit in sorted(hits, key=lambda h: (h.start - h.end, priority.get(h.kind, 9), h.start, -h.item)):
        start, end = hit.start, hit.end
        if taken.find(1, start, end) < 0:  # none of its tokens taken: searched in C, no slice copied
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(hit)
    chosen.sort(key=_START)
    return chosen


def country_of(lexicon: Lexicon, hit: Hit) -> str:
    """The country a state name or demonym hit stands for ("" for anything else)."""
    if hit.kind == "E":
        return lexicon.entry_country[hit.item]
    return lexicon.dictionary.demonyms[hit.item].country if hit.kind == "D" else ""
