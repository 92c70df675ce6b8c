"""The one tokenizer every annotator shares: spaCy's blank English pipeline.

No statistical model is loaded (none ships offline that we trust); the rules of
the blank pipeline plus a few abbreviations of the domain are enough to give
tokens and sentences.
"""

from __future__ import annotations

import spacy
from spacy.attrs import SENT_START
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
