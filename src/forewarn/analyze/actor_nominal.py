"""What a country adjective names, from the noun it qualifies (`knowledge/actors/heads.tsv`).

"Iraqi" alone or before an abstract noun ("the Iraqi insurgency" aside, "Iraqi unity")
is a nationality; before a place noun ("the Syrian town of Dabiq") it is part of a
place; before a person noun ("a senior Iraqi general") it makes a person of that
country; before a group noun ("Syrian children") a group of that country.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from forewarn.analyze.actor_persons import Found
from forewarn.knowledge.actors import HeadNoun, load_head_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc

OPENERS = frozenset({"the", "a", "an", "our", "their", "its", "his", "her", "this", "that", "these", "those"})
MODIFIER_REACH = 2  # lower-case words allowed between the adjective and its noun ("Iraqi tribal sheikh")


def qualified(doc: Doc, start: int, end: int, country: str, name: str) -> Found | None:
    """The actor "<adjective at start:end> <noun>" names; a nationality when the noun names none."""
    nationality = Found(start, end, name, "nationality", country, "", "")
    found = _head(doc, end)
    if found is None:
        return nationality
    head_end, head = found
    if head_end < len(doc) and doc[head_end].is_title:
        return nationality  # "the Swedish citizen Mohamed Moumou": the person is named
    if head.kind == "place":
        return None
    first = _opener(doc, start)
    phrase = doc[first:head_end].text
    if head.kind == "person":
        return Found(first, head_end, phrase, "person", country, head.sector, phrase)
    return Found(first, head_end, phrase, "other", country, head.sector, "")


def _head(doc: Doc, end: int) -> tuple[int, HeadNoun] | None:
    """The known noun within MODIFIER_REACH lower-case words after `end`, with its end token."""
    heads = load_head_nouns()
    for k in range(end, min(end + MODIFIER_REACH + 1, len(doc))):
        token = doc[k]
        if not (token.is_lower and token.is_alpha):
            return None
        if k + 1 < len(doc) and f"{token.lower_} {doc[k + 1].lower_}" in heads:
            return k + 2, heads[f"{token.lower_} {doc[k + 1].lower_}"]
        if token.lower_ in heads:
            return k + 1, heads[token.lower_]
        if token.is_stop:
            return None
    return None


def _opener(doc: Doc, start: int) -> int:
    """The phrase starts at its article or possessive, over one adjective ("a senior Iraqi")."""
    if start > 0 and doc[start - 1].lower_ in OPENERS:
        return start - 1
    if start > 1 and doc[start - 1].is_lower and doc[start - 2].lower_ in OPENERS:
        return start - 2
    return start
