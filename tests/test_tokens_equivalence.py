"""The tokenizer's shortcuts past spaCy give spaCy's own tokens, run by run and text by text.

Words of letters and words between marks are tokenized without spaCy; each
shortcut must give exactly the tokens spaCy's tokenizer (with forewarn's
abbreviations) gives the same run alone, or decline.
"""

from __future__ import annotations

import json
from itertools import chain, product

import pytest
from spacy.tokenizer import Tokenizer

from forewarn.analyze.tokens import _RUNS, RememberingTokenizer, build_nlp, remembering_tokenizer
from forewarn.examples import CORPUS

_OPENINGS = ["", "(", "[", "“", '"', "‘", "'", "''", "'''", "(“", "’’", "‘‘", "—", "...", "$"]
_BODIES = [
    "word", "Word", "NATO", "A", "I", "s", "S", "U.S", "self-imposed", "day—to", "a–b", "a--b", "e-mail",
    "Russia's", "RUSSIA'S", "Blinken’s", "it's", "can't", "dont", "Gen", "Sen", "No", "a.m", "em", "Cause",
    "then-Sen", "1988", "24", "10km", "Izyum.[11", "24.[20", "a.[1", "Київ", "café", "ΟΔΟΣ", "İstanbul",
    "e\u0301t\u00e9", "x", "ll", "re", "https://t.me/x/739", "http://x.org/a?b=1", "www.example.com/1",
    "me/stranaua/38605", "mail@example.com/2", "A$5", "US$10", "COVID-19", "abc123", "https://x.org/a'1",
]  # fmt: skip
_CLOSINGS = [
    "", ".", ",", ";", ":", ")", "]", "”", '"', "’", "'", "''", "'''", "’’", ".''", ",''", ".”", ").", ".)",
    "'.''", "...", "..", "…", "!?", "?", "!", ":)", ")-:", ";)", ":(", "]", ".[2]", "—", "–", "-", "%", "s",
]  # fmt: skip
# Runs every rule of spaCy's has a say in, and whole texts with every kind of whitespace.
_TRICKY_TEXT = (
    "Gen. Smith's troops don't (can't) stay. U.S. No. 5 at 10 a.m., 10am, 3.5km, 10-15 km/h, $5.5bn, 50%. "
    "“Yes.” ''a b'' ‘x’ 'em :) :-( ;) <3 http://x.org/a?b=1. www.example.com, mail@example.com; "
    "self-imposed day—to a–b a--b x---y well~known 24.02.2022 2022, 1,944 '90s 1990's ... … ?! "
    "Київ, Zaporizhzhia's Erdoğan’s ΟΔΟΣ'Β e\u0301te\u0301 — – - [1] (a) {b} <c> «d» „e“ "
    "a\u00a0b\tc\r\nd\n\n e  f \u2009g\u200bh"
)


@pytest.fixture(scope="module")
def tokenizer() -> RememberingTokenizer:
    return remembering_tokenizer(build_nlp())


@pytest.fixture(scope="module")
def spacy_tokenizer(tokenizer: RememberingTokenizer) -> Tokenizer:
    """spaCy's own tokenizer, with forewarn's abbreviations, that the remembering tokenizer wraps."""
    return tokenizer.tokenizer


def _shortcut(tokenizer: RememberingTokenizer, run: str) -> list[str] | None:
    return tokenizer._plain_word(run) or tokenizer._affixed(run)


def _corpus_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in CORPUS.glob("seed/*.txt")]
    for path in sorted(CORPUS.glob("open-licence/*/documents.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    return texts


def _runs(texts: list[str]) -> set[str]:
    return {run.removesuffix(" ") for text in texts for run in _RUNS.findall(text) if not run[0].isspace()}


def test_shortcuts_give_spacys_tokens_on_every_run_of_the_corpus(
    tokenizer: RememberingTokenizer, spacy_tokenizer: Tokenizer
) -> None:
    runs = _runs([*_corpus_texts(), _TRICKY_TEXT])
    taken = 0
    for run in runs:
        tokens = _shortcut(tokenizer, run)
        if tokens is not None:
            taken += 1
            assert tokens == [t.text for t in spacy_tokenizer(run)], run
    assert taken > len(runs) * 2 // 3  # most runs of news skip spaCy


def test_shortcuts_give_spacys_tokens_on_words_between_any_marks(
    tokenizer: RememberingTokenizer, spacy_tokenizer: Tokenizer
) -> None:
    taken = 0
    runs = chain(
        product(_OPENINGS, _BODIES, ["", ".", "''", ")."]), product(["", "(", "''"], _BODIES, _CLOSINGS)
    )
    for opening, body, closing in runs:
        run = opening + body + closing
        tokens = _shortcut(tokenizer, run)
        if tokens is not None:
            taken += 1
            assert tokens == [t.text for t in spacy_tokenizer(run)], run
    assert taken > 2_000, taken


@pytest.mark.parametrize(
    "run",
    [
        "Gen.",
        "(Gen.)",
        "then-Sen.",
        "U.S.",
        "No.",
        "A.",
        "can't",
        "''It's",
        "it's'",
        "Russia's.",
        "'''a",
        ":)",
        "a...",
    ],
)
def test_special_cases_and_doubtful_runs_are_left_to_spacy(
    run: str, tokenizer: RememberingTokenizer, spacy_tokenizer: Tokenizer
) -> None:
    """A special case anywhere in the run, or a full stop after a lone capital, goes to spaCy."""
    expected = [t.text for t in spacy_tokenizer(run)]
    assert _shortcut(tokenizer, run) in (None, expected)
    assert [t.text for t in tokenizer(run)] == expected


def test_two_quote_marks_are_one_token_as_in_spacy(tokenizer: RememberingTokenizer) -> None:
    assert tokenizer._affixed("''it") == ["''", "it"]
    assert tokenizer._affixed("hours.''") == ["hours", ".", "''"]
    assert tokenizer._affixed("''Trump’’") == ["''", "Trump", "’’"]
    assert tokenizer._affixed("'''it") is None


def test_whole_texts_have_spacys_tokens_and_whitespace(
    tokenizer: RememberingTokenizer, spacy_tokenizer: Tokenizer
) -> None:
    for text in [*_corpus_texts()[:5], _TRICKY_TEXT]:
        doc = tokenizer(text)
        assert [(t.text, t.whitespace_) for t in doc] == [
            (t.text, t.whitespace_) for t in spacy_tokenizer(text)
        ]


def test_long_runs_of_marks_are_left_to_spacy(tokenizer: RememberingTokenizer) -> None:
    """The shortcut's checks grow with the square of the marks, so it declines long runs of them."""
    assert tokenizer._affixed("(" * 9 + "a") is None
    assert tokenizer._affixed("a" + ")" * 9) is None
    assert tokenizer._affixed("-".join("a" * 9)) is None
    assert tokenizer._affixed("((ab-cd))") == ["(", "(", "ab", "-", "cd", ")", ")"]


@pytest.fixture(scope="module")
def with_own_special_cases() -> tuple[Tokenizer, RememberingTokenizer]:
    """spaCy's tokenizer with special cases of one's own, of one token and of two, and ours over it."""
    import spacy
    from spacy.symbols import ORTH

    spacy_tokenizer: Tokenizer = spacy.blank("en").tokenizer
    spacy_tokenizer.add_special_case("x-ray", [{ORTH: "x-ray"}])
    spacy_tokenizer.add_special_case("ok", [{ORTH: "o"}, {ORTH: "k"}])
    return spacy_tokenizer, RememberingTokenizer(spacy_tokenizer)


@pytest.mark.parametrize(
    "run", ["x-ray", "(x-ray),", "x-ray's", "the-x-ray", "x-rays", "ok", "“ok”", "ok-go"]
)
def test_special_cases_of_ones_own_are_respected(
    run: str, with_own_special_cases: tuple[Tokenizer, RememberingTokenizer]
) -> None:
    spacy_tokenizer, tokenizer = with_own_special_cases
    expected = [t.text for t in spacy_tokenizer(run)]
    assert _shortcut(tokenizer, run) in (None, expected)
    assert [t.text for t in tokenizer(run)] == expected
