"""A pronoun actor named in its own sentence: "Zelensky announced that he rejected ..." is Zelensky's act;
and no one is the recipient of an act on their own possession ("Rubio suspended his campaign").

The actors stage links a pronoun to the name it stands for (same `name`). When that name is written earlier
in the same sentence, the event points at the name, which says who acted; a pronoun whose name lies
in an earlier sentence stays as it is.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from operator import attrgetter

from forewarn.analyze.event_objects import mention_at
from forewarn.model import Actor, Event, Span

_START = attrgetter("start")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our"})
# Possessive determiners: the owner of the act's object ("his campaign"), never "her" alone ("supported her").
_POSSESSIVES = frozenset({"his", "its", "their", "our", "my", "your"})


_PRONOUN_LENGTH = 5  # "their": the longest pronoun read here


def named_roles(event: Event, mentions: Sequence[Actor], text: str) -> Event:
    """The event with its pronoun actors named and the actor's own possessions out of its recipients.

    `mentions`: the sentence's actor mentions, sorted by start.
    """
    if not any(r.end - r.start <= _PRONOUN_LENGTH for r in (*event.actors, *event.recipients)):
        return event  # most events name no one as short as a pronoun
    actors = named_actors(event.actors, mentions, text)
    recipients = without_own(actors, event.recipients, mentions, text)
    if actors == event.actors and recipients == event.recipients:
        return event
    return replace(event, actors=actors, recipients=recipients)


def named_actors(actors: tuple[Span, ...], mentions: Sequence[Actor], text: str) -> tuple[Span, ...]:
    """The actors with each pronoun replaced by the mention of the same actor before it in the sentence.

    `mentions`: the sentence's actor mentions, sorted by start.
    """
    if not any(text[a.start : a.end].lower() in _PRONOUNS for a in actors):
        return actors  # the usual case: no pronoun acts
    named: list[Span] = []
    for actor in actors:
        if text[actor.start : actor.end].lower() in _PRONOUNS:
            actor = _antecedent(actor, mentions, text) or actor
        if actor not in named:
            named.append(actor)
    return tuple(named)


def without_own(
    actors: tuple[Span, ...], recipients: tuple[Span, ...], mentions: Sequence[Actor], text: str
) -> tuple[Span, ...]:
    """The recipients less a possessive that stands for the actor: "Marco Rubio suspended his campaign",
    "Christie defended his endorsement" are aimed at no one (the actor's own campaign, endorsement)."""
    if not actors or not any(text[r.start : r.end].lower() in _POSSESSIVES for r in recipients):
        return recipients  # the usual case
    names = {m.name for m in mentions for a in actors if (m.start, m.end) == (a.start, a.end) and m.name}
    return tuple(
        r
        for r in recipients
        if text[r.start : r.end].lower() not in _POSSESSIVES or _mention_name(r, mentions) not in names
    )


def _mention_name(span: Span, mentions: Sequence[Actor]) -> str:
    mention = mention_at(mentions, span)
    return mention.name if mention is not None else ""


def _antecedent(pronoun: Span, mentions: Sequence[Actor], text: str) -> Span | None:
    at = bisect_left(mentions, pronoun.start, key=_START)
    if at == len(mentions) or mentions[at].start != pronoun.start or not mentions[at].name:
        return None
    name = mentions[at].name
    for m in reversed(mentions[:at]):
        if m.name == name and text[m.start : m.end].lower() not in _PRONOUNS:
            return Span(m.start, m.end)
    return None
