"""Toponym candidates: a finder that remembers runs across texts finds what a fresh one finds."""

from __future__ import annotations

from forewarn.analyze.geo_candidates import NameFinder, capitalised_words
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
