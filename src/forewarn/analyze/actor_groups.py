"""Actors named by what they are rather than by name: groups of people, generic armed groups and
coalitions, and how they join the names around them ("the terrorist group ISIL", "the people of
Mosul", "our Coalition partners")."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from forewarn.analyze.actor_match import APOSTROPHE_S, Hit, country_of
from forewarn.analyze.actor_nominal import StateLabel, nominal_mentions
from forewarn.analyze.actor_tokens import STOP_WORDS, like_num
from forewarn.knowledge.actors import load_group_words

if TYPE_CHECKING:
    from forewarn.analyze.actor_match import Lexicon
    from forewarn.analyze.actor_persons import Found
    from forewarn.analyze.actor_tokens import Words
    from forewarn.model import Actor

MEMBER_TYPES = frozenset({"organisation", "force"})  # whose name may take in a member noun
GROUP_NOUN_TYPES = frozenset({"organisation", "force", "other"})
PEOPLE_SECTORS = frozenset({"CVL", "REF"})  # groups of people that "of <place>" may follow
PLACE_BEFORE = frozenset(
    {"in", "near", "outside", "inside", "around", "across", "throughout", "into", "towards"}
)
MEMBERS_OF = frozenset(
    {"members", "delegates", "representatives"}
)  # plural: "a member of Congress" is a person
NAMED_MEMBERS = frozenset({"organisation", "force", "state"})  # whose members are the body itself
KEY_WORDS = frozenset({"key", "leading", "founding", "permanent"})  # "key members of the Coalition"
_ORDER = attrgetter("start", "end")


# determiners before a count that belongs to the group's mention: "the two leaders", "our two countries"
COUNTED = frozenset({"the", "our", "their", "its", "his", "her", "these", "those"})
ARTICLES = frozenset({"a", "an", "the"})


def group_start(words: Words, i: int) -> int:
    """A group's mention takes in its qualifiers and opener ("all Syrians", "their foreign fighters"),
    a count after a determiner ("the two leaders"), and a group it is said of ("a group of Syrians",
    "a young group of students"); a count alone before it is a quantity ("60 civilians")."""
    modifiers, openers = load_group_words()
    lower, j = words.lower, i
    while j > 0 and i - j < 3 and lower[j - 1] in modifiers:
        j -= 1
    if j > 1 and lower[j - 2] in COUNTED and like_num(words.text[j - 1]):
        return j - 2
    if j > 0 and lower[j - 1] in openers:
        return j - 1
    k = j - (j > 1 and lower[j - 2] == "of" and like_num(words.text[j - 1]))  # "a group of 116 participants"
    if k < 2 or lower[k - 1] != "of" or lower[k - 2] not in {"group", "groups"}:
        return j
    k -= 2
    if k > 1 and lower[k - 2] in ARTICLES and words.text[k - 1].islower() and lower[k - 1] not in STOP_WORDS:
        return k - 2  # "a young group of"
    return k - (k > 0 and lower[k - 1] in ARTICLES)


def heads_phrase(words: Words, end: int, kind: str) -> bool:
    """Whether an organisation's or force's name heads its phrase, so takes in the qualifiers before
    it: no lower-case word but a stop word follows ("a senior US official", "former Wagner fighters")."""
    if kind not in {"organisation", "force"} or end >= len(words):
        return kind in {"organisation", "force"}
    after = words.text[end]
    return not (after.isalpha() and after.islower()) or words.lower[end] in STOP_WORDS


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
    generic: list[Actor] = []
    named: list[Actor] = []
    for actor in actors:  # one test per actor, not one per list
        (generic if is_generic(actor) else named).append(actor)
    if not generic:
        return sorted(actors + nominal_mentions(words, actors, state_label), key=_ORDER)
    nominals = nominal_mentions(words, named, state_label, generic)
    kept = [a for a in generic if not any(n.start < a.end and a.start < n.end for n in nominals)]
    return sorted(named + kept + nominals, key=_ORDER)


def _of_that_people(adjective: Found, group: Found) -> bool:
    """Whether a group may belong to the people or country a nationality adjective names (no other
    country's: "Ukrainian" does not qualify a Russian agency)."""
    return group.type in GROUP_NOUN_TYPES and (
        not adjective.country or group.country in {"", adjective.country}
    )


def _alike_groups(words: Words, first: Found, second: Found) -> bool:
    """Two groups named by a common noun ("allies", "other artists", not "the 20th CAA" nor "Sunni"), of
    one type, sector and country, which "and" makes one group."""
    return (
        first.code is None
        and second.code is None
        and first.type == second.type
        and first.type in GROUP_NOUN_TYPES
        and (first.sector, first.country) == (second.sector, second.country)
        and words.text[first.end - 1].islower()
        and words.text[second.end - 1].islower()
    )


def joined(words: Words, found: list[Found]) -> list[Found]:
    """The mentions (in text order, none inside another) joined where one names another, less those
    a join took in: a generic group right before a name is that name ("the terrorist group ISIL");
    people take in where or whom they belong to ("the people of Mosul", "the families of the
    victims", "families of Americans" with their country); members named by their body are the body
    ("the Members of the Security Council"); alike groups joined by "and" are one ("allies and partners")."""
    lower, n = words.lower, len(words)
    out: list[Found] = []
    for i, record in enumerate(found):
        start, end = record.start, record.end
        # every join needs the last mention to end at this one or one word before it (most do not)
        if out and out[-1].end >= start - 1:
            last = out[-1]
            if end <= last.end:
                continue  # taken in by a join
            if last.end == start and _generic_before_name(last, record):
                out[-1] = record._replace(start=last.start)
                continue
            if last.end == start and _named_body(words, last, record):  # "Syrian news agency Sana"
                out[-1] = last._replace(end=end, name=record.name)
                continue
            if last.end == start - 1 and _people_of(lower, last, record):
                out[-1] = last._replace(end=end, country=record.country or last.country)
                continue
            if last.end == start and last.type == "nationality" and _of_that_people(last, record):
                # a people's adjective before a group's name qualifies it: "the Kurdish YPG"
                first = last.start - (last.start > 0 and lower[last.start - 1] == "the")
                out[-1] = record._replace(start=first, country=record.country or last.country)
                continue
            if last.end == start - 1 and lower[last.end] == "and" and _alike_groups(words, last, record):
                out[-1] = last._replace(end=end)  # "allies and partners", "musicians and other artists"
                continue
        if start > 1 and lower[start - 1] == "of" and lower[start - 2] in MEMBERS_OF:
            record = _members_of(words, record, out[-1].end if out else 0)
        elif end + 1 < n and lower[end] == "of" and record.sector in PEOPLE_SECTORS and record.code is None:
            stop, after = end + 1, min(n, found[i + 1].start if i + 1 < len(found) else n)
            while stop < after and stop - end <= 3 and proper_word(words, stop):
                stop += 1  # "the residents of Camp Hurriya": a name no other mention holds
            record = record._replace(end=stop) if stop > end + 1 else record
        out.append(record)
    return out


def _generic_before_name(group: Found, name: Found) -> bool:
    """ "the terrorist group" + "ISIL": a generic organisation (no code, no country) before a named one."""
    if group.code is not None or group.country or group.type not in MEMBER_TYPES:
        return False
    return name.code is not None and name.type in MEMBER_TYPES


def _named_body(words: Words, body: Found, name: Found) -> bool:
    """A generic organisation in the singular ("news agency") before a one-word name taken for a
    person with nothing else known: the body's own name, not a person."""
    return (
        body.code is None
        and body.type == "organisation"
        and not words.lower[body.end - 1].endswith("s")
        and name.type == "person"
        and name.end - name.start == 1
        and not (name.role or name.country or name.sector)
    )


def _people_of(lower: list[str], people: Found, whom: Found) -> bool:
    """ "the families" + "of" + "the victims" / "Americans": people belonging to other people."""
    if people.sector not in PEOPLE_SECTORS or people.code is not None or lower[people.end] != "of":
        return False
    return whom.sector in PEOPLE_SECTORS or whom.type == "other"


def _members_of(words: Words, record: Found, free: int) -> Found:
    """ "(the) (key) members of <body>" as one mention of the body, starting no earlier than `free`."""
    if record.type not in NAMED_MEMBERS:
        return record
    modifiers, openers = load_group_words()
    lower, j = words.lower, record.start - 2
    if j > 0 and (lower[j - 1] in modifiers or lower[j - 1] in KEY_WORDS):
        j -= 1
    if j > 0 and lower[j - 1] in openers:
        j -= 1
    return record._replace(start=j) if j >= free else record


def drop_covered(found: list[Found]) -> list[Found]:
    """The mentions in text order, less those inside a longer one before them: "forces" in "Iraqi
    government forces", which took in its member noun."""
    found.sort(key=_ORDER)
    out: list[Found] = []
    for record in found:
        if out and record.start >= out[-1].start and record.end <= out[-1].end:
            continue
        out.append(record)
    return out


def led_by(lexicon: Lexicon, word: str) -> str:
    """The country of a one-token "<name>-led" ("U.S.-led"), else ""."""
    if not word.endswith("-led") or not word[:1].isupper():
        return ""
    node = lexicon.tree.get(word[:-4].lower())
    for kind, index, _, _ in node.keys if node is not None else ():
        country = country_of(lexicon, Hit(0, 1, kind, index)) if kind in "ED" else ""
        if country:
            return country
    return ""
