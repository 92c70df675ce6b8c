"""Token-sequence matching for the events stage: triggers, cue words, mode and context words.

Every list of phrases is indexed by its first token, so a sentence is scanned once, whatever
the size of the lexicon: a dict lookup per token, then only the phrases starting there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, pairwise
from operator import itemgetter
from typing import Any, Generic, NamedTuple, TypeVar

from forewarn.knowledge.plover import (
    GAP,
    PASSIVE_AUXILIARIES,
    Trigger,
    WordRule,
    load_context_rules,
    load_cues,
    load_lexicon,
    load_mode_rules,
    load_passives,
)

T = TypeVar("T")
MAX_GAP = 5
# A gap never runs across these: a pattern's parts belong to one clause ("withdrew from the city
# after a deal" is no withdrawal from a deal).
_CLAUSE_BREAKS = frozenset({".", ",", ";", ":", "!", "?", "“", "”", '"', "(", ")"}) | frozenset(
    {"after", "before", "following", "because", "when", "while", "since", "until", "unless", "if"}
)


class Hit(NamedTuple, Generic[T]):
    """A phrase found in the tokens (a named tuple: many are made per text, cheaply)."""

    start: int  # token index
    end: int  # token index, exclusive
    value: T


class _Node:
    """A trie node: children by token (GAP for a short gap), and the (kind, value) of phrases ending here."""

    __slots__ = ("children", "values")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.values: list[tuple[int, Any]] = []


_START = itemgetter(0)  # Hit.start
# A hit made by tuple.__new__ directly: no Python frame per hit, as Hit(...) or Hit._make costs.
_new_hit = partial(tuple.__new__, Hit)


def _reach(
    node: _Node, words: Sequence[str], start: int, i: int, limit: int, out: Sequence[list[Any]]
) -> None:
    """Append to `out[kind]` a hit for every phrase under `node` matching tokens [start, i + ...)."""
    for kind, value in node.values:
        out[kind].append(_new_hit((start, i, value)))
    if node.children:
        _follow(node.children, words, start, i, limit, out)


def _follow(
    children: dict[str, _Node], words: Sequence[str], start: int, i: int, limit: int, out: Sequence[list[Any]]
) -> None:
    """The phrases going on from token `i` through `children`: a short gap first, then the next token."""
    gap = children.get(GAP)
    # most gaps find none of their next words nearby: one set test at C speed before the loop
    if gap is not None and not gap.children.keys().isdisjoint(words[i : min(i + MAX_GAP + 1, limit)]):
        for skip in range(MAX_GAP + 1):
            j = i + skip
            if j >= limit or (skip and words[j - 1] in _CLAUSE_BREAKS):
                break
            after = gap.children.get(words[j])  # a gap is always followed by a token
            if after is not None:
                _reach(after, words, start, j + 1, limit, out)
    if i < limit:
        child = children.get(words[i])
        if child is not None:
            _reach(child, words, start, i + 1, limit, out)


class PhraseIndex:
    """Phrases (token tuples, GAP = up to MAX_GAP tokens) of several kinds in one trie keyed by token."""

    def __init__(self, items: Sequence[tuple[tuple[str, ...], int, Any]]) -> None:
        self.root = _Node()
        for seq, kind, value in items:
            if not seq or seq[0] == GAP:
                continue
            node = self.root
            for token in seq:
                node = node.children.setdefault(token, _Node())
            node.values.append((kind, value))

    def scan(self, words: Sequence[str], kinds: int) -> tuple[list[Any], ...]:
        """Every phrase hit in `words`, one list per kind (0 .. kinds - 1), each in text order."""
        out: tuple[list[Any], ...] = tuple([] for _ in range(kinds))
        limit = len(words)
        # each token's node (None: it starts no phrase, as most do), looked up once at C speed; the
        # tokens with one are picked by compress, so every node read below is a _Node
        nodes: list[Any] = list(map(self.root.children.get, words))
        for i in compress(range(limit), nodes):
            node = nodes[i]
            for kind, value in node.values:
                out[kind].append(_new_hit((i, i + 1, value)))
            children = node.children
            # "the", "to", "of" start many phrases but rarely one here: a look at the next token
            # spares most of them the walk
            if children and (GAP in children or (i + 1 < limit and words[i + 1] in children)):
                _follow(children, words, i, i + 1, limit, out)
        return out


TRIGGER, CUE, MODE, CONTEXT, PASSIVE = range(5)


@lru_cache(maxsize=1)
def doc_index() -> PhraseIndex:
    """Triggers, modality cues, mode words and context words in one trie: one pass per text."""
    items: list[tuple[tuple[str, ...], int, Any]] = []
    for entries in load_lexicon().by_first.values():
        items.extend((seq, TRIGGER, trigger) for seq, trigger in entries)
    for name, seqs in load_cues().by_modality.items():
        items.extend((seq, CUE, name) for seq in seqs)
    items.extend((seq, MODE, n) for n, rule in enumerate(load_mode_rules()) for seq in rule.phrases)
    items.extend((seq, CONTEXT, n) for n, rule in enumerate(load_context_rules()) for seq in rule.phrases)
    # "was lifted", "were blocked": a participle of a verb-and-object trigger after an auxiliary
    items.extend(((aux, p), PASSIVE, p) for p in load_passives() for aux in PASSIVE_AUXILIARIES)
    return PhraseIndex(items)


@dataclass(frozen=True)
class DocHits:
    """Every phrase hit in a text, by kind, each list sorted by start token."""

    triggers: list[Hit[Trigger]]
    cues: list[Hit[str]]
    modes: list[Hit[int]]
    contexts: list[Hit[int]]
    passives: list[Hit[str]]  # auxiliary and participle; `passive_triggers` finds their objects


def scan_doc(words: Sequence[str]) -> DocHits:
    return DocHits(*doc_index().scan(words, 5))


def passive_triggers(
    words: Sequence[str], passives: list[Hit[str]], triggers: list[Hit[Trigger]]
) -> list[Hit[Trigger]]:
    """`triggers` with the verb-and-object events said in the passive, object first ("the curfew in
    Colombo was lifted", "sanctions were imposed"), each over its auxiliary and participle.

    The object is looked for up to MAX_GAP tokens before the auxiliary, not across a clause break; a
    trigger that is only that object word ("curfew") gives way, as "lifted the curfew" covers it.
    """
    found: list[Hit[Trigger]] = []
    objects: list[tuple[int, int]] = []  # token ranges of the objects found
    table = load_passives()
    for aux, end, participle in passives:
        entries = table[participle]
        for j in range(aux - 1, max(-1, aux - MAX_GAP - 2), -1):
            word = words[j]
            if word in _CLAUSE_BREAKS:
                break
            start = _object_start(words, j, [e for e in entries if word in e.last], found, (aux, end))
            if start >= 0:
                objects.append((start, j + 1))
                break
    if not found:
        return triggers
    # a trigger that is only the object ("curfew", "state of emergency") gives way
    kept = [h for h in triggers if not any(s <= h.start and h.end <= e for s, e in objects)]
    return sorted(kept + found, key=_START)


def _object_start(
    words: Sequence[str], j: int, entries: list[Any], found: list[Hit[Trigger]], verb: tuple[int, int]
) -> int:
    """Where an object of one of `entries` ending at token `j` starts (its hit added to `found`), or -1."""
    for entry in entries:
        for seq in entry.objects:
            start = j + 1 - len(seq)
            if start >= 0 and tuple(words[start : j + 1]) == seq:
                found.append(_new_hit((*verb, entry.trigger)))
                return start
    return -1


def mode_rules() -> tuple[WordRule, ...]:
    return load_mode_rules()


def context_rules() -> tuple[WordRule, ...]:
    return load_context_rules()


def resolve_triggers(hits: list[Hit[Trigger]]) -> list[Hit[Trigger]]:
    """Overlapping trigger hits resolved: longest span first, then weight; result in text order.

    `hits` are in text order (by start token).
    """
    if len(hits) < 2 or all(a.end <= b.start for a, b in pairwise(hits)):
        return list(hits)  # no overlap, the usual case: nothing to resolve
    ranked = sorted(hits, key=lambda h: (-(h.end - h.start), -h.value.weight, h.start))
    first = hits[0].start
    taken = bytearray(max(h.end for h in hits) - first)  # 1 where a kept hit lies
    kept: list[Hit[Trigger]] = []
    for hit in ranked:
        start, end = hit.start - first, hit.end - first
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append(hit)
    kept.sort(key=lambda h: h.start)
    return kept
