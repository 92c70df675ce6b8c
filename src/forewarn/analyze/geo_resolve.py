"""Which candidates are places, and which place each one is.

Recognition filters keep common words, given names, surnames and parts of
longer names (persons, organisations) from reading as places unless a cue says
otherwise. Resolution scores every gazetteer sense of a name by its kind and
population, whether the name is the place's own or only a GeoNames alternate,
the "X, Y" pattern ("Bucha, Kyiv Oblast"), the countries the document mentions
and the distance to the document's other places; one name keeps one sense in a
document.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from forewarn.analyze.geo_candidates import Candidate
from forewarn.knowledge.gazetteer import GazEntry, Gazetteer, Lexicon, Sense

MAX_SENSES = 25
NEAR_KM = 300.0
SUPPORTED = 0.55  # below this, a place stays only if the document's other places support it
_LEVEL_PRIOR = {"country": 3.0, "region": 2.5, "feature": 2.0, "admin1": 1.0, "city": 0.0}
_STRONG = frozenset(("country", "region", "feature", "admin1"))
_PAIR_GAP = re.compile(r"[ \t]*,[ \t]*")
_COORDINATION = re.compile(r"[ \t]*(?:,|and|or|, and|, or|&)[ \t]*")
_DEMONYM_KIND = re.compile(
    r"\b([A-Z][a-z]+)[ \t]+(?:city|town|village|region|province|county|capital|port|oblast|district)"
    r"(?:[ \t]+of)?[ \t]+$"
)
_KIND_WORDS = frozenset(["of", "city", "town", "village", "region", "province", "county", "capital", "port"])
_SPEECH = re.compile(r"[ \t]+(?:said|says|told|added|wrote|tweeted|explained|argued|insisted)\b")

Context = tuple[Counter[str], list[GazEntry]]


@dataclass(frozen=True)
class Resolved:
    candidate: Candidate
    entry: GazEntry
    confidence: float


def _km(a: GazEntry, b: GazEntry) -> float:
    """Equirectangular distance: plenty for "is it within a few hundred km"."""
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(x, y)


def usable(c: Candidate, senses: tuple[Sense, ...]) -> tuple[Sense, ...]:
    """Senses known only by an alternate name ("Sam" for Damascus) need a big place or a cue."""
    single = " " not in c.key
    out = []
    for s in senses:
        pop = s.entry.population
        if not s.own and pop >= 1_000_000 and len(c.key) >= 5:
            s = Sense(s.entry, True)  # "New York", "Kiev": big cities are known by many names
        if s.own or (len(c.key) >= 4 and (c.cue and pop >= (20_000 if single else 10_000))):
            out.append(s)
    return tuple(out)


def recognise(c: Candidate, senses: tuple[Sense, ...], lex: Lexicon, paired: bool) -> float:
    """Confidence that the candidate is a toponym at all; 0 rejects it.

    A confidence below SUPPORTED is given to small places with no cue at all: they stay
    only if the document's other places support them (same country, or nearby).
    """
    if not senses or (c.title and not c.cue):
        return 0.0
    entries = [s.entry for s in senses]
    strong = any(e.level in _STRONG for e in entries)
    pop = max((e.population for e in entries if e.level == "city"), default=0)
    single = c.words == 1 and " " not in c.key
    if c.all_caps and not c.line_caps and len(c.key) <= 4 and c.key.isascii():
        # An acronym in running text: only country-like ones ("UK", "UAE") are places.
        return 0.9 if any(e.level in ("country", "region") for e in entries) else 0.0
    if (c.key in lex.words and not paired) or (single and c.key in lex.demonyms):
        return 0.0  # common words; country adjectives are nationalities, not places
    if single and _given_name(c, entries, lex, paired, pop):
        return 0.0
    big = strong or pop >= 100_000
    if c.prev_cap and c.next_cap and not strong:
        return 0.0
    if (c.prev_cap or c.next_cap) and not big and not (c.cue and not c.prev_cap and not c.next_cap):
        return 0.0  # "at Point Peron", "in Karl Bremer Hospital": a small place inside a longer name
    if not (big or c.cue or paired or c.suffix):
        common = lex.zipf.get(c.key, 0.0) if single else 0.0
        if (c.sentence_start and common >= 3.0) or common >= (4.0 if pop >= 10_000 else 3.0) or pop < 1000:
            return 0.0
        if pop < 100_000:
            return 0.5
    confidence = 0.6 + 0.2 * c.cue + 0.1 * big + 0.1 * (c.words > 1) + 0.1 * paired
    return min(confidence, 0.98)


def _given_name(c: Candidate, entries: list[GazEntry], lex: Lexicon, paired: bool, pop: int) -> bool:
    """A one-word name read as a person's given name rather than a place."""
    given = c.key in lex.given_names or (
        c.key in lex.first_names and not any(e.level == "country" for e in entries)
    )
    if given and (c.prev_cap or c.next_cap) and not c.cue:
        return True  # "George Barros", "Victoria Beckham"
    # "Paul scored 27 points": a given name alone is a place only if the place is very big.
    if c.key not in lex.first_names or c.cue or paired or pop >= 1_000_000:
        return False
    return not any(e.level in ("country", "region", "feature") for e in entries)


def _person_parts(text: str, cands: list[Candidate], senses: list[tuple[Sense, ...]]) -> set[str]:
    """Names used as a person's surname or given name somewhere in the document ("Rand Paul", "Paul said")."""
    parts = set()
    for c, ss in zip(cands, senses, strict=True):
        weak = not any(
            (s.entry.level in _STRONG and s.entry.population >= 1_000_000) or s.entry.population >= 100_000
            for s in ss
        )
        if weak and " " not in c.key and not c.cue and (c.prev_cap or _SPEECH.match(text, c.end)):
            parts.add(c.key)
    return parts


def _inherit_cues(text: str, cands: list[Candidate]) -> list[Candidate]:
    """ "in Bucha and Irpin": a coordinated name shares the cue of the one before it."""
    out = list(cands)
    for i in range(1, len(out)):
        before = out[i - 1]
        if before.cue and not out[i].cue and _COORDINATION.fullmatch(text, before.end, out[i].start):
            out[i] = replace(out[i], cue=True)
    return out


def _country_hints(text: str, cands: list[Candidate], lex: Lexicon) -> dict[int, GazEntry]:
    """ "the English city of Salisbury": the adjective names the country the place is in."""
    hints = {}
    for i, c in enumerate(cands):
        last = text[max(0, c.start - 12) : c.start].split()[-1:]
        if not last or last[0].lower() not in _KIND_WORDS:
            continue  # the cheap test first: most names follow no "city of"
        m = _DEMONYM_KIND.search(text, max(0, c.start - 40), c.start)
        cc = lex.demonyms.get(m.group(1).lower()) if m else None
        if cc:
            hints[i] = GazEntry(-1, None, cc, 0.0, 0.0, cc, "", "country", 0)
    return hints


def _pairs(text: str, cands: list[Candidate]) -> dict[int, int]:
    """Index of X -> index of Y for "X, Y" where Y is written right after a comma."""
    return {
        i: i + 1 for i in range(len(cands) - 1) if _PAIR_GAP.fullmatch(text, cands[i].end, cands[i + 1].start)
    }


def _pair_evidence(
    idxs: list[int], senses: list[tuple[Sense, ...]], pairs: dict[int, int]
) -> tuple[list[GazEntry], list[GazEntry]]:
    """For the mentions `idxs` of one name: the Ys it is paired with as X, and the X senses it follows as Y.

    In a list of three or more names ("Los Angeles, Miami, West Palm Beach") a
    city after a comma is the next item, not the city that holds the one before.
    """
    ys = []
    for i in idxs:
        if i in pairs and senses[pairs[i]]:
            y = senses[pairs[i]][0].entry
            listed = i - 1 in pairs or pairs[i] in pairs
            if not (listed and y.level == "city"):
                ys.append(y)
    mine = set(idxs)
    xs = [s.entry for x, y in pairs.items() if y in mine and x - 1 not in pairs for s in senses[x]]
    return ys, xs


def _pair_fits(e: GazEntry, y: GazEntry) -> bool:
    if y.level == "country":
        return e.country == y.country
    if y.level == "admin1":
        return e.country == y.country and e.admin1 == y.admin1
    return e.country == y.country and y.population > e.population


class Resolver:
    def __init__(self, gaz: Gazetteer, lex: Lexicon) -> None:
        self.gaz = gaz
        self.lex = lex

    def resolve(self, text: str, cands: list[Candidate], votes: Counter[str] | None = None) -> list[Resolved]:
        """`votes`: countries the document names otherwise (demonyms: "Syrian" votes for Syria)."""
        cands = _inherit_cues(text, cands)
        senses = [usable(c, self.gaz.lookup(c.key)[:MAX_SENSES]) for c in cands]
        pairs = _pairs(text, cands)
        paired_y = set(pairs.values())
        persons = _person_parts(text, cands, senses)
        keep = []
        for i, c in enumerate(cands):
            if c.key in persons and not c.cue:
                continue
            rec = recognise(c, senses[i], self.lex, i in pairs or i in paired_y)
            if rec > 0:
                keep.append((i, rec))
        hints = _country_hints(text, cands, self.lex)
        listed = {
            i: i + 1
            for i in range(len(cands) - 1)
            if _COORDINATION.fullmatch(text, cands[i].end, cands[i + 1].start)
        }
        links = (pairs, listed)
        chosen, (countries, anchors) = self._choose(cands, senses, links, {i for i, _ in keep}, hints, votes)
        out = []
        for i, rec in keep:
            entry, margin = chosen[i]
            if rec < SUPPORTED and not _supported(entry, countries, anchors):
                continue
            out.append(Resolved(cands[i], entry, round(rec * (0.5 + 0.5 * margin), 3)))
        return out

    def _choose(
        self,
        cands: list[Candidate],
        senses: list[tuple[Sense, ...]],
        links: tuple[dict[int, int], dict[int, int]],
        kept: set[int],
        hints: dict[int, GazEntry],
        votes: Counter[str] | None,
    ) -> tuple[dict[int, tuple[GazEntry, float]], Context]:
        pairs, listed = links  # "X, Y" pairs; names joined by a comma, "and" or "or"
        by_key: dict[str, list[int]] = defaultdict(list)
        for i in sorted(kept):
            by_key[cands[i].key].append(i)
        first = {key: _score(idxs, cands, senses, pairs, None, None, hints) for key, idxs in by_key.items()}
        countries: Counter[str] = Counter({cc: min(n, 3) for cc, n in (votes or {}).items()})
        anchors = []
        for scores in first.values():
            best = scores[0][1]
            countries[best.country] += 2 if best.level == "country" else 1
            if best.level not in ("country", "region"):
                anchors.append(best)
        context = (countries, anchors[:20])
        out: dict[int, tuple[GazEntry, float]] = {}
        for key, idxs in by_key.items():
            scores = first[key]
            if len(scores) > 1 and scores[0][0] - scores[1][0] < 4.0:
                scores = _score(idxs, cands, senses, pairs, context, scores[0][1], hints)
            scores = _like_siblings(scores, _sibling_levels(idxs, cands, listed, first))
            margin = _margin(scores)
            for i in idxs:
                out[i] = (scores[0][1], margin)
        return out, context


def _sibling_levels(
    idxs: list[int],
    cands: list[Candidate],
    listed: dict[int, int],
    first: dict[str, list[tuple[float, GazEntry]]],
) -> set[str]:
    """Levels of the names listed next to this one ("California, Washington, Utah"), by their first guess."""
    levels: set[str] = set()
    for i in idxs:
        for j in (i - 1, listed.get(i)):
            if j is not None and (j == listed.get(i) or listed.get(j) == i) and cands[j].key in first:
                levels.add(first[cands[j].key][0][1].level)
    return levels


def _like_siblings(scores: list[tuple[float, GazEntry]], levels: set[str]) -> list[tuple[float, GazEntry]]:
    """A name listed only among states or provinces is one too: "Utah, Washington" is the state."""
    if levels != {"admin1"} or scores[0][1].level == "admin1":
        return scores
    for k, (_, e) in enumerate(scores):
        if e.level == "admin1" and e.country == scores[0][1].country:
            return [(scores[0][0] + 1.0, e), *scores[:k], *scores[k + 1 :]]
    return scores


def _prior(s: Sense, c: Candidate, same_named_city: dict[str, int]) -> float:
    e = s.entry
    score = _LEVEL_PRIOR[e.level] + 0.8 * math.log10(e.population + 10) + 1.5 * s.own
    if e.level in ("admin1", "region"):
        if c.suffix == "admin1" and e.level == "admin1":
            score += 3.0
        elif (
            max(same_named_city.get(e.country, 0), same_named_city.get(f"{e.country}/{e.admin1}", 0)) * 20
            >= e.population
        ):
            # Bare "Kharkiv" is the city, "Kharkiv Oblast" the region; "Liverpool" the city. A small
            # town elsewhere does not hide the state: "a judge in Wyoming" is not Wyoming, Michigan.
            score -= 3.0
    return score


def _score(
    idxs: list[int],
    cands: list[Candidate],
    senses: list[tuple[Sense, ...]],
    pairs: dict[int, int],
    context: Context | None,
    own: GazEntry | None,
    hints: dict[int, GazEntry],
) -> list[tuple[float, GazEntry]]:
    """Every sense of one name, best first, from what all its mentions say."""
    entries = senses[idxs[0]]
    c = max((cands[i] for i in idxs), key=lambda x: x.suffix == "admin1")
    same_named_city: dict[str, int] = {}
    for s in entries:
        e = s.entry
        if e.level == "city" and e.population >= 1000:
            # keyed by country for big cities, by country and admin1 for the region's own namesake
            for key in (
                (e.country, f"{e.country}/{e.admin1}")
                if e.population >= 100_000
                else (f"{e.country}/{e.admin1}",)
            ):
                same_named_city[key] = max(same_named_city.get(key, 0), e.population)
    ys, xs = _pair_evidence(idxs, senses, pairs)
    ys += [hints[i] for i in idxs if i in hints]
    total = sum(context[0].values()) if context else 0
    scored = []
    for s in entries:
        e = s.entry
        score = _prior(s, c, same_named_city)
        if any(_pair_fits(e, y) for y in ys):
            score += 3.0
        if e.level in ("admin1", "country") and any(_pair_fits(x, e) for x in xs):
            score += 3.0  # "Tacoma, Washington": the state that holds a Tacoma
        if context is not None:
            countries, anchors = context
            if (
                e.level in ("admin1", "region")
                and e.admin1
                and any(
                    a.level == "city" and a.country == e.country and a.admin1 == e.admin1 and a != own
                    for a in anchors
                )
            ):
                # the document names places in this state or province ("Seattle"), or in the
                # state of this county ("Pike County" beside Kentucky towns)
                score += 2.0
            # The document's other mentions count, not this name's own first guess.
            mine = (2 if own.level == "country" else 1) if own is not None and e.country == own.country else 0
            if total > mine:
                score += 2.5 * (countries.get(e.country, 0) - mine) / (total - mine)
            if (e.level in ("city", "feature") or (e.level == "region" and e.admin1)) and any(
                a.row != e.row and _km(a, e) < NEAR_KM for a in anchors
            ):
                score += 1.0
        scored.append((score, e))
    scored.sort(key=lambda se: -se[0])
    return scored


def _supported(e: GazEntry, countries: Counter[str], anchors: list[GazEntry]) -> bool:
    """Another place of the document shares the country or lies near (its own mention excluded)."""
    if countries.get(e.country, 0) > 1:
        return True
    return any(a.row != e.row and _km(a, e) < NEAR_KM for a in anchors)


def _margin(scores: list[tuple[float, GazEntry]]) -> float:
    """Probability of the best sense under a softmax of the scores."""
    top = scores[0][0]
    return 1.0 / sum(math.exp(s - top) for s, _ in scores[:10])
