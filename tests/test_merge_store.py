"""Merged events persisted in the store: a later batch joins the event an earlier one founded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from forewarn.analyze.merge import Mention
from forewarn.store import open_store
from forewarn.store.events_merge import load_merged_events, merge_batch
from test_store import store_url  # noqa: F401  the store fixture: SQLite, and PostgreSQL when configured


def _mention(doc: str, source: str, day: int, **fields: object) -> Mention:
    base = Mention(
        document_id=doc, source=source, reported=date(2022, 10, day), type="MOBILIZE", mode="troops",
        modality="reported", sentence_start=0, sentence_end=90, trigger_start=40, trigger_end=46,
        actor_codes=("RUSMIL",), place="Homel", lat=52.43, lon=30.98, start=date(2022, 10, 1), end=date(2022, 10, 31),
        words=frozenset(["russian", "troops", "arrive", "in", "belarus", "for", "a", "joint", "regional", "grouping"]),
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def test_merge_store_three_documents_two_batches_one_event(store_url: str) -> None:  # noqa: F811
    url = store_url
    store = open_store(url)
    first = merge_batch(store, [_mention("a", "belta", 15), _mention("b", "reuters", 16)])
    assert len(first) == 1
    second = merge_batch(
        open_store(url), [_mention("c", "kyiv-independent", 18), _mention("d", "x", 17, type="ASSAULT")]
    )
    assert {e.type for e in second} == {"MOBILIZE", "ASSAULT"}
    events = {e.type: e for e in load_merged_events(open_store(url))}
    merged = events["MOBILIZE"]
    assert merged.id == first[0].id
    assert merged.mention_count == 3
    assert merged.sources == ("belta", "kyiv-independent", "reuters")
    assert (merged.first_report, merged.last_report) == (date(2022, 10, 15), date(2022, 10, 18))
    assert [link.document_id for link in merged.links] == ["a", "b", "c"]
    assert all(link.reasons for link in merged.links[1:])
    assert events["ASSAULT"].mention_count == 1


def test_merge_store_rerunning_a_batch_changes_nothing(store_url: str) -> None:  # noqa: F811
    store = open_store(store_url)
    batch = [_mention("a", "belta", 15), _mention("b", "reuters", 16)]
    merge_batch(store, batch)
    assert merge_batch(store, batch) == ()
    (event,) = load_merged_events(store, types=["MOBILIZE"])
    assert event.mention_count == 2


REPORTS = [
    (
        "a",
        "kyiv-independent",
        24,
        "Russian paratroopers launched an air assault on Hostomel airport near Kyiv on 24 February.",
    ),
    (
        "b",
        "reuters",
        24,
        "Russian airborne troops attacked the Antonov airport in Hostomel on Thursday, 24 February.",
    ),
    (
        "c",
        "bbc",
        25,
        "On 24 February Russian VDV forces stormed the airport at Hostomel, Ukrainian officials said.",
    ),
    ("d", "bbc", 25, "Russian forces shelled Kharkiv on 24 February, the mayor said."),
]


def test_merge_store_analysed_reports_across_batches(store_url: str) -> None:  # noqa: F811
    """End to end with every stage: three outlets' reports of Hostomel are one event, Kharkiv another."""
    from forewarn.analyze.pipeline import default_pipeline
    from forewarn.model import TextInput
    from forewarn.store.events_merge import merge_analyses

    pipeline = default_pipeline()
    analysed = [
        (pipeline.analyze(TextInput(doc, text, date(2022, 2, day))), source)
        for doc, source, day, text in REPORTS
    ]
    merge_analyses(open_store(store_url), analysed[:2])
    merge_analyses(open_store(store_url), analysed[2:])
    by_place = {e.mentions[0].place: e for e in load_merged_events(open_store(store_url), types=["ASSAULT"])}
    hostomel = next(e for place, e in by_place.items() if "Hostomel" in place)
    assert hostomel.mention_count == 3
    assert hostomel.sources == ("bbc", "kyiv-independent", "reuters")
    assert "actor codes overlap: RUSMIL" in hostomel.explanation[0]
    assert sum(e.mention_count for e in by_place.values()) == 4
