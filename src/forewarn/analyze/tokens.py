"""The one tokenizer every annotator shares: spaCy's blank English pipeline.

No statistical model is loaded (none ships offline that we trust); the rules of
the blank pipeline plus a few abbreviations of the domain are enough to give
tokens and sentences.
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import accumulate
from operator import add

import spacy
from spacy.attrs import IS_PUNCT
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Titles and ranks written with a full stop that must not end a sentence.
ABBREVIATIONS = (
    "Adm.", "Brig.", "Capt.", "Cmdr.", "Col.", "Cpl.", "Gen.", "Gov.", "Lt.", "Maj.", "Sgt.",
    "Sen.", "Rep.", "Pres.", "Amb.", "Sec.", "Gen", "Dept.", "Rev.", "Prof.", "No.", "Nos.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip


# What spaCy's sentencizer takes for a sentence-final mark.
FINAL_MARKS = frozenset(Sentencizer.default_punct_chars)


# spaCy's tokenizer cuts a text into runs of non-space and of space characters
# and tokenizes each run alone, so the tokens of a run can be remembered.
_RUNS = re.compile(r"\S+|\s+")

# What a token is to the sentence rule, by its text.
_WORD, _FINAL, _PUNCT, _LINE_BREAK = range(4)


class RememberingTokenizer:
    """spaCy's tokenizer, with the tokens of every run of text remembered.

    spaCy keeps its own cache only for runs whose words are lexemes of the
    vocabulary, which in a blank pipeline are few; news repeats its words, so
    each run's tokens are remembered. `view` gives a text's tokens and
    sentences as plain lists without building a spaCy Doc at all (what the
    analysis reads); calling the tokenizer gives the Doc, with the same tokens
    and whitespace as spaCy's. On unseen articles most of the time left is
    spaCy tokenizing the new runs.
    """

    max_runs = 200_000  # then start afresh, so memory stays bounded on any stream

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self._is_punct = self.vocab.lex_attr_getters[IS_PUNCT]
        self._runs: dict[str, tuple[str, ...]] = {}
        self._kinds: dict[str, int] = {}
        self._learner = _plain_copy(tokenizer)

    def __call__(self, text: str) -> Doc:
        return self.view(text).doc

    def view(self, text: str) -> TokenView:
        """The text's tokens and sentence starts, as spaCy's tokenizer and sentence rule give them."""
        words, steps = self._words(text)
        start = list(accumulate(steps, initial=0))
        start.pop()
        return TokenView(text, words, start, self._sentence_starts(words), self.vocab)

    def _words(self, text: str) -> tuple[list[str], list[int]]:
        """The tokens, and for each the characters from its start to the next token's."""
        runs = _RUNS.findall(text)
        remembered = self._runs
        new = {run for run in runs if run not in remembered}
        if new:
            self._learn(new)
        words: list[str] = []
        steps: list[int] = []
        for run in runs:
            if run[0] == " " and words:
                # One space after a token is that token's trailing whitespace, as in spaCy.
                steps[-1] += 1
                run = run[1:]
                if not run:
                    continue
            pieces = remembered.get(run) or self._learn_one(run)
            words.extend(pieces)
            steps.extend(map(len, pieces))
        return words, steps

    def _sentence_starts(self, words: list[str]) -> list[int]:
        """spaCy's sentencizer rule, plus: a line break ends a sentence (headlines, captions, list items).

        As in spaCy's sentencizer, the first word after a final mark opens a
        sentence (a word being any token but punctuation, spaces included).
        """
        kinds = self._kinds
        starts = [0] if words else []
        seen_final = after_break = False
        for i, word in enumerate(words):
            kind = kinds.get(word)
            if kind is None:
                kind = kinds[word] = self._kind(word)
            opens = after_break
            if kind == _FINAL:
                seen_final = True
            elif kind != _PUNCT:
                opens = opens or seen_final
                seen_final = False
            if opens and i:
                starts.append(i)
            after_break = kind == _LINE_BREAK
        return starts

    def _kind(self, word: str) -> int:
        if word in FINAL_MARKS:
            return _FINAL
        if self._is_punct(word):
            return _PUNCT
        return _LINE_BREAK if word.isspace() and "\n" in word else _WORD

    def _learn(self, runs: set[str]) -> None:
        """Tokenize the new runs of non-space characters in one call, one per line.

        spaCy cuts that text at the line breaks again, and a line break is a
        token of its own that no special case spans, so each run's tokens are
        those it has alone, whatever its neighbours (joined by spaces, special
        cases such as "''" could meet across runs and change them).
        """
        if len(self._runs) + len(runs) > self.max_runs:
            self._runs.clear()
            self._kinds.clear()
            self._learner = _plain_copy(self.tokenizer)  # its vocabulary grows with every new word
        words = [run for run in runs if not run[0].isspace()]
        if not words:
            return
        ends = iter(words)
        pieces: list[str] = []
        for token in self._learner("\n".join(words)):
            if token.text == "\n":
                self._runs[next(ends)] = tuple(pieces)
                pieces = []
            else:
                pieces.append(token.text)
        self._runs[next(ends)] = tuple(pieces)

    def _learn_one(self, run: str) -> tuple[str, ...]:
        """A run of spaces, or one cut by a leading space, tokenized alone."""
        pieces = self._runs[run] = tuple(token.text for token in self._learner(run))
        return pieces


def _plain_copy(tokenizer: Tokenizer) -> Tokenizer:
    """The same tokenizer over a vocabulary of bare lexemes.

    Learning runs needs only the tokens' texts, and spaCy computes a dozen
    attributes (shape, like_num, ...) in Python for every new word of its vocabulary.
    """
    return Tokenizer(
        Vocab(strings=()),
        rules=tokenizer.rules,
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
        faster_heuristics=tokenizer.faster_heuristics,
    )


def build_nlp() -> Language:
    """A blank English pipeline with a rule-based sentencizer, tuned for news text."""
    nlp = spacy.blank("en")
    tokenizer: Tokenizer = nlp.tokenizer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.tokenizer = RememberingTokenizer(tokenizer)
    nlp.max_length = 50_000_000
    return nlp


def remembering_tokenizer(nlp: Language) -> RememberingTokenizer:
    """The tokenizer of a pipeline from `build_nlp`."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, RememberingTokenizer):
        raise TypeError(
            f"expected a pipeline from build_nlp, whose tokenizer remembers runs; got {tokenizer!r}"
        )
    return tokenizer


class TokenView:
    """One document's tokens and sentences as plain Python lists, shared by every annotator.

    Walking a spaCy Doc from Python creates a `Token` object per step, which
    costs more than most annotators' own work, and building the Doc costs as
    much as tokenizing; the lists come straight from the tokenizer, and the
    Doc is built only if something asks for it.
    """

    def __init__(
        self, text: str, words: list[str], start: list[int], sentence_starts: list[int], vocab: Vocab
    ) -> None:
        self._text = text
        self.text = words
        self.start = start  # character offset where each token starts
        self.sentence_starts = sentence_starts  # index of the first token of each sentence, in order
        self._vocab = vocab

    @cached_property
    def end(self) -> list[int]:
        """Character offset where each token ends."""
        return list(map(add, self.start, map(len, self.text)))

    @cached_property
    def lower(self) -> list[str]:
        lowered = self._text.lower()
        # Per token, unless a letter lower-cases to two characters ('İ') or by its
        # neighbours (Greek final sigma): then the whole text's lower case would not line up.
        if len(lowered) != len(self._text) or "Σ" in self._text:
            return [t.lower() for t in self.text]
        return [lowered[s:e] for s, e in zip(self.start, self.end, strict=True)]

    @cached_property
    def sentence_of(self) -> list[int]:
        """Index of the sentence each token is in."""
        out: list[int] = []
        bounds = [*self.sentence_starts[1:], len(self.start)]
        for number, (first, stop) in enumerate(zip(self.sentence_starts, bounds, strict=False)):
            out.extend([number] * (stop - first))
        return out

    @cached_property
    def doc(self) -> Doc:
        """The same tokens and sentences as a spaCy Doc (no stage of forewarn's needs one)."""
        # A token is followed by a space when a character lies between it and the next token.
        stops = [*self.start[1:], len(self._text)] if self.start else []
        spaces = [end < stop for end, stop in zip(self.end, stops, strict=True)]
        opens: list[bool | int | None] = [False] * len(self.text)
        for first in self.sentence_starts:
            opens[first] = True
        return Doc(self._vocab, words=self.text, spaces=spaces, sent_starts=opens)
