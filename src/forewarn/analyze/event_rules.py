"""PLOVER's coding rules as code: frames, and the recoding that turns on modality.

A frame ("urged", "threatened to", "accused ... of") governs the event it introduces; light
verbs yield to it ("ordered the release" is a release). Future cooperation is AGREE, refused
cooperation REJECT, an announced withdrawal CONCEDE, a vowed or conditional coercion THREATEN
(PLOVER 2.0 manual, "potential ambiguities" of each type). One event per type per sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from typing import Any, NamedTuple

from forewarn.analyze.event_patterns import Hit
from forewarn.knowledge.plover import Trigger, acled_subtype, cameo_code
from forewarn.model import Event, Modality

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
YIELDING = frozenset({"AGREE", "CONCEDE", "RETREAT"}) | COOPERATIVE
RECIPROCAL = frozenset({"CONSULT", "COOPERATE"})  # manual: all participants are actors
MOVEMENT = frozenset({"ASSAULT", "MOBILIZE"})  # forces that move: "from Belarus" is where they came from
CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
FACTUAL = frozenset({"asserted", "reported", "historical"})  # modalities of acts reported as done
# How far (tokens) a verbal frame reaches for the event it introduces: "called on X to release".
FRAME_REACH = 8
# How far a rejection reaches for the offer it rejects ("rejected the new Egyptian proposal").
_OFFER_REACH = 3
# How far a light verb reaches for the purpose it introduces ("sent ... to investigate").
PURPOSE_REACH = 12
# A frame reaches no further than its clause.
_FRAME_BREAKS = frozenset({".", ";", "“", "”"})
# Verbs of agreements and ties that, after "to" under a promise, are promised, not made (manual: AGREE).
_PROMISED_TIES = frozenset(
    {"sign", "ratify", "ink", "conclude", "seal", "initial", "finalise", "finalize", "restore", "resume"}
    | {"normalise", "normalize", "establish", "upgrade", "recognise", "recognize"}
    | {"reopen", "open", "strengthen", "deepen", "improve", "expand", "bolster", "boost", "enhance", "cement"}
    | {"accept"}  # "agreed to accept 1,500 refugees" is a promise
)
# Frames weaker than this (e.g. "must", "order") never swallow the event they introduce.
FRAME_MIN_WEIGHT = 0.7
_ASKED_MODE = {"AID": "assist", "COOPERATE": "assist", "CONSULT": "meet", "RETREAT": "yield"}
# Words that ask for a coercion to end: "called on Minsk to stop the crackdown" is a request to yield
# (CAMEO 1052), no demand for a sanction.
_HALTS = frozenset({"stop", "stopping", "halt", "halting", "end", "ending", "cease", "lift", "ease"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "all", "this", "these"})
_THREAT_MODE = {
    "ASSAULT": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "PROTEST": "restrict",
    "RETREAT": "relations",
    "CONCEDE": "relations",
}
# Acts an actor can threaten conditionally ("will withdraw its force unless", "may halt mediation if").
COERCIVE = frozenset({"SANCTION", "COERCE", "PROTEST", "RETREAT", "CONCEDE"})


class Candidate(NamedTuple):
    """A trigger hit on its way to an Event; `governed` is the event a frame introduced."""

    hit: Hit[Trigger]
    type: str
    mode: str
    governed: Trigger | None = None
    embedded: Hit[Trigger] | None = None  # the hit of the governed event
    outlook: str = ""  # a modality the sentence's structure fixes: an aim, a warned act (event_aims.py)


# One per trigger, made by tuple.__new__ directly (no Python frame, as Candidate(...) has).
_new_candidate: Callable[[tuple[Any, ...]], Candidate] = partial(tuple.__new__, Candidate)


def _introduced(
    hits: list[Hit[Trigger]], n: int, words: Sequence[str], frames_too: bool = False
) -> int | None:
    """Index of the trigger the one at `n` introduces in its clause (not a frame, unless `frames_too`)."""
    hit = hits[n]
    for m in range(n + 1, len(hits)):
        nxt = hits[m]
        # a purpose infinitive reaches further: "sent 21 personnel to Bosnia on Wednesday to investigate"
        reach = PURPOSE_REACH if frames_too and words[nxt.start - 1] == "to" else FRAME_REACH
        if nxt.start - hit.end > reach or not _FRAME_BREAKS.isdisjoint(words[hit.end : nxt.start]):
            return None
        if frames_too or "frame" not in nxt.value.flags or nxt.value.type == "SUPPORT":
            return m
    return None


def _addressed(hit: Hit[Trigger], nxt: Hit[Trigger], trigger: Trigger, words: Sequence[str]) -> bool:
    """Whether a light verb keeps the event it introduces: "ordered the government to release" is a
    request (manual: REQUEST), "decided to open talks" an intent to meet (manual: AGREE)."""
    if trigger.type == "AGREE":
        return nxt.value.type in COOPERATIVE
    return trigger.type == "REQUEST" and nxt.start - hit.end >= 2 and words[nxt.start - 1] == "to"


def apply_frames(hits: list[Hit[Trigger]], words: Sequence[str]) -> list[Candidate]:
    """A frame ("urged", "threatened to", "accused ... of") absorbs the trigger right after it."""
    out: list[Candidate] = []
    skip: set[int] = set()
    for n, hit in enumerate(hits):
        if n in skip:
            continue
        trigger = hit.value
        introduced = _introduced(hits, n, words, frames_too=True) if "light" in trigger.flags else None
        if introduced is not None and not _addressed(hit, hits[introduced], trigger, words):
            continue  # "ordered the release of": the release is the event
        if trigger.type == "REJECT" and "frame" in trigger.flags:
            skip.update(_rejected_offer(hits, n, words))
        if "postposed" in trigger.flags and out and _rejects_before(out[-1].hit, hit, words):
            # "lifting the sanctions on Cuba is out of the question": one REJECT whose object is the act
            prev = out.pop().hit
            merged = Hit(prev.start, hit.end, trigger)
            out.append(_new_candidate((merged, "REJECT", "", prev.value, prev, "")))
            continue
        nxt = _introduced(hits, n, words)
        governed = embedded = None
        if nxt is not None and "frame" in trigger.flags and trigger.weight >= FRAME_MIN_WEIGHT:
            embedded = hits[nxt]
            governed = embedded.value
            skip.add(nxt)
            if (
                trigger.type == "AGREE"
                and words[embedded.start] in _PROMISED_TIES
                and words[embedded.start - 1] == "to"
            ):
                # "pledged to ratify", "agreed to restore relations": a promise to sign or ratify is AGREE
                # (manual), while "pledged his full support" is the support itself
                governed = embedded = None
            elif trigger.type == "REQUEST" and _asks_halt(governed, words[hit.end : embedded.start]):
                out.append(_new_candidate((hit, "REQUEST", "yield", None, embedded, "")))
                continue
        out.append(_new_candidate((hit, trigger.type, trigger.mode, governed, embedded, "")))
    return out


def _rejects_before(prev: Hit[Trigger], hit: Hit[Trigger], words: Sequence[str]) -> bool:
    """Whether the act right before a postposed rejection, in its clause, is what it rejects."""
    return (
        "frame" not in prev.value.flags
        and hit.start - prev.end <= _OFFER_REACH + 2
        and _FRAME_BREAKS.isdisjoint(words[prev.end : hit.start])
        and "," not in words[prev.end : hit.start]
    )


def _asks_halt(governed: Trigger, between: Sequence[str]) -> bool:
    """A request that an attack, crackdown or protest stop ("urged Minsk to stop the crackdown", "called
    for an end to the blockade"): the one asked is to yield. "called for sanctions" asks for no halt."""
    if governed.type not in CONFLICT:  # attacks, coercions, sanctions, protests
        return False
    words = list(between)
    while words and words[-1] in _DETERMINERS:
        words.pop()
    if words and words[-1] in {"to", "of"}:
        words.pop()
        while words and words[-1] in _DETERMINERS:
            words.pop()
    return bool(words) and words[-1] in _HALTS


def _rejected_offer(hits: list[Hit[Trigger]], n: int, words: Sequence[str]) -> tuple[int, ...]:
    """The offer or promise a rejection names right after it ("rejected the Egyptian proposal", "refused
    to promise"): the object of the REJECT, not an AGREE of its own."""
    if n + 1 >= len(hits):
        return ()
    end, nxt = hits[n].end, hits[n + 1]
    if nxt.start - end > _OFFER_REACH or not _FRAME_BREAKS.isdisjoint(words[end : nxt.start]):
        return ()  # "refusing to travel to Ukraine despite promises of higher salaries": another clause
    return (n + 1,) if nxt.value.type == "AGREE" and "frame" in nxt.value.flags else ()


def _govern(type_: str, mode: str, governed: Trigger) -> tuple[str, str]:
    """Type and mode of a frame given the event it introduces ("called for sanctions")."""
    if type_ == "AGREE" and governed.type == "SUPPORT":
        return "SUPPORT", ""  # "pledged his full support" is support, not a promise of it
    if type_ == "SUPPORT" and governed.type == "AID":
        return "AID", ""  # "supported economic assistance to"
    if type_ == "REQUEST" and governed.type in {"SANCTION", "COERCE"} and governed.contexts:
        # "called for sanctions", "demanded the expulsion of diplomats"; not "urged Israel to halt construction"
        return "THREATEN", "arrest" if governed.mode == "arrest" else "restrict"  # demands for sanctions
    if type_ == "AGREE" and governed.type == "ASSAULT":
        return "THREATEN", "violence"  # "ready to attack", "willing to use force" (CAMEO 138)
    if type_ == "THREATEN" and not mode and governed.type in COOPERATIVE | {"AGREE"}:
        return "AGREE", ""  # "vowed to provide patrol boats" is a promise (manual: AGREE), not a threat
    if type_ == "THREATEN":
        return type_, "territory" if "territory" in governed.contexts else _THREAT_MODE.get(
            governed.type, mode
        )
    if type_ in {"REQUEST", "REJECT"}:  # the mode is what is asked: "ordered X to release" is 'yield'
        return type_, _ASKED_MODE.get(governed.type, mode)
    return type_, mode


def _on_condition(cand: Candidate, if_after: bool) -> bool:
    """A possible act with an "if" after it, not a seizure (armed forces seizing a town is an assault)."""
    return if_after and not (cand.type == "COERCE" and cand.mode == "seize")


def recode(
    cand: Candidate, modality: Modality, promised: bool, conditional: bool = False, if_after: bool = False
) -> tuple[str, str, Modality]:
    """PLOVER's coding rules that turn on modality (manual: AGREE, CONCEDE, REJECT, THREATEN).

    `promised`: a future the actor commits to, "said it would release", though reported; `if_after`:
    an "if" follows the trigger in its sentence.
    """
    type_, mode = cand.type, cand.mode
    if cand.governed is not None:
        type_, mode = _govern(type_, mode, cand.governed)
    if modality == "negated" and "unruled" in cand.hit.value.flags:
        return "THREATEN", "", "threatened"  # "did not rule out military action" (CAMEO 13)
    if modality == "negated" and type_ in YIELDING:
        return "REJECT", "", "asserted"
    if type_ in COERCIVE and (conditional or (modality == "hypothetical" and _on_condition(cand, if_after))):
        # "will withdraw ... unless", "may halt mediation if ...": a condition on the addressee. A merely
        # possible act ("Russian forces could seize Kherson") stays its own type, hypothetical: PLOVER's
        # THREATEN is a threat its actor communicates.
        return "THREATEN", _THREAT_MODE.get(type_, "relations"), "threatened"
    future = promised or modality in {"planned", "threatened"}
    if (future or (modality == "forecast" and "noun" not in cand.hit.value.flags)) and type_ in COOPERATIVE:
        # manual: cooperation in the future tense ("is expected to sign"); a noun someone else foresees
        # ("seek to interdict Western aid deliveries") promises nothing
        return "AGREE", "", modality
    if future and type_ == "RETREAT":
        # manual: an announced withdrawal or resignation ("said he would resign") is CONCEDE; a promised
        # release or handover is a promise (AGREE)
        return ("CONCEDE" if mode in {"withdraw", "resign"} else "AGREE"), "", modality
    if future and type_ in CONFLICT:  # manual: ASSAULT + future is THREATEN
        return "THREATEN", _THREAT_MODE[type_], "threatened"
    if type_ == "THREATEN" and modality in {"asserted", "planned"}:
        modality = "threatened"
    return type_, mode, modality


def dedupe(items: list[str]) -> tuple[str, ...]:
    """The non-empty items, each once, in first-seen order."""
    if not items:
        return ()
    seen = dict.fromkeys(items)
    seen.pop("", None)
    return tuple(seen)


@lru_cache(maxsize=1024)  # few distinct arguments, one call per candidate event
def confidence(weight: float, has_actor: bool, has_recipient: bool, modality: Modality) -> float:
    score = (
        0.35 + 0.3 * min(weight, 1.5) / 1.5 + (0.15 if has_actor else 0.0) + (0.1 if has_recipient else 0.0)
    )
    if modality in {"hypothetical", "forecast", "negated"}:
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)


def _merge(best: Event, other: Event) -> Event:
    """`best` with the evidence and roles `other` adds, if it adds any."""
    indicators = dedupe([*best.indicators, *other.indicators])
    contexts = dedupe([*best.contexts, *other.contexts])
    actors = best.actors or other.actors
    recipients = best.recipients or tuple(r for r in other.recipients if r not in best.actors)
    if (indicators, contexts, actors, recipients) == (
        best.indicators,
        best.contexts,
        best.actors,
        best.recipients,
    ):
        return best  # most repeats of a type add nothing: spare dataclasses.replace, slow per call
    return replace(best, indicators=indicators, contexts=contexts, actors=actors, recipients=recipients)


def sentence_rules(
    events: list[Event], acts: set[int], apart: Callable[[Event, Event], bool] | None = None
) -> list[Event]:
    """One event per type in a sentence (compound actors merged), but for two that `apart` tells
    apart; MOBILIZE yields to ASSAULT."""
    if len(events) < 2:
        return events  # nothing to merge, and MOBILIZE yields only to another event
    by_type: dict[object, Event] = {}
    for event in events:
        # a done act and an aim or forecast of one type are two events ("after capturing Izyum, Russian
        # forces will likely renew an offensive"): merging them would lose one of the two
        key = (event.type, event.modality in FACTUAL)
        kept = by_type.get(key)
        if kept is not None and (_other_parties(kept, event) or (apart is not None and apart(kept, event))):
            # "Hamas fired rockets at Israel, prompting Israeli airstrikes on Gaza": two assaults
            by_type[event.trigger] = event
            continue
        if kept is None:
            by_type[key] = event
            continue
        by_type[key] = _merge(*((kept, event) if kept.confidence >= event.confidence else (event, kept)))
    kept_events = _protest_topic(_riot(sorted(by_type.values(), key=lambda e: e.trigger.start)))
    assault = any(
        e.type == "ASSAULT"
        and e.modality in {"asserted", "reported", "historical"}
        and e.trigger.start in acts
        for e in kept_events
    )
    return [e for e in kept_events if not (assault and e.type == "MOBILIZE")]


def _other_parties(kept: Event, event: Event) -> bool:
    """Whether two events of a type are done by different named parties to different ones."""
    return (
        bool(kept.actors and event.actors and kept.recipients and event.recipients)
        and set(kept.actors).isdisjoint(event.actors)
        and set(kept.recipients).isdisjoint(event.recipients)
    )


def _riot(events: list[Event]) -> list[Event]:
    """Property destroyed by protesters is their riot (manual, PROTEST 'riot'), not a separate ASSAULT."""
    protest = next((e for e in events if e.type == "PROTEST"), None)
    if protest is not None:
        events = _clash(events, protest)
    destroy = next((e for e in events if e.type == "ASSAULT" and e.mode == "destroy"), None)
    if protest is None or destroy is None or (destroy.actors and destroy.actors != protest.actors):
        return events
    acled = acled_subtype("PROTEST", "riot", protest.indicators) if protest.acled else None
    riot = replace(protest, mode="riot", cameo=cameo_code("PROTEST", "riot", protest.contexts), acled=acled)
    return [riot if e is protest else e for e in events if e is not destroy]


def _protest_topic(events: list[Event]) -> list[Event]:
    """What protesters demand is the topic of their protest, not a separate REQUEST (manual, PROTEST):
    "marched through Dhaka demanding new elections"; a demand by someone else stays."""
    protest = next((e for e in events if e.type == "PROTEST" and e.modality in FACTUAL), None)
    if protest is None:
        return events
    return [
        e
        for e in events
        if not (
            e.type == "REQUEST"
            and e.trigger.start > protest.trigger.start
            and (not e.actors or e.actors == protest.actors)
        )
    ]


# What a crowd named by its protest ("Protesters", "Rioters") does is its protest (manual, PROTEST):
# a clash, arson or looting is a riot, a blockade an obstruction.
_CROWD_ACTS = {
    ("ASSAULT", ""): "riot",
    ("ASSAULT", "destroy"): "riot",
    ("COERCE", "seize"): "riot",
    ("COERCE", "restrict"): "obstruct",
}


def _clash(events: list[Event], protest: Event) -> list[Event]:
    """Protesters who clash with police riot (manual, PROTEST 'riot'): the fight their own act; rioters
    who torch buildings riot, protesters who blockade the palace obstruct."""
    start = protest.trigger.start
    fight = next(
        (
            e
            for e in events
            if (e.type, e.mode) in _CROWD_ACTS and any(a.start <= start < a.end for a in e.actors)
        ),
        None,
    )
    if fight is None:
        return events
    mode = _CROWD_ACTS[fight.type, fight.mode]
    acled = acled_subtype("PROTEST", mode, fight.indicators) if fight.acled else None
    riot = replace(
        fight, type="PROTEST", mode=mode, cameo=cameo_code("PROTEST", mode, fight.contexts), acled=acled
    )
    return [riot if e is fight else e for e in events if e is not protest]
