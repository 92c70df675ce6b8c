"""Merged events: one row per real-world event and one per mention, kept across ingest batches.

Tables of `forewarn.store.events_merge`.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "merged_events",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("first_report", sa.Date(), nullable=True),
        sa.Column("last_report", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_merged_events"),
    )
    for column in ("type", "first_report", "last_report"):
        op.create_index(f"ix_merged_events_{column}", "merged_events", [column])
    op.create_table(
        "event_mentions",
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.String(16), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reported", sa.Date(), nullable=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("actor_codes", sa.JSON(), nullable=False),
        sa.Column("recipient_codes", sa.JSON(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("words", sa.JSON(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_id"],
            ["merged_events.id"],
            name="fk_event_mentions_merged_id_merged_events",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "sentence_start", "trigger_start", name="pk_event_mentions"),
    )
    op.create_index("ix_event_mentions_merged_id", "event_mentions", ["merged_id"])
    op.create_index("ix_event_mentions_reported", "event_mentions", ["reported"])


def downgrade() -> None:
    op.drop_table("event_mentions")
    op.drop_table("merged_events")
