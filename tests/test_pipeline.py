from __future__ import annotations

import gc
import json
import pickle
from dataclasses import FrozenInstanceError, astuple, dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from unicodedata import category

import pytest

from forewarn.analyze.pipeline import Context, Pipeline, default_pipeline
from forewarn.errors import PipelineError
from forewarn.model import Analysis, Span, TextInput

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer


class _Needs:
    name = "needs-places"
    requires = ("places",)
    assigns = ("events",)

    def __call__(self, ctx: Context, analysis: Analysis) -> Analysis:
        return replace(analysis)


def test_pipeline_rejects_annotator_whose_requirements_come_later() -> None:
    with pytest.raises(PipelineError, match="requires \\['places'\\]"):
        Pipeline([_Needs()])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maj. Gen. Andrii Kovalchuk said it. Then he left.",
            ["Maj. Gen. Andrii Kovalchuk said it.", "Then he left."],
        ),
        (
            "A headline with no stop\n\nThe body starts here.",
            ["A headline with no stop", "The body starts here."],
        ),
        ("He said “We are preparing.” Then left.", ["He said “We are preparing.”", "Then left."]),
        ("", []),
    ],
)
def test_sentences_split_news_text(text: str, expected: list[str]) -> None:
    analysis = default_pipeline().analyze(TextInput("t", text))
    assert [s.text_of(text) for s in analysis.sentences] == expected


def test_analyze_stream_is_lazy() -> None:
    pipeline = default_pipeline()
    seen: list[str] = []

    def texts():  # type: ignore[no-untyped-def]
        for i in range(3):
            seen.append(str(i))
            yield TextInput(str(i), f"Text {i}.")

    stream = pipeline.analyze_stream(texts())
    assert next(stream).id == "0"
    assert seen == ["0"]


def test_pipeline_long_document_every_stage_runs(seed_path: Path) -> None:
    """A long document (the seed forty times over, ~31k words) goes through every stage."""
    text = seed_path.read_text(encoding="utf-8") * 40
    analysis = default_pipeline().analyze(TextInput("long", text, date(2022, 12, 20)))
    assert len(analysis.sentences) > 40 * 30
    names = {a.name for a in analysis.actors}
    assert "Andrii Kovalchuk" in names
    assert len([p for p in analysis.places if p.text == "Hostomel"]) == 40
    assert all(s.start < s.end for s in analysis.sentences)


def _spacy_tokenizer() -> Tokenizer:
    """spaCy's own tokenizer with the abbreviations forewarn adds: what ours must agree with."""
    import spacy
    from spacy.symbols import ORTH

    from forewarn.analyze.tokens import ABBREVIATIONS

    tokenizer: Tokenizer = spacy.blank("en").tokenizer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return tokenizer


_TEXTS = [
    "Russia said it. Belarus troops\narrived in Minsk! Ok.",
    "Maj. Gen. Kovalchuk said “We are preparing.” Then he left.\n\nA headline",
    "İSTANBUL (Reuters) - ΟΔΟΣ'Β said",
    "Hello.\nWorld. “Yes.” ''a b'' ... !? \n \n- item\r\n(2) next",
    " leading space. Two  spaces.\tTab. ",
    "   ",
    "",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_token_view_gives_spacys_tokens_and_sentences(text: str) -> None:
    """The lists built without a Doc are spaCy's tokens, its sentencizer's starts, and a start after each line break."""
    from spacy.pipeline import Sentencizer

    from forewarn.analyze.tokens import build_nlp

    doc = Sentencizer()(_spacy_tokenizer()(text))
    after_breaks = {t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text}
    view = build_nlp().tokenizer.view(text)
    assert view.text == [t.text for t in doc]
    assert view.lower == [t.lower_ for t in doc]
    assert view.start == [t.idx for t in doc]
    assert view.end == [t.idx + len(t) for t in doc]
    assert view.sentence_starts == sorted({s.start for s in doc.sents} | after_breaks)
    assert view.sentence_of == [
        max(i for i, first in enumerate(view.sentence_starts) if first <= t.i) for t in doc
    ]


@pytest.mark.parametrize("text", _TEXTS)
def test_context_builds_the_same_doc_on_demand(text: str) -> None:
    ctx = default_pipeline().context(text, None)
    doc = ctx.doc
    assert doc.text == text
    assert [t.text for t in doc] == ctx.tokens.text
    assert [s.start for s in doc.sents] == ctx.tokens.sentence_starts
    # Its lexemes carry spaCy's attributes, for annotators of a user's own.
    assert [t.is_punct for t in doc] == [all(category(c).startswith("P") for c in w) for w in ctx.tokens.text]


@pytest.mark.parametrize("max_runs", [3, 200_000])
def test_remembering_tokenizer_gives_spacys_tokens(seed_path: Path, max_runs: int) -> None:
    from forewarn.analyze.tokens import _RUNS, build_nlp

    reference = _spacy_tokenizer()
    nlp = build_nlp()
    nlp.tokenizer.max_runs = max_runs
    texts = [
        seed_path.read_text(encoding="utf-8"),
        " a  b \n c\t\td\r\ne\xa0f ",
        "Gen. Smith's troops don't (can't) stay. “Yes.” http://x.org/a?b=1. $5.5bn 10km-long",
        "",
        "   ",
    ]
    for text in texts * 2:  # the second time from what was remembered
        doc = nlp(text)
        expected = reference(text)
        assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in expected]
        assert doc.text == text
        assert len(nlp.tokenizer._runs) <= max(max_runs, len(set(_RUNS.findall(text))))


def test_pipeline_pickles_for_workers(seed_path: Path) -> None:
    """Workers of a distributed run get the pipeline by pickling it; it must analyse the same."""
    import pickle

    pipeline = default_pipeline()
    item = TextInput("seed", seed_path.read_text(encoding="utf-8"), date(2022, 12, 1))
    expected = pipeline.analyze(item)
    assert pickle.loads(pickle.dumps(pipeline)).analyze(item) == expected


def test_remembering_tokenizer_gives_each_run_its_own_tokens() -> None:
    """A run's tokens are spaCy's for the run alone, whatever runs are learnt beside it.

    spaCy's pass over a whole text can let special cases ("''") meet across a space,
    so there "a' ''rigged" gives three single quotes; a run remembered once must not
    depend on its neighbours.
    """
    import spacy

    from forewarn.analyze.tokens import _RUNS, build_nlp

    reference = spacy.blank("en").tokenizer
    for text in ["a' ''rigged", "''a b''", "said, ''It ' ''x'' y'"]:
        nlp = build_nlp()
        expected = [t.text for run in _RUNS.findall(text) for t in reference(run) if not run.isspace()]
        assert [t.text for t in nlp(text) if not t.is_space] == expected


def test_plain_words_are_tokenized_as_spacy_does(seed_path: Path) -> None:
    """Words of letters (with a trailing comma, colon or semicolon) skip spaCy's tokenizer, with its tokens."""
    from forewarn.analyze.tokens import build_nlp

    reference = _spacy_tokenizer()
    tokenizer = build_nlp().tokenizer
    tricky = [
        "dont",
        "cannot",
        "Gen",
        "Gen,",
        "gonna,",
        "Ill",
        "im;",
        "wanna",
        "Київ,",
        "ΟΔΟΣ",
        "İstanbul:",
        "ª",
    ]
    words = set(seed_path.read_text(encoding="utf-8").split()) | set(tricky)
    plain = {word: tokenizer._plain_word(word) for word in words}
    assert sum(1 for pieces in plain.values() if pieces) > len(words) // 3
    for word, pieces in plain.items():
        if pieces is not None:
            assert pieces == [t.text for t in reference(word)], word
    assert plain["cannot"] is None and plain["Gen,"] is None  # special cases go to spaCy


def test_a_footnote_mark_after_a_full_stop_ends_the_sentence() -> None:
    """Think-tank reports cite after the full stop ("Kyiv.[41]"), which spaCy keeps in one token."""
    from forewarn.analyze.sentences import Sentences

    text = (
        "Russian forces struck Kyiv on February 27.[1] Ukrainian forces held.[2][3] "
        "Officials said it was “a pause.”[4] The strikes resumed."
    )
    analysis = Pipeline([Sentences()]).analyze(TextInput("isw", text))
    assert [text[s.start : s.end] for s in analysis.sentences] == [
        "Russian forces struck Kyiv on February 27.[1]",
        "Ukrainian forces held.[2][3]",
        "Officials said it was “a pause.”[4]",
        "The strikes resumed.",
    ]


def test_a_footnote_mark_glued_to_a_word_is_cut_off_so_the_word_is_read() -> None:
    """spaCy keeps "Belarus.[3" as one token; the word, its full stop and the mark are tokens of their own,
    so the actor and the event at the end of a cited sentence are found, and the sentences stay whole."""
    from forewarn.analyze.tokens import build_nlp

    view = build_nlp().tokenizer.view(
        "Aid by the U.S.[6] Russia resumed the offensive.[15][16] It stalled. [2] Then"
    )
    assert view.text[3:8] == ["U.S.", "[", "6", "]", "Russia"]
    assert view.text[10:18] == ["offensive", ".", "[", "15", "]", "[", "16", "]"]
    opened = [view.text[i] for i in view.sentence_starts]
    assert opened == ["Aid", "Russia", "It", "Then"]

    text = "Russia deployed more troops to Belarus.[3] Russian forces resumed the offensive.[15]"
    analysis = default_pipeline().analyze(TextInput("isw", text))
    assert "Belarus" in [a.text for a in analysis.actors]
    assert [text[e.trigger.start : e.trigger.end] for e in analysis.events if e.type == "ASSAULT"] == [
        "offensive"
    ]
    assert [text[s.start : s.end] for s in analysis.sentences][
        1
    ] == "Russian forces resumed the offensive.[15]"


def test_a_run_too_long_for_any_word_is_tokenized_in_pieces() -> None:
    """spaCy cuts marks off a run one at a time, at a cost growing with the square of its length;
    hostile or broken input ("((((…" of 50,000) is cut into pieces first, and nothing is lost."""
    from forewarn.analyze.tokens import build_nlp

    for run in ("(" * 50_000, "“" * 50_000, "a." * 25_000):
        view = build_nlp().tokenizer.view(f"Before {run} after.")
        assert "".join(view.text) == f"Before{run}after."
        assert view.text[0] == "Before" and view.text[-2:] == ["after", "."]


@pytest.mark.parametrize(
    "text",
    [
        "Note: " * 5000,  # thousands of colons in one sentence: each looked at near itself only
        "the troops moved near the border and " * 1500,  # one sentence of thousands of mentions
        "Kyiv Moscow Minsk said " * 2000,  # thousands of capitalised cues in one sentence
        "“" * 10_000,  # thousands of opening quote marks, none closed
    ],
)
def test_hostile_sentences_are_analysed_whole(text: str) -> None:
    """Junk with thousands of cues, colons or mentions in one sentence is analysed (in about a second;
    the work per cue or mention once grew with the sentence), and labels are no speakers."""
    from forewarn.analyze.pipeline import default_pipeline

    analysis = default_pipeline().analyze(TextInput("junk", text))
    assert len(analysis.sentences) == 1
    assert not [q for q in analysis.quotes if text[q.cue.start : q.cue.end] == ":"]


def test_an_analysis_leaves_no_reference_cycles(pipeline: Pipeline, seed_path: Path) -> None:
    """Every object an analysis makes is freed by reference counting alone, in the compiled core too,
    where a nested function and its scope refer to each other: the cycle collector finds nothing left
    over. One such function, called per event, left cycles that made the collector's share of the
    compiled core's time 6-7% (`bench/gc_share.py`)."""
    texts = [seed_path.read_text(encoding="utf-8")]
    for path in sorted(seed_path.parents[1].glob("open-licence/*/documents.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert len(texts) >= 20
    gc.collect()
    gc.disable()
    try:
        for n, text in enumerate(texts):
            pipeline.analyze(TextInput(str(n), text, date(2022, 12, 20)))
        left = gc.collect()
    finally:
        gc.enable()
    assert left == 0


@dataclass(frozen=True)
class _GeneratedSpan:
    start: int
    end: int


def test_span_is_the_record_a_frozen_dataclass_builds() -> None:
    # Span fills its fields itself (faster than the generated __init__): the same record otherwise
    span, generated = Span(3, 7), _GeneratedSpan(3, 7)
    assert span == Span(start=3, end=7) and span != Span(3, 8) and hash(span) == hash(Span(3, 7))
    assert astuple(span) == astuple(generated) and vars(span) == vars(generated)
    assert repr(span) == repr(generated).replace("_GeneratedSpan", "Span")
    assert replace(span, end=9) == Span(3, 9) and pickle.loads(pickle.dumps(span)) == span
    with pytest.raises(FrozenInstanceError):
        span.start = 0  # type: ignore[misc]
