"""Find the top-level quotations in a text, whatever marks it uses.

One linear scan over the quotation marks and line breaks. It pairs typographic
(“ ” „ « » ‹ › ‘ ’ ‚) and straight (" ') marks, keeps only the outermost
quotation (nested ones belong to it), carries a quotation across paragraphs
when the next paragraph re-opens it (the English convention for a quote
spanning paragraphs), and drops a quotation that never closes: an unbalanced
mark yields nothing rather than an invented quote. `marks_to_next` gives a
quotation's opening mark back to the sentence it opens when the splitter cut
after it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

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
_OPENING = "“„«‘‚\"'"


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


def marks_to_next(text: str, sentences: tuple[Span, ...], quote_starts: list[int]) -> tuple[Span, ...]:
    """Sentences whose end holds the opening mark of the next one's quotation (`Becerra said. "Nevada
    is ...`: the splitter cuts after the mark) give the mark to the sentence it opens."""
    if not quote_starts:
        return sentences
    opens = set(quote_starts)
    out = list(sentences)
    carry = -1
    for i in _ending_on_marks(text, sentences, quote_starts):  # the others stay as they are
        sentence = sentences[i]
        start, end = (carry if 0 <= carry < sentence.start else sentence.start), sentence.end
        carry = -1
        mark = end
        while mark > start and text[mark - 1] in _OPENING:
            mark -= 1
        if mark < end and mark in opens and mark > start and text[mark - 1].isspace():
            carry = mark
            while mark > start and text[mark - 1].isspace():
                mark -= 1
            end = mark
        out[i] = Span(start, end)
    return tuple(out)


def _ending_on_marks(text: str, sentences: tuple[Span, ...], quote_starts: list[int]) -> list[int]:
    """The sentences whose end a quotation's opening marks run into (the first end after the quotation's
    start), and the ones after them (whose start such a mark moves to), in order: the only ones
    `marks_to_next` can change. A text has a few quotations and dozens of sentences; each sentence's
    closing run of opening marks is read once, so junk of thousands of marks stays linear."""
    ends = [sentence.end for sentence in sentences]
    runs: dict[int, int] = {}  # sentence end -> where the run of opening marks before it starts
    found: set[int] = set()
    for start in quote_starts:
        i = bisect_right(ends, start)
        if i == len(ends):
            continue
        end = ends[i]
        if end not in runs:
            mark = end
            while mark > 0 and text[mark - 1] in _OPENING:
                mark -= 1
            runs[end] = mark
        while runs[end] <= start and i < len(ends) and ends[i] == end:
            found.update((i, i + 1))
            i += 1
    return sorted(i for i in found if i < len(sentences))
