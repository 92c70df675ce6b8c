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

# the poll noun inside the fronted phrase (searched only in the few phrases that open with "In ")
_POLL = re.compile(r"\b(?:[Pp]olls?|[Ss]urveys?)\b")
_OPENING_MARKS = " “\"'‘("
REACH = 100  # characters from "In" to the comma that closes the phrase
MAX_WORDS = 8  # words between "In" and the poll noun
MAX_AFTER = 6  # words between the poll noun and the comma ("released Monday")
# words that make the phrase more than a poll's name ("In states where exit polls were taken,")
_NOT_NOUN_PHRASE = frozenset({"that", "which", "who", "where", "when", "is", "was", "are", "were", "in", "to",
                              "going", "head", "before", "after"})  # fmt: skip


def poll_findings(doc: QuoteDoc, done: list[Found]) -> list[Found]:
    """Each sentence that opens with `In ... poll ...,`, unless its clause holds a speech cue of its own."""
    text, found = doc.text, []
    cues = [f.cue.start for f in done]
    # the few "In " of a text are found with str.find: a regex for the poll nouns tried at every
    # position of the text would cost far more
    start = text.find("In ")
    while start >= 0:
        one = _finding(doc, start, cues)
        if one is not None:
            found.append(one)
        start = text.find("In ", start + 3)
    return found


def _finding(doc: QuoteDoc, start: int, cues: list[int]) -> Found | None:
    text = doc.text
    sentence = doc.sentence(start)
    if text[sentence.start : start].strip(_OPENING_MARKS) or doc.inside_quote(start):
        return None
    comma = text.find(",", start, min(start + REACH, sentence.end))
    poll = _POLL.search(text, start + 3, comma) if comma > 0 else None
    if poll is None:
        return None
    words = text[start + 3 : poll.start()].lower().split()
    if len(words) > MAX_WORDS or not _NOT_NOUN_PHRASE.isdisjoint(words):
        return None
    if text[poll.end() : comma].count(" ") > MAX_AFTER:
        return None
    content = trim_span(text, comma + 1, sentence.end)
    if content is None or any(content.start <= c < content.end for c in cues):
        return None  # a clause with a speech cue of its own is that cue's
    return Found(Span(start + 3, comma), Span(start, start + 2), [content], False)
