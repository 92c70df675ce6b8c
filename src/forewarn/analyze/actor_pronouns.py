"""Pronouns for the actors stage: "he", "her" as mentions of the nearest named person whose gender fits."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter

from forewarn.knowledge.actors import load_actor_dictionary, load_first_names
from forewarn.model import Actor, ActorType, Analysis

PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
PRONOUN_REACH = 2_000  # characters back to look for the antecedent, about three paragraphs
_START = attrgetter("start")
_WORD = re.compile(r"\w+")
# The words of PRONOUN_GENDER, lower case or capitalised only: "HE" is more often "His Excellency"
# than a shouted pronoun. The first letter comes before the look-behinds (no word character before
# it; which letter it was) so that the engine skips to an h or s and rejects "the", "she" inside
# "ashes" and the like itself, instead of handing each to Python. The h-words share their letters in
# the pattern ("e", "er", "ers", "erself"): each "h" is tried against two branches, not seven.
_PRONOUN = re.compile(r"[hHsS](?<!\w.)(?:(?<=[hH])(?:e(?:r(?:s|self)?)?|i(?:m(?:self)?|s))|(?<=[sS])he)\b")


def resolve_pronoun(analysis: Analysis, offset: int) -> Actor | None:
    """The person a third-person singular pronoun at `offset` refers to, or None.

    The antecedent is the nearest named person (not itself a pronoun) ending before the
    pronoun, within PRONOUN_REACH characters, whose known gender (from the actor
    dictionary or the given name) does not contradict the pronoun. Its offsets are the
    antecedent's.
    """
    match = _WORD.match(analysis.text, offset)
    gender = PRONOUN_GENDER.get(match.group().lower()) if match else None
    if gender is None:
        return None
    named = [a for a in analysis.actors if a.type == "person" and a.text.lower() not in PRONOUN_GENDER]
    return _antecedent(sorted(named, key=lambda a: a.end), offset, gender)


def _antecedent(
    persons: list[Actor], offset: int, gender: str, ends: list[int] | None = None
) -> Actor | None:
    """The nearest of `persons` (sorted by end; `ends` their ends) ending before `offset` whose gender agrees."""
    ends = ends if ends is not None else [a.end for a in persons]
    for k in range(bisect_right(ends, offset) - 1, -1, -1):
        actor = persons[k]
        if offset - actor.end > PRONOUN_REACH:
            return None
        if person_gender(actor.name) in (gender, ""):
            return actor
    return None


def pronoun_mentions(text: str, actors: list[Actor]) -> list[Actor]:
    """Third-person singular pronouns with a resolved antecedent, as mentions of that person:
    `text` is the pronoun, everything else the antecedent's ("he" -> Andrii Kovalchuk, UKRMIL)."""
    persons = sorted((a for a in actors if a.type == "person"), key=lambda a: a.end)
    if not persons:
        return []
    out, ends = [], [a.end for a in persons]
    inside = _covered(actors)
    for match in _PRONOUN.finditer(text, persons[0].end):
        start = match.start()
        if inside(start):  # inside a mention: "His Majesty's Government"
            continue
        antecedent = _antecedent(persons, start, PRONOUN_GENDER[match.group().lower()], ends)
        if antecedent is not None:
            out.append(mentioned(antecedent, start, match.end(), match.group()))
    return out


_new_object = object.__new__


def new_actor(
    start: int,
    end: int,
    text: str,
    name: str,
    type_: ActorType,
    code: str,
    country: str,
    sector: str,
    role: str,
) -> Actor:
    """`Actor(...)` with the same fields, built by filling the new record's dict.

    A frozen dataclass's `__init__` sets each of its 9 fields through `object.__setattr__`,
    which makes it cost about two and a half times as much; ~45 actors are built per article.
    A test keeps it in step with Actor's fields.
    """
    actor = _new_object(Actor)
    fields = actor.__dict__
    fields["start"], fields["end"], fields["text"] = start, end, text
    fields["name"], fields["type"], fields["code"] = name, type_, code
    fields["country"], fields["sector"], fields["role"] = country, sector, role
    return actor


def mentioned(actor: Actor, start: int, end: int, text: str) -> Actor:
    """`actor` mentioned again at characters start..end as `text` ("he", "the regime"): what
    `dataclasses.replace` gives, at a fraction of its cost (it walks the fields on every call)."""
    return new_actor(
        start, end, text, actor.name, actor.type, actor.code, actor.country, actor.sector, actor.role
    )


def _covered(actors: list[Actor]) -> Callable[[int], bool]:
    """A test of whether an offset lies inside any of `actors`' mentions.

    By bisection on the starts with the running maximum of the ends (mentions may nest or
    overlap): a scan of every actor for each pronoun was quadratic on long texts."""
    ordered = sorted(actors, key=_START)
    starts = [a.start for a in ordered]
    reach = list(accumulate((a.end for a in ordered), max, initial=-1))  # reach[k]: max end of the first k

    def inside(offset: int) -> bool:
        return reach[bisect_right(starts, offset)] > offset

    return inside


def person_gender(name: str) -> str:
    """ "m", "f" or "" from the actor dictionary, else from the given name."""
    known = dictionary_genders()
    if name in known:
        return known[name]
    return load_first_names().get(name.split(" ", 1)[0], "")


@lru_cache(maxsize=1)
def dictionary_genders() -> dict[str, str]:
    return {e.name: e.gender for e in load_actor_dictionary().entries if e.type == "person"}
