"""Find the top-level quotations in a text, whatever marks it uses.

One linear scan over the quotation marks and line breaks. It pairs typographic
(“ ” „ « » ‹ › ‘ ’ ‚) and straight (" ') marks, keeps only the outermost
quotation (nested ones belong to it), carries a quotation across paragraphs
when the next paragraph re-opens it (the English convention for a quote
spanning paragraphs), and drops a quotation that never closes: an unbalanced
mark yields nothing rather than an invented quote.
"""

from __future__ import annotations

import re

from forewarn.model import Span

# opener -> the closers that may end it
_CLOSERS: dict[str, str] = {
    "“": '”"',  # web copy mixes typographic and straight marks: “...," / "...”
    "„": "“”",
    "«": "»",
    "»": "«",  # Danish and Swedish use »...«
    "‹": "›",
    "‚": "‘’",
    "‘": "’",
    '"': '"”',
    "'": "'",
}
_MARKS = re.compile(r"[“”„«»‹›‘’‚\"'\n]")
_SINGLE = frozenset("‘’‚'")


def _can_open(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if mark in "'‘":
        # an apostrophe inside or after a word (don't, voters' choice) never opens
        return not before.isalnum()
    return True


def _can_close(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in _SINGLE:
        # "don’t" is an apostrophe, not the end of a quote; a mark after a space and before a word
        # opens a nested quotation (`''... of 'together' is ...''`), it closes nothing
        return not (after.isalnum() and (before.isalnum() or before.isspace()))
    return not before.isspace() or after.isspace() or not after.isalnum()


def _reopens(text: str, newline: int, opener: str) -> bool:
    """True when the paragraph after `newline` starts by re-opening `opener`."""
    j = newline + 1
    while j < len(text) and text[j].isspace():
        j += 1
    return j < len(text) and text[j] == opener


_DEEPEST = 16  # unclosed openers a closing mark is tried against


def quotation_spans(text: str) -> list[Span]:
    """Outermost quotations, marks included, in text order."""
    found: list[Span] = []
    stack: list[tuple[str, int]] = []
    skip_until = -1
    for match in _MARKS.finditer(text):
        i, mark = match.start(), match.group()
        if i < skip_until:
            continue
        if mark == "\n":
            if stack and not _reopens(text, i, stack[0][0]):
                stack.clear()  # never closed in its paragraph: not a quotation
            elif stack:
                stack = stack[:1]  # nested quotes do not cross paragraphs
                skip_until = text.index(stack[0][0], i) + 1
            continue
        depth = _closing_depth(stack, text, i, mark)
        if depth is not None:
            start = stack[depth][1]
            del stack[depth:]
            if not stack:
                found.append(Span(start, i + 1))
        elif mark in _CLOSERS and _can_open(text, i, mark):
            stack.append((mark, i))
    return found


def _closing_depth(stack: list[tuple[str, int]], text: str, i: int, mark: str) -> int | None:
    """Index in `stack` of the opener this mark closes, or None when it closes nothing."""
    if not stack or not _can_close(text, i, mark):
        return None
    # only the innermost few openers: quotations nest a level or two, and junk ("““““…") would
    # otherwise make every mark search thousands
    for depth in range(len(stack) - 1, max(-1, len(stack) - 1 - _DEEPEST), -1):
        opener = stack[depth][0]
        if mark in _CLOSERS[opener] and i > stack[depth][1] + 1:
            return depth  # any unclosed inner marks were apostrophes or typos
    return None
