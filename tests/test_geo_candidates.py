"""Toponym candidates: the capitalised-word rule, and a finder that remembers runs across texts."""

from __future__ import annotations

import random
import re

from forewarn.analyze.geo_candidates import _CAPWORD, NameFinder, capitalised_words
from forewarn.knowledge.gazetteer import load_gazetteer

TEXTS = [
    "Russian forces shelled Donetsk Oblast and Kyiv's outskirts. In Kharkiv Oblast, fighting went on.",
    "The Donetsk Oblast administration said Kyiv. Kyiv's mayor met George Barros in New York City.",
    "BEIRUT (Reuters) - Lebanon's U.S.-backed army said Mount Sinjar and Bosnia and Herzegovina, too.",
    "Washington Post reporters in Washington, D.C., said Washington. New York City's Mayor spoke.",
]


def test_name_finder_remembers_runs_without_changing_candidates() -> None:
    gaz = load_gazetteer()
    shared = NameFinder(gaz)
    for _ in range(2):  # the second round finds every run in the memo
        for text in TEXTS:
            words = capitalised_words(text)
            assert shared.candidates(text, words) == NameFinder(gaz).candidates(text, words)


# The capitalised-word rule written letter by letter: slower, plainly the rule.
_CAPWORD_BY_LETTER = re.compile(
    r"[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ](?<![\w'’.].)"
    r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[SMF])t\.|(?:\w|['’]+(?!s(?![\w'’]))\w)*)"
)


def test_capitalised_words_follow_the_letter_by_letter_rule() -> None:
    rnd = random.Random(3)
    pieces = ["A", "S", "M", "F", "t", "s", "a", ".", "'", "’", "''", " ", "-", "É", "Я", "я", "1", "_", "'s",
              "’s", "U.S.", "St.", "\u0301", "ß"]  # fmt: skip
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        assert [m.span() for m in _CAPWORD.finditer(text)] == [
            m.span() for m in _CAPWORD_BY_LETTER.finditer(text)
        ]
