"""Word lists as regular expressions shaped as prefix trees, shared by the stages that scan for
many literal words at once (time words, head nouns, verbs)."""

from __future__ import annotations

import re
from collections.abc import Iterable

Trie = dict[str, "Trie"]


def _trie_body(node: Trie) -> str:
    branches = [re.escape(char) + _trie_body(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here and longer ones go on
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
    return body


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation shaped as a prefix tree, so a failing position costs one character test."""
    tree: Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_body(tree)
