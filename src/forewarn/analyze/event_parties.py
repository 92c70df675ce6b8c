"""Two events of one type in a sentence, each told by a clause of its own with its own subject.

The coder keeps one event per type and sentence (`event_rules.sentence_rules`), merging compound
actors; but "Russian forces shelled Kharkiv and Ukrainian forces struck Russian positions near Izyum"
reports two assaults, by different sides on different targets, and merging them would give one side's
act to the other. Told apart here from the sentence's words and mentions, which the merge rule lacks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forewarn.analyze.event_objects import mention_at
from forewarn.model import Actor, Event, Span

# What opens the second clause, right before its subject: "and", ", but", "; ", " while the ".
_OPENS_CLAUSE = re.compile(r"(?:;\s*|(?:,\s*)?\s(?i:and|but|while|whereas)\s+)(?:(?i:the)\s+)?$")
# Between a subject and its verb: adverbs and auxiliaries only ("Ukrainian forces reportedly struck").
_TO_VERB = re.compile(
    r"(?:\s+(?!(?i:of|in|at|on|to|for|from|with|by|and|near|into|that|who|which)\b)[a-z]+){0,3}\s+"
)
_VERB_REACH = 32
_OPENER_REACH = 64  # characters; the longest opener, ", whereas the ", with room for line breaks


def _sides(mentions: Sequence[Actor], spans: tuple[Span, ...]) -> set[str] | None:
    """The countries (else codes) of the mentions the spans are, None if one has neither (a pronoun)."""
    sides = set()
    for span in spans:
        mention = mention_at(mentions, span)
        side = (mention.country or mention.code) if mention is not None else ""
        if not side:
            return None
        sides.add(side)
    return sides


def own_clauses(mentions: Sequence[Actor], text: str, kept: Event, event: Event) -> bool:
    """Whether two events of a type are told by two clauses, each with its own subject before its
    trigger (adverbs between at most), the second opened by "and", "but", "while" or a semicolon, by
    actors of different sides (countries, else codes), at no common recipient: "Russian forces shelled Kharkiv and Ukrainian forces struck Izyum" (not
    "Ukrainian forces repelled a Russian assault": one clause)."""
    first, second = (kept, event) if kept.trigger.start < event.trigger.start else (event, kept)
    if not (first.actors and second.actors) or not set(first.recipients).isdisjoint(second.recipients):
        return False
    if not (
        first.actors[-1].end <= first.trigger.start
        and first.trigger.end <= second.actors[0].start
        and second.actors[-1].end <= second.trigger.start
    ):
        return False
    # Only the words right before the second subject can open its clause: searching from the first
    # trigger on made a sentence of thousands of clauses take seconds.
    subject = second.actors[0].start
    if not _OPENS_CLAUSE.search(text, max(first.trigger.end, subject - _OPENER_REACH), subject):
        return False
    end, verb = second.actors[-1].end, second.trigger.start
    if verb - end > _VERB_REACH or not _TO_VERB.fullmatch(text, end, verb):
        return False  # "journalists in several occupied cities": no verb of theirs
    one, other = _sides(mentions, first.actors), _sides(mentions, second.actors)
    return one is not None and other is not None and one.isdisjoint(other)
