"""One candidate event made into an `Event` record: modality, PLOVER's recoding, roles, mappings.

The events coder (`events.py`) finds a sentence's candidates and the evidence they share (a
`SentenceView`); here each candidate gets its modality from the cue words before it, its type
and mode after PLOVER's recoding rules, its actors and recipients, place and time, and its
CAMEO code and ACLED sub-event type.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from forewarn.analyze.event_aims import foretold, with_outlook
from forewarn.analyze.event_clauses import hosted, opening_subject
from forewarn.analyze.event_objects import not_the_reporter, passed, speaker_demands, without_own_forces
from forewarn.analyze.event_patterns import Hit
from forewarn.analyze.event_places import (
    across_border,
    city_named_before,
    nearest_place,
    nearest_time,
    place_actor,
    place_recipient,
    relative_to,
    visit_host,
)
from forewarn.analyze.event_roles import actor_roles
from forewarn.analyze.event_rules import (
    CONFLICT,
    MOVEMENT,
    RECIPROCAL,
    YIELDING,
    Candidate,
    confidence,
    dedupe,
    recode,
)
from forewarn.analyze.event_sentence import Sentence, SentenceView, count_parties, pick_mode, retype
from forewarn.analyze.modality import EventSite, cues_before, decide_modality, promised
from forewarn.analyze.token_view import TokenView
from forewarn.knowledge.plover import Trigger, acled_subtype, cameo_code, load_cues
from forewarn.model import Actor, Analysis, Event, Modality, Place, Quote, Span

# One site per candidate event, made by tuple.__new__ directly (no Python frame, as EventSite(...) has).
_new_site: Callable[[tuple[Any, ...]], EventSite] = partial(tuple.__new__, EventSite)


def build_event(cand: Candidate, view: SentenceView, tokens: TokenView, analysis: Analysis) -> Event:
    """The event a candidate reports, in its sentence of the analysed text."""
    hit, governed, text, words = cand.hit, cand.governed, analysis.text, tokens.lower
    trigger = Span(tokens.start[hit.start], tokens.end[hit.end - 1])
    type_, mode, modality = _coded(cand, view, trigger, tokens, analysis)
    mode, indicators = pick_mode(type_, mode, bool(cand.mode) and type_ == cand.type, view)
    contexts = (
        dedupe([*hit.value.contexts, *(governed.contexts if governed else ()), *view.contexts])
        if governed or hit.value.contexts
        else view.contexts  # deduplicated already
    )
    if hit.value.indicators or (governed and governed.indicators):  # most triggers add none
        indicators = dedupe([*hit.value.indicators, *indicators, *(governed.indicators if governed else ())])
    actors, recipients, placed = _roles(type_, mode, hit, trigger, view, text)
    if "convict" in hit.value.flags and type_ == "ACCUSE" and _imprisoned(words, view.sent):
        type_, mode = "COERCE", "arrest"  # manual: a conviction with a prison sentence is COERCE 'arrest'
    type_, mode, indicators = retype(type_, mode, indicators, count_parties(actors, text), hit.value, view)
    if type_ == "MOBILIZE" and "disasters" in contexts:  # manual: mobilized for disaster relief is AID
        type_, mode = "AID", ""
    if type_ == "SUPPORT" and hosted(
        words, tokens.start, (hit.start, hit.end), view.sent.tok_end - 1, view.toponyms
    ):
        type_, actors, recipients = "CONSULT", recipients, actors  # manual: visitor acts, host receives
    return new_event(
        type=type_,
        mode=mode,
        contexts=contexts,
        modality=modality,
        actors=actors,
        recipients=recipients,
        place=nearest_place(view.toponyms, trigger, text, type_ in MOVEMENT, actors, view.mentions),
        time=(modality == "forecast" and _forecast_time(analysis.quotes, view))
        or nearest_time(view.times, trigger),
        trigger=trigger,
        sentence=view.sent.span,
        cameo=cameo_code(type_, mode, contexts),
        acled=None if modality in {"negated", "hypothetical"} else acled_subtype(type_, mode, indicators),
        confidence=confidence(hit.value.weight, bool(actors), bool(recipients) and not placed, modality),
        indicators=indicators,
    )


_new_object = object.__new__


def new_event(
    *, type: str, mode: str, contexts: tuple[str, ...], modality: Modality, actors: tuple[Span, ...],
    recipients: tuple[Span, ...], place: Span | None, time: Span | None, trigger: Span, sentence: Span,
    cameo: str, acled: str | None, confidence: float, indicators: tuple[str, ...] = (),
) -> Event:  # fmt: skip
    """`Event(...)` with the same fields, built by filling the new record's dict.

    A frozen dataclass's `__init__` sets each of its 14 fields through `object.__setattr__`, which
    makes it cost about four times as much (5.5 µs against 1.4); ~22 events are built per article.
    A test keeps it in step with Event's fields.
    """
    event = _new_object(Event)
    fields = event.__dict__
    fields["type"], fields["mode"], fields["contexts"], fields["modality"] = type, mode, contexts, modality
    fields["actors"], fields["recipients"], fields["place"], fields["time"] = actors, recipients, place, time
    fields["trigger"], fields["sentence"], fields["cameo"], fields["acled"] = trigger, sentence, cameo, acled
    fields["confidence"], fields["indicators"] = confidence, indicators
    return event


def _coded(
    cand: Candidate, view: SentenceView, trigger: Span, tokens: TokenView, analysis: Analysis
) -> tuple[str, str, Modality]:
    """Type, mode and modality: the cue words before the trigger, then PLOVER's recoding rules."""
    hit = cand.hit
    site = _new_site(
        (tokens.lower, view.sent.tok_start, hit.start, hit.end, trigger.start, analysis.published, view.cues)
    )
    near = cues_before(site)  # once per event: modality and the promise test both read it
    if "negation" in near and _named_negation(hit.start - near["negation"] - 1, view, tokens):
        near = {kind: n for kind, n in near.items() if kind != "negation"}  # "Doctors Without Borders"
    modality = decide_modality(site, view.sent.tok_end, view.quotes, view.times, near)
    if cand.outlook or near:  # an aim, warned, foretold or conditional act: the outlook rules decide
        return _recoded(cand, site, near, modality, view, tokens.start)
    return recode(cand, modality, promised(site, near), view.conditional)  # most events: no cue before them


def _named_negation(cue: int, view: SentenceView, tokens: TokenView) -> bool:
    """Whether the nearest negation cue before a trigger (`cue`, its last token) is a word of a name,
    known, or "Without" in mid-sentence ("Reporters Without Borders condemned"; not a headline's "Denied"):
    it negates nothing."""
    if cue > view.sent.tok_start and tokens.text[cue] == "Without":
        return True
    char = tokens.start[cue]
    return any(m.start <= char < m.end for m in view.mentions)


def _recoded(
    cand: Candidate,
    site: EventSite,
    near: dict[str, int],
    modality: Modality,
    view: SentenceView,
    starts: Sequence[int],
) -> tuple[str, str, Modality]:
    """Type, mode and modality after PLOVER's recoding rules, which an outlook may bar."""
    hit, words = cand.hit, site.words
    intended = "aim" in near and modality in _STATED and _intended(cand, words, near)
    outlook = cand.outlook or ("planned" if "aim" in near and not intended else "")
    if (
        not outlook
        and modality == "planned"
        and cand.type in CONFLICT
        and cand.governed is None
        and foretold(words, starts, view.cues, hit.start, view.mentions)
    ):
        outlook = "forecast"  # another's future act told by a reporter: no threat by its actor
    barred = with_outlook(cand, outlook, modality) if outlook else None
    if barred is not None:
        return barred
    if_after = modality == "hypothetical" and "if" in words[hit.end : view.sent.tok_end]
    return recode(cand, modality, promised(site, near), view.conditional, if_after)


def _intended(cand: Candidate, words: Sequence[str], near: dict[str, int]) -> bool:
    """An actor's stated intent to cooperate or yield, "intends to send aid", "aims to lift the ban": a
    promise (CAMEO 03, PLOVER AGREE), not an aim behind another act ("in order to", "in a bid to")."""
    if cand.type not in YIELDING or cand.governed is not None or near["aim"] > 2:
        return False  # "intends to send food aid", the act right after its verb
    verb = cand.hit.start - near["aim"] - 2  # the word before the cue's "to"
    # "the payments are intended to": a purpose someone else gives it, not the actor's intent
    if verb <= 0 or words[verb] not in _INTENT_VERBS or words[verb - 1] in _BE:
        return False
    return not _doubted(words, verb)


def _doubted(words: Sequence[str], verb: int) -> bool:
    """An intent a third party doubts or guesses, "it is not clear that the Russians intend to": no
    promise, since its holder states nothing."""
    for i in range(verb - 1, max(-1, verb - 9), -1):
        word = words[i]
        if word in _CLAUSE_ENDS:
            return False
        if word in _DOUBT or (word == "clear" and i > 0 and words[i - 1] in {"not", "n't"}):
            return True
    return False


# verbs of an actor's own intent before "to"; "seek to" is often an aim behind another act
_INTENT_VERBS = frozenset({"intend", "intends", "intended", "aim", "aims", "aimed"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# a doubt or a guess before an intent's holder: "unclear whether Moscow intends", "analysts believe Kyiv intends"
_DOUBT = frozenset({
    "unclear", "uncertain", "whether", "doubt", "doubts", "doubtful", "believe", "believes", "suspect",
    "suspects", "assess", "assesses", "perhaps", "possibly", "apparently", "speculation", "speculate",
})  # fmt: skip
_CLAUSE_ENDS = frozenset({";", ":", ".", "but"})
# stated by the actor or its spokesman; "likely intend to" is the writer's assessment, an aim
_STATED = frozenset({"asserted", "reported", "planned"})


def _roles(
    type_: str, mode: str, hit: Hit[Trigger], trigger: Span, view: SentenceView, text: str
) -> tuple[tuple[Span, ...], tuple[Span, ...], bool]:
    """Actors and recipients, and whether the recipient is only a place (it adds no confidence)."""
    moved = type_ == "MOBILIZE" or (type_ == "RETREAT" and mode in {"withdraw", "resign"})
    kinds = (type_ in RECIPROCAL, type_ in MOVEMENT, moved, type_ == "ACCUSE")
    hostile = type_ in {"ASSAULT", "THREATEN", "RETREAT"}  # not aimed at the actor's own side
    actors, recipients = actor_roles(
        view.mentions, text, trigger, *kinds, places=view.toponyms, hostile=hostile
    )
    if moved:  # aimed at whom it is massed against, not at its own troops nor where they went or passed
        recipients = without_own_forces(view.mentions, actors, recipients, text, _mobilized(type_, trigger))
        # nor the way: "through Belarus"
        recipients = tuple(r for r in recipients if not passed(text, r.start))
    else:  # "shelled Kharkiv near the border with Russia" is not aimed at Russia
        recipients = tuple(r for r in recipients if not across_border(text, r.start))
        if type_ in _GIVING and recipients and _owned(text, recipients[0]):
            recipients = _given_to(view.mentions, recipients[0], text) or recipients
    if recipients and any(relative_to(text, r.start) for r in recipients):  # "attacks northwest of Kyiv"
        recipients = tuple(r for r in recipients if not relative_to(text, r.start))
    if "obliged" in hit.value.flags and actors:
        actors, recipients = speaker_demands(view.mentions, actors)
    if not actors and view.mentions:  # "Having shelled the town, Russian forces withdrew"
        subject = opening_subject(view.mentions, text, trigger, view.sent.span.start)
        if subject is not None:
            actors, recipients = (subject,), tuple(r for r in recipients if r != subject)
    if not actors and view.toponyms:
        actors = place_actor(view.toponyms, text, trigger, view.sent.span.start)
    # "The General Staff reported fighting near ...": its source, no actor
    actors = not_the_reporter(actors, text, trigger, type_)
    if "party" in hit.value.flags:  # "Moscow wants Kyiv to": the one asked, not what it is asked to act on
        parties: list[Actor | Place] = [*view.mentions, *view.toponyms]
        asked = [m for m in parties if trigger.start < m.start < trigger.end]
        recipients = (Span(asked[0].start, asked[0].end),) if asked else recipients
    placed = not recipients and bool(view.toponyms)
    if placed:  # no one acts on themselves: not the place that acts ("Britain" after "by")
        recipients = tuple(
            r
            for r in place_recipient(view.toponyms, text, trigger, type_ in MOVEMENT, type_ == "MOBILIZE")
            if not relative_to(text, r.start) and not _acts(text, r, actors)
        )
        if moved:  # "withdrew to Belgorod", "moved toward Bakhmut", "reinforce the Sumy axis"
            recipients = without_own_forces((), actors, recipients, text, _mobilized(type_, trigger))
        elif not recipients and type_ in {"ASSAULT", "THREATEN"}:  # "... Mariupol and shelled the city"
            recipients = city_named_before(view.toponyms, text, trigger, view.sent.span.start)
        elif not recipients and type_ == "CONSULT":  # "arrived in Amman on a visit": Amman hosts it
            recipients = visit_host(view.toponyms, text, trigger, view.sent.span.start)
    return actors, recipients, placed


# Types whose object may be the actor's own thing given: "offered its troops to Lebanon".
_GIVING = frozenset({"AGREE", "AID"})
_OWNED = re.compile(r"(?i:its|their|his|her|our)\s")
# Between the thing given and whom it goes to: "its troops to the new president".
_TO = re.compile(r"\s+(?:[\w-]+\s+){0,3}?to\s+(?:the\s+)?")


def _owned(text: str, mention: Span) -> bool:
    """A mention of something the actor owns, "its troops" (not the pronoun "her" alone)."""
    owned = _OWNED.match(text, mention.start)
    return owned is not None and owned.end() < mention.end


def _given_to(mentions: Sequence[Actor], given: Span, text: str) -> tuple[Span, ...]:
    """The one who receives the actor's own thing ("offered its troops to Lebanon's president"), if named."""
    after = next((m for m in mentions if m.start >= given.end), None)
    if after is None or not _TO.fullmatch(text, given.end, after.start):
        return ()
    return (Span(after.start, after.end),)


def _acts(text: str, place: Span, actors: tuple[Span, ...]) -> bool:
    """Whether a place is one of the actors, or names one again ("Russia is concentrating reserves in
    Russia": no one acts on themselves)."""
    name = text[place.start : place.end].lower()
    return place in actors or any(text[a.start : a.end].lower() == name for a in actors)


def _mobilized(type_: str, trigger: Span) -> Span | None:
    """A MOBILIZE's trigger, whose direct object is what it moves; None for a withdrawal ("abandoned
    Kherson" is aimed at Kherson)."""
    return trigger if type_ == "MOBILIZE" else None


def _imprisoned(words: list[str], sent: Sentence) -> bool:
    return not load_cues().imprisonment.isdisjoint(words[sent.tok_start : sent.tok_end])


def _forecast_time(quotes: tuple[Quote, ...], view: SentenceView) -> Span | None:
    """For a forecast, the time the speaker expects it ("as early as January"), if quoted."""
    span = view.sent.span
    for quote in quotes:
        forecast = quote.forecast
        if (
            forecast is not None
            and forecast.time is not None
            and span.start <= forecast.time.start < span.end
        ):
            return forecast.time
    return None
