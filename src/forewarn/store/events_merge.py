"""Merged events in the store: one row per real-world event, one per mention, across batches.

The merging itself is pure (`forewarn.analyze.merge`); this module loads the merged events a
new batch could join, runs the merge and writes back the events that changed, inside one
store transaction. Tables live on the store's metadata, created by migration 0002.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
)
from sqlalchemy.engine import Connection

from forewarn.analyze.merge import Link, Mention, MergedEvent, MergeOptions, mentions_of, merge
from forewarn.model import Analysis
from forewarn.store.repository import Store
from forewarn.store.schema import UTCDateTime, metadata

merged_events = Table(
    "merged_events",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("type", String(16), nullable=False, index=True),
    Column("mode", String(32), nullable=False),
    Column("mention_count", Integer, nullable=False),
    Column("source_count", Integer, nullable=False),
    Column("first_report", Date, nullable=True, index=True),
    Column("last_report", Date, nullable=True, index=True),
    Column("updated_at", UTCDateTime, nullable=False),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("document_id", String(64), primary_key=True),
    Column("sentence_start", Integer, primary_key=True),
    Column("trigger_start", Integer, primary_key=True),
    Column(
        "merged_id",
        String(16),
        ForeignKey("merged_events.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("ordinal", Integer, nullable=False),  # order of joining within the merged event
    Column("sentence_end", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("source", Text, nullable=False),
    Column("reported", Date, nullable=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("actor_codes", JSON, nullable=False),
    Column("recipient_codes", JSON, nullable=False),
    Column("place", Text, nullable=False),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
    Column("start", Date, nullable=True),
    Column("end", Date, nullable=True),
    Column("words", JSON, nullable=False),
    Column("reasons", JSON, nullable=False),  # why this mention joined its event; [] for the founder
)
Index("ix_event_mentions_reported", event_mentions.c.reported)


def _mention_row(merged_id: str, ordinal: int, mention: Mention, reasons: tuple[str, ...]) -> dict[str, Any]:
    return {
        "document_id": mention.document_id,
        "sentence_start": mention.sentence_start,
        "trigger_start": mention.trigger_start,
        "merged_id": merged_id,
        "ordinal": ordinal,
        "sentence_end": mention.sentence_end,
        "trigger_end": mention.trigger_end,
        "source": mention.source,
        "reported": mention.reported,
        "type": mention.type,
        "mode": mention.mode,
        "modality": mention.modality,
        "actor_codes": list(mention.actor_codes),
        "recipient_codes": list(mention.recipient_codes),
        "place": mention.place,
        "lat": mention.lat,
        "lon": mention.lon,
        "start": mention.start,
        "end": mention.end,
        "words": sorted(mention.words),
        "reasons": list(reasons),
    }


def _mention(row: Any) -> tuple[Mention, Link]:
    mention = Mention(
        document_id=row.document_id,
        source=row.source,
        reported=row.reported,
        type=row.type,
        mode=row.mode,
        modality=row.modality,
        sentence_start=row.sentence_start,
        sentence_end=row.sentence_end,
        trigger_start=row.trigger_start,
        trigger_end=row.trigger_end,
        actor_codes=tuple(row.actor_codes),
        recipient_codes=tuple(row.recipient_codes),
        place=row.place,
        lat=row.lat,
        lon=row.lon,
        start=row.start,
        end=row.end,
        words=frozenset(row.words),
    )
    return mention, Link(row.document_id, row.trigger_start, tuple(row.reasons))


def _load(
    conn: Connection, ids: Sequence[str] | None, types: Iterable[str] | None, since: date | None
) -> list[MergedEvent]:
    query = select(merged_events)
    if ids is not None:
        query = query.where(merged_events.c.id.in_(list(ids)))
    if types is not None:
        query = query.where(merged_events.c.type.in_(sorted(set(types))))
    if since is not None:
        query = query.where((merged_events.c.last_report >= since) | merged_events.c.last_report.is_(None))
    heads = {
        row.id: row for row in conn.execute(query.order_by(merged_events.c.first_report, merged_events.c.id))
    }
    members: dict[str, list[tuple[Mention, Link]]] = {key: [] for key in heads}
    rows = conn.execute(
        select(event_mentions)
        .where(event_mentions.c.merged_id.in_(list(heads)))
        .order_by(event_mentions.c.ordinal)
    )
    for row in rows:
        members[row.merged_id].append(_mention(row))
    return [
        MergedEvent(
            key,
            head.type,
            head.mode,
            tuple(m for m, _ in members[key]),
            tuple(link for _, link in members[key]),
        )
        for key, head in heads.items()
    ]


def load_merged_events(
    store: Store, *, types: Iterable[str] | None = None, since: date | None = None
) -> tuple[MergedEvent, ...]:
    """Merged events with their mentions, optionally of some types or reported since a day."""
    with store.engine.connect() as conn:
        return tuple(_load(conn, None, types, since))


def _save(conn: Connection, events: Sequence[MergedEvent]) -> None:
    ids = [e.id for e in events]
    if not ids:
        return
    conn.execute(delete(event_mentions).where(event_mentions.c.merged_id.in_(ids)))
    conn.execute(delete(merged_events).where(merged_events.c.id.in_(ids)))
    now = datetime.now(UTC)
    conn.execute(
        insert(merged_events),
        [
            {
                "id": e.id,
                "type": e.type,
                "mode": e.mode,
                "mention_count": e.mention_count,
                "source_count": len(e.sources),
                "first_report": e.first_report,
                "last_report": e.last_report,
                "updated_at": now,
            }
            for e in events
        ],
    )
    rows = [
        _mention_row(e.id, n, m, link.reasons)
        for e in events
        for n, (m, link) in enumerate(zip(e.mentions, e.links, strict=True))
    ]
    conn.execute(insert(event_mentions), rows)


def merge_batch(
    store: Store, mentions: Sequence[Mention], options: MergeOptions | None = None, lookback_days: int = 60
) -> tuple[MergedEvent, ...]:
    """Merge a batch of mentions into the stored events; returns the events it created or grew."""
    if not mentions:
        return ()
    days = [m.reported for m in mentions if m.reported]
    since = min(days) - timedelta(days=lookback_days) if days else None
    with store.transaction() as conn:
        existing = _load(conn, None, {m.type for m in mentions}, since)
        before = {e.id: e.mention_count for e in existing}
        result = merge(existing, mentions, options)
        changed = [e for e in result if before.get(e.id) != e.mention_count]
        _save(conn, changed)
    return tuple(changed)


def merge_analyses(
    store: Store, analyses: Iterable[tuple[Analysis, str]], options: MergeOptions | None = None
) -> tuple[MergedEvent, ...]:
    """Merge the events of analysed documents, each given with its source, into the stored events."""
    return merge_batch(
        store, [m for analysis, source in analyses for m in mentions_of(analysis, source)], options
    )
