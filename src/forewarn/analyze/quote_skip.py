"""Which cue words are no cue where they stand: inside a quotation or an attributed content, a noun
after an article, a possessive or "of" (`the show`, `Rubio's claim`, `a series of tweets`), a name
given (`a company called Harmony`), an idiom by the word after it (`think tank`) or before it (`radio show`),
a speech verb whose clause is an account (`Sanders said, according to CNN`), and a capitalised
word inside a sentence that is no headline.
"""

from __future__ import annotations

import re

from forewarn.analyze.quote_context import Found, QuoteDoc, cue_word
from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.model import Span


def skip_cue(cues: SpeechCues, doc: QuoteDoc, cue: Span, done: list[Found]) -> bool:
    """Cues inside a quotation or an attributed content, cue words used as nouns, and capitalised
    mid-sentence words."""
    if doc.inside_quote(cue.start) or _in_recent_content(done, cue.start) or _possessed(cues, doc.text, cue):
        return True
    last = _last_letter_before(doc.text, cue.start)
    if last in _DETERMINER_ENDS and _DETERMINER_BEFORE.search(doc.text, max(0, cue.start - 7), cue.start):
        return True  # `the show`, `a promise`: after an article the cue word is a noun
    if doc.text[cue.start : cue.end] == "called" and _NAMING_BEFORE.search(
        doc.text, max(0, cue.start - 40), cue.start
    ):
        return True  # `a company called Harmony`, `the so-called deal`: a name given, no speech
    if (
        _noun_by_next(cues, doc.text, cue)
        or _no_cue_after(cues, doc.text, cue)
        or _account_follows(doc.text, cue)
    ):
        return True
    if (
        last == "f"
        and _OF_BEFORE.search(doc.text, max(0, cue.start - 4), cue.start)
        and not doc.text.endswith("ing", 0, cue.end)
    ):
        return True  # `a series of tweets`, `a number of reports`: after "of" the cue word is a noun, not a gerund
    if doc.text[cue.start].isupper():
        before = doc.text_before(cue.start)
        if _FUNCTION_WORD_BEFORE.search(before):
            return True  # `New Investigations and Alleged Financial Links`: an adjective in a headline
        return bool(before) and not doc.title_case(doc.sentence(cue.start))
    return False


def _last_letter_before(text: str, start: int) -> str:
    """The character before the spaces that precede `start` (in its 7 characters), or "" when no space
    precedes it. The determiner and "of" regexes can only match where it ends "the", "a", "an" or "of":
    one slice spares searching both for most cues."""
    if not text[start - 1 : start].isspace():
        return ""
    return text[max(0, start - 7) : start].rstrip()[-1:]


_DETERMINER_ENDS = frozenset("eaAn")  # the last letters of The, the, A, a, An, an
# a capitalised cue right after one of these words in a headline qualifies the noun after it
_FUNCTION_WORD_BEFORE = re.compile(r"(?<![\w’'-])(?:and|or|of|the|a|an|for|with|in|on|at|by)$")
_DETERMINER_BEFORE = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Aa]n?)\s+$")
# an indefinite noun phrase right before `called` is named by it ("a program called ..."); "so called"
_NAMING_BEFORE = re.compile(
    r"(?:(?<![\w’'-])(?:[Aa]n?|[Aa]nother)\s+(?:[\w’'-]+\s+){0,3}|(?<![\w’'-])[Ss]o[\s-]+)$"
)


def _noun_by_next(cues: SpeechCues, text: str, cue: Span) -> bool:
    """`show of force`, `the radio show has`, `a think tank`: the word after it makes the cue word a noun;
    `forces continued assaults`: a word reports speech only before the words and marks it allows."""
    # the cue may hold its auxiliaries ("has continued the"): its last word counts
    last = cue_word(text, cue)
    nouns, allowed = cues.noun_next.get(last), cues.only_before.get(last)
    if nouns is None and allowed is None:
        return False
    rest = text[cue.end : cue.end + 12].lstrip()
    word = _FIRST_WORD.match(rest)
    following = (word.group() if word else rest[:1]).lower()
    if nouns is not None and following in nouns:
        return True
    # a cue word after it reports the speech (`Lukashenko's continued claims that ...`, `continued criticizing`)
    return (
        allowed is not None and bool(rest) and following not in allowed and following not in cues.verb_forms
    )


def _account_follows(text: str, cue: Span) -> bool:
    """`“...,” Sanders said, according to CNN`: the speech is CNN's account, as PolNeAR marks it."""
    if text.find("according", cue.end, cue.end + ACCOUNT_REACH) < 0:  # most cues: one search in C
        return False
    return bool(_ACCORDING_AFTER.match(text, cue.end)) and text[cue.start : cue.end].lower() != "according to"


def _no_cue_after(cues: SpeechCues, text: str, cue: Span) -> bool:
    """`we'll see`, `voters would see`: the word before the cue word makes it no attribution."""
    # the cue may hold its auxiliaries ("would see") or a preposition ("show about"): its last word, else
    # its first, and the word before that count
    start = text.rfind(" ", cue.start, cue.end) + 1 or cue.start
    words = cues.no_cue_after.get(text[start : cue.end].lower())
    if words is None:
        first = text.find(" ", cue.start, cue.end)
        start = cue.start
        words = cues.no_cue_after.get(text[cue.start : first].lower()) if first > 0 else None
        if words is None:
            return False
    before = _LAST_WORD.search(text, max(0, start - 12), start)
    return before is not None and before.group(1).lower() in words


# the rest of a cue's clause, up to 60 characters with no sentence end or quotation, then ", according to"
ACCOUNT_REACH = 75
_ACCORDING_AFTER = re.compile(r"(?!\s+that\b)[^.!?\n“”\"]{0,60}?,\s+according\s+to\b")
_LAST_WORD = re.compile(r"((?:[’']|\b)\w+)\s+$")
_OF_BEFORE = re.compile(r"(?<![\w’'-])of\s+$")
_FIRST_WORD = re.compile(r"\w+")


def _possessed(cues: SpeechCues, text: str, cue: Span) -> bool:
    """`Editor’s note:`, `Rubio's claim`, `Trump’s call for`: after a possessive the cue word is a noun,
    not a verb. A contracted "is"/"has" (`he’s predicting`, `Trump's said`) comes before a participle."""
    if text[cue.start : cue.start + 2] not in {"’s", "'s"}:
        return False
    words = text[cue.start + 2 : cue.end].split()
    if not words:
        return False
    word = words[0].lower()
    return not (
        word.endswith(("ing", "ed")) or word in cues.irregular_past or word in cues.aux or word in _AFTER_IS
    )


_AFTER_IS = frozenset({"said", "according", "told", "been", "known"})


def _in_recent_content(done: list[Found], offset: int) -> bool:
    for found in done[-3:]:
        if not found.direct:
            continue  # a cue inside reported speech opens an attribution of its own (nested, as PolNeAR marks)
        for content in found.contents:
            if content.start <= offset < content.end:
                return True
    return False
