"""Cheap tense of the words around a time expression: future, past or unknown.

There is no tagger: the nearest cue word in the sentence decides. Future cues
are modals and words of expectation (will, could, expect, plan, next ...); past
cues are past-tense auxiliaries, common irregular verbs, lower-case words in
-ed, "ago" and "last". The cue nearest to the expression wins, so in "said it
will begin in January" the "will" governs January, not the "said".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from forewarn.knowledge.time_lexicon import load_time_lexicon

Tense = Literal["future", "past", ""]

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")
# Regular past tense: lower-case (so "United", "Ahmed" are not verbs), at least 4 letters before -ed.
_REGULAR_PAST = re.compile(r"[a-z]{3,}ed")
_NOT_PAST_ED = frozenset({"need", "needed", "speed", "seed", "feed", "proceed", "exceed", "succeed", "indeed", "armed", "based", "united", "related", "limited", "advanced", "supposed", "so-called", "detailed", "concerned", "expected", "planned", "scheduled", "alleged", "required"})  # fmt: skip


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    lexicon = load_time_lexicon()
    multi = sorted((c for c in lexicon.future_cues | lexicon.past_cues if " " in c), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in multi) + r")\b" if multi else r"(?!x)x")
    return lexicon.future_cues, lexicon.past_cues, pattern


def _cue_tense(word: str, future: frozenset[str], past: frozenset[str]) -> Tense:
    lower = word.lower()
    if lower in future:
        return "future"
    if lower in past:
        return "past"
    if _REGULAR_PAST.fullmatch(word) and word not in _NOT_PAST_ED:
        return "past"
    return ""


def tense_at(text: str, sent_start: int, sent_end: int, start: int, end: int) -> Tense:
    """The tense of the cue nearest to text[start:end] inside the sentence [sent_start, sent_end)."""
    future, past, multi = _cues()
    best: tuple[int, Tense] = (10**9, "")
    for match in _WORD.finditer(text, sent_start, sent_end):
        if start <= match.start() < end:
            continue
        tense = _cue_tense(match.group(), future, past)
        if tense:
            distance = start - match.end() if match.end() <= start else match.start() - end
            if distance < best[0]:
                best = (distance, tense)
    lowered = text[sent_start:sent_end].lower()
    for match in multi.finditer(lowered):
        m_start, m_end = match.start() + sent_start, match.end() + sent_start
        if start <= m_start < end:
            continue
        distance = start - m_end if m_end <= start else m_start - end
        if distance < best[0]:
            best = (distance, "future" if match.group() in future else "past")
    return best[1]
