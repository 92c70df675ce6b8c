"""Accounts: `according to X, ...`, `..., according to X.`, `That’s according to X`.

The source is what follows the cue, up to a comma, colon, dash or the sentence end; the speech is the
sentence around it (before the cue, after the source, or both).
"""

from __future__ import annotations

import re

from forewarn.analyze.quote_clauses import after_connective
from forewarn.analyze.quote_context import Found, QuoteDoc, trim_span
from forewarn.analyze.quote_source import VERBAL
from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.model import Span

_DEMONSTRATIVES = frozenset({"That", "This", "It"})


# the source runs to a comma, colon, dash, the sentence end or a parenthesis it does not close
# ("(according to exit polls)"; a short one closed inside it belongs to it: "Our Schools (AROS)"); a
# full stop inside a word or after an initial ("F.A.A. records", "Tchadinfos.com", "the
# A.F.L.-C.I.O.,") does not end it
_ACCORDING_SOURCE = re.compile(
    r"\s+((?:[^,;:.!?()]|\([^(),;:]{1,40}\)|\.(?=[\w,-])|(?<=[\s.][A-Z])\.)+?)"
    r"(?=[,;:)]|\s*\((?![^(),;:]{1,40}\))|\s[-–—]{1,2}\s|\.?\s*$|(?<![\s.][A-Z])\.\s)"
)


def according_to(cues: SpeechCues, doc: QuoteDoc, cue: Span) -> Found | None:
    text, sentence = doc.text, doc.sentence(cue.start)
    m = _ACCORDING_SOURCE.match(text, cue.end, sentence.end)
    if not m:
        return None
    source = Span(m.start(1), m.end(1))
    # `according to Mr. Rhodes`, `according to former Sen. Jim Webb`: a title's dot ends nothing
    while (
        text.startswith(". ", source.end)
        and text[source.start : source.end + 1].rsplit(None, 1)[-1] in cues.titles
    ):
        more = _ACCORDING_SOURCE.match(text, source.end + 1, sentence.end)
        if more is None:
            break
        source = Span(source.start, more.end(1))
    start = after_connective(text, sentence.start, cue.start)
    before = trim_span(text, start, cue.start)
    if before is None and text[start : cue.start].strip() in _DEMONSTRATIVES:
        before = trim_span(text, start, cue.start, words=1)  # `That’s according to X`: what was said before
    source = _with_appositive(text, source, sentence.end, before is not None)
    parts = [before, trim_span(text, source.end, sentence.end)]
    contents = [p for p in parts if p is not None]
    return Found(source, cue, contents, False) if contents else None


# an appositive after the source: `, a law professor at ...`, `, who was an adviser to ...`
_ARTICLES = frozenset({"a", "an"})
_APPOSITIVE = re.compile(r",\s+(?:an?|who|whose|which)\s[^,;:()“”\"]*")


def _with_appositive(text: str, source: Span, end: int, speech_before: bool) -> Span:
    """`..., according to Jason Delisle, who was an adviser to the campaign.`, `According to documents from
    Diane Blair, a close friend of Mrs. Clinton's, the first lady had ...`: the appositive is the source's,
    as PolNeAR marks it, with the comma that closes it; not the speech. After a sentence-opening cue
    (`According to X, a majority ...`) only an appositive closed by a comma is one."""
    m = _APPOSITIVE.match(text, source.end, end)
    if m is None:
        return source
    closed = text.startswith(",", m.end())
    if not (closed or speech_before):
        return source
    words = m.group().split()
    if words[1] in _ARTICLES and not VERBAL.isdisjoint(words):
        return source  # `According to The Guardian, an email was sent ...`: a clause, the speech
    tail = trim_span(text, source.start, m.end(), words=1)
    if tail is None:
        return source
    return Span(source.start, m.end() + 1) if closed else tail
