"""The one tokenizer every annotator shares: spaCy's blank English pipeline.

No statistical model is loaded (none ships offline that we trust); the rules of
the blank pipeline plus a few abbreviations of the domain are enough to give
tokens and sentences.
"""

from __future__ import annotations

import re
from functools import cached_property

import numpy as np
import spacy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# Titles and ranks written with a full stop that must not end a sentence.
ABBREVIATIONS = (
    "Adm.", "Brig.", "Capt.", "Cmdr.", "Col.", "Cpl.", "Gen.", "Gov.", "Lt.", "Maj.", "Sgt.",
    "Sen.", "Rep.", "Pres.", "Amb.", "Sec.", "Gen", "Dept.", "Rev.", "Prof.", "No.", "Nos.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip


# What spaCy's sentencizer takes for a sentence-final mark.
FINAL_MARKS = tuple(Sentencizer.default_punct_chars)


class SentenceStarts:
    """The pipeline component that marks sentence starts (a class, so the pipeline pickles)."""

    def __init__(self, nlp: Language) -> None:
        self.finals = np.array(sorted(nlp.vocab.strings.add(mark) for mark in FINAL_MARKS), dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        return _set_sentence_starts(doc, self.finals)


@Language.factory("forewarn_sentences")
def make_sentence_starts(nlp: Language, name: str) -> SentenceStarts:
    return SentenceStarts(nlp)


def _set_sentence_starts(doc: Doc, finals: np.ndarray) -> Doc:
    """spaCy's sentencizer rule, plus: a line break ends a sentence (headlines, captions, list items).

    A word after a final mark opens a sentence, as in spaCy's sentencizer; it is
    computed here on the Doc's arrays in one go, since the sentencizer walks
    the tokens from Python and costs more than the tokenizer's own cached pass.
    The starts are written as one array: setting `Token.is_sent_start` one token
    at a time re-checks the whole document and turns long texts quadratic.
    """
    if not len(doc):
        return doc
    rows = doc.to_array([ORTH, IS_PUNCT, IS_SPACE])
    final = np.isin(rows[:, 0], finals)
    words = np.flatnonzero(~final & (rows[:, 1] == 0))
    finals_seen = np.concatenate(([0], np.cumsum(final)))  # finals before each position
    # A word opens a sentence when a final mark came after the previous word.
    opened = finals_seen[words] > finals_seen[np.concatenate(([0], words[:-1] + 1))]
    starts = np.full(len(doc), -1, dtype=np.int64)
    starts[0] = 1
    starts[words[opened]] = 1
    spaces = np.flatnonzero(rows[:-1, 2])
    after_newline = [i + 1 for i in spaces.tolist() if "\n" in doc[i].text]
    starts[after_newline] = 1
    doc.from_array([SENT_START], starts.astype(np.uint64).reshape(-1, 1))  # type: ignore[arg-type]  # thinc types the array; numpy is what spaCy gives
    return doc


# spaCy's tokenizer cuts a text into runs of non-space and of space characters
# and tokenizes each run alone, so the tokens of a run can be remembered.
_RUNS = re.compile(r"\S+|\s+")


class RememberingTokenizer:
    """spaCy's tokenizer, with the tokens of every run of text remembered.

    spaCy keeps its own cache only for runs whose words are lexemes of the
    vocabulary, which in a blank pipeline are few; news repeats its words, so
    each run's tokens are remembered and the Doc built from them, with the same
    tokens and whitespace. On unseen articles most of the time left is spaCy
    tokenizing the new runs; the gain is large only where text repeats.
    """

    max_runs = 200_000  # then start afresh, so memory stays bounded on any stream

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self._runs: dict[str, tuple[tuple[str, ...], tuple[bool, ...]]] = {}

    def __call__(self, text: str) -> Doc:
        runs = _RUNS.findall(text)
        remembered = self._runs
        new = {run for run in runs if run not in remembered}
        if new:
            self._learn(new)
        words: list[str] = []
        spaces: list[bool] = []
        for run in runs:
            if run[0] == " " and words:
                # One space after a token is that token's trailing whitespace, as in spaCy.
                spaces[-1] = True
                run = run[1:]
                if not run:
                    continue
            pieces = remembered.get(run) or self._learn_one(run)
            words.extend(pieces[0])
            spaces.extend(pieces[1])
        return Doc(self.vocab, words=words, spaces=spaces)

    def _learn(self, runs: set[str]) -> None:
        """Tokenize the new runs of non-space characters in one call, one per line.

        spaCy cuts that text at the line breaks again, and a line break is a
        token of its own that no special case spans, so each run's tokens are
        those it has alone, whatever its neighbours (joined by spaces, special
        cases such as "''" could meet across runs and change them).
        """
        if len(self._runs) + len(runs) > self.max_runs:
            self._runs.clear()
        words = [run for run in runs if not run[0].isspace()]
        if not words:
            return
        ends = iter(words)
        pieces: list[str] = []
        for token in self.tokenizer("\n".join(words)):
            if token.text == "\n":
                self._remember(next(ends), pieces)
                pieces = []
            else:
                pieces.append(token.text)
        self._remember(next(ends), pieces)

    def _learn_one(self, run: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
        """A run of spaces, or one cut by a leading space, tokenized alone."""
        return self._remember(run, [token.text for token in self.tokenizer(run)])

    def _remember(self, run: str, words: list[str]) -> tuple[tuple[str, ...], tuple[bool, ...]]:
        """A run's tokens and their trailing spaces (none inside a run)."""
        pieces = self._runs[run] = (tuple(words), (False,) * len(words))
        return pieces


def build_nlp() -> Language:
    """A blank English pipeline with a rule-based sentencizer, tuned for news text."""
    nlp = spacy.blank("en")
    tokenizer: Tokenizer = nlp.tokenizer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.tokenizer = RememberingTokenizer(tokenizer)
    nlp.add_pipe("forewarn_sentences")
    nlp.max_length = 50_000_000
    return nlp


class TokenView:
    """Plain Python columns of one document's tokens, each built once on first use.

    Walking a spaCy Doc from Python creates a `Token` object per step, which
    costs more than most annotators' own work; these lists are read from the
    Doc's arrays and the text instead, and shared by every annotator.
    """

    def __init__(self, doc: Doc, text: str) -> None:
        self._doc = doc
        self._text = text

    @cached_property
    def start(self) -> list[int]:
        """Character offset where each token starts."""
        return self._columns[0]

    @cached_property
    def end(self) -> list[int]:
        """Character offset where each token ends."""
        return self._columns[1]

    @cached_property
    def text(self) -> list[str]:
        text = self._text
        return [text[s:e] for s, e in zip(self.start, self.end, strict=True)]

    @cached_property
    def lower(self) -> list[str]:
        lowered = self._text.lower()
        # Per token, unless a letter lower-cases to two characters ('İ') or by its
        # neighbours (Greek final sigma): then the whole text's lower case would not line up.
        if len(lowered) != len(self._text) or "Σ" in self._text:
            return [t.lower() for t in self.text]
        return [lowered[s:e] for s, e in zip(self.start, self.end, strict=True)]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Index of the first token of each sentence, in order."""
        if not self.start:
            return []
        flags = self._doc.to_array([SENT_START]).tolist()
        starts = [i for i, flag in enumerate(flags) if flag == 1]
        return starts if starts and starts[0] == 0 else [0, *starts]

    @cached_property
    def sentence_of(self) -> list[int]:
        """Index of the sentence each token is in."""
        out: list[int] = []
        bounds = [*self.sentence_starts[1:], len(self.start)] if self.sentence_starts else []
        for number, (first, stop) in enumerate(zip(self.sentence_starts, bounds, strict=True)):
            out.extend([number] * (stop - first))
        return out

    @cached_property
    def _columns(self) -> tuple[list[int], list[int]]:
        if not len(self._doc):
            return [], []
        rows = self._doc.to_array([IDX, LENGTH])
        return rows[:, 0].tolist(), (rows[:, 0] + rows[:, 1]).tolist()
