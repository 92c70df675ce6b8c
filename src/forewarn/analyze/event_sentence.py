"""What every event of one sentence shares, and PLOVER's boundary rules that read the whole sentence.

The events coder (`events.py`) builds one `SentenceView` per sentence that has a trigger: its
mentions, places, times, quotes, the modes and contexts its words suggest, and whether it
speaks of force or of a crowd. The rules here decide an event's mode from those words and move
an event across a type boundary the sentence settles (a joint exercise is COOPERATE, armed
forces seizing a town ASSAULT).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from forewarn.analyze.event_patterns import Hit, context_rules, mode_rules
from forewarn.analyze.event_rules import dedupe
from forewarn.knowledge.plover import Trigger, load_cues
from forewarn.model import Actor, Place, Quote, Span, TimeExpr

# A physical attack happens somewhere: "attacked from Belarus", "an attack near the border".
_WHERE = frozenset({"from", "near", "across", "into", "inside", "border", "frontline", "front"})


class Sentence(NamedTuple):
    """A sentence's characters and its token range [tok_start, tok_end)."""

    span: Span
    tok_start: int
    tok_end: int


class SentenceView(NamedTuple):
    """What every event of one sentence shares: its mentions, places, times and word evidence.

    Named tuples, here and for the other per-sentence and per-candidate helpers: cheaper to
    make than frozen dataclasses, and thousands are made per hundred texts.
    """

    sent: Sentence
    mentions: list[Actor]
    places: list[Place]
    toponyms: list[Place]  # the places an event can happen in (no demonyms)
    times: list[TimeExpr]
    quotes: list[Quote]
    modes: Mapping[str, tuple[str, tuple[str, ...]]]
    contexts: tuple[str, ...]
    cues: list[Hit[str]]
    violent: bool
    crowd: bool
    conditional: bool  # "unless", "or else": what the sentence says will happen is a threat


@lru_cache(maxsize=1)
def physical_words() -> frozenset[str]:
    return load_cues().violence | _WHERE


@lru_cache(maxsize=1)
def assault_mode_rules() -> frozenset[int]:
    """Mode rules that name a way of attacking: their words make a sentence violent."""
    return frozenset(n for n, rule in enumerate(mode_rules()) if rule.type == "ASSAULT" and rule.mode)


@lru_cache(maxsize=1)
def context_labels() -> tuple[str, ...]:
    return tuple(rule.labels[0] for rule in context_rules())


@lru_cache(maxsize=4096)  # a sentence names few mode words, and the same ones recur: a few hundred sets
def modes_by_type(mode_hits: frozenset[int]) -> Mapping[str, tuple[str, tuple[str, ...]]]:
    """Per event type, the mode the sentence's words suggest (first rule wins) and all indicators.

    The indicators are deduplicated here, once per set, so that an event whose trigger adds none
    takes them as they are.
    """
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    if not mode_hits:
        return out
    rules = mode_rules()
    for n in sorted(mode_hits):
        rule = rules[n]
        mode, indicators = out.get(rule.type, ("", ()))
        out[rule.type] = (mode or rule.mode, indicators + rule.labels)
    return {type_: (mode, dedupe(list(indicators))) for type_, (mode, indicators) in out.items()}


# Words that may open a condition: one set test at C speed before looking closer.
CONDITION_WORDS = frozenset({"else", "otherwise"})
_CLAUSE_OPENING = frozenset({",", ";", ":", "—", "–", "-", "("})


def threat_condition(words: list[str]) -> bool:
    """A condition put to someone ("will withdraw unless", "or else", ", otherwise"), not the adverb
    "otherwise" ("damage it or otherwise cut the supply": in another way)."""
    single = load_cues().threat_conditions
    if not single.isdisjoint(words):
        return True
    if CONDITION_WORDS.isdisjoint(words):
        return False
    return any(
        (w == "else" and words[i - 1] == "or")
        or (w == "otherwise" and (i == 0 or words[i - 1] in _CLAUSE_OPENING))
        for i, w in enumerate(words)
        if w in CONDITION_WORDS
    )


def pick_mode(type_: str, mode: str, fixed: bool, view: SentenceView) -> tuple[str, tuple[str, ...]]:
    """The trigger's own mode when it fixes one (MOBILIZE: the words decide), else the words'."""
    chosen, indicators = view.modes.get(type_, ("", ()))
    if fixed and mode and not (type_ == "MOBILIZE" and chosen):
        chosen = mode
    return chosen or mode, indicators


def count_parties(actors: tuple[Span, ...], text: str) -> int:
    """How many parties the actor mentions name: "French and Egyptian warships" are two."""
    if len(actors) == 1 and " and " in text[actors[0].start : actors[0].end]:
        return 2
    return len(actors)


def retype(
    type_: str, mode: str, indicators: tuple[str, ...], n_actors: int, trigger: Trigger, view: SentenceView
) -> tuple[str, str, tuple[str, ...]]:
    """PLOVER's boundary rules between types that need the whole sentence."""
    if type_ == "ASSAULT" and "civil" in trigger.flags and not mode and not view.violent and not view.places:
        return "ACCUSE", "disapprove", indicators  # "launched an attack on the spy chiefs, calling them ..."
    if type_ == "MOBILIZE" and "exercise" in indicators and n_actors >= 2:
        return "COOPERATE", "", dedupe([*indicators, "joint_exercise"])  # manual: joint exercises cooperate
    if type_ == "PROTEST" and "crowd" in trigger.flags and not view.crowd:
        return "ACCUSE", "disapprove", indicators  # manual: a protest by an office or a group is ACCUSE
    if (
        type_ == "COERCE"
        and mode == "seize"
        and "military" in view.contexts
        and view.violent
        and "property" not in trigger.flags
    ):
        return "ASSAULT", "", indicators  # armed forces seizing a town or a field: a use of force
    if type_ == "COERCE" and mode == "seize" and view.modes.get("ASSAULT", ("",))[0] == "aerial":
        return "ASSAULT", "aerial", indicators  # "warplanes raided": an air raid, not a police raid
    if type_ == "MOBILIZE" and "peacekeeping" in view.contexts:
        return "AID", "", indicators  # CAMEO 074: provide military protection or peacekeeping
    return type_, mode, indicators
