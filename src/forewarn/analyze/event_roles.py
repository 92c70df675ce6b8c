"""Who did what to whom: actor and recipient spans for a trigger (place and time: event_places.py).

Without a parser, roles come from position: the actor mentions nearest before the trigger
(the subject side) and the first after it (the object side), swapped in the passive
("was attacked by ..."). Conjoined mentions ("Belarus and Russia") stay one compound list,
as PLOVER asks, not one event per dyad.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise, repeat
from operator import attrgetter

from forewarn.analyze.event_clauses import located, opens_line
from forewarn.analyze.event_objects import (
    BACKING,
    BREAK,
    JOINED,
    SUBJECT,
    addressed_or_accused,
    backed,
    clause_break,
    fronted,
    next_subject,
    object_place,
    origin,
    own_side,
    reporter,
)
from forewarn.analyze.event_passive import PASSIVE_AUX, participle, passive
from forewarn.model import Actor, Place, Span

# How far (characters) before "was destroyed" the sufferer can be: nearer than the next clause.
PASSIVE_REACH = 40
OBJECT_REACH = 25
_START, _END = attrgetter("start"), attrgetter("end")
_CLAUSE_AFTER = re.compile(
    r"\s+(?i:will|would|can|could|may|might|must|should|has|have|had|is|are|was|were|said|says)\b"
)
_PREPOSITION_BEFORE = re.compile(r"\b(?i:in|at|from|to|of|for|on|into|across|near)\s+(?:the\s+)?$")
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_NOMINAL_BY = re.compile(r"(?:\s+(?:to|in|on|of|against)(?:\s+[A-Z][\w.-]*){1,2})?\s+by\s+(?:the\s+)?")
_BY_ONLY = re.compile(r"(?:\s+\w+ed)?\s+by\s+(?:the\s+)?")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
# How far (characters) after a passive or noun trigger its doer may be named: "was offered a new gas
# deal by Russia", "the deployment of troops to the border by Russia".
BY_REACH = 90
# From "by" to the doer's mention: "by Russia", "by the army", "by thousands of supporters", "by the
# secret police" (two words the mention left out; not "by the time the army arrived").
_BY_AGENT = re.compile(
    r"by\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+of\s+(?:the\s+)?)?(?:(?!time\b|way\b|end\b|means\b)[a-z][\w-]*\s+){0,2}",
    re.IGNORECASE,
)
_LIGHT_PASSIVE = re.compile(
    r"\b(?i:was|were|been|is|are)\s+(?i:held|staged|organi[sz]ed|carried\s+out|conducted|launched|mounted"
    r"|claimed|led|called)\s+$"
)
_LIGHT_BY = re.compile(_LIGHT_PASSIVE.pattern[:-1] + r"by\s")
_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
# A verb of its own between the trigger and "by" starts another clause: "the attack was condemned by".
_OTHER_VERB = re.compile(
    r"\b(?:was|were|is|are|has|have|had|been|be|will|would|said|says|after|before|when|while|which|who|that"
    r"|despite|amid|following|because|since|as|than)\b"
    r"|[,;:()]",
    re.IGNORECASE,
)
# A report between a mention and a passive: the mention told of it, it did not suffer it ("The Russian
# MoD claimed that Pisky was captured").
_REPORTS = re.compile(r"\b(?:said|says|claimed|claims|reported|reports|stated|announced|denied)\b")
_OF_PLACE = re.compile(r"\s+(?i:in|of|at|near|from)\s+(?:(?i:the)\s+)?")
# Where the one who acts stands, not whose it is: "units of the 1st Guards Tank Army" name the army.
_OF_PLACE_ACTIVE = re.compile(r"\s+(?i:in|at|near|from)\s+(?:(?i:the)\s+)?(?:[a-z][\w-]*\s+)?")
# Between a name and a mention in the phrase that describes it: "Abu Jandal al-Kuwaiti, an ISIL ...".
_APPOSITION = re.compile(r"\s*,\s+(?i:an?|the|former)\s+(?:[a-z][\w-]*\s+){0,2}")
# Before a noun trigger's modifier, a passive's "by": "was struck and killed by a coalition airstrike".
_PASSIVE_BY = re.compile(
    r"\b(?i:was|were|been|is|are)\s+(?:[a-z]+\s+){0,3}?([a-z]+)\s+by\s+(?:(?i:the|a|an)\s+)?$"
)


def _spans(records: Sequence[Actor]) -> tuple[Span, ...]:
    return tuple(map(Span, map(_START, records), map(_END, records)))  # no comprehension frame per call


@dataclass(frozen=True)
class Roles:
    actors: tuple[Span, ...]
    recipients: tuple[Span, ...]
    place: Span | None
    time: Span | None


def _compound(mentions: Sequence[Actor], anchor: int, text: str, step: int) -> list[Actor]:
    """The mention at `anchor` plus neighbours joined to it by "and" or commas."""
    group = [mentions[anchor]]
    i = anchor
    while 0 <= i + step < len(mentions):
        left, right = (mentions[i + step], mentions[i]) if step < 0 else (mentions[i], mentions[i + step])
        if left.end > right.start or not JOINED.fullmatch(text, left.end, right.start):
            break
        if step > 0 and next_subject(text, left.end, right):
            break  # "fired rockets at Israel and Israeli jets struck Gaza": the next clause's subject
        i += step
        group.append(mentions[i])
    if len(group) == 1:
        return group
    group.sort(key=_START)
    gaps = [text[a.end : b.start] for a, b in pairwise(group)]
    if any(gap.strip(" ,") for gap in gaps) or not any("," in gap for gap in gaps):
        return group  # joined by a word ("and", "as well as"), or by spaces only
    # commas alone: "Belarus, Russia shelled" is a list, but not a place in a fronted phrase ("In
    # Turkey, the adviser will speak") nor the subject of the next clause ("If Russia attacks Moldova,
    # NATO will respond")
    if step > 0 and _CLAUSE_AFTER.match(text, group[-1].end):
        return [mentions[anchor]]
    if text[group[-1].end : group[-1].end + 2].lstrip()[:1] == ",":
        return group  # an apposition closed by a comma: "the president of Ghana, Jerry Rawlings, said"
    return [
        m
        for m in group
        if m is mentions[anchor] or not _PREPOSITION_BEFORE.search(text, max(0, m.start - 12), m.start)
    ]


def _nominal_agent(mentions: Sequence[Actor], first: int, text: str, trigger: Span) -> int:
    """For a noun trigger ("the arrest of X by Y", "a visit to Beijing by Y"), the mention after "by"."""
    if first < 0:
        return -1
    # both forms need a "by" before the next mention but one: most triggers have none, found at C speed
    by_end = mentions[first + 1].start if first + 1 < len(mentions) else mentions[first].start
    if text.find("by", min(trigger.end, mentions[first].end), by_end) < 0:
        return -1
    start = trigger.start
    if not (_DETERMINER.search(text, max(0, start - 12), start) or opens_line(text, start)):
        return -1
    # "the attack by insurgents", "a visit to Beijing by the minister": by right after the trigger
    # and a name; "the arrest of the journalist by the police": by right after the first mention
    if _NOMINAL_BY.fullmatch(text, trigger.end, mentions[first].start):
        return first
    if first + 1 < len(mentions) and _BY_ONLY.fullmatch(text, mentions[first].end, mentions[first + 1].start):
        return first + 1
    return -1


def _last_word(text: str, start: int, end: int) -> str:
    """The last word in text[start:end] if it is in lower case: a name ("Yemen") is no participle."""
    words = text[start:end].split()
    return words[-1] if words and words[-1].islower() else ""


def _same_clause(text: str, start: int, by: int) -> bool:
    """No other participle, verb or clause between a trigger and its "by" ("a lunch hosted by"), but
    for a light passive that only says the trigger happened: "a rally against Turkey was staged by",
    "the attack was claimed by"."""
    light = _LIGHT_PASSIVE.search(text, max(start, by - 40), by)
    stop = light.start() if light is not None else by
    if stop > start and participle(_last_word(text, max(start, stop - 20), stop)):
        return False
    return _OTHER_VERB.search(text, start, stop) is None


def _by_agent(mentions: Sequence[Actor], first: int, text: str, trigger: Span) -> int:
    """The mention after "by" further on in the trigger's clause, -1 if none.

    "Ukraine was offered a new gas deal by Russia", "aid was provided to Turkey by Japan", "the
    rejection of Ukraine's peace plan by Russia". Most triggers have no "by" near: found at C speed.
    """
    limit = min(len(text), trigger.end + BY_REACH)
    by = text.find("by ", trigger.start, limit)
    while by >= 0:
        if by > trigger.end and not _same_clause(text, trigger.end, by):
            return -1  # "a lunch hosted by the ambassador": that participle's doer, not the trigger's
        if by == 0 or not text[by - 1].isalnum():
            for i in range(first, len(mentions)):
                start = mentions[i].start
                if start > by + 40:
                    break
                if start > by and _BY_AGENT.fullmatch(text, by, start):
                    # of mentions opening at one place, the longest: "opposition supporters", not "opposition"
                    while i + 1 < len(mentions) and mentions[i + 1].start == start:
                        i += 1
                    # "by some of his rivals": the doer is the noun after the pronoun, not a mention
                    return -1 if mentions[i].text.lower() in _POSSESSIVES else i
        by = text.find("by ", by + 3, limit)  # "lobby ", or no mention after this "by"
    return -1


def _same(a: Actor, b: Actor) -> bool:
    return (bool(a.code) and a.code == b.code) or a.text.lower() == b.text.lower()


def _names_again(mention: Actor, subject: list[Actor]) -> bool:
    """Whether the mention names one of the subject again (mapped at C speed: no generator per call)."""
    return any(map(_same, repeat(mention), subject))


def _positions(
    mentions: Sequence[Actor], text: str, trigger: Span, movement: bool, accused: bool, reciprocal: bool
) -> tuple[int, int]:
    """Indices of the last mention before the trigger and of its object after it (-1: none); a
    reciprocal event ("joint exercises were held while Belarusian forces ...") takes its parties
    from an aside too, for want of better."""
    # the mentions (sorted by start) from `after` on start after the trigger: found by bisection, not
    # a scan of the sentence, so a sentence of thousands of mentions costs no square of them
    after = bisect_right(mentions, trigger.start, key=_START)
    last_before = after - 1
    while last_before >= 0 and mentions[last_before].end > trigger.start:
        last_before -= 1  # a mention around the trigger or overlapping it is neither side
    # a mention inside a trigger with a gap is its object: "expelled two Russian diplomats"
    first_after = next(
        (i for i in range(after, len(mentions)) if not (movement and origin(text, mentions[i].start))), -1
    )
    if last_before > 0 and located(mentions, last_before, text):
        last_before -= 1  # "Militants in Mali released": Mali says where the militants are
    if first_after >= 0:
        # a meeting or exercise takes its parties from an aside too, for want of better
        kind = clause_break(text, trigger.end, mentions[first_after])
        if kind == SUBJECT or (kind == BREAK and not reciprocal) or reporter(text, mentions[first_after]):
            first_after = -1
    if accused and first_after >= 0:
        first_after = addressed_or_accused(mentions, first_after, text)
    return last_before, first_after


def _agent_roles(
    mentions: Sequence[Actor], text: str, trigger: Span, sufferer: list[Actor], first: int, agent: int
) -> tuple[list[Actor], list[Actor]]:
    """ "the arrest of the journalist by the police": the police act on the journalist."""
    subject = _compound(mentions, agent, text, +1)
    clear = (
        i
        for i in range(first, len(mentions))
        if mentions[i].start > subject[-1].end or mentions[i].end <= subject[0].start
    )
    after = next(clear, -1)  # the first mention after `first` outside the subject
    obj = _compound(mentions, after, text, +1) if after >= 0 else []
    if sufferer and participle(text[trigger.start : trigger.end].lower().rsplit(None, 1)[-1]):
        obj = sufferer  # "a convoy attacked by rebels near Kabul": the one before suffered it
    return subject, obj


def _head(mentions: Sequence[Actor], subject: list[Actor], text: str, active: bool = False) -> list[Actor]:
    """The one a place or group after "in", "of", "at", "near" belongs to: "Kurdish militants in Syria
    were threatened" threatens the militants, not Syria; "Russian troops in southern Ukraine continue"
    (`active`: not after "of", and one word may qualify the place)."""
    if len(subject) != 1:
        return subject
    i = bisect_left(mentions, subject[0].start, key=_START)
    of_place = _OF_PLACE_ACTIVE if active else _OF_PLACE
    if i > 0 and of_place.fullmatch(text, mentions[i - 1].end, subject[0].start):
        return _compound(mentions, i - 1, text, -1)
    if i > 0 and not active and _APPOSITION.fullmatch(text, mentions[i - 1].end, subject[0].start):
        return [mentions[i - 1]]  # "Abu Jandal, an ISIL gang leader, was struck": Abu Jandal
    return subject


def _struck_by(mentions: Sequence[Actor], text: str, modifier: list[Actor]) -> list[Actor]:
    """For a noun trigger after "by" and its doer in a passive ("X was struck and killed by a coalition
    airstrike"), the one who suffered it: named just before the auxiliary, with its apposition."""
    by = _PASSIVE_BY.search(text, max(0, modifier[0].start - 60), modifier[0].start)
    if by is None or not participle(by.group(1).lower()):
        return []
    i = bisect_left(mentions, by.start(), key=_END) - 1  # the last mention ending before the auxiliary
    if i < 0 or by.start() - mentions[i].end > PASSIVE_REACH:
        return []
    return _head(mentions, _compound(mentions, i, text, -1), text)


def _passive_agent(
    mentions: Sequence[Actor],
    text: str,
    trigger: Span,
    subject: list[Actor],
    after: tuple[int, int],
    moved: bool,
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """A passive whose doer is named after "by": the doer acts on the one before the verb that
    suffered it, or else on the first one named after it ("aid was provided to Turkey by Japan").
    Those who move are never the recipient ("troops were deployed to the border by Russia")."""
    first, agent = after
    doer = _compound(mentions, agent, text, +1)
    sufferer = _head(mentions, subject, text) if not moved else []
    if not sufferer and first < agent:
        sufferer = _compound(mentions, first, text, +1)
    obj = [m for m in sufferer if m not in doer and not _names_again(m, doer)]
    return _spans(doer), _spans(obj)


def actor_roles(
    mentions: Sequence[Actor],
    text: str,
    trigger: Span,
    reciprocal: bool = False,
    movement: bool = False,
    moved: bool = False,
    accused: bool = False,
    places: Sequence[Place] = (),
    hostile: bool = False,
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Actor and recipient spans among the sentence's mentions (sorted by start).

    `reciprocal` (CONSULT, COOPERATE): with no one on the subject side, everyone is an actor.
    `movement` (ASSAULT, MOBILIZE): "from Belarus" is the origin, not the recipient.
    `moved` (MOBILIZE, a withdrawal or resignation): those who move are the actor, in the passive
    ("troops were deployed") and after the noun ("the withdrawal of Russian troops").
    `accused` (ACCUSE): the one addressed ("complained to the UN over ...") is not the recipient.
    `places` (the sentence's toponyms): one an assault acts on directly, before its object, is the
    recipient ("seized the city of Izyum, and Russian forces ..."); elsewhere the place is where it
    happened ("congratulated in Florida ...").
    `hostile` (ASSAULT, THREATEN, RETREAT): not aimed at the actor's own state side.
    """
    if not mentions:  # one event in seven: no one is named in its sentence, and every rule reads mentions
        return (), ()
    last_before, first_after = _positions(mentions, text, trigger, movement, accused, reciprocal)
    subject = _compound(mentions, last_before, text, -1) if last_before >= 0 else []
    if (first_after >= 0 and text[trigger.start : trigger.end].lower() in BACKING) or (
        subject and trigger.start - subject[-1].end <= 1  # "a coalition airstrike"
    ):
        special = _phrase_roles(mentions, text, trigger, subject, (last_before, first_after))
        if special is not None:
            return special
    obj = _compound(mentions, first_after, text, +1) if first_after >= 0 else []
    if subject and obj and all(map(_names_again, obj, repeat(subject))):
        # "the party's leader": the object names the actor again; the next mention is the one acted on
        after = first_after + len(obj)  # the compound runs on from first_after (no search by equality)
        obj = _compound(mentions, after, text, +1) if after < len(mentions) else []
    is_passive, by_phrase = passive(text, trigger)
    agent = _nominal_agent(mentions, first_after, text, trigger) if not is_passive else -1
    far = _by_agent(mentions, first_after, text, trigger) if agent < 0 and first_after >= 0 else -1
    if far >= 0 and is_passive:  # "Ukraine was offered a new gas deal by Russia"
        return _passive_agent(mentions, text, trigger, subject, (first_after, far), moved)
    if far >= 0 and (
        _DETERMINER.search(text, max(0, trigger.start - 12), trigger.start)
        or _LIGHT_BY.search(text, trigger.end, mentions[far].start)  # "exercises were conducted by"
    ):
        agent = far  # "the rejection of Ukraine's peace plan by Russia"; not an active verb's "by air"
    if agent < 0 and moved and not subject and first_after >= 0:
        # "the withdrawal of Russian troops from Kherson": those who move
        agent = first_after if _OF.fullmatch(text, trigger.end, mentions[first_after].start) else -1
    if agent >= 0:
        subject, obj = _agent_roles(mentions, text, trigger, subject, first_after, agent)
    elif by_phrase:
        subject, obj = obj, subject
    elif is_passive and not moved:  # "was arrested on Monday": the subject suffered it, the doer is unnamed
        # a verb-and-object trigger in the passive starts at its auxiliary, after its object ("shots
        # have been fired"): the one who suffered it is named right there ("ties with Taiwan were cut")
        first_word = text[trigger.start : trigger.start + 6].split(None, 1)[0].lower()
        reach = OBJECT_REACH if first_word in PASSIVE_AUX else PASSIVE_REACH
        near = [
            m
            for m in subject
            if trigger.start - m.end <= reach and not _REPORTS.search(text, m.end, trigger.start)
        ]
        subject, obj = [], _head(mentions, near, text)
    if reciprocal and not subject and not (is_passive and obj):  # "Japan was visited": Japan hosts
        subject, obj = obj, []
    elif subject and subject[-1].type == "state":  # "Russian troops in southern Ukraine continue ..."
        subject = _head(mentions, subject, text, True)  # the troops act; "units from a brigade" stay
    if subject and fronted(text, subject[0].start, subject[-1].end):
        subject = []  # "In Syria, with the support of ...": where, not who
    return _settle(subject, obj, text, trigger, (places if movement and not moved else (), hostile))


def _phrase_roles(
    mentions: Sequence[Actor], text: str, trigger: Span, subject: list[Actor], positions: tuple[int, int]
) -> tuple[tuple[Span, ...], tuple[Span, ...]] | None:
    """Roles a phrase around the trigger fixes at once, or None: "with the support of X, Y ..." (X
    supports Y), "Y was struck and killed by an X airstrike" (X acts on Y)."""
    last_before, first_after = positions
    backer, backed_one = backed(mentions, text, trigger, first_after, last_before)
    if backer >= 0:
        supported = [mentions[backed_one]] if backed_one >= 0 else []
        if supported and fronted(text, supported[0].start, supported[0].end):
            supported = []  # "In Syria, with the support of ...": Syria is where
        return _spans([mentions[backer]]), _spans(supported)
    if subject and not text[subject[-1].end : trigger.start].strip():
        sufferer = _struck_by(mentions, text, subject)
        if sufferer:
            return _spans(subject), _spans(sufferer)
    return None


def _settle(
    subject: list[Actor], obj: list[Actor], text: str, trigger: Span, limits: tuple[Sequence[Place], bool]
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """The roles as spans, the object cleared of the actor (no one acts on themselves) and, when
    `limits` says hostile, of its own side; an assault's direct place (`limits`' places) comes first."""
    places, hostile = limits
    if subject and obj:
        obj = [m for m in obj if not _names_again(m, subject)]
    if subject and obj and hostile:  # "Russian shelling ... Russian forces": not its own side
        obj = [m for m in obj if not own_side(subject, m)]
    if places and obj:  # an assault's target, not where talks were held
        return _spans(subject), object_place(places, text, trigger, _spans(obj))
    return _spans(subject), _spans(obj)
