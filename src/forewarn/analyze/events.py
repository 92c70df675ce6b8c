"""Events: sentences coded into PLOVER 2.0 events with mode, contexts, modality and roles.

Per sentence: find triggers (knowledge/plover/triggers.tsv), let verbal frames govern the
event they introduce ("threatened to strike" is one THREATEN), decide modality, apply
PLOVER's coding rules (future cooperation is AGREE, a refused cooperation is REJECT, a
vowed assault is THREATEN, MOBILIZE yields to ASSAULT), then fill roles from the actors,
places and times stages — whichever of them ran — and map to CAMEO and ACLED.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from forewarn.analyze.event_aims import PURPOSE_LEAD, is_purpose, resolve_warnings
from forewarn.analyze.event_antecedents import named_roles
from forewarn.analyze.event_clauses import continued, names_party, opens_place, shares_subject
from forewarn.analyze.event_parties import own_clauses
from forewarn.analyze.event_patterns import (
    CONTEXT,
    CUE,
    MODE,
    TRIGGER,
    DocHits,
    Hit,
    doc_index,
    passive_triggers,
    resolve_triggers,
    scan_doc,
)
from forewarn.analyze.event_places import toponyms
from forewarn.analyze.event_purposes import AIM_LEAD, objectless_inquiry, unevented_aim
from forewarn.analyze.event_record import build_event
from forewarn.analyze.event_rules import Candidate, apply_frames, dedupe, sentence_rules
from forewarn.analyze.event_sentence import (
    CONDITION_WORDS,
    Sentence,
    SentenceView,
    assault_mode_rules,
    context_labels,
    modes_by_type,
    physical_words,
    threat_condition,
)
from forewarn.analyze.pipeline import Context
from forewarn.knowledge.plover import Trigger, load_cues, load_irregular_verbs
from forewarn.model import Actor, Analysis, Event, Place, Quote, Span, TimeExpr

# Words before a trigger that make it a cause, purpose or name rather than the act reported.
_NOT_THE_ACT = frozenset(
    {"of", "for", "to", "against", "because", "after", "following", "counter", "prevent"}
)

_START, _CONTENT_START = attrgetter("start"), attrgetter("content.start")
_END, _VALUE = itemgetter(1), itemgetter(2)  # Hit.end and Hit.value, read at C speed
R = TypeVar("R", Actor, Place, TimeExpr)


def _by_start(records: Iterable[R]) -> tuple[list[R], list[int]]:
    """The records sorted by start, and their starts (a list to bisect)."""
    ordered = sorted(records, key=_START)
    return ordered, list(map(_START, ordered))


def _span(mention: Actor) -> Span:
    return Span(mention.start, mention.end)


_new_sentence: Callable[[tuple[Any, ...]], Sentence] = partial(tuple.__new__, Sentence)


class EventCoder:
    """Codes one analysed text; built per text, holds the token view of the shared Doc."""

    def __init__(self, ctx: Context, analysis: Analysis) -> None:
        self.analysis = analysis
        # shared columns: no spaCy Token objects, built once for every stage
        self.tokens = tokens = ctx.tokens
        self.words, self.starts, self.ends = tokens.lower, tokens.start, tokens.end
        # sorted copies with their starts, so each sentence finds its records by bisection
        self.actors, self.actor_starts = _by_start(analysis.actors)
        self.places, self.place_starts = _by_start(analysis.places)
        self.toponyms, self.toponym_starts = _by_start(toponyms(self.places))
        self.times, self.time_starts = _by_start(analysis.times)
        self.quotes = sorted(analysis.quotes, key=_CONTENT_START)
        self.quote_starts = list(map(_CONTENT_START, self.quotes))
        self.longest_quote = max((q.content.end - q.content.start for q in self.quotes), default=0)
        hits: DocHits = scan_doc(self.words)
        triggers = (
            passive_triggers(self.words, hits.passives, hits.triggers) if hits.passives else hits.triggers
        )
        self.kinds = (triggers, hits.cues, hits.modes, hits.contexts)
        self.conditions = load_cues().threat_conditions | CONDITION_WORDS  # words that may open a condition
        # whether the text has a warning at all: most have none, and their sentences skip the warning rules
        self.warnings = any("warning" in h.value.flags for h in triggers)
        # whether a pattern asks a party ("wants Kyiv to"): rare, and the sentences of most texts skip the test
        self.asking = any("party" in h.value.flags for h in triggers)
        self.hit_starts = [list(map(itemgetter(0), kind)) for kind in self.kinds]  # Hit.start

    def _in(self, kind: int, sent: Sentence) -> list[Any]:
        """The hits of one kind lying wholly inside the sentence."""
        starts, end = self.hit_starts[kind], sent.tok_end
        found = self.kinds[kind][bisect_left(starts, sent.tok_start) : bisect_left(starts, end)]
        if not found or max(map(_END, found)) <= end:
            return found  # the usual case: none runs past the sentence, and the ends are read at C speed
        return [h for h in found if h.end <= end]

    def _mentions(self, span: Span) -> list[Actor]:
        lo = bisect_left(self.actor_starts, span.start)
        return self.actors[lo : bisect_right(self.actor_starts, span.end - 1)]

    def _quotes_over(self, span: Span) -> list[Quote]:
        """Quotes whose content overlaps the sentence (a quote may open sentences earlier)."""
        lo = bisect_left(self.quote_starts, span.start - self.longest_quote)
        near = self.quotes[lo : bisect_left(self.quote_starts, span.end)]
        return [q for q in near if q.content.end > span.start] if near else near

    def code(self) -> tuple[Event, ...]:
        events: list[Event] = []
        starts, trigger_starts = self.starts, self.hit_starts[TRIGGER]
        n_triggers = len(trigger_starts)
        spans = self.analysis.sentences or (Span(0, len(self.analysis.text)),)
        # every sentence's token range, and its first trigger, found by bisection at C speed
        firsts = list(map(bisect_left, repeat(starts), map(attrgetter("start"), spans)))
        stops = map(bisect_left, repeat(starts), map(attrgetter("end"), spans))
        los = map(bisect_left, repeat(trigger_starts), firsts)
        for span, first, stop, lo in zip(spans, firsts, stops, los, strict=True):
            if lo < n_triggers and trigger_starts[lo] < stop:  # most sentences have no trigger at all
                events.extend(self.code_sentence(_new_sentence((span, first, stop))))
        return tuple(events)

    def code_sentence(self, sent: Sentence) -> list[Event]:
        found_hits = self._in(TRIGGER, sent)
        hits = resolve_triggers(self._asked(found_hits, sent) if self.asking else found_hits)
        if not hits:
            return []
        view = self._view(sent)
        cands: list[Candidate] = []
        events: list[Event] = []
        found = apply_frames([h for h in hits if self._stands(h, view)], self.words)
        warner: Actor | None = None  # who warns of another's act: never the actor of that act
        if self.warnings and any("warning" in c.hit.value.flags for c in found):
            sentence = (sent.tok_start, sent.tok_end)
            found, warner = resolve_warnings(
                found, self.words, self.starts, self.analysis.text, sentence, view.mentions
            )
        for cand in found:
            if (
                not cand.outlook and self.words[cand.hit.start - 1] in AIM_LEAD
            ):  # most are no aim (PURPOSE_LEAD is part)
                aimed = self._aimed(cand, sent, cands, events)
                if aimed is None:
                    continue  # "blocked the highway to protest the mandates": one protest, its purpose named
                cand = aimed
            if (
                cand.type != "NONE"
                and not self._reason(cand.hit)
                and not (
                    cand.mode == "investigate" and objectless_inquiry(self.words, cand.hit, sent.tok_end)
                )
            ):
                event = self._sentence_event(cand, view, warner, events)
                cands.append(cand)
                events.append(event)
        if len(events) >= 2:  # else the rules between a sentence's events have nothing to do
            # an assault named as a cause or purpose ("on alert because of assaults") is not the act reported
            acts = {
                self.starts[c.hit.start] for c in cands if self.words[c.hit.start - 1] not in _NOT_THE_ACT
            }
            events = sentence_rules(events, acts, partial(own_clauses, view.mentions, self.analysis.text))
        # "Zelensky announced that he rejected ...": the name, once the sentence's events are settled
        return [named_roles(e, view.mentions, self.analysis.text) for e in events]

    def _asked(self, hits: list[Hit[Trigger]], sent: Sentence) -> list[Hit[Trigger]]:
        """The hits without those asking a party where none stands ("wants to", "want you to"): dropped
        before overlaps are resolved, so that "who want to defend" keeps its defence."""
        span = sent.span
        lo = bisect_left(self.toponym_starts, span.start)
        parties: list[Actor | Place] = [
            *self._mentions(span),
            *self.toponyms[lo : bisect_left(self.toponym_starts, span.end)],
        ]
        return [
            h
            for h in hits
            if "party" not in h.value.flags or names_party(self.words, self.starts, self.ends, h[:2], parties)
        ]

    def _aimed(
        self, cand: Candidate, sent: Sentence, cands: list[Candidate], events: list[Event]
    ) -> Candidate | None:
        """A candidate with no outlook yet, planned when it is an aim; None when it is a protest's purpose.
        Called only when the word before the trigger is in AIM_LEAD."""
        words, start = self.words, cand.hit.start
        if cands and words[start - 1] in PURPOSE_LEAD and is_purpose(words, start, cands[-1].hit[:2]):
            if cand.type == cands[-1].type == "PROTEST":
                return None
            return cand._replace(outlook="planned")  # "continued shelling to intimidate residents"
        if unevented_aim(words, cand.hit, sent.tok_start, cands, events):
            return cand._replace(outlook="planned")  # "reached the airport to recapture it"
        return cand

    def _sentence_event(
        self, cand: Candidate, view: SentenceView, warner: Actor | None, events: list[Event]
    ) -> Event:
        """The candidate's event, never acted by whoever warns of it, and continuing the sentence's last
        event when it shares that event's subject."""
        event = build_event(cand, view, self.tokens, self.analysis)
        if warner is not None and cand.outlook == "forecast" and event.actors[:1] == (_span(warner),):
            event = replace(event, actors=())  # the warner is not the actor of what it warns of
        if events and (
            shares_subject(self.words, cand.hit.start)
            or (cand.outlook == "planned" and self._placed(event, view))
        ):
            event = continued(event, events, self.words, self.starts, self.analysis.text)
        return event

    @staticmethod
    def _placed(event: Event, view: SentenceView) -> bool:
        """An event with no actor, or only a place standing in for one ("deployed to Belarus to prepare")."""
        return not event.actors or any(p.start <= event.actors[0].start < p.end for p in view.toponyms)

    def _stands(self, hit: Hit[Trigger], view: SentenceView) -> bool:
        """Whether a trigger word names an event here, not a move of no one armed or part of a name."""
        flags = hit.value.flags
        # words like "arrive", "exercise", "headquarters" name a military move only near armed forces
        if "mil" in flags and not (
            "military" in view.contexts or any(m.sector == "MIL" for m in view.mentions)
        ):
            return False
        if "placed" in flags and not opens_place(self.starts, hit.end, view.toponyms):
            return False
        if "verbal" in flags and view.violent:  # "harder to defend": among armed forces, not support
            return False
        return not self._named(hit, view.mentions, view.toponyms)

    def _named(self, hit: Hit[Trigger], mentions: list[Actor], toponyms: list[Place]) -> bool:
        """A trigger word that is part of a longer name: an actor's ("a detention center"), a place's
        ("on Protest Street"), or "March 17" (a month)."""
        start, end = self.starts[hit.start], self.ends[hit.end - 1]
        # back from the last mention starting at or before the trigger, not a scan of the sentence;
        # mentions do not nest (the actors stage drops covered ones), so their ends rise with their starts
        i = bisect_right(mentions, start, key=_START) - 1
        while i >= 0 and mentions[i].end > start:
            m = mentions[i]
            if end <= m.end and (m.start != start or m.end != end):
                return True
            i -= 1
        # a sentence's few places; a loop, not any(): no generator frame per trigger (bench/stage_calls.py)
        for p in toponyms:
            if p.start <= start and end <= p.end and (p.start != start or p.end != end):
                return True
        if not self.words[hit.start].startswith("m"):
            return False  # cannot be "March": spare the slicing below
        word = self.analysis.text[start:end]
        following = self.words[hit.end] if hit.end < len(self.words) else ""
        return word == "March" and (
            following[:1].isdigit() or (hit.start > 0 and self.words[hit.start - 1] != ".")
        )

    def _reason(self, hit: Hit[Trigger]) -> bool:
        """ "arrested for collaborating with": the -ing clause after "for" is a reason, not an event."""
        return hit.start > 0 and self.words[hit.start - 1] == "for" and self.words[hit.start].endswith("ing")

    def _view(self, sent: Sentence) -> SentenceView:
        span = sent.span
        mode_hits = frozenset(map(_VALUE, self._in(MODE, sent)))
        labels = context_labels()
        context_hits = self._in(CONTEXT, sent)
        contexts = dedupe([labels[h.value] for h in context_hits]) if context_hits else ()
        assault_modes = not assault_mode_rules().isdisjoint(mode_hits)
        sentence_words = self.words[sent.tok_start : sent.tok_end]
        return SentenceView(
            sent=sent,
            mentions=self._mentions(span),
            places=self.places[
                bisect_left(self.place_starts, span.start) : bisect_left(self.place_starts, span.end)
            ],
            toponyms=self.toponyms[
                bisect_left(self.toponym_starts, span.start) : bisect_left(self.toponym_starts, span.end)
            ],
            times=self.times[
                bisect_left(self.time_starts, span.start) : bisect_left(self.time_starts, span.end)
            ],
            quotes=self._quotes_over(span),
            modes=modes_by_type(mode_hits),
            contexts=contexts,
            cues=self._in(CUE, sent),
            violent=assault_modes
            or "military" in contexts
            or not physical_words().isdisjoint(sentence_words),
            crowd=not load_cues().crowd.isdisjoint(sentence_words),
            conditional=not self.conditions.isdisjoint(sentence_words) and threat_condition(sentence_words),
        )


def code_events(ctx: Context, analysis: Analysis) -> tuple[Event, ...]:
    return EventCoder(ctx, analysis).code()


class Events:
    """PLOVER 2.0 events with modality; uses places, actors, times and quotes when present."""

    name = "events"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("events",)

    def __init__(self) -> None:
        # load the lexicon and build the trie now, at pipeline start-up, not inside the first text
        doc_index()
        physical_words()
        assault_mode_rules()
        context_labels()
        load_irregular_verbs()

    def __call__(self, ctx: Context, analysis: Analysis) -> Analysis:
        return replace(analysis, events=code_events(ctx, analysis))
