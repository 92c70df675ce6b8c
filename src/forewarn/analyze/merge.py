"""Merging event mentions across sources: one real-world event, many reports.

Pure logic, no I/O: the store (`forewarn.store.events_merge`) loads the merged events seen so
far, calls `merge` with a new batch of mentions, and saves the result, so a report arriving in
a later batch still joins the event first seen earlier (GDELT counts mentions only in the
batch where it first saw an event). Every join is explained: which evidence made two
mentions the same event (type and mode, actor codes, distance between places, overlapping
time intervals, text similarity), and which ruled a candidate out.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from forewarn.model import Analysis, Event

FACTUAL = frozenset({"asserted", "reported", "historical"})
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class MergeOptions:
    max_km: float = 50.0  # places farther apart are different events
    report_window_days: int = 3  # undated events: reports this close may be the same event
    min_similarity: float = 0.25  # word-set Jaccard that counts as "similar text"
    min_evidence: int = 2  # independent agreements needed beyond type and mode


@dataclass(frozen=True)
class Mention:
    """One event as one document reports it, with the evidence to find it again."""

    document_id: str
    source: str  # outlet or feed the document came from
    reported: date | None  # the document's publication date
    type: str
    mode: str
    modality: str
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    actor_codes: tuple[str, ...] = ()
    recipient_codes: tuple[str, ...] = ()
    place: str = ""
    lat: float | None = None
    lon: float | None = None
    start: date | None = None  # the event's own time interval, when the text gives one
    end: date | None = None
    words: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.document_id, self.sentence_start, self.trigger_start)


@dataclass(frozen=True)
class Link:
    """Why a mention belongs to its merged event (empty reasons: it founded the event)."""

    document_id: str
    trigger_start: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MergedEvent:
    id: str
    type: str
    mode: str
    mentions: tuple[Mention, ...]
    links: tuple[Link, ...]

    @property
    def mention_count(self) -> int:
        return len(self.mentions)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({m.source for m in self.mentions}))

    @property
    def first_report(self) -> date | None:
        days = [m.reported for m in self.mentions if m.reported]
        return min(days) if days else None

    @property
    def last_report(self) -> date | None:
        days = [m.reported for m in self.mentions if m.reported]
        return max(days) if days else None

    @property
    def explanation(self) -> tuple[str, ...]:
        return tuple(f"{link.document_id}: {'; '.join(link.reasons)}" for link in self.links if link.reasons)


# -- building mentions from an analysis ------------------------------------


def _codes(analysis: Analysis, spans: Iterable[object]) -> tuple[str, ...]:
    wanted = {(s.start, s.end) for s in spans}  # type: ignore[attr-defined]
    return tuple(sorted({a.code for a in analysis.actors if (a.start, a.end) in wanted and a.code}))


def mention_of(analysis: Analysis, event: Event, source: str) -> Mention:
    """The merge view of one event of one analysed document."""
    place = next(
        (
            p
            for p in analysis.places
            if event.place and (p.start, p.end) == (event.place.start, event.place.end)
        ),
        None,
    )
    time = next(
        (t for t in analysis.times if event.time and (t.start, t.end) == (event.time.start, event.time.end)),
        None,
    )
    sentence = analysis.text[event.sentence.start : event.sentence.end].lower()
    return Mention(
        document_id=analysis.id,
        source=source,
        reported=analysis.published,
        type=event.type,
        mode=event.mode,
        modality=event.modality,
        sentence_start=event.sentence.start,
        sentence_end=event.sentence.end,
        trigger_start=event.trigger.start,
        trigger_end=event.trigger.end,
        actor_codes=_codes(analysis, event.actors),
        recipient_codes=_codes(analysis, event.recipients),
        place=place.name if place else "",
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        start=time.interval[0] if time else None,
        end=time.interval[1] if time else None,
        words=frozenset(_WORD.findall(sentence)),
    )


def mentions_of(analysis: Analysis, source: str) -> tuple[Mention, ...]:
    return tuple(mention_of(analysis, e, source) for e in analysis.events)


# -- comparing ---------------------------------------------------------------


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _interval(m: Mention, options: MergeOptions) -> tuple[date, date] | None:
    if m.start or m.end:
        start = m.start or m.end
        end = m.end or m.start
        assert start is not None and end is not None
        return (start, end)
    if m.reported:
        window = timedelta(days=options.report_window_days)
        return (m.reported - window, m.reported)
    return None


def _check_kind(a: Mention, b: Mention) -> str | None:
    """Same event kind, or None: type, mode (one may be unknown) and factuality must agree."""
    if a.type != b.type or (a.mode and b.mode and a.mode != b.mode):
        return None
    if (a.modality in FACTUAL) != (b.modality in FACTUAL):
        return None
    return f"same type {a.type}" + (f"/{a.mode or b.mode}" if a.mode or b.mode else "")


def _check_actors(a: Mention, b: Mention) -> tuple[bool, str]:
    """(compatible, reason): known actors of different countries rule a match out.

    "Russia" (RUS) and "Russian troops" (RUSMIL) are compatible: reports name one actor at
    different levels, so codes agree when they share the country part (first three letters).
    """
    ours, theirs = set(a.actor_codes), set(b.actor_codes)
    if not (ours and theirs):
        return True, ""
    shared = ours & theirs
    if shared:
        return True, f"actor codes overlap: {', '.join(sorted(shared))}"
    countries = {c[:3] for c in ours} & {c[:3] for c in theirs}
    return bool(countries), f"actor countries overlap: {', '.join(sorted(countries))}" if countries else ""


def _check_place(a: Mention, b: Mention, options: MergeOptions) -> tuple[bool, str]:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        if a.place and a.place == b.place:
            return True, f"same place {a.place}"
        return True, ""
    km = km_between(a.lat, a.lon, b.lat, b.lon)
    return (km <= options.max_km, f"places {km:.0f} km apart (≤ {options.max_km:.0f})")


def _check_time(a: Mention, b: Mention, options: MergeOptions) -> tuple[bool, str]:
    ia, ib = _interval(a, options), _interval(b, options)
    if ia is None or ib is None:
        return True, ""
    overlap = ia[0] <= ib[1] and ib[0] <= ia[1]
    dated = bool(a.start or a.end) and bool(b.start or b.end)
    what = "event time intervals overlap" if dated else "reported within the same window"
    return overlap, what if overlap else ""


def _similarity(a: Mention, b: Mention) -> float:
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / len(a.words | b.words)


def compare(a: Mention, b: Mention, options: MergeOptions) -> tuple[bool, tuple[str, ...]]:
    """Are two mentions one event? Returns the verdict and the reasons for it."""
    kind = _check_kind(a, b)
    if kind is None:
        return False, ()
    reasons = [kind]
    evidence = 0
    for ok, reason in (_check_actors(a, b), _check_place(a, b, options), _check_time(a, b, options)):
        if not ok:
            return False, ()
        if reason:
            reasons.append(reason)
            evidence += 1
    shared = set(a.recipient_codes) & set(b.recipient_codes)
    if shared:  # supporting evidence only: reports often name the target differently, or not at all
        reasons.append(f"recipient codes overlap: {', '.join(sorted(shared))}")
    similarity = _similarity(a, b)
    if similarity >= options.min_similarity:
        reasons.append(f"text similarity {similarity:.2f}")
        evidence += 1
    return evidence >= options.min_evidence, tuple(reasons)


# -- merging -----------------------------------------------------------------


def merged_id(founder: Mention) -> str:
    """Stable id from the mention that founded the event, so ids survive re-merging."""
    raw = f"{founder.document_id}:{founder.sentence_start}:{founder.trigger_start}:{founder.type}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


class _DayIndex:
    """Clusters by event type and by the days their mentions cover, so a mention is compared
    only with events of its type that could have happened the same days (and undated ones)."""

    MAX_DAYS = 62  # intervals longer than this ("in 2022") are treated as undated

    def __init__(self, options: MergeOptions) -> None:
        self.options = options
        self.by_day: dict[tuple[str, date], set[int]] = {}
        self.undated: dict[str, set[int]] = {}
        self.by_type: dict[str, set[int]] = {}

    def _days(self, mention: Mention) -> list[date] | None:
        span = _interval(mention, self.options)
        if span is None or (span[1] - span[0]).days > self.MAX_DAYS:
            return None
        return [span[0] + timedelta(days=i) for i in range((span[1] - span[0]).days + 1)]

    def add(self, n: int, mention: Mention) -> None:
        self.by_type.setdefault(mention.type, set()).add(n)
        days = self._days(mention)
        if days is None:
            self.undated.setdefault(mention.type, set()).add(n)
        for day in days or ():
            self.by_day.setdefault((mention.type, day), set()).add(n)

    def candidates(self, mention: Mention) -> list[int]:
        days = self._days(mention)
        if days is None:
            return sorted(self.by_type.get(mention.type, ()))
        found = set(self.undated.get(mention.type, ()))
        for day in days:
            found |= self.by_day.get((mention.type, day), set())
        return sorted(found)


def _best_match(
    clusters: Sequence[MergedEvent], candidates: Iterable[int], mention: Mention, options: MergeOptions
) -> tuple[int, tuple[str, ...]] | None:
    best: tuple[int, int, tuple[str, ...]] | None = None
    for n in candidates:
        cluster = clusters[n]
        if any(m.document_id == mention.document_id for m in cluster.mentions):
            continue  # one document reports an event once; its other sentences are other events
        for member in cluster.mentions:
            same, reasons = compare(member, mention, options)
            if same and (best is None or len(reasons) > best[1]):
                best = (n, len(reasons), reasons)
    return None if best is None else (best[0], best[2])


def merge(
    existing: Sequence[MergedEvent], mentions: Iterable[Mention], options: MergeOptions | None = None
) -> tuple[MergedEvent, ...]:
    """Add a batch of mentions to the merged events so far; mentions already merged are skipped."""
    options = options or MergeOptions()
    clusters = list(existing)
    index = _DayIndex(options)
    for n, cluster in enumerate(clusters):
        for member in cluster.mentions:
            index.add(n, member)
    seen = {m.key for c in clusters for m in c.mentions}
    ordered = sorted(mentions, key=lambda m: (m.reported or date.min, m.document_id, m.trigger_start))
    for mention in ordered:
        if mention.key in seen:
            continue
        seen.add(mention.key)
        match = _best_match(clusters, index.candidates(mention), mention, options)
        if match is None:
            link = Link(mention.document_id, mention.trigger_start, ())
            clusters.append(MergedEvent(merged_id(mention), mention.type, mention.mode, (mention,), (link,)))
            index.add(len(clusters) - 1, mention)
            continue
        n, reasons = match
        clusters[n] = replace(
            clusters[n],
            mode=clusters[n].mode or mention.mode,
            mentions=(*clusters[n].mentions, mention),
            links=(*clusters[n].links, Link(mention.document_id, mention.trigger_start, reasons)),
        )
        index.add(n, mention)
    return tuple(clusters)
