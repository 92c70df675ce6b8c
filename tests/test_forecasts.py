from __future__ import annotations

from datetime import date

import pytest

from forewarn.analyze.forecasts import forecast_for, hedges_in
from forewarn.analyze.pipeline import Pipeline
from forewarn.analyze.quotes import Quotes
from forewarn.analyze.sentences import Sentences
from forewarn.model import Quote, Span, TextInput, TimeExpr


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([Sentences(), Quotes()])


def _quote(pipeline: Pipeline, text: str) -> Quote:
    quotes = pipeline.analyze(TextInput("t", text, date(2022, 12, 20))).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("The general said the offensive could begin as early as January.", ["could", "as early as"]),
        ("Officials warned that an attack from the north was likely next month.", ["likely"]),
        (
            "“We are considering a possible offensive, maybe later,” he said.",
            ["considering", "possible", "maybe later"],
        ),
        ("He said that while not imminent, an assault may come.", ["not imminent", "may"]),
    ],
)
def test_forecasts_marks_expectations_with_their_hedges(
    pipeline: Pipeline, text: str, hedges: list[str]
) -> None:
    forecast = _quote(pipeline, text).forecast
    assert forecast is not None
    assert forecast.hedge.split("; ") == hedges


@pytest.mark.parametrize(
    "text",
    [
        "She said they could not reach the town.",  # one "could" alone
        "He said the offensive began in May.",  # a month, not a hedge
        "The minister said the bridge was destroyed on Monday.",
    ],
)
def test_forecasts_leave_plain_statements_alone(pipeline: Pipeline, text: str) -> None:
    assert _quote(pipeline, text).forecast is None


def test_forecasts_time_must_lie_after_the_document_date() -> None:
    text = "He said the attack could come in January."
    content = Span(text.index("the attack"), len(text) - 1)
    quote = Quote(Span(0, 2), "He", Span(3, 7), content, False)
    january = TimeExpr(
        text.index("January"),
        text.index("January") + 7,
        "January",
        "DATE",
        "2023-01",
        "",
        (date(2023, 1, 1), date(2023, 1, 31)),
    )
    forecast = forecast_for(text, quote, (january,), date(2022, 12, 20))
    assert forecast is not None and forecast.time == Span(january.start, january.end)
    past = TimeExpr(
        january.start, january.end, "January", "DATE", "2022-01", "", (date(2022, 1, 1), date(2022, 1, 31))
    )
    assert forecast_for(text, quote, (past,), date(2022, 12, 20)) is None  # "could" alone, the time is past


def test_forecasts_hedges_are_found_in_text_order() -> None:
    assert hedges_in("not imminent, but it could begin as early as January") == [
        "not imminent",
        "could",
        "as early as",
    ]
    assert hedges_in("") == []
