"""Where a speech starts: a cue that ends an object relative clause reports the relative word before
its speaker; a question leaves out the person asked."""

from __future__ import annotations

import pytest

from forewarn.analyze.pipeline import Pipeline
from forewarn.model import TextInput


def _by_cue(pipeline: Pipeline, text: str, cue: str) -> tuple[str, list[str]]:
    """The source and the contents of the quotes whose cue is `cue`."""
    quotes = [q for q in pipeline.analyze(TextInput("t", text)).quotes if q.cue.text_of(text) == cue]
    sources = {q.source.text_of(text) if q.source else "" for q in quotes}
    assert len(sources) <= 1, sources
    return (sources.pop() if sources else ""), [q.content.text_of(text) for q in quotes]


def test_relative_word_and_its_as_phrase(pipeline: Pipeline) -> None:
    text = "He won Florida, which he describes as his second home."
    assert _by_cue(pipeline, text, "describes") == ("he", ["which", "as his second home"])


def test_as_phrase_holds_its_quotation(pipeline: Pipeline) -> None:
    text = 'Observers walked with the marchers, whom he described as "peaceful," for the length of the route.'
    assert _by_cue(pipeline, text, "described") == ("he", ["whom", 'as "peaceful,"'])


def test_no_relative_speech_when_an_object_or_clause_follows(pipeline: Pipeline) -> None:
    # the clause after the cue is the speech: the older rule reads it
    text = "He pointed to the wall, which he said was built in 2010."
    assert _by_cue(pipeline, text, "said") == ("he", ["which", "was built in 2010"])
    # "what" clauses are left alone: annotators seldom mark them (`what he sees as ...`)
    text = "He talked about what he sees as the country's larger problems."
    assert _by_cue(pipeline, text, "sees") == ("", [])


def test_the_person_asked_is_left_out_of_the_question(pipeline: Pipeline) -> None:
    text = "Jones asked Clinton Friday whether she would release the transcripts."
    assert _by_cue(pipeline, text, "asked") == ("Jones", ["whether she would release the transcripts"])
    # an infinitive's subject is part of what is asked for
    text = "He asked them to support another candidate."
    assert _by_cue(pipeline, text, "asked") == ("He", ["them to support another candidate"])


def test_passive_agent_runs_past_titles_decimals_and_a_listed_name(pipeline: Pipeline) -> None:
    text = "Sanders’ stridency was echoed by former Maryland Gov. Martin O’Malley."
    assert _by_cue(pipeline, text, "was echoed") == (
        "former Maryland Gov. Martin O’Malley",
        ["Sanders’ stridency"],
    )
    text = "Clinton’s attacks were echoed by her campaign and Democrats across the country."
    assert _by_cue(pipeline, text, "were echoed")[0] == "her campaign and Democrats across the country"
    text = "The proposal was rejected by 59.6 percent of voters."
    assert _by_cue(pipeline, text, "was rejected")[0] == "59.6 percent of voters"
    # a setting after the agent is not the agent's
    text = "The meeting was first reported by Politico on Tuesday and confirmed later."
    assert _by_cue(pipeline, text, "was first reported") == ("Politico", ["The meeting"])


def test_passive_question_is_what_was_asked(pipeline: Pipeline) -> None:
    text = "Rubio was asked by a caller why young men are coming to the U.S."
    assert _by_cue(pipeline, text, "was asked") == ("a caller", ["why young men are coming to the U.S."])


def test_coordinated_cue_after_an_unknown_verb_keeps_the_subject(pipeline: Pipeline) -> None:
    text = "Wealth-X keeps its own finances a secret and says its business has tripled."
    assert _by_cue(pipeline, text, "says")[0] == "Wealth-X"
    text = "He’s comparing the gun actions to the immigration order and says the plan is unlawful."
    assert _by_cue(pipeline, text, "says")[0] == "He"
    # a plural noun is no verb: the phrase is left as it was found
    text = "These letters and calls do not indicate that Russia has instituted conscription."
    assert _by_cue(pipeline, text, "do not indicate")[0] == "These letters and calls"


def test_fronted_participle_after_a_connective_or_a_compound(pipeline: Pipeline) -> None:
    text = "But while denouncing the loophole, Mrs. Clinton said the plan was bad."
    assert _by_cue(pipeline, text, "denouncing") == ("Mrs. Clinton", ["the loophole"])
    text = "In addition to stating that the law is void, the platform calls for more funding."
    assert _by_cue(pipeline, text, "stating") == ("the platform", ["that the law is void"])
    # a connective alone before the participle is no fronted clause of a subject after it
    text = "And saying that he would win, Trump left."
    assert _by_cue(pipeline, text, "saying") == ("", [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said, per a translator, that the server was unprotected.", ["that the server was unprotected"]),
        (
            "Cruz said Thursday during a town hall in Buffalo, New York, that states can pass such laws.",
            ["that states can pass such laws"],
        ),
        # a relative "that" after a noun is no insertion
        ("He said the plan, that he called bad, was dead.", ["the plan, that he called bad, was dead"]),
    ],
)
def test_insertion_before_that_is_the_writers(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert _by_cue(pipeline, text, "said")[1] == expected


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # "which" stands for the object taken out of the speech: it is the content's first fragment
        (
            "The rebels seized the dam, which the army claimed to have retaken by noon.",
            "claimed",
            ("the army", ["which", "to have retaken by noon"]),
        ),
        (
            "He promised a new border fence, which he said the neighbours would pay for.",
            "said",
            ("he", ["which", "the neighbours would pay for"]),
        ),
        # after a preposition the relative clause holds the whole speech
        (
            "It aired an interview in which he said he would run again.",
            "said",
            ("he", ["he would run again"]),
        ),
        # a whole clause after the cue is the speech, the "which" is not part of it
        (
            "The envoy visited the camps, which officials said that nobody had inspected.",
            "said",
            ("officials", ["that nobody had inspected"]),
        ),
    ],
)
def test_which_before_a_speaker_stands_for_the_object_of_the_speech(
    pipeline: Pipeline, text: str, cue: str, expected: tuple[str, list[str]]
) -> None:
    assert _by_cue(pipeline, text, cue) == expected
