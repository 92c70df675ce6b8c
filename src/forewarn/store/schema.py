"""The tables of the store (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Ids are strings derived from content (documents) or from (document, pipeline
version) (analyses), and derived rows are keyed by (analysis id, ordinal), so
rows from separate databases never clash when merged. Every derived row carries
its provenance: document id, analysis id, pipeline version, character offsets
into the document text, and when it was written. The migrations in
`migrations/versions/` create exactly these tables; a test checks they agree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC everywhere (SQLite has no time zones), read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def _provenance() -> list[Column[Any]]:
    """The columns every derived row carries, in front of its own."""
    return [
        Column("analysis_id", String(32), ForeignKey("analyses.id", ondelete="CASCADE"), primary_key=True),
        Column("ordinal", Integer, primary_key=True),
        Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
        Column("pipeline_version", String(200), nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("created_at", UTCDateTime, nullable=False),
    ]


sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("location", Text, nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("first_seen", UTCDateTime, nullable=False),
    Column("last_seen", UTCDateTime, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    # seq is a local surrogate: SQLite full-text search needs an integer rowid.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=True, index=True),
    Column("source", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("title", Text, nullable=False, default=""),
    Column("author", Text, nullable=False, default=""),
    Column("language", String(16), nullable=False, default=""),
    Column("text", Text, nullable=False),
    Column("raw", LargeBinary, nullable=True),
    Column("raw_path", Text, nullable=True),
    Column("published_value", Date, nullable=True, index=True),
    Column("published_earliest", Date, nullable=True),
    Column("published_latest", Date, nullable=True),
    Column("published_method", String(16), nullable=False, default="unknown"),
    Column("published_evidence", Text, nullable=False, default=""),
    Column("fetched_at", UTCDateTime, nullable=True),
    Column("near_signature", LargeBinary, nullable=True),
    Column("duplicate_of", String(64), ForeignKey("documents.id"), nullable=True, index=True),
    Column("ingested_at", UTCDateTime, nullable=False, index=True),
)

analyses = Table(
    "analyses",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("pipeline_version", String(200), nullable=False),
    Column("published", Date, nullable=True),
    Column("created_at", UTCDateTime, nullable=False, index=True),
    Column("record", JSON, nullable=False),  # the full `forewarn analyze` JSON, minus the text
    UniqueConstraint("document_id", "pipeline_version", name="uq_analyses_document_version"),
)

sentences = Table("sentences", metadata, *_provenance())

places = Table(
    "places",
    metadata,
    *_provenance(),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False, index=True),
    Column("geonameid", Integer, nullable=True),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
    Column("country", String(8), nullable=False, index=True),
    Column("admin1", Text, nullable=False),
    Column("level", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Index("ix_places_lat_lon", "lat", "lon"),
)

actors = Table(
    "actors",
    metadata,
    *_provenance(),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("code", String(32), nullable=False, index=True),
    Column("country", String(8), nullable=False, index=True),
    Column("sector", String(16), nullable=False, index=True),
    Column("role", Text, nullable=False),
)

times = Table(
    "times",
    metadata,
    *_provenance(),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64), nullable=False),
    Column("mod", String(16), nullable=False),
    Column("interval_start", Date, nullable=True),
    Column("interval_end", Date, nullable=True),
    Index("ix_times_interval", "interval_start", "interval_end"),
)

# start/end of a quote are its content span; the forecast columns are null
# when the quote states no expectation.
quotes = Table(
    "quotes",
    metadata,
    *_provenance(),
    Column("speaker", Text, nullable=False, index=True),
    Column("direct", Boolean, nullable=False),
    Column("source_start", Integer, nullable=True),
    Column("source_end", Integer, nullable=True),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("forecast_hedge", Text, nullable=True),
    Column("forecast_start", Integer, nullable=True),
    Column("forecast_end", Integer, nullable=True),
    Column("forecast_time_start", Integer, nullable=True),
    Column("forecast_time_end", Integer, nullable=True),
)

# start/end of an event are its trigger span; date_start/date_end come from
# its time expression, else the publication date, so a query can window it.
events = Table(
    "events",
    metadata,
    *_provenance(),
    Column("type", String(32), nullable=False, index=True),
    Column("mode", String(64), nullable=False),
    Column("modality", String(16), nullable=False, index=True),
    Column("cameo", String(16), nullable=False, index=True),
    Column("acled", Text, nullable=True),
    Column("confidence", Float, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("date_start", Date, nullable=True),
    Column("date_end", Date, nullable=True),
    Column("detail", JSON, nullable=False),  # actors, recipients, place, time spans and contexts
    Index("ix_events_date", "date_start", "date_end"),
)

DERIVED = (sentences, places, actors, times, quotes, events)


def utcnow() -> datetime:
    return datetime.now(UTC)
