"""Attributions a reader expects: cues after a catenative verb, role-of-organisation speakers, and
cue words that are no speech where they stand, and where spans start and end."""

from __future__ import annotations

import pytest

from forewarn.analyze.pipeline import Pipeline
from forewarn.analyze.quotes import Quotes
from forewarn.analyze.sentences import Sentences
from forewarn.model import TextInput


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([Sentences(), Quotes()])


def _roles(pipeline: Pipeline, text: str) -> list[tuple[str, str, str]]:
    """(source, cue, content) of each quote, as written."""
    return [
        (q.source.text_of(text) if q.source else "", q.cue.text_of(text), q.content.text_of(text))
        for q in pipeline.analyze(TextInput("t", text)).quotes
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He continues to insist that he will fight on to the convention.",
            ("He", "continues to insist", "that he will fight on to the convention"),
        ),
        (
            "Sanders has continued to push for a single-payer system.",
            ("Sanders", "has continued to push for", "a single-payer system"),
        ),
        (
            "Critics were quick to point out that the plan was flawed.",
            ("Critics", "were quick to point out", "that the plan was flawed"),
        ),
        (
            "Trump continued to question whether Cruz was eligible.",
            ("Trump", "continued to question", "whether Cruz was eligible"),
        ),
        (
            "The senator has yet to explain why he voted no.",
            ("The senator", "has yet to explain", "why he voted no"),
        ),
        (
            "She appeared to suggest that the deal was dead.",
            ("She", "appeared to suggest", "that the deal was dead"),
        ),
        (
            "Mr. Cruz seemed to mock his rival's tough talk.",
            ("Mr. Cruz", "seemed to mock", "his rival's tough talk"),
        ),
        # a catenative that is a cue of its own is marked alone, as PolNeAR marks it
        (
            "Cook declined to say whether it was a violation.",
            ("Cook", "declined", "to say whether it was a violation"),
        ),
    ],
)
def test_a_cue_after_a_catenative_verb_is_one_cue_with_its_subject(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert _roles(pipeline, text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The fighting continued to rage across the region.",
        "Russian forces continued to show signs of exhaustion.",
        "They tried to build a bridge before the winter.",
        # acts of war, not speech: "attack", "defend" and "threaten" are no cues after a catenative
        "The Russians continued to attack piecemeal near Kharkiv.",
        "Ukrainian forces continue to defend Sumy from Russian assaults.",
        "Partisans continue to threaten Russia's long lines of communication.",
        # "continued" before an object or a participle, "supporting" before the noun it qualifies
        "Government troops continued heavy shelling of the port overnight.",
        "The brigade continued offensive operations north of the river on Monday.",
        "Subordinate supporting effort: the northern axis.",
        "Two battalions are conducting supporting attacks east of the town.",
        # an attack toward a place is fighting; a warning update is a report's title
        "Two mechanised brigades attacked toward the bridge on Friday.",
        "Rebel units attacking southwest from the airport were repulsed.",
        "Northern Border Warning Update: Assessment of the Front, May 2",
    ],
)
def test_an_act_going_on_is_no_cue(pipeline: Pipeline, text: str) -> None:
    assert _roles(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A reporter for USA Today asked whether the plan would survive.", "USA Today reporter"),
        ("A spokesman for the ministry said the talks had failed.", "ministry spokesman"),
        ("An official with the State Department said the talks had failed.", "State Department official"),
        ("“We will hold,” said a spokesman for the Ukrainian army.", "Ukrainian army spokesman"),
        (
            "An analyst at the Brookings Institution in Washington said it would go on.",
            "Brookings Institution analyst",
        ),
        (
            "A senior official of the Defense Ministry said troops were withdrawing.",
            "Defense Ministry senior official",
        ),
        ("Officials at the Pentagon said troops were withdrawing.", "Pentagon officials"),
        ("A spokesman for Mr. Clinton declined to comment.", "Clinton spokesman"),
        # an appositive names the holder; a count of people or an office is no role in a body
        ("A lawyer for the outlets, David Schulz, said the ruling was wrong.", "David Schulz"),
        ("Thousands of residents said the water was unsafe.", "Thousands of residents"),
        ("Officials from both parties said the bill would pass.", "Officials from both parties"),
    ],
)
def test_a_role_holder_in_a_body_is_the_speaker_not_the_body(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert pipeline.analyze(TextInput("t", text)).quotes[0].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "She helped found the group in 2010 with two friends.",
        # a cue word with its auxiliary is judged by its last word: "continued the" is an action
        "Urban combat had continued the night of February 25 near the station.",
    ],
)
def test_cue_words_that_are_no_speech_where_they_stand(pipeline: Pipeline, text: str) -> None:
    assert _roles(pipeline, text) == []


def test_an_inverted_speaker_may_hold_a_relative_clause(pipeline: Pipeline) -> None:
    text = (
        "Nor are tariffs likely to bring these jobs back, said David Autor, a professor of economics, "
        "who is one of the foremost specialists on trade."
    )
    source, cue, content = _roles(pipeline, text)[0]
    assert (source.split(",")[0], cue, content) == (
        "David Autor",
        "said",
        "Nor are tariffs likely to bring these jobs back",
    )


def test_what_a_question_was_about_is_its_content(pipeline: Pipeline) -> None:
    text = "“No government is ever going to get it perfect,” Lopez-Cantera said when asked about the Florida Standards."
    assert ("", "asked about", "the Florida Standards") in _roles(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow has consistently denied planning an attack.",
            ("Moscow", "has consistently denied", "planning an attack"),
        ),
        ("Trump flatly rejected the offer.", ("Trump", "flatly rejected", "the offer")),
        # an -ly word that is no adverb stays out
        ("He is likely said to be the nominee.", None),
    ],
)
def test_a_manner_adverb_belongs_to_its_cue(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str] | None
) -> None:
    roles = _roles(pipeline, text)
    if expected is None:
        assert not [r for r in roles if r[1].startswith("likely")]
    else:
        assert roles[0] == expected


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“It is over,” he said sarcastically.", "said sarcastically"),
        ("Chait noted recently that the ad promises more.", "noted recently"),
        ("She complained bitterly about the plan.", "complained bitterly about"),
        # before a word of the speech the adverb is the speech's ("proposed jointly owned drones")
        ("They have proposed jointly owned drones for the border.", "have proposed"),
    ],
)
def test_a_manner_adverb_after_a_tensed_cue_belongs_to_it(pipeline: Pipeline, text: str, cue: str) -> None:
    assert _roles(pipeline, text)[0][1] == cue


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The reports show the group spent heavily in March.", "The reports"),
        ("Most of the money arrived in February, new fundraising reports show.", "new fundraising reports"),
    ],
)
def test_a_plural_cue_word_before_a_cue_is_the_subjects_head(
    pipeline: Pipeline, text: str, source: str
) -> None:
    assert _roles(pipeline, text)[0][0] == source


def test_show_after_a_possessive_determiner_is_a_noun(pipeline: Pipeline) -> None:
    text = "Their shows rose to be among the most watched in cable television. Polls show a close race."
    assert [r[1] for r in _roles(pipeline, text)] == ["show"]


def test_thats_according_to_an_account(pipeline: Pipeline) -> None:
    text = "Sanders raised $21 million in January. That’s according to fundraising reports filed on Saturday."
    assert _roles(pipeline, text) == [("fundraising reports filed on Saturday", "’s according to", "That")]


def test_a_progressive_with_an_adverb_is_no_passive(pipeline: Pipeline) -> None:
    text = "John Kasich’s campaign is already claiming victory in Ohio."
    assert _roles(pipeline, text)[0][:2] == ("John Kasich’s campaign", "is already claiming")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Many supporters of Trump said the vote was rigged.", "Many supporters of Trump"),
        ("Those close to him say he will run again.", "Those close to him"),
        # "by" names the author; a count of people or a place is named by what follows
        ("An analysis by Lily Batchelder found that the plan favors the rich.", "Lily Batchelder"),
        ("The city of Phoenix said the water was safe.", "Phoenix"),
    ],
)
def test_a_common_noun_phrase_speaks_as_itself(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert pipeline.analyze(TextInput("t", text)).quotes[0].speaker == speaker


# where a quote's spans start and end, as PolNeAR marks them
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Clinton called Trump a “blowhard,” adding that he should quit.", "Trump a “blowhard,”"),
        (
            "He insisted that he has “expanded the party,” according to aides.",
            "that he has “expanded the party,”",
        ),
    ],
)
def test_a_quotation_opened_in_the_speech_closes_in_it(pipeline: Pipeline, text: str, content: str) -> None:
    assert _roles(pipeline, text)[0][2] == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He said the plan would hurt the U.S.", "the plan would hurt the U.S."),
        ("She said the deal went to Bloomberg L.P. in May.", "the deal went to Bloomberg L.P. in May"),
        ("She said the deal was good.", "the deal was good"),
    ],
)
def test_an_abbreviation_keeps_its_last_dot(pipeline: Pipeline, text: str, content: str) -> None:
    assert _roles(pipeline, text)[0][2] == content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On “Face the Nation,” Sanders identified young voters as the reason.",
            ("Sanders", "identified", "young voters as the reason"),
        ),
        (
            "After the “phony system,” he stated that he would run again.",
            ("he", "stated", "that he would run again"),
        ),
        # a speech verb after its quotation takes an addressee or a setting, not the speech
        ("“We will win,” she told reporters.", ("she", "told", "“We will win,”")),
        ("“We will win,” she said on Monday.", ("she", "said", "“We will win,”")),
    ],
)
def test_a_cue_with_its_own_object_does_not_take_the_quotation_before(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert _roles(pipeline, text)[0] == expected


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "He said the deal was “a mistake. We will fix it.” Then he left.",
            "the deal was “a mistake. We will fix it.”",
        ),
        # a quotation that runs on into the next paragraph is not taken along
        ("He said it was “a mistake.\n\n“We will fix it.”", "it was “a mistake"),
    ],
)
def test_a_quotation_opened_in_the_speech_runs_to_its_close(
    pipeline: Pipeline, text: str, content: str
) -> None:
    assert _roles(pipeline, text)[0][2] == content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Young voters are unhappy, according to Jason Smith, who advised the campaign.",
            [("Jason Smith, who advised the campaign", "according to", "Young voters are unhappy")],
        ),
        (
            "According to documents from Diane Blair, a friend of Mrs. Clinton, the first lady had a plan.",
            [
                (
                    "documents from Diane Blair, a friend of Mrs. Clinton,",
                    "According to",
                    "the first lady had a plan",
                )
            ],
        ),
        # a clause after the comma is the speech, not an appositive
        (
            "According to The Guardian, an email was sent to the members.",
            [("The Guardian", "According to", "an email was sent to the members")],
        ),
    ],
)
def test_an_accounts_source_keeps_its_appositive(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("Voters, Clinton suggested, do not have to worry.", ["Voters", "do not have to worry"]),
        ("That, they say, will be easier in March.", ["That", "will be easier in March"]),
        # a fronted setting is the writer's
        ("In the end, Mr. Rosenthal said, union voters stay home.", ["union voters stay home"]),
    ],
)
def test_one_word_before_a_speaker_set_off_by_commas_is_speech(
    pipeline: Pipeline, text: str, contents: list[str]
) -> None:
    assert [r[2] for r in _roles(pipeline, text)] == contents


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A few minutes later they said the vote was over.", "they"),
        ("The last time he said the vote was over, nobody cared.", "he"),
        # a fronted participle clause is the writer's setting; a name that looks like one is not
        (
            "Dashing into a luncheon, Senator Shelley Capito, a Republican, said the vote was over.",
            "Senator Shelley Capito, a Republican,",
        ),
        ("Working America, a labor group, said the vote was over.", "Working America, a labor group,"),
        # a focusing adverb opening the phrase is the writer's
        ("Even some allies said the vote was over.", "some allies"),
        # a pronoun in a list or after "of" is no subject of its own
        ("Many of you said the vote was over.", "Many of you"),
        ("My siblings and I think the vote was over.", "My siblings and I"),
    ],
)
def test_the_subject_before_a_cue_leaves_out_what_precedes_it(
    pipeline: Pipeline, text: str, source: str
) -> None:
    assert _roles(pipeline, text)[0][0] == source


@pytest.mark.parametrize(
    "text",
    [
        "“It is a difficult issue,” said Rubio, “because it puts two rights in conflict.”",
        '"It is a difficult issue," said Rubio, "because it puts two rights in conflict."',
    ],
)
def test_an_inverted_speaker_ends_before_the_quotation_that_carries_the_speech_on(
    pipeline: Pipeline, text: str
) -> None:
    roles = _roles(pipeline, text)
    assert [r[0] for r in roles] == ["Rubio", "Rubio"]
    assert roles[1][2][1:-1] == "because it puts two rights in conflict."


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            "“We will win,” he said on MSNBC’s “Morning Joe.” “The race is over.”",
            ["“We will win,”", "“The race is over.”"],
        ),
        (
            "''It's nonsense,'' Mr. Trump said on NBC's ''Meet the Press.'' ''She lies.''",
            ["''It's nonsense,''", "''She lies.''"],
        ),
    ],
)
def test_a_quoted_title_in_the_cues_sentence_does_not_end_the_speech(
    pipeline: Pipeline, text: str, contents: list[str]
) -> None:
    assert [r[2] for r in _roles(pipeline, text)] == contents


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "“We will win,” said a Mexican official who was not authorized to speak publicly on this issue.",
            "a Mexican official who was not authorized to speak publicly on this issue",
        ),
        # an object and its complement before a relative clause name no speaker
        ("The ad, he said, derided Rubio as a neophyte who memorized talking points.", "he"),
    ],
)
def test_an_inverted_speaker_may_hold_a_long_relative_clause(
    pipeline: Pipeline, text: str, source: str
) -> None:
    assert _roles(pipeline, text)[0][0] == source


def test_quotes_promise_after_and_opens_its_own_attribution(pipeline: Pipeline) -> None:
    text = "The senator defended his record and vowed to cut taxes."
    assert _roles(pipeline, text) == [
        ("The senator", "defended", "his record"),
        ("The senator", "vowed", "to cut taxes"),
    ]


def test_quotes_continued_act_after_and_stays_in_the_speech(pipeline: Pipeline) -> None:
    text = "The General Staff reported that Russian forces conducted reconnaissance and continued to shell the city."
    assert _roles(pipeline, text) == [
        (
            "The General Staff",
            "reported",
            "that Russian forces conducted reconnaissance and continued to shell the city",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tenses the paradigms lacked
        ("The mayor and his aides complain that the bridge is old.", ("The mayor and his aides", "complain", "that the bridge is old")),
        ("Analysts forecast that prices will fall.", ("Analysts", "forecast", "that prices will fall")),
        # verbs of speech and stance
        ("The minister voiced concern about the talks.", ("The minister", "voiced", "concern about the talks")),
        ("Mr. Jones likened the plan to a tax hike.", ("Mr. Jones", "likened", "the plan to a tax hike")),
        ("The envoy hinted that a deal was close.", ("The envoy", "hinted", "that a deal was close")),
        ("The council concurred that the forces would be redeployed.", ("The council", "concurred", "that the forces would be redeployed")),
    ],
)  # fmt: skip
def test_quotes_lexicon_new_cues(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert _roles(pipeline, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces could threaten Kharkiv from the north.",  # "threaten" stays out: an act of war
        "Russian officials may declare victory in Mariupol.",  # a declaration foreseen, not made
        "Officials will sign a document recognizing the annexation.",
        "The operational pause has been largely characterized by Russian troops regrouping.",
        "The forecast is for rain.",  # after an article the word is a noun
        "She felt the urge to leave.",
    ],
)
def test_quotes_lexicon_no_cue(pipeline: Pipeline, text: str) -> None:
    assert _roles(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a setting after a name is neither the speaker's nor the cue's
        ("“It is not new,” said Rep. Bobby Scott (D-Va.) at the time.", "Rep. Bobby Scott (D-Va.)"),
        ("“We will see,” said Senate Minority Whip Dick Durbin (D-Ill.).", "Senate Minority Whip Dick Durbin (D-Ill.)"),
        ("Sen. Bernie Sanders on Wednesday morning called for a recount.", "Sen. Bernie Sanders"),
        ("Priebus later Thursday said the party was united.", "Priebus"),
        # a common noun keeps its time, and a relative clause its setting
        ("A CNN poll in January showed Clinton ahead.", "A CNN poll in January"),
        ("“Yes,” said Peter King of New York, who endorsed Mr. Rubio on Tuesday.", "Peter King of New York, who endorsed Mr. Rubio on Tuesday"),
    ],
)  # fmt: skip
def test_quotes_setting_after_a_speaker(pipeline: Pipeline, text: str, source: str) -> None:
    assert [r[0] for r in _roles(pipeline, text)][:1] == [source]


def test_quotes_reduced_relative_after_among(pipeline: Pipeline) -> None:
    text = "Trump leads among those describing themselves as very conservative."
    assert _roles(pipeline, text) == [("those", "describing", "themselves as very conservative")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Speaker Paul Ryan, the highest-ranking Republican, on Tuesday called the remarks racist.", "Speaker Paul Ryan, the highest-ranking Republican,"),
        ("Rep. Brad Sherman (D-Calif.) last month joked that the Fed was lost.", "Rep. Brad Sherman (D-Calif.)"),
    ],
)  # fmt: skip
def test_quotes_time_before_the_cue_is_no_speaker(pipeline: Pipeline, text: str, source: str) -> None:
    assert [r[0] for r in _roles(pipeline, text)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("“We will rebuild the school,” the mayor continued.", "the mayor"),
        ("The mayor continued: “We will rebuild the school.”", "The mayor"),
        ("The governor’s continued claims that the dam is safe worry engineers.", "The governor"),
    ],
)
def test_quotes_continued_before_a_quotation_a_colon_or_a_cue_is_speech(
    pipeline: Pipeline, text: str, source: str
) -> None:
    assert [role[0] for role in _roles(pipeline, text)] == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause with a speaker of its own ends the speech before it, after a connective or not
        (
            "The mayor warned that the bridge would close for a month, and the governor said the state "
            "would pay for the repairs.",
            [
                ("The mayor", "warned", "that the bridge would close for a month"),
                ("the governor", "said", "the state would pay for the repairs"),
            ],
        ),
        (
            "Officials reported that the rebels had shelled the market, though the army denied that any "
            "civilians were hurt.",
            [
                ("Officials", "reported", "that the rebels had shelled the market"),
                ("the army", "denied", "that any civilians were hurt"),
            ],
        ),
        (
            "The minister claimed that the talks were going well; her deputy told reporters the talks had stalled.",
            [
                ("The minister", "claimed", "that the talks were going well"),
                ("her deputy", "told", "reporters the talks had stalled"),
            ],
        ),
        # a fronted clause inside the speech keeps its main clause; a quotation keeps its own clauses
        (
            "She argued that although the vote was close, the result was clear.",
            [("She", "argued", "that although the vote was close, the result was clear")],
        ),
        ('He said, "We will win, and they know it."', [("He", "said", '"We will win, and they know it."')]),
    ],
)
def test_quotes_speech_ends_before_a_clause_with_its_own_speaker(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _roles(pipeline, text) == expected
