"""Cheap tense of the words around a time expression: future, past or unknown.

There is no tagger: the nearest cue word in the sentence decides. Future cues
are modals and words of expectation (will, could, expect, plan, next ...); past
cues are past-tense auxiliaries, common irregular verbs, lower-case words in
-ed, "ago" and "last". The cue nearest to the expression wins, so in "said it
will begin in January" the "will" governs January, not the "said".
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Literal

from forewarn.knowledge.time_lexicon import TimeLexicon, load_time_lexicon

# "conditional": a weak modal (could, would, may, might, can) - future for a month or a quarter,
# but no evidence for a weekday ("could be located Wednesday" is yesterday).
Tense = Literal["future", "past", "conditional", ""]
CONDITIONAL = frozenset({"could", "would", "may", "might", "can"})

_REPORTED_BEFORE = re.compile(
    r"\b(?:said|told|announced|reported|declared|stated|added|confirmed)(?:\s+(?:on|over|during|late|early))?\s+$"
)

_NEXT_TO = re.compile(r"\s+to\b", re.IGNORECASE)
_UNIT_BEFORE = re.compile(
    r"\b(?:minutes|hours|days|weeks|months|years|decades|moments|day|week|month|year)\s+$"
)


def _lexicon() -> TimeLexicon:
    return load_time_lexicon()


@lru_cache(maxsize=1)
def _cue_pattern() -> tuple[re.Pattern[str], frozenset[str]]:  # the cues, and which of them look ahead
    from forewarn.analyze.word_trie import trie_pattern

    lexicon = load_time_lexicon()
    words = sorted(lexicon.future_cues | lexicon.past_cues)
    # Regular past tense is lower-case only, so "United" or "Ahmed" are not verbs.
    # Lower-case only: "May" the month and "Will" the name are not cues.
    pattern = re.compile(r"(?<![\w'])(?:" + trie_pattern(words) + r"(?![\w'])|[a-z]{3,}ed\b)")
    return pattern, lexicon.future_cues


class TenseReader:
    """Tense cues of one text, found once per sentence and looked up per expression."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._cache: dict[int, tuple[list[int], list[int], list[Tense]]] = {}

    def _cues(self, sent_start: int, sent_end: int) -> tuple[list[int], list[int], list[Tense]]:
        cached = self._cache.get(sent_start)
        if cached is not None:
            return cached
        pattern, future = _cue_pattern()
        starts: list[int] = []
        ends: list[int] = []
        tenses: list[Tense] = []
        for match in pattern.finditer(self.text, sent_start, sent_end):
            word = " ".join(match.group().split())
            cue = word in future or word in _lexicon().past_cues
            if not cue and word in _lexicon().not_past:
                continue
            if word not in future and self._after_auxiliary(match.start()):
                continue  # "to be paid", "will be held": a participle, not a past tense
            if word == "next" and _NEXT_TO.match(self.text, match.end()):
                continue  # "next to the embassy": a place, not a time ahead
            if word == "later" and _UNIT_BEFORE.search(self.text, max(0, match.start() - 12), match.start()):
                continue  # "three days later": a step in a narrative, which is mostly told in the past
            starts.append(match.start())
            ends.append(match.end())
            tenses.append("conditional" if word in CONDITIONAL else "future" if word in future else "past")
        self._cache[sent_start] = (starts, ends, tenses)
        return starts, ends, tenses

    def _after_auxiliary(self, position: int) -> bool:
        """A participle after "be", "has", "will be" ... takes its tense from the auxiliary, not from -ed."""
        before = self.text[max(0, position - 12) : position].split()
        return bool(before) and before[-1].lower() in _lexicon().auxiliaries

    def reported_on(self, start: int, end: int) -> bool:
        """ "said Friday", "announced on Tuesday": the day of a statement, which lies in the past."""
        return bool(_REPORTED_BEFORE.search(self.text, max(0, start - 20), start))

    def at(self, sent_start: int, sent_end: int, start: int, end: int, reach: int = 10**9) -> Tense:
        """The tense of the cue nearest to text[start:end] inside the sentence, if within reach characters."""
        starts, ends, tenses = self._cues(sent_start, sent_end)
        before = bisect.bisect_right(ends, start) - 1  # last cue ending before the expression
        after = bisect.bisect_left(starts, end)  # first cue starting after it
        best: tuple[int, Tense] = (10**9, "")
        if before >= 0:
            best = (start - ends[before], tenses[before])
        # A cue after the expression counts double: the verb that governs a time mostly comes before it
        # ("will double its flights by August in the search for markets untouched by ...").
        if after < len(starts) and 2 * (starts[after] - end) < best[0]:
            best = (2 * (starts[after] - end), tenses[after])
        return best[1] if best[0] <= reach else ""
