"""The one tokenizer every annotator shares: spaCy's blank English pipeline.

No statistical model is loaded (none ships offline that we trust); the rules of
the blank pipeline plus a few abbreviations of the domain are enough to give
tokens and sentences.
"""

from __future__ import annotations

import re
from itertools import accumulate

import spacy
from spacy.attrs import IS_PUNCT
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from forewarn.analyze.token_view import TokenView

# Titles and ranks written with a full stop that must not end a sentence.
ABBREVIATIONS = (
    "Adm.", "Brig.", "Capt.", "Cmdr.", "Col.", "Cpl.", "Gen.", "Gov.", "Lt.", "Maj.", "Sgt.",
    "Sen.", "Rep.", "Pres.", "Amb.", "Sec.", "Gen", "Dept.", "Rev.", "Prof.", "No.", "Nos.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip


# What spaCy's sentencizer takes for a sentence-final mark.
FINAL_MARKS = frozenset(Sentencizer.default_punct_chars)


# spaCy's tokenizer cuts a text into runs of non-space and of space characters
# and tokenizes each run alone, so the tokens of a run can be remembered. One
# space after a token is that token's trailing whitespace, so it goes with it.
_RUNS = re.compile(r"\S+ ?|\s+")

# What each token is to the sentence rule, one letter per token: a final mark,
# other punctuation, a whitespace token holding a line break, any other word.
_FINAL, _PUNCT, _LINE_BREAK, _WORD = "F", "P", "N", "W"
# spaCy's sentencizer rule: the first word after a final mark opens a sentence
# (a word being any token but punctuation, whitespace included).
_OPENS_AFTER_FINAL = re.compile(r"F[FP]*[NW]")
# A footnote mark glued to a word ("Kyiv.[41]", "U.S.[6]", "said.”[3]", "held.[2][3]"): spaCy keeps
# "Kyiv.[41" as one token, which hides the word from every stage and its full stop from the sentence
# rule. Such a token is cut into the tokens spaCy gives the word alone and one per bracket and number.
_GLUED_FOOTNOTE = re.compile(r"(?P<head>.+?)(?P<marks>(?:\[\d{1,3}\])*\[\d{1,3})")
_FOOTNOTE_PIECES = re.compile(r"\[|\]|\d+")
_FOOTNOTE_NUMBER = re.compile(r"\d{1,3}")

# A run spaCy's English rules cut into opening marks, a body and closing marks, each
# mark a token: marks that are prefixes or suffixes of one character, and that no
# longer prefix or suffix starts or ends with (no letters, digits, "$" or dots in a row).
_OPENING, _CLOSING = "([“\"‘'", ")]”\"’'.,:;!?"
_AFFIXED = re.compile(
    rf"""(?P<open>[{re.escape(_OPENING)}]*)
    (?P<body>(?P<word>[A-Za-z]+(?:[-–—][A-Za-z]+)*)(?P<possessive>['’][sS])?
      |[0-9]+
      |(?:[A-Za-z]+|[0-9]+)\.\[[0-9]+  # no rule cuts inside a footnote mark glued to a word
      |(?P<link>[A-Za-z][^\s$]*[0-9]))  # one token if spaCy's url_match takes it; no suffix ends in a digit
    (?P<close>[{re.escape(_CLOSING)}]*)""",
    re.VERBOSE,
)
_DASH = re.compile("([-–—])")
# No word of news is this long; longer runs (hostile or broken input) are tokenized in pieces.
_LONGEST_RUN, _PIECE = 300, 100
_MOST_MARKS = 8  # on either side, and dashes in the word; longer runs of them are left to spaCy
# A full stop just after the body is a suffix after a small letter, a digit or two capitals.
_FULL_STOP_SPLITS = re.compile("(?:[a-z0-9]|[A-Z]{2})$")
_QUOTE_PAIRS = frozenset({"''", "’’"})  # special cases of spaCy's, each one token


class RememberingTokenizer:
    """spaCy's tokenizer, with the tokens of every run of text remembered.

    spaCy keeps its own cache only for runs whose words are lexemes of the
    vocabulary, which in a blank pipeline are few; news repeats its words, so
    each run's tokens are remembered, with their lengths and what they are to
    the sentence rule. `view` gives a text's tokens and sentences as plain
    lists, joined from those of its runs without building a spaCy Doc (what
    the analysis reads); calling the tokenizer gives the Doc, with the same
    tokens and whitespace as spaCy's. On unseen articles about half the time
    goes to learning the new runs, of which spaCy tokenizes one in fourteen.
    """

    max_runs = 200_000  # then start afresh, so memory stays bounded on any stream

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self._is_punct = self.vocab.lex_attr_getters[IS_PUNCT]
        self._learner = _plain_copy(tokenizer)
        self._specials = frozenset(tokenizer.rules)  # the special cases' texts
        self._is_link = tokenizer.url_match or (lambda text: None)
        self._single = frozenset(text for text, pieces in tokenizer.rules.items() if len(pieces) == 1)
        # The special cases stripped of the marks a word can have around it (see `_affixed`), and
        # those but the special cases of one token without marks.
        cores = {text: text.lstrip(_OPENING).rstrip(_CLOSING) for text in tokenizer.rules}
        self._special_cores = frozenset(cores.values())
        self._marked_cores = frozenset(
            core for text, core in cores.items() if core != text or text not in self._single
        )
        self._mark_tokens: dict[str, list[str] | None] = {}
        # Per run: its tokens, the tokens lower-cased (the same string objects every time, their
        # hashes computed once), where each token starts and ends in the run, their kinds.
        self._runs: dict[
            str, tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...], str]
        ] = {}
        self._token_kinds: dict[str, str] = {}  # tokens other than letters and digits

    def __reduce__(self) -> tuple[type[RememberingTokenizer], tuple[Tokenizer]]:
        # Another process (a worker) starts from spaCy's tokenizer with nothing remembered: the
        # memory is a cache, and the compiled build (setup.py) cannot pickle it field by field.
        return (RememberingTokenizer, (self.tokenizer,))

    def __call__(self, text: str) -> Doc:
        return self.view(text).doc

    def view(self, text: str) -> TokenView:
        """The text's tokens and sentence starts, as spaCy's tokenizer and sentence rule give them."""
        runs = _RUNS.findall(text)
        new = set(runs).difference(self._runs)
        if len(self._runs) + len(new) > self.max_runs:
            self._forget()
            new = set(runs)
        if new:
            self._learn(new)
        # One loop over the runs in the compiled build beats joining per-run tuples in C (zip,
        # chain, accumulate): half the time, as each list is filled in one place.
        words: list[str] = []
        lower: list[str] = []
        start: list[int] = []
        end: list[int] = []
        kinds: list[str] = []
        offset = 0
        for run in runs:
            pieces, lowers, starts, ends, kind = self._runs[run]
            words.extend(pieces)
            lower.extend(lowers)
            for at in starts:
                start.append(offset + at)
            for at in ends:
                end.append(offset + at)
            kinds.append(kind)
            offset += len(run)
        return TokenView(text, words, lower, start, end, _sentence_starts("".join(kinds)), self.vocab)

    def _learn(self, runs: set[str]) -> None:
        """Tokenize the new runs: plain words and words between marks here, the rest in one call, one per line.

        spaCy cuts that text at the line breaks again, and a line break is a
        token of its own that no special case spans, so each run's tokens are
        those it has alone, whatever its neighbours (joined by spaces, special
        cases such as "''" could meet across runs and change them). Runs of
        whitespace are tokenized alone.
        """
        words = []
        for run in runs:
            if run[0].isspace():
                self._remember(run, [token.text for token in self._learner(run)])
            else:
                word = run.removesuffix(" ")
                if word.isalpha() and word not in self._specials:
                    # Half the new runs: a word of one token (see `_plain_word`), whose record
                    # `_remember` would build through its general steps.
                    self._runs[run] = ((word,), (_lower(word),), (0,), (len(word),), _WORD)
                    continue
                plain = self._plain_word(word) or self._affixed(word)
                if plain:
                    self._remember(run, plain)
                elif len(word) > _LONGEST_RUN:
                    self._remember(run, self._in_pieces(word))
                else:
                    words.append(run)
        if not words:
            return
        ends = iter(words)
        pieces: list[str] = []
        for token in self._learner("\n".join(word.removesuffix(" ") for word in words)):
            if token.text == "\n":
                self._remember(next(ends), pieces)
                pieces = []
            else:
                pieces.append(token.text)
        self._remember(next(ends), pieces)

    def _in_pieces(self, word: str) -> list[str]:
        """The tokens of a run too long for spaCy, which cuts its marks one at a time at a cost that
        grows with the square of the run ("((((…" of 10,000 took 14 s): cut into pieces first."""
        pieces = (word[i : i + _PIECE] for i in range(0, len(word), _PIECE))
        return [token.text for piece in pieces for token in self._learner(piece)]

    def _plain_word(self, word: str) -> list[str] | None:
        """The tokens of a word of letters, or of one followed by a comma, colon or semicolon.

        No prefix, suffix or infix rule of spaCy's applies inside a run of
        letters (they all need punctuation, digits or symbols), so unless it
        is a special case ("cannot", "dont") it is one token; those three marks
        are always split off the end. Half the new runs of news are such words.
        Also a word followed by a full stop that spaCy splits off (see `_affixed`).
        """
        if word.isalpha():
            return [word] if word not in self._specials else None
        head, mark = word[:-1], word[-1:]
        if mark in ",:;" and head.isalpha() and head not in self._specials and word not in self._specials:
            return [head, mark]
        if mark == "." and head.isalpha() and head.isascii() and _FULL_STOP_SPLITS.search(head):
            # What `_affixed` gives a word of ASCII letters and a full stop (a sixth of the new runs of
            # news) without its general checks: the only special case that could take part is the
            # word's own, which `_marked_cores` holds stripped of its full stop ("Calif", "Gen").
            return [head, mark] if head not in self._marked_cores else None
        return None

    def _affixed(self, word: str) -> list[str] | None:
        """The tokens spaCy gives a word in quote marks or brackets, or followed by punctuation, if certain.

        Most new runs of news that are not plain words are a body of ASCII letters
        (maybe hyphenated or possessive), of digits, or a footnote mark glued to a
        word ("Izyum.[11]"), between opening and closing marks. spaCy cuts such
        marks off one at a time, and splits a hyphen or dash between letters; a full
        stop only after a small letter, a digit, another mark or two capitals.
        None when the run has an ellipsis or three quote marks in a row, or when a
        special case could take part.
        """
        match = _AFFIXED.fullmatch(word)
        if match is None or ".." in word or "'''" in word or "’’’" in word:
            return None
        opening, body, letters, possessive, link, closing = match.groups()
        if len(opening) > _MOST_MARKS or len(closing) > _MOST_MARKS:
            return None  # the checks below grow with the square of the marks
        if closing[:1] == "." and not _FULL_STOP_SPLITS.search(body):
            return None
        if link and not self._is_link(body):
            return None
        middle = _DASH.split(letters) if letters else [body]
        if possessive:
            middle.append(possessive)
        if len(middle) > 2 * _MOST_MARKS or self._special_case_within(middle, possessive, closing):
            return None
        head, tail = self._marks(opening), self._marks(closing)
        if head is None or tail is None:
            return None
        return [*head, *middle, *tail]

    def _special_case_within(self, middle: list[str], possessive: str | None, closing: str) -> bool:
        """Whether a special case could take part in the tokens of a word between marks.

        spaCy stops cutting marks where what is left is a special case, and its
        matcher looks for them among the tokens. Each of those strings but the
        marks' own holds a run of the middle tokens, which is what is left of it
        with the marks stripped (one of `_special_cores`), or starts at the
        possessive. Marks meet only the first and last middle tokens, and a special
        case of one token without marks gives that token itself ("Gen", "—"; and
        spaCy meets the word itself as one only once every mark is cut).
        """
        last = len(middle) - 1
        for first in range(len(middle)):
            text = ""
            for stop in range(first, len(middle)):
                text += middle[stop]
                if stop > first:
                    special = text in self._special_cores
                elif first in (0, last):
                    special = text in self._marked_cores
                else:
                    special = text in self._specials and text not in self._single
                if special:
                    return True
        if possessive is None:
            return False
        if possessive in self._specials and possessive not in self._single:
            return True
        return any(possessive + closing[:k] in self._specials for k in range(1, len(closing) + 1))

    def _marks(self, marks: str) -> list[str] | None:
        """The tokens of a word's opening or closing marks, one each but for special cases (remembered)."""
        if marks not in self._mark_tokens:
            self._mark_tokens[marks] = self._match_special_cases(list(marks))
        return self._mark_tokens[marks]

    def _match_special_cases(self, tokens: list[str]) -> list[str] | None:
        """The tokens after spaCy's matcher of special cases: two quote marks in a row become one token.

        A special case of one token gives the token itself; any other special case
        made of the tokens leaves them to spaCy (None).
        """
        pairs: list[int] = []
        for start in range(len(tokens)):
            text = tokens[start]
            if text in self._specials and text not in self._single:
                return None
            for stop in range(start + 1, len(tokens)):
                text += tokens[stop]
                if text in self._specials:
                    if stop > start + 1 or text not in _QUOTE_PAIRS or (pairs and pairs[-1] == start - 1):
                        return None
                    pairs.append(start)
        for start in reversed(pairs):
            tokens[start : start + 2] = [tokens[start] + tokens[start + 1]]
        return tokens

    def _forget(self) -> None:
        self._runs.clear()
        self._mark_tokens.clear()
        self._token_kinds.clear()
        self._learner = _plain_copy(self.tokenizer)  # its vocabulary grows with every new word

    def _remember(self, run: str, pieces: list[str]) -> None:
        if "[" in run:
            pieces = self._cut_footnotes(pieces)
        # A token starts where the one before it ends: spaCy's tokens of a run hold every character
        # but the one trailing space, which goes with the last token.
        ends = tuple(accumulate(map(len, pieces)))
        lowers = tuple(map(_lower, pieces))
        # Letters and digits are never punctuation, a final mark or a line break.
        kinds = "".join([_WORD if piece.isalnum() else self._kind(piece) for piece in pieces])
        if "[" in run:
            kinds = _footnote_kinds(pieces, kinds)
        self._runs[run] = (tuple(pieces), lowers, (0, *ends[:-1]), ends, kinds)

    def _cut_footnotes(self, pieces: list[str]) -> list[str]:
        """The tokens with each footnote mark glued to a word cut off ("Kyiv.[41" -> Kyiv . [ 41).

        The word is tokenized as `_learn` does a run: by the shortcuts when they are certain
        ("Kyiv.", most of them), else by spaCy.
        """
        out: list[str] = []
        for piece in pieces:
            glued = _GLUED_FOOTNOTE.fullmatch(piece) if len(piece) > 2 else None
            if glued is None:
                out.append(piece)
                continue
            head = glued["head"]
            out.extend(
                self._plain_word(head) or self._affixed(head) or [token.text for token in self._learner(head)]
            )
            out.extend(_FOOTNOTE_PIECES.findall(glued["marks"]))
        return out

    def _kind(self, token: str) -> str:
        """What a token is to the sentence rule; remembered, as marks recur in every text."""
        kind = self._token_kinds.get(token)
        if kind is None:
            kind = self._token_kinds[token] = self._classify(token)
        return kind

    def _classify(self, token: str) -> str:
        if token in FINAL_MARKS:
            return _FINAL
        if self._is_punct(token):
            return _PUNCT
        return _LINE_BREAK if token.isspace() and "\n" in token else _WORD


def _lower(token: str) -> str:
    """The token lower-cased on its own, as spaCy's lower_ ('İ' gives two characters).

    The same string object when it is in lower case already (most tokens), so a text's
    `text` and `lower` lists share it: building both lists then touches half as many
    objects scattered in memory, and its hash, once computed, serves both.
    """
    lower = token.lower()
    return token if lower == token else lower


def _footnote_kinds(pieces: list[str], kinds: str) -> str:
    """The kinds with a footnote's number taken for punctuation ("resumed.[5] It", "resumed. [5] It"), so
    the sentence a full stop ends takes its footnote with it and the next opens after it; a word with a
    full stop right before a footnote ends its sentence ("by the U.S.[6] Russia")."""
    marked = list(kinds)
    for i in range(1, len(pieces)):
        if pieces[i] == "[" and pieces[i - 1][-1] == "." and i + 1 < len(pieces):
            marked[i - 1] = _FINAL
        elif (
            pieces[i - 1] == "["
            and _FOOTNOTE_NUMBER.fullmatch(pieces[i])
            and (i + 1 == len(pieces) or pieces[i + 1] == "]")
        ):
            marked[i] = _PUNCT
    return "".join(marked)


def _sentence_starts(kinds: str) -> list[int]:
    """Where sentences start, from the tokens' kinds (one letter per token).

    spaCy's sentencizer rule, plus: a line break ends a sentence (headlines,
    captions, list items), so the token after a line break opens one.
    """
    if not kinds:
        return []
    starts = {0}
    starts.update(match.end() - 1 for match in _OPENS_AFTER_FINAL.finditer(kinds))
    starts.update(match.start() + 1 for match in re.finditer(_LINE_BREAK, kinds[:-1]))
    return sorted(starts)


def _plain_copy(tokenizer: Tokenizer) -> Tokenizer:
    """The same tokenizer over a vocabulary of bare lexemes.

    Learning runs needs only the tokens' texts, and spaCy computes a dozen
    attributes (shape, like_num, ...) in Python for every new word of its vocabulary.
    """
    return Tokenizer(
        Vocab(),
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
