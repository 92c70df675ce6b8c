"""The re3d scorer's Location mapping: places widened to re3d's locative noun phrases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from forewarn.analyze.pipeline import Pipeline
from forewarn.model import TextInput


def locations(pipeline: Pipeline, text: str) -> set[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from eval_actors import predicted_spans

    analysis = pipeline.analyze(TextInput("t", text))
    return {text[s:e] for s, e, kind in predicted_spans(analysis) if kind == "Location"}


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Shelling hit the city of Kharkiv overnight.", "the city of Kharkiv"),
        ("Troops entered the Ukrainian town of Bucha.", "the Ukrainian town of Bucha"),
        ("Fighting continued in eastern Kharkiv on Monday.", "eastern Kharkiv"),
        ("Strikes were reported across Donetsk Province.", "Donetsk Province"),
        ("Ships crossed the Black Sea at night.", "the Black Sea"),
        ("The delegation flew to Berlin, Germany for talks.", "Berlin, Germany"),
        ("He was born in Tacoma, Washington.", "Tacoma, Washington"),
        ("Shells fell on Kupiansk, eastern Ukraine, at dawn.", "Kupiansk, eastern Ukraine"),
        ("Aid reached northern Ukraine.", "northern Ukraine"),
        ("The convoy entered Ukrainian territory.", "Ukrainian territory"),
    ],
)
def test_re3d_location_takes_the_locative_phrase(pipeline: Pipeline, text: str, location: str) -> None:
    found = locations(pipeline, text)
    assert location in found
    assert not any(other in location and other != location for other in found)


def test_re3d_country_adjective_alone_is_no_location(pipeline: Pipeline) -> None:
    assert "Ukrainian" not in locations(pipeline, "The Ukrainian economy grew.")


def test_re3d_list_of_countries_is_not_one_location(pipeline: Pipeline) -> None:
    found = locations(pipeline, "Aid went to Poland, Romania and Moldova.")
    assert not any(", " in place for place in found)


@pytest.mark.parametrize(
    "text",
    [
        "He served in the Gulf War.",
        "She teaches at Kharkiv University.",
        "They discussed UK-France co-operation.",
    ],
)
def test_re3d_place_qualifying_a_name_is_no_location(pipeline: Pipeline, text: str) -> None:
    assert not locations(pipeline, text)


def test_re3d_place_before_a_month_or_a_feature_noun_stays(pipeline: Pipeline) -> None:
    assert "Turkey" in locations(pipeline, "The envoy will travel to Turkey November 16-17.")
    assert "Tabqa Dam" in locations(pipeline, "Forces advanced to within 7 kilometers of Tabqa Dam.")


def test_re3d_location_floor(eval_dir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from eval_actors import score_re3d

    scores = score_re3d(eval_dir)
    assert scores["Location"][2] >= 0.612, scores["Location"]
    assert scores["micro"][2] >= 0.65, scores["micro"]
