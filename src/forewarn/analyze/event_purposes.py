"""Aims a sentence names with no event before them, and investigations that name no object.

`event_aims.py` reads a purpose infinitive after a completed act that is itself an event
("continued shelling to intimidate residents"). Two more shapes name an aim, not a deed:

- a purpose after a movement that is no event of its own: "By the time Russian reinforcements
  reached the airport to recapture it" — the recapture is planned, not done;
- a goal named with "for" at the end of a chain of purposes: "to establish a sky bridge to ferry
  reinforcements for an attack on the capital" — the attack is as planned as the bridge.

And an investigation with nothing named after it ("We are investigating.") accuses no one: PLOVER's
ACCUSE needs a wrongdoing or someone investigated.
"""

from __future__ import annotations

from collections.abc import Sequence

from forewarn.analyze.event_aims import PURPOSE_LEAD, PURPOSE_REACH, is_purpose
from forewarn.analyze.event_patterns import Hit
from forewarn.analyze.event_rules import Candidate
from forewarn.knowledge.plover import Trigger
from forewarn.model import Event

# Verbs of movement, done (past or participle), that are no event here but can carry an aim: "reached
# the airport to recapture it". Not the base form: "will not go to Moscow to meet" is no completed act.
_MOTION = frozenset(
    {"reached", "reaching", "arrived", "arriving", "came", "went", "moved", "headed", "travelled",
     "traveled", "flew", "flown", "sailed", "crossed", "entered", "landed", "gathered", "assembled",
     "rushed", "raced", "drove", "sent", "brought"}
)  # fmt: skip
# Prepositions after which "to" is no infinitive of the movement's purpose ("went to war").
_NOT_INFINITIVE = frozenset({"war", "power", "court", "trial", "prison", "jail", "arms", "battle"})
_MEDIUM = frozenset({"on", "online", "public"})
_BREAKS = frozenset({".", ";", ":", "!", "?", "“", "”", '"', "but", "which", "who", "while"})
# "for an attack", "for another assault", "for a possible offensive": the goal of a chain of purposes.
_GOAL_WORDS = frozenset(
    {"a", "an", "the", "another", "new", "possible", "major", "final", "further", "renewed"}
)
# The word right before a trigger that may be such a goal's: "for", or a verb of carrying after "to".
GOAL_LEAD = _GOAL_WORDS | {"for", "ferry", "bring", "send", "move", "deliver", "carry", "transport"}
# The word right before any trigger these aims may be: the cheap test before `unevented_aim`.
AIM_LEAD = GOAL_LEAD | PURPOSE_LEAD
_CHAIN_REACH = 16  # tokens from the planned act back to "for"
# What may follow an objectless investigation: the end of its clause.
_CLAUSE_END = frozenset({".", "!", "?", ";", ",", ":", "”", '"', "'", "and", "but", ")"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "'re"})


def unevented_aim(
    words: Sequence[str],
    hit: Hit[Trigger],
    sentence_start: int,
    cands: Sequence[Candidate],
    events: Sequence[Event],
) -> bool:
    """Whether the trigger `hit` is an aim that no event of the sentence before it carries: after a
    movement, or at the end of a chain of purposes from a planned act.
    `cands` and `events`: the sentence's candidates so far and the events made of them, in step."""
    start = hit.start
    if words[start - 1] in PURPOSE_LEAD and motion_aim(words, start, sentence_start):
        return True
    if not events or words[start - 1] not in GOAL_LEAD:
        return False
    return any(
        e.modality == "planned" and chained_goal(words, start, c.hit.end)
        for c, e in zip(cands, events, strict=True)
    )


def motion_aim(words: Sequence[str], start: int, sentence_start: int) -> bool:
    """Whether the trigger at token `start` is the purpose of a movement before it in its clause:
    "reached the airport to recapture it", "troops arrived in Belarus to prepare an offensive"."""
    if words[start] in _NOT_INFINITIVE:
        return False
    lo = max(sentence_start, start - PURPOSE_REACH - 4)
    for i in range(start - 2, lo - 1, -1):
        word = words[i]
        if word in _BREAKS:
            return False
        if word in _MOTION:  # not "went on Twitter to applaud", which is the applause itself
            return words[i + 1] not in _MEDIUM and is_purpose(words, start, (i, i + 1))
    return False


def chained_goal(words: Sequence[str], start: int, planned_end: int) -> bool:
    """Whether the trigger at token `start` ends a chain of purposes from a planned act ending at token
    `planned_end`: a goal named with "for" ("to capture the airport to establish a sky bridge ... for
    an attack on the capital") or the object of an infinitive in the chain ("to ferry reinforcements")."""
    i = start - 1
    while i > planned_end and words[i] in _GOAL_WORDS and start - i <= 2:
        i -= 1
    if start - planned_end > _CHAIN_REACH or not (words[i] == "for" or words[i - 1] == "to"):
        return False
    between = words[planned_end:i]
    return "to" in between and _BREAKS.isdisjoint(between)


def objectless_inquiry(words: Sequence[str], hit: Hit[Trigger], sentence_end: int) -> bool:
    """Whether an investigation verb names nothing investigated: "We are investigating." (not the
    noun, "an investigation", nor the passive, "the killing is being investigated")."""
    start, end = hit.start, hit.end
    word = words[start]
    if (
        end - start != 1
        or not word.startswith(("investigat", "prob"))
        or not word.endswith(("ing", "ed", "es", "e"))
    ):
        return False
    if word.startswith("investigation") or (start > 0 and words[start - 1] in _BE and word.endswith("ed")):
        return False
    return end >= sentence_end or words[end] in _CLAUSE_END
