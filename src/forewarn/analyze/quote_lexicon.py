"""Compile word lists of the speech lexicon into fast regular expressions.

Python's `re` tries the branches of a flat alternation one by one at every
position; shaped as a trie (`sa(?:id|ys|ying)`) the same list is matched
several times faster, which keeps the quotes stage inside its time budget.
"""

from __future__ import annotations

import re

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
