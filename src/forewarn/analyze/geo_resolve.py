"""Which candidates are places, and which place each one is.

Recognition filters keep common words, given names and parts of longer names
(persons, organisations) from reading as places unless a cue says otherwise.
Resolution scores every gazetteer entry of a name by its kind and population,
the "X, Y" pattern ("Bucha, Kyiv Oblast"), the countries the document mentions
and the distance to the document's other places; one name keeps one sense in a
document.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from forewarn.analyze.geo_candidates import Candidate
from forewarn.knowledge.gazetteer import GazEntry, Gazetteer, Lexicon

MAX_SENSES = 25
_LEVEL_PRIOR = {"country": 3.0, "region": 2.5, "feature": 2.0, "admin1": 1.0, "city": 0.0}
_STRONG = frozenset(("country", "region", "feature", "admin1"))
_PAIR_GAP = re.compile(r"[ \t]*,[ \t]*")
NEAR_KM = 300.0
SUPPORTED = 0.55


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


def _max_city_pop(entries: tuple[GazEntry, ...]) -> int:
    return max((e.population for e in entries if e.level == "city"), default=0)


def recognise(c: Candidate, entries: tuple[GazEntry, ...], lex: Lexicon, paired: bool) -> float:
    """Confidence that the candidate is a toponym at all; 0 rejects it.

    A confidence below SUPPORTED is given to small places with no cue at all: they stay
    only if the document's other places support them (same country, or nearby).
    """
    strong = any(e.level in _STRONG for e in entries)
    pop = _max_city_pop(entries)
    single = c.words == 1 and " " not in c.key
    common = lex.zipf.get(c.key, 0.0) if single else 0.0
    if c.title and not c.cue:
        return 0.0
    if c.all_caps and not c.line_caps and len(c.key) <= 4:
        # An acronym in running text: only country-like ones ("UK", "UAE") are places.
        return 0.9 if any(e.level in ("country", "region") for e in entries) else 0.0
    if single and c.key in lex.words and not paired:
        return 0.0
    if single and c.key in lex.given_names and (c.prev_cap or c.next_cap) and not c.cue:
        return 0.0
    big = strong or pop >= 100_000
    if (c.prev_cap or c.next_cap) and not big and not (c.cue and not c.prev_cap):
        return 0.0
    if not (big or c.cue or paired or c.suffix):
        if c.sentence_start and common >= 3.0:
            return 0.0
        if common >= (4.0 if pop >= 10_000 else 3.0):
            return 0.0
        if pop < 1000:
            return 0.0
        if pop < 100_000:
            return 0.5
    confidence = 0.6 + 0.2 * c.cue + 0.1 * big + 0.1 * (c.words > 1) + 0.1 * paired
    return min(confidence, 0.98)


def _prior(e: GazEntry, c: Candidate, same_named_city: set[str]) -> float:
    score = _LEVEL_PRIOR[e.level] + math.log10(e.population + 10) / 2
    if e.level == "admin1":
        if c.suffix == "admin1":
            score += 3.0
        elif e.country in same_named_city:
            score -= 3.0  # bare "Kharkiv" is the city, "Kharkiv Oblast" the region
    return score


def _pairs(text: str, cands: list[Candidate]) -> dict[int, int]:
    """Index of X -> index of Y for "X, Y" where Y is written right after a comma."""
    out = {}
    for i in range(len(cands) - 1):
        if _PAIR_GAP.fullmatch(text, cands[i].end, cands[i + 1].start):
            out[i] = i + 1
    return out


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

    def resolve(self, text: str, cands: list[Candidate]) -> list[Resolved]:
        senses = [self.gaz.lookup(c.key)[:MAX_SENSES] for c in cands]
        pairs = _pairs(text, cands)
        paired_y = {j: i for i, j in pairs.items()}
        keep = []
        for i, c in enumerate(cands):
            paired = i in pairs or i in paired_y
            rec = recognise(c, senses[i], self.lex, paired)
            if rec > 0:
                keep.append((i, rec))
        kept = {i for i, _ in keep}
        chosen, (countries, anchors) = self._choose(cands, senses, pairs, kept)
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
        senses: list[tuple[GazEntry, ...]],
        pairs: dict[int, int],
        kept: set[int],
    ) -> tuple[dict[int, tuple[GazEntry, float]], tuple[Counter[str], list[GazEntry]]]:
        by_key: dict[str, list[int]] = defaultdict(list)
        for i in sorted(kept):
            by_key[cands[i].key].append(i)
        first = {key: self._score(key, idxs, cands, senses, pairs, None) for key, idxs in by_key.items()}
        countries: Counter[str] = Counter()
        anchors = []
        for scores in first.values():
            best = scores[0][1]
            countries[best.country] += 2 if best.level == "country" else 1
            if best.level != "country" and best.level != "region":
                anchors.append(best)
        context = (countries, anchors[:20])
        out: dict[int, tuple[GazEntry, float]] = {}
        for key, idxs in by_key.items():
            scores = first[key]
            if len(scores) > 1 and scores[0][0] - scores[1][0] < 3.0:
                scores = self._score(key, idxs, cands, senses, pairs, context, scores[0][1])
            margin = _margin(scores)
            for i in idxs:
                out[i] = (scores[0][1], margin)
        return out, context

    def _score(
        self,
        key: str,
        idxs: list[int],
        cands: list[Candidate],
        senses: list[tuple[GazEntry, ...]],
        pairs: dict[int, int],
        context: tuple[Counter[str], list[GazEntry]] | None,
        own: GazEntry | None = None,
    ) -> list[tuple[float, GazEntry]]:
        entries = senses[idxs[0]]
        c = max((cands[i] for i in idxs), key=lambda x: x.suffix == "admin1")
        same_named_city = {e.country for e in entries if e.level == "city" and e.population >= 1000}
        ys = [senses[pairs[i]][0] for i in idxs if i in pairs and senses[pairs[i]]]
        scored = []
        for e in entries:
            score = _prior(e, c, same_named_city)
            if any(_pair_fits(e, y) for y in ys):
                score += 3.0
            if context is not None:
                countries, anchors = context
                # The document's other mentions count, not this name's own first guess.
                mine = (
                    (2 if own.level == "country" else 1)
                    if own is not None and e.country == own.country
                    else 0
                )
                if countries.get(e.country, 0) - mine > 0:
                    score += 1.5
                if e.level in ("city", "feature") and any(
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
    total = sum(math.exp(s - top) for s, _ in scores[:10])
    return 1.0 / total
