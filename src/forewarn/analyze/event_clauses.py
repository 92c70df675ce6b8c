"""Clauses that share a subject, and hosted visits: syntax the trigger lexicon cannot reach.

A sentence often reports two events: "X accused Y of violating the truce and threatened to
retaliate", "Turkey said it would send troops, rejecting the demand". The second verb has no
subject of its own; the nearest mention before it (Y, the troops) is an object, not its actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from forewarn.knowledge.plover import load_irregular_verbs
from forewarn.model import Actor, Event, Place, Span

# A trigger after an article or possessive is a noun ("the support of"): no clause to continue.
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "of", "'s", "’s"})
# A relative clause or a sentence break between an actor and a later verb: it is not that verb's subject.
_CLAUSE_BREAK = re.compile(r"\b(?:which|who|whom|that)\b|[.\]\n]", re.IGNORECASE)
# How far after "welcomed" the "to <place>" of a hosted visit may lie (tokens).
_HOST_REACH = 7


def shares_subject(words: Sequence[str], start: int) -> bool:
    """A verb with no subject of its own: coordinated ("accused X of ... and threatened to") or a
    participle after a comma or "and" ("said it would send troops, rejecting ...")."""
    word, before = words[start], words[start - 1]
    # past forms without "-ed" continue a clause too: "met X and signed", "and sent troops"
    if before == "and" and (word.endswith("ed") or word in load_irregular_verbs().past):
        return True
    return before in {",", "and"} and word.endswith("ing") and len(word) > 5


def continued(
    event: Event, before: list[Event], words: Sequence[str], starts: Sequence[int], text: str
) -> Event:
    """`event` with the actor of the clause it continues: the latest earlier verbal event whose
    actor reaches it with no relative clause or sentence break between ("which targeted and killed")."""
    for previous in reversed(before):
        if not previous.actors or words[bisect_left(starts, previous.trigger.start) - 1] in _DETERMINERS:
            continue
        if _CLAUSE_BREAK.search(text, previous.actors[0].end, event.trigger.start) is None:
            return _inherit(event, previous)
    return event


def _inherit(event: Event, previous: Event) -> Event:
    """`event` with `previous`'s actors (no one acts on themselves)."""
    if event.actors == previous.actors:
        return event
    recipients = tuple(r for r in event.recipients if r not in previous.actors)
    return replace(event, actors=previous.actors, recipients=recipients)


def hosted(
    words: Sequence[str],
    starts: Sequence[int],
    trigger: tuple[int, int],
    stop: int,
    toponyms: Sequence[Place],
) -> bool:
    """ "welcomed the delegation to Lagos": a hosted visit (manual: CONSULT), not support.

    `trigger` is the trigger's token range, `stop` the sentence's last token.
    """
    first, end = trigger
    if not toponyms or not words[first].startswith("welcom"):
        return False
    places = {p.start for p in toponyms}
    last = min(end + _HOST_REACH, stop)
    return any(words[n] == "to" and starts[n + 1] in places for n in range(end, last))


def opens_place(starts: Sequence[int], token: int, places: Sequence[Place]) -> bool:
    """Whether the token at `token` opens a place name ("left Estonia", not "left five dead")."""
    return token < len(starts) and any(p.start == starts[token] for p in places)


def names_party(
    words: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    hit: tuple[int, int],
    parties: Sequence[Actor | Place],
) -> bool:
    """Whether an actor or place is the whole gap of a pattern before its last word ("wants Kyiv to",
    "wants the Kremlin to"; not "wants to", "want people in Ohio to", "want your children to");
    `hit` is the pattern's token range."""
    first, last = hit[0] + 1, hit[1] - 2  # the gap's tokens
    if first > last or words[first] in _NO_PARTY:
        return False
    # the party's mention may hold its article or not: "the Kremlin" or "Kremlin"
    second = starts[first + 1] if words[first] == "the" and first < last else -1
    return any(p.end == ends[last] and p.start in (starts[first], second) for p in parties)


# Who is wanted to act in talk, not a party in the news: "want you to know", "want their children to".
_NO_PARTY = frozenset(
    {"you", "your", "me", "my", "us", "our", "their", "his", "her", "people", "everyone", "everybody"}
)


# Words that open a clause with no subject of its own: "Having shelled ...", "After shelling ...".
_OPENERS = frozenset({"having", "after", "before", "while", "since", "upon", "despite", "by"})
# How far (characters) after the opening clause's comma the main clause's subject may start.
_SUBJECT_REACH = 40
_OPENING_CLAUSE_END = 160
_OPENER_LENGTH = 12  # characters: "Having ", "Despite " and spaces
# A participle with no opener takes an object: "Shelling the town, ...", "Offering Kasich the post, ...".
_OBJECT_NEXT = re.compile(r"\s+(?:(?:the|a|an|its|their|his|her)\b|[A-Z])")
# After the comma, a conjunction or a relative clause: not the main clause's subject ("..., but Russian
# forces did not", "..., which chanted his name").
_NOT_SUBJECT = re.compile(r"\b(?i:and|but|however|while|which|who|whom|whose|with|as|although|yet)\b")


def opening_subject(mentions: Sequence[Actor], text: str, trigger: Span, sentence_start: int) -> Span | None:
    """ "Having shelled the town for a week, Russian forces withdrew": a participle clause that opens
    the sentence has no subject of its own; the main clause's subject, right after its comma, acts."""
    if trigger.start - sentence_start > _OPENER_LENGTH:
        return None  # most triggers: more than one word before them (no splitting of the sentence)
    head = text[sentence_start : trigger.start].split()
    if len(head) > 1 or (head and head[0].lower() not in _OPENERS):
        return None
    verb = text[trigger.start : trigger.end].split(None, 1)[0].lower()
    if not verb.endswith(("ing", "ed")) and not (head and head[0].lower() == "having"):
        return None  # a noun opens the sentence ("Talks resumed, ..."): no clause to look past
    if not head and not _OBJECT_NEXT.match(text, trigger.end):
        return None  # "Fighting continued in Popasna, but ...": a gerund subject, not a participle clause
    comma = text.find(",", trigger.end, trigger.end + _OPENING_CLAUSE_END)
    if comma < 0:
        return None
    for m in mentions:  # sorted by start
        if m.start > comma:
            between = text[comma + 1 : m.start]
            near = m.start - comma <= _SUBJECT_REACH and not _NOT_SUBJECT.search(between)
            return Span(m.start, m.end) if near else None
    return None


# A place right after a mention, joined by one of these, says where that mention is: "Militants in Mali
# released 20 hostages", "officials at the UN said": the mention before it acts.
_LOCATIVE = re.compile(r"\s+(?:in|at|near|inside|around|outside)\s+(?:the\s+)?")
_LOCATIVE_GAP = 14  # characters: " inside the " and spaces


def located(mentions: Sequence[Actor], i: int, text: str) -> bool:
    """Whether mention `i` (a place) follows mention `i - 1` by "in", "at", "near" ("Militants in Mali")."""
    before, place = mentions[i - 1], mentions[i]
    return place.start - before.end <= _LOCATIVE_GAP and bool(
        _LOCATIVE.fullmatch(text, before.end, place.start)
    )


# A noun opening its sentence, perhaps after one capitalised word: "Shelling by", "Renewed attacks by"
# ("^" matches only at the text's real start, whatever the search's start).
_OPENING = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:[A-Z][\w-]*\s+)?$")


def opens_line(text: str, start: int) -> bool:
    """Whether the word at `start` opens its sentence or line (one capitalised word may stand before it)."""
    return _OPENING.search(text, max(0, start - 24), start) is not None
