"""Attributions the splitter's sentence breaks must not lose: a speaker whose parenthesised tag ends
with an abbreviation's dot (`Sen. Bernie Sanders (I-Vt.) said`)."""

from __future__ import annotations

import pytest

from forewarn.analyze.pipeline import Pipeline
from forewarn.analyze.quote_tags import joined_at_tags
from forewarn.model import Span, TextInput


def _triples(pipeline: Pipeline, text: str) -> list[tuple[str, str, str]]:
    analysis = pipeline.analyze(TextInput("t", text))
    return [
        (q.source.text_of(text) if q.source else "", q.cue.text_of(text), q.content.text_of(text))
        for q in analysis.quotes
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sen. Bernie Sanders (I-Vt.) said he would stay in the race.",
            [("Sen. Bernie Sanders (I-Vt.)", "said", "he would stay in the race")],
        ),
        (
            "Sen. Ted Cruz (Tex.) called on voters to rally. Then he left.",
            [("Sen. Ted Cruz (Tex.)", "called on", "voters to rally")],
        ),
        # a state set off by commas: the splitter ends a sentence at `Tex.,`
        (
            "Rep. Joe Smith, R-Tex., said he would stay in the race.",
            [("Rep. Joe Smith, R-Tex.,", "said", "he would stay in the race")],
        ),
        (
            "Sen. Amy Doe (D-Minn.), a former judge, argued the bill was unfair.",
            [("Sen. Amy Doe (D-Minn.), a former judge,", "argued", "the bill was unfair")],
        ),
        # a capital after `.)` opens a new sentence: "Voters" is the speaker, not the senator
        ("He met Sen. Ted Cruz (Tex.). Voters said he would win.", [("Voters", "said", "he would win")]),
    ],
)
def test_speaker_with_a_dotted_tag(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _triples(pipeline, text) == expected


def test_joined_at_tags_leaves_other_breaks() -> None:
    text = "It grew (see Fig. 2.) Then it fell. The rest (I-Vt.) said so."
    sentences = (Span(0, 21), Span(22, 35), Span(36, 52), Span(53, 61))
    assert joined_at_tags(text, sentences) == (Span(0, 21), Span(22, 35), Span(36, 61))
    assert joined_at_tags("No tags here.", (Span(0, 13),)) == (Span(0, 13),)


def test_joined_at_tags_after_a_dot_and_a_comma() -> None:
    text = "Her father, John Doe Sr., ran it. It grew., he said. Then It fell."
    sentences = (Span(0, 25), Span(26, 33), Span(34, 43), Span(44, 52), Span(53, 66))
    # `Sr.,` and `grew.,` before a lower-case word end nothing; before a capital the break stays
    assert joined_at_tags(text, sentences) == (Span(0, 33), Span(34, 52), Span(53, 66))
