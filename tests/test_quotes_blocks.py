"""A cue that ends its line with a colon sets off the paragraph after it as the speech."""

from __future__ import annotations

from forewarn.analyze.pipeline import Pipeline
from forewarn.model import TextInput


def _speech(pipeline: Pipeline, text: str, cue: str) -> list[tuple[str, str, bool]]:
    found = pipeline.analyze(TextInput("t", text)).quotes
    return [
        (q.source.text_of(text) if q.source else "", q.content.text_of(text), q.direct)
        for q in found
        if q.cue.text_of(text) == cue
    ]


def test_block_paragraph_after_a_colon(pipeline: Pipeline) -> None:
    text = "The council met.\n\nForeign Secretary Philip Hammond said:\n\nThe attacks have stiffened our resolve.\n"
    assert _speech(pipeline, text, "said:") == [
        ("Foreign Secretary Philip Hammond", "The attacks have stiffened our resolve.", False)
    ]


def test_block_quotation_after_a_colon(pipeline: Pipeline) -> None:
    text = "The film was shown.\n\nHewitt writes:\n\n“The movie names neither of them.”\n\nThen it ended."
    assert _speech(pipeline, text, "writes:") == [("Hewitt", "“The movie names neither of them.”", True)]


def test_no_block_when_the_colon_does_not_end_the_line(pipeline: Pipeline) -> None:
    text = "Hammond said: the attacks have stiffened our resolve.\n\nThe council met."
    assert _speech(pipeline, text, "said:") == [("Hammond", "the attacks have stiffened our resolve", False)]


def test_no_block_of_markup(pipeline: Pipeline) -> None:
    text = 'One activist tweeted:\n\n<tweet id="1">Vote!</tweet>\n\nThen it ended.'
    assert _speech(pipeline, text, "tweeted:") == []
