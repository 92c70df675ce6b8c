"""The one tokenizer every annotator shares: spaCy's blank English pipeline.

No statistical model is loaded (none ships offline that we trust); the rules of
the blank pipeline plus a few abbreviations of the domain are enough to give
tokens and sentences.
"""

from __future__ import annotations

from functools import cached_property

import spacy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# Titles and ranks written with a full stop that must not end a sentence.
ABBREVIATIONS = (
    "Adm.", "Brig.", "Capt.", "Cmdr.", "Col.", "Cpl.", "Gen.", "Gov.", "Lt.", "Maj.", "Sgt.",
    "Sen.", "Rep.", "Pres.", "Amb.", "Sec.", "Gen", "Dept.", "Rev.", "Prof.", "No.", "Nos.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip


def _force_newline_boundaries(doc: Doc) -> Doc:
    """A line break in a news text ends a sentence (headlines, captions, list items).

    The boundaries are written as one array: setting `Token.is_sent_start` one
    token at a time re-checks the whole document and turns long texts quadratic.
    """
    after_newline = [
        i + 1
        for i, token in enumerate(doc[:-1])
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)
    ]
    if after_newline:
        starts = doc.to_array([SENT_START])
        starts[after_newline] = 1
        doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # thinc types the array; numpy is what spaCy gives
    return doc


@Language.component("forewarn_newlines")
def newline_boundaries(doc: Doc) -> Doc:
    return _force_newline_boundaries(doc)


def build_nlp() -> Language:
    """A blank English pipeline with a rule-based sentencizer, tuned for news text."""
    nlp = spacy.blank("en")
    tokenizer: Tokenizer = nlp.tokenizer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("forewarn_newlines")
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
        return [t.lower() for t in self.text]

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
        rows = self._doc.to_array([IDX, LENGTH]).tolist() if len(self._doc) else []
        starts = [row[0] for row in rows]
        return starts, [s + row[1] for s, row in zip(starts, rows, strict=True)]
