"""What a country adjective names, from the noun it qualifies (`knowledge/actors/heads.tsv`).

"Iraqi" alone or before an abstract noun ("the Iraqi insurgency" aside, "Iraqi unity")
is a nationality; before a place noun ("the Syrian town of Dabiq") it is part of a
place; before a person noun ("a senior Iraqi general") it makes a person of that
country; before a group noun ("Syrian children") a group of that country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from forewarn.analyze.actor_match import SPEECH_CUES
from forewarn.analyze.actor_persons import Found
from forewarn.knowledge.actors import HeadNoun, Nominals, load_group_words, load_head_nouns, load_nominals
from forewarn.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

OPENERS = frozenset({"the", "a", "an", "our", "their", "its", "his", "her", "this", "that", "these", "those"})
StateLabel = Callable[[str, str], "Actor | None"]  # (noun, sector) -> the main state's actor
EXTRA_MODIFIERS = frozenset({"terrorist", "jihadist", "islamist", "military", "ruling", "western", "global"})
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


# -- definite nouns referring back: "the regime", "the group" ----------------------

DEFINITE = frozenset({"the", "this", "that"})
ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "SEP"})
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "LEG", "JUD"})
ADVERBS = frozenset({"later", "now", "then", "still", "yet", "already", "again", "soon"})
REACH = 2_000  # characters back to look for the organisation referred to


def main_state(actors: list[Actor]) -> str:
    """The country the document's state mentions name most (the first of equals), else ""."""
    counts = Counter(a.country for a in actors if a.type == "state" and a.country)
    return counts.most_common(1)[0][0] if counts else ""


def nominal_mentions(doc: Doc, actors: list[Actor], state_label: StateLabel) -> list[Actor]:
    """Definite nouns that refer back to an actor, as mentions of it; unresolved ones are left out."""
    nominals = load_nominals()
    covered = {i for a in actors for i in range(a.start, a.end)}
    out = []
    for token in doc:
        noun, end = _nominal_at(doc, token.i, nominals.nouns)
        if not noun or token.idx in covered:
            continue
        start = _definite_start(doc, token.i)
        if start is None:
            continue
        first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        found = _referent(actors, first, noun, nominals) or state_label(noun, nominals.state.get(noun, ""))
        if found is not None:
            out.append(replace(found, start=first, end=last, text=doc.text[first:last]))
    return out


def _nominal_at(doc: Doc, i: int, nouns: frozenset[str]) -> tuple[str, int]:
    """The nominal noun at token i (maybe two words) and its end, when what follows lets it be a noun."""
    pair = f"{doc[i].lower_} {doc[i + 1].lower_}" if i + 1 < len(doc) else ""
    noun, end = (pair, i + 2) if pair in nouns else (doc[i].lower_, i + 1)
    if noun not in nouns or not doc[i].is_lower:
        return "", 0
    after = doc[end] if end < len(doc) else None
    if after is None or not after.is_alpha or after.is_stop or after.lower_ in SPEECH_CUES:
        return noun, end
    return (noun, end) if after.lower_.endswith(("ed", "ly")) or after.lower_ in ADVERBS else ("", 0)


def _definite_start(doc: Doc, i: int) -> int | None:
    """Where "the (modifiers) <noun>" starts, or None when the noun has no definite article."""
    modifiers, _ = load_group_words()
    j = i
    while j > 0 and i - j < 2 and (doc[j - 1].lower_ in modifiers or doc[j - 1].lower_ in EXTRA_MODIFIERS):
        j -= 1
    return j - 1 if j > 0 and doc[j - 1].lower_ in DEFINITE else None


def _referent(actors: list[Actor], offset: int, noun: str, nominals: Nominals) -> Actor | None:
    """The nearest organisation before `offset` that the noun can refer to."""
    for actor in reversed([a for a in actors if a.end <= offset]):
        if offset - actor.end > REACH:
            return None
        if actor.type not in {"organisation", "force"} or not actor.code:
            continue
        if noun in nominals.named and noun in actor.name.lower():
            return actor
        if noun in nominals.armed and actor.sector in ARMED_SECTORS and actor.code != actor.sector:
            return actor
        if noun in nominals.bloc and actor.sector == "IGO":
            return actor
    return None
