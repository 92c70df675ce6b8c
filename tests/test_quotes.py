from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from forewarn.analyze.pipeline import Pipeline, default_pipeline
from forewarn.analyze.quote_marks import quotation_spans
from forewarn.analyze.quotes import Quotes
from forewarn.analyze.sentences import Sentences
from forewarn.model import Analysis, Quote, TextInput

PUBLISHED = date(2022, 12, 20)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([Sentences(), Quotes()])


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Analysis:
    # the full pipeline, so the actors and times stages are used once they exist
    return default_pipeline().analyze(TextInput("seed", seed_path.read_text(encoding="utf-8"), PUBLISHED))


def _quotes(pipeline: Pipeline, text: str) -> list[Quote]:
    return list(pipeline.analyze(TextInput("t", text)).quotes)


def _containing(analysis: Analysis, words: str) -> Quote:
    found = [q for q in analysis.quotes if words in q.content.text_of(analysis.text)]
    assert found, f"no quote contains {words!r}"
    return found[0]


@pytest.mark.parametrize(
    "words",
    [
        "the country is preparing for another attempt",
        "We are considering a possible offensive",
        "We are preparing for it. We are investigating.",
        "a second attempt at a northern front would likely be harder",
        "It will no longer be the case",
        "Definitely yes.",
        "There is a corresponding counteraction",
    ],
)
def test_quotes_seed_attributes_every_kovalchuk_quote(seed: Analysis, words: str) -> None:
    assert _containing(seed, words).speaker == "Andrii Kovalchuk"


def test_quotes_seed_direct_speech_after_he_said_and_kovalchuk_said(seed: Analysis) -> None:
    text = seed.text
    said = _containing(seed, "We are considering a possible offensive")
    assert said.direct and said.source is not None and said.source.text_of(text) == "Kovalchuk"
    assert said.content.text_of(text).startswith("“") and said.content.text_of(text).endswith("”")
    he_said = _containing(seed, "Definitely yes.")
    assert he_said.direct and he_said.source is not None and he_said.source.text_of(text) == "he"
    explaining = _containing(seed, "It will no longer be the case")
    assert explaining.cue.text_of(text) == "explaining" and explaining.direct


def test_quotes_seed_zaluzhny_indirect_forecast(seed: Analysis) -> None:
    text = seed.text
    quote = _containing(seed, "while not imminent, it could begin as early as January")
    assert "Zaluzhn" in quote.speaker  # the actor dictionary's spelling once the actors stage ran
    assert not quote.direct
    assert quote.cue.text_of(text) == "saying"
    assert quote.forecast is not None
    assert quote.forecast.speaker == quote.speaker
    assert {"not imminent", "as early as"} <= set(quote.forecast.hedge.split("; "))
    if seed.times:  # the times stage normalises "as early as January" inside the content
        assert quote.forecast.time is not None
        time = next(
            t for t in seed.times if (t.start, t.end) == (quote.forecast.time.start, quote.forecast.time.end)
        )
        assert time.value == "2023-01"


def test_quotes_seed_kovalchuk_forecast_and_hedges(seed: Analysis) -> None:
    quote = _containing(seed, "possible offensive from Belarus at the end of February, maybe later")
    assert quote.forecast is not None and quote.forecast.speaker == "Andrii Kovalchuk"
    assert {"possible", "maybe later"} <= set(quote.forecast.hedge.split("; "))
    if seed.times:
        assert quote.forecast.time is not None
        assert "February" in quote.forecast.time.text_of(seed.text)


def test_quotes_seed_scare_quotes_are_not_speech(seed: Analysis) -> None:
    assert not [q for q in seed.quotes if q.content.text_of(seed.text) == "“joint task force”"]


@pytest.mark.parametrize(
    ("text", "content", "source", "direct"),
    [
        ("“We will win,” Smith said.", "“We will win,”", "Smith", True),
        ("“We will win,” said Smith.", "“We will win,”", "Smith", True),
        ("Smith said: “We will win.”", "“We will win.”", "Smith", True),
        ("Smith said that “we will win.”", "that “we will win.”", "Smith", True),
        ("«Nous gagnerons», said Smith.", "«Nous gagnerons»", "Smith", True),
        ("„Wir siegen“, Smith said.", "„Wir siegen“", "Smith", True),
        ("Smith said the army will win the war.", "the army will win the war", "Smith", False),
        ("Smith said that the army will win.", "that the army will win", "Smith", False),
        ("The army will win the war, Smith said.", "The army will win the war", "Smith", False),
        ("According to Smith, the army will win the war.", "the army will win the war", "Smith", False),
        ("The army will win, according to the ministry.", "The army will win", "the ministry", False),
        (
            "The general told reporters that the army will win.",
            "that the army will win",
            "The general",
            False,
        ),
        (
            "Ms. Jones warned that the ceasefire would not hold.",
            "that the ceasefire would not hold",
            "Ms. Jones",
            False,
        ),
    ],
)
def test_quotes_patterns(pipeline: Pipeline, text: str, content: str, source: str, direct: bool) -> None:
    quotes = _quotes(pipeline, text)
    assert len(quotes) == 1, quotes
    quote = quotes[0]
    assert quote.content.text_of(text) == content
    assert quote.source is not None and quote.source.text_of(text) == source
    assert quote.direct is direct


def test_quotes_relative_word_before_the_speaker_is_part_of_the_content(pipeline: Pipeline) -> None:
    text = "He defended the sentence, which he said was fair to everyone."
    said = [q for q in _quotes(pipeline, text) if q.cue.text_of(text) == "said"]
    assert [q.content.text_of(text) for q in said] == ["which", "was fair to everyone"]


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("O’Malley’s move was first reported by MSNBC.", "MSNBC", "was first reported", "O’Malley’s move"),
        ("Kovalchuk: “We are preparing.”", "Kovalchuk", ":", "“We are preparing.”"),
        ("He’s predicting a long war.", "He", "’s predicting", "a long war"),
        (
            "Trump has also said in a statement that it is over.",
            "Trump",
            "has also said in a statement",
            "that it is over",
        ),
        ("Ramos, 58, told AFP that the wall was wrong.", "Ramos", "told", "that the wall was wrong"),
        (
            "In the end, Mr. Rosenthal said, union voters stay loyal.",
            "Mr. Rosenthal",
            "said",
            "union voters stay loyal",
        ),
        (
            "The war will end soon, said Smith, a general.",
            "Smith, a general",
            "said",
            "The war will end soon",
        ),
    ],
)
def test_quotes_source_cue_and_content_boundaries(
    pipeline: Pipeline, text: str, source: str, cue: str, content: str
) -> None:
    quote = _quotes(pipeline, text)[0]
    assert quote.source is not None and quote.source.text_of(text) == source
    assert quote.cue.text_of(text) == cue
    assert quote.content.text_of(text) == content


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # web copy mixing typographic and straight quotation marks
        ("“We will build it,\" he said.", "he", "said", "“We will build it,\""),
        # a cue inside indirect speech is an attribution of its own; ", and said" ends the first
        ("He called the actions lawful, and said no rule was broken.", "He", "called", "the actions lawful"),
        ("He called the actions lawful, and said no rule was broken.", "He", "said", "no rule was broken"),
        ("Fallin, who opposes abortion, vetoed it because she said it was unconstitutional.", "who", "opposes",
         "abortion"),
        ("Fallin, who opposes abortion, vetoed it because she said it was unconstitutional.", "she", "said",
         "it was unconstitutional"),
        ("Many voters endorsed Trump.", "Many voters", "endorsed", "Trump"),
        ("Smith said in an interview that the war was over.", "Smith", "said", "that the war was over"),
        # lower-case descriptors before a name are part of the source
        ("“We will win,” former Florida governor Jeb Bush said.", "former Florida governor Jeb Bush", "said",
         "“We will win,”"),
        # the opening mark of the next sentence and a closing parenthesis are not content
        ('He said it was a potential erosion of civil liberties. "Next one."', "He", "said",
         "it was a potential erosion of civil liberties"),
        # a dash closes the phrase a subject can be in; an adverbial after an inverted speaker is not his
        ("Fiorina was a planner - a former aide said she demanded analyses.", "a former aide", "said",
         "she demanded analyses"),
        ("“We won,” said Jim Hodges, a Clinton backer, referring to issues.", "Jim Hodges, a Clinton backer", "said",
         "“We won,”"),
        ("But private companies and ordinary traders say they have yet to reap the rewards.",
         "private companies and ordinary traders", "say", "they have yet to reap the rewards"),
        ("“It was fair,” the White House press secretary, Josh Earnest, said.",
         "the White House press secretary, Josh Earnest,", "said", "“It was fair,”"),
        # "of" belongs to some cues only; what a speech is about may come before its quotation
        ("Trump said of Mr. Rubio: “He is a lightweight.”", "Trump", "said", "“He is a lightweight.”"),
        ("He warned of a long war.", "He", "warned of", "a long war"),
        # a poll's finding: the fronted "In ... poll," is the source, "In" the cue
        ("In a CNN poll released Monday, 50 percent of voters chose Clinton.", "a CNN poll released Monday", "In",
         "50 percent of voters chose Clinton"),
        # a time adverbial and a contracted negation sit between a subject and its cue
        ("Police had last month charged Lewandowski with battery.", "Police", "charged",
         "Lewandowski with battery"),
        ("Trump isn’t saying what he would do.", "Trump", "isn’t saying", "what he would do"),
        # ", but" and a new subject end the speech; rarer speech verbs are cues too
        ("Romney derided the deal as toothless, but Mr. Obama learned from it.", "Romney", "derided",
         "the deal as toothless"),
        # a request: "for" belongs to the cue
        ("Sanders asked for a recount in two counties.", "Sanders", "asked for", "a recount in two counties"),
        # stances taken with a fixed phrase
        ("Cruz took issue with the ruling.", "Cruz", "took issue with", "the ruling"),
        # a participle after an adverb shares its clause's subject too (the adverb belongs to the cue)
        ("Trump raised questions about it, falsely suggesting that Obama was born abroad.", "Trump",
         "falsely suggesting", "that Obama was born abroad"),
        # an appositive between dashes belongs to the subject before it
        ("Jason Sims — a teacher from Mount Pleasant — says he voted for Rubio.",
         "Jason Sims — a teacher from Mount Pleasant —", "says", "he voted for Rubio"),
        # a relative clause inside the subject belongs to it
        ("Still, people who have battled online threats say it could do more.",
         "people who have battled online threats", "say", "it could do more"),
        # the subject of the clause after "and" speaks, not the clause before it
        ("Rubio has won a state and Cruz suggested they should drop out.", "Cruz", "suggested",
         "they should drop out"),
        # "went on" is a cue only with the verb it leads to ("went on to win" is none)
        ("She went on to say that the plan failed.", "She", "went on to say", "that the plan failed"),
        # an appositive holding an attribution of its own is not part of the source
        ("Barkley, who said he votes Democratic, said Trump would lose.", "Barkley", "said", "Trump would lose"),
        # an appositive subject after "But", past "meanwhile" or before an aside ("during ...")
        ("But Ann Lee, director of CREDO Action, which organized it, said the plan failed.",
         "Ann Lee, director of CREDO Action, which organized it,", "said", "the plan failed"),
        ("It rained. Clinton, during a town hall in Columbus, Ohio, said she would win.", "Clinton", "said",
         "she would win"),
        # an inverted speaker's party and state belong to the name
        ("“It is not new,” said Rep. Bobby Scott (D-Va.), a Democrat.", "Rep. Bobby Scott (D-Va.), a Democrat",
         "said", "“It is not new,”"),
        # ... but an inverted speaker keeps the whole phrase
        ("“It is hard,” said Peter King of New York, who endorsed Mr. Rubio on Tuesday.",
         "Peter King of New York, who endorsed Mr. Rubio on Tuesday", "said", "“It is hard,”"),
        # beliefs and perceptions attributed like speech
        ("Most voters see Clinton as the stronger candidate.", "Most voters", "see",
         "Clinton as the stronger candidate"),
        # a question put by an agent, or by nobody named
        ("When asked by a reporter whether it differed, Trump said no.", "a reporter", "asked", "whether it differed"),
        ("He laughed when asked what Mr. Clinton would do.", "", "asked", "what Mr. Clinton would do"),
        # "according to" sources with full stops inside ("F.A.A. records", "Tchadinfos.com")
        ("The room had two couches, according to F.A.A. records.", "F.A.A. records", "according to",
         "The room had two couches"),
        # a bare -ing cue after a noun phrase is held by that phrase (a reduced relative)
        ("Wealthy donors gave $25 million to an outside group backing Rubio.", "an outside group", "backing",
         "Rubio"),
        ("Trump is saying the plan failed.", "Trump", "is saying", "the plan failed"),
        # a pronoun after a full stop the splitter left inside the sentence opens the subject
        ("Bush will wait until the polls close at 7 p.m. He says he will work hard.", "He", "says",
         "he will work hard"),
        # a connective opening the sentence is the writer's
        ("Still, most voters agree, according to the poll.", "the poll", "according to", "most voters agree"),
        ("And the plan failed, Smith said.", "Smith", "said", "the plan failed"),
        # a fronted clause belongs to the speech, a fronted setting does not
        ("If the plan fails, the war will go on, Smith said.", "Smith", "said",
         "If the plan fails, the war will go on"),
        ("With the vote over, the war will go on, Smith said.", "Smith", "said", "the war will go on"),
        # a title's dot ends no "according to" source; a dash or an unclosed parenthesis does
        ("The visit was the high point, according to Mr. Rhodes.", "Mr. Rhodes", "according to",
         "The visit was the high point"),
        ("Taxes would rise, according to the Tax Policy Center - half a point of output.",
         "the Tax Policy Center", "according to", "Taxes would rise"),
        ("He won by 20 points (according to exit polls) in the state.", "exit polls", "according to",
         "He won by 20 points"),
        ("Thousands took part, according to the organizer Alliance to Reclaim Our Schools (AROS).",
         "the organizer Alliance to Reclaim Our Schools (AROS)", "according to", "Thousands took part"),
        # an inverted attribution holds the clause before it, nested attributions included
        ("Many black voters found it offensive, journalist Martha Raddatz said.", "journalist Martha Raddatz",
         "said", "Many black voters found it offensive"),
        ("Many black voters found it offensive, journalist Martha Raddatz said.", "Many black voters", "found",
         "it offensive"),
    ],
)  # fmt: skip
def test_quotes_nested_mixed_marks_and_short_contents(
    pipeline: Pipeline, text: str, source: str, cue: str, content: str
) -> None:
    found = {(q.source.text_of(text) if q.source else "", q.cue.text_of(text), q.content.text_of(text))
             for q in _quotes(pipeline, text)}  # fmt: skip
    assert (source, cue, content) in found, found


def test_quotes_raising_verbs_name_no_source_and_split_the_content(pipeline: Pipeline) -> None:
    text = "The field appeared poised to narrow further. Other groups are expected to spend millions. He appeared on TV."
    found = [(q.source, q.cue.text_of(text), q.content.text_of(text)) for q in _quotes(pipeline, text)]
    assert found == [
        (None, "appeared", "The field"),
        (None, "appeared", "poised to narrow further"),
        (None, "are expected", "Other groups"),
        (None, "are expected", "to spend millions"),
    ]
    # the raised view ends at its first comma, unless a name or a relative clause carries its phrase on
    text = "The music seemed to match the mood, as the song blared. She is expected to beat the leader, Donald Trump."
    found = [q.content.text_of(text) for q in _quotes(pipeline, text)]
    assert found == ["The music", "to match the mood", "She", "to beat the leader, Donald Trump"]


def test_quotes_quoted_paragraphs_continue_the_last_speaker(pipeline: Pipeline) -> None:
    text = (
        "“Okay,” I said, attempting to regroup. “I was seventeen.”\n\n“And it was sad.”\n\n"
        "“New one,” Smith said.\n\nSeveral experts agree.\n\n“Not his.”"
    )
    contents = {
        q.content.text_of(text): q.source.text_of(text) if q.source else "" for q in _quotes(pipeline, text)
    }
    assert contents == {
        "“Okay,”": "I",
        "“I was seventeen.”": "I",
        "“And it was sad.”": "I",
        "“New one,”": "Smith",
    }


def test_quotes_relative_pronoun_speaks_for_the_name_before_it(pipeline: Pipeline) -> None:
    text = "The plan was backed by Andrii Kovalchuk, who said the offensive would come."
    quote = next(q for q in _quotes(pipeline, text) if q.cue.text_of(text) == "said")
    assert quote.source is not None and quote.source.text_of(text) == "who"
    assert quote.speaker == "Andrii Kovalchuk"


def test_quotes_passive_without_agent_names_nobody(pipeline: Pipeline) -> None:
    text = "It has been speculated that the bridge will fall."
    quote = _quotes(pipeline, text)[0]
    assert quote.source is None and quote.speaker == ""


def test_quotes_continuation_in_same_paragraph(pipeline: Pipeline) -> None:
    # a quotation in the next paragraph with a cue of its own is not a continuation
    text = "“We are ready,” he said. “We have been for weeks.”\n“A new paragraph,” she said."
    quotes = _quotes(pipeline, text)
    assert [q.content.text_of(text) for q in quotes][:2] == ["“We are ready,”", "“We have been for weeks.”"]
    assert quotes[0].cue == quotes[1].cue != quotes[2].cue


def test_quotes_continuation_past_abbreviations_and_before_a_new_sentence(pipeline: Pipeline) -> None:
    # the dots of a title or a state in the rest of the cue's sentence end nothing
    text = "“It is a problem,” said Rep. Jim Clyburn (D-S.C.), a party leader. “I would love to see it.”"
    assert [q.content.text_of(text) for q in _quotes(pipeline, text)] == [
        "“It is a problem,”",
        "“I would love to see it.”",
    ]
    # a quotation that ends its sentence carries on the speech; the cue after it opens the next one
    text = (
        "''Jobs are leaving,'' Mr. Trump said. ''That is my wheelhouse.'' He said, twice, that it was fine."
    )
    quotes = _quotes(pipeline, text)
    assert [q.content.text_of(text) for q in quotes if q.cue == quotes[0].cue] == [
        "''Jobs are leaving,''",
        "''That is my wheelhouse.''",
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Smith told The Star-Ledger of Newark last week she would rather vote for Clinton.",
         "she would rather vote for Clinton"),
        ("He told a crowded banquet hall at a hotel in downtown Baltimore that he is not giving up.",
         "that he is not giving up"),
        ("Paul told Breitbart News Daily host Matt Boyle, “It is over.”", "“It is over.”"),
        ("Trump told a town hall in Salem, New Hampshire on Monday that waterboarding is fine.",
         "that waterboarding is fine"),
        ("Kasich tells the crowd, he’s been known to be tough.", "he’s been known to be tough"),
        # "that" itself is no addressee
        ("He warned that “nobody can win without us.”", "that “nobody can win without us.”"),
        # a setting between a cue and its "that" is passed over
        ("Smith said following a vote in 2001 that he had concerns.", "that he had concerns"),
        # a title's dot ends no lead-in of a quotation
        ("Mr. Vander Plaats is ''activating his network,'' said Mr. Smith.",
         "Mr. Vander Plaats is ''activating his network,''"),
        # an addressee before an infinitive belongs to what is told
        ("Smith told his aides never to speak of it when they raised concerns.",
         "his aides never to speak of it when they raised concerns"),
    ],
)  # fmt: skip
def test_quotes_telling_cues_leave_their_addressee_out(pipeline: Pipeline, text: str, content: str) -> None:
    assert content in [q.content.text_of(text) for q in _quotes(pipeline, text)]


def test_quotes_quoted_fragment_that_opens_indirect_speech(pipeline: Pipeline) -> None:
    # a quotation that only starts the speech runs on to the sentence end, as indirect speech
    text = "Obama said “it gets me mad” every time he thinks about the victims."
    quote = _quotes(pipeline, text)[0]
    assert quote.content.text_of(text) == "“it gets me mad” every time he thinks about the victims"
    assert not quote.direct
    # ... but not past a quoted clause that ends with its comma
    text = "He had said “We’ll see,” when asked about it."
    assert _quotes(pipeline, text)[0].content.text_of(text) == "“We’ll see,”"


def test_quotes_paragraph_spanning_quotation() -> None:
    text = "He said: “First part.\n\n“Second part.”"
    assert [s.text_of(text) for s in quotation_spans(text)] == [text[9:]]


def test_quotes_single_marks_nested_in_doubled_wire_marks() -> None:
    # a single mark after a space opens a nested quotation; it does not close the outer ''
    text = "''The concept of 'together' is weak,'' he said. ''I told them, 'I'm sorry.''' she said."
    spans = [s.text_of(text) for s in quotation_spans(text)]
    assert spans == ["''The concept of 'together' is weak,''", "''I told them, 'I'm sorry.'''"]


def test_quotes_clause_before_a_quotation_and_titled_speakers(pipeline: Pipeline) -> None:
    # the splitter leaves the next quotation's opening mark at the end of the cue's sentence
    text = 'It rained. The stakes are high, Becerra said. "Nevada is close," he said.'
    quotes = _quotes(pipeline, text)
    assert [(q.source.text_of(text) if q.source else "", q.content.text_of(text)) for q in quotes] == [
        ("Becerra", "The stakes are high"),
        ("he", '"Nevada is close,"'),
    ]
    # ... and a quotation after it carries on the speech unless it has a cue of its own
    text = 'It rained. The stakes are high, Becerra said. "Nevada is close."'
    assert [q.content.text_of(text) for q in _quotes(pipeline, text)] == [
        "The stakes are high",
        '"Nevada is close."',
    ]
    # the dots of a title or a state between a quotation and its cue end nothing
    text = "It rained. “We were ready. We won,” Sen. Claire McCaskill (D-Mo.) said."
    quote = _quotes(pipeline, text)[0]
    assert quote.content.text_of(text) == "“We were ready. We won,”"
    assert quote.source is not None and quote.source.text_of(text) == "Sen. Claire McCaskill (D-Mo.)"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The gap is too wide to close, said a Nevada Democratic operative.",
            "a Nevada Democratic operative",
        ),
        (
            "The group is short, said former governor Ed Rendell, who chairs the committee.",
            "former governor Ed Rendell, who chairs the committee",
        ),
        (
            "The judge ruled, but attorneys for the department said that they would appeal.",
            "attorneys for the department",
        ),
        (
            "Scott Pruitt, the attorney general of Oklahoma, said the rule is an invasion.",
            "Scott Pruitt, the attorney general of Oklahoma,",
        ),
    ],
)
def test_quotes_lower_case_speakers(pipeline: Pipeline, text: str, source: str) -> None:
    said = [q for q in _quotes(pipeline, text) if q.cue.text_of(text) == "said"]
    assert len(said) == 1 and said[0].source is not None and said[0].source.text_of(text) == source


def test_quotes_object_after_a_cue_is_no_inverted_speaker(pipeline: Pipeline) -> None:
    text = "The feud started last week, accused him of lying."
    assert all(q.source is None or q.source.text_of(text) != "him of lying" for q in _quotes(pipeline, text))


def test_quotes_long_setting_before_that(pipeline: Pipeline) -> None:
    text = "Rep. Chris Collins noted in a guest column in Saturday’s New York Times that anger is rising."
    quote = _quotes(pipeline, text)[0]
    assert quote.content.text_of(text) == "that anger is rising"


def test_quotes_cue_word_after_a_possessive_is_a_noun(pipeline: Pipeline) -> None:
    text = "Editor’s note: the story was updated. Rubio's claim to be the strongest rival is weak."
    assert _quotes(pipeline, text) == []
    text = "He’s predicting that the war will end."
    quote = _quotes(pipeline, text)[0]
    assert (
        quote.cue.text_of(text) == "’s predicting" and quote.content.text_of(text) == "that the war will end"
    )


def test_quotes_one_word_answers_and_coordinated_plural_subjects(pipeline: Pipeline) -> None:
    text = "The board voted. Everyone but Hewlett said yes."
    assert [q.content.text_of(text) for q in _quotes(pipeline, text)] == ["yes"]
    text = "He could go to jail, but attorneys and legal experts said that is highly unlikely."
    said = [q for q in _quotes(pipeline, text) if q.cue.text_of(text) == "said"]
    assert said[0].source is not None and said[0].source.text_of(text) == "attorneys and legal experts"


def test_quotes_fronted_cue_before_its_speaker_and_quotation(pipeline: Pipeline) -> None:
    text = 'It was bad. Said Comey, "The thought is very painful to us." He left.'
    quote = _quotes(pipeline, text)[0]
    assert quote.source is not None and quote.source.text_of(text) == "Comey"
    assert quote.content.text_of(text) == '"The thought is very painful to us."'


def test_quotes_statement_phrase_runs_through_its_participle(pipeline: Pipeline) -> None:
    text = "The campaign issued a statement saying the report was false."
    quote = _quotes(pipeline, text)[0]
    assert quote.cue.text_of(text) == "issued a statement saying"
    assert quote.content.text_of(text) == "the report was false"


def test_quotes_participle_after_by_while_or_a_dash_shares_the_subject(pipeline: Pipeline) -> None:
    text = "Bolton distanced himself from the movement by saying he would be willing to serve."
    saying = [q for q in _quotes(pipeline, text) if q.cue.text_of(text) == "saying"]
    assert saying[0].source is not None and saying[0].source.text_of(text) == "Bolton"
    assert saying[0].content.text_of(text) == "he would be willing to serve"


def test_quotes_interview_and_byline_labels_are_no_speakers(pipeline: Pipeline) -> None:
    text = "Interview.\nQ: Have you talked to him about the court?\nContributing: Jane Roe in Washington."
    assert _quotes(pipeline, text) == []


def test_quotes_cue_word_after_an_article_is_a_noun(pipeline: Pipeline) -> None:
    text = "He hosts a radio show. The host said the report was false."
    assert [q.cue.text_of(text) for q in _quotes(pipeline, text)] == ["said"]


def test_quotes_called_after_an_indefinite_noun_names_it(pipeline: Pipeline) -> None:
    text = "She gave money to a company called Harmony Enterprises. The senator called the deal a disaster."
    assert [q.cue.text_of(text) for q in _quotes(pipeline, text)] == ["called"]
    assert _quotes(pipeline, text)[0].cue.start > text.index("senator")


def test_quotes_cue_word_made_a_noun_by_the_next_word(pipeline: Pipeline) -> None:
    text = "Their show of force worried him. He found himself alone. She won 270 pledged delegates. Jones said the think tank was weak."
    assert [q.cue.text_of(text) for q in _quotes(pipeline, text)] == ["said"]


def test_quotes_cue_word_after_of_is_a_noun(pipeline: Pipeline) -> None:
    text = "Trump sent a series of tweets mocking her. Pence said the vote was rigged."
    # "tweets" is no cue ("mocking" may be one, whose holder is the tweets)
    assert [q.cue.text_of(text) for q in _quotes(pipeline, text) if q.cue.text_of(text) != "mocking"] == [
        "said"
    ]


def test_quotes_pronoun_and_surname_resolution(pipeline: Pipeline) -> None:
    text = "General Ivan Petrov spoke on Monday. Petrov said the bridge was gone. He added that “more will come.”"
    quotes = _quotes(pipeline, text)
    assert [q.speaker for q in quotes] == ["Ivan Petrov", "Ivan Petrov"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No quotes at all in this text.",
        "He said “this never closes.\n\nAnd the next paragraph is plain.",
        "Unbalanced ” closing mark, said nobody.",
        "“Nested “inner” quotes,” she said, “and ‘single’ ones ‹too›.”",
        "‘Single quotes,’ he said. 'Straight ones,' she said. \"Doubles,\" they said.",
        "“" * 50 + "”" * 50,
        "said said said, according to, told that “",
        "He said “" + "word " * 20000 + "”.",
    ],
)
def test_quotes_bad_input_never_crashes(pipeline: Pipeline, text: str) -> None:
    for quote in _quotes(pipeline, text):
        assert 0 <= quote.content.start < quote.content.end <= len(text)
        assert 0 <= quote.cue.start < quote.cue.end <= len(text)


def test_quotes_no_quote_invented_from_unbalanced_marks(pipeline: Pipeline) -> None:
    text = "The plan “was approved on Monday.\n\nOfficials were silent."
    assert _quotes(pipeline, text) == []


def test_quotes_polnear_floor(eval_dir: Path) -> None:
    """A fixed subset (the first 30 dev articles); floors sit just under what it measured."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from eval_quotes import score

    counts = score(eval_dir / "quotes" / "PolNeAR" / "dev", limit=30)
    f1 = {role: {kind: prf[2] for kind, prf in c.scores().items()} for role, c in counts.items()}
    for (role, kind), floor in FLOORS.items():
        assert f1[role][kind] >= floor, f"{role} {kind} F1 {f1[role][kind]:.3f} fell under {floor}"


# measured 0.6935 / 0.6671 / 0.5322 / 0.7532 on the subset (0.691 / 0.665 / 0.5295 / 0.750 before the round
# of parenthesised tags, object relatives, passive agents, blocks after a colon and insertions before `that`);
# 0.6965 / 0.6671 / 0.5322 / 0.7522 after the object after a cue stopped being read as an inverted speaker: the
# overlap fell by one quote the gold does not mark (`RT covered ..., echoing Mr. Putin`, now RT echoing Putin,
# was Putin echoing `RT covered ...`, whose content overlapped another attribution's), while whole dev rose
FLOORS = {
    ("source", "exact"): 0.696,
    ("cue", "exact"): 0.666,
    ("content", "exact"): 0.532,
    ("content", "overlap"): 0.752,
}


def test_quotes_went_on_alone_is_no_cue(pipeline: Pipeline) -> None:
    assert _quotes(pipeline, "Reagan went on to win that year in a landslide.") == []


def test_quotes_common_word_before_a_colon_is_no_speaker(pipeline: Pipeline) -> None:
    text = (
        "Headline: the race tightens.\nThe count is still open. Still to come: results in Ohio and Illinois."
    )
    assert [q.source.text_of(text) for q in _quotes(pipeline, text) if q.source] == ["Headline"]


def test_quotes_see_after_a_future_modal_is_no_cue(pipeline: Pipeline) -> None:
    text = "“We’ll see what happens,” he told aides. Voters would see the plan as weak. Jones sees the deal as dead."
    assert [q.cue.text_of(text) for q in _quotes(pipeline, text)] == ["told", "sees"]


def test_quotes_headlines_naming_an_event_are_no_speech(pipeline: Pipeline) -> None:
    # a related-stories headline: the name before the colon is an event, "Alleged" an adjective
    text = "Crocus City Hall Attack: New Investigations and Alleged Financial Links to Ukraine\n\nZelensky: We will not give up."
    assert [q.source.text_of(text) for q in _quotes(pipeline, text) if q.source] == ["Zelensky"]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces continued to reinforce their positions near Kyiv.",
        "Urban combat continued the night of February 25.",
        "This continued fighting likely shows nothing new.",
    ],
)
def test_continued_as_an_action_is_no_cue(pipeline: Pipeline, text: str) -> None:
    analysis = pipeline.analyze(TextInput("c", text))
    assert not [q for q in analysis.quotes if text[q.cue.start : q.cue.end] == "continued"]


def test_continued_after_a_quotation_is_a_cue(pipeline: Pipeline) -> None:
    text = '"We will not stop," he continued.'
    quotes = pipeline.analyze(TextInput("c", text)).quotes
    assert [(text[q.cue.start : q.cue.end], text[q.content.start : q.content.end]) for q in quotes] == [
        ("continued", '"We will not stop,"')
    ]


def test_a_footnote_mark_ending_a_content_is_the_writers(pipeline: Pipeline) -> None:
    text = (
        "The Ukrainian General Staff reported that Russian forces destroyed a bridge near Sumy on March 3.[26] "
        "Officials said the attack failed.[27][28]"
    )
    contents = [text[q.content.start : q.content.end] for q in pipeline.analyze(TextInput("f", text)).quotes]
    assert contents == ["that Russian forces destroyed a bridge near Sumy on March 3", "the attack failed"]
