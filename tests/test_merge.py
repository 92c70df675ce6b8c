"""Merging event mentions across sources and batches (pure logic)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from forewarn.analyze.merge import Mention, MergeOptions, km_between, mentions_of, merge
from forewarn.model import Actor, Analysis, Event, Place, Span, TimeExpr

HOSTOMEL = (50.58, 30.21)
BUCHA = (50.55, 30.23)
KHARKIV = (49.99, 36.23)


def _mention(doc: str, source: str, day: int, **fields: object) -> Mention:
    base = Mention(
        document_id=doc,
        source=source,
        reported=date(2022, 2, day),
        type="ASSAULT",
        mode="aerial",
        modality="asserted",
        sentence_start=0,
        sentence_end=80,
        trigger_start=10,
        trigger_end=22,
        actor_codes=("RUSMIL",),
        place="Hostomel",
        lat=HOSTOMEL[0],
        lon=HOSTOMEL[1],
        start=date(2022, 2, 24),
        end=date(2022, 2, 24),
        words=frozenset(
            ["russian", "paratroopers", "assaulted", "the", "antonov", "airport", "at", "hostomel"]
        ),
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def test_merge_same_event_from_three_documents_in_two_batches() -> None:
    first = merge([], [_mention("a", "kyiv-independent", 24), _mention("b", "reuters", 24)])
    assert len(first) == 1
    later = merge(first, [_mention("c", "bbc", 26, lat=BUCHA[0], lon=BUCHA[1])])
    assert len(later) == 1
    event = later[0]
    assert event.mention_count == 3
    assert event.sources == ("bbc", "kyiv-independent", "reuters")
    assert event.first_report == date(2022, 2, 24)
    assert event.last_report == date(2022, 2, 26)
    assert event.id == first[0].id
    assert [m.document_id for m in event.mentions] == ["a", "b", "c"]


def test_merge_explains_why_mentions_were_joined() -> None:
    (event,) = merge(
        [],
        [
            _mention("a", "x", 24, recipient_codes=("UKRMIL",)),
            _mention("b", "y", 25, recipient_codes=("UKRMIL",)),
        ],
    )
    (reasons,) = [link.reasons for link in event.links if link.reasons]
    text = " | ".join(reasons)
    assert "same type ASSAULT/aerial" in text
    assert "actor codes overlap: RUSMIL" in text
    assert "km apart" in text
    assert "time intervals overlap" in text
    assert "text similarity" in text
    assert "recipient codes overlap: UKRMIL" in text
    assert event.explanation and event.explanation[0].startswith("b: ")


def test_merge_keeps_different_events_apart() -> None:
    events = merge(
        [],
        [
            _mention("a", "x", 24),
            _mention("b", "y", 24, lat=KHARKIV[0], lon=KHARKIV[1], place="Kharkiv"),  # too far
            _mention("c", "z", 24, type="MOBILIZE", mode="troops"),  # other type
            _mention("d", "w", 24, start=date(2022, 3, 20), end=date(2022, 3, 21)),  # other time
            _mention("e", "v", 24, actor_codes=("UKRMIL",)),  # other actor
            _mention("f", "u", 24, modality="forecast"),  # a forecast is not the attack
        ],
    )
    assert len(events) == 6
    assert all(e.mention_count == 1 for e in events)


def test_merge_actor_named_at_another_level_is_compatible() -> None:
    (event,) = merge([], [_mention("a", "x", 24), _mention("b", "y", 24, actor_codes=("RUS",))])
    assert event.mention_count == 2
    assert "actor countries overlap: RUS" in event.explanation[0]


def test_merge_is_idempotent_for_mentions_already_merged() -> None:
    once = merge([], [_mention("a", "x", 24), _mention("b", "y", 24)])
    twice = merge(once, [_mention("a", "x", 24)])
    assert twice == once


def test_merge_needs_enough_evidence_beyond_the_type() -> None:
    sparse = dict(actor_codes=(), place="", lat=None, lon=None, start=None, end=None, words=frozenset())
    events = merge([], [_mention("a", "x", 1, **sparse), _mention("b", "y", 20, **sparse)], MergeOptions())
    assert len(events) == 2


def test_merge_mentions_of_an_analysis_resolve_codes_places_times() -> None:
    text = "Russian troops attacked Hostomel airport on 24 February."
    event = Event(
        "ASSAULT", "", ("military",), "asserted", (Span(0, 14),), (), Span(24, 32), Span(44, 55),
        Span(15, 23), Span(0, len(text)), "190", "Armed clash", 0.8,
    )  # fmt: skip
    analysis = Analysis(
        "doc1", text, date(2022, 2, 25),
        actors=(Actor(0, 14, "Russian troops", "Russian troops", "force", "RUSMIL", "RUS", "MIL", ""),),
        places=(Place(24, 32, "Hostomel", "Hostomel", 1, 50.58, 30.21, "UA", "13", "city", 0.9),),
        times=(TimeExpr(44, 55, "24 February", "DATE", "2022-02-24", "", (date(2022, 2, 24), date(2022, 2, 24))),),
        events=(event,),
    )  # fmt: skip
    (mention,) = mentions_of(analysis, "feed")
    assert mention.actor_codes == ("RUSMIL",)
    assert (mention.place, mention.start) == ("Hostomel", date(2022, 2, 24))
    assert "hostomel" in mention.words


def test_merge_distance() -> None:
    assert 2 < km_between(*HOSTOMEL, *BUCHA) < 6
    assert km_between(*HOSTOMEL, *KHARKIV) > 400
