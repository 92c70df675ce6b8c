"""Time expressions of conflict reporting: daily assessments, ministry statements, wire reports."""

from __future__ import annotations

from datetime import date

import pytest

from forewarn.analyze.times import find_times

DCT = date(2022, 3, 20)


def _only(text: str, dct: date = DCT) -> tuple[str, str, str, str, str, str]:
    found = find_times(text, dct)
    assert len(found) == 1, found
    t = found[0]
    return t.text, t.type, t.value, t.mod, str(t.interval[0]), str(t.interval[1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian forces made no advances as of noon local time on March 19.",
            ("noon local time on March 19", "TIME", "2022-03-19T12:00", "", "2022-03-19", "2022-03-19"),
        ),
        (
            "The General Staff reported at 6:00 a.m. Kyiv time that the column had stopped.",
            ("6:00 a.m. Kyiv time", "TIME", "2022-03-20T06:00", "", "2022-03-20", "2022-03-20"),
        ),
        (
            "Missiles struck Lviv at 5 am Moscow time on March 18.",
            ("5 am Moscow time on March 18", "TIME", "2022-03-18T05:00", "", "2022-03-18", "2022-03-18"),
        ),
        (
            "The ministry said the assault failed as of 4:00 pm ET on March 17.",
            ("4:00 pm ET on March 17", "TIME", "2022-03-17T16:00", "", "2022-03-17", "2022-03-17"),
        ),
        (
            "Shelling of Kharkiv continued overnight on March 17-18.",
            ("March 17-18", "DATE", "2022-03-17", "", "2022-03-17", "2022-03-18"),
        ),
        (
            "Russian troops attempted to storm the town on 12–13 March.",
            ("12–13 March", "DATE", "2022-03-12", "", "2022-03-12", "2022-03-13"),
        ),
        (
            "Fighting around the plant lasted from February 27-March 4.",
            ("February 27-March 4", "DATE", "2022-02-27", "", "2022-02-27", "2022-03-04"),
        ),
        (
            "The city will likely fall in the next 48-72 hours.",
            ("the next 48-72 hours", "DURATION", "PT72H", "", "2022-03-20", "2022-03-23"),
        ),
        (
            "Air defences intercepted 14 drones in the past 24 hours.",
            ("the past 24 hours", "DURATION", "PT24H", "", "2022-03-19", "2022-03-20"),
        ),
        (
            "Ukrainian forces counterattacked near Makariv late on March 16.",
            ("late on March 16", "DATE", "2022-03-16", "END", "2022-03-16", "2022-03-16"),
        ),
        (
            "The Kremlin wants a victory ahead of the May 9 Victory Day parade.",
            ("May 9 Victory Day", "DATE", "2022-05-09", "", "2022-05-09", "2022-05-09"),
        ),
        (
            "Reservists may be called up with the autumn conscription cycle.",
            ("autumn", "DATE", "2022-FA", "", "2022-09-01", "2022-11-30"),
        ),
        (
            "Casualties were heaviest in the first weeks of the war.",
            ("the first weeks of the war", "DATE", "XXXX-WXX", "", "None", "None"),
        ),
    ],
)
def test_conflict_expressions(text: str, expected: tuple[str, ...]) -> None:
    assert _only(text) == expected


def test_dates_inside_citation_links_are_not_times() -> None:
    text = (
        "[4] https://t.me/rybar/2022/03/18; https://tass dot ru/politika/14108745?utm=March-18 "
        "https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-march-18"
    )
    assert find_times(text, DCT) == ()


def test_a_day_range_that_runs_backwards_keeps_the_first_day() -> None:
    assert _only("The talks were held on March 9-3.")[4:] == ("2022-03-09", "2022-03-09")


def test_a_range_of_days_before_the_month() -> None:
    assert _only("Shelling resumed on 18-19 March.") == (
        "18-19 March", "DATE", "2022-03-18", "", "2022-03-18", "2022-03-19",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # an act "on" a day months away, in the past tense: the day before the report
        ("Russian forces attacked Kherson on 12 March.", date(2022, 12, 20), "2022-03-12"),
        ("The talks were held on March 12.", date(2022, 12, 20), "2022-03-12"),
        # and in the future tense: the day after it
        ("The vote will take place on March 12.", date(2022, 8, 20), "2023-03-12"),
        # a schedule or deadline reported in the past tense stays the nearest day
        ("Officials said the elections will be held on 12 March.", date(2022, 12, 20), "2023-03-12"),
        ("The offer was extended to Feb. 10.", date(2022, 12, 20), "2023-02-10"),
        ("The company said it would pay on Jan. 14.", date(2022, 12, 20), "2023-01-14"),
        # a day a few weeks off stays the nearest whatever the tense
        ("The ministry said on Jan. 5 that talks failed.", date(2022, 12, 20), "2023-01-05"),
    ],
)
def test_a_day_without_a_year_follows_the_tense_of_an_act_on_it(text: str, dct: date, value: str) -> None:
    assert _only(text, dct)[2] == value
