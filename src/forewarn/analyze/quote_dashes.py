"""A quotation signed with a dash: `“...” ― Sonya Herridge`, `"..." — President Obama, tweeting`.

Readers' comments, social-media roundups and epigraphs sign a quotation with a dash and a name:
the dash is the cue, the name the source, the quotation the content, as PolNeAR marks them. Only a
quotation that opens its paragraph, ends right before the dash (spaces or a paragraph break between)
and is followed by a capitalised name that ends its line or stops at a comma, a full stop or a
parenthesis is signed: `“a disgrace” — Obama’s own word` is no signature.
"""

from __future__ import annotations

import re

from forewarn.analyze.quote_context import Found, QuoteDoc
from forewarn.model import Span

_SPACE = "[ \t\u00a0]"
# the dash after a quotation's closing mark, then a name: capitalised words and initials
_SIGNED = re.compile(
    rf"{_SPACE}*(?:\n{_SPACE}*){{0,2}}(―|—|–|--?){_SPACE}*"
    rf"([A-Z][\w’'.-]*(?:{_SPACE}+(?:[A-Z][\w’'.-]*|de|del|la|van|von|al|bin))*)"
    rf"(?={_SPACE}*(?:[,(]|\n|$))"
)
_INITIAL = re.compile(r"\b[A-Z]\.$")


def dash_quotes(doc: QuoteDoc, done: list[Found]) -> list[Found]:
    """The quotations signed with a dash and a name that no cue has attributed."""
    text = doc.text
    taken = {content.start for found in done for content in found.contents}
    out = []
    for quote in doc.quotes:
        if quote.start in taken or not _opens_paragraph(text, quote.start):
            continue
        m = _SIGNED.match(text, quote.end)
        if m is None:
            continue
        name_end = m.end(2)
        if text[name_end - 1] == "." and not _INITIAL.search(text, m.start(2), name_end):
            name_end -= 1  # `― Carla Sanchez.`: the sentence's full stop, not an initial's
        out.append(Found(Span(m.start(2), name_end), Span(m.start(1), m.end(1)), [quote], True))
    return out


def _opens_paragraph(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip()
