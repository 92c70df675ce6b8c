"""The store: schema, migrations and one repository interface over SQLite or PostgreSQL."""

from forewarn.store.repository import AddResult, Store, StoredDocument, open_store

__all__ = ["AddResult", "Store", "StoredDocument", "open_store"]
