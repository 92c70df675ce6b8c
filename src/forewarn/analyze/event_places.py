"""Where and when an event happened, and places that act or suffer: place and time spans for a trigger.

The places and times stages find the spans; here the one nearest the trigger is chosen, a place
close after the trigger is what it acts on when no one is named ("imposed a curfew in Cizre"),
and a capital opening the clause acts for its government ("Berlin rejected ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter

from forewarn.analyze.event_objects import CLAUSE_BREAK, JOINED, origin, stationed
from forewarn.analyze.event_passive import passive
from forewarn.model import Actor, Place, Span, TimeExpr

_START, _END = attrgetter("start"), attrgetter("end")
# How far (characters) after a trigger a place can be what it acts on: "leading into Kabul".
PLACE_REACH = 60
# "along the border with Ukraine": the event is at the border, on the other side of it
_BORDER_WITH = re.compile(r"\bborders? with (?:the )?$", re.IGNORECASE)
# A bearing from a place: "northwest of Kyiv", "east-northeast of the city of Kharkiv"
_BEARING_OF = re.compile(
    r"\b[a-z-]*(?:north|south|east|west)[a-z-]*\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE
)
# A locative word before a country, with at most one qualifier of where: "in southern Ukraine",
# "in occupied Ukraine", "from Belarus" (not "to assess Russia": a verb between).
_LOCATIVE = re.compile(
    r"\b(?:(?:in|at|on|near|from|inside|outside|around|across|into|to|within|throughout|toward|towards|over)"
    r"|(?:territory|territories|south|north|east|west|parts?|regions?|areas?|rest) of)"
    r"\s+(?:the\s+)?(?:(?:[\w-]*(?:ern|central)|occupied|mainland|neighbou?ring|greater|all|independent)\s+)?$",
    re.IGNORECASE,
)


def relative_to(text: str, start: int) -> bool:
    """Whether the name at `start` only locates the event by a bearing from it: "attacks northwest of Kyiv",
    "70 kilometers east-northeast of Kyiv" happen near Kyiv, not to it."""
    return _BEARING_OF.search(text, max(0, start - 30), start) is not None


def across_border(text: str, start: int) -> bool:
    """Whether the name at `start` is what a border is shared with: "along the border with Ukraine"."""
    return _BORDER_WITH.search(text, max(0, start - 20), start) is not None


def toponyms(places: Sequence[Place]) -> list[Place]:
    """The places an event can happen in: not a demonym ("Russian" names a nationality, not where)."""
    return [p for p in places if p.kind != "demonym"]


def _origins(places: Sequence[Place], text: str, first: int, transit: bool = False) -> int:
    """The index of the first place from `first` on that is not where a movement came from.

    "from Abkhazia and South Ossetia to Ukraine", "from Gomel, Belarus towards Chernihiv": the
    places after "from", and those joined to them, are the origin.
    """
    index = first
    while index < len(places) and origin(text, places[index].start, transit):
        index += 1
        while index < len(places) and JOINED.fullmatch(text, places[index - 1].end, places[index].start):
            index += 1
    return index


def _party(place: Place, text: str, trigger: Span, actors: Sequence[Span], named: Sequence[Actor]) -> bool:
    """Whether a country is named as a party, not as where: inside the event's actor ("Russia's defence
    ministry shelled"), or before the trigger as a party of its own with no locative word ("Belarus and
    Russia setting the stage for another assault", "if Russia was able to ..., Russian forces could
    capture"). `named`: the sentence's actor mentions; a country that only qualifies one ("the Belarus
    Ministry of Defense announced troops would arrive") may still be where."""
    if place.level != "country" or not (actors or place.end <= trigger.start):
        return False  # most places: no country, or one after the trigger with no actor to lie in
    start, end = place.start, place.end
    party = any(a.start <= start and end <= a.end for a in actors) or (
        end <= trigger.start and any(m.start == start and m.end == end for m in named)
    )
    # "in southern Ukraine" says where, whoever acts
    return party and _LOCATIVE.search(text, max(0, place.start - 30), place.start) is None


def nearest_place(
    places: Sequence[Place],
    trigger: Span,
    text: str,
    movement: bool = False,
    actors: Sequence[Span] = (),
    named: Sequence[Actor] = (),
) -> Span | None:
    """The place after the trigger nearest to it ("attacked ... in Hostomel"), else the nearest before.

    `places`: the sentence's `toponyms`, sorted by start. A movement (`actor_roles`) that names where
    it came from and, in the same clause, where it went happened there: "launched an air assault from
    Belarus on Hostomel airport" is at Hostomel. A country named as across a border ("troops along
    the border with Ukraine") is not where the event happened, nor is a country named as a party
    (`_party`): no place is better than a wrong one.
    """
    places = [
        p for p in places if not across_border(text, p.start) and not _party(p, text, trigger, actors, named)
    ]
    after = bisect_left(places, trigger.end, key=_START)  # the first place starting after the trigger
    if movement and after < len(places):
        beyond = _origins(places, text, after)
        if after < beyond < len(places) and not CLAUSE_BREAK.search(
            text, places[beyond - 1].end, places[beyond].start
        ):
            after = beyond
    if after < len(places):
        chosen = places[after]
    elif places:
        chosen = max(places, key=_END)  # nearest before: the one that ends last (the first such)
    else:
        return None
    return Span(chosen.start, chosen.end)


def place_recipient(
    places: Sequence[Place], text: str, trigger: Span, movement: bool = False, station: bool = False
) -> tuple[Span, ...]:
    """With no one named after the trigger, the place it acts on: "imposed a curfew in Cizre".

    `places`: the sentence's `toponyms`, sorted by start. Only a place close after the trigger and
    in its clause (no comma or semicolon between) is the target, as coders of the CAMEO heritage read it;
    for a movement, not a place it came from ("an offensive from Belarus" is not aimed at Belarus);
    with `station` (a MOBILIZE), not a town or region where forces stand ("arrived in Bakhmut").
    """
    after = bisect_left(places, trigger.end, key=_START)
    if movement:
        after = _origins(places, text, after, station)  # forces moved "through Belarus" are not aimed at it
    if after == len(places):
        return ()
    place = places[after]
    between = text[trigger.end : place.start]
    if len(between) > PLACE_REACH or CLAUSE_BREAK.search(between):
        return ()
    if station and place.level != "country" and stationed(text, place.start):
        return ()
    return (Span(place.start, place.end),)


# Right after a trigger, a word standing for a city named before it: "shelled the city", "encircle it",
# "assault the city itself" (not "it is", "it was": a clause of its own).
_CITY_ANAPHOR = re.compile(
    r"\s+(?:(?i:it)(?!\s+(?:is|was|has|had|will|would|could|may|might)\b)|(?i:the)\s+(?:city|town|capital))\b"
)


def city_named_before(
    places: Sequence[Place], text: str, trigger: Span, sentence_start: int
) -> tuple[Span, ...]:
    """The city an assault acts on when it names it again by "the city" or "it": the last city named
    before the trigger in its sentence ("made gains in eastern Mariupol and continued to shell the city";
    "west of Kyiv to encircle it": a bearing's place is the one meant here)."""
    if not _CITY_ANAPHOR.match(text, trigger.end):
        return ()
    before = bisect_left(places, trigger.start, key=_START)
    for place in reversed(places[:before]):
        if place.start < sentence_start:
            break
        if place.level == "city" and place.end <= trigger.start:
            return (Span(place.start, place.end),)
    return ()


def place_actor(places: Sequence[Place], text: str, trigger: Span, sentence_start: int) -> tuple[Span, ...]:
    """With no one named before the trigger, a capital or country that opens its clause acts for its
    government: "Berlin rejected calls ...", "Beirut again rejected ..."."""
    before = bisect_left(places, trigger.start, key=_START) - 1
    if before < 0 or passive(text, trigger)[0]:  # "Kharkiv was shelled": the place suffered it
        return ()
    place = places[before]
    between = text[place.end : trigger.start]
    opens = not text[sentence_start : place.start].strip(" \"'“‘-–—•*\n")
    if not opens or place.end > trigger.start or len(between) > PLACE_REACH or CLAUSE_BREAK.search(between):
        return ()
    return (Span(place.start, place.end),)


def nearest_time(times: Sequence[TimeExpr], trigger: Span) -> Span | None:
    """The time expression nearest the trigger, dates before durations and sets."""
    chosen: TimeExpr | None = None
    best = (2, 0)
    for t in times:
        distance = t.start - trigger.end if t.start >= trigger.end else trigger.start - t.end
        key = (0 if t.type == "DATE" else 1, abs(distance))
        if key < best or chosen is None:  # the first of the nearest, as min() would pick
            chosen, best = t, key
    return None if chosen is None else Span(chosen.start, chosen.end)


# A journey's end before a visit or talks: "arrived in Amman on a visit", "flew to Havana for talks".
_ARRIVED = re.compile(
    r"\b(?:arriv(?:e|es|ed|ing)|fl(?:ew|ies|y|ying)|travel(?:s|led|ed|ling|ing)|went|came|headed)\s+"
    r"(?:in|at|to|into)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def visit_host(places: Sequence[Place], text: str, trigger: Span, sent_start: int) -> tuple[Span, ...]:
    """The place a visitor arrived in or flew to before the trigger in its sentence, which hosts the visit."""
    for place in reversed(places):
        before = sent_start <= place.start and place.end <= trigger.start
        if before and _ARRIVED.search(text, max(sent_start, place.start - 24), place.start):
            return (Span(place.start, place.end),)
    return ()
