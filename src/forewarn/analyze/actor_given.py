"""Given names for the actors stage's person rules: the capitalised words of a text that may be a
person's given name, and what makes them one (more name words, a verb, "and" with another person)."""

from __future__ import annotations

import re
from typing import NamedTuple

from forewarn.analyze.word_trie import trie_pattern
from forewarn.knowledge.actors import load_first_names

NOT_NAMES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "god", "allah", "christmas", "easter", "ramadan", "eid", "internet", "covid",
})  # fmt: skip
# What befalls only a person: "Booker was assigned", for any capitalised word.
FATES = (
    "killed", "wounded", "injured", "assigned", "appointed", "born", "arrested", "detained", "kidnapped",
    "executed", "sentenced", "promoted",
)  # fmt: skip
# Verbs after a lone given name ("Karim insists"): auxiliaries, common irregular pasts and a closed list
# of present tenses (any word in -s would take in plurals: "Republican leaders"); any word in -ed too.
VERBS = (
    "is", "was", "has", "had", "will", "would", "could", "did", "does", "stood", "met", "took", "told",
    "went", "came", "made", "saw", "gave", "left", "fled", "fought", "flew", "spoke", "wrote", "became",
    "began", "knew", "sat", "ran", "kept", "held", "lost", "won", "insists", "continues", "remains",
    "represents", "draws", "tells", "knows", "recalls", "explains", "maintains", "lives", "works", "plays",
    "wants", "hopes", "believes", "thinks",
)  # fmt: skip
# A capitalised word that may be a given name (no word, initial or elision glued before it), and
# what makes it one: more name words after it ("Tobias Smith", the double "Anne-Marie Dupont"), a
# verb ("Karim insists", "Omar was killed"), what befalls only a person (`fate`) or, for a known given
# name, "and" with another name or people (`next`: "Karim and Sadiq met", "Anas and other
# volunteers"); `verb` is set for all but the first. One scan finds them all, and the capital comes
# before the look-behind so that the engine skips to capitals. The letter runs are possessive: what
# follows them is never a lower-case letter, so giving letters back (for every capitalised word that
# is no name) could never make a match; a word ending in "ed" is checked by a look-behind at its end
# for the same reason. The word lists are shaped as prefix trees: most capitalised words have a
# lower-case word after them, which then fails on one letter test, not on one per verb.
CAPITALISED_NAME = re.compile(
    r"([A-Z](?<![\w.'’-][A-Z])[a-z]{2,}+)"
    r"(?:(?:-[A-Z][a-z]++)?(?=\s+[A-Z])"
    r"|(?=(?P<fate> was (?:[a-z]++ly )?" + trie_pattern(FATES) + r"\b)"
    r"| (?:[a-z]++(?<=[a-z]ed)|" + trie_pattern(VERBS) + r")\b"
    r"| and (?P<next>[A-Z][a-z]++|other|his|her)\b)(?P<verb>))"
)
KUNYA = frozenset({"Abu", "Umm", "Abou"})  # "Abu Ghadiya": a name by itself


class NameCandidate(NamedTuple):
    """A common given name found by CAPITALISED_NAME, in character offsets."""

    start: int
    end: int
    name: str
    partner: int = -1  # where the name after "and" starts ("Karim and Sadiq"), which must be no place


def capitalised_names(text: str) -> tuple[list[NameCandidate], list[NameCandidate]]:
    """Common given names (or a kunya) before more name words, and common given names before a verb."""
    first_names = load_first_names()
    before_names: list[NameCandidate] = []
    before_verb: list[NameCandidate] = []
    for match in CAPITALISED_NAME.finditer(text):
        name = match[0]
        if name not in first_names and name not in KUNYA:  # most capitalised words: asked first
            # only a verb with no "and" after the word can make a person of an unknown word (the
            # match has no verb for most: they stand before another capital), so asked before the rest
            if match.start("verb") < 2 or match["next"] is not None:
                continue
            # after a fronted phrase's comma a capital is the name's own, not the sentence's: "After
            # the war, Qanbar was posted" (places, known names and common words are ruled out later)
            # and what befalls only a person makes one of any capitalised word: "Dayton was mortally wounded"
            start = match.start()
            if (start > 1 and text[start - 2 : start] == ", ") or match.start("fate") >= 0:
                before_verb.append(NameCandidate(start, match.end(), name))
            continue
        if match.start("verb") < 0:
            before_names.append(NameCandidate(match.start(), match.end(), name))
        # "and" with another given name or people: "Karim and Sadiq", "Anas and other", not "Simon and Schuster"
        elif name.lower() not in NOT_NAMES and (
            (after := match["next"]) is None or after.islower() or after in first_names
        ):
            before_verb.append(NameCandidate(match.start(), match.end(), name, match.start("next")))
    return before_names, before_verb
