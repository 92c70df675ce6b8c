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


def test_suffix_test_before_the_regex_lets_every_suffix_through() -> None:
    """`_suffix_may_follow` only spares the regex where it cannot match: every suffix, in any case,
    after any of its spaces, and the long s the regex matches as an "s"."""
    from forewarn.analyze.geo_candidates import _SUFFIX, _suffix_may_follow

    words = ["Oblast", "region", "PROVINCE", "Governorate", "district", "Raion", "state", "ſtate", "Airport",
             "airfield", "Air Base", "river", "Dam", "barrage", "said", "and", "of", "Street", "", "s"]  # fmt: skip
    for word in words:
        for space in (" ", "  ", "\t", "\u00a0", "", ","):
            text = f"Kharkiv{space}{word}"
            if _SUFFIX.match(text, 7):
                assert _suffix_may_follow(text, 7), text
    assert not _suffix_may_follow("Kharkiv said", 7) and not _suffix_may_follow("Kharkiv, Oblast", 7)
