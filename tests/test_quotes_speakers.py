"""Who speaks: "we" resolved to the body whose statement the text is, listed subjects, signed quotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import forewarn
from forewarn.analyze.pipeline import Pipeline
from forewarn.model import Analysis, Quote, TextInput

OPEN_LICENCE = Path(forewarn.__file__).parent / "examples" / "corpus" / "open-licence"


def _analyze(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyze(TextInput("t", text))


def _by_cue(analysis: Analysis, cue: str) -> Quote:
    found = [q for q in analysis.quotes if q.cue.text_of(analysis.text) == cue]
    assert found, f"no quote with cue {cue!r}: {[q.cue.text_of(analysis.text) for q in analysis.quotes]}"
    return found[0]


def test_we_after_a_body_statement_is_that_body(pipeline: Pipeline) -> None:
    text = (
        "The United States strongly condemns today's attack on the camp. "
        "We hope for the swift recovery of those injured."
    )
    analysis = _analyze(pipeline, text)
    hope = _by_cue(analysis, "hope")
    assert hope.source is not None and hope.source.text_of(text) == "We"  # the text's word stays
    assert hope.speaker == "United States"


def test_we_before_the_body_in_its_sentence(pipeline: Pipeline) -> None:
    text = "As we have repeatedly made clear, the United States supports Iraqi unity and sovereignty."
    analysis = _analyze(pipeline, text)
    assert _by_cue(analysis, "have repeatedly made clear").speaker == "United States"


def test_we_with_no_body_stays_unresolved(pipeline: Pipeline) -> None:
    text = "We believe the talks will resume next week, and we hope they succeed."
    analysis = _analyze(pipeline, text)
    assert {q.speaker.lower() for q in analysis.quotes} == {"we"}


def test_a_reported_past_act_is_no_body_for_we(pipeline: Pipeline) -> None:
    # the writer reports what Daesh claimed: Daesh does not speak for the text
    text = "On Saturday, Daesh claimed the attacks in Baghdad. We hope for a speedy recovery of the wounded."
    analysis = _analyze(pipeline, text)
    assert _by_cue(analysis, "hope").speaker == "We"


def test_a_pronoun_is_no_surname(pipeline: Pipeline) -> None:
    text = "The talks took place in Geneva. We believe they went well."
    analysis = _analyze(pipeline, text)
    assert _by_cue(analysis, "believe").speaker == "We"


def test_a_listed_subject_is_the_whole_list(pipeline: Pipeline) -> None:
    text = "Carson, Fiorina and Huckabee say they are no longer accepting speaking fees."
    analysis = _analyze(pipeline, text)
    say = _by_cue(analysis, "say")
    assert say.source is not None and say.source.text_of(text) == "Carson, Fiorina and Huckabee"


def test_a_fronted_setting_is_no_list_item(pipeline: Pipeline) -> None:
    text = "Early in the campaign, he and other challengers complained that the debates were few."
    analysis = _analyze(pipeline, text)
    complained = _by_cue(analysis, "complained")
    assert complained.source is not None and complained.source.text_of(text) == "he and other challengers"


def test_open_licence_release_we_is_the_united_kingdom(pipeline: Pipeline) -> None:
    path = OPEN_LICENCE / "uk-government" / "documents.jsonl"
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    doc = next(d for d in docs if "Tobias Ellwood condemns" in d["text"])
    analysis = _analyze(pipeline, doc["text"])
    we = [
        q for q in analysis.quotes if q.source is not None and q.source.text_of(doc["text"]).lower() == "we"
    ]
    assert we and {q.speaker for q in we} == {"United Kingdom"}


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("“He represents our greatest shame.” ― Sonya Herridge\n“Next comment.” ― Edwin G. Monroy\n",
         "Sonya Herridge", "―"),
        ('"Great speech. She is ready."\n\n-President Obama, tweeting after the speech.\n', "President Obama", "-"),
        ("“A real disgrace.”― Carla Sanchez.\n\nMore comments below.", "Carla Sanchez", "―"),
    ],
)  # fmt: skip
def test_a_quotation_signed_with_a_dash(pipeline: Pipeline, text: str, source: str, cue: str) -> None:
    quote = _analyze(pipeline, text).quotes[0]
    assert quote.source is not None and quote.source.text_of(text) == source
    assert quote.cue.text_of(text) == cue and quote.direct
    assert quote.content.text_of(text).endswith(("”", '"'))


@pytest.mark.parametrize(
    "text",
    [
        "Critics called the deal “a disgrace” — Obama’s own word for it.",
        "“We will win,” — the crowd chanted for an hour.",
    ],
)
def test_a_dash_after_a_quotation_inside_a_sentence_signs_nothing(pipeline: Pipeline, text: str) -> None:
    assert all(q.cue.text_of(text) not in {"—", "―"} for q in _analyze(pipeline, text).quotes)


def _cues(pipeline: Pipeline, text: str) -> list[str]:
    return [q.cue.text_of(text) for q in _analyze(pipeline, text).quotes]


def test_speech_told_according_to_someone_is_that_account(pipeline: Pipeline) -> None:
    text = "“I ask you not to protest on the floor,” Sanders said, according to CNN."
    assert _cues(pipeline, text) == ["according to"]
    kept = "The AP reported that, according to an analysis of her calendar, half of her meetings were with donors."
    assert "reported" in _cues(pipeline, kept)  # the account is inside the speech


@pytest.mark.parametrize(
    "text",
    [
        "EXCLUSIVE: In memo to Congress, Saudis insist they are fighting terror.\n\nSaudi Arabia said more.",
        "Members of the panel:\n\nIowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink.",
        "Back in 1999, Mr. Trump praised him, telling CNBC: “I wish I could be like that.”",
    ],
)
def test_a_label_a_heading_or_a_fronted_phrase_before_a_colon_is_no_speaker(
    pipeline: Pipeline, text: str
) -> None:
    quotes = _analyze(pipeline, text).quotes
    assert all(not (q.cue.text_of(text) == ":" and q.source is not None) or q.source.text_of(text) != text.split()[0]
               for q in quotes)  # fmt: skip
    assert all(
        q.source is None or q.source.text_of(text) not in {"EXCLUSIVE", "Iowa", "Back"} for q in quotes
    )


@pytest.mark.parametrize(
    "text",
    [
        "He spoke on his radio show about the race.",
        "Trump took to the talk shows to defend his praise.",
        "Cruz needs a strong showing on Tuesday to stay in the race.",
    ],
)
def test_a_show_in_a_compound_noun_is_no_cue(pipeline: Pipeline, text: str) -> None:
    assert not any(c.startswith("show") for c in _cues(pipeline, text))


def test_a_coordinated_cue_after_an_unknown_verb_shares_the_pronoun_subject(pipeline: Pipeline) -> None:
    text = "We extend our deepest condolences to the families of the victims and hope for a speedy recovery."
    hope = _by_cue(_analyze(pipeline, text), "hope")
    assert hope.source is not None and hope.source.text_of(text) == "We"


def test_a_sentence_adverb_is_no_part_of_the_subject(pipeline: Pipeline) -> None:
    text = "Again I want to congratulate the Syrians who fought to free the town."
    want = _by_cue(_analyze(pipeline, text), "want")
    assert want.source is not None and want.source.text_of(text) == "I"


def test_a_bare_role_speaker_keeps_whose_role_it_is(pipeline: Pipeline) -> None:
    text = "A Foreign Office spokesman said: “The Foreign Secretary met the minister today.”"
    assert _by_cue(_analyze(pipeline, text), "said:").speaker == "Foreign Office spokesman"


def test_we_before_the_body_later_in_its_paragraph(pipeline: Pipeline) -> None:
    text = (
        "We condemn in the strongest terms the attacks this weekend in Baghdad. We hope for a speedy recovery "
        "of the wounded. The U.S. reaffirms its commitment to support the people of Iraq."
    )
    assert _by_cue(_analyze(pipeline, text), "hope").speaker == "United States"


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Maria Lopez, a farmer who has lived in the valley for decades, denounced Governor Hale's water plan.",
            "Maria Lopez, a farmer who has lived in the valley for decades,",
            "Governor Hale's water plan",
        ),
        (
            "Okafor, who will step down in May after two terms, praised Mayor Diaz's budget on Monday.",
            "Okafor, who will step down in May after two terms,",
            "Mayor Diaz's budget on Monday",
        ),
    ],
)
def test_a_name_after_an_object_taking_cue_is_its_object_not_an_inverted_speaker(
    pipeline: Pipeline, text: str, source: str, content: str
) -> None:
    analysis = _analyze(pipeline, text)
    quote = _by_cue(analysis, "denounced" if "denounced" in text else "praised")
    assert quote.source is not None and quote.source.text_of(text) == source
    assert quote.content.text_of(text) == content


def test_an_inverted_speaker_ends_before_a_relative_clause_that_reports_speech(pipeline: Pipeline) -> None:
    text = "“The dam will hold,” said Tom Weld, who noted that the river was falling."
    analysis = _analyze(pipeline, text)
    said, noted = _by_cue(analysis, "said"), _by_cue(analysis, "noted")
    assert said.source is not None and said.source.text_of(text) == "Tom Weld"
    assert noted.content.text_of(text) == "that the river was falling"
    # a stance verb describes the speaker: PolNeAR keeps `who endorsed ...` in the source
    text = "“The dam will hold,” said Tom Weld, who endorsed the mayor last week."
    said = _by_cue(_analyze(pipeline, text), "said")
    assert (
        said.source is not None and said.source.text_of(text) == "Tom Weld, who endorsed the mayor last week"
    )


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Ana Ruiz, a nurse and a member of the clinic's board, said she never met the new director.",
            "Ana Ruiz, a nurse and a member of the clinic's board,",
            "she never met the new director",
        ),
        (  # a modal makes the words after the cue a clause, not an inverted speaker
            "Olga Brandt, the harbour's director from 2009 to 2014, said Norway must rebuild the pier.",
            "Olga Brandt, the harbour's director from 2009 to 2014,",
            "Norway must rebuild the pier",
        ),
    ],
)
def test_a_clause_after_the_cue_is_the_speech_of_the_subject_before_it(
    pipeline: Pipeline, text: str, source: str, content: str
) -> None:
    quote = _by_cue(_analyze(pipeline, text), "said")
    assert quote.source is not None and quote.source.text_of(text) == source
    assert quote.content.text_of(text) == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "“The bridge will be late,” said engineer Paul Osei, referring to Mayor Tan. “It rained.”",
            "referring to",
            "Mayor Tan",
        ),
        ("The bridge will be late, said Paul Osei, citing Mayor Tan.", "citing", "Mayor Tan"),
    ],
)
def test_a_participle_after_an_inverted_speaker_is_that_speakers(
    pipeline: Pipeline, text: str, cue: str, content: str
) -> None:
    found = [q for q in _analyze(pipeline, text).quotes if q.cue.text_of(text) == cue]
    # one record: the name after the participle is its object, never a speaker of what comes before
    assert [(q.source.text_of(text) if q.source else None, q.content.text_of(text)) for q in found] == [
        ("engineer Paul Osei" if "engineer" in text else "Paul Osei", content)
    ]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (  # a long appositive after an age: the subject runs through its closing comma
            "61-year-old Greta Holm, head of the farmers' union, a veteran of three strikes and long the "
            "voice of the valley growers, endorsed Larsen on Monday.",
            "endorsed",
            "61-year-old Greta Holm, head of the farmers' union, a veteran of three strikes and long the "
            "voice of the valley growers,",
        ),
        (  # after "but", the role and the name in apposition are the subject, not the clause before
            "The split was plain: the town backed Weiss, but the region's governor, Karl Aune, had already "
            "endorsed Moreau.",
            "had already endorsed",
            "the region's governor, Karl Aune,",
        ),
    ],
)
def test_a_name_after_a_verb_that_takes_an_object_is_no_inverted_speaker(
    pipeline: Pipeline, text: str, cue: str, source: str
) -> None:
    found = [q for q in _analyze(pipeline, text).quotes if q.cue.text_of(text) == cue]
    assert [q.source.text_of(text) if q.source else None for q in found] == [source]


def test_an_object_after_a_verbless_subject_with_appositives_is_no_speaker(pipeline: Pipeline) -> None:
    # when the subject cannot be read, no record is better than the object as the speaker
    text = (
        "Le Roux's cousin Amandine, the treasurer of the league, and uncle Jean-Luc, the old chairman, "
        "have also endorsed Martel."
    )
    sources = [q.source.text_of(text) for q in _analyze(pipeline, text).quotes if q.source]
    assert "Martel" not in sources
    # a speech verb after a clause keeps its inverted speaker
    text = "The vote will be close, predicted Ines Moll, a former mayor."
    quote = _by_cue(_analyze(pipeline, text), "predicted")
    assert quote.source is not None and quote.source.text_of(text) == "Ines Moll, a former mayor"
