"""Publication dates: metadata strings, and ranges inferred from the text alone."""

from __future__ import annotations

from datetime import date

import pytest

from forewarn.ingest.dates import from_metadata, infer_published, parse_date_string


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-05", date(2022, 3, 5)),
        ("2022-03-05T14:00:00+02:00", date(2022, 3, 5)),
        ("March 5, 2022", date(2022, 3, 5)),
        ("Sat, 5 Mar 2022 10:00:00 GMT", date(2022, 3, 5)),
        ("5th of March 2022", date(2022, 3, 5)),
        ("", None),
        ("no date here", None),
    ],
)
def test_ingest_dates_parse_metadata_string(value: str, expected: date | None) -> None:
    assert parse_date_string(value) == expected


def test_ingest_dates_metadata_is_exact() -> None:
    published = from_metadata("2021-11-30", "test")
    assert published is not None
    assert published.value == published.earliest == published.latest == date(2021, 11, 30)
    assert published.method == "metadata"
    assert from_metadata(None, "test") is None


def test_ingest_dates_nothing_to_go_on_is_unknown_not_today() -> None:
    published = infer_published("Troops moved north. Officials said little about their plans.")
    assert published.method == "unknown" and published.value is None and not published.known


def test_ingest_dates_latest_explicit_date_is_the_floor() -> None:
    published = infer_published("The talks began on 3 May 2021 and resumed on June 9, 2021 in Geneva.")
    assert published.earliest == date(2021, 6, 9)
    assert published.latest is not None and published.latest > published.earliest
    assert published.value == date(2021, 6, 9)  # no later evidence: news reports recent events


def test_ingest_dates_past_month_moves_the_floor() -> None:
    text = "The war began on February 24, 2022. In August, the army recaptured two towns, officials said."
    published = infer_published(text)
    assert published.earliest == date(2022, 8, 1)


def test_ingest_dates_future_month_is_the_ceiling() -> None:
    text = "The summit was held on March 2, 2023. A second round could take place as early as June."
    published = infer_published(text)
    assert published.earliest == date(2023, 3, 2) and published.latest == date(2023, 5, 31)
    assert published.earliest < published.value < published.latest  # type: ignore[operator]


def test_ingest_dates_future_full_date_is_not_the_anchor() -> None:
    text = "The deal was signed on January 5, 2020. Elections will be held on October 4, 2020."
    published = infer_published(text)
    assert published.earliest == date(2020, 1, 5) and published.latest == date(2020, 10, 3)


def test_ingest_dates_quoted_future_is_not_past() -> None:
    text = "Fighting began on May 1, 2019. “We expect an attack in September, maybe later,” the general said."
    published = infer_published(text)
    assert published.earliest == date(2019, 5, 1) and published.latest == date(2019, 8, 31)


def test_ingest_dates_bare_month_written_with_its_year_elsewhere_stays_there() -> None:
    text = (
        "In January 2022, Russian units arrived in Belarus. The invasion began on February 24, 2022. "
        "In January, troops had moved closer to the border, satellite images showed."
    )
    published = infer_published(text)
    assert published.earliest == date(2022, 2, 24)


def test_ingest_dates_last_month_is_past_even_after_a_plan() -> None:
    text = "The accord was signed on May 4, 2021. The plan last September was dropped, officials said."
    published = infer_published(text)
    assert published.earliest == date(2021, 9, 1)
