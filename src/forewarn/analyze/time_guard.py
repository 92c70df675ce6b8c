"""First-character guards for the alternatives of the time grammar.

At one position the grammar tries its kinds in order, and most tries fail:
a kind that cannot begin with the character there still walks its word
lists (case-insensitive alternations get no fast first-character test from
the regex engine). A lookahead `(?=(?i:[...]))` in front of each kind, over
every character the kind can begin with, rejects it in one test. The set is
read from the kind's parsed pattern, so it follows any change of the
grammar; where it cannot be worked out (a negated class, a backreference,
any other construct) no guard is added, which only costs speed. Since the
guard admits at least every character the kind can begin with, matches are
exactly those of the unguarded grammar.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's opcodes
from re import _parser  # type: ignore[attr-defined]  # no public API gives a pattern's tree
from typing import Any

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}
_ZERO_WIDTH = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})


class _Unknown(Exception):
    """A construct whose first characters are not worked out: no guard."""


def _class_items(items: list[tuple[Any, Any]]) -> list[str]:
    """A character class (`[...]`, `\\d`) as items to put inside brackets."""
    out = []
    for op, arg in items:
        if op is sre.LITERAL:
            out.append(re.escape(chr(arg)))
        elif op is sre.RANGE:
            out.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is sre.CATEGORY and arg in _CATEGORIES:
            out.append(_CATEGORIES[arg])
        else:
            raise _Unknown(op)
    return out


def _first(sequence: list[tuple[Any, Any]]) -> tuple[list[str], bool]:
    """Class items for every character a sequence can begin with, and whether it can match empty."""
    found: list[str] = []
    for op, arg in sequence:
        if op is sre.LITERAL:
            return [*found, re.escape(chr(arg))], False
        if op is sre.IN:
            return [*found, *_class_items(arg)], False
        if op in _ZERO_WIDTH:  # lookarounds and \b consume nothing: what follows begins the match
            continue
        if op is sre.SUBPATTERN:
            items, empty = _first(arg[3].data)
        elif op is sre.BRANCH:
            branches = [_first(branch.data) for branch in arg[1]]
            items, empty = [i for b in branches for i in b[0]], any(b[1] for b in branches)
        elif op in _REPEATS:
            items, empty = _first(arg[2].data)
            empty = empty or arg[0] == 0
        else:
            raise _Unknown(op)
        found += items
        if not empty:
            return found, False
    return found, True


def first_char_guard(pattern: str) -> str:
    """A lookahead admitting every character `pattern` can begin with, or "" if that is not known."""
    try:
        items, empty = _first(_parser.parse(pattern).data)
    except _Unknown:
        return ""
    if empty or not items:
        return ""
    # Case-insensitive, so the guard admits whatever case-folding a kind itself applies.
    return "(?=(?i:[" + "".join(dict.fromkeys(items)) + "]))"
