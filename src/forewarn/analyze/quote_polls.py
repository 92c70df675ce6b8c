"""Findings of polls: `In a CNN poll released Monday, 50 percent chose Clinton`.

PolNeAR attributes a poll's finding to the poll, with the preposition as the cue: the source is
the poll's phrase up to the comma that closes it, the content the clause after it. Only a
sentence that opens with the phrase counts: a trailing `in the polls` mostly says where someone
stands ("mired in single digits in polls") rather than what a poll found.
"""

from __future__ import annotations

import re

from forewarn.analyze.quote_context import Found, QuoteDoc, trim_span
from forewarn.model import Span

# the poll nouns, found by one C-speed scan of the text (most texts have none)
_POLL = re.compile(r"\b(?:[Pp]olls?|[Ss]urveys?)\b")
_OPENING_MARKS = " “\"'‘("
MAX_WORDS = 8  # words between "In" and the poll noun
MAX_AFTER = 6  # words between the poll noun and the comma that closes the phrase ("released Monday")
# words that make the phrase more than a poll's name ("In states where exit polls were taken,")
_NOT_NOUN_PHRASE = frozenset({"that", "which", "who", "where", "when", "is", "was", "are", "were", "in", "to",
                              "going", "head", "before", "after"})  # fmt: skip


def poll_findings(doc: QuoteDoc, done: list[Found]) -> list[Found]:
    """Each sentence that opens with `In ... poll ...,`, unless its clause holds a speech cue of its own."""
    text, found = doc.text, []
    cues = [f.cue.start for f in done]
    for m in _POLL.finditer(text):
        sentence = doc.sentence(m.start())
        start = sentence.start
        while start < m.start() and text[start] in _OPENING_MARKS:
            start += 1
        if not text.startswith("In ", start) or doc.inside_quote(m.start()):
            continue
        words = text[start + 3 : m.start()].lower().split()
        comma = text.find(",", m.end(), sentence.end)
        if (
            len(words) > MAX_WORDS
            or not _NOT_NOUN_PHRASE.isdisjoint(words)
            or comma < 0
            or text[m.end() : comma].count(" ") > MAX_AFTER
        ):
            continue
        content = trim_span(text, comma + 1, sentence.end)
        if content is None or any(content.start <= c < content.end for c in cues):
            continue  # a clause with a speech cue of its own is that cue's
        found.append(Found(Span(start + 3, comma), Span(start, start + 2), [content], False))
    return found
