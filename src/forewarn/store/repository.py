"""The one repository interface over the store, the same for SQLite and PostgreSQL.

Writes are transactional: `add_document`, `save_analysis` (and both together
inside `with store.transaction():`) either land completely or not at all.
Listing and reading take `as_of` to see the store as it was at that moment.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Connection, Engine, Select, bindparam, delete, exists, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from forewarn.errors import NotFound, StoreError
from forewarn.model import Analysis, Document, PublishedDate
from forewarn.store import schema as s
from forewarn.store.codec import analysis_from_record, analysis_to_record, derived_rows
from forewarn.store.engine import make_engine, migrate, writer
from forewarn.store.search import has_fts, search_filter

AddStatus = Literal["new", "duplicate", "near-duplicate"]
BATCH = 500  # rows per round trip when streaming large results


@dataclass(frozen=True)
class AddResult:
    document_id: str
    status: AddStatus
    duplicate_of: str | None = None


@dataclass(frozen=True)
class StoredDocument:
    """A document as the store holds it: the record plus where and when it was stored."""

    document: Document
    ingested_at: datetime
    duplicate_of: str | None
    raw_path: str | None


def kind_of(location: str) -> str:
    lowered = location.lower()
    if lowered.startswith(("http://", "https://")):
        return "url"
    if lowered.split(":")[0].endswith((".jsonl", ".json")):
        return "jsonl"
    return "file"


def analysis_id(document_id: str, version: str) -> str:
    return hashlib.sha256(f"{document_id}\n{version}".encode()).hexdigest()[:32]


def _document(row: Any) -> StoredDocument:
    published = PublishedDate(
        row.published_value,
        row.published_earliest,
        row.published_latest,
        row.published_method,
        row.published_evidence,
    )
    doc = Document(
        id=row.id,
        text=row.text,
        content_hash=row.content_hash,
        title=row.title,
        author=row.author,
        url=row.url,
        source=row.source,
        language=row.language,
        published=published,
        fetched_at=row.fetched_at,
    )
    return StoredDocument(doc, row.ingested_at, row.duplicate_of, row.raw_path)


def _document_values(
    doc: Document, raw: bytes | None, now: datetime, source_id: int | None
) -> dict[str, Any]:
    p = doc.published
    return {
        "id": doc.id,
        "content_hash": doc.content_hash,
        "source_id": source_id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "author": doc.author,
        "language": doc.language,
        "text": doc.text,
        "raw": raw,
        "raw_path": None if raw is not None or not doc.source or "://" in doc.source else doc.source,
        "published_value": p.value,
        "published_earliest": p.earliest,
        "published_latest": p.latest,
        "published_method": p.method,
        "published_evidence": p.evidence,
        "fetched_at": doc.fetched_at,
        "ingested_at": now,
    }


# Statements built once; values always travel as parameters so SQLAlchemy's
# statement cache hits (values inside a statement would be hashed into its key).
_TOUCH_SOURCE = update(s.sources).where(s.sources.c.id == bindparam("found"))
_DOC_COLUMNS = [c for c in s.documents.c if c.name not in ("raw", "near_signature")]


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = writer(engine)
        self._tx: Connection | None = None
        self._fts = has_fts(engine)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction; store calls made inside it join it."""
        if self._tx is not None:
            yield self._tx
            return
        try:
            with self._writer.begin() as conn:
                self._tx = conn
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"write failed: {exc.__class__.__name__}: {exc}", where=self.url) from exc
        finally:
            self._tx = None

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        if self._tx is not None:
            yield self._tx
            return
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"read failed: {exc.__class__.__name__}: {exc}", where=self.url) from exc

    # -- documents ----------------------------------------------------------

    def _touch_source(self, conn: Connection, location: str, now: datetime, kind: str | None) -> int | None:
        if not location:
            return None
        found = conn.execute(select(s.sources.c.id).where(s.sources.c.location == location)).scalar()
        if found is not None:
            conn.execute(_TOUCH_SOURCE, {"found": found, "last_seen": now})
            return int(found)
        values = {
            "location": location,
            "kind": kind or kind_of(location),
            "first_seen": now,
            "last_seen": now,
        }
        key = conn.execute(insert(s.sources), values).inserted_primary_key
        return int(key[0]) if key else None

    def find_by_hash(self, content_hash: str) -> str | None:
        with self._reading() as conn:
            found = conn.execute(select(s.documents.c.id).where(s.documents.c.content_hash == content_hash))
            return found.scalar()

    def add_document(
        self,
        doc: Document,
        raw: bytes | None = None,
        *,
        near_duplicate_of: str | None = None,
        signature: bytes | None = None,
        source_kind: str | None = None,
    ) -> AddResult:
        """Store `doc` unless its content is there already (then it is a duplicate of that).

        `source_kind` labels a new `doc.source` ("feed"); by default it is told from the location.
        """
        now = s.utcnow()
        with self.transaction() as conn:
            source_id = self._touch_source(conn, doc.source, now, source_kind)
            existing = conn.execute(
                select(s.documents.c.id, s.documents.c.content_hash).where(
                    (s.documents.c.content_hash == doc.content_hash) | (s.documents.c.id == doc.id)
                )
            ).first()
            if existing is not None:
                if existing.content_hash != doc.content_hash:
                    raise StoreError(
                        "another document with different content already has this id", where=doc.id
                    )
                return AddResult(existing.id, "duplicate", existing.id)
            values = _document_values(doc, raw, now, source_id)
            values.update(near_signature=signature, duplicate_of=near_duplicate_of)
            if conn.dialect.name == "sqlite":  # BEGIN IMMEDIATE: no other writer since the check above
                conn.execute(insert(s.documents), values)
            else:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(s.documents), values)
                except IntegrityError:  # stored meanwhile by a concurrent writer
                    return AddResult(doc.id, "duplicate", doc.id)
        if near_duplicate_of is not None:
            return AddResult(doc.id, "near-duplicate", near_duplicate_of)
        return AddResult(doc.id, "new")

    def get_document(self, document_id: str, as_of: datetime | None = None) -> StoredDocument:
        """By full id, or by an unambiguous prefix of at least 4 characters."""
        query = self._documents_query(as_of)
        with self._reading() as conn:
            row = conn.execute(query.where(s.documents.c.id == document_id)).first()
            if row is None and len(document_id) >= 4:
                escaped = document_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                rows = conn.execute(
                    query.where(s.documents.c.id.like(escaped + "%", escape="\\")).limit(2)
                ).all()
                row = rows[0] if len(rows) == 1 else None
        if row is None:
            raise NotFound("no such document", where=document_id)
        return _document(row)

    def get_raw(self, document_id: str) -> bytes | None:
        with self._reading() as conn:
            return conn.execute(select(s.documents.c.raw).where(s.documents.c.id == document_id)).scalar()

    def _documents_query(self, as_of: datetime | None, search: str | None = None) -> Select[Any]:
        query = select(*_DOC_COLUMNS)
        if as_of is not None:
            query = query.where(s.documents.c.ingested_at <= as_of)
        if search:
            query = query.where(search_filter(search, self._fts))
        return query

    def list_documents(
        self, limit: int = 20, offset: int = 0, search: str | None = None, as_of: datetime | None = None
    ) -> list[StoredDocument]:
        query = self._documents_query(as_of, search).order_by(s.documents.c.ingested_at, s.documents.c.seq)
        with self._reading() as conn:
            return [_document(row) for row in conn.execute(query.limit(limit).offset(offset))]

    def count_documents(self, search: str | None = None, as_of: datetime | None = None) -> int:
        query = self._documents_query(as_of, search).subquery()
        with self._reading() as conn:
            return int(conn.execute(select(func.count()).select_from(query)).scalar_one())

    def _stream(self, query: Select[Any]) -> Iterator[Any]:
        """Rows in `seq` order, fetched in batches so memory stays flat."""
        last = 0
        while True:
            with self._reading() as conn:
                rows = conn.execute(
                    query.where(s.documents.c.seq > last).order_by(s.documents.c.seq).limit(BATCH)
                ).all()
            yield from rows
            if len(rows) < BATCH:
                return
            last = rows[-1].seq

    def documents_needing_analysis(self, version: str) -> Iterator[Document]:
        """Unique documents (not near-duplicates) with no analysis by pipeline `version`."""
        done = exists().where(
            (s.analyses.c.document_id == s.documents.c.id) & (s.analyses.c.pipeline_version == version)
        )
        query = select(*_DOC_COLUMNS).where(s.documents.c.duplicate_of.is_(None), ~done)
        for row in self._stream(query):
            yield _document(row).document

    def near_duplicate_signatures(self) -> Iterator[tuple[str, bytes]]:
        """(document id, signature) of every stored first copy, to rebuild the dedup index."""
        query = select(s.documents.c.seq, s.documents.c.id, s.documents.c.near_signature).where(
            s.documents.c.near_signature.is_not(None), s.documents.c.duplicate_of.is_(None)
        )
        for row in self._stream(query):
            yield row.id, bytes(row.near_signature)

    # -- analyses -----------------------------------------------------------

    def save_analysis(self, analysis: Analysis) -> str:
        """Store an analysis and its derived rows, replacing one of the same pipeline version."""
        now = s.utcnow()
        aid = analysis_id(analysis.id, analysis.pipeline_version)
        with self.transaction() as conn:
            found = conn.execute(
                select(s.documents.c.text, s.analyses.c.id)
                .outerjoin(s.analyses, s.analyses.c.id == aid)
                .where(s.documents.c.id == analysis.id)
            ).first()
            if found is None:
                raise NotFound("cannot save an analysis of a document that is not stored", where=analysis.id)
            record = analysis_to_record(analysis, found.text)
            if found.id is not None:  # replacing: its rows go first
                for table in (*s.DERIVED, s.analyses):
                    key = table.c.id if table is s.analyses else table.c.analysis_id
                    conn.execute(delete(table).where(key == aid))
            row = {
                "id": aid,
                "document_id": analysis.id,
                "pipeline_version": analysis.pipeline_version,
                "published": analysis.published,
                "created_at": now,
                "record": record,
            }
            conn.execute(insert(s.analyses), row)
            for name, rows in derived_rows(analysis, record, aid, analysis.id, now).items():
                if rows:
                    conn.execute(insert(s.metadata.tables[name]), rows)
        return aid

    def load_analysis(
        self, document_id: str, version: str | None = None, as_of: datetime | None = None
    ) -> Analysis:
        """The analysis of a document by `version`, else its newest one."""
        query = (
            select(s.analyses.c.record, s.documents.c.text)
            .join(s.documents, s.documents.c.id == s.analyses.c.document_id)
            .where(s.analyses.c.document_id == document_id)
            .order_by(s.analyses.c.created_at.desc())
            .limit(1)
        )
        if version is not None:
            query = query.where(s.analyses.c.pipeline_version == version)
        if as_of is not None:
            query = query.where(s.analyses.c.created_at <= as_of)
        with self._reading() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFound(f"no analysis{f' by pipeline {version}' if version else ''}", where=document_id)
        return analysis_from_record(row.record, row.text)

    # -- summaries ----------------------------------------------------------

    def count_rows(self) -> dict[str, int]:
        """Rows per table, for summaries."""
        tables = (s.sources, s.documents, s.analyses, *s.DERIVED)
        with self._reading() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for t in tables
            }

    def top_values(self, table: str, column: str, limit: int = 5) -> list[tuple[str, int]]:
        """The most frequent values of one column of a derived table."""
        col = s.metadata.tables[table].c[column]
        query = (
            select(col, func.count().label("n")).group_by(col).order_by(func.count().desc(), col).limit(limit)
        )
        with self._reading() as conn:
            return [(str(value), int(n)) for value, n in conn.execute(query)]

    def quote_samples(self, limit: int = 3) -> list[tuple[str, str, str | None]]:
        """(speaker, quoted words, forecast hedge) of some quotes, those stating an expectation first."""
        q, d = s.quotes, s.documents
        words = func.substr(d.c.text, q.c.start + 1, q.c.end - q.c.start)
        query = (
            select(q.c.speaker, words.label("words"), q.c.forecast_hedge)
            .join(d, d.c.id == q.c.document_id)
            .order_by(
                q.c.forecast_hedge.is_(None), func.length(q.c.speaker) == 0, q.c.created_at, q.c.ordinal
            )
            .limit(limit)
        )
        with self._reading() as conn:
            return [(row.speaker, row.words, row.forecast_hedge) for row in conn.execute(query)]


def open_store(url: str) -> Store:
    """Open (creating and migrating to the newest schema) the store at a SQLAlchemy URL."""
    engine = make_engine(url)
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the store: {exc.__class__.__name__}: {exc}", where=url) from exc
    return Store(engine)
