"""Sentence breaks a quote must not cross: the splitter may end a sentence at the dot of an abbreviation
that closes a parenthesised tag (`Sen. Bernie Sanders (I-Vt.) said ...`, `Sen. Ted Cruz (Tex.) called
...`, `Rep. Joe Smith, R-Tex., said ...`), cutting the speaker from the cue. A break right after `.)`, or
after a dot and a comma (`.,` `.),`: no sentence ends there), before a lower-case word is no sentence end:
the two sentences are one here.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from forewarn.model import Span

# a dot and a closing parenthesis or a comma (or both), then a lower-case word on the same line
_TAG_END = re.compile(r"\.(?:\)|\)?,)[ \t\xa0]+(?=[a-z])")


def joined_at_tags(text: str, sentences: tuple[Span, ...]) -> tuple[Span, ...]:
    """`sentences` with each break after a tag's `.)`, `.,` or `.),` before a lower-case word removed.
    Most texts hold neither `.)` nor `.,`: two searches in C, and the sentences are returned as they are."""
    if (text.find(".)") < 0 and text.find(".,") < 0) or not sentences:
        return sentences
    starts = [s.start for s in sentences]
    joins: set[int] = set()  # indices of sentences that carry on the one before them
    for m in _TAG_END.finditer(text):
        i = bisect_left(starts, m.end())
        if 0 < i < len(starts) and starts[i] == m.end() and sentences[i - 1].end <= m.end():
            joins.add(i)
    if not joins:
        return sentences
    out: list[Span] = []
    for i, sentence in enumerate(sentences):
        if i in joins and out:
            out[-1] = Span(out[-1].start, sentence.end)
        else:
            out.append(sentence)
    return tuple(out)
