"""A time or setting adverbial between a speaker and its cue is neither's (`Sen. Bernie Sanders on
Wednesday morning | called`, `Trump in his announcement speech | promised`), as PolNeAR mostly marks it."""

from __future__ import annotations

import re
from functools import lru_cache

from forewarn.analyze.quote_context import QuoteDoc
from forewarn.analyze.quote_source import subject_before
from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.knowledge.time_lexicon import month_names
from forewarn.model import Span

_LEADS = r"on|during|at|in|over|throughout|earlier|later|late|early|last|this|that"


@lru_cache(maxsize=1)
def _last_words(anchors: frozenset[str]) -> frozenset[str]:
    """The words either pattern can end with: most sources end with none, and are left alone at once."""
    return frozenset({*anchors, *month_names(), "day", "week", "year", "month", "today", "yesterday"})


@lru_cache(maxsize=1)
def _tail(anchors: frozenset[str]) -> re.Pattern[str]:
    """A phrase led by a preposition or a time word and ending in a time or setting word
    (`on Wednesday morning`, `at the time`, `in recent weeks`, `earlier Tuesday`), at a source's end."""
    words = "|".join(sorted({*anchors, *month_names()}, key=len, reverse=True))
    return re.compile(rf"\s+(?:{_LEADS})(?:\s+[\w’'.-]+){{0,4}}?\s+(?:{words})s?$")


# a source that is nothing but a time: `on Wednesday`, `last week`, `earlier in the day`
_TIME_ONLY = re.compile(
    r"(?:(?:on|last|this|earlier|late|early|later)\s+)?(?:(?:in\s+)?the\s+day|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|week|year|month|today|yesterday)$"
)
_LEAD_BEFORE = re.compile(r"(?<![\w’'-])(?:on|last|this|earlier|later|late|early)\s+$")
# a name ends the head (`Priebus | later Thursday`): a common noun keeps its time (`A CNN poll in January`)
_LAST_OK = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*\)?$")
_FUNCTION_END = re.compile(r"(?<![\w’'-])(?:the|a|an|of|and|or|to|for|his|her|their|its)$", re.IGNORECASE)


def without_time_tail(cues: SpeechCues, doc: QuoteDoc, source: Span, cue: Span) -> Span:
    """The source before its cue without a trailing time or setting adverbial."""
    text = doc.text
    if source.end > cue.start or text[source.end : cue.start].strip():
        return source  # only a source right before its cue, with nothing between
    last = text[max(source.start, text.rfind(" ", source.start, source.end) + 1) : source.end]
    words = _last_words(cues.adverbial_anchors)
    if last not in words and last[:-1] not in words:
        return source
    if _TIME_ONLY.match(text, source.start, source.end):
        # `Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed`: the time was read as the subject
        lead = _LEAD_BEFORE.search(text, max(0, source.start - 12), source.start)
        end = lead.start() if lead is not None else source.start
        before = subject_before(text, doc.sentence(cue.start).start, end, cues)
        return (
            before if before is not None and not _TIME_ONLY.match(text, before.start, before.end) else source
        )
    m = _tail(cues.adverbial_anchors).search(text, source.start, source.end)
    if m is None or m.start() == source.start:
        return source
    head = text[source.start : m.start()]
    if not _LAST_OK.search(head) or _FUNCTION_END.search(head) or head.count(" ") > 8:
        return source
    return Span(source.start, m.start())
