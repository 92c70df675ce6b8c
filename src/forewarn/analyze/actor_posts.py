"""Persons named by a post or a family name alone, for `actor_persons`: a lower-case post after the
body it serves or an article ("a Russian military spokesman", "a spokesman declined"), and a known
family name after another given name ("Bassel al-Assad" is not Bashar al-Assad)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from forewarn.analyze.actor_tokens import STOP_WORDS
from forewarn.knowledge.actors import load_first_names
from forewarn.knowledge.plover import load_lexicon

if TYPE_CHECKING:
    from forewarn.analyze.actor_match import Hit
    from forewarn.analyze.actor_persons import State
    from forewarn.analyze.actor_tokens import Words
    from forewarn.knowledge.actors import ActorEntry

SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "“", "\n"})


def lower_post(st: State, hit: Hit, left: int) -> int | None:
    """Where a lower-case post standing for a person starts, with its article, or None: after the body
    it serves ("a Russian military spokesman", "A Foreign Office spokesman") or an article ("a
    spokesman declined"); "the head" alone is too often no person."""
    article = _article(st.words, hit.start)
    introduced = left < hit.start - (1 if article else 0)
    if not (introduced or article) or not post_ends(st, hit.end):
        return None
    if not introduced and (st.words.lower[hit.start] == "head" or predicative(st.words, hit.start - 1)):
        return None  # "Qanbar was a commander": says what someone is, no mention of another person
    return left - 1 if left > 0 and st.words.lower[left - 1] in {"a", "an"} else left


def post_ends(st: State, end: int) -> bool:
    """The post ends its noun phrase ("the officer said", "spokesman, ..."), no noun follows it
    ("officer training"): the next word is no lower-case word but a stop word, a speech verb or an
    inflected verb."""
    if end >= len(st.words):
        return True
    word, lower = st.words.text[end], st.words.lower[end]
    if not word.isalpha() or not word.islower() or lower in STOP_WORDS or lower.endswith(("s", "ed")):
        return True
    return any(cue.start == end for cue in st.cues)


COPULAS = frozenset(
    {
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "became",
        "becomes",
        "as",
        "am",
        "'re",
        "’re",
        "'m",
        "’m",
    }
)


def predicative(words: Words, article: int) -> bool:
    return article > 0 and words.lower[article - 1] in COPULAS


def _article(words: Words, i: int) -> bool:
    return i > 0 and words.lower[i - 1] in {"a", "an", "the"}


def other_given_name(st: State, entry: ActorEntry, start: int) -> bool:
    """Whether a family name the dictionary knows follows a given name none of its spellings has: a
    relative or namesake ("Bassel al-Assad", "Maher al-Assad"), no mention of the known person."""
    i = start - 1  # the caller has checked that token i can be a word of a name
    if i < 0 or st.taken[i] or i in st.titles_by_start:
        return False
    if (i == 0 or st.words.text[i - 1] in SENTENCE_OPENERS) and st.words.text[i] not in load_first_names():
        return False  # a capital opening a sentence may be any word, unless it is a given name
    word = st.words.lower[i]
    if capitalised_verb(st.words, i):
        return False  # "Xi Meets Lula", "Macron Hosts Scholz"
    return all(word not in spelling.lower().split() for spelling in (entry.name, *entry.aliases))


def capitalised_verb(words: Words, i: int) -> bool:
    """A headline's verb in title case before a name, no given name: "Meets" in "Xi Meets Lula". A
    present tense in -s that opens an event trigger and is no given name (none of those ends so)."""
    word = words.lower[i]
    return word[-1:] == "s" and word in load_lexicon().by_first and words.text[i] not in load_first_names()


COMPLEMENT_REACH = 6  # name words of the body or field a post serves


def post_complement(st: State, i: int) -> int:
    """The end of the body or field a post standing alone serves, named after it with "of" or "for",
    which belongs to the post: "the UN High Commissioner for Refugees", "the Director of the Office of
    Museums"; i when no capitalised name follows. Names already taken end it."""
    words, j = st.words, i
    while j + 1 < len(words) and words.lower[j] in {"of", "for"}:
        k = j + 1 + (words.lower[j + 1] == "the")
        end = k
        while (
            end < len(words) and end - k < COMPLEMENT_REACH and not st.taken[end] and _body_word(words, end)
        ):
            end += 1
        if end == k:
            break
        j = end
    return j


def _body_word(words: Words, i: int) -> bool:
    """A word of a name after a post: capitalised, no stop word but "and" or "of" inside the name."""
    text = words.text[i]
    if text[:1].isupper():
        return words.lower[i] not in STOP_WORDS
    return words.lower[i] in {"and", "of"} and i + 1 < len(words) and words.text[i + 1][:1].isupper()
