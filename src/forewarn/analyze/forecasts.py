"""Forecasts in speech: a quote that states an expectation, with its hedge and time.

A quote is a forecast when its content shows at least two independent signs
of looking ahead: hedge phrases from the lexicon ("possible", "as early as",
"maybe later", "not imminent"), a future marker ("will", "next"), a time
expression found by the times stage, or a cue of expectation ("predicted",
"warned", "raised concerns"). One "could" alone is not a forecast; "could
begin as early as January" is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache
from operator import attrgetter

from forewarn.analyze.quote_lexicon import word_regex
from forewarn.knowledge.speech_cues import speech_cues
from forewarn.model import Forecast, Quote, Span, TimeExpr

MIN_SIGNALS = 2


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = speech_cues()
    return (
        word_regex(list(cues.hedges)),  # lower case only: "May" is a month, "may" a hedge
        word_regex(list(cues.future_markers)),
        word_regex(list(cues.forecast_cues), ignore_case=True),
    )


def hedges_in(text: str) -> list[str]:
    """Distinct hedge phrases of the lexicon, lower-cased, in text order."""
    hedge_re = _patterns()[0]
    seen: list[str] = []
    for m in hedge_re.finditer(text):
        phrase = m.group().lower()
        if phrase not in seen:
            seen.append(phrase)
    return seen


def _times_in(content: Span, times: tuple[TimeExpr, ...]) -> list[TimeExpr]:
    i = bisect_left(times, content.start, key=attrgetter("start"))
    found = []
    for time in times[i:]:
        if time.start >= content.end:
            break
        if time.end <= content.end:
            found.append(time)
    return found


def _ahead(time: TimeExpr, published: date | None) -> bool:
    """A time that lies after the document date ("as early as January" in a December article)."""
    start = time.interval[0]
    return time.type != "DURATION" and start is not None and published is not None and start > published


def forecast_for(
    text: str, quote: Quote, times: tuple[TimeExpr, ...], published: date | None = None
) -> Forecast | None:
    """The forecast stated in `quote`, or None when it does not look ahead."""
    _, future_re, cue_re = _patterns()
    said = text[quote.content.start : quote.content.end]
    hedges = hedges_in(said)
    if not hedges:
        return None
    inside = _times_in(quote.content, times)
    ahead = [t for t in inside if _ahead(t, published)]
    cue_text = text[quote.cue.start : quote.cue.end + 20]
    signals = len(hedges) + bool(ahead) + bool(cue_re.search(cue_text))
    if signals < MIN_SIGNALS:  # a future marker is looked for only when it can still make the difference
        futures = {m.group().lower() for m in future_re.finditer(said)} - set(hedges)
        signals += bool(futures)
    if signals < MIN_SIGNALS:
        return None
    chosen = ahead or inside
    time = chosen[0] if chosen else None
    span = Span(time.start, time.end) if time else None
    return Forecast(speaker=quote.speaker, content=quote.content, time=span, hedge="; ".join(hedges))
