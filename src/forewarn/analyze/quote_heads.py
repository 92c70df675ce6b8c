"""What a source phrase found before its cue leaves out, as PolNeAR marks it: a fronted clause (`Dashing
into a luncheon, Senator Capito said`), the head a subject pronoun modifies (`The only regret he`), the
clause a reduced relative hangs off (`gave $25 million to an outside group backing Rubio`).
"""

from __future__ import annotations

import re

from forewarn.model import Span

# the words a reduced relative's noun phrase starts after: `an outside group backing`, `included Trump vowing`
_PHRASE_START = re.compile(
    r".*(?:^|\s)(?:to|of|for|with|from|by|about|in|on|at|among|against|[a-z]+ed|[a-z]+ing)\s+", re.DOTALL
)


def nearest_noun_phrase(text: str, source: Span) -> Span:
    """`Wealthy donors handed $25 million to an outside group backing Rubio`: a bare -ing cue after a
    noun phrase modifies that phrase (a reduced relative), whose holder is the phrase, not the clause."""
    m = _PHRASE_START.match(text, source.start, source.end)
    if m is None or m.end() >= source.end:
        return source
    phrase = text[m.end() : source.end]
    if " " not in phrase and not (phrase[:1].isupper() or phrase.endswith("s") or phrase == "those"):
        return source  # `the meeting began vowing`: one word that is no noun phrase
    return Span(m.end(), source.end)


# subject pronouns that may end a longer phrase before its cue: `the only regret he`, `A few minutes later they`
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "I", "you"})


def pronoun_subject(text: str, source: Span) -> Span:
    """`The only regret he had`, `A few minutes later they said`: a pronoun that ends the phrase is the
    subject, the words before it a head it modifies or a fronted setting (as PolNeAR marks them: on train
    the pronoun alone 54 times in 61); not in a list (`my siblings and I`) nor after "of" (`many of you`)."""
    space = text.rfind(" ", source.start, source.end)
    if space <= source.start or text[space + 1 : source.end] not in _SUBJECT_PRONOUNS:
        return source  # most sources: one word, or a name
    before = text[source.start : space].rsplit(None, 1)
    if not before or before[-1] in {"and", "of"}:
        return source
    return Span(space + 1, source.end)


# a participle or an adverb and a lower-case word opening the phrase: a fronted clause, up to its comma
_FRONTED_CLAUSE = re.compile(r"[A-Z][a-z]+(?:ing|ed|ly)\s+[a-z][^,]*,\s+")


def past_fronted(text: str, source: Span) -> Span:
    """`Dashing into a closed-door luncheon, Senator Capito, Republican of West Virginia,` and `Shortly
    after it ruled, Sen. Ted Cruz`: the fronted clause is the writer's setting, not the speaker's name
    (on train 7 times in 9; a name such as `Working America` goes on with a capital)."""
    if not text[source.start : source.start + 1].isupper() or text.find(", ", source.start, source.end) < 0:
        return source  # most sources: no comma, or a lower-case opening
    m = _FRONTED_CLAUSE.match(text, source.start, source.end)
    return Span(m.end(), source.end) if m is not None and m.end() < source.end else source


# focusing adverbs that open a subject phrase and are the writer's, not the speaker's name
_FOCUS_INITIALS = frozenset("EePp")
_FOCUS = re.compile(r"(?:[Ee]ven|[Pp]erhaps|[Pp]articularly|[Ee]specially)\s+(?=\S)")


def past_focus(text: str, source: Span) -> Span:
    """`Even those close to him say`, `Perhaps young voters prefer`: the adverb is the writer's (on train
    the gold leaves "even" out 10 times in 13)."""
    if text[source.start : source.start + 1] not in _FOCUS_INITIALS:
        return source  # most sources: spare the regex
    m = _FOCUS.match(text, source.start, source.end)
    return Span(m.end(), source.end) if m is not None else source


# a contracted "is"/"are"/"has" after the subject, or a verb in the third person or the past in lower case
# (an adverb may come first: `Sanders often questions`) before a word that does not make it a plural noun
# (`forces deploying`, `ages of`, `letters and`)
_FINITE = re.compile(
    r"[’'](?:s|re|ve|d|ll)\b|\s+(?:(?:[a-z]+ly|often|also|still|never|always|now|then|later|again|already|just)\s+)?"
    r"[a-z]+(?<![su]s)(?<!is)(?:s|ed)(?=\s+(?!(?:of|in|and|or|for|on|at|to|from|with|by)\b|[a-z]+ing\b)\S)"
)
_COORDINATORS = (" and", " but", " or")
_MARK = re.compile(r"[“\"]")
VERB_REACH = 40  # characters of the phrase its subject and first verb lie in


def before_coordinated_verb(text: str, source: Span) -> Span:
    """`Wealth-X keeps its own finances a secret but says ...`, `He’s comparing ... and says ...`: where the
    first verb of the clause is none the lexicon knows, the phrase found before a coordinated cue runs to its
    `and`; the subject is the capitalised words before that verb (`Wealth-X`, `He`, `Putin chides Turkey and
    praises` -> `Putin`), which lie in the first words and before any quotation mark; a phrase whose words
    before it are not all capitalised is left as it is (`Several partisan attacks and reports`)."""
    if not text.endswith(_COORDINATORS, source.start, source.end) or not text[source.start].isupper():
        return source  # most sources
    end = min(source.end, source.start + VERB_REACH)
    mark = _MARK.search(text, source.start, end)
    m = _FINITE.search(text, source.start, mark.start() if mark else end)
    if m is None or m.start() == source.start:
        return source
    if not all(word[:1].isupper() for word in text[source.start : m.start()].split()):
        return source
    return Span(source.start, m.start())
