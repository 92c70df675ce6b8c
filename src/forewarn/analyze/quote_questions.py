"""A question put to someone: `When asked by a reporter whether ...,`, `Asked about it,`, `he said
when asked what ...`, `when asked about Trump's temperament`. Nobody named speaks, or the agent who
asks; the question (or what it was about) is the content.
"""

from __future__ import annotations

import re

from forewarn.analyze.quote_context import Found, QuoteDoc, trim_span
from forewarn.model import Span

_ASKED = re.compile(
    r"(?:\s+by\s+((?:[^,;:.!?“”\"]|\.(?=\w))+?))?"
    r"\s+((?:whether|if|what|how|why|who|whom|when|where|which|about|to)\b[^,;:!?“”\"]*)"
)
# what a question was about, after a cue that holds the "about" (`when asked about the Florida Standards`)
_ABOUT = re.compile(r"()\s+([^,;:!?“”\"]+)")
_ASKED_AFTER = frozenset(
    {"when", "whenever", "after", "once", "if", "as", "while", "being", "was", "were", "is", "been"}
)


def asked(doc: QuoteDoc, cue: Span) -> Found | None:
    """`When asked by Starnes if he believed it, ...`: the agent asks (or nobody named does), the
    question is the content, up to the next comma or the sentence end; after `asked about`, what the
    question was about (as PolNeAR marks it: `when | asked about | Trump's temperament`)."""
    text, sentence = doc.text, doc.sentence(cue.start)
    before = text[max(sentence.start, cue.start - 12) : cue.start].split()
    if before and before[-1].lower() not in _ASKED_AFTER:
        return None
    about = text.endswith(" about", cue.start, cue.end)
    m = (_ABOUT if about else _ASKED).match(text, cue.end, sentence.end)
    content = trim_span(text, m.start(2), m.end(2)) if m else None
    if m is None or content is None:
        return None
    source = Span(m.start(1), m.end(1)) if m.group(1) else None
    return Found(source, cue, [content], False)


ASKING = frozenset({"ask", "asks", "asked", "asking"})
# the person asked, up to five words with no comma, question word or clause mark, before the question
# (`asked Trump | how high the wall would be`, `asked Clinton Friday | whether she would release ...`)
_ASKED_WHOM = re.compile(
    r"(?:\s+(?!(?:whether|if|what|how|why|who|whom|when|where|which|to|that|about)\b)[^\s,;:.!?“”\"«»]+){1,5}?"
    r"\s+(?=(?:whether|if|what|how|why|who|when|where|which)\s)"
)


def past_asked_whom(text: str, pos: int, end: int) -> int:
    """Where the question starts after `asked X`: past the person asked, whom PolNeAR leaves out of the
    content (on train 24 questions right, 4 wrong); `pos` when no question word follows a short addressee
    (`asked them to support` keeps them: the infinitive's subject is what is asked for)."""
    m = _ASKED_WHOM.match(text, pos, end)
    return m.end() if m else pos
