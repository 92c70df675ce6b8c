"""The store: schema, migrations and one repository interface over SQLite or PostgreSQL."""

from forewarn.store.repository import AddResult, Store, StoredDocument, open_store

# Registers the merged-event tables (migration 0002) on the store's metadata.
from forewarn.store import events_merge as _events_merge  # noqa: F401  isort: skip

__all__ = ["AddResult", "Store", "StoredDocument", "open_store"]
