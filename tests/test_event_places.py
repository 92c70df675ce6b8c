"""Where an event happened and what it was aimed at, when a movement names where it came from."""

from __future__ import annotations

from datetime import date

import pytest

from forewarn.model import Analysis, Event, Span, TextInput


def _first(analysis: Analysis, type_: str) -> Event:
    return next(e for e in analysis.events if e.type == type_)


def _text(analysis: Analysis, span: Span | None) -> str | None:
    return None if span is None else analysis.text[span.start : span.end]


@pytest.mark.parametrize(
    ("text", "type_", "place"),
    [
        # the origin, then where they went in the same clause: the event is where they went
        (
            "Russian paratroopers launched an air assault from Belarus on Hostomel airport.",
            "ASSAULT",
            "Hostomel",
        ),
        (
            "Russia deployed troops from Abkhazia and South Ossetia to Ukraine in March.",
            "MOBILIZE",
            "Ukraine",
        ),
        ("Artillery units redeployed from Melitopol towards Mariupol overnight.", "MOBILIZE", "Mariupol"),
        # only the origin is named in the clause: it is the one place the event has
        (
            "Russia could launch an offensive from Belarus, but Kyiv says the threat is low.",
            "ASSAULT",
            "Belarus",
        ),
        # a withdrawal happens where the forces leave
        ("Russian troops withdrew from Kherson to the east bank.", "RETREAT", "Kherson"),
    ],
)
def test_movement_happens_where_it_went(pipeline, text: str, type_: str, place: str) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze(TextInput("t", text, date(2022, 12, 1)))
    event = _first(analysis, type_)
    assert place in (_text(analysis, event.place) or ""), (event, analysis.places)


def test_origin_is_not_the_recipient(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ukraine is preparing for a possible offensive from Belarus at the end of February."
    analysis = pipeline.analyze(TextInput("t", text, date(2022, 12, 1)))
    event = _first(analysis, "ASSAULT")
    assert "Belarus" not in [_text(analysis, r) for r in event.recipients]
    assert _text(analysis, event.place) == "Belarus"  # still where the threat is seen from
