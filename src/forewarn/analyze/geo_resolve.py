"""Which candidates are places, and which place each one is.

Recognition filters keep common words, given names, surnames and parts of
longer names (persons, organisations) from reading as places unless a cue says
otherwise. Resolution (scored in `geo_score`) weighs every gazetteer sense of a
name by its kind and population, whether the name is the place's own or only a
GeoNames alternate, the "X, Y" pattern ("Bucha, Kyiv Oblast"), the countries the
document mentions and the distance to the document's other places; one name
keeps one sense in a document.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from forewarn.analyze.geo_candidates import Candidate
from forewarn.analyze.geo_score import Scorer
from forewarn.knowledge.gazetteer import GazEntry, Gazetteer, Lexicon, Sense

MAX_SENSES = 25
_MEMO_SIZE = 1 << 14  # names (and their cues) remembered across documents before the memo starts anew
SUPPORTED = 0.55  # below this, a place stays only if the document's other places support it
_STRONG = frozenset(("country", "region", "feature", "admin1"))
_PAIR_GAP = re.compile(r"[ \t]*,[ \t]*")
_COORDINATION = re.compile(r"[ \t]*(?:,|and|or|, and|, or|&)[ \t]*")
_DEMONYM_KIND = re.compile(
    r"\b([A-Z][a-z]+)[ \t]+(?:city|town|village|region|province|county|capital|port|oblast|district)"
    r"(?:[ \t]+of)?[ \t]+$"
)
# A kind word and the spaces after it, ending where a name starts; searched in the 12 characters
# before each name, not over the whole text ("of" is everywhere: a scan of it took ~10% of the stage).
_KIND_BEFORE = re.compile(r"(?:of|city|town|village|region|province|county|capital|port)[ \t]+\Z")
_SPEECH = re.compile(r"[ \t]+(?:said|says|told|added|wrote|tweeted|explained|argued|insisted)\b")


class Resolved(NamedTuple):
    candidate: Candidate
    entry: GazEntry
    confidence: float


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
        if " " in c.key or c.cue or not (c.prev_cap or _SPEECH.match(text, c.end)):
            continue  # the cheap tests first
        if not any(
            (s.entry.level in _STRONG and s.entry.population >= 1_000_000) or s.entry.population >= 100_000
            for s in ss
        ):
            parts.add(c.key)
    return parts


def _inherit_cues(cands: list[Candidate], listed: dict[int, int]) -> list[Candidate]:
    """ "in Bucha and Irpin": a coordinated name shares the cue of the one before it."""
    out = list(cands)
    for i in range(1, len(out)):
        if out[i - 1].cue and not out[i].cue and i - 1 in listed:
            out[i] = out[i]._replace(cue=True)
    return out


def _country_hints(text: str, cands: list[Candidate], kept: list[int], lex: Lexicon) -> dict[int, GazEntry]:
    """ "the English city of Salisbury": the adjective names the country the place is in.

    Asked only of the `kept` candidates: no other's hint is ever read."""
    hints = {}
    for i in kept:
        c = cands[i]
        if not _KIND_BEFORE.search(text, max(0, c.start - 12), c.start):
            continue  # the cheap test first: most names follow no "city of"
        m = _DEMONYM_KIND.search(text, max(0, c.start - 40), c.start)
        cc = lex.demonyms.get(m.group(1).lower()) if m else None
        if cc:
            hints[i] = GazEntry(-1, None, cc, 0.0, 0.0, cc, "", "country", 0)
    return hints


def _links(text: str, cands: list[Candidate]) -> tuple[dict[int, int], dict[int, int]]:
    """Index -> next index for names joined by a comma, "and" or "or" ("listed"), and among them
    the "X, Y" pairs, where Y is written right after a comma."""
    listed = {
        i: i + 1
        for i in range(len(cands) - 1)
        if _COORDINATION.fullmatch(text, cands[i].end, cands[i + 1].start)
    }
    pairs = {i: j for i, j in listed.items() if _PAIR_GAP.fullmatch(text, cands[i].end, cands[j].start)}
    return pairs, listed


class Resolver:
    """Resolves one document's candidates at a time.

    What follows from a name and its cues alone (its usable senses, whether it reads
    as a place) is remembered across documents: one resolver should serve a stream.
    """

    def __init__(self, gaz: Gazetteer, lex: Lexicon) -> None:
        self.gaz = gaz
        self.lex = lex
        self._senses: dict[tuple[str, bool], tuple[Sense, ...]] = {}
        self._recognised: dict[tuple[tuple[object, ...], bool], float] = {}
        self._scorer = Scorer()

    def _usable(self, c: Candidate) -> tuple[Sense, ...]:
        found = self._senses.get((c.key, c.cue))
        if found is None:
            if len(self._senses) >= _MEMO_SIZE:
                self._senses.clear()
            found = self._senses[c.key, c.cue] = usable(c, self.gaz.lookup(c.key)[:MAX_SENSES])
        return found

    def _recognise(self, c: Candidate, senses: tuple[Sense, ...], paired: bool) -> float:
        """`recognise` reads the candidate's fields but its offsets, and senses that follow from its name and cue."""
        memo_key = (c[2:], paired)
        found = self._recognised.get(memo_key)
        if found is None:
            if len(self._recognised) >= _MEMO_SIZE:
                self._recognised.clear()
            found = self._recognised[memo_key] = recognise(c, senses, self.lex, paired)
        return found

    def resolve(self, text: str, cands: list[Candidate], votes: Counter[str] | None = None) -> list[Resolved]:
        """`votes`: countries the document names otherwise (demonyms: "Syrian" votes for Syria)."""
        pairs, listed = _links(text, cands)  # offsets only: the same before and after cues are shared
        cands = _inherit_cues(cands, listed)
        # "Palmyra, Syria": the place after the comma is as good a cue as "in" for the names a place
        # is known by only as an alternate (Tadmur's "Palmyra"); it is no cue for the rest.
        senses = [self._usable(c._replace(cue=True) if i in pairs else c) for i, c in enumerate(cands)]
        paired_y = set(pairs.values())
        persons = _person_parts(text, cands, senses)
        keep = []
        for i, c in enumerate(cands):
            if c.key in persons and not c.cue:
                continue
            rec = self._recognise(c, senses[i], i in pairs or i in paired_y)
            if rec > 0:
                keep.append((i, rec))
        kept = [i for i, _ in keep]
        hints = _country_hints(text, cands, kept, self.lex)
        chosen, context = self._scorer.choose(cands, senses, (pairs, listed), kept, hints, votes)
        out = []
        for i, rec in keep:
            entry, margin = chosen[i]
            if rec < SUPPORTED and not context.supports(entry):
                continue
            out.append(Resolved(cands[i], entry, round(rec * (0.5 + 0.5 * margin), 3)))
        return out
