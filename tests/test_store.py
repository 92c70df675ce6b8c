"""The store, run against SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from forewarn.errors import NotFound, StoreError
from forewarn.model import (
    Actor,
    Analysis,
    Document,
    Event,
    Forecast,
    Place,
    PublishedDate,
    Quote,
    Span,
    TimeExpr,
)
from forewarn.store import Store, open_store
from forewarn.store import schema as s
from forewarn.store.engine import include_name, temporary_schema
from forewarn.store.search import search_filter

PG_URL = os.environ.get("FOREWARN_TEST_POSTGRES_URL", "")

TEXT = (
    "Kyiv, December 20. Russian forces massed near Mazyr in Belarus, Ukraine's army said. "
    "“They may attack at the end of February, maybe later,” said Major General Andrii Kovalchuk."
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[str]:
    """A fresh, empty store URL: a SQLite file, or a new PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/store.db"
        return
    if not PG_URL:
        pytest.skip("no PostgreSQL server configured: set FOREWARN_TEST_POSTGRES_URL (.ci/run does)")
    with temporary_schema(PG_URL, "forewarn_test") as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


def make_doc(text: str = TEXT, **fields: object) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    values: dict[str, object] = {"title": "Offensive from Belarus", "source": "corpus/a.txt"}
    values.update(fields)
    return Document(id=digest[:16], text=text, content_hash=digest, **values)  # type: ignore[arg-type]


def full_analysis(doc: Document, version: str = "1:test") -> Analysis:
    """One of every record type, with every optional field both set and unset."""
    t = doc.text
    span = lambda word: Span(t.index(word), t.index(word) + len(word))  # noqa: E731
    when = span("the end of February")
    speaker = span("Major General Andrii Kovalchuk")
    quote = span("They may attack at the end of February, maybe later,")
    return Analysis(
        id=doc.id,
        text=t,
        published=date(2022, 12, 20),
        sentences=(Span(0, 84), Span(85, len(t))),
        places=(
            Place(
                *(span("Mazyr").start, span("Mazyr").end),
                "Mazyr",
                "Mazyr",
                625665,
                52.05,
                29.24,
                "BY",
                "Homyel",
                "city",
                0.875,
            ),
            Place(
                *(span("Belarus").start, span("Belarus").end),
                "Belarus",
                "Belarus",
                None,
                None,
                None,
                "BY",
                "",
                "country",
                1.0,
            ),
        ),
        actors=(
            Actor(
                *(speaker.start, speaker.end),
                "Major General Andrii Kovalchuk",
                "Andrii Kovalchuk",
                "person",
                "UKRMIL",
                "UKR",
                "MIL",
                "commander",
            ),
            Actor(
                *(span("Russian forces").start, span("Russian forces").end),
                "Russian forces",
                "Russian forces",
                "force",
                "RUSMIL",
                "RUS",
                "MIL",
                "",
            ),
        ),
        times=(
            TimeExpr(
                when.start,
                when.end,
                "the end of February",
                "DATE",
                "2023-02",
                "END",
                (date(2023, 2, 20), date(2023, 2, 28)),
            ),
            TimeExpr(
                span("December 20").start,
                span("December 20").end,
                "December 20",
                "DATE",
                "2022-12-20",
                "",
                (date(2022, 12, 20), None),
            ),
        ),
        quotes=(
            Quote(
                speaker,
                "Andrii Kovalchuk",
                span("said Major"),
                quote,
                True,
                Forecast("Andrii Kovalchuk", quote, when, "maybe later"),
            ),
            Quote(
                None,
                "Ukraine's army",
                span("said"),
                span("Russian forces massed near Mazyr in Belarus"),
                False,
            ),
        ),
        events=(
            Event(
                "MOBILIZE",
                "troops",
                ("military",),
                "reported",
                (span("Russian forces"),),
                (),
                span("Mazyr"),
                None,
                span("massed"),
                Span(0, 84),
                "15",
                None,
                0.5,
                indicators=("rail_transfer",),
            ),
            Event(
                "ATTACK",
                "",
                (),
                "forecast",
                (),
                (span("Russian forces"),),
                None,
                when,
                span("attack"),
                Span(85, len(t)),
                "19",
                "Attack",
                0.33,
            ),
        ),
        pipeline_version=version,
    )


def test_store_round_trips_every_record_type(store: Store) -> None:
    doc = make_doc()
    store.add_document(doc, b"<raw>")
    analysis = full_analysis(doc)
    store.save_analysis(analysis)
    assert store.load_analysis(doc.id) == analysis
    assert store.load_analysis(doc.id, version="1:test") == analysis
    assert store.get_document(doc.id).document == doc
    assert store.get_raw(doc.id) == b"<raw>"


def test_store_reads_records_written_before_a_field_was_added(store: Store) -> None:
    doc = make_doc()
    store.add_document(doc)
    analysis = full_analysis(doc)
    aid = store.save_analysis(analysis)
    with store.engine.begin() as conn:
        record = conn.execute(select(s.analyses.c.record)).scalar_one()
        for event in record["events"]:
            del event["indicators"]  # as an older forewarn wrote it
        conn.execute(s.analyses.update().where(s.analyses.c.id == aid).values(record=record))
    events = tuple(replace(e, indicators=()) for e in analysis.events)
    assert store.load_analysis(doc.id) == replace(analysis, events=events)


def test_store_derived_rows_carry_provenance_and_query_columns(store: Store) -> None:
    doc = make_doc()
    store.add_document(doc)
    aid = store.save_analysis(full_analysis(doc))
    with store.engine.connect() as conn:
        places = conn.execute(select(s.places).order_by(s.places.c.ordinal)).all()
        events = conn.execute(select(s.events).order_by(s.events.c.ordinal)).all()
        quotes = conn.execute(select(s.quotes)).all()
    assert {(p.document_id, p.analysis_id, p.pipeline_version) for p in places} == {(doc.id, aid, "1:test")}
    assert doc.text[places[0].start : places[0].end] == "Mazyr" and places[0].lat == 52.05
    assert doc.text[events[0].start : events[0].end] == "massed"
    assert (events[0].date_start, events[1].date_start, events[1].date_end) == (
        date(2022, 12, 20),
        date(2023, 2, 20),
        date(2023, 2, 28),
    )
    assert sorted(q.forecast_hedge or "" for q in quotes) == ["", "maybe later"]
    assert store.count_rows()["actors"] == 2
    assert store.top_values("places", "country") == [("BY", 2)]


def test_store_resaving_an_analysis_replaces_it(store: Store) -> None:
    doc = make_doc()
    store.add_document(doc)
    first = full_analysis(doc)
    store.save_analysis(first)
    second = replace(first, places=first.places[:1])
    store.save_analysis(second)
    assert store.load_analysis(doc.id) == second
    assert store.count_rows()["places"] == 1 and store.count_rows()["analyses"] == 1


def test_store_add_document_is_idempotent_by_content_hash(store: Store) -> None:
    doc = make_doc()
    assert store.add_document(doc).status == "new"
    again = store.add_document(replace(doc, source="elsewhere/copy.txt"))
    assert (again.status, again.duplicate_of) == ("duplicate", doc.id)
    assert store.count_documents() == 1
    assert store.count_rows()["sources"] == 2


def test_store_refuses_an_id_reused_for_other_content(store: Store) -> None:
    store.add_document(make_doc())
    other = make_doc("Something else entirely.")
    with pytest.raises(StoreError, match="different content"):
        store.add_document(replace(other, id=make_doc().id))


def test_store_links_near_duplicates_and_skips_them_for_analysis(store: Store) -> None:
    first, near = make_doc(), make_doc(TEXT + " Updated.")
    store.add_document(first, signature=b"sig-1")
    result = store.add_document(near, near_duplicate_of=first.id, signature=b"sig-2")
    assert (result.status, result.duplicate_of) == ("near-duplicate", first.id)
    assert store.get_document(near.id).duplicate_of == first.id
    assert [d.id for d in store.documents_needing_analysis("1:test")] == [first.id]
    assert list(store.near_duplicate_signatures()) == [(first.id, b"sig-1")]
    store.save_analysis(full_analysis(first))
    assert list(store.documents_needing_analysis("1:test")) == []
    assert [d.id for d in store.documents_needing_analysis("2:next")] == [first.id]


def test_store_transaction_rolls_back_the_document_with_its_rows(store: Store) -> None:
    doc = make_doc()
    with pytest.raises(RuntimeError), store.transaction():
        store.add_document(doc)
        store.save_analysis(full_analysis(doc))
        raise RuntimeError("killed half-way")
    assert store.count_rows() == dict.fromkeys(store.count_rows(), 0)


@pytest.mark.parametrize(
    ("query", "hits"), [("belarus", 1), ("Kovalchuk offensive", 1), ("Mazyr Paris", 0), ("", 2)]
)
def test_store_search_over_title_and_text(store: Store, query: str, hits: int) -> None:
    store.add_document(make_doc())
    store.add_document(make_doc("Weather in Paris was mild.", title="Weather"))
    assert store.count_documents(search=query) == hits
    assert len(store.list_documents(search=query)) == hits


def test_store_search_falls_back_to_like(store: Store) -> None:
    store.add_document(make_doc())
    with store.engine.connect() as conn:
        found = conn.execute(select(s.documents.c.id).where(search_filter("MAZYR 50%_", fts=False))).all()
        assert found == []
        found = conn.execute(select(s.documents.c.id).where(search_filter("MAZYR belar", fts=False))).all()
    assert [row.id for row in found] == [make_doc().id]


def test_store_as_of_sees_the_store_as_it_was(store: Store) -> None:
    first = make_doc()
    store.add_document(first)
    store.save_analysis(full_analysis(first, "1:old"))
    time.sleep(0.01)
    moment = datetime.now().astimezone()
    time.sleep(0.01)
    later = make_doc("A later report.")
    store.add_document(later)
    store.save_analysis(full_analysis(first, "2:new"))
    assert [d.document.id for d in store.list_documents(as_of=moment)] == [first.id]
    assert store.count_documents(as_of=moment) == 1 and store.count_documents() == 2
    assert store.load_analysis(first.id, as_of=moment).pipeline_version == "1:old"
    assert store.load_analysis(first.id).pipeline_version == "2:new"
    with pytest.raises(NotFound):
        store.get_document(later.id, as_of=moment)


def test_store_get_document_by_prefix_and_not_found(store: Store) -> None:
    doc = make_doc()
    store.add_document(doc)
    assert store.get_document(doc.id[:6]).document.id == doc.id
    with pytest.raises(NotFound, match="no such document"):
        store.get_document("ffff-missing")
    with pytest.raises(NotFound, match="no analysis"):
        store.load_analysis(doc.id)


def test_store_published_date_keeps_method_and_evidence(store: Store) -> None:
    published = PublishedDate(
        None, date(2022, 12, 1), date(2022, 12, 31), "inferred", "“this month” after October"
    )
    doc = make_doc(published=published)
    store.add_document(doc)
    assert store.get_document(doc.id).document.published == published


def test_store_migrations_match_the_schema(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_name": include_name}), s.metadata
        )
    assert diff == []


def test_store_reopens_without_migrating_again(store_url: str) -> None:
    open_store(store_url).add_document(make_doc())
    assert open_store(store_url).count_documents() == 1


def test_store_sqlite_runs_wal_with_foreign_keys(tmp_path: object) -> None:
    store = open_store(f"sqlite:///{tmp_path}/wal.db")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


def test_store_bare_path_is_a_sqlite_file(tmp_path: object) -> None:
    store = open_store(f"{tmp_path}/bare.db")
    assert store.engine.dialect.name == "sqlite"


@pytest.mark.parametrize("url", ["nosuchdb://x/y", "sqlite:////nonexistent-dir/sub/x.db"])
def test_store_bad_url_is_a_store_error(url: str) -> None:
    with pytest.raises(StoreError):
        open_store(url)


def test_store_opens_at_the_newest_migration(store: Store) -> None:
    from forewarn.store.engine import current_revision, head_revision

    assert current_revision(store.engine) == head_revision() is not None
