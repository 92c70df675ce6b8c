"""How likely each gazetteer sense of a name is, given the document: one sense per name.

Every sense of a name is scored by its kind and population, whether the name is
the place's own or only a GeoNames alternate, the "X, Y" pattern ("Bucha, Kyiv
Oblast") and "the English city of" hints; names whose best two senses are close
are scored again with the countries the document mentions and the distance to
its other places.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from operator import attrgetter, itemgetter

from forewarn.analyze.geo_candidates import Candidate
from forewarn.knowledge.gazetteer import GazEntry, Sense

NEAR_KM = 300.0
# Anchors farther apart in latitude alone (2.8 degrees are 311 km) are never near: the cheap test
# that spares most distance computations.
_NEAR_DEGREES = 2.8
_LEVEL_PRIOR = {"country": 3.0, "region": 2.5, "feature": 2.0, "admin1": 1.0, "city": 0.0}


class Context:
    """What a document's names say: the countries they vote for, the places (anchors) they stand for.

    The anchors are indexed for the questions asked of them once per sense of a name.
    """

    def __init__(self, countries: Counter[str], anchors: list[GazEntry]) -> None:
        self.countries = countries
        self.total = sum(countries.values())
        by_lat = sorted(anchors, key=attrgetter("lat"))
        self._lats = [a.lat for a in by_lat]
        # (row, lat, lon) read by `near` in its loop: tuple items cost less than attributes
        self._points = [(a.row, a.lat, a.lon) for a in by_lat]
        self._cities: dict[tuple[str, str], list[GazEntry]] = defaultdict(list)
        for a in anchors:
            if a.level == "city":
                self._cities[a.country, a.admin1].append(a)

    def near(self, e: GazEntry) -> bool:
        """Does another anchor than `e` itself lie within NEAR_KM of it? Only those within
        2.8 degrees of latitude (311 km) can: they are found by bisection."""
        row, lat, lon = e.row, e.lat, e.lon
        lo = bisect_left(self._lats, lat - _NEAR_DEGREES)
        hi = bisect_right(self._lats, lat + _NEAR_DEGREES, lo)
        for a_row, a_lat, a_lon in self._points[lo:hi]:
            if a_row == row:
                continue
            # Equirectangular distance in km, plenty for "within a few hundred km"; written out in the
            # loop over tuples, as ~30 senses are asked about per article.
            x = math.radians(lon - a_lon) * math.cos(math.radians((a_lat + lat) / 2))
            if 6371.0 * math.hypot(x, math.radians(lat - a_lat)) < NEAR_KM:
                return True
        return False

    def names_city_in(self, e: GazEntry, own: GazEntry) -> bool:
        """Does the document name a city (other than `own`) in the state or province `e`?"""
        return any(a != own for a in self._cities.get((e.country, e.admin1), ()))

    def supports(self, e: GazEntry) -> bool:
        """Another place of the document shares the country or lies near (its own mention excluded)."""
        return self.countries.get(e.country, 0) > 1 or self.near(e)


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


# Scores of a name's senses, (score, place); never changed in place, as they are remembered.
Scores = list[tuple[float, GazEntry]]
_MEMO_SIZE = 1 << 14


class Scorer:
    """Chooses one sense for each name of a document.

    The scores from kind and population alone are remembered across documents, keyed
    by what decides them: the name, whether its first mention has a cue (that decides
    which senses are usable) and whether a mention says "Oblast" or "Province".
    """

    def __init__(self) -> None:
        self._priors: dict[tuple[str, bool, bool], tuple[Scores, Scores]] = {}

    def choose(
        self,
        cands: list[Candidate],
        senses: list[tuple[Sense, ...]],
        links: tuple[dict[int, int], dict[int, int]],
        kept: list[int],
        hints: dict[int, GazEntry],
        votes: Counter[str] | None,
    ) -> tuple[dict[int, tuple[GazEntry, float]], Context]:
        """One sense for each name of the `kept` candidates (in order), and how sure it is."""
        pairs, listed = links  # "X, Y" pairs; names joined by a comma, "and" or "or"
        by_key: dict[str, list[int]] = defaultdict(list)
        for i in kept:
            by_key[cands[i].key].append(i)
        # The scores without the document's context serve both rounds: in the senses' order, best first.
        base = {key: self._base_scores(idxs, cands, senses, pairs, hints) for key, idxs in by_key.items()}
        first = {key: scores[1] for key, scores in base.items()}
        context = _context(first.values(), votes)
        in_lists = {*listed, *listed.values()}  # only names in a list have siblings
        out: dict[int, tuple[GazEntry, float]] = {}
        for key, idxs in by_key.items():
            scores = first[key]
            if len(scores) > 1 and scores[0][0] - scores[1][0] < 4.0:
                scores = _best_first(_in_context(base[key][0], context, scores[0][1]))
            if not in_lists.isdisjoint(idxs):
                scores = _like_siblings(scores, _sibling_levels(idxs, cands, listed, first))
            margin = _margin(scores)
            for i in idxs:
                out[i] = (scores[0][1], margin)
        return out, context

    def _base_scores(
        self,
        idxs: list[int],
        cands: list[Candidate],
        senses: list[tuple[Sense, ...]],
        pairs: dict[int, int],
        hints: dict[int, GazEntry],
    ) -> tuple[Scores, Scores]:
        """Every sense of one name scored from what all its mentions say: in the senses' order, and best first."""
        admin1 = any(cands[i].suffix == "admin1" for i in idxs)
        memo_key = (cands[idxs[0]].key, cands[idxs[0]].cue, admin1)
        priors = self._priors.get(memo_key)
        if priors is None:
            if len(self._priors) >= _MEMO_SIZE:
                self._priors.clear()
            entries = senses[idxs[0]]
            # only regions and states are scored against their namesake cities
            regional = any(s.entry.level in ("admin1", "region") for s in entries)
            same_named_city = _same_named_cities(entries) if regional else {}
            scored = [(_prior(s, admin1, same_named_city), s.entry) for s in entries]
            priors = self._priors[memo_key] = (scored, _best_first(scored))
        ys, xs = _pair_evidence(idxs, senses, pairs) if pairs else ([], [])
        if hints:
            ys += [hints[i] for i in idxs if i in hints]
        if not ys and not xs:
            return priors
        scored = []
        for score, e in priors[0]:
            if ys and any(_pair_fits(e, y) for y in ys):
                score += 3.0
            if xs and e.level in ("admin1", "country") and any(_pair_fits(x, e) for x in xs):
                score += 3.0  # "Tacoma, Washington": the state that holds a Tacoma
            scored.append((score, e))
        return scored, _best_first(scored)


def _context(firsts: Iterable[Scores], votes: Counter[str] | None) -> Context:
    """The countries and places the document's names stand for by their first guess, and the demonyms' votes."""
    countries: Counter[str] = Counter({cc: min(n, 3) for cc, n in (votes or {}).items()})
    anchors = []
    for scores in firsts:
        best = scores[0][1]
        countries[best.country] += 2 if best.level == "country" else 1
        if best.level not in ("country", "region"):
            anchors.append(best)
    return Context(countries, anchors[:20])


def _sibling_levels(
    idxs: list[int],
    cands: list[Candidate],
    listed: dict[int, int],
    first: dict[str, Scores],
) -> set[str]:
    """Levels of the names listed next to this one ("California, Washington, Utah"), by their first guess."""
    levels: set[str] = set()
    for i in idxs:
        for j in (i - 1, listed.get(i)):
            if j is not None and (j == listed.get(i) or listed.get(j) == i) and cands[j].key in first:
                levels.add(first[cands[j].key][0][1].level)
    return levels


def _like_siblings(scores: Scores, levels: set[str]) -> Scores:
    """A name listed only among states or provinces is one too: "Utah, Washington" is the state."""
    if levels != {"admin1"} or scores[0][1].level == "admin1":
        return scores
    for k, (_, e) in enumerate(scores):
        if e.level == "admin1" and e.country == scores[0][1].country:
            return [(scores[0][0] + 1.0, e), *scores[:k], *scores[k + 1 :]]
    return scores


def _prior(s: Sense, admin1: bool, same_named_city: dict[str, int]) -> float:
    """The score of a sense from its kind and population; `admin1`: a mention says "Oblast" or "Province"."""
    e = s.entry
    score = _LEVEL_PRIOR[e.level] + 0.8 * math.log10(e.population + 10) + 1.5 * s.own
    if e.level in ("admin1", "region"):
        if admin1 and e.level == "admin1":
            score += 3.0
        elif (
            max(same_named_city.get(e.country, 0), same_named_city.get(f"{e.country}/{e.admin1}", 0)) * 20
            >= e.population
        ):
            # Bare "Kharkiv" is the city, "Kharkiv Oblast" the region; "Liverpool" the city. A small
            # town elsewhere does not hide the state: "a judge in Wyoming" is not Wyoming, Michigan.
            score -= 3.0
    return score


def _same_named_cities(entries: tuple[Sense, ...]) -> dict[str, int]:
    """Population of the biggest city among the senses, by country (big cities) and by country/admin1."""
    out: dict[str, int] = {}
    for s in entries:
        e = s.entry
        if e.level == "city" and e.population >= 1000:
            # keyed by country for big cities, by country and admin1 for the region's own namesake
            for key in (
                (e.country, f"{e.country}/{e.admin1}")
                if e.population >= 100_000
                else (f"{e.country}/{e.admin1}",)
            ):
                out[key] = max(out.get(key, 0), e.population)
    return out


def _in_context(base: Scores, context: Context, own: GazEntry) -> Scores:
    """The base scores of one name's senses, raised by the document's other places; `own` is its first guess."""
    countries, total = context.countries, context.total
    scored = []
    for score, e in base:
        if e.level in ("admin1", "region") and e.admin1 and context.names_city_in(e, own):
            # the document names places in this state or province ("Seattle"), or in the
            # state of this county ("Pike County" beside Kentucky towns)
            score += 2.0
        # The document's other mentions count, not this name's own first guess.
        mine = (2 if own.level == "country" else 1) if e.country == own.country else 0
        if total > mine:
            score += 2.5 * (countries.get(e.country, 0) - mine) / (total - mine)
        if (e.level in ("city", "feature") or (e.level == "region" and e.admin1)) and context.near(e):
            score += 1.0
        scored.append((score, e))
    return scored


def _best_first(scored: Scores) -> Scores:
    """Highest score first; equal scores keep their order (the sort is stable, reversed or not)."""
    return sorted(scored, key=itemgetter(0), reverse=True)


def _margin(scores: Scores) -> float:
    """Probability of the best sense under a softmax of the scores."""
    if len(scores) == 1:
        return 1.0  # exp(0) alone
    top = scores[0][0]
    return 1.0 / sum(math.exp(s - top) for s, _ in scores[:10])
