"""Actors: who acts — states, their forces and agencies, organisations and persons.

Recognition needs no statistical model: the actor dictionary's aliases are looked up
by their lower-case tokens (`actor_match`), generic phrases take their country from a
neighbouring name or demonym ("Russian forces" -> RUSMIL), and unknown persons are
found from titles, given names, apposition and speech verbs (`actor_persons`).
Codes are PLOVER/CAMEO style: ISO alpha-3 country + sector.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING

from forewarn.analyze.actor_coref import link_persons
from forewarn.analyze.actor_groups import (
    MEMBER_TYPES,
    drop_covered,
    group_start,
    heads_phrase,
    joined,
    led_by,
    not_at_places,
    proper_word,
    with_nominals,
)
from forewarn.analyze.actor_match import (
    APOSTROPHE_S,
    Hit,
    Lexicon,
    build_lexicon,
    country_of,
    find_hits,
    longest_first,
)
from forewarn.analyze.actor_nominal import (
    STATE_SECTORS,
    main_state,
    noun_end,
    qualified,
)
from forewarn.analyze.actor_orgs import UNIT_ORDINAL, posts_of_bodies, unknown_acronyms, unknown_organisations
from forewarn.analyze.actor_persons import Found, PersonHits, named_persons, person_state
from forewarn.analyze.actor_pronouns import (
    dictionary_genders,
    mentioned,
    new_actor,
    pronoun_mentions,
    resolve_pronoun,
)
from forewarn.analyze.actor_shapes import apposed_persons, common_persons, shaped_persons
from forewarn.analyze.actor_tokens import STOP_WORDS, Words
from forewarn.analyze.pipeline import Context
from forewarn.knowledge.actors import (
    load_act_nouns,
    load_first_names,
    load_group_words,
    load_member_nouns,
    load_not_acronyms,
)
from forewarn.model import Actor, Analysis

if TYPE_CHECKING:
    from forewarn.config import Settings

__all__ = ["Actors", "find_actors", "resolve_pronoun"]  # resolve_pronoun: the quotes stage's entry point

PRIORITY = {"E": 0, "G": 1, "D": 2, "C": 3, "T": 4, "A": 5}
# only the definite article belongs to a name: "an ISIL tactical unit", "a DoD official" use the name as a modifier
DETERMINERS = frozenset({"the"})
INDEFINITE = frozenset({"a", "an"})
# generic phrases that name an actor only as the head of their phrase ("the enemy", not "enemy fire")
HEAD_ONLY = frozenset({"enemy", "common enemy"})
OPENERS = DETERMINERS | INDEFINITE  # before a name with its common noun: "an ISIL tactical unit"
GROUP_TYPES = frozenset({"organisation", "force", "state", "other"})
_ORDER = attrgetter("start", "end")  # of actors and of found mentions, in text order
_START = attrgetter("start")


class Actors:
    name = "actors"
    requires: tuple[str, ...] = ("sentences",)
    assigns = ("actors",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings
        # Loaded when the pipeline is built, as the gazetteer is, so the first document does not
        # pay for reading the dictionaries and building the matcher (about a second).
        self.lexicon = build_lexicon(tuple(settings.actor_dictionaries) if settings else ())
        dictionary_genders()
        load_first_names()
        load_group_words()
        load_member_nouns()
        load_not_acronyms()

    def __reduce__(self) -> tuple[type[Actors], tuple[Settings | None]]:
        # Another process (a worker) builds the lexicon again from the settings: the compiled
        # build (setup.py) cannot pickle its frozen records field by field.
        return (Actors, (self.settings,))

    def __call__(self, ctx: Context, analysis: Analysis) -> Analysis:
        places = frozenset(map(_START, analysis.places))
        words = Words(ctx.tokens, ctx.text)
        return replace(analysis, actors=find_actors(self.lexicon, words, ctx.published, places))


def find_actors(
    lexicon: Lexicon,
    words: Words,
    published: date | None,
    place_starts: frozenset[int] = frozenset(),
) -> tuple[Actor, ...]:
    """Every actor mention in the document whose tokens are `words`, coded as of `published`.

    `place_starts` are the offsets of places already found, which no unknown name may claim."""
    text = words.source
    hits = find_hits(lexicon, words)
    context = [h for h in hits if h.kind in "SQ"]
    groups = _composites(lexicon, words, hits)
    taken = bytearray(len(words))
    starts = {h.start for h in hits if h.kind in "ETS"}
    for hit in context:
        if hit.kind == "S" and lexicon.dictionary.sectors[hit.item].alone:
            groups[Hit(hit.start, hit.end, "A", len(groups))] = ("", hit.item)
    candidates = [h for h in hits if h.kind in "CT" or (h.kind in "ED" and not _modifier(words, h, starts))]
    candidates += groups
    chosen = longest_first(candidates, taken, PRIORITY)
    affiliations = {
        h: groups[h][0] if h in groups else _affiliation(lexicon, h)
        for h in chosen
        if _affiliated(lexicon, h)
    }
    st = person_state(
        lexicon, words, published, PersonHits(chosen, context, taken, affiliations, place_starts)
    )
    named = not_at_places(words, named_persons(st, chosen) + shaped_persons(st))
    found = link_persons(st, named + apposed_persons(st))
    found += common_persons(st)  # after the names: no short name links back to "a soldier"
    found += unknown_organisations(st)
    found = _with_groups(lexicon, words, found, chosen, groups, context, published)
    found += unknown_acronyms(st, found)
    found = posts_of_bodies(st, found)
    actors = [_actor(words, f) for f in joined(words, drop_covered(found))]
    actors = _possessed(lexicon, text, actors)
    main = main_state(actors)
    if main:  # with no state named, no body is any state's
        actors = [_of_main_state(lexicon, a, main) for a in actors]
    actors = with_nominals(words, actors, partial(_state_nominal, lexicon, main))
    return tuple(sorted(actors + pronoun_mentions(text, actors), key=_ORDER))


_POSSESSIVE = re.compile(r"[’']s(?: [a-z-]+){0,2} $")


def _possessed(lexicon: Lexicon, text: str, actors: list[Actor]) -> list[Actor]:
    """A state body owned by a state or person is theirs, one mention: "Assad's brutal regime" -> SYRGOV."""
    out: list[Actor] = []
    for actor in actors:
        owner = out[-1] if out else None
        if (
            owner is not None
            and owner.type in {"state", "person"}
            and owner.country
            and actor.country in {"", owner.country}
            and actor.sector in STATE_SECTORS
            and actor.type == "organisation"
            and _POSSESSIVE.fullmatch(text, owner.end, actor.start)
        ):
            found = _state_nominal(lexicon, owner.country, "", actor.sector)
            if found is not None:
                out[-1] = mentioned(found, owner.start, actor.end, text[owner.start : actor.end])
                continue
        out.append(actor)
    return out


def _of_main_state(lexicon: Lexicon, actor: Actor, country: str) -> Actor:
    """A state body named with no state ("the government said") is the main state's; bare forces
    ("troops") are not, as a conflict has two sides."""
    if (
        not country
        or actor.type != "organisation"
        or actor.country
        or actor.code != actor.sector
        or actor.sector not in STATE_SECTORS
    ):
        return actor
    found = _state_nominal(lexicon, country, "", actor.sector)
    return actor if found is None else mentioned(found, actor.start, actor.end, actor.text)


def _state_nominal(lexicon: Lexicon, country: str, noun: str, sector: str) -> Actor | None:
    """The `sector` body of `country` (of no country when it is ""), as an actor without offsets."""
    phrase = lexicon.sector_phrase.get(sector) if sector else None  # "": no body ("all parties")
    if phrase is None:
        return None
    label = phrase.label[0].upper() + phrase.label[1:]
    name = f"{label} of {lexicon.dictionary.state_names.get(country, country)}" if country else label
    return new_actor(0, 0, noun, name, phrase.type, country + sector, country, sector, "")


def _modifier(words: Words, hit: Hit, starts: set[int]) -> bool:
    """A name inside a compound or a longer unknown name is no mention of its own:
    "ISIL-held", "pro-Assad", "al-Kuwaiti", "the Syrian Electronic Army"."""
    if hit.kind not in "ED":
        return False
    text, end = words.text, hit.end
    if hit.kind == "D" and end < len(text) and end not in starts and proper_word(words, end):
        return words.lower[end] not in load_act_nouns()  # "Russian Invasion" in a headline is no name
    after = end + 1 < len(text) and text[end] == "-" and not words.spaced(end - 1)
    if after and text[end + 1].islower():
        return True
    return hit.start > 1 and text[hit.start - 1] == "-" and not words.spaced(hit.start - 2)


def _affiliated(lexicon: Lexicon, hit: Hit) -> bool:
    """Whether a hit can stand before a title as a person's affiliation: "U.S. Army General"."""
    if hit.kind in "DGA":
        return True
    return hit.kind == "E" and lexicon.dictionary.entries[hit.item].type in {
        "state",
        "organisation",
        "force",
    }


def _affiliation(lexicon: Lexicon, hit: Hit) -> str:
    """The country of a state, demonym, organisation or force hit ("" when none)."""
    country = country_of(lexicon, hit)
    if country or hit.kind != "E":
        return country
    entry = lexicon.dictionary.entries[hit.item]
    return entry.roles[0].country if entry.roles else ""


def _composites(lexicon: Lexicon, words: Words, hits: list[Hit]) -> dict[Hit, tuple[str, int]]:
    """Country + generic phrase ("Russian forces", "Ukraine's General Staff", "the Government of Iraq")."""
    sectors: dict[int, Hit] = {}  # the longest generic phrase at each token
    entities: dict[int, Hit] = {}
    named: list[tuple[Hit, str]] = []  # state names and demonyms with their country, in text order
    for hit in hits:  # one pass sorting the hits by kind: the loops below see only their own
        if hit.kind == "S":
            if hit.start not in sectors or hit.end > sectors[hit.start].end:
                sectors[hit.start] = hit
            continue
        if hit.kind == "E":
            entities[hit.start] = hit
        country = country_of(lexicon, hit) if hit.kind in "ED" else ""
        if country:
            named.append((hit, country))
    states = {h.start: h for h, _ in named if h.kind == "E"}
    out: dict[Hit, tuple[str, int]] = {}
    n, text = len(words), words.text
    for hit, country in named:
        j = hit.end + (1 if hit.end < n and text[hit.end] in APOSTROPHE_S else 0)
        if j + 2 < n and text[j] == "-" and words.lower[j + 1] == "led":
            j += 2  # "the US-led coalition": the coalition of its leader
        sector = sectors.get(j)
        if sector is not None:
            out[Hit(hit.start, sector.end, "G", len(out))] = (country, sector.item)
        own = entities.get(j)
        if own is not None and own.item != hit.item and _owned_by(lexicon, own, country):
            hits.append(Hit(hit.start, own.end, "E", own.item))  # "Russian VDV forces"
    for hit in list(entities.values()):
        members = sectors.get(hit.end)
        if members is None:  # most names: no generic phrase after them
            continue
        entry = lexicon.dictionary.entries[hit.item]
        if entry.type in {"organisation", "force"} and _members(lexicon, members):
            hits.append(Hit(hit.start, members.end, "E", hit.item))  # "ISIL fighters", "Wagner units"
    for sector in sectors.values():
        led = led_by(lexicon, text[sector.start - 1]) if sector.start else ""
        if led:  # "the U.S.-led coalition", one token before the noun
            out[Hit(sector.start - 1, sector.end, "G", len(out))] = (led, sector.item)
        j = sector.end
        if j + 1 < len(words) and words.lower[j] == "of":
            j += 2 if words.lower[j + 1] == "the" else 1
            if j in states:
                out[Hit(sector.start, states[j].end, "G", len(out))] = (
                    country_of(lexicon, states[j]),
                    sector.item,
                )
    return out


def _with_groups(
    lexicon: Lexicon,
    words: Words,
    found: list[Found],
    chosen: list[Hit],
    groups: dict[Hit, tuple[str, int]],
    context: list[Hit],
    published: date | None,
) -> list[Found]:
    """The persons and unknown organisations `found`, and the non-person actors of the chosen hits that
    overlap none of them; a group's name takes in a member noun after it ("Coalition partners")."""
    persons = bytearray(len(words))  # persons and unknown organisations, which no group overlaps
    for person in found:
        persons[person.start : person.end] = b"\x01" * (person.end - person.start)
    members, lower = load_member_nouns(), words.lower
    speech = frozenset(c.start for c in context if c.kind == "Q")  # a set: one lookup per capital, not a scan
    for hit in chosen:
        if hit.kind == "T" or (hit.kind == "E" and lexicon.dictionary.entries[hit.item].type == "person"):
            continue
        record = _group(lexicon, words, hit, groups.get(hit), speech, published)
        if record is None or any(persons[record.start : record.end]):
            continue
        last = found[-1] if found and record.start < hit.start and hit.kind == "A" else None
        if last is not None and last.code is not None and record.start <= last.start < hit.start:
            if last.end >= hit.end:  # "our Coalition partners": the Coalition's, its opener too
                found[-1] = last._replace(start=record.start)
                continue
            record = record._replace(start=hit.start)  # a known name among the qualifiers is its own
        if record.type in MEMBER_TYPES and not members.isdisjoint(lower[record.end : record.end + 3]):
            record = _with_members(words, record, persons)
        found.append(record)
    return found


def _with_members(words: Words, record: Found, persons: bytearray) -> Found:
    """An organisation's or force's name takes in a noun naming its people or a part of it:
    "Coalition partners", "Reuters news agency", "UN human rights staff" (`members` in sectors.yaml)."""
    members, lower, text = load_member_nouns(), words.lower, words.text
    for j in range(record.end, min(record.end + 3, len(words))):
        if persons[j] or not text[j].isalpha() or not text[j].islower():
            return record
        if lower[j] in members:  # the noun heads the phrase now, and takes its article: "an ISIL unit"
            start = record.start - (record.start > 0 and lower[record.start - 1] in INDEFINITE)
            return record._replace(start=start, end=j + 1)
        if lower[j] in STOP_WORDS:
            return record
    return record


def _members(lexicon: Lexicon, hit: Hit) -> bool:
    phrase = lexicon.dictionary.sectors[hit.item]
    return phrase.type == "force" or phrase.sector in {"REB", "SEP", "UAF"}


def _owned_by(lexicon: Lexicon, hit: Hit, country: str) -> bool:
    entry = lexicon.dictionary.entries[hit.item]
    return entry.type in {"organisation", "force"} and any(r.country == country for r in entry.roles)


def _group(
    lexicon: Lexicon,
    words: Words,
    hit: Hit,
    composite: tuple[str, int] | None,
    speech: frozenset[int],
    published: date | None,
) -> Found | None:
    """A non-person actor from a chosen hit (`speech`: token offsets where a speech verb starts)."""
    d = lexicon.dictionary
    if composite is not None:
        country, index = composite
        start = group_start(words, hit.start)  # a count before it is a quantity: "60 civilians"
        if start == hit.start and start > 0 and UNIT_ORDINAL.fullmatch(words.text[start - 1]):
            start -= 1  # but a unit's number is its name: "5th Special Forces"
        phrase = d.sectors[index]
        if phrase.phrase in HEAD_ONLY and noun_end(words, hit.end) is None:
            return None  # "enemy fire": the word qualifies a noun here, it names no one
        label = phrase.label[0].upper() + phrase.label[1:]
        state = d.state_names.get(country, country)
        name = f"{label} of {state}" if country else label
        return Found(start, hit.end, name, phrase.type, country, phrase.sector, "")
    if hit.kind == "D":
        demonym = d.demonyms[hit.item]
        name = d.state_names.get(demonym.country, demonym.text) if demonym.country else demonym.text
        if not demonym.plural:
            return qualified(words, hit.start, hit.end, demonym.country, name)
        return Found(group_start(words, hit.start), hit.end, name, "other", demonym.country, "", "")
    if hit.kind == "C":
        return _metonym(lexicon, hit, speech)
    entry = d.entries[hit.item]
    role = entry.role_at(published)
    country, sector, code = (role.country, role.sector, role.code) if role else ("", "", "")
    start = hit.start
    article = OPENERS if words.text[hit.end - 1].islower() else DETERMINERS  # "an ISIL unit", not "a DoD"
    if entry.type in GROUP_TYPES and start > 0 and words.lower[start - 1] in article:
        start -= 1  # looked at only here: most hits (capitals, demonyms, composites) never use it
    elif (
        start > 0
        and words.lower[start - 1] in load_group_words()[0]
        and heads_phrase(words, hit.end, entry.type)
    ):
        start = group_start(words, start)  # "the moderate Syrian Opposition", "the wider Global Coalition"
    return Found(start, hit.end, entry.name, entry.type, country, sector, role.role if role else "", code)


def _metonym(lexicon: Lexicon, hit: Hit, speech: frozenset[int]) -> Found | None:
    """A capital followed by a speech verb is its government acting: "Kyiv said"."""
    if hit.end not in speech:
        return None
    country = lexicon.capital_codes[hit.item]
    name = lexicon.dictionary.state_names.get(country, country)
    return Found(hit.start, hit.end, name, "state", country, "GOV", "")


def _actor(words: Words, found: Found) -> Actor:
    """The record of a found mention; fields passed by position, as `mentioned` does (a document has
    dozens and keywords cost a third more)."""
    start, end = words.start[found.start], words.end[found.end - 1]
    code = found.code if found.code is not None else found.country + found.sector
    text = words.source[start:end]
    return new_actor(start, end, text, found.name, found.type, code, found.country, found.sector, found.role)
