"""A document's tokens and sentences as plain lists, the form every annotator reads."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab


class TokenView:
    """One document's tokens and sentences as plain Python lists, shared by every annotator.

    Walking a spaCy Doc from Python creates a `Token` object per step, which
    costs more than most annotators' own work, and building the Doc costs as
    much as tokenizing; the lists come straight from the tokenizer, and the
    Doc is built only if something asks for it.
    """

    def __init__(
        self,
        text: str,
        words: list[str],
        lower: list[str],
        start: list[int],
        end: list[int],
        sentence_starts: list[int],
        vocab: Vocab,
    ) -> None:
        self._text = text
        self.text = words
        self.start = start  # character offset where each token starts
        self.end = end  # character offset where each token ends
        self.sentence_starts = sentence_starts  # index of the first token of each sentence, in order
        self.lower = lower  # each token lower-cased on its own, as spaCy's lower_
        self._vocab = vocab
        # Every article's stages read this, so it is made now. (Not a cached property: the
        # compiled build's classes, see setup.py, have no __dict__ to cache it in.)
        self.sentence_bounds = _bounds(sentence_starts, len(start))
        self._sentence_of: list[int] | None = None
        self._doc: Doc | None = None

    @property
    def sentence_of(self) -> list[int]:
        """Index of the sentence each token is in."""
        if self._sentence_of is None:
            self._sentence_of = []
            for number, (first, stop) in enumerate(self.sentence_bounds):
                self._sentence_of.extend([number] * (stop - first))
        return self._sentence_of

    @property
    def doc(self) -> Doc:
        """The same tokens and sentences as a spaCy Doc (no stage of forewarn's needs one)."""
        if self._doc is None:
            self._doc = self._make_doc()
        return self._doc

    def _make_doc(self) -> Doc:
        # A token is followed by a space when a character lies between it and the next token.
        stops = [*self.start[1:], len(self._text)] if self.start else []
        spaces = [end < stop for end, stop in zip(self.end, stops, strict=True)]
        opens: list[bool | int | None] = [False] * len(self.text)
        for first in self.sentence_starts:
            opens[first] = True
        return Doc(self._vocab, words=self.text, spaces=spaces, sent_starts=opens)


def _bounds(firsts: list[int], tokens: int) -> list[tuple[int, int]]:
    """Each sentence's first token and the token after its last."""
    return list(zip(firsts, [*firsts[1:], tokens], strict=True)) if firsts else []
