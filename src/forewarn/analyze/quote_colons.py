"""A name and a colon: `Kovalchuk: “...”` and headline-style `Clinton: Trump's view is wrong`.

The colons of a text are read after every cue: a colon inside a quotation, or inside a cue or
content already attributed, opens nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from forewarn.analyze.quote_context import Found, QuoteDoc, trim_span
from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.model import Span

# `Kovalchuk:`, `More from Blumenthal and Cohen:`, `Clinton to Planned Parenthood:` (the name speaks)
_COLON_HEAD = re.compile(
    r"\s*(?:(?:More\s+)?[Ff]rom\s+|Here[’']s\s+)?"
    r"([A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|the|and|for|de|al))*)"
    r"(?:\s+(?:to|on|at|in|about|camp|editorial)\b[^:,;!?\n]*)?\s*"
)
_DASH = re.compile(r"\s[-–—]\s")


def _covered(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether `offset` lies in one of the sorted spans (they may nest, so look back a few)."""
    i = bisect_right(starts, offset)
    return any(a <= offset < b for a, b in spans[max(0, i - 4) : i])


def _common_word(text: str, head: str, colon: int, written: dict[str, bool]) -> bool:
    """`Still to come: results in Ohio`, `Remember: ...`: one capitalised word that the text also
    writes in lower case is a common word, not a speaker (a headline, the first line, keeps its labels).
    `written` remembers each word's answer for the text, so a transcript's many `Name:` turns scan it once."""
    if " " in head or text.rfind("\n", 0, colon) < 0:
        return False
    word = head.lower()
    if word not in written:
        written[word] = _written_lower(text, word)
    return written[word]


def _written_lower(text: str, word: str) -> bool:
    """Whether `word` stands in the text as a word of its own, in lower case."""
    # str.find and a look at the neighbours: a regex opening with a lookbehind would be tried at
    # every position of the text
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _joins(text[at - 1])) and not (end < len(text) and _joins(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


_HEAD_REACH = 150  # characters: more than any name of six words


def _joins(char: str) -> bool:
    return char.isalnum() or char in "_’'-"


def colon_quotes(cues: SpeechCues, doc: QuoteDoc, done: list[Found]) -> list[Found]:
    """`Kovalchuk: “...”` and headline-style `Name: statement`, where a name alone opens the sentence
    (or the part of it after a dash: `POLLS NOT WRONG - Mark Blumenthal: “...”`)."""
    text, found = doc.text, []
    taken: list[tuple[int, int]] = []  # the attributed spans, sorted when the first colon with a name asks
    taken_starts: list[int] = []
    written: dict[str, bool] = {}
    for m in re.finditer(r":[ \t]+(?=\S)", text):
        colon, start = m.start(), m.end()
        sentence = doc.sentence(colon)
        # a name of at most six words lies close before its colon: look no further back (a sentence
        # of junk may hold thousands of colons)
        dashes = list(_DASH.finditer(text, max(sentence.start, colon - _HEAD_REACH), colon))
        head_start = dashes[-1].end() if dashes else sentence.start
        head = _COLON_HEAD.fullmatch(text, head_start, colon) if colon - head_start <= _HEAD_REACH else None
        if (
            head is None
            or len(head.group(1).split()) > 6
            or head.group(1).split()[0].capitalize() in cues.colon_not_sources  # "EXCLUSIVE:", "LOOK:"
            or head.group(1).split()[0] in cues.colon_not_sources
            or head.group(1).split()[-1] in cues.colon_not_heads  # "Crocus City Hall Attack:", an event
            or _common_word(text, head.group(1), colon, written)
        ):
            continue
        if doc.inside_quote(colon):
            continue
        if not taken_starts:  # most texts have no colon after a name: spare sorting every cue and content
            taken = sorted((c.start, c.end) for f in done for c in [*f.contents, f.cue])
            taken_starts = [a for a, _ in taken]
        if _covered(taken, taken_starts, colon):
            continue
        quote = doc.quote_at(start)
        content = quote or trim_span(text, start, sentence.end)
        if content is not None and (quote is not None or not _name_list(text[content.start : content.end])):
            source = Span(head.start(1), head.end(1))
            found.append(Found(source, Span(colon, colon + 1), [content], quote is not None))
    return found


LIST_ITEMS = 3


def _name_list(content: str) -> bool:
    """`Iowa: Tim Albrecht, Brad Anderson, Rob Barron`: names listed under a heading, no speech (no word
    in lower case but "and", at least three items)."""
    if content.count(",") < LIST_ITEMS - 1:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w == "and" for w in content.split())
