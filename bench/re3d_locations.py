"""re3d's Location extents: a place found by the places stage, widened to the noun phrase re3d marks.

re3d marks a whole locative noun phrase as one Location, where the places stage gives the
toponym alone; a predicted place is widened the way re3d's annotation does it, by rules on the words
around it (`locative_phrases`): a descriptor ending in "of" ("the city of Mosul", "the Syrian town of
Dabiq", "the port city of Tartus"), a compass adjective ("eastern Aleppo"), an administrative or
feature noun after it ("Hasaka Province", "Mosul district", "the Mosul Dam"), "the" before a region
or feature ("the Gulf", "the Middle East", "the Tigris River"), and the country, state or part of a
country that holds it after a comma ("Palmyra, Syria", "Cibolo, Texas", "Urem al-Kubra, northern Syria"). A place that holds a state name ("northern
Iraq") is that Location rather than the state; a country adjective is a Location only with the place
noun it heads ("Iraqi territory", "the Turkish frontier"). A place that qualifies another name is part
of that name, no Location of its own: before a capitalised word or joined by a hyphen ("the Gulf War",
"Damascus University", "UK-France co-operation", "Jordan-made"), a month or a dateline aside.
"""

from __future__ import annotations

import re
from itertools import pairwise

from forewarn.knowledge.actors import load_head_nouns
from forewarn.model import Analysis, Place

_PLACE_SUFFIX = re.compile(
    r"[ \t]+(?:[Pp]rovince|[Gg]overnorate|[Dd]istrict|[Rr]egion|Dam|Barrage|[Rr]iver|Lake|Sea"
    r"|Airfield|Airport|Air Base|neighbou?rhood)\b"
)
_COMPASS = r"(?:north|south|east|west|North|South|East|West)(?:-?(?:east|west))?ern"
_COMPASS_BEFORE = re.compile(rf"\b(?:{_COMPASS}|[Cc]entral)[ \t]+$")
_PLACE_NOUN = r"(?:city|town|village|province|district|suburb|site|island|region|area|governorate)"
_MODIFIER = rf"(?:[A-Z][\w'’-]*|{_COMPASS}|port|ancient|old|historic|holy|border|coastal|northwest|northeast|southwest|southeast)"
_DESCRIPTOR_BEFORE = re.compile(
    rf"(?:\b[Tt]he[ \t]+(?:{_MODIFIER}[ \t]+){{0,2}})?\b{_PLACE_NOUN}[ \t]+of[ \t]+$"
)
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_CALENDAR = "January|February|March|April|May|June|July|August|September|October|November|December"
_NAME_AFTER = re.compile(rf"-\w|[ \t]+(?!(?:{_CALENDAR}|Mon|Tue|Wed|Thu|Fri|Sat|Sun))[A-Z][a-z]")
_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b([ \t]+of\b)?")
_WIDE_LEVELS = frozenset({"region", "feature"})
_CONTAINER_LEVELS = frozenset({"country", "admin1", "region"})


def _widened(text: str, start: int, end: int, level: str) -> tuple[int, int]:
    """re3d's extent of a place: "the city of Mosul", "the port city of Tartus", "eastern Aleppo",
    "Hasaka Province", "the Mosul Dam", "the Tigris River", "the Middle East"."""
    if (suffix := _PLACE_SUFFIX.match(text, end)) and not text[start:end].endswith(suffix.group().strip()):
        end, level = suffix.end(), "feature"
    if compass := _COMPASS_BEFORE.search(text, max(0, start - 20), start):
        start = compass.start()
    elif descriptor := _DESCRIPTOR_BEFORE.search(text, max(0, start - 60), start):
        return descriptor.start(), end
    if level in _WIDE_LEVELS and (the := _THE_BEFORE.search(text, max(0, start - 4), start)):
        start = the.start()
    return start, end


def _demonym_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A country adjective heading a place noun is a Location with it ("Iraqi territory", "the
    Turkish frontier"); "the Syrian town of Dabiq" is left to the toponym after "of"."""
    noun = _NOUN_AFTER.match(text, end)
    head = load_head_nouns().get(noun.group(1)) if noun else None
    if noun is None or head is None or head.kind != "place" or noun.group(2):
        return None
    the = _THE_BEFORE.search(text, max(0, start - 4), start)
    return (the.start() if the else start), noun.end(1)


def _in_container(inner: Place, outer: Place | None, gap: str) -> bool:
    """A place and the country, state or part of a country that holds it, one Location: "Palmyra,
    Syria", "Cibolo, Texas", "Urem al-Kubra, northern Syria"."""
    if gap != ", " or outer is None or outer.level not in _CONTAINER_LEVELS or inner.level == "country":
        return False
    if not inner.country or inner.country != outer.country:
        return False
    return outer.level != "admin1" or inner.admin1 == outer.name


def _phrase(text: str, start: int, end: int, place: Place | None) -> tuple[int, int] | None:
    if place is not None and place.kind == "demonym":
        return _demonym_phrase(text, start, end)
    if _in_a_name(text, start, end):
        return None
    return _widened(text, start, end, place.level if place else "country")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A place that qualifies another name is no Location of its own in re3d: "the Gulf War",
    "Damascus University", "the Geneva Communique", "UK-France co-operation", "Jordan-made"."""
    if _PLACE_SUFFIX.match(text, end):
        return False  # "Hasaka Province", "Tabqa Dam": the place's own extent
    word = text[start:end]
    if word.isupper() and len(word) > 3 and word.isalpha() and text[end : end + 1] == "-":
        return False  # a dateline: "BAGHDAD-Combined Joint Task Force", not "UK-France"
    return bool(_NAME_AFTER.match(text, end)) or (
        text[start - 1 : start] == "-" and text[start - 2 : start - 1].isalnum()
    )


def locative_phrases(analysis: Analysis, spans: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """Location spans widened to re3d's locative noun phrases (see `_widened`, `_in_container`); a
    place that holds a state name ("northern Iraq") wins over it, a bare country adjective is no
    Location."""
    text = analysis.text
    by_span = {(p.start, p.end): p for p in analysis.places}
    locations = {(s, e) for s, e, kind in spans if kind == "Location"}
    inner = locations | {(a.start, a.end) for a in analysis.actors if a.type == "state"}
    for p in analysis.places:  # "northern Iraq" over the state "Iraq", whatever it does
        held = {(s, e) for s, e in inner if p.start <= s and e <= p.end and (s, e) != (p.start, p.end)}
        if p.kind == "toponym" and held:
            locations.add((p.start, p.end))
            spans = {x for x in spans if (x[0], x[1]) not in held}
    covered = [(s, e) for s, e, kind in spans if kind != "Location"]
    wide: dict[tuple[int, int], Place | None] = {}
    for s, e in sorted(locations):
        phrase = _phrase(text, s, e, by_span.get((s, e)))
        if phrase and any(a < phrase[1] and phrase[0] < b for a, b in covered):
            phrase = (s, e)  # the words around the place belong to another mention
        if phrase:
            wide[phrase] = wide.get(phrase) or by_span.get((s, e))  # "northern Syria" and its "Syria"
    for (s1, e1), (s2, e2) in pairwise(sorted(wide)):  # "Palmyra, Syria"
        inner = wide[(s1, e1)]
        if inner is not None and _in_container(inner, wide[(s2, e2)], text[e1:s2]):
            wide[(s1, e2)] = None
    keep = {(s, e) for s, e in wide if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in wide)}
    return {x for x in spans if x[2] != "Location"} | {(s, e, "Location") for s, e in keep}
