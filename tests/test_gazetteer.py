"""The shipped gazetteer: compact, fast to load, and it knows the places of the domain."""

from __future__ import annotations

import time

import pytest

from forewarn.knowledge.gazetteer import GAZETTEER_FILE, Gazetteer, fold, load_gazetteer, load_lexicon


def test_gazetteer_file_is_compact() -> None:
    assert GAZETTEER_FILE.stat().st_size < 10_000_000


def test_gazetteer_loads_fast() -> None:
    load_gazetteer.cache_clear()
    start = time.perf_counter()
    gaz = load_gazetteer()
    elapsed = time.perf_counter() - start
    assert isinstance(gaz, Gazetteer) and len(gaz) > 200_000
    assert elapsed < 3.0  # ~0.6 s on a quiet machine; the bound leaves room for a busy CI


@pytest.mark.parametrize(
    ("name", "level", "country"),
    [
        ("Ukraine", "country", "UA"), ("Belarus", "country", "BY"), ("Kyiv Oblast", "admin1", "UA"),
        ("Crimea", "admin1", "UA"), ("Donbas", "region", ""), ("Hostomel Airport", "feature", "UA"),
        ("Dnipro River", "feature", "UA"), ("Europe", "region", ""),
    ],
)  # fmt: skip
def test_gazetteer_knows_domain_places(name: str, level: str, country: str) -> None:
    senses = load_gazetteer().lookup(fold(name))
    assert senses
    best = senses[0].entry
    assert best.level == level
    assert country in ("", best.country)
    assert -90 <= best.lat <= 90 and -180 <= best.lon <= 180


def test_gazetteer_countries_have_coordinates() -> None:
    for name in ("Russia", "France", "Kenya", "Brazil"):
        entry = load_gazetteer().lookup(fold(name))[0].entry
        assert entry.level == "country" and (entry.lat, entry.lon) != (0.0, 0.0)


@pytest.mark.parametrize(
    ("name", "key"),
    [("Homyel'", "homyel"), ("Kyiv-Sviatoshyn", "kyiv sviatoshyn"), ("U.S.", "us"), ("Київ", "киів")],
)
def test_gazetteer_fold(name: str, key: str) -> None:
    assert fold(name) == key


def test_gazetteer_lexicon_has_stopwords_and_given_names() -> None:
    lex = load_lexicon()
    assert "may" in lex.words and "victoria" in lex.given_names and lex.zipf["mobile"] > 3
