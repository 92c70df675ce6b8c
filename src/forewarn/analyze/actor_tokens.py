"""The document's tokens as the actor rules read them: strings and offsets, no spaCy `Token`s.

Built on the shared `TokenView`; the rules ask only a few tokens each for their case or
spacing, so those are string methods called where needed, not columns for the whole
document. Each test here gives what the spaCy token attribute of the same name gives
(`is_stop` is the English stop list on the lower-case form, as spaCy's lexemes have it).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.lang.en.lex_attrs import like_num
from spacy.lang.en.stop_words import STOP_WORDS

if TYPE_CHECKING:
    from forewarn.analyze.token_view import TokenView

__all__ = ["STOP_WORDS", "Words", "after_nickname", "like_num"]


class Words:
    """Token strings (`text`, `lower`) and character offsets (`start`, `end`) of one document."""

    def __init__(self, tokens: TokenView, source: str) -> None:
        self.text: list[str] = tokens.text
        self.lower: list[str] = tokens.lower
        self.start: list[int] = tokens.start
        self.end: list[int] = tokens.end
        self.source = source

    def __len__(self) -> int:
        return len(self.text)

    def span_text(self, first: int, stop: int) -> str:
        """The text of tokens first..stop-1, as `doc[first:stop].text`."""
        return self.source[self.start[first] : self.end[stop - 1]] if stop > first else ""

    def spaced(self, i: int) -> bool:
        """Whether a space follows token i, as `bool(token.whitespace_)`."""
        end = self.end[i]
        return self.source[end : end + 1] == " "

    def char_span(self, first: int, stop: int) -> tuple[int, int] | None:
        """Token offsets of the characters first..stop when they start and end a token, as `doc.char_span`.

        Bisection: a document asks this a few dozen times, fewer than building an index would cost."""
        i = bisect_left(self.start, first)
        if i == len(self.start) or self.start[i] != first:
            return None
        j = bisect_left(self.end, stop, i)
        return (i, j + 1) if j < len(self.end) and self.end[j] == stop else None


NICKNAME_QUOTES = frozenset({"'", '"', "‘", "’", "“", "”"})


def after_nickname(words: Words, i: int) -> int:
    """After a quoted nickname inside a name ("John 'J.D.' Dorrian", "Richard "Tex" Coe"): the token
    after its closing quote; i when token i opens none (one or two capitalised words, then a quote)."""
    if words.text[i] not in NICKNAME_QUOTES:
        return i
    for k in range(i + 2, min(i + 4, len(words))):
        if words.text[k] in NICKNAME_QUOTES:
            inner = words.text[i + 1 : k]
            return k + 1 if all(w[:1].isupper() for w in inner) else i
    return i
