"""Initial schema: sources, documents, analyses and the derived rows.

Frozen copy of the tables as first released; later changes go in new revisions.
On SQLite with FTS5 a full-text index over title and text is kept in step with
`documents` by triggers.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DERIVED = ("sentences", "places", "actors", "times", "quotes", "events")


def _provenance(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("analysis_id", sa.String(32), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("pipeline_version", sa.String(200), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["analysis_id"], ["analyses.id"], name=f"fk_{table}_analysis_id_analyses", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=f"fk_{table}_document_id_documents"),
        sa.PrimaryKeyConstraint("analysis_id", "ordinal", name=f"pk_{table}"),
    ]


def _indexes(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


def _core_tables() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("location", name="uq_sources_location"),
    )
    op.create_table(
        "documents",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        *(sa.Column(name, sa.Text(), nullable=False) for name in ("source", "url", "title", "author")),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=True),
        sa.Column("raw_path", sa.Text(), nullable=True),
        *(
            sa.Column(f"published_{name}", sa.Date(), nullable=True)
            for name in ("value", "earliest", "latest")
        ),
        sa.Column("published_method", sa.String(16), nullable=False),
        sa.Column("published_evidence", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=True),
        sa.Column("near_signature", sa.LargeBinary(), nullable=True),
        sa.Column("duplicate_of", sa.String(64), nullable=True),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_of"], ["documents.id"], name="fk_documents_duplicate_of_documents"
        ),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name="fk_documents_source_id_sources"),
        sa.PrimaryKeyConstraint("seq", name="pk_documents"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
        sa.UniqueConstraint("id", name="uq_documents_id"),
    )
    _indexes("documents", "duplicate_of", "ingested_at", "published_value", "source_id")
    op.create_table(
        "analyses",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("pipeline_version", sa.String(200), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_analyses_document_id_documents"),
        sa.PrimaryKeyConstraint("id", name="pk_analyses"),
        sa.UniqueConstraint("document_id", "pipeline_version", name="uq_analyses_document_version"),
    )
    _indexes("analyses", "created_at", "document_id")


def _derived_tables() -> None:
    op.create_table("sentences", *_provenance("sentences"))
    op.create_table(
        "places",
        *_provenance("places"),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(8), nullable=False),
        sa.Column("admin1", sa.Text(), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
    )
    op.create_index("ix_places_lat_lon", "places", ["lat", "lon"])
    _indexes("places", "country", "name")
    op.create_table(
        "actors",
        *_provenance("actors"),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("country", sa.String(8), nullable=False),
        sa.Column("sector", sa.String(16), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
    )
    _indexes("actors", "code", "country", "name", "sector")
    op.create_table(
        "times",
        *_provenance("times"),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("mod", sa.String(16), nullable=False),
        sa.Column("interval_start", sa.Date(), nullable=True),
        sa.Column("interval_end", sa.Date(), nullable=True),
    )
    op.create_index("ix_times_interval", "times", ["interval_start", "interval_end"])
    op.create_table(
        "quotes",
        *_provenance("quotes"),
        sa.Column("speaker", sa.Text(), nullable=False),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=False),
        sa.Column("cue_end", sa.Integer(), nullable=False),
        sa.Column("forecast_hedge", sa.Text(), nullable=True),
        *(
            sa.Column(f"forecast_{name}", sa.Integer(), nullable=True)
            for name in ("start", "end", "time_start", "time_end")
        ),
    )
    _indexes("quotes", "speaker")
    op.create_table(
        "events",
        *_provenance("events"),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(64), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("cameo", sa.String(16), nullable=False),
        sa.Column("acled", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
    )
    op.create_index("ix_events_date", "events", ["date_start", "date_end"])
    _indexes("events", "cameo", "modality", "type")
    for table in DERIVED:
        _indexes(table, "document_id")


FTS_SQL = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
    " INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
    " INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);"
    " END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN"
    " INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);"
    " INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
)


def _full_text_search() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # PostgreSQL searches with ILIKE; see docs/store.md
    options = {row[0] for row in bind.exec_driver_sql("PRAGMA compile_options")}
    if "ENABLE_FTS5" not in options:
        return  # the repository falls back to LIKE
    for statement in FTS_SQL:
        bind.exec_driver_sql(statement)


def upgrade() -> None:
    _core_tables()
    _derived_tables()
    _full_text_search()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{name}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in (*reversed(DERIVED), "analyses", "documents", "sources"):
        op.drop_table(table)
