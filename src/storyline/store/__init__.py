"""The store: SQLite by default (one file, embedded); the interface is what every backend offers."""
from __future__ import annotations

from pathlib import Path

from .sqlite import SQLiteStore, StoreError

DEFAULT_DB = "storyline.db"


def open_store(target: str | Path = DEFAULT_DB) -> SQLiteStore:
    """Open (creating and migrating as needed) the store at ``target``: an SQLite file path."""
    target = str(target)
    if target.startswith(("postgres://", "postgresql://")):
        raise StoreError("the PostgreSQL backend is not built yet; use an SQLite file path")
    return SQLiteStore(target)


__all__ = ["open_store", "SQLiteStore", "StoreError", "DEFAULT_DB"]
