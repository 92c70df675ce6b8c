"""Token-sequence matching for the events stage: triggers, cue words, mode and context words.

Every list of phrases is indexed by its first token, so a sentence is scanned once, whatever
the size of the lexicon: a dict lookup per token, then only the phrases starting there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from forewarn.knowledge.plover import (
    GAP,
    Trigger,
    WordRule,
    load_context_rules,
    load_cues,
    load_lexicon,
    load_mode_rules,
)

T = TypeVar("T")
MAX_GAP = 5
# A gap never runs across these: a pattern's parts belong to one clause.
_CLAUSE_BREAKS = frozenset({".", ",", ";", ":", "!", "?", "“", "”", '"', "(", ")"})


@dataclass(frozen=True)
class Hit(Generic[T]):
    start: int  # token index
    end: int  # token index, exclusive
    value: T


def match_at(words: Sequence[str], i: int, seq: tuple[str, ...], limit: int) -> int:
    """End token index if `seq` matches at `i` (GAP = up to MAX_GAP tokens), else -1."""
    if not seq:
        return i
    head = seq[0]
    if head == GAP:
        for skip in range(MAX_GAP + 1):
            if i + skip > limit:
                break
            end = match_at(words, i + skip, seq[1:], limit)
            if end >= 0:
                return end
            if i + skip < limit and words[i + skip] in _CLAUSE_BREAKS:
                break
        return -1
    if i >= limit or words[i] != head:
        return -1
    return match_at(words, i + 1, seq[1:], limit)


class PhraseIndex(Generic[T]):
    """Phrases (token tuples) indexed by first token; longest phrases are tried first."""

    def __init__(self, items: Sequence[tuple[tuple[str, ...], T]]) -> None:
        index: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for seq, value in items:
            if seq:
                index.setdefault(seq[0], []).append((seq, value))
        self.index = {k: sorted(v, key=lambda item: -len(item[0])) for k, v in index.items()}

    def scan(self, words: Sequence[str], start: int, end: int, longest_only: bool = True) -> list[Hit[T]]:
        hits: list[Hit[T]] = []
        index = self.index
        for i in range(start, end):
            candidates = index.get(words[i])
            if not candidates:
                continue
            for seq, value in candidates:
                stop = match_at(words, i, seq, end)
                if stop > i:
                    hits.append(Hit(i, stop, value))
                    if longest_only:
                        break
        return hits


@lru_cache(maxsize=1)
def trigger_index() -> PhraseIndex[Trigger]:
    lexicon = load_lexicon()
    return PhraseIndex([item for items in lexicon.by_first.values() for item in items])


@lru_cache(maxsize=1)
def cue_index() -> PhraseIndex[str]:
    cues = load_cues()
    return PhraseIndex([(seq, name) for name, seqs in cues.by_modality.items() for seq in seqs])


@lru_cache(maxsize=1)
def mode_index() -> PhraseIndex[int]:
    rules = load_mode_rules()
    return PhraseIndex([(seq, n) for n, rule in enumerate(rules) for seq in rule.phrases])


@lru_cache(maxsize=1)
def context_index() -> PhraseIndex[int]:
    rules = load_context_rules()
    return PhraseIndex([(seq, n) for n, rule in enumerate(rules) for seq in rule.phrases])


def mode_rules() -> tuple[WordRule, ...]:
    return load_mode_rules()


def context_rules() -> tuple[WordRule, ...]:
    return load_context_rules()


def find_triggers(words: Sequence[str], start: int, end: int) -> list[Hit[Trigger]]:
    """Trigger hits in one sentence, overlaps resolved: longest span first, then weight."""
    hits = trigger_index().scan(words, start, end, longest_only=False)
    hits.sort(key=lambda h: (-(h.end - h.start), -h.value.weight, h.start))
    taken: set[int] = set()
    kept: list[Hit[Trigger]] = []
    for hit in hits:
        span = set(range(hit.start, hit.end))
        if span & taken:
            continue
        taken |= span
        kept.append(hit)
    kept.sort(key=lambda h: h.start)
    return kept
