"""Actors named by what they are rather than by name: groups of people, generic armed groups and
coalitions, and how they join the names around them ("the terrorist group ISIL", "the people of
Mosul", "our Coalition partners")."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from forewarn.analyze.actor_match import APOSTROPHE_S
from forewarn.analyze.actor_nominal import StateLabel, nominal_mentions
from forewarn.analyze.actor_tokens import STOP_WORDS
from forewarn.knowledge.actors import load_group_words

if TYPE_CHECKING:
    from forewarn.analyze.actor_persons import Found
    from forewarn.analyze.actor_tokens import Words
    from forewarn.model import Actor

MEMBER_TYPES = frozenset({"organisation", "force"})  # whose name may take in a member noun
PEOPLE_SECTORS = frozenset({"CVL", "REF"})  # groups of people that "of <place>" may follow
PLACE_BEFORE = frozenset(
    {"in", "near", "outside", "inside", "around", "across", "throughout", "into", "towards"}
)
_ORDER = attrgetter("start", "end")


def proper_word(words: Words, i: int) -> bool:
    """Whether token i is a capitalised word that may be part of a name."""
    word = words.text[i]
    return word.istitle() and word.isalpha() and words.lower[i] not in STOP_WORDS


def not_at_places(words: Words, persons: list[Found]) -> list[Found]:
    """Less the names with no title or known role right after a locative preposition: "near Tal Afar",
    "in Urem al-Kubra" are places the gazetteer lacks, not persons."""
    lower, n = words.lower, len(words)
    return [
        p
        for p in persons
        if p.start == 0
        or lower[p.start - 1] not in PLACE_BEFORE
        or p.code is not None
        or p.role
        or (p.end < n and lower[p.end] in APOSTROPHE_S)  # "in Tobias Smith's view"
    ]


def is_generic(actor: Actor) -> bool:
    """A group named by a common noun and no country: "the terrorist group", "the global coalition"."""
    return not actor.country and actor.code == actor.sector and actor.type == "organisation"


def with_nominals(words: Words, actors: list[Actor], state_label: StateLabel) -> list[Actor]:
    """The actors and the definite nouns referring back to one of them; such a noun found as a
    generic group ("this terrorist group" after ISIL) is the actor it refers to, not a group of its own."""
    generic = [a for a in actors if is_generic(a)]
    if not generic:
        return sorted(actors + nominal_mentions(words, actors, state_label), key=_ORDER)
    named = [a for a in actors if not is_generic(a)]
    nominals = nominal_mentions(words, named, state_label, generic)
    kept = [a for a in generic if not any(n.start < a.end and a.start < n.end for n in nominals)]
    return sorted(named + kept + nominals, key=_ORDER)


def of_whom(words: Words, found: list[Found]) -> list[Found]:
    """People named by where or whom they belong to, one mention: "the people of Mosul", "residents of
    Camp Hurriya", "the families of the victims"."""
    text, lower = words.text, words.lower
    out: list[Found] = []
    for i, record in enumerate(found):
        end = record.end
        if (
            record.sector in PEOPLE_SECTORS
            and record.code is None
            and end + 1 < len(text)
            and lower[end] == "of"
        ):
            after = found[i + 1] if i + 1 < len(found) else None
            if (
                after is not None
                and after.start == end + 1
                and (after.sector in PEOPLE_SECTORS or after.type == "other")
            ):
                record = record._replace(end=after.end, country=after.country or record.country)
            else:
                stop = end + 1
                while stop < len(text) and stop - end <= 3 and proper_word(words, stop):
                    stop += 1
                record = record._replace(end=stop) if stop > end + 1 else record
        out.append(record)
    return out


def named_after(found: list[Found]) -> list[Found]:
    """A generic group right before a name is that named actor, one mention: "the terrorist group
    ISIL", "the news agency Reuters"."""
    out: list[Found] = []
    for record in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.end == record.start
            and last.code is None
            and not last.country
            and last.type in MEMBER_TYPES
            and record.code is not None
            and record.type in MEMBER_TYPES
        ):
            out[-1] = record._replace(start=last.start)
            continue
        out.append(record)
    return out


MEMBERS_OF = frozenset({"members", "member", "delegates", "representatives"})
NAMED_MEMBERS = frozenset({"organisation", "force", "state"})


def members_of(words: Words, found: list[Found]) -> list[Found]:
    """Members named by the body they belong to are that body, one mention: "the Members of the
    Security Council", "key members of the Counter ISIL Coalition"."""
    lower = words.lower
    modifiers, openers = load_group_words()
    out: list[Found] = []
    for record in found:
        i = record.start
        if record.type in NAMED_MEMBERS and i > 1 and lower[i - 1] == "of" and lower[i - 2] in MEMBERS_OF:
            j = i - 2
            if j > 0 and (lower[j - 1] in modifiers or lower[j - 1] in KEY_WORDS):
                j -= 1
            if j > 0 and lower[j - 1] in openers:
                j -= 1
            if not out or out[-1].end <= j:
                record = record._replace(start=j)
        out.append(record)
    return out


KEY_WORDS = frozenset({"key", "leading", "founding", "permanent"})
