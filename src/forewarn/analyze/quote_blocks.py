"""A cue that ends its line with a colon introduces the paragraph after it (`Hewitt writes:` / `The movie
mentions neither ...`, `Clinton released the following statement:` / `“Hillary and I ...”`): web copy sets a
long quotation or a tweet off as a block, with or without quotation marks. The speaker is the cue's subject.
"""

from __future__ import annotations

import re

from forewarn.analyze.quote_context import Found, QuoteDoc, source_of, trim_span
from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.model import Span

_COLON_LINE_END = re.compile(r"[ \t]*:?[ \t]*\n\s*")
BLOCK_REACH = 1500  # characters of the block paragraph read: a longer one is no quotation the cue sets off


def block_after_colon(cues: SpeechCues, doc: QuoteDoc, cue: Span, done: list[Found]) -> Found | None:
    """The paragraph after `X writes:` at the end of a line is X's speech: the quotation that makes it up,
    or its text; None when the colon does not end the line or no speaker stands before the cue."""
    text = doc.text
    if ":" not in text[cue.end - 1 : cue.end + 1]:
        return None  # most cues: a slice, sparing the regex
    gap = _COLON_LINE_END.match(text, cue.end)
    if gap is None or gap.end() >= len(text):
        return None
    source = source_of(cues, doc, cue, done)
    if source is None:
        return None
    start = gap.end()
    quote = doc.quote_at(start)
    if quote is not None and _blank_to_line_end(text, quote.end):
        return Found(source, cue, [quote], True)
    end = text.find("\n\n", start, start + BLOCK_REACH + 1)  # a block runs over single line breaks
    if end < 0:
        end = len(text) if len(text) - start <= BLOCK_REACH else -1
    if end < 0 or text.startswith("<", start):
        return None  # no block within reach, or markup (`<tweet ...>`), not text
    content = trim_span(text, start, end)
    if content is None:
        return None
    # a block keeps its closing full stop, as a quotation does (PolNeAR: `... in mid-September.`)
    stop = content.end + 1 if text[content.end : content.end + 1] in {".", "!", "?"} else content.end
    return Found(source, cue, [Span(content.start, stop)], False)


def _blank_to_line_end(text: str, pos: int) -> bool:
    end = text.find("\n", pos)
    return not text[pos : end if end >= 0 else len(text)].strip()
