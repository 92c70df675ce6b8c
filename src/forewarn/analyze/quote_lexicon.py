"""Cues in a text, and the word lists of the speech lexicon compiled into fast regular expressions.

Python's `re` tries the branches of a flat alternation one by one at every
position; shaped as a trie (`sa(?:id|ys|ying)`) the same list is matched
several times faster, which keeps the quotes stage inside its time budget.
"""

from __future__ import annotations

import re
from functools import lru_cache

from forewarn.knowledge.speech_cues import speech_cues
from forewarn.model import Span

Trie = dict[str, "Trie"]


def _insert(tree: Trie, word: str) -> None:
    node = tree
    for char in word:
        node = node.setdefault(char, {})
    node[""] = {}


def _pattern(node: Trie) -> str:
    optional = "" in node
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) > 1:
        body = "(?:" + "|".join(branches) + ")"
    else:
        body = branches[0] if not optional or len(branches[0]) == 1 else f"(?:{branches[0]})"
    return body + "?" if optional else body


def word_regex(words: list[str], *, capitalised: bool = False, ignore_case: bool = False) -> re.Pattern[str]:
    """Whole-word matches of any of `words`, longest first; `capitalised` also admits "Said" for "said"."""
    by_initial: dict[str, Trie] = {}
    for word in words:
        key = word[0].lower() if ignore_case else word[0]
        _insert(by_initial.setdefault(key, {}), word[1:].lower() if ignore_case else word[1:])
    parts = []
    for initial, tree in sorted(by_initial.items()):
        first = f"[{initial}{initial.upper()}]" if capitalised and initial.islower() else re.escape(initial)
        parts.append(first + _pattern(tree))
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w’'-])(?:{'|'.join(parts)})(?![\w’'-])", flags)


@lru_cache(maxsize=2)
def _cue_regex(capitalised: bool) -> re.Pattern[str]:
    cues = speech_cues()
    return word_regex(sorted(set(cues.verb_forms) | set(cues.phrases)), capitalised=capitalised)


_CLITIC_BEFORE = re.compile(r"(?<=[A-Za-z])([’']s)\s+$")


@lru_cache(maxsize=1)
def _affixes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes for what belongs to a cue: auxiliaries before it, fixed phrases after it."""
    cues = speech_cues()
    before = "|".join(re.escape(w) for w in sorted(cues.cue_prefixes, key=len, reverse=True))
    after = "|".join(re.escape(w) if w == ":" else " " + re.escape(w) for w in cues.cue_suffixes)
    return re.compile(rf"(?<![\w’'])(?:(?:{before})\s+)+$"), re.compile(rf"(?:{after})(?![\w’'])")


def cue_spans(text: str) -> list[Span]:
    """Every cue in the text, with the auxiliaries and phrases that belong to it ("has said in a statement")."""
    # literal branches on the lower-cased text match twice as fast as [sS]-style classes; lower()
    # keeps offsets unless a character changes length ("İ"), then the case-blind regex is used
    lower = text.lower()
    matches = (
        _cue_regex(False).finditer(lower) if len(lower) == len(text) else _cue_regex(True).finditer(text)
    )
    return [_extend(text, m.start(), m.end()) for m in matches]


def _extend(text: str, start: int, end: int) -> Span:
    prefix_re, suffix_re = _affixes()
    prefix = prefix_re.search(text, max(0, start - 40), start)
    if prefix:
        start = prefix.start()
    clitic = _CLITIC_BEFORE.search(text, max(0, start - 8), start)
    if clitic:
        start = clitic.start(1)  # "he’s predicting": the cue is "’s predicting"
    suffix = suffix_re.match(text, end)
    return Span(start, suffix.end() if suffix else end)
