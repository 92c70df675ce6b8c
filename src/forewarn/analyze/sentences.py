"""Sentences: the shared tokens' sentences as character spans, trimmed of surrounding whitespace."""

from __future__ import annotations

from dataclasses import replace

from forewarn.analyze.pipeline import Context
from forewarn.model import Analysis, Span


def sentence_spans(ctx: Context) -> tuple[Span, ...]:
    text, tokens = ctx.text, ctx.tokens
    spans = []
    for first, stop in tokens.sentence_bounds:
        start, end = tokens.start[first], tokens.end[stop - 1]
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return tuple(spans)


class Sentences:
    name = "sentences"
    requires: tuple[str, ...] = ()
    assigns = ("sentences",)

    def __call__(self, ctx: Context, analysis: Analysis) -> Analysis:
        return replace(analysis, sentences=sentence_spans(ctx))
