"""Where an event happened and what it was aimed at, when a movement names where it came from."""

from __future__ import annotations

from datetime import date

import pytest

from forewarn.analyze.event_places import place_actor
from forewarn.model import Analysis, Event, Place, Span, TextInput


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


@pytest.mark.parametrize(
    ("text", "type_", "place", "recipients"),
    [
        # a country named across a border is not where the event happened, nor whom an attack hit
        (
            "More Russian troops arrived in Belarus for a joint task force along the border with Ukraine.",
            "MOBILIZE",
            "Belarus",
            None,
        ),
        ("Russian forces shelled Kharkiv near the border with Russia.", "ASSAULT", "Kharkiv", ["Kharkiv"]),
        # the forces a MOBILIZE moves are the actor's own, not whom it is aimed at (PLOVER: the recipient
        # is whom the actor mobilises against); that side of a border is
        ("Russia massed troops on its border with Ukraine.", "MOBILIZE", None, ["Ukraine"]),
        ("Russia is deploying second echelon troops to Kherson.", "MOBILIZE", "Kherson", None),
        # "from the ... axis" is an origin as "from Kyiv" is; where the units go is the place, not whom
        # the move is aimed at
        (
            "Russia will redeploy damaged units from the Kyiv axis to eastern Ukraine.",
            "MOBILIZE",
            "eastern Ukraine",
            [],
        ),
    ],
)
def test_borders_and_own_forces(  # type: ignore[no-untyped-def]
    pipeline, text: str, type_: str, place: str | None, recipients: list[str] | None
) -> None:
    analysis = pipeline.analyze(TextInput("t", text, date(2022, 12, 1)))
    event = _first(analysis, type_)
    named = [_text(analysis, r) for r in event.recipients]
    assert not {"troops", "units", "Russia"} & set(named), event
    if place is not None:
        assert _text(analysis, event.place) == place, event
    if recipients is not None:
        assert named == recipients, event


@pytest.mark.parametrize(
    ("text", "type_", "recipients"),
    [
        # who is named in an aside after the event was not acted on
        ("Russia attacked Kharkiv, with Belarusian forces watching.", "ASSAULT", ["Kharkiv"]),
        ("Russian forces shelled the town while Ukrainian forces withdrew.", "ASSAULT", []),
        (
            "Ukraine prepared for another Russian invasion from Belarus, with the potential of"
            " Belarusian forces joining operations.",
            "ASSAULT",
            [],
        ),
        # and a plain object still is
        ("Russian forces shelled Ukrainian troops near Bakhmut.", "ASSAULT", ["Ukrainian troops"]),
    ],
)
def test_an_aside_names_no_recipient(pipeline, text: str, type_: str, recipients: list[str]) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze(TextInput("t", text, date(2022, 12, 1)))
    event = _first(analysis, type_)
    assert [_text(analysis, r) for r in event.recipients] == recipients, event


def test_no_recipient_across_the_main_verb_after_a_relative_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Andrii Kovalchuk, who led counter-offensive operations to retake Kherson, said that Russian"
        " forces could attack again."
    )
    analysis = pipeline.analyze(TextInput("t", text, date(2022, 12, 1)))
    counter = next(e for e in analysis.events if _text(analysis, e.trigger) == "counter-offensive")
    assert "Russian forces" not in [_text(analysis, r) for r in counter.recipients], counter


@pytest.mark.parametrize(
    ("text", "type_", "place"),
    [
        # a country that acts or is a party, not where: no place beats a wrong one
        ("Belarus and Russia are setting the stage for another assault from the north.", "ASSAULT", None),
        (
            "If Russia was able to establish a bridge, Russian forces could have captured the capital.",
            "ASSAULT",
            None,
        ),
        (
            "Despite asserting that Ukraine is ready, Kovalchuk stressed the need for weapons.",
            "REQUEST",
            None,
        ),
        # a country after a locative word, or only qualifying a speaker, is still where
        ("In Ukraine, Russian forces shelled the town.", "ASSAULT", "Ukraine"),
        ("Russian forces in southern Ukraine shelled the town.", "ASSAULT", "southern Ukraine"),
        # a verb between "to" and the country: the country is a party ("continue to assess Russia launched")
        ("Analysts continue to assess Russia launched an offensive.", "ASSAULT", None),
        ("The Belarus Ministry of Defense said Russian troops would be deployed.", "MOBILIZE", "Belarus"),
    ],
)
def test_party_country_is_not_the_place(pipeline, text: str, type_: str, place: str | None) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze(TextInput("t", text, date(2022, 12, 1)))
    event = _first(analysis, type_)
    assert _text(analysis, event.place) == place, (event, analysis.places)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Russian forces conducted several limited attacks northwest of Kyiv on March 14.", "Kyiv"),
        ("Ukrainian forces conducted counterattacks 40 kilometers east-northeast of Kharkiv.", "Kharkiv"),
    ],
)
def test_a_bearing_from_a_place_locates_but_does_not_target(pipeline, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze(TextInput("t", text, date(2022, 12, 1)))
    event = _first(analysis, "ASSAULT")
    assert _text(analysis, event.place) == place  # near it: still where on the map
    assert place not in [_text(analysis, r) for r in event.recipients]  # but not what was attacked


@pytest.mark.parametrize("opening", ["", "- ", "• ", "\n"])
def test_a_country_opening_a_bullet_acts(opening: str) -> None:
    """A country that opens its clause acts for its government, after a list's bullet too."""
    text = opening + "Russia will likely conduct additional missile strikes."
    start = len(opening)
    russia = Place(start, start + 6, "Russia", "Russia", None, None, None, "RU", "", "country", 1.0)
    at = text.index("missile strikes")
    trigger = Span(at, at + len("missile strikes"))
    assert place_actor([russia], text, trigger, 0) == (Span(start, start + 6),)
