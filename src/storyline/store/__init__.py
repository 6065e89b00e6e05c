"""The store: SQLite by default (one file, embedded), PostgreSQL for a ``postgres://`` or
``postgresql://`` URL; the interface is what every backend offers."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .sqlite import SQLiteStore, StoreConflict, StoreDataError, StoreError

if TYPE_CHECKING:
    from .postgres import PostgresStore

DEFAULT_DB = "storyline.db"
Store = Union[SQLiteStore, "PostgresStore"]

_URL = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)
_LOOKS_LIKE_URL = re.compile(r"^(?:postgres|[a-z][a-z0-9+.-]+://)", re.IGNORECASE)
_COLLAPSED_URL = re.compile(r"^(postgres(?:ql)?):/(?!/)(.*)$", re.IGNORECASE | re.DOTALL)


def postgres_url(target: str | Path) -> str | None:
    """The PostgreSQL URL that ``target`` names, or None for an SQLite path.

    A URL that went through ``pathlib.Path`` (the CLI's --db option) has lost its double slash
    ("postgresql:///db?host=/run" became "postgresql:/db?host=/run"): a path part with a slash had
    a host ("//host/db"), one without had none ("///db")."""
    text = str(target)
    if _URL.match(text):
        return text
    m = _COLLAPSED_URL.match(text) if isinstance(target, Path) else None
    if m:
        scheme, rest = m.groups()
        path = rest.split("?", 1)[0]
        return f"{scheme}://{rest}" if "/" in path else f"{scheme}:///{rest}"
    return None


def open_store(target: str | Path = DEFAULT_DB) -> Store:
    """Open (creating and migrating as needed) the store at ``target``: an SQLite file path, or a
    PostgreSQL URL (postgres://... or postgresql://...)."""
    url = postgres_url(target)
    if url is None and _LOOKS_LIKE_URL.match(str(target)):
        from .postgres import redact

        shown = re.sub(r"([^:/@\s]+:)[^@\s]*@", r"\1***@", redact(str(target)))  # user:password@ even here
        raise StoreError(f"{shown}: not a store Storyline knows: give a postgresql://user@host/dbname "
                         "URL or the path of an SQLite file")
    if url is not None:
        try:
            from .postgres import PostgresStore
        except ImportError as exc:  # pragma: no cover - the module itself guards its psycopg import
            raise StoreError(f"the PostgreSQL backend cannot be loaded ({exc})") from None
        return PostgresStore(url)
    return SQLiteStore(str(target))


__all__ = ["DEFAULT_DB", "SQLiteStore", "Store", "StoreConflict", "StoreDataError", "StoreError", "open_store", "postgres_url"]
