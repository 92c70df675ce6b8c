"""Places: toponyms recognised in the text and resolved to GeoNames coordinates.

Candidates come from `geo_candidates`, filters and disambiguation from
`geo_resolve`; this module turns them into `Place` records. "the airport in
Hostomel" also yields the airport itself as a feature when the gazetteer has it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from operator import attrgetter

from spacy.lang.en.stop_words import STOP_WORDS

from forewarn.analyze.geo_candidates import NameFinder, capitalised_words, feature_before
from forewarn.analyze.geo_resolve import Resolved, Resolver
from forewarn.analyze.pipeline import Context
from forewarn.knowledge.gazetteer import GazEntry, Gazetteer, Lexicon, fold, load_gazetteer, load_lexicon
from forewarn.model import Analysis, Place, PlaceLevel

_FEATURE_WORDS = ("airport", "airfield", "air base")
_DIRECTION = re.compile(
    r"\b((?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?|central)[ \t]+$", re.IGNORECASE
)
# The space before a street word is tested apart: a pattern that starts with the words' letters lets
# the regex engine skip to them, where one that starts with a space stops at every space.
_STREET_WORD = re.compile(r"(?:Street|Avenue|Road|Boulevard|Lane|Drive|Square|Place|Way)\b")
# The name before a street word, searched only in a window ending at one (a scan of the whole text is slow).
_STREET_NAME = re.compile(r"\b((?:[A-Z][\w'’]*|\d+(?:st|nd|rd|th))(?:[ \t][A-Z][\w'’]*){0,2})$")


_NEXT_WORD = re.compile(r"[ \t][A-Z][a-z]+s?(?![\w-])")

# "the town of Tel Tamer", "the Syrian town of Dabiq": a name after a word for a populated place is one
# even when the gazetteer lacks it (villages under 500 people, neighbourhoods). The text is scanned
# for the literal " of " before a capital (a scan for the kind words themselves costs five times
# more); the word before it is then read from a slice.
_OF_NAME = re.compile(r" of ([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})")
_KIND_WORDS = frozenset(
    ["town", "towns", "village", "villages", "city", "suburb", "district", "neighbourhood", "neighborhood"]
)
_ADJECTIVE_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+\Z")
# "in Karrada, Baghdad", "near Sarmada, Syria": a name the gazetteer lacks, after a locative word and
# before a comma and a known place that holds it (a district, village or base of that place); searched
# only in a window before a known place that follows a comma.
_IN_BEFORE = re.compile(
    r"\b(?:in|near|outside|at|from|to)[ \t]+([A-Z][a-z][\w'’-]*(?:[ \t]+(?:al-|el-)?[A-Z][\w'’-]*){0,2}), \Z"
)
_HOLDERS = frozenset({"city", "admin1", "country", "region"})

_REGION_BEFORE = re.compile(r"\b(?:North|South|East|West|Central|Latin)[ \t-]+$")


_UNSEEN = GazEntry(-1, None, "", 0.0, 0.0, "", "", "country", 0)  # a demonym not yet looked up


def find_demonyms(text: str, gaz: Gazetteer, lex: Lexicon, words: list[tuple[int, int]]) -> list[Place]:
    """Country adjectives and demonyms among the capitalised `words`, as places of level country
    marked `kind="demonym"`: "Belarusian", "Syrians", "South African"."""
    out: list[Place] = []
    starts = lex.demonym_starts
    countries: dict[str, GazEntry | None] = {}  # by demonym: "Russian" comes back dozens of times
    for start, end in words:
        if text[start:end].lower() not in starts or (out and start < out[-1].end):
            continue  # most capitalised words; the second word of "South African"
        nxt = _NEXT_WORD.match(text, end)
        word = _demonym(text[start : nxt.end()].lower(), lex) if nxt else None  # "South Africans"
        if word is not None and nxt is not None:
            end = nxt.end()
        elif _REGION_BEFORE.search(text, max(0, start - 9), start):
            continue  # "Central American", "Latin American": a region's, not a country's
        else:
            word = _demonym(text[start:end].lower(), lex)
        if word is None:
            continue
        entry = countries.get(word, _UNSEEN)
        if entry is _UNSEEN:
            entry = countries[word] = _demonym_entry(word, gaz, lex)
        if entry is not None:
            # level "country" even for England: a demonym names a nation, placed at its point
            out.append(_demonym_place(start, end, text, entry))
    return out


def _demonym_place(start: int, end: int, text: str, entry: GazEntry) -> Place:
    """Built directly rather than by `replace` on a toponym place: one record per demonym, not two."""
    return new_place(start, end, text[start:end], entry.name, entry.geonameid, entry.lat, entry.lon,
                     entry.country, entry.admin1, "country", 0.7, "demonym")  # fmt: skip


_new_object = object.__new__


def new_place(
    start: int, end: int, text: str, name: str, geonameid: int | None, lat: float | None, lon: float | None,
    country: str, admin1: str, level: PlaceLevel, confidence: float, kind: str = "toponym",
) -> Place:  # fmt: skip
    """`Place(...)` with the same fields, built by filling the new record's dict.

    A frozen dataclass's `__init__` sets each of its 12 fields through `object.__setattr__`,
    which makes it cost about three times as much; ~50 places are built per article.
    """
    place = _new_object(Place)
    fields = place.__dict__
    fields["start"], fields["end"], fields["text"], fields["name"] = start, end, text, name
    fields["geonameid"], fields["lat"], fields["lon"] = geonameid, lat, lon
    fields["country"], fields["admin1"], fields["level"] = country, admin1, level
    fields["confidence"], fields["kind"] = confidence, kind
    return place


def _demonym(word: str, lex: Lexicon) -> str | None:
    """The demonym `word` is, or whose plural it is ("syrians" -> "syrian")."""
    if word in lex.demonyms:
        return word
    return word[:-1] if word[-1] == "s" and word[:-1] in lex.demonyms else None


def _demonym_entry(word: str, gaz: Gazetteer, lex: Lexicon) -> GazEntry | None:
    """The country of a demonym, or the nation inside it for "English", "Scottish", "Welsh"."""
    cc = lex.demonyms[word]
    nation = lex.nations.get(word)
    if nation:
        for sense in gaz.lookup(fold(nation)):
            if sense.entry.country == cc and sense.entry.level == "admin1":
                return sense.entry
    return gaz.country(cc)


def _place(start: int, end: int, text: str, entry: GazEntry, confidence: float) -> Place:
    return new_place(start, end, text[start:end], entry.name, entry.geonameid, entry.lat, entry.lon,
                     entry.country, entry.admin1, entry.level, confidence)  # fmt: skip


def _unlocated(text: str, start: int, end: int, country: str, admin1: str, level: PlaceLevel) -> Place:
    """A place the gazetteer cannot locate (a street, an unlisted town): its name as written, no point."""
    name = text[start:end]
    return new_place(start, end, name, name, None, None, None, country, admin1, level, 0.5)


def _named_feature(text: str, start: int, end: int, entry: GazEntry, confidence: float) -> Place:
    return new_place(start, end, text[start:end], text[start:end], None, entry.lat, entry.lon,
                     entry.country, entry.admin1, "feature", confidence)  # fmt: skip


def _feature_place(text: str, gaz: Gazetteer, r: Resolved) -> Place | None:
    """ "the airport in Hostomel" -> Hostomel Airport, spanning "airport in Hostomel"."""
    c = r.candidate
    if r.entry.level != "city" or not feature_before(text, c.start):
        return None
    window = text[max(0, c.start - 25) : c.start].lower()
    for word in _FEATURE_WORDS:
        at = window.rfind(word)
        if at >= 0:
            found = gaz.lookup(fold(f"{text[c.start : c.end]} {word}"))
            if found:
                start = max(0, c.start - 25) + at
                return _place(start, c.end, text, found[0].entry, round(r.confidence * 0.9, 3))
    return None


def find_places(
    text: str,
    gaz: Gazetteer,
    lex: Lexicon,
    resolver: Resolver | None = None,
    finder: NameFinder | None = None,
) -> tuple[Place, ...]:
    """The places of `text`; pass the same `resolver` (of `gaz` and `lex`) and `finder` (of `gaz`)
    for a stream of texts: they remember names from one text to the next."""
    words = capitalised_words(text)
    demonyms = find_demonyms(text, gaz, lex, words)
    votes = Counter(p.country for p in demonyms)
    cands = (finder or NameFinder(gaz)).candidates(text, words)
    resolved = (resolver or Resolver(gaz, lex)).resolve(text, cands, votes)
    places = []
    for r in resolved:
        start, end, level = r.candidate.start, r.candidate.end, r.entry.level
        if (
            level == "admin1"
            and text[end : end + 1] == "."
            and end - start <= 5
            and text[start:end] != r.entry.name
        ):
            end += 1  # an abbreviation keeps its full stop: "Calif.", "Va."
        if r.candidate.suffix == "feature":  # "Mount Sinjar", "Tabqa Dam", at the place's point
            places.append(_named_feature(text, start, end, r.entry, r.confidence))
            continue
        places.append(_place(start, end, text, r.entry, r.confidence))
        feature = _feature_place(text, gaz, r) if level == "city" else None
        if feature is not None:
            places.append(feature)
    places = [_directional(text, p) if p.level == "country" else p for p in _with_streets(text, places)]
    places += _unlisted_towns(text, places, lex) + _unlisted_in(text, places, lex)
    places += _outside(demonyms, places)
    places.sort(key=attrgetter("start", "end"))
    return tuple(places)


def _outside(demonyms: list[Place], places: list[Place]) -> list[Place]:
    """The demonyms overlapping no place, in one sweep of the places by start.

    A demonym overlaps a place when the place starts before the demonym ends and ends
    after it starts; the demonyms come in text order without overlapping one another,
    so the places starting before each one ends are swept once, keeping their furthest end.
    """
    ordered = sorted(places, key=attrgetter("start"))
    out = []
    k, reach = 0, -1
    for d in demonyms:
        while k < len(ordered) and ordered[k].start < d.end:
            reach = max(reach, ordered[k].end)
            k += 1
        if reach <= d.start:
            out.append(d)
    return out


def _directional(text: str, place: Place) -> Place:
    """ "northern Iraq": a part of a country, placed at the country's point for want of a better one."""
    if place.level != "country":
        return place
    m = _DIRECTION.search(text, max(0, place.start - 16), place.start)
    if m is None:
        return place
    name = f"{m.group(1).lower()} {place.name}"
    return replace(place, start=m.start(1), text=text[m.start(1) : place.end], name=name, level="region",
                   confidence=round(place.confidence * 0.9, 3))  # fmt: skip


def _unlisted_towns(text: str, places: list[Place], lex: Lexicon) -> list[Place]:
    """Towns the gazetteer lacks, named after "the town of": reported like streets, without
    coordinates, in the country of an adjective before ("the Syrian town of Dabiq")."""
    out = []
    for m in _OF_NAME.finditer(text):
        kind_start = text.rfind(" ", max(0, m.start() - 15), m.start()) + 1
        if text[kind_start : m.start()] not in _KIND_WORDS:
            continue
        start, end = m.span(1)
        if any(p.start < end and start < p.end for p in places) or text[start:end].lower() in STOP_WORDS:
            continue
        adjective = _ADJECTIVE_BEFORE.search(text, max(0, kind_start - 20), kind_start)
        country = lex.demonyms.get(adjective.group(1).lower(), "") if adjective else ""
        out.append(_unlocated(text, start, end, country, "", "city"))
    return out


def _unlisted_in(text: str, places: list[Place], lex: Lexicon) -> list[Place]:
    """Places the gazetteer lacks, in a known place named after a comma ("in Karrada, Baghdad"):
    without coordinates, in that place's country."""
    out = []
    for holder in places:
        if text[holder.start - 2 : holder.start] != ", " or holder.level not in _HOLDERS:
            continue
        m = _IN_BEFORE.search(text, max(0, holder.start - 60), holder.start)
        if m is None:
            continue
        start, end = m.span(1)
        words = text[start:end].split()
        if words[0].lower() in STOP_WORDS or words[0].lower() in lex.words:
            continue
        if any(len(w) > 1 and w.isupper() for w in words):
            continue  # "Breffni Integrated CLG, Cavan": an organisation's abbreviation
        if not any(p.start < end and start < p.end for p in places):
            admin1 = holder.name if holder.level == "admin1" else holder.admin1
            out.append(_unlocated(text, start, end, holder.country, admin1, "city"))
    return out


def _with_streets(text: str, places: list[Place]) -> list[Place]:
    """Named streets and squares are places too, though the gazetteer cannot locate them.

    They come without coordinates; a place name inside one ("Washington" in
    "Washington Street") gives way to the street.
    """
    streets = []
    for word in _STREET_WORD.finditer(text):
        space = word.start() - 1
        if space < 0 or text[space] not in " \t":
            continue
        name = _STREET_NAME.search(text, max(0, space - 50), space)
        if name and name.group(1).split()[0].lower() not in STOP_WORDS:
            streets.append((name.start(1), word.end()))
    if not streets:
        return places
    kept = [p for p in places if not any(s <= p.start and p.end <= e for s, e in streets)]
    country = Counter(p.country for p in places if p.country).most_common(1)
    for start, end in streets:
        kept.append(_unlocated(text, start, end, country[0][0] if country else "", "", "feature"))
    return kept


class Places:
    name = "places"
    requires: tuple[str, ...] = ()
    assigns = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.lexicon = lexicon or load_lexicon()
        self.gazetteer.country("")  # builds the country index now, not on the first document (~40 ms)
        # one of each for every document: they remember names
        self.resolver = Resolver(self.gazetteer, self.lexicon)
        self.finder = NameFinder(self.gazetteer)

    def __reduce__(self) -> tuple[type[Places], tuple[Gazetteer, Lexicon]]:
        # Another process (a worker) builds its own resolver and finder, which only remember names.
        return (Places, (self.gazetteer, self.lexicon))

    def __call__(self, ctx: Context, analysis: Analysis) -> Analysis:
        places = find_places(ctx.text, self.gazetteer, self.lexicon, self.resolver, self.finder)
        return replace(analysis, places=places)
