"""Toponym candidates: runs of capitalised words, and a finder that remembers them across texts."""

from __future__ import annotations

import random

from forewarn.analyze.geo_candidates import _CAPWORD, _GAP, _RUN, NameFinder
from forewarn.knowledge.gazetteer import load_gazetteer, load_lexicon

TEXTS = [
    "Russian forces shelled Donetsk Oblast and Kyiv's outskirts. In Kharkiv Oblast, fighting went on.",
    "The Donetsk Oblast administration said Kyiv. Kyiv's mayor met George Barros in New York City.",
    "BEIRUT (Reuters) - Lebanon's U.S.-backed army said Mount Sinjar and Bosnia and Herzegovina, too.",
    "Washington Post reporters in Washington, D.C., said Washington. New York City's Mayor spoke.",
    "South Africans and North Korean officials met Syrians, Ukrainians and Central American envoys.",
]


def _runs_of_words(text: str) -> list[tuple[int, int]]:
    """Runs as capitalised words joined when only a gap stands between them: what `_RUN` must find."""
    runs: list[tuple[int, int]] = []
    for m in _CAPWORD.finditer(text):
        if runs and _GAP.fullmatch(text, runs[-1][1], m.start()):
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append(m.span())
    return runs


def test_run_regex_joins_words_as_gaps_do() -> None:
    rnd = random.Random(5)
    pieces = ["A", "S", "M", "t", "s", "a", ".", "'", "’", " ", "\t", "\u00a0", "-", " - ", "of ", "de-",
              "and ", "É", "Я", "я", "1", ",", "'s", "’s ", "U.S.", "St.", "\n", "la "]  # fmt: skip
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(20_000)]
    for text in TEXTS + texts:
        assert [m.span() for m in _RUN.finditer(text)] == _runs_of_words(text), text


def test_name_finder_remembers_runs_without_changing_what_it_finds() -> None:
    gaz, starts = load_gazetteer(), load_lexicon().demonym_starts
    shared = NameFinder(gaz, starts)
    for _ in range(2):  # the second round finds every run in the memo
        for text in TEXTS:
            assert shared.scan(text) == NameFinder(gaz, starts).scan(text)
    demonym_words = shared.scan(TEXTS[4])[1]
    assert [TEXTS[4][s:e] for s, e in demonym_words] == [
        "South",
        "North",
        "Syrians",
        "Ukrainians",
        "Central",
        "American",
    ]
