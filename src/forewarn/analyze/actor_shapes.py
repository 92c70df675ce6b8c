"""Unknown persons told by the shape of their name, with no title or known given name before them:
a middle initial ("Isiah L. Booker", "Scott C. Dayton") or an Arabic family name in "al-"/"el-"
after a given name ("Mohan al-Freiji", "Badran Turki Hishan al-Mazidi"); and a name before an
apposed post ("Knox Thames, the Special Advisor to ...").

The first words of Arabic place and group names have the same shape ("Tal al-Abyad", "Jaish
al-Islam"): those words open no person's name. A common noun for a person after an article names
one too ("A local physician", "another resident").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import compress, count
from typing import TYPE_CHECKING

from forewarn.analyze.actor_persons import Found, claim, name_run, name_token, organisation_like
from forewarn.analyze.actor_posts import post_ends, predicative
from forewarn.analyze.actor_tokens import STOP_WORDS
from forewarn.knowledge.actors import load_head_nouns

if TYPE_CHECKING:
    from forewarn.analyze.actor_persons import State

# The part of such a name no other capitalised run has, found in one scan of the text: an initial or
# two before a capitalised word, or "al-"/"el-" before one. The name words before it are read from the
# tokens.
NAME_SHAPE = re.compile(r" (?:[A-Z]\. (?:[A-Z]\. )?[A-Z][a-z]|[ae]l-[A-Z][a-z])")
NOT_OPENING = frozenset({
    "tal", "tell", "ras", "bab", "deir", "dayr", "jisr", "khan", "qasr", "ain", "ayn", "wadi", "jebel",
    "jabal", "bir", "tel", "umm", "jaish", "jaysh", "jabhat", "liwa", "ahrar", "harakat", "ansar", "kataib",
    "saraya", "saray", "hayat", "hay'at", "tahrir", "jund", "faylaq", "asaib", "majlis", "dar", "sheikh",
})  # fmt: skip
ARTICLES = frozenset({"the", "a", "an"})
REACH = 3  # given names before the initial or the family name


def shaped_persons(st: State) -> list[Found]:
    """Persons whose names have a middle initial or an "al-" family name, not already taken."""
    words, out = st.words, []
    for match in NAME_SHAPE.finditer(words.source):
        i = bisect_left(words.start, match.start() + 1)  # the initial's or the family name's token
        first = _names_before(st, i, 1)
        if first < 0:
            continue
        end = name_run(words, first, st.taken, limit=5)
        if end <= i or organisation_like(words, first, end):
            continue
        claim(st.taken, first, end)
        out.append(Found(first, end, words.span_text(first, end), "person", "", "", ""))
    return out


def apposed_persons(st: State) -> list[Found]:
    """Two or three name words before a comma and a post taken as a person: "Knox Thames, the Special
    Advisor to ...", "Lama Fakih, HRW's deputy director"."""
    words, out = st.words, []
    for title in sorted(st.used_titles):  # a handful per document
        comma = next((c for c in range(title - 1, max(title - 5, 0), -1) if words.text[c] == ","), 0)
        if comma < 2 or any(words.lower[c] not in ARTICLES and st.taken[c] for c in range(comma + 1, title)):
            continue
        first = _names_before(st, comma, 2)
        if first < 0 or organisation_like(words, first, comma):
            continue
        claim(st.taken, first, comma)
        out.append(Found(first, comma, words.span_text(first, comma), "person", "", "", ""))
    return out


def _names_before(st: State, i: int, least: int) -> int:
    """The first of the `least` to REACH free name words right before token i, or -1 when there are
    fewer, or the first is a place or opens Arabic place and group names ("Tal", "Jaish")."""
    words, first = st.words, i
    while first > 0 and i - first < REACH and not st.taken[first - 1] and name_token(words, first - 1):
        first -= 1
    if i - first < least or words.start[first] in st.place_starts or words.lower[first] in NOT_OPENING:
        return -1
    return first


OPENING = frozenset({"a", "an", "one", "another", "the"})
APPOSITION_MARKS = frozenset({",", "—", "–", "-", "("})
MODIFIERS = 2  # lower-case words between the article and the noun


@lru_cache(maxsize=1)
def _person_nouns() -> dict[str, tuple[str, ...]]:
    """First word -> the nouns for a person in heads.tsv starting with it ("service" -> "service member")."""
    out: dict[str, tuple[str, ...]] = {}
    for noun, head in load_head_nouns().items():
        if head.kind == "person":
            first = noun.split()[0]
            out[first] = (*out.get(first, ()), noun)
    return out


def common_persons(st: State) -> list[Found]:
    """A person named by a common noun (heads.tsv) after an article, "one" or "another": "A local
    physician", "another resident", "a soldier was killed"; not after a copula ("was a soldier") nor
    before another noun ("the man power")."""
    out, nouns, lower = [], _person_nouns(), st.words.lower
    # the tokens that begin such a noun, picked out in one pass at C speed (a few per document), and
    # tried in text order, so "the prime minister" is tried for "prime minister" before "minister"
    for i in compress(count(), map(nouns.__contains__, lower)):
        found = _common_person(st, i, nouns[lower[i]])
        if found is not None:
            out.append(found)
    return out


def _common_person(st: State, noun: int, nouns: tuple[str, ...]) -> Found | None:
    """The person named by the noun at token `noun` (one of `nouns`, maybe two words) after an article."""
    words, heads = st.words, load_head_nouns()
    two = " ".join(words.lower[noun : noun + 2])
    phrase = two if two in nouns else words.lower[noun]
    if phrase not in nouns:
        return None
    end = noun + len(phrase.split())
    first = _opening(st, noun)
    if first < 0 or any(st.taken[first:end]) or predicative(words, first) or not post_ends(st, end):
        return None
    if first > 1 and words.text[first - 1] in APPOSITION_MARKS and st.taken[first - 2]:
        return None  # "Jason Sims — a teacher from ...": says what the person named is
    claim(st.taken, first, end)
    return Found(first, end, words.span_text(first, end), "person", "", heads[phrase].sector, "")


def _opening(st: State, noun: int) -> int:
    """The article before the noun at token `noun`, over up to MODIFIERS lower-case words, or -1."""
    words = st.words
    for k in range(noun - 1, max(noun - 2 - MODIFIERS, -1), -1):
        if words.lower[k] in OPENING:
            return k
        if not words.text[k].islower() or words.lower[k] in STOP_WORDS:
            return -1
    return -1
